//! The id of an entity: its label and canonical name, written `LABEL:canonical` in every
//! file Taliq writes (e.g. `PERSON:فلاديمير بوتين`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::label::Label;

/// The id of an entity (the mentions of one thing grouped under one canonical name):
/// its [`Label`] and its canonical name. Two annotations belong to the same entity when
/// their ids are equal.
///
/// Written, parsed and serialized as `LABEL:canonical`: the label's guideline name
/// ([`Label::as_str`]), a colon, then the canonical name as is (it may itself hold
/// colons; only the first one separates).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId {
    /// The label shared by the entity's mentions.
    label: Label,
    /// The canonical name.
    canonical: String,
}

/// Why a string is not an [`EntityId`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntityIdError {
    /// There is no `:` between a label and a name.
    #[error("“{0}” is not an entity id (LABEL:canonical name, e.g. PERSON:name)")]
    NoColon(String),
    /// The part before the first `:` is not a guideline label name.
    #[error("“{0}” is not an entity id: “{1}” is not a label")]
    UnknownLabel(String, String),
}

impl EntityId {
    /// The id of the entity of `label` named `canonical`.
    #[must_use]
    pub fn new(label: Label, canonical: impl Into<String>) -> EntityId {
        EntityId {
            label,
            canonical: canonical.into(),
        }
    }

    /// The label shared by the entity's mentions.
    #[must_use]
    pub fn label(&self) -> Label {
        self.label
    }

    /// The canonical name (the part after `LABEL:`).
    #[must_use]
    pub fn canonical(&self) -> &str {
        &self.canonical
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.label.as_str(), self.canonical)
    }
}

impl FromStr for EntityId {
    type Err = EntityIdError;

    /// Parses `LABEL:canonical`.
    ///
    /// # Errors
    /// [`EntityIdError`] when there is no colon or the part before it is not a label.
    fn from_str(s: &str) -> Result<EntityId, EntityIdError> {
        let (label, canonical) = s
            .split_once(':')
            .ok_or_else(|| EntityIdError::NoColon(s.to_owned()))?;
        let label = Label::from_name(label)
            .ok_or_else(|| EntityIdError::UnknownLabel(s.to_owned(), label.to_owned()))?;
        Ok(EntityId::new(label, canonical))
    }
}

impl Serialize for EntityId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EntityId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EntityId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_parsed_as_label_colon_name() {
        let id = EntityId::new(Label::Person, "فلاديمير بوتين");
        assert_eq!(id.to_string(), "PERSON:فلاديمير بوتين");
        assert_eq!("PERSON:فلاديمير بوتين".parse::<EntityId>(), Ok(id.clone()));
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"PERSON:فلاديمير بوتين\""
        );
        // only the first colon separates: a time in a DATE's canonical name stays whole
        let t: EntityId = "DATE:16:20".parse().unwrap();
        assert_eq!((t.label(), t.canonical()), (Label::Date, "16:20"));
    }

    #[test]
    fn a_string_without_a_label_is_refused_with_what_it_was() {
        assert!(matches!(
            "بوتين".parse::<EntityId>(),
            Err(EntityIdError::NoColon(s)) if s == "بوتين"
        ));
        assert!(matches!(
            "person:بوتين".parse::<EntityId>(),
            Err(EntityIdError::UnknownLabel(_, l)) if l == "person"
        ));
        let e = serde_json::from_str::<EntityId>("\"FOO:x\"").unwrap_err();
        assert!(e.to_string().contains("“FOO” is not a label"), "{e}");
    }
}
