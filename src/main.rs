//! The `taliq` binary: the desktop app, and `taliq extract FILE`, `taliq extract --jsonl`
//! and `taliq eval GOLD.jsonl` for scripts.

// No console window behind the app on Windows (release builds).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use taliq::cli::{self, Invocation};
use taliq::ui::TaliqApp;
use taliq_text::SystemFonts;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let invocation = match cli::parse_args(&args) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("taliq: {e}");
            return ExitCode::from(2);
        }
    };
    match invocation {
        Invocation::Help => {
            print!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Invocation::Version => {
            println!("taliq {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Invocation::Extract {
            path,
            lexicon,
            format,
        } => exit_code(cli::extract(
            &path,
            &lexicon,
            format,
            &mut std::io::stdout().lock(),
        )),
        Invocation::Convert(args) => {
            match cli::run_convert(&args, &mut std::io::stdout().lock(), &mut std::io::stderr()) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(n) => {
                    eprintln!("taliq: {n} span(s) not converted as they were (listed above)");
                    ExitCode::FAILURE
                }
                Err(e) => {
                    eprintln!("taliq: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Invocation::Agree(args) => exit_code(cli::run_agree(
            &args,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr(),
        )),
        Invocation::ExtractJsonl { lexicon } => {
            let lexicon = match cli::load_lexicon(&lexicon, None) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("taliq: {e:#}");
                    return ExitCode::FAILURE;
                }
            };
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            match cli::extract_jsonl(
                &mut stdin.lock(),
                &mut stdout.lock(),
                &mut stderr.lock(),
                &lexicon,
            ) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(n) => {
                    eprintln!("taliq: {n} input line(s) failed");
                    ExitCode::FAILURE
                }
                Err(e) => {
                    eprintln!("taliq: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Invocation::Eval(path) => exit_code(cli::eval(&path, &mut std::io::stdout().lock())),
        Invocation::Layout {
            path,
            width,
            font_size,
        } => exit_code(cli::layout(
            &path,
            width,
            font_size,
            &mut std::io::stdout().lock(),
        )),
        Invocation::Gui(path) => exit_code(run_gui(path, None)),
        Invocation::GuiImport {
            article,
            annotations,
        } => exit_code(run_gui(Some(article), Some(annotations))),
    }
}

/// Exit status of a command: success, or the error on stderr and failure.
fn exit_code(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("taliq: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_gui(
    path: Option<std::path::PathBuf>,
    import: Option<std::path::PathBuf>,
) -> anyhow::Result<()> {
    let path = match path {
        Some(p) => p,
        None => cli::sample_path()?,
    };
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../assets/taliq.png"))
        .map_err(|e| anyhow::anyhow!("bundled icon is not a PNG: {e}"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Taliq")
            .with_app_id("taliq")
            .with_icon(icon)
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Taliq",
        options,
        Box::new(move |cc| {
            let mut app = TaliqApp::with_settings(
                &cc.egui_ctx,
                Some(path),
                SystemFonts::Load,
                Some(cli::data_dir().join("settings.json")),
            );
            if let Some(file) = import {
                app.apply(taliq::ui::Action::ImportFrom(file));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
