//! Annotations (a labelled span with its review state) and the entity grouping over them.

use serde::{Deserialize, Serialize};

use crate::model::entity_id::EntityId;
use crate::model::format::FormatId;
use crate::model::label::Label;
use crate::model::span::Span;

/// Where an annotation came from. Files write it as `"extracted"`, `"manual"` or
/// `"imported"`, the tool of an imported one apart (Taliq JSON's `tool`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Suggested by the extractor.
    Extracted,
    /// Made by the annotator from a selection.
    Manual,
    /// Read from another tool's file (File ▸ Import annotations, `taliq convert`):
    /// pending when it was that tool's prediction, accepted when it was a finished
    /// annotation (`formats::exchange`). The tool whose file it was, `None` in files
    /// written before Taliq recorded it.
    Imported(Option<FormatId>),
}

impl Origin {
    /// The name files write: `extracted`, `manual` or `imported`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Origin::Extracted => "extracted",
            Origin::Manual => "manual",
            Origin::Imported(_) => "imported",
        }
    }

    /// The tool an imported annotation came from.
    #[must_use]
    pub const fn tool(self) -> Option<FormatId> {
        match self {
            Origin::Imported(tool) => tool,
            Origin::Extracted | Origin::Manual => None,
        }
    }

    /// Whether it was read from another tool's file.
    #[must_use]
    pub const fn is_imported(self) -> bool {
        matches!(self, Origin::Imported(_))
    }
}

impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Origin {
    /// `"extracted"`, `"manual"` or `"imported"` (with no tool: the file gives it apart).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        match name.as_str() {
            "extracted" => Ok(Origin::Extracted),
            "manual" => Ok(Origin::Manual),
            "imported" => Ok(Origin::Imported(None)),
            other => Err(serde::de::Error::unknown_variant(
                other,
                &["extracted", "manual", "imported"],
            )),
        }
    }
}

/// The annotator's decision on an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not reviewed yet (extractor suggestions start here).
    Pending,
    /// Confirmed by the annotator (manual annotations start here).
    Accepted,
    /// Judged wrong by the annotator; kept so it is not suggested again, but not exported
    /// as a fact.
    Rejected,
}

/// One labelled mention in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Identifier, unique within one document's annotation set, stable across saves.
    pub id: u64,
    /// The validated char range.
    pub span: Span,
    /// The label.
    pub label: Label,
    /// Extracted or manual.
    pub origin: Origin,
    /// Review state.
    pub status: Status,
    /// Free-text note by the annotator (may be empty).
    pub note: String,
    /// Canonical name of the entity this mention refers to (e.g. "فلاديمير بوتين" for the
    /// mention "بوتين"). Mentions with equal `(label, canonical)` form one entity.
    pub canonical: String,
    /// What the text says about the mention beyond its span: a person's role and
    /// nationality, a quote's speaker, a date's normalized value. Empty for most
    /// annotations.
    pub facts: Facts,
}

/// Optional facts attached to one annotation. Each is filled for the label it concerns
/// (by the extractor, see [`crate::extract`]) and empty otherwise; all empty is the
/// default, and what files written before these facts existed load as.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// PERSON: role and nationality given next to the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<PersonAttributes>,
    /// QUOTE: who said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerLink>,
    /// DATE: the normalized value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<DateValue>,
}

impl Facts {
    /// Whether no fact is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.attributes.is_none() && self.speaker.is_none() && self.value.is_none()
    }
}

/// A person's role and nationality as the text gives them around a mention
/// (`الرئيس الروسي فلاديمير بوتين` → role `الرئيس`, nationality `روسيا`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonAttributes {
    /// The title or role as written, without proclitics and tashkeel (`الرئيس`,
    /// `وزير الخارجية`, `المتحدث باسم الكرملين`); a dual title in the singular
    /// (`الرئيسان` → `الرئيس`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The country named by the nationality adjective (`الروسي` → `روسيا`), in the
    /// spelling of `data/countries.txt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
}

impl PersonAttributes {
    /// Attributes as an annotator types them: each value trimmed, an empty one unknown.
    #[must_use]
    pub fn typed(role: &str, nationality: &str) -> PersonAttributes {
        let value = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        PersonAttributes {
            role: value(role),
            nationality: value(nationality),
        }
    }

    /// Whether neither role nor nationality is known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.role.is_none() && self.nationality.is_none()
    }

    /// `role · nationality`, or whichever of the two is known (empty when neither is).
    #[must_use]
    pub fn summary(&self) -> String {
        [self.role.as_deref(), self.nationality.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The speaker of a QUOTE: the entity that said it and, when known, the mention the
/// speaker was found at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SpeakerLink {
    /// The speaker's entity id, written `LABEL:canonical` (see [`Entity::id`]), e.g.
    /// `PERSON:فلاديمير بوتين`.
    pub entity: EntityId,
    /// Id of the annotation naming the speaker, when the speaker was found at one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<u64>,
}

impl SpeakerLink {
    /// The canonical name of the speaker.
    #[must_use]
    pub fn name(&self) -> &str {
        self.entity.canonical()
    }
}

/// The normalized value of a DATE mention.
///
/// `value` follows a small TIMEX3-like grammar (ISO-TimeML TIMEX3 `value`, ISO 8601),
/// documented in [`crate::extract::timex`]: `2019-06-28`, `2019-06`, `2019`,
/// `XXXX-05`, `2013/2014`, `T16:20`, `weekday:TUE`, `relative:-1d` …
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    /// The value in the Gregorian calendar (for a Hijri date, its Gregorian equivalent,
    /// an interval for a Hijri month or year).
    pub value: String,
    /// For a date written in the Hijri calendar: its Hijri value `1445-09-15`,
    /// `1445-09`, `1445` or `XXXX-09-15` (Umm al-Qura months).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hijri: Option<String>,
}

/// An entity: the mentions of one thing grouped under its canonical name. Written in
/// Taliq's files as `{"id", "label", "canonical", "mentions", facts…}`; when read, the
/// `id` is what counts (files are grouped again from their annotations on load).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "EntityRecord", from = "EntityRecord")]
pub struct Entity {
    /// Stable identifier: the label and canonical name, written `"PERSON:ترامب"`.
    pub id: EntityId,
    /// Ids of the mentions, in text order.
    pub mentions: Vec<u64>,
    /// Facts gathered from the mentions: a PERSON's first role and first nationality in
    /// text order, a QUOTE's speaker and a DATE's value of the first mention that has one.
    pub facts: FactRecord,
}

/// An [`Entity`] as Taliq's files write it: its id, and beside it its label and canonical
/// name for readers that do not parse the id.
#[derive(Serialize, Deserialize)]
struct EntityRecord {
    id: EntityId,
    #[serde(default)]
    label: Option<Label>,
    #[serde(default)]
    canonical: Option<String>,
    mentions: Vec<u64>,
    #[serde(flatten)]
    facts: FactRecord,
}

impl From<Entity> for EntityRecord {
    fn from(e: Entity) -> Self {
        EntityRecord {
            label: Some(e.id.label()),
            canonical: Some(e.id.canonical().to_owned()),
            id: e.id,
            mentions: e.mentions,
            facts: e.facts,
        }
    }
}

impl From<EntityRecord> for Entity {
    fn from(r: EntityRecord) -> Self {
        Entity {
            id: r.id,
            mentions: r.mentions,
            facts: r.facts,
        }
    }
}

/// The facts of an annotation or an entity as Taliq's files write them: flat, optional
/// fields beside the others (`"attributes"`, `"speaker"`, `"value"`, `"hijri"`; see the
/// README's export format), each left out when unknown. Declared once here and
/// flattened into every record that carries facts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactRecord {
    /// PERSON: `{"role": "الرئيس", "nationality": "روسيا"}` (either may be absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<PersonAttributes>,
    /// QUOTE: `{"entity": "PERSON:فلاديمير بوتين", "mention": 3}`, the speaker's entity
    /// id and the id of the annotation naming it (absent when unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerLink>,
    /// DATE: the normalized value (TIMEX3-like, see `extract::timex`; [`DateValue::value`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// DATE written in the Hijri calendar: its Hijri value (`1445-09-15`; `value` then
    /// holds the Gregorian equivalent; [`DateValue::hijri`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hijri: Option<String>,
}

impl FactRecord {
    /// The record of `facts`.
    #[must_use]
    pub fn of(facts: &Facts) -> FactRecord {
        FactRecord {
            attributes: facts.attributes.clone(),
            speaker: facts.speaker.clone(),
            value: facts.value.as_ref().map(|v| v.value.clone()),
            hijri: facts.value.as_ref().and_then(|v| v.hijri.clone()),
        }
    }

    /// The facts this record holds (empty person attributes are none).
    #[must_use]
    pub fn to_facts(&self) -> Facts {
        Facts {
            attributes: self.attributes.clone().filter(|a| !a.is_empty()),
            speaker: self.speaker.clone(),
            value: self.value.clone().map(|value| DateValue {
                value,
                hijri: self.hijri.clone(),
            }),
        }
    }
}

impl Entity {
    /// The label shared by all mentions.
    #[must_use]
    pub fn label(&self) -> Label {
        self.id.label()
    }

    /// The canonical name.
    #[must_use]
    pub fn canonical(&self) -> &str {
        self.id.canonical()
    }

    /// The facts of the entity as one [`Facts`] (role and nationality, speaker, value).
    #[must_use]
    pub fn facts(&self) -> Facts {
        self.facts.to_facts()
    }
}

/// Groups non-rejected annotations into entities by `(label, canonical)`.
///
/// Returns entities ordered by label (guideline order), then by first mention offset.
#[must_use]
pub fn group_entities(annotations: &[Annotation]) -> Vec<Entity> {
    let mut sorted: Vec<&Annotation> = annotations
        .iter()
        .filter(|a| a.status != Status::Rejected)
        .collect();
    sorted.sort_by_key(|a| (a.span.start(), a.span.end()));
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: std::collections::HashMap<(Label, &str), usize> =
        std::collections::HashMap::new();
    for a in sorted {
        let key = (a.label, a.canonical.as_str());
        let i = *index.entry(key).or_insert_with(|| {
            entities.push(Entity {
                id: EntityId::new(a.label, a.canonical.clone()),
                mentions: Vec::new(),
                facts: FactRecord::default(),
            });
            entities.len() - 1
        });
        let e = &mut entities[i];
        e.mentions.push(a.id);
        merge_facts(e, &a.facts);
    }
    // Order by label, then by where the entity is first mentioned counting rejected
    // mentions too, so that rejecting a mention never moves an entity in the list.
    let mut first_seen: std::collections::HashMap<(Label, &str), usize> =
        std::collections::HashMap::new();
    for a in annotations {
        let e = first_seen
            .entry((a.label, a.canonical.as_str()))
            .or_insert(usize::MAX);
        *e = (*e).min(a.span.start());
    }
    entities.sort_by_key(|e| {
        (
            e.label(),
            first_seen
                .get(&(e.label(), e.canonical()))
                .copied()
                .unwrap_or(usize::MAX),
        )
    });
    entities
}

/// Adds the facts of one more mention (in text order) to its entity: what the entity
/// does not know yet is taken from the mention.
fn merge_facts(e: &mut Entity, f: &Facts) {
    let e = &mut e.facts;
    if let Some(a) = &f.attributes {
        let mine = e.attributes.get_or_insert_with(PersonAttributes::default);
        if mine.role.is_none() {
            mine.role.clone_from(&a.role);
        }
        if mine.nationality.is_none() {
            mine.nationality.clone_from(&a.nationality);
        }
        if mine.is_empty() {
            e.attributes = None;
        }
    }
    if e.speaker.is_none() {
        e.speaker.clone_from(&f.speaker);
    }
    if e.value.is_none()
        && let Some(v) = &f.value
    {
        e.value = Some(v.value.clone());
        e.hijri.clone_from(&v.hijri);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::Document;

    #[test]
    fn mentions_group_by_label_and_canonical_and_skip_rejected() {
        let d = Document::from_text("بوتين وترامب وبوتين", "t", "UTF-8");
        let mk = |id, s, e, label, status, canon: &str| Annotation {
            id,
            span: Span::new(&d, s, e).unwrap(),
            label,
            origin: Origin::Extracted,
            status,
            note: String::new(),
            canonical: canon.into(),
            facts: Facts::default(),
        };
        let anns = vec![
            mk(3, 14, 19, Label::Person, Status::Pending, "بوتين"),
            mk(1, 0, 5, Label::Person, Status::Accepted, "بوتين"),
            mk(2, 7, 12, Label::Person, Status::Rejected, "ترامب"),
        ];
        let ents = group_entities(&anns);
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].mentions, vec![1, 3]);
        assert_eq!(ents[0].id.to_string(), "PERSON:بوتين");
    }

    #[test]
    fn entities_gather_the_facts_of_their_mentions() {
        let d = Document::from_text("الرئيس بوتين ثم بوتين الروسي", "t", "UTF-8");
        let mk = |id, s, e, facts| Annotation {
            id,
            span: Span::new(&d, s, e).unwrap(),
            label: Label::Person,
            origin: Origin::Extracted,
            status: Status::Pending,
            note: String::new(),
            canonical: "بوتين".into(),
            facts,
        };
        let with = |role: Option<&str>, nat: Option<&str>| Facts {
            attributes: Some(PersonAttributes {
                role: role.map(Into::into),
                nationality: nat.map(Into::into),
            }),
            ..Facts::default()
        };
        let anns = vec![
            mk(2, 16, 21, with(None, Some("روسيا"))),
            mk(1, 7, 12, with(Some("الرئيس"), None)),
        ];
        let ents = group_entities(&anns);
        let a = ents[0].facts.attributes.clone().unwrap();
        assert_eq!(a.summary(), "الرئيس · روسيا");
        assert!(ents[0].facts.speaker.is_none() && ents[0].facts.value.is_none());
        let date = Facts {
            value: Some(DateValue {
                value: "2024-03-25".into(),
                hijri: Some("1445-09-15".into()),
            }),
            ..Facts::default()
        };
        let mut d1 = mk(3, 0, 6, date.clone());
        d1.label = Label::Date;
        let ents = group_entities(&[d1]);
        assert_eq!(ents[0].facts(), date);
        assert_eq!(
            PersonAttributes::typed(" الرئيس ", "  "),
            PersonAttributes {
                role: Some("الرئيس".into()),
                nationality: None
            }
        );
        assert!(PersonAttributes::typed("", "\n").is_empty());
        assert_eq!(
            SpeakerLink {
                entity: EntityId::new(Label::Person, "فلاديمير بوتين"),
                mention: None
            }
            .name(),
            "فلاديمير بوتين"
        );
    }
}
