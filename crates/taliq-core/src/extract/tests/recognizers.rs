//! Tests of a recognizer or of the analysis that need the whole pipeline (moved from
//! `context.rs`, `location.rs` and `organization.rs`, whose own tests run the module
//! alone).

use crate::extract::context::{Layer, display, ends_sentence, sentence_start, token_at};
use crate::extract::doc::Doc;
use crate::extract::testutil::{assert_extracts, parse_markup};
use crate::extract::{extract, pipeline};
use crate::model::label::Label;

#[test]
fn tokens_sentences_and_layer() {
    let (text, _) = parse_markup("قال بوتين. ثم أضاف ترامب");
    let doc = Doc::new(&text);
    assert_eq!(token_at(&doc, 5), 1);
    assert!(ends_sentence(&doc, 2));
    assert_eq!(sentence_start(&doc, 5, 10), 3);
    assert_eq!(sentence_start(&doc, 1, 10), 0);
    let cands = pipeline(&doc);
    let layer = Layer::new(&doc, &cands);
    assert_eq!(layer.at(1).map(|s| s.2), Some(Label::Person));
    assert!(layer.at(0).is_none());
    assert_eq!(layer.ending_at(2).map(|s| s.0), Some(1));
    assert_eq!(layer.starting_in(2, 6).count(), 1);
    assert_eq!(display(&doc, 0, 3), "قال");
    for (k, c) in cands.iter().enumerate() {
        let want = (token_at(&doc, c.start), token_at(&doc, c.end - 1) + 1);
        assert_eq!(layer.range(k), want);
    }
}

/// A place at the start of a longer name survives when that name loses to an
/// overlapping mention (whole pipeline: the date wins over the channel name).
#[test]
fn place_inside_a_losing_longer_name() {
    assert_extracts("وصل الوزير إلى [روسيا]{LOCATION} [اليوم الاثنين]{DATE} للمشاركة.");
    assert_extracts("وبثت قناة [روسيا اليوم]{ORGANIZATION} المقابلة.");
}

#[test]
fn a_descriptor_at_the_end_of_the_text_names_nothing() {
    // found by fuzzing (target `extract`): the descriptor is the last token
    // (organization's own test has the recognizer's part)
    let found = extract(" مع\u{17}2 قناة ");
    assert!(
        found.iter().all(|m| m.label != Label::Organization),
        "{found:?}"
    );
}
