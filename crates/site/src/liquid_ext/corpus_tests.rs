//! Replays the Jekyll filter and tag corpus (`tests/jekyll_filters/`):
//! every case in `cases.txt` rendered with the variables of `data.json`,
//! against the output real Jekyll 4.3.1 produced (`expected.json`, written
//! by `generate.rb`). The site is a stand-in built from `site.json` and the
//! `site/` folder, so the corpus needs neither Ruby nor the site model.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use hyde_liquid::{Context, Engine, Error, Map, Template, Value, Zone};

use super::{install, register, PostRef, SiteContext, SiteFile};

/// A post of the stand-in site: relative path, URL, slug and date.
type Post = (String, String, String, (i32, u32, u32));

struct StandIn {
    source: PathBuf,
    includes: Vec<PathBuf>,
    files: Vec<(String, String)>,
    posts: Vec<Post>,
}

impl SiteContext for StandIn {
    fn url(&self) -> Option<&str> {
        Some("https://Example.COM")
    }
    fn baseurl(&self) -> Option<&str> {
        Some("/blog/")
    }
    fn source(&self) -> &Path {
        &self.source
    }
    fn includes_load_paths(&self) -> &[PathBuf] {
        &self.includes
    }
    fn site_files(&self) -> Box<dyn Iterator<Item = SiteFile<'_>> + '_> {
        Box::new(self.files.iter().map(|(p, u)| SiteFile {
            relative_path: p,
            url: u,
        }))
    }
    fn markdownify(&self, input: &str) -> Result<String, Error> {
        hyde_markdown::to_html(input, &hyde_markdown::Options::jekyll_default())
            .map(|o| o.html)
            .map_err(|e| Error::runtime(e.to_string()))
    }
    fn posts(&self) -> Box<dyn Iterator<Item = PostRef<'_>> + '_> {
        Box::new(self.posts.iter().map(|(p, u, s, d)| PostRef {
            relative_path: p,
            url: u,
            slug: s,
            date: *d,
        }))
    }
}

/// `TZ=Etc/GMT-5`: five hours east of UTC all year, for the `@+05` runs.
struct GmtMinus5;

impl Zone for GmtMinus5 {
    fn offset_at_utc(&self, _: &NaiveDateTime) -> FixedOffset {
        FixedOffset::east_opt(5 * 3600).expect("valid offset")
    }
    fn offset_at_local(&self, _: &NaiveDateTime) -> FixedOffset {
        FixedOffset::east_opt(5 * 3600).expect("valid offset")
    }
    fn abbreviation(&self, _: &NaiveDateTime) -> String {
        "+05".into()
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jekyll_filters")
}

fn from_json(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) if !n.to_string().contains('.') => Value::Int(i),
            _ => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::str(s.as_str()),
        serde_json::Value::Array(items) => Value::array(items.iter().map(from_json).collect()),
        serde_json::Value::Object(map) => {
            if let Some(t) = map.get("$time").and_then(|t| t.as_str()) {
                return Value::time(DateTime::parse_from_rfc3339(t).expect("valid $time"));
            }
            if let Some(d) = map.get("$date").and_then(|d| d.as_str()) {
                return Value::Date(NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("valid $date"));
            }
            let mut out = Map::new();
            for (k, v) in map {
                out.insert(Value::str(k.as_str()), from_json(v));
            }
            Value::hash(out)
        }
    }
}

fn read_json(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(corpus_dir().join(name)).expect("corpus file");
    serde_json::from_str(&text).expect("valid JSON")
}

fn stand_in() -> StandIn {
    let facts = read_json("site.json");
    let source = corpus_dir().join("site");
    let str_of = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or("").to_owned();
    let files = facts["files"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| (str_of(f, "relative_path"), str_of(f, "url")))
        .collect();
    let posts = facts["posts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let date = NaiveDate::parse_from_str(&str_of(p, "date"), "%Y-%m-%d").expect("date");
            use chrono::Datelike;
            (
                str_of(p, "relative_path"),
                str_of(p, "url"),
                str_of(p, "slug"),
                (date.year(), date.month(), date.day()),
            )
        })
        .collect();
    StandIn {
        // `_theme_includes` stands for a theme's includes, after the site's.
        includes: vec![source.join("_includes"), source.join("_theme_includes")],
        source,
        files,
        posts,
    }
}

/// `--- name` headed cases, as generate.rb reads them.
fn cases() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(corpus_dir().join("cases.txt")).expect("cases.txt");
    let mut out = Vec::new();
    for chunk in text.split("\n--- ").skip(1) {
        let (name, body) = chunk.split_once('\n').unwrap_or((chunk, ""));
        out.push((
            name.trim().to_owned(),
            body.strip_suffix('\n').unwrap_or(body).to_owned(),
        ));
    }
    out
}

fn render(
    engine: &Engine,
    site: &Arc<dyn SiteContext>,
    globals: &Map,
    source: &str,
    zone: Option<Arc<dyn Zone>>,
) -> Result<String, Error> {
    let template = Template::parse(source, engine)?;
    let mut ctx = Context::new(engine);
    if let Some(zone) = zone {
        ctx.set_zone(zone);
    }
    ctx.set_globals(globals.clone());
    install(&mut ctx, site.clone());
    let mut page = Map::new();
    page.insert(Value::str("path"), Value::str("docs/about.md"));
    page.insert(Value::str("title"), Value::str("About"));
    ctx.set_register("page", Value::hash(page));
    template.render(&mut ctx)
}

/// The message of a Ruby error as `generate.rb` records it (`Class:
/// message`), without the class, Liquid's `Liquid error (line 1): `, the
/// ` included ` marker of errors inside includes (hyde shows an include
/// stack instead) and Ruby's error_highlight snippet.
fn ruby_message(error: &str) -> &str {
    let message = error.split_once(": ").map_or(error, |(_, m)| m);
    let message = match message.find("): ") {
        Some(i) if message.starts_with("Liquid") => &message[i + 3..],
        _ => message,
    };
    let message = message.trim_end();
    let message = message.strip_suffix(" included").unwrap_or(message);
    if message.starts_with("undefined method") {
        return message.split("\n\n").next().unwrap_or(message);
    }
    message
}

/// Cases whose filters need the site's Sass and SmartyPants converters,
/// which the stand-in lacks (`markdownify` uses hyde-markdown with Jekyll's
/// defaults); the site's fixtures cover them.
const NEEDS_CONVERTER: &[&str] = &["smartify", "scssify", "sassify"];

/// `known_differences.txt`: case names (first word of each line) that are
/// known to differ, each with its reason; `#` starts a comment.
fn known_differences() -> Vec<String> {
    let text =
        std::fs::read_to_string(corpus_dir().join("known_differences.txt")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn jekyll_filters_and_tags_match_jekyll() {
    let mut engine = Engine::new();
    register(&mut engine);
    let site: Arc<dyn SiteContext> = Arc::new(stand_in());
    let globals = match from_json(&read_json("data.json")) {
        Value::Hash(map) => (*map).clone(),
        _ => panic!("data.json must be an object"),
    };
    let expected = read_json("expected.json");
    let known = known_differences();
    let mut now_identical: Vec<String> = Vec::new();
    let mut total = 0;
    let mut same = 0;
    let mut skipped = 0;
    let mut diffs = Vec::new();
    let mut errors = 0;
    let mut same_messages = 0;
    let zoned: Arc<dyn Zone> = Arc::new(GmtMinus5);
    let mut runs = Vec::new();
    for (name, source) in cases() {
        if NEEDS_CONVERTER.iter().any(|c| name.starts_with(c)) {
            skipped += 1;
            continue;
        }
        if name.starts_with("date_") {
            runs.push((format!("{name}@+05"), source.clone(), Some(zoned.clone())));
        }
        runs.push((name, source, None));
    }
    for (name, source, zone) in runs {
        total += 1;
        let want = &expected[&name];
        let got = render(&engine, &site, &globals, &source, zone);
        let ok = match (want.get("output").and_then(|o| o.as_str()), &got) {
            (Some(w), Ok(g)) => w == g,
            (None, Err(e)) => {
                errors += 1;
                let theirs = want["error"].as_str().unwrap_or("");
                let site_dir = corpus_dir().join("site");
                let ours = e.message().replace(&*site_dir.to_string_lossy(), "SITE");
                // An error counts as identical only with Jekyll's message.
                let same_message = ruby_message(theirs) == ours.trim_end();
                same_messages += usize::from(same_message);
                same_message
            }
            _ => false,
        };
        if ok {
            same += 1;
            if known.contains(&name) {
                now_identical.push(name);
            }
        } else if !known.contains(&name) {
            let got = got.map_err(|e| e.to_string());
            diffs.push(format!("{name}:\n  jekyll: {want}\n  hyde:   {got:?}"));
        }
    }
    eprintln!(
        "jekyll_filters corpus: {same_messages} of {errors} expected errors have Jekyll's message"
    );
    eprintln!(
        "jekyll_filters corpus: {same} of {total} identical ({} known differences, {skipped} converter cases skipped)",
        total - same - diffs.len()
    );
    if !now_identical.is_empty() {
        eprintln!(
            "now identical, remove from known_differences.txt: {}",
            now_identical.join(" ")
        );
    }
    assert!(
        diffs.is_empty(),
        "{} of {total} cases differ unexpectedly:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// `uri.json`: `relative_url`, `absolute_url`, `uri_escape` and `cgi_escape`
/// over 500 generated strings, against Jekyll's (Addressable's) results;
/// where Addressable raised, hyde must fail too.
#[test]
fn url_filters_match_addressable() {
    let site = stand_in();
    let rows = read_json("uri.json");
    let rows = rows.as_array().expect("uri.json is an array");
    let mut total = 0;
    let mut diffs = Vec::new();
    for row in rows {
        let input = row["input"].as_str().unwrap_or("");
        let value = Value::str(input);
        let ours: [(&str, Result<String, ()>); 4] = [
            (
                "relative_url",
                super::url::relative_url_value(&site, &value)
                    .map(|v| v.to_liquid_string())
                    .map_err(|_| ()),
            ),
            (
                "absolute_url",
                super::url::absolute_url_value(&site, &value)
                    .map(|v| v.to_liquid_string())
                    .map_err(|_| ()),
            ),
            ("uri_escape", Ok(super::uri::uri_escape(input))),
            ("cgi_escape", Ok(super::uri::cgi_escape(input))),
        ];
        for (name, got) in ours {
            total += 1;
            let want = &row[name];
            let same = match (want.as_str(), &got) {
                (Some(w), Ok(g)) => w == g,
                (None, Err(())) => true,
                _ => false,
            };
            if !same {
                diffs.push(format!("{name}({input:?}): jekyll {want}, hyde {got:?}"));
            }
        }
    }
    eprintln!("uri corpus: {} of {total} identical", total - diffs.len());
    assert!(
        diffs.is_empty(),
        "{} of {total} differ:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Every Jekyll filter, with every corpus value as input and a spread of
/// odd arguments: errors are fine, panics are not.
#[test]
fn filters_never_panic_on_odd_arguments() {
    let mut engine = Engine::new();
    register(&mut engine);
    let site: Arc<dyn SiteContext> = Arc::new(stand_in());
    let globals = match from_json(&read_json("data.json")) {
        Value::Hash(map) => (*map).clone(),
        _ => panic!("data.json must be an object"),
    };
    let filters = [
        "relative_url",
        "absolute_url",
        "strip_index",
        "cgi_escape",
        "uri_escape",
        "xml_escape",
        "normalize_whitespace",
        "number_of_words",
        "array_to_sentence_string",
        "slugify",
        "to_integer",
        "date_to_xmlschema",
        "date_to_rfc822",
        "date_to_string",
        "date_to_long_string",
        "jsonify",
        "inspect",
        "sort",
        "where",
        "find",
        "group_by",
        "pop",
        "push",
        "shift",
        "unshift",
        "sample",
        "where_exp",
        "find_exp",
        "group_by_exp",
    ];
    let args = [
        "",
        ": nil",
        ": 0",
        ": -1",
        ": \"\"",
        ": \"x\"",
        ": words",
        ": hash",
        ": 2.5",
        ": \"name\", nil",
        ": \"x\", \"x.y ==\"",
        ": \"p\", \"p.age > 1 and\"",
        ": \"ordinal\", \"US\"",
        ": 99999999999",
        ": time, date",
    ];
    let mut renders = 0;
    for name in globals.keys() {
        let name = name.to_liquid_string();
        for filter in filters {
            for arg in args {
                let source = format!("{{{{ {name} | {filter}{arg} }}}}");
                let _ = render(&engine, &site, &globals, &source, None);
                renders += 1;
            }
        }
    }
    assert!(renders > 10_000);
}

/// `text.json`: slugify in every mode, `number_of_words` in every mode,
/// `normalize_whitespace` and `xml_escape` over 300 generated strings,
/// against Jekyll's results.
#[test]
fn text_filters_match_jekyll() {
    use super::slug::{slugify, SlugMode};
    use super::text::{normalize_whitespace, number_of_words, xml_escape, WordMode};
    let rows = read_json("text.json");
    let rows = rows.as_array().expect("text.json is an array");
    let mut total = 0;
    let mut diffs = Vec::new();
    for row in rows {
        let input = row["input"].as_str().unwrap_or("");
        let mut ours: Vec<(String, serde_json::Value)> = Vec::new();
        for mode in ["raw", "default", "pretty", "ascii", "latin", "none"] {
            let slug = slugify(input, SlugMode::parse(Some(mode)), false);
            ours.push((format!("slugify_{mode}"), slug.into()));
        }
        let cased = slugify(input, SlugMode::Pretty, true);
        ours.push(("slugify_cased".into(), cased.into()));
        for (key, mode) in [
            ("number_of_words", WordMode::Split),
            ("number_of_words_cjk", WordMode::Cjk),
            ("number_of_words_auto", WordMode::Auto),
        ] {
            ours.push((key.into(), number_of_words(input, mode).into()));
        }
        ours.push((
            "normalize_whitespace".into(),
            normalize_whitespace(input).into(),
        ));
        ours.push(("xml_escape".into(), xml_escape(input).into()));
        for (key, got) in ours {
            total += 1;
            if row[&key] != got {
                diffs.push(format!(
                    "{key}({input:?}): jekyll {}, hyde {got}",
                    row[&key]
                ));
            }
        }
    }
    eprintln!("text corpus: {} of {total} identical", total - diffs.len());
    assert!(
        diffs.is_empty(),
        "{} of {total} differ:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// `json.json`: `jsonify` and `inspect` over 300 generated values (floats
/// across magnitudes, escapes, nesting), against Jekyll's results.
#[test]
fn jsonify_and_inspect_match_jekyll() {
    let rows = read_json("json.json");
    let rows = rows.as_array().expect("json.json is an array");
    let mut total = 0;
    let mut diffs = Vec::new();
    for row in rows {
        let value = from_json(&row["value"]);
        let ours = [
            ("jsonify", super::json::to_json(&value).ok()),
            (
                "inspect",
                super::json::inspect_value(&value)
                    .ok()
                    .map(|s| super::text::xml_escape(&s)),
            ),
        ];
        for (key, got) in ours {
            total += 1;
            if row[key].as_str() != got.as_deref() {
                diffs.push(format!(
                    "{key}({}): jekyll {}, hyde {got:?}",
                    row["value"], row[key]
                ));
            }
        }
    }
    eprintln!("json corpus: {} of {total} identical", total - diffs.len());
    assert!(
        diffs.is_empty(),
        "{} of {total} differ:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A site `timezone` for the `dates.json` runs.
struct TzZone(chrono_tz::Tz);

impl Zone for TzZone {
    fn offset_at_utc(&self, utc: &NaiveDateTime) -> FixedOffset {
        use chrono::{Offset, TimeZone};
        self.0.offset_from_utc_datetime(utc).fix()
    }
    fn offset_at_local(&self, local: &NaiveDateTime) -> FixedOffset {
        use chrono::{LocalResult, Offset, TimeZone};
        match self.0.offset_from_local_datetime(local) {
            LocalResult::Single(o) | LocalResult::Ambiguous(o, _) => o.fix(),
            LocalResult::None => self.0.offset_from_utc_datetime(local).fix(),
        }
    }
    fn abbreviation(&self, utc: &NaiveDateTime) -> String {
        use chrono::TimeZone;
        self.0.from_utc_datetime(utc).format("%Z").to_string()
    }
}

/// `dates.json`: the date filters over 150 generated times and dates, in
/// three site time zones (one with daylight saving time), against Jekyll.
#[test]
fn date_filters_match_jekyll_in_every_zone() {
    let engine = {
        let mut e = Engine::new();
        register(&mut e);
        e
    };
    let data = read_json("dates.json");
    let inputs: Vec<Value> = data["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(from_json)
        .collect();
    let mut total = 0;
    let mut diffs = Vec::new();
    for zone_name in ["UTC", "America/New_York", "Asia/Kolkata"] {
        let tz: chrono_tz::Tz = zone_name.parse().expect("known zone");
        let mut ctx = Context::new(&engine);
        ctx.set_zone(Arc::new(TzZone(tz)));
        for (i, input) in inputs.iter().enumerate() {
            let want = &data[zone_name][i];
            let time = super::date::to_local_time(&ctx, input).expect("a date");
            let ours = [
                ("xmlschema", super::date::xmlschema(&time)),
                ("rfc822", super::date::rfc822(&time)),
                ("string", super::date::stringify(&time, "%b", None, None)),
                (
                    "ordinal",
                    super::date::stringify(&time, "%b", Some("ordinal"), None),
                ),
                (
                    "long_us",
                    super::date::stringify(&time, "%B", Some("ordinal"), Some("US")),
                ),
            ];
            for (key, got) in ours {
                total += 1;
                if want[key].as_str() != Some(got.as_str()) {
                    diffs.push(format!(
                        "{zone_name} {key}({input:?}): jekyll {}, hyde {got}",
                        want[key]
                    ));
                }
            }
        }
    }
    eprintln!("dates corpus: {} of {total} identical", total - diffs.len());
    assert!(
        diffs.is_empty(),
        "{} of {total} differ:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// `arrays.json`: Jekyll's `sort` (nils first and last, dotted property),
/// `where`, `find` and `group_by` over 200 generated arrays of hashes whose
/// property mixes types, against Jekyll. Results are compared by item id.
#[test]
fn array_filters_match_jekyll() {
    use hyde_liquid::FilterArgs;
    let engine = Engine::new();
    let mut ctx = Context::new(&engine);
    let rows = read_json("arrays.json");
    let rows = rows.as_array().expect("arrays.json is an array");
    let ids = |v: &Value| -> serde_json::Value {
        match v {
            Value::Array(items) => items
                .iter()
                .map(|i| {
                    i.get("id").map_or(serde_json::Value::Null, |id| {
                        id.to_liquid_string().parse::<i64>().unwrap_or(-1).into()
                    })
                })
                .collect(),
            Value::Nil => serde_json::Value::Null,
            other => other.get("id").map_or(serde_json::Value::Null, |id| {
                id.to_liquid_string().parse::<i64>().unwrap_or(-1).into()
            }),
        }
    };
    let mut total = 0;
    let mut diffs = Vec::new();
    for row in rows {
        let items = from_json(&row["items"]);
        let target = from_json(&row["target"]);
        let call =
            |f: fn(&Value, &FilterArgs<'_>, &mut Context) -> Result<Value, hyde_liquid::Error>,
             args: &[Value],
             ctx: &mut Context| {
                f(
                    &items,
                    &FilterArgs {
                        positional: args,
                        keyword: &[],
                    },
                    ctx,
                )
            };
        let k = Value::str("k");
        let deep = Value::str("m.k");
        let mut ours: Vec<(&str, serde_json::Value)> = Vec::new();
        let sorted =
            |r: Result<Value, hyde_liquid::Error>| r.map_or(serde_json::Value::Null, |v| ids(&v));
        ours.push((
            "sort_first",
            sorted(call(super::array::sort, std::slice::from_ref(&k), &mut ctx)),
        ));
        ours.push((
            "sort_last",
            sorted(call(
                super::array::sort,
                &[k.clone(), Value::str("last")],
                &mut ctx,
            )),
        ));
        ours.push((
            "sort_deep",
            sorted(call(
                super::array::sort,
                std::slice::from_ref(&deep),
                &mut ctx,
            )),
        ));
        ours.push((
            "where",
            sorted(call(
                super::array::where_filter,
                &[k.clone(), target.clone()],
                &mut ctx,
            )),
        ));
        ours.push((
            "where_deep",
            sorted(call(
                super::array::where_filter,
                &[deep.clone(), target.clone()],
                &mut ctx,
            )),
        ));
        ours.push((
            "find",
            sorted(call(
                super::array::find,
                &[k.clone(), target.clone()],
                &mut ctx,
            )),
        ));
        let groups = call(super::array::group_by, std::slice::from_ref(&k), &mut ctx).map_or(
            serde_json::Value::Null,
            |v| match v {
                Value::Array(gs) => gs
                    .iter()
                    .map(|g| {
                        let name = g
                            .get("name")
                            .map(|n| n.to_liquid_string())
                            .unwrap_or_default();
                        serde_json::json!([name, ids(&g.get("items").unwrap_or_default())])
                    })
                    .collect(),
                _ => serde_json::Value::Null,
            },
        );
        ours.push(("group_by", groups));
        for (key, got) in ours {
            total += 1;
            if row[key] != got {
                diffs.push(format!(
                    "{key}({}, {}): jekyll {}, hyde {got}",
                    row["items"], row["target"], row[key]
                ));
            }
        }
    }
    eprintln!(
        "arrays corpus: {} of {total} identical",
        total - diffs.len()
    );
    assert!(
        diffs.is_empty(),
        "{} of {total} differ:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
