//! The label set of the annotation guidelines (`shared/guidelines/annotation-guidelines.md`).

use serde::{Deserialize, Serialize};

/// One of the seven labels defined by the Taliq annotation guidelines.
///
/// Serialized exactly as the guideline spells it (`"PERSON"`, `"ORGANIZATION"`, …), so
/// exported files and the gold files share one vocabulary. PERSON, ORGANIZATION, LOCATION,
/// DATE and NUMBER are scored by the evaluation; MISC and QUOTE are annotated but not scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    /// A named person, full or partial name, without titles (guideline rule 3).
    Person,
    /// A named organization, institution, agency, party, alliance or seat of power used as an actor.
    Organization,
    /// A named place: country, city, region, geographic feature, facility.
    Location,
    /// A calendar or relative date or time expression.
    Date,
    /// A cardinal, amount of money, percent or quantity, with its unit.
    Number,
    /// Other named things: products, vehicles, diseases, laws, agreements, events.
    Misc,
    /// Reported words inside quotation marks, without the marks.
    Quote,
}

impl Label {
    /// All labels in the guideline's order; index `i` is bound to number key `i + 1`.
    pub const ALL: [Label; 7] = [
        Label::Person,
        Label::Organization,
        Label::Location,
        Label::Date,
        Label::Number,
        Label::Misc,
        Label::Quote,
    ];

    /// The labels the evaluation scores (guidelines, "Labels").
    pub const SCORED: [Label; 5] = [
        Label::Person,
        Label::Organization,
        Label::Location,
        Label::Date,
        Label::Number,
    ];

    /// Whether an entity of this label can be a QUOTE's speaker: a PERSON or an
    /// ORGANIZATION (`قال الكرملين`), as the extractor links speakers
    /// (`crate::extract::speaker`).
    #[must_use]
    pub const fn can_speak(self) -> bool {
        matches!(self, Label::Person | Label::Organization)
    }

    /// The guideline's name of the label, e.g. `"PERSON"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Organization => "ORGANIZATION",
            Label::Location => "LOCATION",
            Label::Date => "DATE",
            Label::Number => "NUMBER",
            Label::Misc => "MISC",
            Label::Quote => "QUOTE",
        }
    }

    /// Parses a guideline label name (`"PERSON"`); case-sensitive, `None` for anything else.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == name)
    }

    /// The number key (1–7) that applies this label to the current selection.
    #[must_use]
    pub fn shortcut_digit(self) -> u8 {
        Label::ALL
            .iter()
            .position(|l| *l == self)
            .map_or(0, |i| i as u8 + 1)
    }

    /// The label's highlight colour as sRGB `[r, g, b]`.
    ///
    /// Chosen from the Okabe–Ito colour-blind-safe palette (Okabe & Ito, 2008,
    /// "Color Universal Design"), so the seven layers stay distinguishable.
    #[must_use]
    pub const fn rgb(self) -> [u8; 3] {
        match self {
            Label::Person => [230, 159, 0],       // orange
            Label::Organization => [0, 114, 178], // blue
            Label::Location => [0, 158, 115],     // bluish green
            Label::Date => [204, 121, 167],       // reddish purple
            Label::Number => [86, 180, 233],      // sky blue
            Label::Misc => [213, 94, 0],          // vermillion
            Label::Quote => [153, 153, 153],      // grey
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_serialize_as_guideline_names() {
        for l in Label::ALL {
            assert_eq!(Label::from_name(l.as_str()), Some(l));
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.as_str())
            );
        }
        assert_eq!(Label::from_name("person"), None);
    }

    #[test]
    fn shortcut_digits_are_one_to_seven() {
        let digits: Vec<u8> = Label::ALL.iter().map(|l| l.shortcut_digit()).collect();
        assert_eq!(digits, vec![1, 2, 3, 4, 5, 6, 7]);
    }
}
