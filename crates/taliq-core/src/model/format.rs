//! The interchange formats by name: which tool's file an annotation file is, and which
//! tool an imported annotation came from ([`super::annotation::Origin::Imported`]). The
//! formats themselves are the sibling modules of `formats`; this list is the one the
//! workspace, the command line and the menus use (`workspace::convert` re-exports it).

use serde::{Deserialize, Serialize};

/// An interchange format Taliq reads or writes. Serialized as its [`Self::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormatId {
    /// Taliq's own JSON (`formats::taliq`).
    Taliq,
    /// doccano JSON Lines, sequence labelling (`{"text", "label": [[s, e, "L"]]}`) and the
    /// relation form (`entities`/`relations`).
    Doccano,
    /// Label Studio JSON tasks (`data.text`, `annotations[].result`, `predictions`).
    LabelStudio,
    /// Label Studio's JSON-MIN export: a record per annotation, its regions by control
    /// (`formats::label_studio::min`).
    LabelStudioMin,
    /// brat standoff: `NAME.ann` with `NAME.txt` and `annotation.conf` beside it.
    Brat,
    /// CoNLL token lines with IOB2 tags.
    Conll,
    /// Prodigy JSON Lines (`tokens`, `spans`, `answer`).
    Prodigy,
    /// spaCy's binary `.spacy` DocBin (`formats::spacy`).
    Spacy,
    /// INCEpTION's UIMA CAS JSON (`formats::inception`).
    Inception,
    /// WebAnno TSV 3.3, INCEpTION's tab-separated format (`formats::inception`).
    WebannoTsv,
    /// W3C Web Annotation (JSON-LD) (`formats::web_annotation`).
    WebAnnotation,
}

impl FormatId {
    /// Every format, in the order menus and `--help` list them.
    pub const ALL: [FormatId; 11] = [
        FormatId::Taliq,
        FormatId::Doccano,
        FormatId::LabelStudio,
        FormatId::LabelStudioMin,
        FormatId::Brat,
        FormatId::Conll,
        FormatId::Prodigy,
        FormatId::Spacy,
        FormatId::Inception,
        FormatId::WebannoTsv,
        FormatId::WebAnnotation,
    ];

    /// The name the command line takes (`--from`, `--to`, `--format`): `taliq`,
    /// `doccano`, `label-studio`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            FormatId::Taliq => "taliq",
            FormatId::Doccano => "doccano",
            FormatId::LabelStudio => "label-studio",
            FormatId::LabelStudioMin => "label-studio-min",
            FormatId::Brat => "brat",
            FormatId::Conll => "conll",
            FormatId::Prodigy => "prodigy",
            FormatId::Spacy => "spacy",
            FormatId::Inception => "inception",
            FormatId::WebannoTsv => "webanno-tsv",
            FormatId::WebAnnotation => "web-annotation",
        }
    }

    /// The format named `name` ([`Self::name`]), case-insensitive.
    #[must_use]
    pub fn from_name(name: &str) -> Option<FormatId> {
        FormatId::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The file name ending of the format's files, with its dot.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            FormatId::Taliq => ".taliq.json",
            FormatId::Doccano => ".doccano.jsonl",
            FormatId::LabelStudio => ".label-studio.json",
            FormatId::LabelStudioMin => ".label-studio-min.json",
            FormatId::Brat => ".brat.ann",
            FormatId::Conll => ".conll",
            FormatId::Prodigy => ".prodigy.jsonl",
            FormatId::Spacy => ".spacy",
            FormatId::Inception => ".inception.json",
            FormatId::WebannoTsv => ".webanno.tsv",
            FormatId::WebAnnotation => ".annotations.jsonld",
        }
    }
}
