//! Pixel snapshots of the Arabic text engine, rendered with wgpu on software Vulkan (Mesa's
//! lavapipe, Debian package `mesa-vulkan-drivers`) and compared with the PNGs stored in
//! `tests/snapshots/`: a title with a Latin name in quotes, a date with digits and a
//! slash, diacritics and lam-alef ligatures, and a highlight that covers part of a word, in
//! the light and the dark theme.
//!
//! Only the bundled fonts are loaded, so the images are the same on every machine with
//! lavapipe. The comparison forgives colour rounding noise of another rasterizer build but
//! not a glyph, mark or highlight that moved or went missing (see [`THRESHOLD`]).
//!
//! After an intended rendering change, look at the new images and store them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` (kittest writes `NAME.new.png` and
//! `NAME.diff.png` next to a failing snapshot; they are not committed).
//!
//! Without a software Vulkan adapter the tests fail and say what to install: they never
//! pass without having compared the pixels.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use std::future::Future;
use std::sync::Arc;

use eframe::egui_wgpu::{WgpuSetup, WgpuSetupCreateNew, wgpu};
use egui::{Color32, Sense};
use egui_kittest::{Harness, SnapshotOptions};
use support::last_char_range;
use taliq_core::model::label::Label;
use taliq_text::{SystemFonts, TextEngine, TextStyle};

/// One paragraph to render: snapshot name, text, and the chars to highlight.
struct Sample {
    name: &'static str,
    text: &'static str,
    highlight: Option<&'static str>,
}

const SAMPLES: [Sample; 4] = [
    // the seed article's title: Latin "G7" in quotes at the left end of an RTL line
    Sample {
        name: "title",
        text: "بوتين وترامب يبحثان مكافحة كورونا وقمة \"G7\"",
        highlight: None,
    },
    // digits keep their order inside RTL text; the slash and parentheses mirror
    Sample {
        name: "date",
        text: "ترامب يشارك في اجتماع مع بوتين خلال قمة مجموعة العشرين في أوساكا في 28 حزيران/ يونيو 2019 (أ ف ب- أرشيف)",
        highlight: None,
    },
    // fatha and shadda stacked on the letters; lam-alef with hamza, madda and shadda
    Sample {
        name: "diacritics",
        text: "قال مُحَمَّد: لا سلامَ إلّا بالعدل، والآن لأجل الأطفال",
        highlight: None,
    },
    // the highlight covers "الهاتف" inside "بالهاتف": its edge cuts the join of beh and
    // alef, and the tanween on "اتصالاً" sits above the alef
    Sample {
        name: "highlight",
        text: "وأفاد الكرملين بأن بوتين وترامب أجريا اتصالاً بالهاتف",
        highlight: Some("الهاتف"),
    },
];

/// Window size (points, at 1 pixel per point) of every snapshot.
const SIZE: egui::Vec2 = egui::vec2(560.0, 120.0);

/// Per-pixel colour tolerance (kittest's weighted squared YIQ distance in 0–255 channel
/// units: 3.0 lets a grey differ by about two levels) and the number of pixels allowed past
/// it (anti-aliased edge pixels are not counted). Measured on Mesa 22.3: lavapipe and GL
/// llvmpipe give identical images; one missing shadda fails 12 pixels, a highlight one
/// letter short 215, a right-to-left line drawn in reverse over 1200, at any threshold
/// up to 10.
const THRESHOLD: f32 = 3.0;
const MAX_FAILED_PIXELS: usize = 4;

/// What the harness draws: the engine and the sample shown.
struct Scene {
    engine: TextEngine,
    sample: usize,
}

fn ui(ui: &mut egui::Ui, scene: &mut Scene) {
    let sample = &SAMPLES[scene.sample];
    let highlight = sample.highlight.map(|word| {
        let [r, g, b] = Label::Person.rgb();
        (
            last_char_range(sample.text, word),
            Color32::from_rgba_unmultiplied(r, g, b, 90),
        )
    });
    let color = ui.visuals().text_color();
    // the whole window in the theme's panel colour, the paragraph inside a 16-point margin
    let screen = ui.ctx().content_rect();
    ui.painter()
        .rect_filled(screen, 0.0, ui.visuals().panel_fill);
    let area = egui::UiBuilder::new().max_rect(screen.shrink(16.0));
    ui.scope_builder(area, |ui| {
        scene.engine.label_highlighted(
            ui,
            sample.text,
            highlight,
            &TextStyle::arabic(24.0),
            color,
            Sense::hover(),
        );
    });
}

/// Runs `future` to completion on this thread (wgpu's native futures are ready at once).
fn block_on<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = future.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// The software Vulkan adapter (a CPU device: lavapipe), or what to do about its absence.
fn software_vulkan(adapters: &[wgpu::Adapter]) -> Result<wgpu::Adapter, String> {
    adapters
        .iter()
        .find(|a| {
            let info = a.get_info();
            info.backend == wgpu::Backend::Vulkan && info.device_type == wgpu::DeviceType::Cpu
        })
        .cloned()
        .ok_or_else(|| {
            let found: Vec<String> = adapters
                .iter()
                .map(|a| {
                    let i = a.get_info();
                    format!("{} ({:?}, {:?})", i.name, i.backend, i.device_type)
                })
                .collect();
            format!(
                "no software Vulkan adapter for the snapshot tests (found: {}). Install Mesa's \
                 lavapipe: `apt-get install mesa-vulkan-drivers` on Debian/Ubuntu (.ci/run does); \
                 the stored PNGs in tests/snapshots/ were rendered with it",
                if found.is_empty() {
                    "none".to_owned()
                } else {
                    found.join(", ")
                }
            )
        })
}

/// wgpu on lavapipe only, whatever `WGPU_BACKEND` says and whatever GPU the machine has, so
/// the pixels match the stored ones. Panics with instructions when lavapipe is missing.
fn lavapipe_setup() -> WgpuSetup {
    let mut create = WgpuSetupCreateNew::without_display_handle();
    create.instance_descriptor.backends = wgpu::Backends::VULKAN;
    create.native_adapter_selector = Some(Arc::new(|adapters, _surface| software_vulkan(adapters)));
    let setup = WgpuSetup::CreateNew(create);
    let instance = block_on(setup.new_instance());
    let adapters = block_on(instance.enumerate_adapters(wgpu::Backends::VULKAN));
    if let Err(msg) = software_vulkan(&adapters) {
        panic!("{msg}");
    }
    setup
}

/// Renders every sample in `theme` and compares it with `tests/snapshots/NAME_THEME.png`.
/// All samples are rendered and compared before the test fails, listing each mismatch.
fn check_theme(theme: egui::Theme, theme_name: &str) {
    let scene = Scene {
        engine: TextEngine::new(SystemFonts::Skip),
        sample: 0,
    };
    let mut h = Harness::builder()
        .with_size(SIZE)
        .with_pixels_per_point(1.0)
        .with_theme(theme)
        .with_options(
            SnapshotOptions::new()
                .threshold(THRESHOLD)
                .max_failed_pixels(MAX_FAILED_PIXELS),
        )
        .wgpu_setup(lavapipe_setup())
        .build_ui_state(ui, scene);
    let mut failures = Vec::new();
    for (i, sample) in SAMPLES.iter().enumerate() {
        h.state_mut().sample = i;
        h.run();
        if let Err(e) = h.try_snapshot(format!("{}_{theme_name}", sample.name)) {
            failures.push(e.to_string());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn arabic_paragraphs_render_as_stored_in_the_light_theme() {
    check_theme(egui::Theme::Light, "light");
}

#[test]
fn arabic_paragraphs_render_as_stored_in_the_dark_theme() {
    check_theme(egui::Theme::Dark, "dark");
}
