//! Throughput of the extraction pipeline (`cargo bench --bench extract`).
//!
//! Builds a 2 MB input by repeating the sample article (`seeds/putin-trump-call.ar.txt`,
//! paragraphs separated by a blank line), runs [`taliq_core::extract::extract`] (which cuts
//! the text into pieces of [`taliq_core::extract::PIECE_BYTES`]), the same on the text as one
//! piece ([`taliq_core::extract::extract_in_pieces`] with `usize::MAX`: what the pieces save), the
//! normalize + tokenize stage alone ([`taliq_core::extract::normalize::normalize`] then
//! [`taliq_core::extract::tokenize::tokenize`]) and the whole analysed-document construction
//! ([`taliq_core::extract::doc::Doc::new`], which also stores every token's proclitic
//! readings) several times on one core, and prints the median and the best throughput in
//! MB/s of UTF-8 input (1 MB = 10^6 bytes) by wall time and, on Linux, the median by the
//! thread's CPU time.
//!
//! Before every call it also times a fixed reference kernel that uses no Taliq code
//! (sorting 250,000 pseudo-random `u64`, 2 MB of data, as a piece of the pipeline is
//! about 1–2 MB) and prints its median time: it is the same code every time, so when it
//! is slower than usual the core was shared with other work during the measurement
//! (on the 2-core VM of the README, by up to about 1.6×), and the pipeline's figures of
//! that run are low by about as much.
//! `TALIQ_BENCH_MB` overrides the input size, `TALIQ_BENCH_RUNS` the number of runs,
//! `TALIQ_BENCH_PIECE` the piece size of the first measurement (bytes);
//! `TALIQ_BENCH_ONLY=extract` (or `one-piece`, `normalize`, `doc`) runs one measurement only, for
//! profiling (`perf record`, `perf stat -e instructions`); `TALIQ_BENCH_EACH=1` prints
//! every call's time next to the reference kernel's.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

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

/// The reference kernel: sorts 250,000 pseudo-random `u64` (xorshift64, seeded by `seed`)
/// and folds them into a checksum. Only the standard library; its time depends on the
/// core and its caches alone.
fn reference_kernel(seed: u64) -> u64 {
    let mut x = seed | 1;
    let mut v: Vec<u64> = (0..250_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .collect();
    v.sort_unstable();
    v.iter().enumerate().fold(0u64, |h, (i, &a)| {
        h.wrapping_mul(31).wrapping_add(a ^ i as u64)
    })
}

/// Times of `runs` calls of a measured function.
struct Timing {
    /// Median wall time.
    median: Duration,
    /// Shortest wall time.
    best: Duration,
    /// Median thread CPU time, when known.
    cpu: Option<Duration>,
    /// Median wall time of the [`reference_kernel`] run before each call.
    kernel: Duration,
}

/// Times `runs` calls of `f` (after one warm-up call), each right after one call of the
/// [`reference_kernel`]; with `TALIQ_BENCH_EACH` set, prints every call's time and the
/// kernel's before it (`ms/ms`) to stderr.
fn median_time(runs: usize, mut f: impl FnMut()) -> Timing {
    let each = std::env::var_os("TALIQ_BENCH_EACH").is_some();
    f();
    let mut times = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    let mut kernel = Vec::with_capacity(runs);
    for r in 0..runs {
        let t = Instant::now();
        black_box(reference_kernel(black_box(r as u64 + 7)));
        kernel.push(t.elapsed());
        let c = thread_cpu();
        let t = Instant::now();
        f();
        times.push(t.elapsed());
        if each {
            eprint!(
                "{:.0}/{:.1} ",
                times[r].as_secs_f64() * 1e3,
                kernel[r].as_secs_f64() * 1e3
            );
        }
        if let (Some(a), Some(b)) = (c, thread_cpu()) {
            cpu.push(b.saturating_sub(a));
        }
    }
    times.sort();
    cpu.sort();
    kernel.sort();
    Timing {
        median: times[runs / 2],
        best: times[0],
        cpu: (cpu.len() == runs).then(|| cpu[runs / 2]),
        kernel: kernel[runs / 2],
    }
}

impl Timing {
    /// One result line: `name`, median and best time and MB/s for `mb` megabytes, the
    /// reference kernel's median time, `extra` and the CPU time.
    fn line(&self, name: &str, mb: f64, extra: &str) -> String {
        let (m, b) = (self.median.as_secs_f64(), self.best.as_secs_f64());
        format!(
            "{:26}{:8.1} ms  {:7.2} MB/s  (best {:.1} ms, {:.2} MB/s; reference kernel {:.1} ms){extra}{}",
            format!("{name}:"),
            m * 1e3,
            mb / m,
            b * 1e3,
            mb / b,
            self.kernel.as_secs_f64() * 1e3,
            cpu_note(self.cpu, mb)
        )
    }
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
        "input: {mb:.2} MB ({} chars), {runs} runs: median, then best",
        text.chars().count()
    );

    let only = std::env::var("TALIQ_BENCH_ONLY").unwrap_or_default();
    let run = |name: &str| only.is_empty() || only == name;

    if run("extract") {
        let piece = env_or("TALIQ_BENCH_PIECE", taliq_core::extract::PIECE_BYTES as f64) as usize;
        let mut mentions = 0;
        let t = median_time(runs, || {
            mentions = black_box(taliq_core::extract::extract_in_pieces(
                black_box(&text),
                piece,
            ))
            .len();
        });
        let extra = format!("  ({mentions} mentions)");
        println!("{}", t.line("extract (whole pipeline)", mb, &extra));
    }

    if run("one-piece") {
        let t = median_time(runs, || {
            black_box(taliq_core::extract::extract_in_pieces(
                black_box(&text),
                usize::MAX,
            ));
        });
        println!("{}", t.line("extract, one piece", mb, ""));
    }

    if run("normalize") {
        let mut tokens = 0;
        let t = median_time(runs, || {
            let norm = taliq_core::extract::normalize::normalize(black_box(&text));
            tokens = black_box(taliq_core::extract::tokenize::tokenize(&norm)).len();
        });
        let extra = format!("  ({tokens} tokens)");
        println!("{}", t.line("normalize + tokenize", mb, &extra));
    }

    if run("doc") {
        let t = median_time(runs, || {
            black_box(taliq_core::extract::doc::Doc::new(black_box(&text)));
        });
        println!("{}", t.line("Doc::new (+ readings)", mb, ""));
    }
}
