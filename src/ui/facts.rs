//! The facts panel: extracted and manual annotations grouped by label and entity, with
//! accept / reject / relabel actions, and an inspector for the focused annotation.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use egui::{RichText, Role, Sense, Ui, WidgetInfo};

use crate::annotation::{Entity, Facts, Origin, Status};
use crate::label::Label;
use crate::text::{TextEngine, TextStyle};

use super::app::{OpenArticle, label_color};
use super::arabic_edit::{EditOptions, arabic_text_edit};
use super::article::ArticleView;
use super::command::Command;
use crate::text::edit::EditBuffer;

/// Chars of context shown on each side of a mention in the facts panel.
const CONTEXT: usize = 24;

/// A note being typed is saved once typing has paused this long (and when the field is
/// left), so a crash loses at most the last second of typing.
const NOTE_IDLE: Duration = Duration::from_secs(1);

#[derive(Default)]
pub(super) struct FactsPanel {
    expanded: HashSet<String>,
    note_draft: Option<(u64, EditBuffer)>,
    /// When the note draft was last typed in, while it differs from the stored note.
    note_typed_at: Option<Instant>,
}

impl FactsPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        article: Option<&mut OpenArticle>,
        view: &ArticleView,
        out: &mut Vec<Command>,
    ) {
        ui.heading("Facts");
        let Some(article) = article else {
            ui.label("No article open.");
            return;
        };
        // The inspector sits at the bottom, so the list above never moves when it appears.
        egui::Panel::bottom("inspector")
            .resizable(false)
            .show(ui, |ui| {
                if let Some(id) = view.focused() {
                    self.inspector(ui, engine, article, id, out);
                } else {
                    out.extend(self.take_unsaved_note(article));
                    ui.add_space(4.0);
                    ui.weak(
                        "Click a highlight or a name to inspect it. N: next suggestion, \
                         A: accept, R: reject. Drag over text and press 1–7 to add a label.",
                    );
                    ui.add_space(4.0);
                }
            });
        let entities: Vec<Entity> = article.entities().to_vec();
        let all_accepted: Vec<bool> = {
            let counts = article.review_counts();
            entities
                .iter()
                .map(|e| counts.accepted_entities.contains(&e.id))
                .collect()
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // keep names clear of the scroll bar
                ui.set_max_width(ui.available_width() - 12.0);
                for label in Label::ALL {
                    let group: Vec<(&Entity, bool)> = entities
                        .iter()
                        .zip(all_accepted.iter().copied())
                        .filter(|(e, _)| e.label == label)
                        .collect();
                    let mentions: usize = group.iter().map(|(e, _)| e.mentions.len()).sum();
                    let title = RichText::new(format!(
                        "{} ({} · {} mentions)",
                        label.group_title(),
                        group.len(),
                        mentions
                    ))
                    .strong()
                    .color(label_color(label, 255));
                    egui::CollapsingHeader::new(title)
                        .id_salt(label.as_str())
                        .default_open(!group.is_empty() && label != Label::Quote)
                        .show(ui, |ui| {
                            if group.is_empty() {
                                ui.weak("none");
                            }
                            for (e, all_accepted) in group {
                                self.entity_row(ui, engine, article, e, all_accepted, out);
                            }
                        });
                }
                let rejected: Vec<(u64, String, Label)> = article
                    .session
                    .annotations()
                    .iter()
                    .filter(|a| a.status == Status::Rejected)
                    .map(|a| {
                        (
                            a.id,
                            article
                                .session
                                .document()
                                .slice(a.span.start(), a.span.end())
                                .to_owned(),
                            a.label,
                        )
                    })
                    .collect();
                egui::CollapsingHeader::new(format!("Rejected ({})", rejected.len()))
                    .id_salt("rejected")
                    .default_open(false)
                    .show(ui, |ui| {
                        for (id, text, label) in rejected {
                            ui.horizontal(|ui| {
                                if ui
                                    .small_button("↺")
                                    .on_hover_text("Restore (accept) this suggestion")
                                    .clicked()
                                {
                                    out.push(Command::Accept(id));
                                }
                                ui.label(
                                    RichText::new(label.as_str())
                                        .small()
                                        .color(label_color(label, 255)),
                                );
                                let r = engine.label(
                                    ui,
                                    &text,
                                    &TextStyle::arabic_label(15.0),
                                    ui.visuals().weak_text_color(),
                                    Sense::click(),
                                );
                                r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &text));
                                if r.clicked() {
                                    out.push(Command::Focus(id));
                                }
                            });
                        }
                    });
            });
    }

    /// Takes the note being typed, if it differs from the stored one, as the command that
    /// saves it. Called when focus moves and before the article is closed, so a note is
    /// never lost for want of leaving the field.
    pub fn take_unsaved_note(&mut self, article: &OpenArticle) -> Option<Command> {
        let (id, buf) = self.note_draft.take()?;
        let stored = article.session.get(id)?;
        (buf.text() != stored.note).then(|| Command::SetNote(id, buf.text().to_owned()))
    }

    fn entity_row(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        article: &OpenArticle,
        e: &Entity,
        all_accepted: bool,
        out: &mut Vec<Command>,
    ) {
        let session = &article.session;
        let open = self.expanded.contains(&e.id);
        ui.horizontal(|ui| {
            if ui
                .small_button(if open { "⏷" } else { "⏵" })
                .on_hover_text("Show the mentions")
                .clicked()
            {
                if open {
                    self.expanded.remove(&e.id);
                } else {
                    self.expanded.insert(e.id.clone());
                }
            }
            let accept = ui
                .add_enabled(!all_accepted, egui::Button::new("✔").small())
                .on_hover_text(Command::AcceptEntity(e.id.clone()).tooltip());
            if accept.clicked() {
                out.push(Command::AcceptEntity(e.id.clone()));
            }
            if ui
                .small_button("✖")
                .on_hover_text(Command::RejectEntity(e.id.clone()).tooltip())
                .clicked()
            {
                out.push(Command::RejectEntity(e.id.clone()));
            }
            ui.menu_button("…", |ui| {
                for l in Label::ALL.into_iter().filter(|l| *l != e.label) {
                    let cmd = Command::RelabelEntity(e.id.clone(), l);
                    if ui
                        .button(cmd.title())
                        .on_hover_text(cmd.tooltip())
                        .clicked()
                    {
                        out.push(cmd);
                        ui.close();
                    }
                }
            });
            let mark = if all_accepted { "✔" } else { "•" };
            ui.label(
                RichText::new(format!("{mark} ×{}", e.mentions.len()))
                    .color(label_color(e.label, 255)),
            )
            .on_hover_text(if all_accepted {
                "all mentions accepted"
            } else {
                "some mentions await review"
            });
            let r = engine.label(
                ui,
                &e.canonical,
                &TextStyle::arabic_label(17.0),
                ui.visuals().strong_text_color(),
                Sense::click(),
            );
            r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &e.canonical));
            if r.on_hover_text(Command::RevealEntity(e.id.clone()).tooltip())
                .clicked()
            {
                out.push(Command::RevealEntity(e.id.clone()));
            }
        });
        let facts = e.facts();
        if shows_facts(e.label, &facts) {
            ui.indent(("facts", &e.id), |ui| {
                facts_lines(ui, engine, e.label, &facts, 14.0);
            });
        }
        if open {
            ui.indent(&e.id, |ui| {
                for id in &e.mentions {
                    let Some(a) = session.get(*id) else { continue };
                    let text = session
                        .document()
                        .slice(a.span.start(), a.span.end())
                        .to_owned();
                    ui.horizontal(|ui| {
                        let accepted = a.status == Status::Accepted;
                        if ui
                            .add_enabled(!accepted, egui::Button::new("✔").small())
                            .on_hover_text(Command::Accept(*id).tooltip())
                            .clicked()
                        {
                            out.push(Command::Accept(*id));
                        }
                        if ui
                            .small_button("✖")
                            .on_hover_text(Command::Reject(*id).tooltip())
                            .clicked()
                        {
                            out.push(Command::Reject(*id));
                        }
                        // the mention in its context, so it can be judged without scrolling
                        let doc = session.document();
                        let is_space = |i: usize| doc.slice(i, i + 1).trim().is_empty();
                        // context widened to whole words (at most a dozen chars more)
                        let mut from = a.span.start().saturating_sub(CONTEXT);
                        let floor = from.saturating_sub(12);
                        while from > floor && !is_space(from - 1) {
                            from -= 1;
                        }
                        let mut to = (a.span.end() + CONTEXT).min(doc.char_len());
                        let ceil = (to + 12).min(doc.char_len());
                        while to < ceil && !is_space(to) {
                            to += 1;
                        }
                        let context = doc.slice(from, to).replace(['\n', '\r'], " ");
                        let range = a.span.start() - from..a.span.end() - from;
                        let r = engine.label_highlighted(
                            ui,
                            &context,
                            Some((range, label_color(a.label, 90))),
                            &TextStyle::arabic_label(15.0),
                            ui.visuals().text_color(),
                            Sense::click(),
                        );
                        r.widget_info(|| WidgetInfo::labeled(Role::Button, true, &text));
                        if r.on_hover_text(format!("chars {}–{}", a.span.start(), a.span.end()))
                            .clicked()
                        {
                            out.push(Command::Focus(*id));
                        }
                    });
                }
            });
        }
    }

    fn inspector(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        article: &OpenArticle,
        id: u64,
        out: &mut Vec<Command>,
    ) {
        let session = &article.session;
        let Some(a) = session.get(id) else { return };
        if self.note_draft.as_ref().is_none_or(|(d, _)| *d != id) {
            // focus moved to another annotation: keep what was typed for the previous one
            out.extend(self.take_unsaved_note(article));
            self.note_draft = Some((id, EditBuffer::new(&a.note)));
        }
        let text = session
            .document()
            .slice(a.span.start(), a.span.end())
            .to_owned();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(a.label.as_str())
                        .strong()
                        .color(label_color(a.label, 255)),
                );
                let status = match a.status {
                    Status::Pending => "pending",
                    Status::Accepted => "accepted",
                    Status::Rejected => "rejected",
                };
                let origin = if a.origin == Origin::Manual {
                    "manual"
                } else {
                    "suggested"
                };
                ui.weak(format!(
                    "{status} · {origin} · chars {}–{}",
                    a.span.start(),
                    a.span.end()
                ));
            });
            engine.label(
                ui,
                &text,
                &TextStyle::arabic_label(20.0),
                ui.visuals().strong_text_color(),
                Sense::hover(),
            );
            if a.canonical != text {
                ui.horizontal(|ui| {
                    ui.weak("entity:");
                    engine.label(
                        ui,
                        &a.canonical,
                        &TextStyle::arabic_label(15.0),
                        ui.visuals().text_color(),
                        Sense::hover(),
                    );
                });
            }
            facts_lines(ui, engine, a.label, &a.facts, 15.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(a.status != Status::Accepted, egui::Button::new("✔ Accept"))
                    .on_hover_text(Command::AcceptFocused.tooltip())
                    .clicked()
                {
                    out.push(Command::Accept(id));
                }
                if ui
                    .add_enabled(a.status != Status::Rejected, egui::Button::new("✖ Reject"))
                    .on_hover_text(Command::RejectFocused.tooltip())
                    .clicked()
                {
                    out.push(Command::Reject(id));
                }
                if ui
                    .button("🗑 Delete")
                    .on_hover_text(Command::Delete(id).tooltip())
                    .clicked()
                {
                    out.push(Command::Delete(id));
                }
                egui::ComboBox::from_id_salt(("relabel", id))
                    .selected_text(format!("Label: {}", a.label))
                    .show_ui(ui, |ui| {
                        for l in Label::ALL {
                            if ui
                                .selectable_label(
                                    l == a.label,
                                    RichText::new(format!("{} {l}", l.shortcut_digit()))
                                        .color(label_color(l, 255)),
                                )
                                .clicked()
                                && l != a.label
                            {
                                out.push(Command::Relabel(id, l));
                            }
                        }
                    });
            });
            ui.label("Note:");
            if let Some((_, draft)) = &mut self.note_draft {
                let resp = arabic_text_edit(
                    ui,
                    engine,
                    draft,
                    ("note", id),
                    &EditOptions {
                        hint: "Add a note for this annotation",
                        min_rows: 2,
                        single_line: false,
                        request_focus: false,
                    },
                );
                let changed = draft.text() != a.note;
                if resp.changed() {
                    self.note_typed_at = Some(Instant::now());
                }
                let idle = self.note_typed_at.map(|t| t.elapsed());
                let paused = changed && idle.is_some_and(|d| d >= NOTE_IDLE);
                ui.horizontal(|ui| {
                    let save = ui.add_enabled(changed, egui::Button::new("Save note"));
                    if save.clicked() || (resp.lost_focus() && changed) || paused {
                        out.push(Command::SetNote(id, draft.text().to_owned()));
                        self.note_typed_at = None;
                    } else if changed {
                        if let Some(d) = idle {
                            ui.ctx().request_repaint_after(NOTE_IDLE.saturating_sub(d));
                        }
                        ui.weak("unsaved note (saved when you pause typing or leave the field)");
                    }
                });
            }
        });
    }
}

/// Whether [`facts_lines`] shows anything for `label`.
fn shows_facts(label: Label, facts: &Facts) -> bool {
    match label {
        Label::Person => facts.attributes.as_ref().is_some_and(|a| !a.is_empty()),
        Label::Quote => facts.speaker.is_some(),
        Label::Date => facts.value.is_some(),
        _ => false,
    }
}

/// The facts of a mention or entity under its name, for its label only: a person's
/// `role · nationality`, a quote's `— speaker`, a date's normalized value described in
/// words (Hijri dates in both calendars; the raw value in the tooltip). Arabic goes
/// through the text engine.
fn facts_lines(ui: &mut Ui, engine: &mut TextEngine, label: Label, facts: &Facts, size: f32) {
    let weak = ui.visuals().weak_text_color();
    match label {
        Label::Person => {
            if let Some(a) = facts.attributes.as_ref().filter(|a| !a.is_empty()) {
                let text = a.summary();
                engine
                    .label(
                        ui,
                        &text,
                        &TextStyle::arabic_label(size),
                        weak,
                        Sense::hover(),
                    )
                    .on_hover_text("role · nationality, as the text gives them");
            }
        }
        Label::Quote => {
            if let Some(s) = &facts.speaker {
                // RLM: the dash opens the line on the right, as Arabic reads
                let text = format!("\u{200F}— {}", s.name());
                engine
                    .label(
                        ui,
                        &text,
                        &TextStyle::arabic_label(size),
                        weak,
                        Sense::hover(),
                    )
                    .on_hover_text("speaker");
            }
        }
        Label::Date => {
            if let Some(v) = &facts.value {
                let raw = match &v.hijri {
                    Some(h) => format!("{}, Hijri {h}", v.value),
                    None => v.value.clone(),
                };
                ui.weak(crate::date_text::describe(v))
                    .on_hover_text(format!(
                        "normalized value: {raw} (TIMEX3-like; see the README)"
                    ));
            }
        }
        _ => {}
    }
}
