//! Converts every `.md` file under the given folders (front matter removed)
//! with the kramdown options of examples/academic's `_config.yml`, to measure
//! the converter on a site's own documents:
//! `cargo run --release --example workload -- DIR... [--repeat=N] [--print]`.
//! Prints the number of documents and bytes in and out (or, with `--print`,
//! each document's HTML), so runs of two builds can be compared.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
}

/// The text after a `---` front matter block, as Jekyll hands it to the converter.
fn body(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => text,
    }
}

fn main() {
    let mut opts = hyde_markdown::Options::jekyll_default();
    for (k, v) in [
        ("input", "GFM"),
        ("hard_wrap", "false"),
        ("footnote_nr", "1"),
        ("smart_quotes", "lsquo,rsquo,ldquo,rdquo"),
    ] {
        opts.set(k, v).expect("option");
    }
    let (mut repeat, mut print, mut files) = (1, false, Vec::new());
    for arg in std::env::args().skip(1) {
        if let Some(n) = arg.strip_prefix("--repeat=") {
            repeat = n.parse().unwrap_or(1);
        } else if arg == "--print" {
            print = true;
        } else {
            collect(Path::new(&arg), &mut files);
        }
    }
    files.sort();
    let docs: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|p| {
            let t = std::fs::read_to_string(&p).ok()?;
            Some((p, body(&t).to_string()))
        })
        .collect();
    let (mut bytes_in, mut bytes_out) = (0, 0);
    for _ in 0..repeat {
        for (path, src) in &docs {
            let out = hyde_markdown::to_html(src, &opts).expect("convert");
            bytes_in += src.len();
            bytes_out += out.html.len();
            if print {
                println!("==> {}\n{}", path.display(), out.html);
            }
        }
    }
    eprintln!(
        "{} documents x{repeat}: {bytes_in} bytes in, {bytes_out} bytes out",
        docs.len()
    );
}
