//! Ruby's `Time.parse` (`hyde_liquid::time_parse`), checked against what
//! Ruby gave for every string of `tests/time_parse/inputs.txt` in four
//! local zones (`tests/time_parse/generate.rb`), with a fixed "now".

use chrono::{NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use hyde_liquid::{time_parse, Zone};

/// A named zone as the local zone (Ruby's `TZ`).
struct Named(Tz);

impl Zone for Named {
    fn offset_at_utc(&self, utc: &NaiveDateTime) -> chrono::FixedOffset {
        self.0.offset_from_utc_datetime(utc).fix()
    }
    fn offset_at_local(&self, local: &NaiveDateTime) -> chrono::FixedOffset {
        match self.0.offset_from_local_datetime(local) {
            chrono::LocalResult::Single(o) | chrono::LocalResult::Ambiguous(o, _) => o.fix(),
            chrono::LocalResult::None => self.0.offset_from_utc_datetime(local).fix(),
        }
    }
    fn abbreviation(&self, utc: &NaiveDateTime) -> String {
        self.0.from_utc_datetime(utc).format("%Z").to_string()
    }
}

#[test]
fn time_parse_matches_ruby_in_four_zones() {
    let expected = include_str!("../../time_parse/expected.tsv");
    let now = chrono::Utc
        .with_ymd_and_hms(2024, 6, 1, 12, 34, 56)
        .unwrap()
        .fixed_offset();
    let mut diffs = Vec::new();
    let mut total = 0;
    for line in expected.lines() {
        let mut cols = line.split('\t');
        let (Some(input), Some(zone), Some(want)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        total += 1;
        let zone = Named(zone.parse().expect("zone"));
        let text = if input == "<empty>" { "" } else { input };
        // `.localtime`, as the generator prints it.
        let got = match time_parse(text, &zone, now) {
            Ok(t) => {
                let t = t.to_chrono().expect("within chrono's years");
                let off = zone.offset_at_utc(&t.naive_utc());
                t.with_timezone(&off)
                    .format("%Y-%m-%d %H:%M:%S.%9f %z")
                    .to_string()
            }
            Err(_) => "error".to_string(),
        };
        if got != want {
            diffs.push(format!("{input:?} in {}: ruby {want}, hyde {got}", zone.0));
        }
    }
    assert!(total > 500, "corpus not read");
    assert!(
        diffs.is_empty(),
        "{} of {total} cases differ:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn ambiguous_local_time_is_the_later_one() {
    let zone = Named(chrono_tz::America::New_York);
    let now = chrono::Utc
        .with_ymd_and_hms(2024, 6, 1, 0, 0, 0)
        .unwrap()
        .fixed_offset();
    let t = time_parse("2024-11-03 01:30:00", &zone, now).unwrap();
    assert_eq!(
        t.to_chrono().unwrap().to_rfc3339(),
        "2024-11-03T01:30:00-05:00"
    );
    // In the spring gap the clock moves forward by the gap.
    let t = time_parse("2024-03-10 02:30:00", &zone, now).unwrap();
    assert_eq!(
        t.to_chrono().unwrap().to_rfc3339(),
        "2024-03-10T03:30:00-04:00"
    );
}

#[test]
fn far_times_take_rubys_guess_of_the_local_offset() {
    // TZ=America/New_York ruby -e 'p Time.at(n).strftime("%z")': local mean
    // time before the zone's history; after chrono's years, the offset of
    // the same day in a year before 2038 (daylight saving time included).
    let engine = hyde_liquid::Engine::new();
    let mut ctx = hyde_liquid::Context::new(&engine);
    ctx.set_zone(std::sync::Arc::new(Named(chrono_tz::America::New_York)));
    let t = hyde_liquid::Template::parse(
        "{{ -10000000000000000000000000000000000000000 | date: '%z' }} \
         {{ 10000000000000000000000000000000000000000 | date: '%z %F' }} \
         {{ 10000000000000 | date: '%z %F' }} {{ -10000000000000 | date: '%z' }}",
        &engine,
    )
    .unwrap();
    assert_eq!(
        t.render(&mut ctx).unwrap(),
        "-0456 -0500 316887385068114309645621034631676-12-12 -0400 318857-05-20 -0456"
    );
}

#[test]
fn far_local_times_parse_at_rubys_guess_of_the_offset() {
    // TZ=America/New_York ruby -rtime -e 'p Time.parse(s).strftime("%z")'
    let zone = Named(chrono_tz::America::New_York);
    let now = chrono::Utc
        .with_ymd_and_hms(2024, 6, 1, 0, 0, 0)
        .unwrap()
        .fixed_offset();
    for (input, want) in [
        ("300000-07-01 12:00", "300000-07-01 12:00:00 -0400"),
        ("300000-01-01 12:00", "300000-01-01 12:00:00 -0500"),
        ("-300000-07-01 12:00", "-300000-07-01 12:00:00 -0456"),
    ] {
        let t = time_parse(input, &zone, now).unwrap();
        assert_eq!(t.strftime("%Y-%m-%d %H:%M:%S %z", ""), want, "{input}");
    }
}
