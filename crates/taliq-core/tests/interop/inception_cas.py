"""Reads Taliq's INCEpTION exports with dkpro-cassis (pinned in requirements.txt), and
writes a CAS with cassis for Taliq to read.

Usage:
  python inception_cas.py check DIR
      DIR holds, for each article N, N.json (UIMA CAS JSON), N.tsv (WebAnno TSV 3.3) and
      N.expected.json: {"text", "spans": [[start, end, label, text]], "speakers":
      [[[quote start, end], [speaker start, end]]]}, offsets in code points.
      CAS JSON: cassis.load_cas_from_json (no typesystem=: the file embeds %TYPES) must
      give the text, the NamedEntity annotations (cassis converts UTF-16 to code points)
      with their value and covered text, and the Speaker relations from the quote
      (Governor) to the speaker (Dependent), each with the Dependent's offsets.
      TSV: there is no Python reader; every token line's begin-end, UTF-16 units of the
      text (text.encode("utf-16-le")), must slice the text to the token, and the spans and
      speakers read from the columns (a parser written from the format's documentation)
      must be the expected ones.
  python inception_cas.py make OUT.json
      Writes the CAS of MAKE_TEXT with cassis.load_dkpro_core_typesystem(), a Speaker
      relation type, two NamedEntity annotations and the relation, as cassis.to_json does.
The script prints what it read and fails on any difference."""

import json
import os
import sys

import cassis

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
SPEAKER = "webanno.custom.Speaker"
MAKE_TEXT = "👍 قال الرئيسُ عبد الفتاح السيسي:\r\n«لن نتراجع» لألأ"


def check_cas(path, want):
    with open(path, "rb") as f:
        cas = cassis.load_cas_from_json(f)
    assert cas.sofa_string == want["text"], "sofa text differs"
    got = sorted([a.begin, a.end, a.value, a.get_covered_text()] for a in cas.select(NE))
    assert got == sorted(want["spans"]), (path, got[:5], sorted(want["spans"])[:5])
    rels = []
    for r in cas.select(SPEAKER) if SPEAKER in [t.name for t in cas.typesystem.get_types()] else []:
        assert (r.begin, r.end) == (r.Dependent.begin, r.Dependent.end), r
        assert r.Governor.value == "QUOTE", r.Governor
        rels.append([[r.Governor.begin, r.Governor.end], [r.Dependent.begin, r.Dependent.end]])
    assert sorted(rels) == sorted(want["speakers"]), (path, rels, want["speakers"])
    return len(got), len(rels)


def unescape_value(v):
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and v[i + 1:i + 3] == "->":
            out.append("->")
            i += 3
        elif v[i] == "\\" and i + 1 < len(v) and v[i + 1] in "\\[]|_;*":
            out.append(v[i + 1])
            i += 2
        elif v[i] == "\\" and i + 1 < len(v) and v[i + 1] in "tn":
            out.append("\t" if v[i + 1] == "t" else "\n")
            i += 2
        else:
            out.append(v[i])
            i += 1
    return "".join(out)


def split_stack(cell):
    parts, cur, prev = [], "", ""
    for c in cell:
        if c == "|" and prev != "\\":
            parts.append(cur)
            cur = ""
        else:
            cur += c
        prev = c
    return parts + [cur]


def with_id(entry):
    if entry.endswith("]") and not entry.endswith("\\]"):
        at = entry.rindex("[")
        return entry[:at], entry[at + 1:-1]
    return entry, None


def check_tsv(path, want):
    text = want["text"]
    units = text.encode("utf-16-le")
    # code point offset of each UTF-16 offset that starts a char
    cp = {}
    u = 0
    for i, c in enumerate(text):
        cp[u] = i
        u += 2 if ord(c) > 0xFFFF else 1
    cp[u] = len(text)
    lines = open(path, encoding="utf-8").read().split("\n")
    assert lines[0] == "#FORMAT=WebAnno TSV 3.3", lines[0]
    header = [l for l in lines[1:] if l.startswith("#T_")]
    cols = []
    for h in header:
        layer, *feats = h[6:].split("|")
        cols += [(layer, f) for f in feats]
    ne = cols.index((NE, "value"))
    bt = next((i for i, (l, f) in enumerate(cols) if l == SPEAKER and f.startswith("BT_")), None)
    assert lines[len(header) + 1] == "" and lines[len(header) + 2] == "", "two empty lines"
    spans, by_id, at_unit, rels, tokens = [], {}, {}, [], 0
    for line in lines:
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        assert len(f) == len(cols) + 4 and f[-1] == "", line
        b, e = map(int, f[1].split("-"))
        token = units[2 * b:2 * e].decode("utf-16-le")
        assert token == f[2], (line, token)
        tokens += 1
        if f[3 + ne] != "_":
            for entry in split_stack(f[3 + ne]):
                value, i = with_id(entry)
                if i is not None and i in by_id:
                    spans[by_id[i]][1] = e
                    k = by_id[i]
                else:
                    spans.append([b, e, unescape_value(value)])
                    k = len(spans) - 1
                    if i is not None:
                        by_id[i] = k
                at_unit.setdefault(f[0], []).append(k)
        if bt is not None and f[3 + bt] != "_":
            for entry in split_stack(f[3 + bt]):
                gov, ids = with_id(entry)
                g, d = ids.split("_") if ids else ("0", "0")
                rels.append((gov, g, f[0], d))
    got = sorted([cp[b], cp[e], label, text[cp[b]:cp[e]]] for b, e, label in spans)
    assert got == sorted(want["spans"]), (path, got[:5], sorted(want["spans"])[:5])

    def resolve(unit, i):
        return spans[by_id[i]] if i != "0" else spans[at_unit[unit][0]]

    pairs = []
    for gov, g, dep, d in rels:
        q, s = resolve(gov, g), resolve(dep, d)
        pairs.append([[cp[q[0]], cp[q[1]]], [cp[s[0]], cp[s[1]]]])
    assert sorted(pairs) == sorted(want["speakers"]), (path, pairs, want["speakers"])
    return tokens, len(got), len(pairs)


def check(folder):
    names = sorted({n.split(".")[0] for n in os.listdir(folder)}, key=int)
    totals = [0, 0, 0, 0]
    for n in names:
        want = json.load(open(os.path.join(folder, n + ".expected.json"), encoding="utf-8"))
        spans, rels = check_cas(os.path.join(folder, n + ".json"), want)
        tokens, tsv_spans, tsv_rels = check_tsv(os.path.join(folder, n + ".tsv"), want)
        assert (spans, rels) == (tsv_spans, tsv_rels)
        for k, v in enumerate((spans, rels, tokens, 1)):
            totals[k] += v
    print("cassis read %d named entities and %d speakers in %d CAS files; "
          "the TSV files had the same and %d tokens sliced right"
          % (totals[0], totals[1], totals[3], totals[2]))


def make(out):
    ts = cassis.load_dkpro_core_typesystem()
    ne = ts.get_type(NE)
    speaker = ts.create_type(SPEAKER, supertypeName="uima.tcas.Annotation")
    ts.create_feature(speaker, "Governor", NE)
    ts.create_feature(speaker, "Dependent", NE)
    ts.create_feature(speaker, "value", "uima.cas.String")
    cas = cassis.Cas(typesystem=ts)
    cas.sofa_string = MAKE_TEXT
    find = lambda s: (MAKE_TEXT.index(s), MAKE_TEXT.index(s) + len(s))
    p = ne(begin=find("عبد الفتاح السيسي")[0], end=find("عبد الفتاح السيسي")[1], value="PERSON")
    q = ne(begin=find("لن نتراجع")[0], end=find("لن نتراجع")[1], value="QUOTE")
    m = ne(begin=find("لألأ")[0], end=find("لألأ")[1], value="MISC")
    cas.add_all([p, q, m])
    cas.add(speaker(begin=p.begin, end=p.end, Governor=q, Dependent=p, value="speaker"))
    with open(out, "w", encoding="utf-8") as f:
        f.write(cas.to_json())
    print("cassis wrote", out)


if __name__ == "__main__":
    if sys.argv[1] == "check":
        check(sys.argv[2])
    else:
        make(sys.argv[2])
