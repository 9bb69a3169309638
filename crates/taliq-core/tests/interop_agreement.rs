//! Taliq's agreement coefficients equal the established implementations' on the same
//! data (`tests/interop/agreement.py`: nltk's `AnnotationTask` and the `krippendorff`
//! package, in the virtual environment `.ci/run` makes): the sample article annotated by
//! two annotators (one accepts every suggestion, the other rejects two names, relabels a
//! place as an organization and moves a boundary), the same with a third annotator, and
//! the edge cases: identical layers (κ = 1), one annotator labelling nothing, a label only
//! one side uses, one category only.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot set up its input fails there, with the error"
)]

mod support;

use serde_json::json;
use taliq_core::eval::agreement::{
    Mark, cohen_kappa, fleiss_kappa, iob2, krippendorff_alpha, tokens,
};
use taliq_core::model::document::Document;
use taliq_core::model::label::Label;

/// One case: the tags of each layer over tokens cut at every layer's edges, and
/// Taliq's figures.
fn case(name: &str, doc: &Document, layers: &[Vec<Mark>]) -> serde_json::Value {
    let refs: Vec<&[Mark]> = layers.iter().map(Vec::as_slice).collect();
    let toks = tokens(doc, &refs);
    let tags: Vec<Vec<String>> = layers.iter().map(|l| iob2(&toks, l)).collect();
    let items: Vec<Vec<String>> = (0..toks.len())
        .map(|i| tags.iter().map(|t| t[i].clone()).collect())
        .collect();
    let units: Vec<Vec<Option<String>>> = items
        .iter()
        .map(|i| i.iter().cloned().map(Some).collect())
        .collect();
    let cohen = (tags.len() == 2)
        .then(|| cohen_kappa(&tags[0], &tags[1]))
        .flatten();
    json!({"name": name, "tags": tags,
           "taliq": {"cohen": cohen, "fleiss": fleiss_kappa(&items),
                     "alpha": krippendorff_alpha(&units)}})
}

#[test]
fn kappa_and_alpha_equal_nltk_and_krippendorff() {
    let Some(python) = support::python() else {
        return;
    };
    let articles = support::articles(0);
    let (doc, anns) = &articles[0];
    let all: Vec<Mark> = anns
        .iter()
        .map(|a| (a.span.start(), a.span.end(), a.label))
        .collect();
    // B: two names rejected, a place relabelled, one boundary moved (a name shortened)
    let mut b = all.clone();
    let names: Vec<usize> = (0..b.len()).filter(|&i| b[i].2 == Label::Person).collect();
    let places: Vec<usize> = (0..b.len())
        .filter(|&i| b[i].2 == Label::Location)
        .collect();
    b[places[0]].2 = Label::Organization;
    let long = names
        .iter()
        .copied()
        .find(|&i| doc.slice(b[i].0, b[i].1).contains(' '))
        .unwrap();
    let first_space = doc.slice(b[long].0, b[long].1).find(' ').unwrap();
    b[long].0 += doc.slice(b[long].0, b[long].1)[..first_space]
        .chars()
        .count()
        + 1;
    let dropped: Vec<usize> = names
        .iter()
        .copied()
        .filter(|&i| i != long)
        .take(2)
        .collect();
    let b: Vec<Mark> = b
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, m)| m)
        .collect();
    // C: only the people
    let c: Vec<Mark> = all
        .iter()
        .copied()
        .filter(|m| m.2 == Label::Person)
        .collect();
    let only_misc: Vec<Mark> = vec![(0, 5, Label::Misc)];
    let cases = vec![
        case("accept all vs reviewed", doc, &[all.clone(), b.clone()]),
        case("three annotators", doc, &[all.clone(), b.clone(), c]),
        case("identical", doc, &[all.clone(), all.clone()]),
        case("one labels nothing", doc, &[all.clone(), Vec::new()]),
        case("a label only one side uses", doc, &[b, only_misc]),
        case("nothing at all", doc, &[Vec::new(), Vec::new()]),
    ];
    assert_eq!(cases[2]["taliq"]["cohen"], 1.0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.json");
    std::fs::write(&path, serde_json::Value::from(cases).to_string()).unwrap();
    eprintln!("{}", support::run(&python, "agreement.py", &[&path]));
}
