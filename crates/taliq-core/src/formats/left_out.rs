//! What a format cannot carry of Taliq's annotations ([`LeftOut`], counted by
//! [`left_out`] from what the format does carry, [`Carries`]), said when exporting, in
//! the message and, where the format has a metadata field, in the file
//! ([`left_out_record`]).

use crate::model::annotation::{Annotation, Status};
use crate::model::document::Document;

/// Something of Taliq's annotations a format has no place for, and how many of them: said
/// when exporting, in the message and, where the format has one, in a metadata field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeftOut {
    /// Suggestions not reviewed yet (the format holds only decided annotations).
    Pending(usize),
    /// Rejected suggestions.
    Rejected(usize),
    /// Notes.
    Notes(usize),
    /// A person's role or nationality.
    Attributes(usize),
    /// A quote's speaker.
    Speakers(usize),
    /// A date's normalized value.
    DateValues(usize),
    /// Canonical names that differ from the mention's text.
    CanonicalNames(usize),
    /// Annotations over text another annotation already covers (a flat format).
    Overlapping(usize),
}

impl LeftOut {
    /// The kind's name as a file's metadata writes it ([`left_out_record`]): `pending`,
    /// `rejected`, `notes`, `attributes`, `speakers`, `date_values`, `canonical_names`,
    /// `overlapping`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            LeftOut::Pending(_) => "pending",
            LeftOut::Rejected(_) => "rejected",
            LeftOut::Notes(_) => "notes",
            LeftOut::Attributes(_) => "attributes",
            LeftOut::Speakers(_) => "speakers",
            LeftOut::DateValues(_) => "date_values",
            LeftOut::CanonicalNames(_) => "canonical_names",
            LeftOut::Overlapping(_) => "overlapping",
        }
    }

    /// How many were left out.
    #[must_use]
    pub const fn count(self) -> usize {
        match self {
            LeftOut::Pending(n)
            | LeftOut::Rejected(n)
            | LeftOut::Notes(n)
            | LeftOut::Attributes(n)
            | LeftOut::Speakers(n)
            | LeftOut::DateValues(n)
            | LeftOut::CanonicalNames(n)
            | LeftOut::Overlapping(n) => n,
        }
    }
}

/// What an export left out as a JSON object for the file's own metadata (Label Studio's
/// and Prodigy's `meta`, a doccano line, JSON-MIN's record, a Web Annotation collection):
/// `{"notes": 2, "speakers": 1}` under the key [`LEFT_OUT_KEY`], so whoever opens the
/// file in the other tool sees what Taliq had that the file does not hold. `None` when
/// nothing was left out.
#[must_use]
pub fn left_out_record(left: &[LeftOut]) -> Option<serde_json::Value> {
    if left.is_empty() {
        return None;
    }
    let map: serde_json::Map<String, serde_json::Value> = left
        .iter()
        .map(|l| (l.name().to_owned(), serde_json::Value::from(l.count())))
        .collect();
    Some(serde_json::Value::Object(map))
}

/// The metadata key of [`left_out_record`].
pub const LEFT_OUT_KEY: &str = "taliq_left_out";

/// What two exports left out together: the counts of each kind added.
#[must_use]
pub fn merged(a: &[LeftOut], b: &[LeftOut]) -> Vec<LeftOut> {
    let parts = |l: &LeftOut| -> (u8, usize) {
        match *l {
            LeftOut::Pending(n) => (0, n),
            LeftOut::Rejected(n) => (1, n),
            LeftOut::Notes(n) => (2, n),
            LeftOut::Attributes(n) => (3, n),
            LeftOut::Speakers(n) => (4, n),
            LeftOut::DateValues(n) => (5, n),
            LeftOut::CanonicalNames(n) => (6, n),
            LeftOut::Overlapping(n) => (7, n),
        }
    };
    let make: [fn(usize) -> LeftOut; 8] = [
        LeftOut::Pending,
        LeftOut::Rejected,
        LeftOut::Notes,
        LeftOut::Attributes,
        LeftOut::Speakers,
        LeftOut::DateValues,
        LeftOut::CanonicalNames,
        LeftOut::Overlapping,
    ];
    let mut sums = [0usize; 8];
    for l in a.iter().chain(b) {
        let (k, n) = parts(l);
        sums[k as usize] += n;
    }
    sums.iter()
        .zip(make)
        .filter(|(n, _)| **n > 0)
        .map(|(n, f)| f(*n))
        .collect()
}

/// What of `annotations` a format that holds only decided spans with a label leaves out
/// (each counted when non-zero): pending and rejected suggestions, notes, facts, canonical
/// names other than the text. `holds` lists what the format does carry.
#[must_use]
pub fn left_out(doc: &Document, annotations: &[Annotation], holds: &[Carries]) -> Vec<LeftOut> {
    let count = |f: &dyn Fn(&Annotation) -> bool| annotations.iter().filter(|a| f(a)).count();
    let decided = |a: &Annotation| a.status != Status::Rejected && a.status != Status::Pending;
    let kept = |a: &Annotation| {
        decided(a) || (holds.contains(&Carries::Pending) && a.status == Status::Pending)
    };
    let mut out = Vec::new();
    let mut say = |what: fn(usize) -> LeftOut, carried: bool, n: usize| {
        if !carried && n > 0 {
            out.push(what(n));
        }
    };
    say(
        LeftOut::Pending,
        holds.contains(&Carries::Pending),
        count(&|a| a.status == Status::Pending),
    );
    say(
        LeftOut::Rejected,
        holds.contains(&Carries::Rejected),
        count(&|a| a.status == Status::Rejected),
    );
    say(
        LeftOut::Notes,
        holds.contains(&Carries::Notes),
        count(&|a| kept(a) && !a.note.is_empty()),
    );
    say(
        LeftOut::Attributes,
        holds.contains(&Carries::Attributes),
        count(&|a| kept(a) && a.facts.attributes.is_some()),
    );
    say(
        LeftOut::Speakers,
        holds.contains(&Carries::Speakers),
        count(&|a| kept(a) && a.facts.speaker.is_some()),
    );
    say(
        LeftOut::DateValues,
        holds.contains(&Carries::DateValues),
        count(&|a| kept(a) && a.facts.value.is_some()),
    );
    say(
        LeftOut::CanonicalNames,
        holds.contains(&Carries::CanonicalNames),
        count(&|a| kept(a) && a.canonical != doc.slice(a.span.start(), a.span.end())),
    );
    out
}

/// What a format carries beyond decided labelled spans ([`left_out`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carries {
    /// Pending suggestions (as predictions).
    Pending,
    /// Rejected suggestions.
    Rejected,
    /// Notes.
    Notes,
    /// Role and nationality.
    Attributes,
    /// Speaker links.
    Speakers,
    /// Normalized date values.
    DateValues,
    /// Canonical names.
    CanonicalNames,
}

#[cfg(test)]
mod tests {
    use super::{LeftOut, left_out_record, merged};

    #[test]
    fn what_is_left_out_adds_up_and_is_written_as_a_record() {
        let both = merged(
            &[LeftOut::Notes(2), LeftOut::Pending(1)],
            &[LeftOut::Notes(1), LeftOut::Overlapping(4)],
        );
        assert_eq!(
            both,
            [
                LeftOut::Pending(1),
                LeftOut::Notes(3),
                LeftOut::Overlapping(4)
            ]
        );
        assert_eq!(
            left_out_record(&both),
            Some(serde_json::json!({"pending": 1, "notes": 3, "overlapping": 4}))
        );
        assert_eq!(left_out_record(&[]), None);
    }
}
