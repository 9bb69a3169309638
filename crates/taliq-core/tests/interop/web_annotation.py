"""Reads Taliq's W3C Web Annotation export (one AnnotationCollection) two ways.

As JSON: every span annotation's TextPositionSelector must select, by Python's code
point slicing of the article text carried in `taliq:articles`, its TextQuoteSelector's
`exact`, with `prefix` and `suffix` the text right before and after; the spans, labels,
statuses, notes and speaker links must be the expected ones.

As JSON-LD, with pyld (pinned in requirements.txt): `jsonld.expand` with a document
loader that serves the W3C context `http://www.w3.org/ns/anno.jsonld` from the vendored
copy CONTEXT (and refuses every other URL: there is no network); every annotation must
expand to an oa:Annotation with oa:hasTarget, the selector's oa:start/oa:end typed
xsd:nonNegativeInteger, the label body's oa:hasPurpose oa:tagging.

Usage: python web_annotation.py EXPORT.jsonld EXPECTED.json CONTEXT
EXPECTED: {"articles": [{"source", "spans": [[start, end, label, status, note]],
"speakers": [[quote_start, speaker_start]]}]}. CONTEXT is the vendored copy
tests/interop/contexts/anno.jsonld (its source in the README there)."""

import json
import os
import sys

OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TALIQ = "urn:taliq:ns#"
ANNO_URLS = ("http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld")


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def read_as_json(coll, expected):
    texts = {a["id"]: a["taliq:text"] for a in coll["taliq:articles"]}
    items = coll["first"]["items"] if "first" in coll else []
    assert coll["total"] == len(items), (coll["total"], len(items))
    assert "@context" not in coll.get("first", {}), "an embedded page has no @context"
    got = {src: {"spans": [], "speakers": []} for src in texts}
    by_id = {}
    for item in items:
        if item["motivation"] == "linking":
            continue
        target = item["target"]
        text = texts[target["source"]]
        pos = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
        quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
        start, end = pos["start"], pos["end"]
        assert text[start:end] == quote["exact"], (text[start:end], quote["exact"])
        prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
        assert len(prefix) <= 32 and len(suffix) <= 32, quote
        assert text[start - len(prefix):start] == prefix, (prefix, text[start - len(prefix):start])
        assert text[end:end + len(suffix)] == suffix, (suffix, text[end:end + len(suffix)])
        bodies = as_list(item["body"])
        label = [b["value"] for b in bodies if b.get("purpose") == "tagging"]
        note = [b["value"] for b in bodies if b.get("purpose") == "commenting"]
        assert len(label) == 1, bodies
        got[target["source"]]["spans"].append(
            [start, end, label[0], item["taliq:status"], note[0] if note else ""])
        by_id[item["id"]] = (target["source"], start)
    for item in items:
        if item["motivation"] == "linking":
            src, quote_start = by_id[item["target"]]
            speaker = next(b["source"] for b in as_list(item["body"]) if b["type"] == "SpecificResource")
            speaker_src, speaker_start = by_id[speaker]
            assert speaker_src == src
            got[src]["speakers"].append([quote_start, speaker_start])
    assert len(expected["articles"]) == len(texts)
    spans = 0
    for want in expected["articles"]:
        g = got[want["source"]]
        assert sorted(g["spans"]) == sorted(want["spans"]), (want["source"], sorted(g["spans"])[:5], sorted(want["spans"])[:5])
        assert sorted(g["speakers"]) == sorted(want["speakers"]), (g["speakers"], want["speakers"])
        spans += len(g["spans"])
    return spans, sum(len(g["speakers"]) for g in got.values())


def loader_for(context_path):
    from pyld import jsonld

    def load(url, options=None):
        if url not in ANNO_URLS:
            raise jsonld.JsonLdError("no network in the test: refusing to load " + url,
                                     "jsonld.LoadDocumentError", code="loading document failed")
        if not os.path.exists(context_path):
            raise jsonld.JsonLdError(
                "the W3C context anno.jsonld is not vendored at " + context_path
                + " (see tests/interop/contexts/README.md): pyld cannot expand the export",
                "jsonld.LoadDocumentError", code="loading remote context failed")
        with open(context_path, encoding="utf-8") as f:
            document = json.load(f)
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": url, "document": document}
    return load


def read_as_json_ld(coll, context_path):
    from pyld import jsonld
    jsonld.set_document_loader(loader_for(context_path))
    expanded = jsonld.expand(coll)
    assert len(expanded) == 1, expanded
    c = expanded[0]
    assert c["@type"] == [AS + "OrderedCollection"], c["@type"]
    assert c[AS + "totalItems"][0]["@type"] == XSD + "nonNegativeInteger"
    page = c[AS + "first"][0]
    assert page["@type"] == [AS + "OrderedCollectionPage"], page["@type"]
    items = page[AS + "items"][0]["@list"]
    assert len(items) == coll["total"]
    spans = 0
    for a in items:
        assert a["@type"] == [OA + "Annotation"], a
        assert OA + "hasTarget" in a, a
        motivation = a[OA + "motivatedBy"][0]["@id"]
        if motivation == OA + "linking":
            assert OA + "hasBody" in a
            continue
        assert motivation == OA + "tagging", motivation
        assert a[TALIQ + "status"][0]["@value"] in ("accepted", "pending"), a
        target = a[OA + "hasTarget"][0]
        selectors = target[OA + "hasSelector"]
        pos = next(s for s in selectors if s["@type"] == [OA + "TextPositionSelector"])
        for key in ("start", "end"):
            v = pos[OA + key][0]
            assert v["@type"] == XSD + "nonNegativeInteger", v
            assert isinstance(v["@value"], int) and v["@value"] >= 0, v
        quote = next(s for s in selectors if s["@type"] == [OA + "TextQuoteSelector"])
        assert OA + "exact" in quote
        purposes = [p["@id"] for b in a[OA + "hasBody"] for p in b.get(OA + "hasPurpose", [])]
        assert OA + "tagging" in purposes, purposes
        spans += 1
    return spans


def main() -> None:
    export_path, expected_path, context_path = sys.argv[1:4]
    coll = json.load(open(export_path, encoding="utf-8"))
    expected = json.load(open(expected_path, encoding="utf-8"))
    spans, links = read_as_json(coll, expected)
    print(f"JSON: {spans} span annotations, {links} speaker links, "
          f"{len(coll['taliq:articles'])} articles; every text[start:end] == exact")
    expanded = read_as_json_ld(coll, context_path)
    print(f"pyld expanded {expanded} span annotations against the vendored anno.jsonld")


if __name__ == "__main__":
    main()
