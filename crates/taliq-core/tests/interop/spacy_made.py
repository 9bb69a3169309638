"""Makes a DocBin the way spaCy users do, for Taliq's reader to read: `spacy.blank("ar")`
docs (spaCy's own tokens), `DocBin()` with its default attrs, `doc.ents` from char
spans, overlapping spans in `doc.spans["sc"]`, and one doc made from words alone (its
spaces unknown). Writes the DocBin and, as JSON, what spaCy reads back from it: a list
per doc of {"text", "ents": [[start_char, end_char, label]], "sc": [...]}.

Usage: python spacy_made.py OUT.spacy OUT.json
(`crates/taliq-core/tests/fixtures/spacy-blank-ar.{spacy,json}` were made with it.)"""

import json
import sys

import spacy
from spacy.tokens import Doc, DocBin

TEXTS = [
    (
        "💩 قال الرئيسُ عبد الفتاح السيسي:\r\n«لن نتراجع»  في القاهرة لألأ مُحَمَّد",
        [("عبد الفتاح السيسي", "PERSON"), ("لن نتراجع", "QUOTE"), ("القاهرة", "GPE"),
         ("مُحَمَّد", "PERSON")],
        [("لن نتراجع", "QUOTE"), ("نتراجع", "NORP"), ("عبد الفتاح السيسي", "PERSON")],
    ),
    ("", [], []),
    (
        "بحث الرئيس الروسي فلاديمير بوتين ونظيره الأميركي دونالد ترامب\n\nفي 28 حزيران 2019.",
        [("فلاديمير بوتين", "PER"), ("دونالد ترامب", "PER"), ("28 حزيران 2019", "DATE")],
        [],
    ),
]


def span(doc, needle, label):
    start = doc.text.index(needle)
    s = doc.char_span(start, start + len(needle), label=label, alignment_mode="expand")
    assert s is not None, needle
    return s


def main() -> None:
    out, expected = sys.argv[1:3]
    nlp = spacy.blank("ar")
    db = DocBin()
    for text, ents, groups in TEXTS:
        doc = nlp(text)
        doc.ents = [span(doc, n, l) for n, l in ents]
        if groups:
            doc.spans["sc"] = [span(doc, n, l) for n, l in groups]
        db.add(doc)
    db.add(Doc(nlp.vocab, words=["وصل", "مُحَمَّد", "إلى", "بيروت"],
               ents=["O", "B-PERSON", "O", "B-LOC"]))
    db.to_disk(out)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab))
    want = []
    for doc in docs:
        want.append({
            "text": doc.text,
            "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
            "sc": [[s.start_char, s.end_char, s.label_] for s in doc.spans.get("sc", [])],
        })
    with open(expected, "w", encoding="utf-8") as f:
        json.dump(want, f, ensure_ascii=False)
    print("spaCy wrote", len(docs), "doc(s)")


if __name__ == "__main__":
    main()
