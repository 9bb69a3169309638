#!/usr/bin/env bash
# Fills fuzz/corpus/TARGET/ with seed inputs from the shared development corpus
# (../../shared/corpus, or $TALIQ_CORPUS) and with sidecars and journals written by Taliq
# itself. Idempotent; run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="${TALIQ_CORPUS:-$here/../../shared/corpus}"
out="$here/corpus"
mkdir -p "$out"/{decode,html,sidecar,journal,extract}

# decode: every encoding sample behind each selector byte (0xff = detect, 0x03 = forced
# Windows-1256, 0x1f = detect as .html)
for f in "$shared"/encodings/* "$shared"/articles/*; do
  b="$(basename "$f")"
  for sel in ff 03 1f; do
    { printf "\\x$sel"; cat "$f"; } > "$out/decode/$b.$sel"
  done
done

# html: the saved page, and the same page decoded to UTF-8
cp "$shared"/encodings/*.html "$out/html/"
for f in "$shared"/encodings/*.html; do
  iconv -f CP1256 -t UTF-8 "$f" > "$out/html/$(basename "$f").utf8" 2>/dev/null || true
done

# and small pages of Taliq's own making: an article among chrome, a charset declaration,
# entities, nesting the parser has to repair
cat > "$out/html/article.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>بوتين وترامب يبحثان مكافحة كورونا</title></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/world">العالم</a></nav>
<article><h1>بوتين وترامب يبحثان مكافحة كورونا</h1>
<p>بحث الرئيس الروسي فلاديمير بوتين، ونظيره الأميركي دونالد ترامب، مكافحة فيروس كورونا &amp; أسعار النفط.</p>
<p>وأفاد الكرملين بأن بوتين وترامب أجريا، اليوم الاثنين، اتصالاً هاتفياً.</p></article>
<aside>الأكثر قراءة</aside><footer>جميع الحقوق محفوظة &copy; 2020</footer></body></html>
HTML
printf '%s' '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><div><p>نص <b>عريض<i>مائل</b></i> &#x202E;&nbsp;<table><tr><td>خلية</p></div><script>var x="<p>";</script></body>' > "$out/html/broken.html"

# extract: the article and each gold document's text
cp "$shared"/articles/*.txt "$out/extract/"
python3 - "$shared/dev-gold.jsonl" "$out/extract" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[2])
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    (out / f"gold-{d['doc']}.txt").write_text(d["text"], encoding="utf-8")
PY

# sidecar: Taliq's own export of short gold texts (small files mutate faster), alone and
# followed by NUL and an edited text to re-anchor onto
cd "$here/.."
bin="$(cargo build --quiet --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "taliq" and m.get("executable"):
        print(m["executable"])' | tail -1)"
n=0
for f in $(ls -S -r "$out"/extract/gold-*.txt | head -20) "$shared"/articles/*.txt; do
  n=$((n + 1))
  "$bin" extract "$f" > "$out/sidecar/s$n.json"
  { cat "$out/sidecar/s$n.json"; printf '\0'; sed 's/ترامب/دونالد ترامب/; 1s/^/مقدمة جديدة. /' "$f"; } > "$out/sidecar/s$n.reanchor"
done

# journal: lines over the sidecar of fuzz_targets/journal.rs (ids 1 and 2 on its text)
python3 - "$out/journal" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
text = "قال بوتين إن ترامب وافق على لقاء في موسكو"
def rec(id, word, label="PERSON", status="accepted", note=""):
    s = text.index(word)
    return {"id": id, "start": s, "end": s + len(word), "text": word, "label": label,
            "origin": "manual", "status": status, "note": note, "entity": f"{label}:{word}"}
base = "00000000000000ab"
lines = [
    {"base": base, "upsert": [rec(1, "بوتين", status="rejected")]},
    {"base": base, "upsert": [rec(3, "موسكو", "LOCATION", note="ملاحظة \"مقتبسة\"\n")]},
    {"base": base, "remove": [2]},
    {"base": "0000000000000001", "upsert": [rec(2, "ترامب", "ORGANIZATION")], "remove": [1]},
]
dump = lambda ls: "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in ls)
(out / "all").write_text(dump(lines), encoding="utf-8")
(out / "torn").write_text(dump(lines[:2])[:-25], encoding="utf-8")
for i, l in enumerate(lines):
    (out / f"line{i}").write_text(dump([l]), encoding="utf-8")
PY
echo "seeded: $(for t in decode html sidecar journal extract; do printf '%s=%s ' "$t" "$(ls "$out/$t" | wc -l)"; done)"
