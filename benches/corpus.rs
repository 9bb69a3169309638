//! Listing a folder of annotated articles (`cargo bench --bench corpus`): the time
//! [`taliq_core::workspace::corpus::Corpus::scan`] takes on a folder of `TALIQ_BENCH_ARTICLES` (default
//! 1,000) copies of the sample article, each with the sidecar `taliq extract` writes for it
//! (about 24 kB, every suggestion pending): the first listing (every sidecar read), a
//! second one (nothing changed: only file metadata), and the folder change check
//! [`taliq_core::workspace::corpus::Corpus::may_have_changed`] the open app runs every few seconds. For
//! comparison, reading every sidecar in full with [`taliq_core::workspace::storage::read_sidecar`].

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use std::time::Instant;

fn main() {
    let n: usize = std::env::var("TALIQ_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let seed = dir.path().join("seed.txt");
    std::fs::write(&seed, taliq::cli::SAMPLE_TEXT).expect("writable temp folder");
    let mut json = Vec::new();
    taliq::cli::extract(
        &seed,
        &taliq::cli::LexiconChoice::Skip,
        taliq_core::workspace::convert::FormatId::Taliq,
        &mut json,
    )
    .expect("the sample extracts");
    std::fs::remove_file(&seed).expect("seed removed");
    for i in 0..n {
        let name = format!("article-{i}.txt");
        std::fs::write(dir.path().join(&name), taliq::cli::SAMPLE_TEXT).expect("article");
        std::fs::write(dir.path().join(format!("{name}.taliq.json")), &json).expect("sidecar");
    }
    println!("{n} articles, sidecars of {} bytes", json.len());

    let mut cache = taliq_core::workspace::corpus::ProgressCache::default();
    let t = Instant::now();
    let corpus =
        taliq_core::workspace::corpus::Corpus::scan(dir.path(), &mut cache).expect("listing");
    let first = t.elapsed();
    assert_eq!(corpus.articles.len(), n);
    let t = Instant::now();
    taliq_core::workspace::corpus::Corpus::scan(dir.path(), &mut cache).expect("listing");
    let second = t.elapsed();
    let t = Instant::now();
    let changed = corpus.may_have_changed();
    let check = t.elapsed();
    assert!(!changed);
    let t = Instant::now();
    for i in 0..n {
        let p = dir.path().join(format!("article-{i}.txt.taliq.json"));
        taliq_core::workspace::storage::read_sidecar(&p).expect("sidecar reads");
    }
    let full = t.elapsed();
    println!(
        "first listing {:.1} ms ({} sidecars read), unchanged listing {:.1} ms, change check {:.1} µs",
        first.as_secs_f64() * 1e3,
        cache.reads(),
        second.as_secs_f64() * 1e3,
        check.as_secs_f64() * 1e6
    );
    println!(
        "reading every sidecar in full: {:.1} ms",
        full.as_secs_f64() * 1e3
    );
}
