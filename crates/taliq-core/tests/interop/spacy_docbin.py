"""Reads Taliq's `.spacy` export with spaCy's own DocBin reader (spaCy, pinned in
requirements.txt) and checks every Doc against what Taliq meant to write: the text
exactly, `doc.ents` and the span groups `sc` and `taliq_pending` as (start_char,
end_char, label, text), and every span on token boundaries
(`doc.char_span(s, e, alignment_mode="strict")` is not None). Prints how many spans
would NOT align with the tokens of `spacy.blank("ar")(text)` (why Taliq writes its own
tokens). Then writes the Docs again with spaCy's `DocBin()` (its default attrs), for
Taliq to read back.

Usage: python spacy_docbin.py TALIQ.spacy EXPECTED.json AGAIN.spacy
EXPECTED is a JSON list per doc of {"text", "ents", "sc", "pending"}, each span list of
[start, end, label, text] in code points."""

import json
import sys

import spacy
from spacy.tokens import DocBin


def spans(group):
    return [[s.start_char, s.end_char, s.label_, s.text] for s in group]


def main() -> None:
    path, expected_path, again = sys.argv[1:4]
    nlp = spacy.blank("ar")
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    expected = json.load(open(expected_path, encoding="utf-8"))
    assert len(docs) == len(expected), (len(docs), len(expected))
    total = misaligned = 0
    for i, (doc, want) in enumerate(zip(docs, expected)):
        assert doc.text == want["text"], (i, doc.text[:80], want["text"][:80])
        assert spans(doc.ents) == want["ents"], (i, spans(doc.ents), want["ents"])
        for key, name in (("sc", "sc"), ("pending", "taliq_pending")):
            got = spans(doc.spans[name]) if name in doc.spans else []
            assert got == want[key], (i, name, got, want[key])
        theirs = nlp(doc.text)
        for key in ("ents", "sc", "pending"):
            for s, e, label, text in want[key]:
                assert doc.text[s:e] == text, (i, s, e, text)
                assert doc.char_span(s, e, alignment_mode="strict") is not None, (i, s, e, text)
                total += 1
                if theirs.char_span(s, e, alignment_mode="strict") is None:
                    misaligned += 1
    print(f"spaCy {spacy.__version__} read {len(docs)} doc(s) from Taliq's DocBin:",
          f"{sum(len(d) for d in docs)} tokens,",
          f"{sum(len(w['ents']) for w in expected)} ents,",
          f"{sum(len(w['sc']) for w in expected)} sc spans,",
          f"{sum(len(w['pending']) for w in expected)} pending;",
          f"all {total} spans on Taliq's token boundaries;",
          f"{misaligned} of them would not align with spacy.blank('ar') tokens")
    DocBin(docs=docs).to_disk(again)


if __name__ == "__main__":
    main()
