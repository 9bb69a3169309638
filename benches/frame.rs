//! Whole-app figures on a 1 MB Arabic article (the sample repeated), driven headless with
//! egui_kittest (the real `TaliqApp`: loading, extraction, sidecar, facts panel, article
//! view; egui tessellation included, GPU rendering not): time to the first screen, CPU per
//! frame while scrolling with more than 10,000 highlighted spans, CPU of the first frame
//! after a resize, a 120,000-char single line, and peak memory (RSS).
//!
//! All figures are CPU time of the UI thread (Linux schedstat), which a machine busy with
//! other work disturbs less than wall-clock time. `cargo bench --bench frame` prints them. Targets (issue #3): first screen
//! < 300 ms, scrolling < 8 ms per frame, relayout of the visible region < 16 ms, RSS
//! < 200 MB, and no long frame on the long line.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Event, MouseWheelUnit, Pos2, vec2};
use egui_kittest::Harness;
use taliq::ui::TaliqApp;
use taliq_text::SystemFonts;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(v: &mut [Duration], p: f64) -> f64 {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    ms(v[i])
}

/// Peak resident set size of this process in MB (Linux `/proc/self/status` VmHWM).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Opens the app on `path` and runs the first frame; returns the CPU time it took.
fn open(path: PathBuf) -> (Harness<'static, TaliqApp>, Duration) {
    let wall = Instant::now();
    let t = cpu_now();
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_max_steps(4)
        .build_eframe(move |cc| TaliqApp::new(&cc.egui_ctx, Some(path), SystemFonts::Skip));
    h.step();
    let cpu = cpu_now().saturating_sub(t);
    println!(
        "  (open: wall-clock {:.1} ms; a fresh article gets no sidecar before its first decision)",
        ms(wall.elapsed())
    );
    (h, cpu)
}

/// CPU time this thread has run, from Linux `/proc/thread-self/schedstat` (nanoseconds
/// on CPU), so the figures do not count time spent waiting for a busy machine's cores;
/// wall-clock time where that file is missing.
fn cpu_now() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| START.with(Instant::elapsed), Duration::from_nanos)
}

thread_local! {
    static START: Instant = Instant::now();
}

/// One frame; returns its CPU time.
fn frame(h: &mut Harness<'static, TaliqApp>) -> Duration {
    let t = cpu_now();
    h.step();
    cpu_now().saturating_sub(t)
}

fn scroll(h: &mut Harness<'static, TaliqApp>, dy: f32) {
    h.event(Event::PointerMoved(Pos2::new(500.0, 450.0)));
    h.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, -dy),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = taliq::cli::SAMPLE_TEXT;
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(sample);
        text.push_str("\n\n");
    }
    let big = dir.path().join("big.ar.txt");
    std::fs::write(&big, &text).expect("write");

    // the steps of opening, measured alone (domain code, no window)
    let t = cpu_now();
    let doc = taliq_core::model::document::Document::load(&big).expect("load");
    let load = cpu_now().saturating_sub(t);
    let t = cpu_now();
    let session = taliq_core::session::Session::with_extraction(doc);
    let extraction = cpu_now().saturating_sub(t);
    let t = cpu_now();
    let json = session.to_export().to_json();
    let serialize = cpu_now().saturating_sub(t);
    let t = cpu_now();
    let mut fs = taliq_text::fonts::font_system(SystemFonts::Skip);
    let params = taliq_text::LayoutParams {
        font_size: 20.0,
        line_spacing: 1.8,
        width: Some(900.0),
        family: taliq_text::fonts::ARABIC_FAMILY.to_owned(),
        latin_family: Some(taliq_text::fonts::LATIN_FAMILY.to_owned()),
    };
    let fonts = cpu_now().saturating_sub(t);
    let t = cpu_now();
    let mut layout = taliq_text::DocLayout::new(session.document().text(), params);
    layout.ensure_band(&mut fs, session.document().text(), 0.0, 900.0);
    let first_screen = cpu_now().saturating_sub(t);
    println!(
        "  steps: load {:.1} ms, extraction {:.1} ms, sidecar JSON {:.1} ms ({} bytes), fonts {:.1} ms, first screen layout {:.1} ms",
        ms(load),
        ms(extraction),
        ms(serialize),
        json.len(),
        ms(fonts),
        ms(first_screen)
    );
    drop((session, json, layout));

    let (mut h, first) = open(big);
    let spans = h.state().session().map_or(0, |s| s.annotations().len());
    println!(
        "1 MB article ({} bytes, {spans} highlighted suggestions)",
        text.len()
    );
    println!("  open + first screen:      {:8.1} ms", ms(first));

    // background layout: frames until the document is laid out, and their cost
    let mut bg = Vec::new();
    for _ in 0..400 {
        bg.push(frame(&mut h));
    }
    println!(
        "  frames while laying out the rest in the background: median {:.1} ms, max {:.1} ms",
        percentile(&mut bg.clone(), 0.5),
        percentile(&mut bg, 1.0)
    );

    // scrolling: 300 frames, 120 points per frame (a fast wheel)
    let mut scroll_frames = Vec::new();
    for _ in 0..300 {
        scroll(&mut h, 120.0);
        scroll_frames.push(frame(&mut h));
    }
    println!(
        "  scrolling, CPU per frame:  median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        percentile(&mut scroll_frames.clone(), 0.5),
        percentile(&mut scroll_frames.clone(), 0.95),
        percentile(&mut scroll_frames, 1.0)
    );

    // resize: the first frame at a new width lays out the visible region again
    let mut resize = Vec::new();
    for w in [1200.0, 1000.0, 1300.0, 1100.0, 1400.0] {
        h.set_size(vec2(w, 900.0));
        resize.push(frame(&mut h));
        for _ in 0..3 {
            frame(&mut h);
        }
    }
    println!(
        "  first frame after a resize: median {:.1} ms, max {:.1} ms",
        percentile(&mut resize.clone(), 0.5),
        percentile(&mut resize, 1.0)
    );
    drop(h);

    // one line of more than 120,000 chars, no line breaks
    let line: String = sample.replace(['\n', '\r'], " ").repeat(60);
    let long = dir.path().join("long-line.ar.txt");
    std::fs::write(&long, &line).expect("write");
    let (mut h, first) = open(long);
    let mut frames = Vec::new();
    for _ in 0..200 {
        scroll(&mut h, 200.0);
        frames.push(frame(&mut h));
    }
    println!(
        "{}-char single line: open + first screen {:.1} ms; scrolling frames median {:.1} ms, max {:.1} ms",
        line.chars().count(),
        ms(first),
        percentile(&mut frames.clone(), 0.5),
        percentile(&mut frames, 1.0)
    );
    match peak_rss_mb() {
        Some(mb) => println!("peak RSS: {mb:.0} MB"),
        None => println!("peak RSS: unavailable (no /proc/self/status)"),
    }
}
