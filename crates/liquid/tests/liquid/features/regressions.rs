//! Bugs found by fuzzing and review, each pinned by a test named after it.

use crate::common::render;

/// `cargo fuzz` (parse_render): a token ending in `{%}` inside `raw` made
/// the end-tag scan slice backwards. Ruby's regex needs `{%` and `%}` not
/// to overlap, so `{%}` is body text.
#[test]
fn raw_body_token_ending_in_brace_percent_brace_does_not_panic() {
    assert_eq!(render("{% raw %}a{%}b{% endraw %}").unwrap(), "a{%}b");
    let err = render("{% raw %}{{ s }} %%}{{%}{% en3 raw %}{ %}{%%}aZw %}").unwrap_err();
    assert!(
        err.to_string().contains("'raw' tag was never closed"),
        "{err}"
    );
}

/// `cargo fuzz` (parse_render): an unknown `date` directive that is a
/// multi-byte character was cut in half when copied to the output.
#[test]
fn date_format_with_multibyte_unknown_directive_copies_it_whole() {
    assert_eq!(
        render(r#"{{ "2024-01-05" | date: "%Ʊ|%-Ʊ|%:Ʊ|%Y" }}"#).unwrap(),
        "%Ʊ|%-Ʊ|%:Ʊ|2024"
    );
}

/// `cargo fuzz` (parse_render, timeout): `%0007777777777777e` padded to
/// seven trillion characters. Ruby reads widths as a C int (past that the
/// directive prints as written) and stops output past 512 KiB per format
/// byte with `Errno::ERANGE`.
#[test]
fn date_width_beyond_a_c_int_prints_as_written_and_huge_widths_fail() {
    assert_eq!(
        render(r#"{{ "2024-01-05" | date: "%0007777777777777e|%99999999999d" }}"#).unwrap(),
        "%0007777777777777e|%99999999999d"
    );
    let err = render(r#"{{ "2024-01-05" | date: "%2147483647e" }}"#).unwrap_err();
    assert!(
        err.to_string().contains("Numerical result out of range"),
        "{err}"
    );
    assert_eq!(
        render(r#"{{ "2024-01-05" | date: "%100000e" }}"#)
            .unwrap()
            .len(),
        100_000
    );
}

/// `cargo fuzz` (parse_render): a zone like `-00:0` (a colon, then one
/// minute digit) sliced past its end in `Time.zone_offset`. Ruby does not
/// know the zone and reads the time as local.
#[test]
fn truncated_numeric_zone_is_not_an_offset() {
    assert_eq!(
        render(
            r#"{{ "2024-01-05 10:20:30 +05:3" | date: "%Y-%m-%d %H:%M %z" }}|{{ "2024-01-05 10:20:30 -00:0'" | date: "%H %z" }}"#
        )
        .unwrap(),
        "2024-01-05 10:20 +0000|10 +0000"
    );
}
