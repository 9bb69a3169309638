//! The project lexicon in the interface: its notices (worded in
//! [`crate::ui::words::lexicon`]), and the Project ▸ Learned names pane (what the folder
//! learned, with counts; each item's rule, or forgotten; the off switch for learning).

use egui::{RichText, Sense, Ui};

use taliq_core::extract::lexicon::{LexiconChange, LexiconItem, ProjectLexicon, Rule};
use taliq_core::model::label::Label;
use taliq_text::{TextEngine, TextStyle};

use super::action::Action;
use super::app::label_color;
use super::words::lexicon as words;

/// The status line for what one decision changed in the folder's lexicon, and whether it
/// must stay there against later Info messages (worded in [`words::describe_changes`]).
#[must_use]
pub(super) fn describe_changes(
    changes: &[LexiconChange],
    trimmed: Option<&(String, String)>,
    applied: (usize, usize),
) -> Option<(String, bool)> {
    words::describe_changes(changes, trimmed, applied)
}

/// The status line when "Never suggest this" finds the pair blocked already.
#[must_use]
pub(super) fn already_never(surface: &str, label: Label) -> String {
    words::already_never(surface, label)
}

/// What a rejection with `R` said when the folder's lexicon did not change its effect.
#[must_use]
pub(super) fn rejected_here(surface: &str, label: Label) -> String {
    words::rejected_here(surface, label)
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
    egui::Window::new(words::WINDOW_TITLE)
        .open(open)
        .default_size([560.0, 420.0])
        .resizable(true)
        .show(ctx, |ui| {
            let Some(lexicon) = lexicon else {
                ui.label(words::NO_ARTICLE);
                return;
            };
            let mut learning = lexicon.learning();
            if ui
                .checkbox(&mut learning, words::LEARN_CHECKBOX)
                .on_hover_text(Action::SetLearning(!lexicon.learning()).tooltip())
                .changed()
            {
                out.push(Action::SetLearning(learning));
            }
            ui.weak(words::how_it_learns(file_name));
            ui.separator();
            let items: Vec<&LexiconItem> =
                lexicon.items().iter().filter(|i| !i.is_blank()).collect();
            if items.is_empty() {
                ui.label(words::NOTHING_LEARNED);
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
            for h in words::COLUMNS {
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
                        ui.label(words::ENTITY);
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
                    .on_hover_text(words::ACCEPTED_COUNT);
                ui.label(item.rejected.to_string())
                    .on_hover_text(words::REJECTED_COUNT);
                let (effect, why) = words::effect_words(item);
                ui.label(effect).on_hover_text(why);
                let mut rule = item.rule;
                egui::ComboBox::from_id_salt(("rule", item.label, item.surface.as_str()))
                    .selected_text(words::rule_title(rule))
                    .width(110.0)
                    .show_ui(ui, |ui| {
                        for r in [Rule::ByDecisions, Rule::Always, Rule::Never] {
                            ui.selectable_value(&mut rule, r, words::rule_title(r));
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
                    .button(words::FORGET)
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
