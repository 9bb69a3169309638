"""Reads Taliq's doccano, Prodigy, brat and CoNLL exports with parsers written from each
tool's documentation (doccano's "Sequence labeling" import format; Prodigy's ner.manual
task format; brat's standoff format and annotation.conf; CoNLL IOB2), and the CoNLL tags
also with seqeval (`Tokens(tags, IOB2)`, which refuses an invalid sequence) and spaCy's
`iob_to_biluo` + `tags_to_entities` (which raises on an invalid one).

Usage: python lines.py MANIFEST.json
MANIFEST: a list of {"text", "spans": [[start, end, label, text]] (the accepted
annotations, code points), "pending": [[start, end, label, text]], "flat": [...] (the
accepted ones CoNLL keeps: no overlap), "doccano", "prodigy", "brat_ann", "brat_txt",
"brat_conf", "conll"} (paths). Prints what it read; fails on any difference."""

import json
import sys

from seqeval.scheme import IOB2, Tokens
from spacy.training import iob_to_biluo
from spacy.training.iob_utils import tags_to_entities


def utf16_to_cp(text):
    """The code point offset of every UTF-16 offset that falls between code points."""
    table, units = {}, 0
    for i, c in enumerate(text):
        table[units] = i
        units += 2 if ord(c) > 0xFFFF else 1
    table[units] = len(text)
    return table


def doccano(entry, text):
    (line,) = [l for l in open(entry["doccano"], encoding="utf-8").read().splitlines() if l.strip()]
    d = json.loads(line)
    assert d["text"] == text
    cp = utf16_to_cp(text)
    got = sorted([cp[s], cp[e], label, text[cp[s]:cp[e]]] for s, e, label in d["label"])
    assert got == sorted(entry["spans"]), (got, entry["spans"])
    return len(got)


def prodigy(entry, text):
    (line,) = [l for l in open(entry["prodigy"], encoding="utf-8").read().splitlines() if l.strip()]
    task = json.loads(line)
    assert task["text"] == text
    assert task["answer"] in ("accept", "reject", "ignore")
    tokens = task["tokens"]
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    for t in tokens:
        assert text[t["start"]:t["end"]] == t["text"], t
    got = []
    for s in task["spans"]:
        assert tokens[s["token_start"]]["start"] == s["start"], s
        assert tokens[s["token_end"]]["end"] == s["end"], s  # token_end inclusive
        got.append([s["start"], s["end"], s["label"], text[s["start"]:s["end"]]])
    assert sorted(got) == sorted(entry["spans"]), (got, entry["spans"])
    # rel.manual's relations: head and child are the last tokens of their spans
    for r in task.get("relations", []):
        assert r["head"] == r["head_span"]["token_end"], r
        assert r["child"] == r["child_span"]["token_end"], r
        assert r["head_span"] in task["spans"] and r["child_span"] in task["spans"], r
    return len(got)


def brat(entry, text):
    txt = open(entry["brat_txt"], encoding="utf-8", newline="").read()
    assert txt == text
    conf = open(entry["brat_conf"], encoding="utf-8").read()
    sections, section = {}, None
    for line in conf.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            sections[section] = []
        elif line and not line.startswith("#") and section:
            sections[section].append(line)
    entities = set(sections.get("entities", []))
    relations = {l.split()[0] for l in sections.get("relations", [])}
    attributes = {l.split()[0] for l in sections.get("attributes", [])}
    spans, pending, ids = [], set(), {}
    for line in open(entry["brat_ann"], encoding="utf-8").read().splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        if ident.startswith("T"):
            kind, *offsets = fields[1].replace(";", " ").split(" ")
            assert kind in entities, (kind, entities)
            pairs = [(int(offsets[i]), int(offsets[i + 1])) for i in range(0, len(offsets), 2)]
            pieces = [text[s:e] for s, e in pairs]
            assert fields[2] == " ".join(pieces), (fields[2], pieces)
            assert all("\n" not in p and "\r" not in p for p in pieces)
            ids[ident] = [pairs[0][0], pairs[-1][1], kind, text[pairs[0][0]:pairs[-1][1]]]
        elif ident.startswith("A"):
            name, target = fields[1].split(" ")[:2]
            assert name in attributes and target in ids, line
            pending.add(target)
        elif ident.startswith("R"):
            name, a1, a2 = fields[1].split(" ")
            assert name in relations, line
            assert a1.split(":")[1] in ids and a2.split(":")[1] in ids, line
        elif ident.startswith("#"):
            assert fields[1].split(" ")[1] in ids, line
    got = sorted(v for k, v in ids.items() if k not in pending)
    got_pending = sorted(v for k, v in ids.items() if k in pending)
    assert got == sorted(entry["spans"]), (got, entry["spans"])
    assert got_pending == sorted(entry["pending"]), (got_pending, entry["pending"])
    return len(ids)


def conll(entry, text):
    lines = open(entry["conll"], encoding="utf-8").read().splitlines()
    assert lines[0].startswith("-DOCSTART-")
    sentences, words, tags = [], [], []
    for line in lines[1:] + [""]:
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        token, tag = line.split("\t")
        words.append(token)
        tags.append(tag)
    got = []
    for words, tags in sentences:
        # seqeval refuses an invalid IOB2 sequence; spaCy raises on invalid BILUO
        entities = Tokens(tags, IOB2).entities
        biluo = iob_to_biluo(tags)
        assert len(tags_to_entities(biluo)) == len(entities)
        for e in entities:
            got.append([e.tag, "".join(words[e.start:e.end])])
    want = [[label, "".join(t.split())] for _, _, label, t in sorted(entry["flat"])]
    assert got == want, (got, want)
    return len(got)


def main() -> None:
    manifest = json.load(open(sys.argv[1], encoding="utf-8"))
    counts = {"doccano": 0, "prodigy": 0, "brat": 0, "conll": 0}
    for entry in manifest:
        text = entry["text"]
        counts["doccano"] += doccano(entry, text)
        counts["prodigy"] += prodigy(entry, text)
        counts["brat"] += brat(entry, text)
        counts["conll"] += conll(entry, text)
    print(f"{len(manifest)} article(s); spans read:", counts)


if __name__ == "__main__":
    main()
