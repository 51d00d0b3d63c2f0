//! The render context: variable scopes, global data, registers, host state,
//! the include stack and resource limits.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use chrono::{DateTime, FixedOffset};

use crate::date::{UtcZone, Zone};
use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Location};
use crate::template::Template;
use crate::value::{map_get, Map, Str, Value};

/// Supplies the templates that `{% include %}` and `{% render %}` name.
pub trait FileSystem: Send + Sync {
    /// Reads the template source for `name` (as written in the tag).
    fn read_template_file(&self, name: &str) -> Result<String, Error>;

    /// Loads and parses the template; override to serve pre-parsed templates.
    fn load(&self, name: &str, engine: &Engine) -> Result<Arc<Template>, Error> {
        let src = self.read_template_file(name)?;
        Template::parse_named(&src, name, engine).map(Arc::new)
    }
}

/// Resource limits; the defaults match Liquid's (unlimited output, nesting
/// depth 100).
#[derive(Debug, Clone)]
pub struct Limits {
    /// Maximum output length in bytes of one render.
    pub max_output_bytes: Option<usize>,
    /// Maximum number of render steps (nodes rendered, loop iterations).
    pub max_render_steps: Option<u64>,
    /// Maximum nesting of scopes and includes.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_output_bytes: None,
            max_render_steps: None,
            max_depth: 100,
        }
    }
}

/// One variable scope. Scopes hold a handful of names, so a vector scanned
/// from the end beats hashing; a one-word filter of the names it holds lets
/// a lookup pass over scopes without the name (the common case: `site` or
/// `page` read from inside nested loops and includes) without scanning them.
#[derive(Default)]
struct Scope {
    vars: Vec<(Str, Value)>,
    /// The union of [`name_bit`] of every name in `vars`.
    names: u64,
}

/// A name's bit in [`Scope::names`], from its length and first byte.
#[inline(always)]
pub(crate) fn name_bit(name: &str) -> u64 {
    let first = name.as_bytes().first().copied().unwrap_or(0);
    let h = (name.len() as u32)
        .wrapping_mul(7)
        .wrapping_add(u32::from(first));
    1 << (h & 63)
}

impl Scope {
    /// Always inlined: most scopes fail the one-word test, which is then
    /// all a lookup costs for them.
    #[inline(always)]
    fn get(&self, name: &str, bit: u64) -> Option<&Value> {
        if self.names & bit == 0 {
            return None;
        }
        self.vars
            .iter()
            .rev()
            .find(|(k, _)| k.len() == name.len() && crate::value::str_eq(k, name))
            .map(|(_, v)| v)
    }

    fn set(&mut self, name: &str, value: Value) {
        match self.slot(name) {
            Some(slot) => slot.1 = value,
            None => self.push(shared_name(name), value),
        }
    }

    /// [`Scope::set`] with a shared name (no copy of the name).
    fn set_str(&mut self, name: &Str, value: Value) {
        match self.slot(name) {
            Some(slot) => slot.1 = value,
            None => self.push(name.clone(), value),
        }
    }

    fn push(&mut self, name: Str, value: Value) {
        self.names |= name_bit(&name);
        self.vars.push((name, value));
    }

    fn slot(&mut self, name: &str) -> Option<&mut (Str, Value)> {
        if self.names & name_bit(name) == 0 {
            return None;
        }
        self.vars
            .iter_mut()
            .rev()
            .find(|(k, _)| k.len() == name.len() && crate::value::str_eq(k, name))
    }

    fn clear(&mut self) {
        self.vars.clear();
        self.names = 0;
    }
}

/// `break` / `continue` signalled from inside a loop body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Interrupt {
    Break,
    Continue,
}

/// The template being rendered, for locating errors.
#[derive(Clone)]
pub(crate) struct Frame {
    pub(crate) name: Option<Str>,
    pub(crate) source: Str,
}

/// Everything one render sees. Create one per page render.
pub struct Context {
    engine: Engine,
    /// Innermost scope last; `scopes[0]` is where `assign` writes.
    scopes: Vec<Scope>,
    environment: Map,
    static_environment: Arc<Map>,
    /// A handful of entries each: scanned, not hashed. Names are shared
    /// like variable names, so setting `page` for every render copies none.
    registers: Vec<(Str, Value)>,
    host: Vec<(TypeId, Arc<dyn Any + Send + Sync>)>,
    file_system: Option<Arc<dyn FileSystem>>,
    limits: Limits,
    pub(crate) interrupt: Option<Interrupt>,
    pub(crate) steps: u64,
    pub(crate) depth: usize,
    pub(crate) frames: Vec<Frame>,
    pub(crate) state: crate::render::State,
    partials: crate::render::FastMap<Arc<Template>>,
    /// Popped scopes, kept for their allocations.
    spare: Vec<Scope>,
    zone: Arc<dyn Zone>,
    now: Option<DateTime<FixedOffset>>,
}

/// What every new context starts with, made once: a context is created for
/// every page render and every `{% render %}`, so these cost no allocation.
static NO_GLOBALS: LazyLock<Arc<Map>> = LazyLock::new(|| Arc::new(Map::new()));
static UTC: LazyLock<Arc<dyn Zone>> = LazyLock::new(|| Arc::new(UtcZone));

/// How many scopes a context makes room for up front (the outermost, a
/// loop, an include and a loop inside it), so that pushing them does not
/// grow the vector.
const SCOPES: usize = 4;

thread_local! {
    /// Names the host sets by `&str` ([`Context::set_global`],
    /// [`Context::set_local`], [`Context::assign`]), shared so that setting
    /// `site`, `page`, `content` for every render, or `include` for every
    /// include, allocates no name.
    static SHARED_NAMES: RefCell<Vec<Str>> = const { RefCell::new(Vec::new()) };
}

/// A shared copy of `name`, from [`SHARED_NAMES`] when it is there.
fn shared_name(name: &str) -> Str {
    SHARED_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(n) = names
            .iter()
            .find(|n| n.len() == name.len() && crate::value::str_eq(n, name))
        {
            return n.clone();
        }
        let n: Str = name.into();
        // Hosts set a few fixed names; cap the list for hosts that don't.
        if names.len() < 32 {
            names.push(n.clone());
        }
        n
    })
}

impl Context {
    /// A fresh context using `engine`'s filters.
    pub fn new(engine: &Engine) -> Context {
        let mut scopes = Vec::with_capacity(SCOPES);
        // Room for a layout's assigns (the compress layout makes a dozen),
        // which otherwise grow the outermost scope three times a render.
        scopes.push(Scope {
            vars: Vec::with_capacity(16),
            names: 0,
        });
        Context {
            engine: engine.clone(),
            scopes,
            environment: Map::new(),
            static_environment: NO_GLOBALS.clone(),
            registers: Vec::new(),
            host: Vec::new(),
            file_system: None,
            limits: Limits::default(),
            interrupt: None,
            steps: 0,
            depth: 0,
            // A render's template and the includes inside it.
            frames: Vec::with_capacity(SCOPES),
            state: Default::default(),
            partials: Default::default(),
            spare: Vec::with_capacity(SCOPES),
            zone: UTC.clone(),
            now: None,
        }
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Sets a global variable (Ruby's environment, e.g. Jekyll's `site`, `page`).
    pub fn set_global(&mut self, name: &str, value: Value) {
        self.environment
            .insert(Value::Str(shared_name(name)), value);
    }

    /// Replaces all globals with the keys of `map`.
    pub fn set_globals(&mut self, map: Map) {
        self.environment = map;
    }

    /// Globals that `{% render %}` partials can see too (Liquid's static environment).
    pub fn set_static_globals(&mut self, map: Arc<Map>) {
        self.static_environment = map;
    }

    /// Looks a variable up: scopes from the innermost, then globals.
    pub fn get(&self, name: &str) -> Option<Value> {
        let bit = name_bit(name);
        for scope in self.scopes.iter().rev() {
            if let Some(v) = scope.get(name, bit) {
                return Some(v.clone());
            }
        }
        map_get(&self.environment, name)
            .filter(|v| !v.is_nil())
            .or_else(|| map_get(&self.static_environment, name))
            .cloned()
    }

    /// Like [`Context::get`], without cloning.
    pub fn get_ref(&self, name: &str) -> Option<&Value> {
        self.get_ref_with_bit(name, name_bit(name))
    }

    /// [`Context::get_ref`] with the name's [`name_bit`], which a parsed
    /// lookup computes once. Inlined into the lookup that calls it: as a
    /// call, saving and restoring registers cost about a fifth of it.
    #[inline]
    pub(crate) fn get_ref_with_bit(&self, name: &str, bit: u64) -> Option<&Value> {
        for scope in self.scopes.iter().rev() {
            if let Some(v) = scope.get(name, bit) {
                return Some(v);
            }
        }
        map_get(&self.environment, name)
            .filter(|v| !v.is_nil())
            .or_else(|| map_get(&self.static_environment, name))
    }

    /// Assigns in the outermost scope, as `{% assign %}` does.
    pub fn assign(&mut self, name: &str, value: Value) {
        self.scopes[0].set(name, value);
    }

    /// Like [`Context::assign`] for a name the caller already shares.
    pub(crate) fn assign_str(&mut self, name: &Str, value: Value) {
        self.scopes[0].set_str(name, value);
    }

    /// Sets a variable in the innermost scope (like a `for` loop variable).
    pub fn set_local(&mut self, name: &str, value: Value) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.set(name, value);
        }
    }

    /// Like [`Context::set_local`] for a name the caller already shares.
    pub(crate) fn set_local_str(&mut self, name: &Str, value: Value) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.set_str(name, value);
        }
    }

    /// Pushes a new innermost scope; fails when nesting is too deep.
    pub fn push_scope(&mut self) -> Result<(), Error> {
        if self.depth + self.scopes.len() > self.limits.max_depth {
            return Err(Error::new(ErrorKind::StackLevel, "Nesting too deep"));
        }
        let scope = self.spare.pop().unwrap_or_default();
        self.scopes.push(scope);
        Ok(())
    }

    /// Pops the innermost scope (never the outermost).
    pub fn pop_scope(&mut self) {
        if self.scopes.len() > 1 {
            if let Some(mut scope) = self.scopes.pop() {
                scope.clear();
                self.spare.push(scope);
            }
        }
    }

    /// Runs `f` in a new innermost scope.
    pub fn with_scope<R>(
        &mut self,
        f: impl FnOnce(&mut Context) -> Result<R, Error>,
    ) -> Result<R, Error> {
        self.push_scope()?;
        let r = f(self);
        self.pop_scope();
        r
    }

    /// A register (per-render host values, like Jekyll's `site` and `page`).
    pub fn register(&self, name: &str) -> Option<&Value> {
        self.registers
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v)
    }

    /// Sets a register.
    pub fn set_register(&mut self, name: &str, value: Value) {
        match self.registers.iter_mut().find(|(k, _)| &**k == name) {
            Some(slot) => slot.1 = value,
            None => self.registers.push((shared_name(name), value)),
        }
    }

    /// Stores typed host state (one value per type), e.g. the site model.
    pub fn set_host<T: Any + Send + Sync>(&mut self, value: Arc<T>) {
        let id = TypeId::of::<T>();
        match self.host.iter_mut().find(|(k, _)| *k == id) {
            Some(slot) => slot.1 = value,
            None => self.host.push((id, value)),
        }
    }

    /// Reads typed host state (site filters ask on every call).
    pub fn host<T: Any + Send + Sync>(&self) -> Option<&T> {
        let id = TypeId::of::<T>();
        self.host
            .iter()
            .find(|(k, _)| *k == id)
            .and_then(|(_, v)| v.downcast_ref::<T>())
    }

    /// Sets the file system for `include` and `render`.
    pub fn set_file_system(&mut self, fs: Arc<dyn FileSystem>) {
        self.file_system = Some(fs);
    }

    /// The file system, if any.
    pub fn file_system(&self) -> Option<&Arc<dyn FileSystem>> {
        self.file_system.as_ref()
    }

    /// The resource limits.
    pub fn limits_mut(&mut self) -> &mut Limits {
        &mut self.limits
    }

    /// The resource limits.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Loads a partial through the file system, caching it for this context.
    pub fn load_partial(&mut self, name: &str) -> Result<Arc<Template>, Error> {
        if let Some(t) = self.partials.get(name) {
            return Ok(t.clone());
        }
        let fs = self.file_system.clone().ok_or_else(|| {
            Error::new(
                ErrorKind::FileSystem,
                "This liquid context does not allow includes.",
            )
        })?;
        let t = fs.load(name, &self.engine)?;
        self.partials.insert(name.to_string(), t.clone());
        Ok(t)
    }

    /// Renders `template` as a nested template (an include): errors inside it
    /// carry it on their include stack. Variables are shared.
    pub fn render_nested(&mut self, template: &Template, out: &mut String) -> Result<(), Error> {
        if self.depth + self.scopes.len() > self.limits.max_depth {
            return Err(Error::new(ErrorKind::StackLevel, "Nesting too deep"));
        }
        self.depth += 1;
        let r = template.render_to(self, out);
        self.depth -= 1;
        r.map_err(|e| {
            let name: Str = template.name().unwrap_or("").into();
            e.push_include(name, None)
        })
    }

    /// A context for `{% render %}`: same engine, registers, host state,
    /// file system and static globals, but no variables.
    pub fn isolated(&self) -> Result<Context, Error> {
        if self.depth + self.scopes.len() > self.limits.max_depth {
            return Err(Error::new(ErrorKind::StackLevel, "Nesting too deep"));
        }
        let mut c = Context::new(&self.engine);
        c.static_environment = self.static_environment.clone();
        c.registers = self.registers.clone();
        c.host = self.host.clone();
        c.file_system = self.file_system.clone();
        c.limits = self.limits.clone();
        c.depth = self.depth + self.scopes.len();
        c.partials = self.partials.clone();
        c.steps = self.steps;
        c.zone = self.zone.clone();
        c.now = self.now;
        Ok(c)
    }

    /// Sets the local time zone (Ruby's `ENV["TZ"]`; UTC by default).
    pub fn set_zone(&mut self, zone: Arc<dyn Zone>) {
        self.zone = zone;
    }

    /// The local time zone.
    pub fn zone(&self) -> &dyn Zone {
        &*self.zone
    }

    /// Fixes what `now` means (for reproducible output); the clock otherwise.
    pub fn set_now(&mut self, now: DateTime<FixedOffset>) {
        self.now = Some(now);
    }

    /// The current time in the local zone.
    pub fn now(&self) -> DateTime<FixedOffset> {
        match self.now {
            Some(t) => t,
            None => crate::date::at_utc(&*self.zone, chrono::Utc::now().naive_utc()),
        }
    }

    /// Where the current template's byte `offset` is.
    pub(crate) fn locate(&self, offset: usize) -> Option<Location> {
        let f = self.frames.last()?;
        Some(crate::error::locate(&f.source, f.name.as_ref(), offset))
    }

    /// Counts a render step against the limits.
    #[inline]
    pub(crate) fn step(&mut self, out_len: usize) -> Result<(), Error> {
        self.steps += 1;
        if self.limits.max_render_steps.is_none() && self.limits.max_output_bytes.is_none() {
            return Ok(());
        }
        self.check_limits(out_len)
    }

    /// [`Context::step`]'s checks, when limits are set.
    #[cold]
    fn check_limits(&mut self, out_len: usize) -> Result<(), Error> {
        if let Some(max) = self.limits.max_render_steps {
            if self.steps > max {
                return Err(Error::new(
                    ErrorKind::ResourceLimit,
                    "Memory limits exceeded",
                ));
            }
        }
        if let Some(max) = self.limits.max_output_bytes {
            if out_len > max {
                return Err(Error::new(
                    ErrorKind::ResourceLimit,
                    "Memory limits exceeded",
                ));
            }
        }
        Ok(())
    }

    /// Mutable access to the globals (for `increment`/`decrement`).
    pub(crate) fn environment_mut(&mut self) -> &mut Map {
        &mut self.environment
    }
}
