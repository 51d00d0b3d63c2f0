//! The expression tree: spans, and printing as dart-sass's `toString` and
//! `expressionToCalc` do.

/// Binary operators, with dart-sass's precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Plus,
    Minus,
    Times,
    Div,
    Mod,
}

impl BinOp {
    pub(super) fn precedence(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Eq | BinOp::Ne => 3,
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 4,
            BinOp::Plus | BinOp::Minus => 5,
            BinOp::Times | BinOp::Div | BinOp::Mod => 6,
        }
    }

    fn text(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Plus => "+",
            BinOp::Minus => "-",
            BinOp::Times => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
        }
    }

    fn associative(self) -> bool {
        matches!(self, BinOp::Or | BinOp::And | BinOp::Plus | BinOp::Times)
    }
}

/// Function arguments.
#[derive(Debug, Clone)]
pub(crate) struct Args {
    pub(crate) positional: Vec<Expr>,
    pub(crate) named: Vec<(String, Expr)>,
    pub(crate) rest: Option<Box<Expr>>,
    /// Arguments of a calculation (`calc()` and friends), kept as text: a
    /// `/` there is a calculation operator, never a deprecation.
    pub(crate) opaque: Option<(usize, usize)>,
}

/// A SassScript expression; spans are byte ranges in the parsed text.
#[derive(Debug, Clone)]
pub(crate) enum Expr {
    Number {
        value: f64,
        unit: String,
        span: (usize, usize),
    },
    Var {
        span: (usize, usize),
    },
    Func {
        namespace: Option<String>,
        name: String,
        args: Args,
        span: (usize, usize),
    },
    Paren {
        inner: Box<Expr>,
        span: (usize, usize),
    },
    Unary {
        op: &'static str,
        operand: Box<Expr>,
        span: (usize, usize),
    },
    Binary {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
        allows_slash: bool,
    },
    List {
        items: Vec<Expr>,
        comma: bool,
        brackets: bool,
        span: (usize, usize),
    },
    Map {
        pairs: Vec<(Expr, Expr)>,
        span: (usize, usize),
    },
    /// Strings, identifiers, colours, `!important`, `&`: printed as written.
    /// `inner` holds the expressions of its interpolations.
    Other {
        span: (usize, usize),
        inner: Vec<Expr>,
    },
}

impl Expr {
    pub(crate) fn span(&self) -> (usize, usize) {
        match self {
            Expr::Number { span, .. }
            | Expr::Var { span }
            | Expr::Func { span, .. }
            | Expr::Paren { span, .. }
            | Expr::Unary { span, .. }
            | Expr::List { span, .. }
            | Expr::Map { span, .. }
            | Expr::Other { span, .. } => *span,
            Expr::Binary { left, right, .. } => (left.span().0, right.span().1),
        }
    }

    /// dart-sass's `Expression.toString()`.
    pub(crate) fn render(&self, src: &str) -> String {
        match self {
            Expr::Number { value, unit, .. } => format!("{}{unit}", number_text(*value)),
            Expr::Var { span } | Expr::Other { span, .. } => src[span.0..span.1].to_string(),
            Expr::Func {
                namespace,
                name,
                args,
                ..
            } => {
                let ns = namespace
                    .as_ref()
                    .map_or(String::new(), |n| format!("{n}."));
                format!("{ns}{name}{}", args.render(src))
            }
            Expr::Paren { inner, .. } => format!("({})", inner.render(src)),
            Expr::Unary { op, operand, .. } => {
                let space = if *op == "not" { " " } else { "" };
                let parens = matches!(**operand, Expr::Binary { .. } | Expr::Unary { .. })
                    || operand.is_bare_list();
                wrap(&format!("{op}{space}"), &operand.render(src), parens)
            }
            Expr::Binary {
                op, left, right, ..
            } => {
                let left_parens = match &**left {
                    Expr::Binary { op: l, .. } => l.precedence() < op.precedence(),
                    other => other.is_bare_list(),
                };
                let right_parens = match &**right {
                    Expr::Binary { op: r, .. } => {
                        r.precedence() <= op.precedence() && !(r == op && op.associative())
                    }
                    other => other.is_bare_list(),
                };
                format!(
                    "{} {} {}",
                    wrap("", &left.render(src), left_parens),
                    op.text(),
                    wrap("", &right.render(src), right_parens)
                )
            }
            Expr::List {
                items,
                comma,
                brackets,
                ..
            } => {
                let sep = if *comma { ", " } else { " " };
                let body: Vec<String> = items
                    .iter()
                    .map(|i| {
                        let nested = match i {
                            Expr::List {
                                items: inner,
                                comma: c,
                                brackets: false,
                                ..
                            } => inner.len() > 1 && (*comma || !*c),
                            _ => false,
                        };
                        wrap("", &i.render(src), nested)
                    })
                    .collect();
                let body = body.join(sep);
                if *brackets {
                    format!("[{body}]")
                } else {
                    body
                }
            }
            Expr::Map { pairs, .. } => {
                let body: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k.render(src), v.render(src)))
                    .collect();
                format!("({})", body.join(", "))
            }
        }
    }

    /// dart-sass's `expressionToCalc`: the expression inside `calc()`.
    pub(crate) fn render_calc(&self, src: &str) -> String {
        format!("calc({})", self.calc_safe().render(src))
    }

    fn calc_safe(&self) -> Expr {
        match self {
            Expr::Binary {
                op: BinOp::Mod,
                left,
                right,
                allows_slash,
            } => {
                let node = Expr::Binary {
                    op: BinOp::Mod,
                    left: Box::new(left.calc_safe()),
                    right: Box::new(right.calc_safe()),
                    allows_slash: *allows_slash,
                };
                let span = node.span();
                Expr::Func {
                    namespace: Some("math".into()),
                    name: "max".into(),
                    args: Args {
                        positional: vec![node],
                        named: Vec::new(),
                        rest: None,
                        opaque: None,
                    },
                    span,
                }
            }
            Expr::Binary {
                op,
                left,
                right,
                allows_slash,
            } => Expr::Binary {
                op: *op,
                left: Box::new(left.calc_safe()),
                right: Box::new(right.calc_safe()),
                allows_slash: *allows_slash,
            },
            Expr::Unary {
                op: "+", operand, ..
            } => operand.calc_safe(),
            Expr::Unary {
                op: "-",
                operand,
                span,
            } => Expr::Binary {
                op: BinOp::Times,
                left: Box::new(Expr::Number {
                    value: -1.0,
                    unit: String::new(),
                    span: *span,
                }),
                right: Box::new(operand.calc_safe()),
                allows_slash: false,
            },
            Expr::Paren { inner, span } => Expr::Paren {
                inner: Box::new(inner.calc_safe()),
                span: *span,
            },
            other => other.clone(),
        }
    }

    fn is_bare_list(&self) -> bool {
        matches!(self, Expr::List { items, brackets: false, .. } if items.len() > 1)
    }

    /// Whether the expression certainly evaluates to a number (literal
    /// arithmetic), so no evaluation is needed to know it.
    pub(crate) fn is_literal_number(&self) -> bool {
        match self {
            Expr::Number { .. } => true,
            Expr::Paren { inner, .. } => inner.is_literal_number(),
            Expr::Unary {
                op: "-" | "+",
                operand,
                ..
            } => operand.is_literal_number(),
            Expr::Binary {
                op: BinOp::Plus | BinOp::Minus | BinOp::Times | BinOp::Div | BinOp::Mod,
                left,
                right,
                ..
            } => left.is_literal_number() && right.is_literal_number(),
            _ => false,
        }
    }
}

impl Args {
    fn render(&self, src: &str) -> String {
        if let Some((s, e)) = self.opaque {
            return format!("({})", &src[s..e]);
        }
        let mut parts: Vec<String> = self.positional.iter().map(|e| e.render(src)).collect();
        for (name, value) in &self.named {
            parts.push(format!("${name}: {}", value.render(src)));
        }
        if let Some(rest) = &self.rest {
            parts.push(format!("{}...", rest.render(src)));
        }
        format!("({})", parts.join(", "))
    }
}

fn wrap(prefix: &str, text: &str, parens: bool) -> String {
    if parens {
        format!("{prefix}({text})")
    } else {
        format!("{prefix}{text}")
    }
}

/// A number as dart-sass prints it: at most ten decimals, no exponent.
pub(crate) fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let text = format!("{value:.10}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// Calculation functions: their arguments are calculations, and as slash
/// operands they keep `/` a separator (`_operandAllowsSlash`).
pub(crate) const CALC_FUNCTIONS: &[&str] = &[
    "calc", "clamp", "hypot", "sin", "cos", "tan", "asin", "acos", "atan", "sqrt", "exp", "sign",
    "mod", "rem", "atan2", "pow", "log",
];

/// Functions whose arguments hyde does not read as SassScript.
pub(super) fn is_opaque_function(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    CALC_FUNCTIONS.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "min" | "max" | "round" | "abs" | "url" | "element" | "expression" | "var" | "env"
        )
        || lower.starts_with("progid:")
        || lower.starts_with('-') && lower.ends_with("calc")
}
