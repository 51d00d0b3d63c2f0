//! hyde-yaml's integration tests, named after the features they pin. The
//! differential corpus against Jekyll's own YAML loading is in `corpus`.

mod corpus;

use hyde_yaml::{load, to_json, ErrorKind, LoadOptions, Yaml, Zone};

fn value(src: &str) -> Yaml {
    load(src, &LoadOptions::default()).expect("loads").value
}

fn get<'a>(v: &'a Yaml, key: &str) -> &'a Yaml {
    &v.as_map()
        .expect("a map")
        .get(key)
        .expect("key present")
        .value
}

#[test]
fn booleans_yes_no_on_off() {
    let v = value("a: yes\nb: Off\nc: y\nd: 'yes'\n");
    assert_eq!(get(&v, "a"), &Yaml::Bool(true));
    assert_eq!(get(&v, "b"), &Yaml::Bool(false));
    assert_eq!(get(&v, "c"), &Yaml::Str("y".into()));
    assert_eq!(get(&v, "d"), &Yaml::Str("yes".into()));
}

#[test]
fn integers_octal_underscore_and_big() {
    let v = value("a: 017\nb: 1_000\nc: 0x1f\nd: 123456789012345678901234567890\n");
    assert_eq!(get(&v, "a"), &Yaml::Int(15));
    assert_eq!(get(&v, "b"), &Yaml::Int(1000));
    assert_eq!(get(&v, "c"), &Yaml::Int(31));
    assert_eq!(
        get(&v, "d"),
        &Yaml::BigInt("123456789012345678901234567890".into())
    );
}

#[test]
fn dates_and_times_with_offsets() {
    let v = value("d: 2024-01-05\nt: 2024-01-05 10:00:00 +01:00\nz: 2024-01-05T10:00:00Z\n");
    assert_eq!(get(&v, "d").to_ruby_s(), "2024-01-05");
    assert_eq!(get(&v, "t").to_ruby_s(), "2024-01-05 10:00:00 +0100");
    assert_eq!(get(&v, "z").to_ruby_s(), "2024-01-05 10:00:00 UTC");
}

#[test]
fn time_without_offset_is_utc_shown_in_local_zone() {
    let minus5 = |_| -5 * 3600;
    let opts = LoadOptions {
        local_offset: &minus5,
        ..LoadOptions::default()
    };
    let v = load("t: 2024-01-05 10:00:00\n", &opts).unwrap().value;
    let Yaml::Time(t) = get(&v, "t") else {
        panic!("a time")
    };
    assert_eq!(t.zone, Zone::Local);
    assert_eq!(t.to_string(), "2024-01-05 05:00:00 -0500");
}

#[test]
fn merge_keys_and_duplicate_keys_follow_ruby_hash_order() {
    let v = value("d: &d {a: 1, b: 2}\nm:\n  b: 0\n  <<: *d\n  c: 3\n  b: 9\n");
    assert_eq!(
        to_json(get(&v, "m")),
        r#"{"t":"map","v":[[{"t":"str","v":"b"},{"t":"int","v":"9"}],[{"t":"str","v":"a"},{"t":"int","v":"1"}],[{"t":"str","v":"c"},{"t":"int","v":"3"}]]}"#
    );
}

#[test]
fn duplicate_keys_replace_in_place_in_small_and_large_maps() {
    for n in [3, 40] {
        let mut src: String = (0..n).map(|i| format!("k{i}: {i}\n")).collect();
        src.push_str("k1: again\n1: int\n1.0: float\n'1': str\n1: int2\n");
        let v = value(&src);
        let m = v.as_map().unwrap();
        assert_eq!(m.len(), n + 3, "{n}");
        assert_eq!(m.get("k1").unwrap().value, Yaml::Str("again".into()));
        assert_eq!(m.get("1").unwrap().value, Yaml::Str("str".into()));
        assert_eq!(
            m.get_key(&Yaml::Int(1)).unwrap().value,
            Yaml::Str("int2".into())
        );
        assert_eq!(
            m.get_key(&Yaml::Float(1.0)).unwrap().value,
            Yaml::Str("float".into())
        );
        let keys: Vec<String> = m.iter().map(|(k, _)| k.value.to_ruby_s()).collect();
        assert_eq!(keys[1], "k1");
        assert_eq!(keys[n..], ["1", "1.0", "1"]);
    }
}

#[test]
fn non_string_keys_keep_their_type() {
    let v = value("1: int\n'1': str\ntrue: bool\n");
    let m = v.as_map().unwrap();
    assert_eq!(
        m.get_key(&Yaml::Int(1)).unwrap().value,
        Yaml::Str("int".into())
    );
    assert_eq!(m.get("1").unwrap().value, Yaml::Str("str".into()));
    assert_eq!(m.iter().nth(2).unwrap().0.value.to_ruby_s(), "true");
}

#[test]
fn empty_document_is_nil() {
    assert_eq!(value(""), Yaml::Null);
    assert_eq!(value("---\n"), Yaml::Null);
    assert_eq!(value("# only a comment\n"), Yaml::Null);
}

#[test]
fn node_spans_point_at_the_source() {
    let n = load("a: 1\nb:\n  - x\n", &LoadOptions::default()).unwrap();
    let b = n.value.as_map().unwrap().get("b").unwrap();
    assert_eq!((b.span.start.line, b.span.start.column), (3, 3));
    let x = &b.value.as_seq().unwrap()[0];
    assert_eq!((x.span.start.line, x.span.start.column), (3, 5));
}

#[test]
fn broken_yaml_error_shows_line_column_and_caret() {
    let e = load("title: x\nbad: a: b\n", &LoadOptions::default()).unwrap_err();
    assert_eq!((e.line, e.column), (2, 7));
    assert_eq!(
        e.ruby_message(None),
        "(<unknown>): mapping values are not allowed in this context at line 2 column 7"
    );
    assert_eq!(
        e.render("_config.yml"),
        "_config.yml:2:7: mapping values are not allowed in this context\n   2 | bad: a: b\n     |       ^"
    );
}

#[test]
fn symbols_are_disallowed_as_in_jekyll() {
    let e = load("a: :sym\n", &LoadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::DisallowedClass("Symbol".into()));
    assert_eq!((e.line, e.column), (1, 4));
}

#[test]
fn syntax_error_wins_over_conversion_error() {
    let e = load("a: :sym\nb: [\n", &LoadOptions::default()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Syntax { .. }), "{e}");
}

#[test]
fn alias_bomb_is_bounded() {
    let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        src.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let e = load(&src, &LoadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep: String = (0..5000).map(|i| format!("{}-\n", " ".repeat(i))).collect();
    let e = load(&deep, &LoadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep);
}

#[test]
fn garbage_never_panics() {
    let pieces = [
        "a", ":", " ", "-", "\n", "[", "]", "{", "}", "\"", "'", "&x", "*x", "!!", "|", ">", "\t",
        "#", "?", ",", "<<", "%", "é",
    ];
    let mut seed: u64 = 42;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(seed % 40) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let _ = load(&s, &LoadOptions::default());
    }
}

#[test]
fn node_get_and_accessors() {
    let n = load(
        "site:\n  paginate: 5\n  future: true\n",
        &LoadOptions::default(),
    )
    .unwrap();
    let site = n.get("site").expect("site");
    assert_eq!(site.get("paginate").and_then(|v| v.value.as_i64()), Some(5));
    assert_eq!(
        site.get("future").and_then(|v| v.value.as_bool()),
        Some(true)
    );
    assert!(site.get("missing").is_none());
}

#[test]
fn inspect_matches_ruby() {
    let v = value("- 2024-01-05\n- 2024-01-05 10:00:00.5 Z\n- \"a#{b} #$ # x\\e\\x01\"\n- [1.0, ~, true, 1180591620717411303424]\n");
    assert_eq!(
        v.inspect(),
        r##"[#<Date: 2024-01-05 ((2460315j,0s,0n),+0s,2299161j)>, 2024-01-05 10:00:00.5 UTC, "a\#{b} \#$ # x\e\u0001", [1.0, nil, true, 1180591620717411303424]]"##
    );
}
