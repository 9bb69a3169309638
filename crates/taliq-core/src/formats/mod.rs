//! Files: Taliq's own annotations file, sidecar and journal ([`taliq`]), article text
//! decoded from file bytes ([`text`]), the project lexicon file ([`lexicon`]), and the
//! formats of other tools ([`doccano`], [`label_studio`], [`brat`], [`conll`],
//! [`prodigy`], [`spacy`], [`inception`]: UIMA CAS JSON and WebAnno TSV,
//! [`web_annotation`]: W3C Web Annotation). These siblings never import each other; what
//! the interchange formats share is [`exchange`] (the `Exporter`/`Importer` seam, label
//! mapping, placing foreign spans), [`label_map`] (other tools' label names), [`left_out`] (what a format cannot carry) and
//! [`offsets`] (offset units).

pub mod brat;
pub mod conll;
pub mod doccano;
pub mod exchange;
pub mod inception;
pub mod json;
pub mod label_map;
pub mod label_studio;
pub mod left_out;
pub mod lexicon;
pub mod offsets;
pub mod prodigy;
pub mod spacy;
pub mod taliq;
pub mod text;
pub mod web_annotation;
