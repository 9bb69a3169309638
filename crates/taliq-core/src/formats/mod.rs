//! Files: Taliq's own annotations file, sidecar and journal ([`taliq`]), and article text
//! decoded from file bytes ([`text`]). Siblings never import each other.

pub mod taliq;
pub mod text;
