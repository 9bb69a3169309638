//! The facts panel: extracted and manual annotations grouped by label and entity, with
//! accept / reject / relabel actions, and an inspector for the focused annotation.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use egui::{RichText, Role, Sense, Ui, WidgetInfo};

use taliq_core::model::annotation::{Annotation, Entity, Facts, Origin, PersonAttributes, Status};
use taliq_core::model::entity_id::EntityId;
use taliq_core::model::label::Label;
use taliq_core::session::Session;
use taliq_text::{TextEngine, TextStyle};

use super::action::{Action, UiCommand};
use super::app::{OpenArticle, label_color};
use super::arabic_combo::{Entry, arabic_combo};
use super::arabic_edit::{EditOptions, arabic_text_edit};
use super::article::ArticleView;
use super::words::facts as words;
use taliq_text::edit::EditBuffer;

/// Chars of context shown on each side of a mention in the facts panel.
const CONTEXT: usize = 24;

/// A note being typed is saved once typing has paused this long (and when the field is
/// left), so a crash loses at most the last second of typing.
const NOTE_IDLE: Duration = Duration::from_secs(1);

#[derive(Default)]
pub(super) struct FactsPanel {
    expanded: HashSet<EntityId>,
    note_draft: Option<(u64, EditBuffer)>,
    /// The note as stored when the draft was filled or last saved: when the stored note
    /// changes otherwise (undo, redo), the draft is filled again.
    note_stored: String,
    /// Numbers the edit sessions of the note box ([`Action::TypeNote`]).
    note_session: u64,
    /// When the note draft was last typed in, while it differs from the stored note.
    note_typed_at: Option<Instant>,
    /// The role and nationality fields of the PERSON in the inspector.
    attributes_draft: Option<AttributesDraft>,
}

/// What is typed into the role and nationality fields of one PERSON annotation.
struct AttributesDraft {
    id: u64,
    /// The stored attributes the fields were filled from: when the stored ones change
    /// (undo, redo), the fields are filled again.
    base: PersonAttributes,
    role: EditBuffer,
    nationality: EditBuffer,
}

impl AttributesDraft {
    fn new(id: u64, base: PersonAttributes) -> AttributesDraft {
        AttributesDraft {
            id,
            role: EditBuffer::new(base.role.as_deref().unwrap_or_default()),
            nationality: EditBuffer::new(base.nationality.as_deref().unwrap_or_default()),
            base,
        }
    }

    /// The attributes as typed (trimmed; empty values unknown).
    fn typed(&self) -> PersonAttributes {
        PersonAttributes::typed(self.role.text(), self.nationality.text())
    }
}

/// The stored role and nationality of a PERSON annotation (both unknown when none).
fn stored_attributes(a: &Annotation) -> PersonAttributes {
    a.facts.attributes.clone().unwrap_or_default()
}

impl FactsPanel {
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        article: Option<&mut OpenArticle>,
        view: &ArticleView,
        out: &mut Vec<Action>,
    ) {
        ui.heading(words::HEADING);
        let Some(article) = article else {
            ui.label(words::NO_ARTICLE);
            return;
        };
        let entities: Vec<Entity> = article.entities().to_vec();
        // The inspector sits at the bottom, so the list above never moves when it appears.
        egui::Panel::bottom("inspector")
            .resizable(false)
            .show(ui, |ui| {
                if let Some(id) = view.focused() {
                    let others = article.other_mentions(id);
                    self.inspector(ui, engine, article, &entities, (id, others), out);
                } else {
                    out.extend(self.take_unsaved(article));
                    ui.add_space(4.0);
                    ui.weak(words::HOW_TO_INSPECT);
                    ui.add_space(4.0);
                }
            });
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
                        .filter(|(e, _)| e.label() == label)
                        .collect();
                    let mentions: usize = group.iter().map(|(e, _)| e.mentions.len()).sum();
                    let title = RichText::new(words::group(label, group.len(), mentions))
                        .strong()
                        .color(label_color(label, 255));
                    egui::CollapsingHeader::new(title)
                        .id_salt(label.as_str())
                        .default_open(!group.is_empty() && label != Label::Quote)
                        .show(ui, |ui| {
                            if group.is_empty() {
                                ui.weak(words::EMPTY_GROUP);
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
                egui::CollapsingHeader::new(words::rejected_group(rejected.len()))
                    .id_salt("rejected")
                    .default_open(false)
                    .show(ui, |ui| {
                        for (id, text, label) in rejected {
                            ui.horizontal(|ui| {
                                if ui.small_button("↺").on_hover_text(words::RESTORE).clicked() {
                                    out.push(Action::Accept(id));
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
                                    out.push(Action::Focus(id));
                                }
                            });
                        }
                    });
            });
    }

    /// Takes the note and the person attributes being typed, where they differ from the
    /// stored ones, as the commands that save them. Called when focus moves and before
    /// the article is closed, so nothing typed is lost for want of leaving the field.
    pub(super) fn take_unsaved(&mut self, article: &OpenArticle) -> Vec<Action> {
        let session = &article.session;
        let mut out = Vec::new();
        if let Some((id, buf)) = self.note_draft.take()
            && session.get(id).is_some_and(|a| a.note != buf.text())
        {
            out.push(Action::TypeNote(
                id,
                buf.text().to_owned(),
                self.note_session,
            ));
        }
        if let Some(d) = self.attributes_draft.take()
            && session
                .get(d.id)
                .is_some_and(|a| a.label == Label::Person && stored_attributes(a) != d.typed())
        {
            out.push(Action::SetAttributes(d.id, d.typed()));
        }
        out
    }

    fn entity_row(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        article: &OpenArticle,
        e: &Entity,
        all_accepted: bool,
        out: &mut Vec<Action>,
    ) {
        let session = &article.session;
        let open = self.expanded.contains(&e.id);
        ui.horizontal(|ui| {
            if ui
                .small_button(if open { "⏷" } else { "⏵" })
                .on_hover_text(words::SHOW_MENTIONS)
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
                .on_hover_text(Action::AcceptEntity(e.id.clone()).tooltip());
            if accept.clicked() {
                out.push(Action::AcceptEntity(e.id.clone()));
            }
            if ui
                .small_button("✖")
                .on_hover_text(Action::RejectEntity(e.id.clone()).tooltip())
                .clicked()
            {
                out.push(Action::RejectEntity(e.id.clone()));
            }
            ui.menu_button("…", |ui| {
                for l in Label::ALL.into_iter().filter(|l| *l != e.label()) {
                    let cmd = Action::RelabelEntity(e.id.clone(), l);
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
            ui.label(
                RichText::new(words::entity_count(all_accepted, e.mentions.len()))
                    .color(label_color(e.label(), 255)),
            )
            .on_hover_text(words::entity_state(all_accepted));
            let r = engine.label(
                ui,
                e.canonical(),
                &TextStyle::arabic_label(17.0),
                ui.visuals().strong_text_color(),
                Sense::click(),
            );
            r.widget_info(|| WidgetInfo::labeled(Role::Button, true, e.canonical()));
            if r.on_hover_text(Action::RevealEntity(e.id.clone()).tooltip())
                .clicked()
            {
                out.push(Action::RevealEntity(e.id.clone()));
            }
        });
        let facts = e.facts();
        if shows_facts(e.label(), &facts) {
            ui.indent(("facts", &e.id), |ui| {
                facts_lines(ui, engine, e.label(), &facts, 14.0);
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
                            .on_hover_text(Action::Accept(*id).tooltip())
                            .clicked()
                        {
                            out.push(Action::Accept(*id));
                        }
                        if ui
                            .small_button("✖")
                            .on_hover_text(Action::Reject(*id).tooltip())
                            .clicked()
                        {
                            out.push(Action::Reject(*id));
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
                        if r.on_hover_text(words::chars(a.span.start(), a.span.end()))
                            .clicked()
                        {
                            out.push(Action::Focus(*id));
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
        entities: &[Entity],
        (id, others): (u64, usize),
        out: &mut Vec<Action>,
    ) {
        let session = &article.session;
        let Some(a) = session.get(id) else { return };
        if self.note_draft.as_ref().is_none_or(|(d, _)| *d != id) {
            // focus moved to another annotation: keep what was typed for the previous one
            out.extend(self.take_unsaved(article));
            self.note_draft = Some((id, EditBuffer::new(&a.note)));
            self.note_stored.clone_from(&a.note);
            self.note_session += 1;
        } else if a.note != self.note_stored {
            // the stored note changed under the box (undo, redo): the box follows
            self.note_draft = Some((id, EditBuffer::new(&a.note)));
            self.note_stored.clone_from(&a.note);
            self.note_typed_at = None;
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
                ui.weak(words::annotation_line(
                    a.status,
                    a.origin,
                    a.span.start(),
                    a.span.end(),
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
                    ui.weak(words::ENTITY);
                    engine.label(
                        ui,
                        &a.canonical,
                        &TextStyle::arabic_label(15.0),
                        ui.visuals().text_color(),
                        Sense::hover(),
                    );
                });
            }
            match a.label {
                Label::Quote => speaker_editor(ui, engine, a, entities, out),
                Label::Person => self.attributes_editor(ui, engine, session, entities, a, out),
                _ => facts_lines(ui, engine, a.label, &a.facts, 15.0),
            }
            // wrapped: in a narrow panel the label menu goes to the next line rather than
            // being cut at the panel's edge
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(
                        a.status != Status::Accepted,
                        egui::Button::new(words::ACCEPT),
                    )
                    .on_hover_text(UiCommand::AcceptFocused.tooltip())
                    .clicked()
                {
                    out.push(Action::Accept(id));
                }
                if ui
                    .add_enabled(
                        a.status != Status::Rejected,
                        egui::Button::new(words::REJECT),
                    )
                    .on_hover_text(UiCommand::RejectFocused.tooltip())
                    .clicked()
                {
                    out.push(Action::Reject(id));
                }
                let delete_tip = if a.origin == Origin::Manual {
                    Action::Delete(id).tooltip()
                } else {
                    words::DELETE_REJECTS.to_owned()
                };
                if ui.button(words::DELETE).on_hover_text(delete_tip).clicked() {
                    out.push(Action::Delete(id));
                }
                egui::ComboBox::from_id_salt(("relabel", id))
                    .selected_text(words::label_choice(a.label))
                    // wide enough for the longest label ("Label: ORGANIZATION")
                    .width(180.0)
                    .show_ui(ui, |ui| {
                        for l in Label::ALL {
                            if ui
                                .selectable_label(
                                    l == a.label,
                                    RichText::new(words::label_entry(l)).color(label_color(l, 255)),
                                )
                                .clicked()
                                && l != a.label
                            {
                                out.push(Action::Relabel(id, l));
                            }
                        }
                    });
                // after a decision on this mention (a relabel, an acceptance): the same for
                // the others
                if others > 0 && a.label != Label::Quote && a.status == Status::Accepted {
                    let title = words::relabel_others(others, a.label);
                    if ui
                        .button(title)
                        .on_hover_text(Action::RelabelAll(id).tooltip())
                        .clicked()
                    {
                        out.push(Action::RelabelAll(id));
                    }
                }
            });
            let caption = ui.label(words::NOTE);
            if let Some((_, draft)) = &mut self.note_draft {
                let resp = arabic_text_edit(
                    ui,
                    engine,
                    draft,
                    ("note", id),
                    &EditOptions {
                        hint: words::NOTE_HINT,
                        min_rows: 2,
                        single_line: false,
                        request_focus: false,
                    },
                )
                .labelled_by(caption.id);
                let changed = draft.text() != a.note;
                if resp.gained_focus() {
                    self.note_session += 1;
                }
                if resp.changed() {
                    self.note_typed_at = Some(Instant::now());
                }
                let idle = self.note_typed_at.map(|t| t.elapsed());
                let paused = changed && idle.is_some_and(|d| d >= NOTE_IDLE);
                ui.horizontal(|ui| {
                    let save = ui.add_enabled(changed, egui::Button::new(words::SAVE_NOTE));
                    if save.clicked() || (resp.lost_focus() && changed) || paused {
                        out.push(Action::TypeNote(
                            id,
                            draft.text().to_owned(),
                            self.note_session,
                        ));
                        draft.text().clone_into(&mut self.note_stored);
                        self.note_typed_at = None;
                    } else if changed {
                        if let Some(d) = idle {
                            ui.ctx().request_repaint_after(NOTE_IDLE.saturating_sub(d));
                        }
                        ui.weak(words::NOTE_UNSAVED);
                    }
                });
            }
        });
    }
}

impl FactsPanel {
    /// The role and nationality of a PERSON in two Arabic fields; what is typed is saved
    /// (as [`Action::SetAttributes`]) on Enter and when the field is left. Facts belong
    /// to mentions, so when this mention gives none but another mention of its entity
    /// does, that one is named, with a link to it.
    fn attributes_editor(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        session: &Session,
        entities: &[Entity],
        a: &Annotation,
        out: &mut Vec<Action>,
    ) {
        let stored = stored_attributes(a);
        if self
            .attributes_draft
            .as_ref()
            .is_none_or(|d| d.id != a.id || d.base != stored)
        {
            self.attributes_draft = Some(AttributesDraft::new(a.id, stored.clone()));
        }
        let Some(draft) = &mut self.attributes_draft else {
            return;
        };
        let mut commit = false;
        let fields = [
            (words::ROLE, "role", words::ROLE_HINT, &mut draft.role),
            (
                words::NATIONALITY,
                "nationality",
                words::NATIONALITY_HINT,
                &mut draft.nationality,
            ),
        ];
        for (caption, salt, hint, buffer) in fields {
            ui.horizontal(|ui| {
                let caption = ui
                    .add_sized([78.0, 20.0], egui::Label::new(caption))
                    .on_hover_text(Action::SetAttributes(a.id, stored.clone()).tooltip());
                let r = arabic_text_edit(
                    ui,
                    engine,
                    buffer,
                    (salt, a.id),
                    &EditOptions {
                        hint,
                        min_rows: 1,
                        single_line: true,
                        request_focus: false,
                    },
                )
                .labelled_by(caption.id);
                let enter = r.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                commit |= enter || r.lost_focus();
            });
        }
        // values the extractor read in the text, not yet decided: say where they come from
        if a.origin == Origin::Extracted && a.status == Status::Pending && !stored.is_empty() {
            ui.weak(words::INFERRED);
        }
        let elsewhere = entities
            .iter()
            .find(|e| e.mentions.contains(&a.id))
            .and_then(|e| {
                e.mentions.iter().find_map(|&m| {
                    let x = session.get(m).filter(|x| x.id != a.id)?;
                    let attrs = x.facts.attributes.as_ref().filter(|x| !x.is_empty())?;
                    Some((m, attrs.summary()))
                })
            });
        if stored.is_empty()
            && let Some((m, summary)) = elsewhere
        {
            ui.horizontal(|ui| {
                ui.weak(words::ANOTHER_MENTION);
                let r = engine.label(
                    ui,
                    &summary,
                    &TextStyle::arabic_label(14.0),
                    ui.visuals().hyperlink_color,
                    Sense::click(),
                );
                r.widget_info(|| WidgetInfo::labeled(Role::Link, true, &summary));
                if r.on_hover_text(words::SHOW_THAT_MENTION).clicked() {
                    out.push(Action::Focus(m));
                }
            });
        }
        let typed = draft.typed();
        if typed != stored {
            if commit {
                out.push(Action::SetAttributes(a.id, typed));
            } else {
                ui.weak(words::ATTRIBUTES_UNSAVED);
            }
        }
    }
}

/// The speaker of a QUOTE as a drop-down list of the article's people and organizations
/// (by canonical name), with "no speaker" first; a choice becomes a
/// [`Action::SetSpeaker`].
fn speaker_editor(
    ui: &mut Ui,
    engine: &mut TextEngine,
    a: &Annotation,
    entities: &[Entity],
    out: &mut Vec<Action>,
) {
    let mut ids: Vec<&EntityId> = entities
        .iter()
        .filter(|e| e.label().can_speak())
        .map(|e| &e.id)
        .collect();
    let mut names: Vec<String> = entities
        .iter()
        .filter(|e| e.label().can_speak())
        .map(|e| e.canonical().to_owned())
        .collect();
    let current = a.facts.speaker.as_ref();
    let mut selected = current.and_then(|s| ids.iter().position(|id| **id == s.entity));
    if let Some(s) = current
        && selected.is_none()
    {
        // a speaker whose mentions were all rejected: still shown as it is stored
        ids.push(&s.entity);
        names.push(s.name().to_owned());
        selected = Some(ids.len() - 1);
    }
    ui.horizontal(|ui| {
        ui.label(words::SPEAKER_CAPTION)
            .on_hover_text(Action::SetSpeaker(a.id, None).tooltip());
        let picked = arabic_combo(
            ui,
            engine,
            ("speaker", a.id),
            words::SPEAKER_NAME,
            words::NO_SPEAKER,
            &names,
            selected.map_or(Entry::Nothing, Entry::Choice),
        );
        if let Some(entry) = picked
            && entry != selected.map_or(Entry::Nothing, Entry::Choice)
        {
            let entity = match entry {
                Entry::Nothing => None,
                Entry::Choice(i) => Some(ids[i].clone()),
            };
            out.push(Action::SetSpeaker(a.id, entity));
        }
    });
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
                    .on_hover_text(words::ATTRIBUTES_LINE);
            }
        }
        Label::Quote => {
            if let Some(s) = &facts.speaker {
                let text = words::speaker_line(s.name());
                engine
                    .label(
                        ui,
                        &text,
                        &TextStyle::arabic_label(size),
                        weak,
                        Sense::hover(),
                    )
                    .on_hover_text(words::SPEAKER_LINE);
            }
        }
        Label::Date => {
            if let Some(v) = &facts.value {
                ui.weak(crate::date_text::describe(v))
                    .on_hover_text(words::date_value(&v.value, v.hijri.as_deref()));
            }
        }
        _ => {}
    }
}
