//! Rouge's token types, named by the short CSS class Rouge's HTML formatter
//! writes for them. `TEXT` has no class: the formatter writes it bare.

/// A token type, as its Rouge short class name (`""` for plain text).
pub(crate) type Tok = &'static str;

pub(crate) const TEXT: Tok = "";
pub(crate) const WS: Tok = "w";
pub(crate) const ERR: Tok = "err";
pub(crate) const ESC: Tok = "esc";
pub(crate) const OTHER: Tok = "x";

pub(crate) const K: Tok = "k";
pub(crate) const KC: Tok = "kc";
pub(crate) const KD: Tok = "kd";
pub(crate) const KN: Tok = "kn";
pub(crate) const KP: Tok = "kp";
pub(crate) const KR: Tok = "kr";
pub(crate) const KT: Tok = "kt";
pub(crate) const KV: Tok = "kv";

pub(crate) const N: Tok = "n";
pub(crate) const NA: Tok = "na";
pub(crate) const NB: Tok = "nb";
pub(crate) const BP: Tok = "bp";
pub(crate) const NC: Tok = "nc";
pub(crate) const NO: Tok = "no";
pub(crate) const ND: Tok = "nd";
pub(crate) const NI: Tok = "ni";
pub(crate) const NE: Tok = "ne";
pub(crate) const NF: Tok = "nf";
pub(crate) const FM: Tok = "fm";
pub(crate) const NL: Tok = "nl";
pub(crate) const NN: Tok = "nn";
pub(crate) const NX: Tok = "nx";
pub(crate) const PY: Tok = "py";
pub(crate) const NT: Tok = "nt";
pub(crate) const NV: Tok = "nv";
pub(crate) const VC: Tok = "vc";
pub(crate) const VG: Tok = "vg";
pub(crate) const VI: Tok = "vi";
pub(crate) const VM: Tok = "vm";

pub(crate) const L: Tok = "l";
pub(crate) const LD: Tok = "ld";
pub(crate) const M: Tok = "m";
pub(crate) const MB: Tok = "mb";
pub(crate) const MF: Tok = "mf";
pub(crate) const MH: Tok = "mh";
pub(crate) const MI: Tok = "mi";
pub(crate) const IL: Tok = "il";
pub(crate) const MO: Tok = "mo";
pub(crate) const MX: Tok = "mx";

pub(crate) const S: Tok = "s";
pub(crate) const SA: Tok = "sa";
pub(crate) const SB: Tok = "sb";
pub(crate) const SC: Tok = "sc";
pub(crate) const DL: Tok = "dl";
pub(crate) const SD: Tok = "sd";
pub(crate) const S2: Tok = "s2";
pub(crate) const SE: Tok = "se";
pub(crate) const SH: Tok = "sh";
pub(crate) const SI: Tok = "si";
pub(crate) const SX: Tok = "sx";
pub(crate) const SR: Tok = "sr";
pub(crate) const S1: Tok = "s1";
pub(crate) const SS: Tok = "ss";

pub(crate) const O: Tok = "o";
pub(crate) const OW: Tok = "ow";
pub(crate) const P: Tok = "p";
pub(crate) const PI: Tok = "pi";

pub(crate) const C: Tok = "c";
pub(crate) const CD: Tok = "cd";
pub(crate) const CH: Tok = "ch";
pub(crate) const CM: Tok = "cm";
pub(crate) const CP: Tok = "cp";
pub(crate) const CPF: Tok = "cpf";
pub(crate) const C1: Tok = "c1";
pub(crate) const CS: Tok = "cs";

pub(crate) const G: Tok = "g";
pub(crate) const GD: Tok = "gd";
pub(crate) const GE: Tok = "ge";
pub(crate) const GR: Tok = "gr";
pub(crate) const GH: Tok = "gh";
pub(crate) const GI: Tok = "gi";
pub(crate) const GO: Tok = "go";
pub(crate) const GP: Tok = "gp";
pub(crate) const GS: Tok = "gs";
pub(crate) const GU: Tok = "gu";
pub(crate) const GT: Tok = "gt";
