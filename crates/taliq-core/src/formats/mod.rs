//! Files: Taliq's own annotations file, sidecar and journal ([`taliq`]), and article text
//! decoded from file bytes ([`text`]), the project lexicon file ([`lexicon`]). Siblings never import each other.

pub mod lexicon;
pub mod taliq;
pub mod text;
