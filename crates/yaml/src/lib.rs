//! hyde-yaml: YAML read exactly as Jekyll 4.3 reads it.
//!
//! Jekyll 4.3 reads `_config.yml`, front matter and `_data/*.yml` all through
//! `Psych.safe_load(yaml, permitted_classes: [Date, Time], aliases: true)`
//! (libyaml's parser, Psych's scalar typing; SafeYAML is Jekyll 3 only).
//! [`load`] reproduces that: the first document only, YAML 1.1 booleans
//! (`yes`/`no`/`on`/`off`), Psych's integer/float/date/time rules, anchors,
//! aliases and `<<` merges, Ruby Hash ordering, and the exceptions Ruby
//! would raise (`DisallowedClass` for `:symbols`, `BadAlias`, syntax errors
//! with libyaml's wording and line/column).
//!
//! ```
//! let doc = hyde_yaml::load("title: Hi\nshow: yes\n", &Default::default()).unwrap();
//! let map = doc.value.as_map().unwrap();
//! assert_eq!(map.get("show").unwrap().value, hyde_yaml::Yaml::Bool(true));
//! ```

mod chrono_lite;
mod dump;
mod error;
mod lenient;
mod loader;
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
