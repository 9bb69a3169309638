//! Throughput of the extraction pipeline (`cargo bench --bench extract`).
//!
//! Builds a 2 MB input by repeating the sample article (`seeds/putin-trump-call.ar.txt`,
//! paragraphs separated by a blank line), runs [`taliq::extract::extract`] (which cuts
//! the text into pieces of [`taliq::extract::PIECE_BYTES`]), the same on the text as one
//! piece ([`taliq::extract::extract_in_pieces`] with `usize::MAX`: what the pieces save), the
//! normalize + tokenize stage alone ([`taliq::extract::normalize::normalize`] then
//! [`taliq::extract::tokenize::tokenize`]) and the whole analysed-document construction
//! ([`taliq::extract::doc::Doc::new`], which also stores every token's proclitic
//! readings) several times on one core, and prints the median throughput in MB/s of UTF-8 input (1 MB = 10^6 bytes)
//! by wall time and, on Linux, by the thread's CPU time (steadier on a shared machine).
//! `TALIQ_BENCH_MB` overrides the input size, `TALIQ_BENCH_RUNS` the number of runs,
//! `TALIQ_BENCH_PIECE` the piece size of the first measurement (bytes);
//! `TALIQ_BENCH_ONLY=extract` (or `one-piece`, `normalize`, `doc`) runs one measurement only, for
//! profiling (`perf record`, `perf stat -e instructions`).

use std::hint::black_box;
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../seeds/putin-trump-call.ar.txt");

fn env_or(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// CPU time of the calling thread so far (Linux `/proc/thread-self/schedstat`), `None`
/// elsewhere. On a shared machine it is steadier than wall time.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Median wall time and median thread CPU time of `runs` calls of `f` (after one
/// warm-up call).
fn median_time(runs: usize, mut f: impl FnMut()) -> (Duration, Option<Duration>) {
    f();
    let mut times = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let c = thread_cpu();
        let t = Instant::now();
        f();
        times.push(t.elapsed());
        if let (Some(a), Some(b)) = (c, thread_cpu()) {
            cpu.push(b.saturating_sub(a));
        }
    }
    times.sort();
    cpu.sort();
    let cpu = (cpu.len() == runs).then(|| cpu[runs / 2]);
    (times[times.len() / 2], cpu)
}

/// `"  (CPU 12.3 ms, 45.67 MB/s)"` when the CPU time is known.
fn cpu_note(cpu: Option<Duration>, mb: f64) -> String {
    cpu.map_or_else(String::new, |c| {
        format!(
            "  [CPU {:.1} ms, {:.2} MB/s]",
            c.as_secs_f64() * 1e3,
            mb / c.as_secs_f64()
        )
    })
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a name filter we ignore.
    let target = (env_or("TALIQ_BENCH_MB", 2.0) * 1e6) as usize;
    let runs = env_or("TALIQ_BENCH_RUNS", 5.0).max(1.0) as usize;
    let article = SAMPLE.strip_prefix('\u{FEFF}').unwrap_or(SAMPLE).trim_end();
    let mut text = String::with_capacity(target + article.len());
    while text.len() < target {
        text.push_str(article);
        text.push_str("\n\n");
    }
    let mb = text.len() as f64 / 1e6;
    println!(
        "input: {mb:.2} MB ({} chars), {runs} runs, median",
        text.chars().count()
    );

    let only = std::env::var("TALIQ_BENCH_ONLY").unwrap_or_default();
    let run = |name: &str| only.is_empty() || only == name;

    if run("extract") {
        let piece = env_or("TALIQ_BENCH_PIECE", taliq::extract::PIECE_BYTES as f64) as usize;
        let mut mentions = 0;
        let (t, cpu) = median_time(runs, || {
            mentions = black_box(taliq::extract::extract_in_pieces(black_box(&text), piece)).len();
        });
        println!(
            "extract (whole pipeline): {:8.1} ms  {:7.2} MB/s  ({mentions} mentions){}",
            t.as_secs_f64() * 1e3,
            mb / t.as_secs_f64(),
            cpu_note(cpu, mb)
        );
    }

    if run("one-piece") {
        let (t, cpu) = median_time(runs, || {
            black_box(taliq::extract::extract_in_pieces(
                black_box(&text),
                usize::MAX,
            ));
        });
        println!(
            "extract, one piece:       {:8.1} ms  {:7.2} MB/s{}",
            t.as_secs_f64() * 1e3,
            mb / t.as_secs_f64(),
            cpu_note(cpu, mb)
        );
    }

    if run("normalize") {
        let mut tokens = 0;
        let (t, cpu) = median_time(runs, || {
            let norm = taliq::extract::normalize::normalize(black_box(&text));
            tokens = black_box(taliq::extract::tokenize::tokenize(&norm)).len();
        });
        println!(
            "normalize + tokenize:     {:8.1} ms  {:7.2} MB/s  ({tokens} tokens){}",
            t.as_secs_f64() * 1e3,
            mb / t.as_secs_f64(),
            cpu_note(cpu, mb)
        );
    }

    if run("doc") {
        let (t, cpu) = median_time(runs, || {
            black_box(taliq::extract::doc::Doc::new(black_box(&text)));
        });
        println!(
            "Doc::new (+ readings):    {:8.1} ms  {:7.2} MB/s{}",
            t.as_secs_f64() * 1e3,
            mb / t.as_secs_f64(),
            cpu_note(cpu, mb)
        );
    }
}
