//! The writer: static files keep their mtimes, a second build rewrites
//! nothing, and memory and disk outputs hold the same files.

use std::fs;
use std::time::{Duration, Instant, SystemTime};

use hyde_site::{build_site, BuildOptions, DiskOutput, MemoryOutput, Site};
use hyde_tests::compare::read_tree;
use hyde_tests::Scratch;

fn site_with_static(s: &Scratch) -> BuildOptions {
    let src = s.path.join("site");
    fs::create_dir_all(src.join("assets")).expect("mkdir");
    fs::write(src.join("index.md"), "---\ntitle: Home\n---\n# Hi\n").expect("write");
    fs::write(src.join("assets/data.bin"), [0u8, 1, 2, 255]).expect("write");
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    fs::File::options()
        .write(true)
        .open(src.join("assets/data.bin"))
        .and_then(|f| f.set_modified(old))
        .expect("set mtime");
    BuildOptions {
        source: Some(src.clone()),
        destination: Some(src.join("_site")),
        ..Default::default()
    }
}

#[test]
fn static_files_keep_their_mtime() {
    let s = Scratch::new("mtime");
    let opts = site_with_static(&s);
    let dest = opts.destination.clone().expect("dest");
    let site = Site::load(&opts).expect("loads");
    build_site(site, &mut DiskOutput::new(&dest), Instant::now()).expect("builds");
    let src_m = fs::metadata(s.path.join("site/assets/data.bin"))
        .and_then(|m| m.modified())
        .expect("mtime");
    let out_m = fs::metadata(dest.join("assets/data.bin"))
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(src_m, out_m);
}

#[test]
fn second_build_rewrites_nothing() {
    let s = Scratch::new("rebuild");
    let opts = site_with_static(&s);
    let dest = opts.destination.clone().expect("dest");
    let first = build_site(
        Site::load(&opts).expect("loads"),
        &mut DiskOutput::new(&dest),
        Instant::now(),
    )
    .expect("builds");
    assert_eq!(first.stats.written, 2);
    let second = build_site(
        Site::load(&opts).expect("loads"),
        &mut DiskOutput::new(&dest),
        Instant::now(),
    )
    .expect("builds");
    assert_eq!(
        (
            second.stats.written,
            second.stats.unchanged,
            second.stats.removed
        ),
        (0, 2, 0)
    );
}

#[test]
fn memory_and_disk_outputs_agree() {
    let s = Scratch::new("mem-disk");
    let opts = site_with_static(&s);
    let dest = opts.destination.clone().expect("dest");
    build_site(
        Site::load(&opts).expect("loads"),
        &mut DiskOutput::new(&dest),
        Instant::now(),
    )
    .expect("builds");
    let mut mem = MemoryOutput::default();
    build_site(Site::load(&opts).expect("loads"), &mut mem, Instant::now()).expect("builds");
    assert_eq!(read_tree(&dest), mem.files);
}
