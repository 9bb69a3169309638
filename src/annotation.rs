//! Annotations (a labelled span with its review state) and the entity grouping over them.

use serde::{Deserialize, Serialize};

use crate::label::Label;
use crate::span::Span;

/// Where an annotation came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Suggested by the extractor.
    Extracted,
    /// Made by the annotator from a selection.
    Manual,
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
}

/// An entity: the mentions of one thing grouped under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier derived from the label and canonical name, e.g. `"PERSON:ترامب"`.
    pub id: String,
    /// The label shared by all mentions.
    pub label: Label,
    /// The canonical name.
    pub canonical: String,
    /// Ids of the mentions, in text order.
    pub mentions: Vec<u64>,
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
        if let Some(&i) = index.get(&key) {
            entities[i].mentions.push(a.id);
        } else {
            index.insert(key, entities.len());
            entities.push(Entity {
                id: format!("{}:{}", a.label.as_str(), a.canonical),
                label: a.label,
                canonical: a.canonical.clone(),
                mentions: vec![a.id],
            });
        }
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
            e.label,
            first_seen
                .get(&(e.label, e.canonical.as_str()))
                .copied()
                .unwrap_or(usize::MAX),
        )
    });
    entities
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

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
        };
        let anns = vec![
            mk(3, 14, 19, Label::Person, Status::Pending, "بوتين"),
            mk(1, 0, 5, Label::Person, Status::Accepted, "بوتين"),
            mk(2, 7, 12, Label::Person, Status::Rejected, "ترامب"),
        ];
        let ents = group_entities(&anns);
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].mentions, vec![1, 3]);
        assert_eq!(ents[0].id, "PERSON:بوتين");
    }
}
