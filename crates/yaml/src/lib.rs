//! hyde-yaml: YAML read exactly as Jekyll 4.3 reads it.
//!
//! Jekyll 4.3 reads `_config.yml`, front matter and `_data/*.yml` all through
//! `Jekyll::Utils.safe_load_yaml`, i.e.
//! `Psych.safe_load(yaml, permitted_classes: [Date, Time], aliases: true)`:
//! libyaml's parser, Psych's scalar typing. (SafeYAML is Jekyll 3 only.)
//! [`load`] reproduces that on `saphyr-parser`:
//!
//! - only the first document is read; an empty one is `Yaml::Null` (Ruby
//!   `nil`; Jekyll then uses `{}`);
//! - YAML 1.1 booleans (`yes`/`No`/`ON`...), `~`/`null`, Psych's integers
//!   (`017` octal, `0x1f`, `0b1`, `1_000`, `1,000`, `1:30` sexagesimal) and
//!   floats (`1.5`, `.inf`, `1.e+3`; `1e3` stays a String), dates and times;
//! - Integers beyond i64 are [`Yaml::BigInt`] holding Ruby's decimal `to_s`;
//! - a time without an offset is read as UTC and shown in the local zone:
//!   pass Jekyll's `timezone` as [`LoadOptions::local_offset`];
//! - anchors, aliases and `<<` merges (a map or a list of maps), duplicate
//!   keys replacing the value in place, key order as Ruby's Hash;
//! - keys keep their type (`1:` is the Integer 1): [`Map::get`] looks up a
//!   String key as Liquid does, [`Map::get_key`] any key, and
//!   [`Yaml::to_ruby_s`] gives a key's (or value's) Ruby `to_s`;
//! - what Ruby would raise is a [`YamlError`]: `DisallowedClass` for
//!   `:symbols` and `!ruby/...` tags, `BadAlias`, and syntax errors with
//!   libyaml's wording and line:column; its `Display` shows the line and a caret.
//!
//! ```
//! let doc = hyde_yaml::load("title: Hi\nshow: yes\n", &Default::default()).unwrap();
//! let map = doc.value.as_map().unwrap();
//! assert_eq!(map.get("show").unwrap().value, hyde_yaml::Yaml::Bool(true));
//! ```
//!
//! [`load_toml`] reads `_config.toml` into the same types, as tomlrb does.
//! [`to_json`] is the typed canonical dump the differential corpus compares.

mod bom;
mod chrono_lite;
mod dump;
mod error;
mod flat;
mod lenient;
mod loader;
mod plain;
mod rubyfmt;
mod scalar;
mod syntax;
mod tokens;
mod toml_load;
mod value;

pub use chrono_lite::{Civil, Date, Time, Zone};
pub use dump::{to_json, write_str as write_json_str};
pub use error::{ErrorKind, YamlError};
pub use lenient::load;
pub use loader::LoadOptions;
pub use rubyfmt::float_to_s;
pub use toml_load::load_toml;
pub use value::{Map, Node, Pos, Span, Yaml};
