//! The element tree the parsers build and the HTML converter walks; it
//! mirrors kramdown's `Element` types so each conversion rule has one home.

/// Element types, named after kramdown's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Root,
    Blank,
    Text,
    RawText,
    P,
    Header,
    Blockquote,
    Codeblock,
    Hr,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Html,
    XmlComment,
    XmlPi,
    Math,
    Eob,
    Footnote,
    Comment,
    Raw,
    Br,
    A,
    Img,
    Codespan,
    Em,
    Strong,
    Entity,
    SmartQuote,
    TypoSym,
    Abbreviation,
    Temp,
}

/// How the body of an HTML element is parsed (kramdown's content model).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Model {
    #[default]
    Raw,
    Block,
    Span,
}

/// Table column alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Default,
    Left,
    Right,
    Center,
}

/// What an end-of-block marker stands for (kramdown's `:eob` values).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) enum EobKind {
    #[default]
    Plain,
    Ial,
    Ald,
    Extension,
    LinkDef(String),
    AbbrevDef(String),
    FootnoteDef(String),
}

/// Ordered attributes: setting an existing key keeps its position, as a Ruby hash does.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Attrs(pub Vec<(String, String)>);

impl Attrs {
    pub fn get(&self, k: &str) -> Option<&str> {
        self.0.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str())
    }
    /// Takes the key as `&str` or owned (a `String` or `Cow` key is moved
    /// in, not copied, when it is new).
    pub fn set(&mut self, k: impl AsRef<str> + Into<String>, v: String) {
        match self.0.iter_mut().find(|(a, _)| a == k.as_ref()) {
            Some(slot) => slot.1 = v,
            None => self.0.push((k.into(), v)),
        }
    }
    pub fn remove(&mut self, k: &str) -> Option<String> {
        let i = self.0.iter().position(|(a, _)| a == k)?;
        Some(self.0.remove(i).1)
    }
    pub fn contains(&self, k: &str) -> bool {
        self.get(k).is_some()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An inline attribute list: attributes plus references to ALDs.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Ial {
    pub attrs: Attrs,
    pub refs: Vec<String>,
}

impl Ial {
    pub fn has_ref(&self, r: &str) -> bool {
        self.refs.iter().any(|x| x == r)
    }
}

/// One node of the document tree.
#[derive(Clone, Debug)]
pub(crate) struct El {
    pub kind: Kind,
    /// Text, code, HTML tag name, math source, footnote name, etc.
    pub value: String,
    pub attr: Attrs,
    pub children: Vec<El>,
    pub transparent: bool,
    /// Category: block (true) or span.
    pub block: bool,
    pub level: u8,
    pub model: Model,
    pub is_closed: bool,
    /// Entity code point; symbol index for smart quotes and typographic symbols.
    pub num: u32,
    pub first_as_para: bool,
    /// Fields few elements need, boxed to keep the tree small.
    x: Option<Box<Extra>>,
}

/// The rarely used fields of an element.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extra {
    /// Header or term text, for ids.
    pub raw_text: String,
    /// Code block language (with any `?options`).
    pub lang: Option<String>,
    pub align: Vec<Align>,
    /// Original source of an entity (`&amp;`), used by `entity_output`.
    pub original: Option<String>,
    pub eob: EobKind,
    /// Raw types kept by `{::nomarkdown type="..."}`.
    pub raw_types: Vec<String>,
    /// The element's inline attribute list (kept for its ALD references and
    /// for the parsers that look back at it).
    pub ial: Option<Ial>,
}

static NO_EXTRA: Extra = Extra {
    raw_text: String::new(),
    lang: None,
    align: Vec::new(),
    original: None,
    eob: EobKind::Plain,
    raw_types: Vec::new(),
    ial: None,
};

impl El {
    pub fn new(kind: Kind) -> El {
        El {
            kind,
            value: String::new(),
            attr: Attrs::default(),
            children: Vec::new(),
            transparent: false,
            block: false,
            level: 0,
            model: Model::Raw,
            is_closed: false,
            num: 0,
            first_as_para: false,
            x: None,
        }
    }
    fn extra(&self) -> &Extra {
        self.x.as_deref().unwrap_or(&NO_EXTRA)
    }
    pub fn extra_mut(&mut self) -> &mut Extra {
        self.x.get_or_insert_with(Default::default)
    }
    pub fn raw_text(&self) -> &str {
        &self.extra().raw_text
    }
    pub fn lang(&self) -> Option<&str> {
        self.extra().lang.as_deref()
    }
    pub fn align(&self) -> &[Align] {
        &self.extra().align
    }
    pub fn original(&self) -> Option<&str> {
        self.extra().original.as_deref()
    }
    pub fn eob(&self) -> &EobKind {
        &self.extra().eob
    }
    pub fn raw_types(&self) -> &[String] {
        &self.extra().raw_types
    }
    pub fn ial(&self) -> Option<&Ial> {
        self.extra().ial.as_ref()
    }
    pub fn take_ial(&mut self) -> Option<Ial> {
        self.x.as_deref_mut().and_then(|x| x.ial.take())
    }
    /// The attributes to update from the IAL, and the IAL.
    pub fn attr_and_ial(&mut self) -> (&mut Attrs, Option<&Ial>) {
        (
            &mut self.attr,
            self.x.as_deref().and_then(|x| x.ial.as_ref()),
        )
    }
    /// Sets (or, with `None`, clears) the IAL; an element without one
    /// gets no extra fields for a `None`.
    pub fn set_ial(&mut self, ial: Option<Ial>) {
        if ial.is_some() || self.x.is_some() {
            self.extra_mut().ial = ial;
        }
    }
    pub fn with_value(kind: Kind, value: impl Into<String>) -> El {
        let mut e = El::new(kind);
        e.value = value.into();
        e
    }
}

/// Smart quote symbols, in `smart_quotes` option order.
pub(crate) const LSQUO: u32 = 0;
pub(crate) const RSQUO: u32 = 1;
pub(crate) const LDQUO: u32 = 2;
pub(crate) const RDQUO: u32 = 3;

/// Typographic symbols.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sym {
    Mdash = 0,
    Ndash,
    Hellip,
    LaquoSpace,
    RaquoSpace,
    Laquo,
    Raquo,
}

impl Sym {
    pub const ALL: [Sym; 7] = [
        Sym::Mdash,
        Sym::Ndash,
        Sym::Hellip,
        Sym::LaquoSpace,
        Sym::RaquoSpace,
        Sym::Laquo,
        Sym::Raquo,
    ];
    pub fn from_num(n: u32) -> Sym {
        Sym::ALL[n as usize % 7]
    }
    pub fn name(self) -> &'static str {
        match self {
            Sym::Mdash => "mdash",
            Sym::Ndash => "ndash",
            Sym::Hellip => "hellip",
            Sym::LaquoSpace => "laquo_space",
            Sym::RaquoSpace => "raquo_space",
            Sym::Laquo => "laquo",
            Sym::Raquo => "raquo",
        }
    }
}
