#!/usr/bin/env python3
"""Builds data/name_words.txt, the list of personal-name words (mostly transliterated
foreign surnames and given names) used by the PERSON recognizer.

Inputs (none of them is shipped; only the filtered list is):
  - arabnamer 0.1.3 (PyPI), file arabnamer/data/dict_FINAL.json: English -> Arabic
    personal-name pairs; data licence CC BY 4.0 (Yousef, E., arabnamer), built by its
    author from JRC-Names and other sources.
  - hunspell-ar 3.2 (Debian; Ayaspell, GPL-2/LGPL-2.1/MPL-1.1), used only as a filter:
    a name whose spelling is also an Arabic word is left out.
  - Taliq's own data/*.txt lists (places, organizations, nationalities, titles, ...).

usage: pip download --no-deps arabnamer==0.1.3 && unzip the wheel;
       apt-get install hunspell hunspell-ar;
       python3 data/tools/build_name_words.py DICT_FINAL.json > data/name_words.txt
"""
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
MARKS = re.compile('[\u064B-\u065F\u0670\u0640]')
# not personal names although some name lists carry them (currencies, companies)
EXCLUDE = {'روبل', 'بوينغ', 'بوينج'}


def norm(w):
    """Taliq's matching normalization (src/extract/normalize.rs) for Arabic letters."""
    w = MARKS.sub('', w)
    w = re.sub('[أإآٱ]', 'ا', w)
    return w.replace('ى', 'ي').replace('ة', 'ه')


def spellings(w):
    """The spellings that normalize to the same form as `w` (hamza seats on alef,
    final alef maqsura, final ta marbuta), at most 256."""
    n = norm(w)
    opts = []
    for i, c in enumerate(n):
        last = i == len(n) - 1
        if c == 'ا':
            opts.append('اأإآ')
        elif c == 'ي' and last:
            opts.append('يى')
        elif c == 'ه' and last:
            opts.append('هة')
        else:
            opts.append(c)
    return {''.join(p) for p in itertools.islice(itertools.product(*opts), 256)}


def own_words():
    """Normalized words and phrases of Taliq's other lists."""
    out = set()
    for f in DATA.glob('*.txt'):
        if f.name == 'name_words.txt':
            continue
        for line in f.read_text(encoding='utf-8').splitlines():
            line = line.strip()
            if line and not line.startswith('#'):
                out.add(norm(line))
    return out


def main():
    pairs = json.load(open(sys.argv[1], encoding='utf-8'))
    names = sorted({v.strip() for v in pairs.values()})
    names = [v for v in names if re.fullmatch('[\u0621-\u064A]{3,}', v)
             and not v.startswith('ال') and v not in EXCLUDE]
    forms = {}
    for v in names:
        for s in spellings(v):
            forms.setdefault(s, set()).add(v)
    res = subprocess.run(['hunspell', '-d', 'ar', '-l'], input='\n'.join(forms) + '\n',
                         capture_output=True, text=True, check=True).stdout
    unknown = set(res.split())
    arabic = set()
    for s, vs in forms.items():
        if s not in unknown:
            arabic |= vs
    own = own_words()
    seen = set()
    kept = []
    for v in names:
        n = norm(v)
        if v in arabic or n in own or n in seen:
            continue
        seen.add(n)
        kept.append(v)
    print(HEADER.strip())
    print('\n'.join(kept))


HEADER = """
# Personal-name words: one-word transliterated surnames and given names (mostly of
# non-Arabic origin), one a line. A bare word of this list, not in any other list and
# not an Arabic word, is read as a person's name (src/extract/person.rs).
# Source: arabnamer 0.1.3 (PyPI), data file dict_FINAL.json, English-Arabic personal-name
# pairs by E. Yousef, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
# Changes made for Taliq: only the Arabic one-word forms of 3+ letters, without ال, are
# kept; forms that hunspell-ar 3.2 (Ayaspell) accepts as Arabic words in any spelling
# with the same normalized form are removed, and so are entries of Taliq's other data
# lists (places, organizations, titles, ...) and a few currencies and companies.
# Regenerate with data/tools/build_name_words.py.
"""

if __name__ == '__main__':
    main()
