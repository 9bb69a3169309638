//! The project lexicon in the interface: the words of its notices, and the Project ▸
//! Learned names pane (what the folder learned, with counts; each item's rule, or
//! forgotten; the off switch for learning).

use std::fmt::Write as _;

use egui::{RichText, Sense, Ui};

use taliq_core::extract::lexicon::{Effect, LexiconChange, LexiconItem, ProjectLexicon, Rule};
use taliq_core::model::label::Label;
use taliq_text::{TextEngine, TextStyle, isolate};

use super::action::Action;
use super::app::label_color;

/// "accepted 3×, rejected 1×"
fn tally(accepted: u32, rejected: u32) -> String {
    format!("accepted {accepted}×, rejected {rejected}×")
}

/// The status line for what one decision changed in the folder's lexicon, and whether it
/// must stay there against later Info messages (it says what every article of the
/// folder now gets). `trimmed`: the annotated text and the surface learned from it,
/// when a title was left out; `applied`: suggestions added and rejected in the open
/// article. `None` when nothing the annotator sees changed.
#[must_use]
pub(super) fn describe_changes(
    changes: &[LexiconChange],
    trimmed: Option<&(String, String)>,
    applied: (usize, usize),
) -> Option<(String, bool)> {
    let c = changes.iter().find(|c| c.before != c.after)?;
    let name = isolate(&c.surface);
    let label = c.label;
    let mut msg = match (c.before, c.after) {
        (_, Effect::Suggested) => format!(
            "“{name}” will be suggested as {label} in this folder's articles ({})",
            tally(c.accepted, c.rejected)
        ),
        (_, Effect::Blocked) if c.rule == Rule::Never => {
            format!("“{name}” as {label} will never be suggested in this folder's articles")
        }
        (_, Effect::Blocked) => format!(
            "“{name}” as {label} is no longer suggested in this folder's articles: {}",
            tally(c.accepted, c.rejected)
        ),
        (_, Effect::Held) => format!(
            "“{name}” is a very common word: it is not learned as {label} for this folder's articles; confirm it in Project ▸ Learned names"
        ),
        (Effect::Suggested, _) => format!(
            "“{name}” is no longer learned as {label} for this folder's articles ({}); the extractor may still suggest it",
            tally(c.accepted, c.rejected)
        ),
        (Effect::Blocked, _) => {
            format!("“{name}” as {label} may be suggested again in this folder's articles")
        }
        _ => return None,
    };
    if let Some((text, learned)) = trimmed
        && c.after == Effect::Suggested
    {
        let _ = write!(
            msg,
            "; learned as “{}” without the title of “{}” (guideline 3)",
            isolate(learned),
            isolate(text)
        );
    }
    match applied {
        (0, 0) => {}
        (added, 0) => {
            let _ = write!(msg, "; {added} more mention(s) here are suggested");
        }
        (0, rejected) => {
            let _ = write!(msg, "; {rejected} more here rejected");
        }
        (added, rejected) => {
            let _ = write!(
                msg,
                "; {added} mention(s) here suggested, {rejected} rejected"
            );
        }
    }
    msg.push_str(if c.rule == Rule::Never {
        " (Ctrl+Z undoes; Project ▸ Learned names changes it)"
    } else {
        " (Ctrl+Z undoes)"
    });
    Some((msg, true))
}

/// The status line when "Never suggest this" finds the pair blocked already.
#[must_use]
pub(super) fn already_never(surface: &str, label: Label) -> String {
    format!(
        "“{}” as {label} is already never suggested in this folder",
        isolate(surface)
    )
}

/// What a rejection with `R` said when the folder's lexicon did not change its effect.
#[must_use]
pub(super) fn rejected_here(surface: &str, label: Label) -> String {
    format!(
        "Rejected here only: “{}” as {label} is still suggested in other articles; Shift+R never suggests it",
        isolate(surface)
    )
}

/// The words for an item's effect in the pane.
fn effect_words(item: &LexiconItem) -> (&'static str, &'static str) {
    match item.effect() {
        Effect::Suggested => (
            "suggested",
            "Its mentions are suggested in every article of the folder",
        ),
        Effect::Blocked => (
            "not suggested",
            "The extractor's suggestions with this text and label are left out in the folder",
        ),
        Effect::Held => (
            "held: common word",
            "Accepted more often than rejected, but a very common word: not suggested until you confirm it (Always)",
        ),
        Effect::Undecided => (
            "no effect",
            "Too few decisions either way: the extractor decides",
        ),
    }
}

/// The title of a rule in the pane's drop-down.
fn rule_title(rule: Rule) -> &'static str {
    match rule {
        Rule::ByDecisions => "by decisions",
        Rule::Always => "always",
        Rule::Never => "never",
    }
}

/// Project ▸ Learned names: a window listing the items of `lexicon` (from the file
/// `file_name`) with their counts and effect; the annotator sets an item's rule, forgets
/// it, or switches learning off. Arabic goes through the text engine. Sets `open` to
/// false when closed.
pub(super) fn learned_names_window(
    ctx: &egui::Context,
    engine: &mut TextEngine,
    lexicon: Option<&ProjectLexicon>,
    file_name: &str,
    open: &mut bool,
    out: &mut Vec<Action>,
) {
    egui::Window::new("Learned names")
        .open(open)
        .default_size([560.0, 420.0])
        .resizable(true)
        .show(ctx, |ui| {
            let Some(lexicon) = lexicon else {
                ui.label("Open an article first: each folder learns on its own.");
                return;
            };
            let mut learning = lexicon.learning();
            if ui
                .checkbox(&mut learning, "Learn from my decisions in this folder")
                .on_hover_text(Action::SetLearning(!lexicon.learning()).tooltip())
                .changed()
            {
                out.push(Action::SetLearning(learning));
            }
            ui.weak(format!(
                "Kept in {file_name} next to the articles. A name is suggested once it is accepted more often than rejected, and left out once rejected 3 times and 3 times as often as accepted; Always and Never override the counts."
            ));
            ui.separator();
            let items: Vec<&LexiconItem> =
                lexicon.items().iter().filter(|i| !i.is_blank()).collect();
            if items.is_empty() {
                ui.label("Nothing learned yet.");
                return;
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| items_grid(ui, engine, &items, out));
        });
}

fn items_grid(ui: &mut Ui, engine: &mut TextEngine, items: &[&LexiconItem], out: &mut Vec<Action>) {
    egui::Grid::new("learned-names")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for h in ["label", "name", "✔", "✖", "effect", "rule", ""] {
                ui.strong(h);
            }
            ui.end_row();
            for item in items {
                ui.label(RichText::new(item.label.as_str()).color(label_color(item.label, 255)));
                let color = ui.visuals().text_color();
                // as wide as the name: a grid column would wrap it inside a word
                let style = TextStyle::arabic_label(16.0);
                let ppp = ui.ctx().pixels_per_point();
                let width = engine.layout(&item.surface, &style, None, ppp).width / ppp;
                let r = ui
                    .allocate_ui(egui::vec2(width + 2.0, 22.0), |ui| {
                        engine.label(ui, &item.surface, &style, color, Sense::hover())
                    })
                    .inner;
                if item.canonical != item.surface {
                    r.on_hover_ui(|ui| {
                        ui.label("entity:");
                        engine.label(
                            ui,
                            &item.canonical,
                            &TextStyle::arabic_label(15.0),
                            ui.visuals().text_color(),
                            Sense::hover(),
                        );
                    });
                }
                ui.label(item.accepted.to_string())
                    .on_hover_text("accepted or labelled by hand, in this folder");
                ui.label(item.rejected.to_string())
                    .on_hover_text("rejected, in this folder");
                let (words, why) = effect_words(item);
                ui.label(words).on_hover_text(why);
                let mut rule = item.rule;
                egui::ComboBox::from_id_salt(("rule", item.label, item.surface.as_str()))
                    .selected_text(rule_title(rule))
                    .width(110.0)
                    .show_ui(ui, |ui| {
                        for r in [Rule::ByDecisions, Rule::Always, Rule::Never] {
                            ui.selectable_value(&mut rule, r, rule_title(r));
                        }
                    });
                if rule != item.rule {
                    out.push(Action::SetLexiconRule(
                        item.surface.clone(),
                        item.label,
                        rule,
                    ));
                }
                if ui
                    .button("Forget")
                    .on_hover_text(
                        Action::ForgetLexiconItem(item.surface.clone(), item.label).tooltip(),
                    )
                    .clicked()
                {
                    out.push(Action::ForgetLexiconItem(item.surface.clone(), item.label));
                }
                ui.end_row();
            }
        });
}
