//! Text engine figures on a 1 MB Arabic article (the sample repeated): full layout (open),
//! relayout at another width (resize), hit-testing and highlight geometry for 10,000 spans.
//! Prints medians in milliseconds. `cargo bench --bench text`.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

use std::time::{Duration, Instant};

use taliq_text::fonts::{self, SystemFonts};
use taliq_text::{LayoutParams, layout_text};

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let sample = include_str!("../seeds/putin-trump-call.ar.txt");
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(sample);
        text.push_str("\n\n");
    }
    let chars = text.chars().count();
    let mut fs = fonts::font_system(SystemFonts::Skip);
    let params = |width: f32| LayoutParams {
        font_size: 28.0,
        line_spacing: 1.8,
        width: Some(width),
        family: fonts::ARABIC_FAMILY.to_owned(),
        latin_family: Some(fonts::LATIN_FAMILY.to_owned()),
    };
    let runs = 3;
    let mut open = Vec::new();
    let mut layout = None;
    for _ in 0..runs {
        let t = Instant::now();
        layout = Some(layout_text(&mut fs, &text, &params(1200.0)));
        open.push(t.elapsed());
    }
    let layout = layout.expect("laid out");
    let mut resize = Vec::new();
    for w in [1000.0, 1100.0, 1300.0] {
        let t = Instant::now();
        let _ = layout_text(&mut fs, &text, &params(w));
        resize.push(t.elapsed());
    }
    // one paragraph of more than 100,000 chars (no line breaks)
    let long_line: String = sample.replace('\n', " ").repeat(50);
    let t = Instant::now();
    let long = layout_text(&mut fs, &long_line, &params(1200.0));
    let long_time = t.elapsed();
    let spans: Vec<(usize, usize)> = (0..10_000)
        .map(|i| {
            let s = (i * 53) % (chars - 10);
            (s, s + 6)
        })
        .collect();
    let t = Instant::now();
    let mut rects = 0;
    for &(s, e) in &spans {
        rects += layout.highlight_rects(s..e).len();
    }
    let highlight = t.elapsed();
    let t = Instant::now();
    let mut acc = 0;
    for i in 0..10_000 {
        acc += layout.hit((i % 1200) as f32, (i * 37 % 100_000) as f32);
    }
    let hits = t.elapsed();
    println!(
        "text: {} bytes, {chars} chars, {} visual lines",
        text.len(),
        layout.lines.len()
    );
    println!(
        "full layout (open):        {:8.1} ms (median of {runs})",
        median(open)
    );
    println!(
        "full relayout (resize):    {:8.1} ms (median of 3 widths)",
        median(resize)
    );
    println!(
        "highlight geometry:        {:8.3} ms for 10,000 spans ({rects} rects)",
        highlight.as_secs_f64() * 1000.0
    );
    println!(
        "hit-testing:               {:8.3} ms for 10,000 points (checksum {acc})",
        hits.as_secs_f64() * 1000.0
    );
    println!(
        "single {}-char paragraph: {:8.1} ms ({} visual lines)",
        long_line.chars().count(),
        long_time.as_secs_f64() * 1000.0,
        long.lines.len()
    );
}
