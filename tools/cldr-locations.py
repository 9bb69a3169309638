#!/usr/bin/env python3
"""Writes data/cldr_places.txt: Arabic names of countries, regions and cities from CLDR.

Source data (Unicode CLDR, Unicode License v3), fetched with the npm client:

* ``cldr-localenames-full`` ``main/ar/territories.json``: Arabic territory names
  (countries, dependencies, UN M.49 macro-regions), including the ``-alt-short`` and
  ``-alt-variant`` forms.
* ``cldr-dates-full`` ``main/ar/timeZoneNames.json``: the Arabic exemplar city of every
  time zone (``zone/<Area>/<City>/exemplarCity``).

The output holds only names that the curated lists (data/countries.txt, cities.txt,
regions.txt, organizations.txt, persons.txt) do not already have after normalization,
so the lexicon is the union of the curated lists and this file; the curated lists win.

Rules (each dropped name is listed at the end of the output with its reason):

1. Codes that are not places are skipped: 001 (world), EU and EZ (union, euro area),
   UN (an organization), XA and XB (pseudo-locales), ZZ and Etc/Unknown (unknown).
2. ``X (Y)``: only X is kept (Y is a qualifier such as ``منطقة إدارية خاصة``, or a
   name the curated lists have: بورما, الخليل); ``X، Y`` (city, state): both parts are
   names of their own.
3. A leading ``مدينة`` ("city") is left out (guideline rule 11: descriptor nouns stay
   outside the span); other descriptors stay, being part of the official name
   (جزيرة مان, جزر كوك).
4. Variants: ``أمريكا``/``الأمريكية`` (CLDR) also as ``أميركا``/``الأميركية`` (common
   press spelling); ``جزر X`` also as ``X``; a one-word territory name also with or
   without the article ``ال`` when that form is attested in the wordfreq corpus at most
   1.0 Zipf below the CLDR form (الأورغواي, الباراغواي, البيرو).
   Alef, ya and ta marbuta forms need no variants: matching folds them.
5. Ambiguity filter for one-word names (the whole entry, or a derived variant):
   a. three letters or fewer (ترك, نوم, سول): too often a common word or a clipping;
   b. a word of one of Taliq's closed lists (stopwords, reporting verbs, nationalities,
      titles, given names, organization and location nouns);
   c. ``ال`` + a word ending in ``ي`` but not ``اي`` (the shape of a nisba adjective:
      المالي, الكاريبي);
   d. a Zipf frequency (wordfreq, Arabic) of 3.7 or more, i.e. more than about five
      uses per million words: a frequent word that the curated lists do not have as a
      place is more likely a common word (العيون, ماهي, ديلي);
   e. a short manual list of common words below that frequency, found by reading the
      output (سمراء, سنتر, استر ...), each with its meaning in BLOCKLIST below.
   A multi-word name is dropped when it is in BLOCKLIST or all its words are function
   words.

Usage (from the repository root; needs the npm client and Python with wordfreq):

    python3 -m venv target/py-venv && target/py-venv/bin/pip install wordfreq
    target/py-venv/bin/python tools/cldr-locations.py            # fetches CLDR with npm
    target/py-venv/bin/python tools/cldr-locations.py --cldr DIR # DIR has the two
        # unpacked packages as DIR/cldr-localenames-full and DIR/cldr-dates-full
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from wordfreq import zipf_frequency

CLDR_VERSION = "48.2.0"
PACKAGES = ("cldr-localenames-full", "cldr-dates-full")
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OUT = DATA / "cldr_places.txt"

SKIP_CODES = {"001", "EU", "EZ", "UN", "XA", "XB", "ZZ", "Etc/Unknown"}
ZIPF_COMMON = 3.7
ARTICLE_VARIANT_MARGIN = 1.0
# Common words below the frequency threshold that CLDR has as place names.
BLOCKLIST = {
    "سمراء": "brunette (Samara)",
    "سنتر": "centre (Center, North Dakota)",
    "استر": "cover; ester (Easter Island)",
    "كريسماس": "Christmas (Christmas Island)",
    "كناري": "canary (the Canaries)",
    "الكناري": "the canary (the Canaries)",
    "ترول": "troll (Troll station)",
    "دارون": "Darwin, the naturalist",
    "البنين": "the sons (Benin)",
    "كانتون": "canton (Canton Island)",
    "ماهي": "what is (Mahé)",
    "جوني": "Johnny (Juneau)",
    "بويس": "Boyce, a surname (Boise)",
    "سيتا": "a given name (Ceuta)",
    "ستانلي": "Stanley, a given name",
    "استانلي": "Stanley, a given name",
    "ديفيز": "Davies, a surname",
    "دافيز": "Davis, a surname (Davis station)",
    "ليندمان": "Lindemann, a surname",
    "ماوسون": "Mawson, a surname",
    "روثيرا": "a surname (Rothera station)",
    "بالمير": "Palmer, a surname (Palmer station)",
    "كاساي": "Casey, a given name (Casey station)",
    "مارشال": "marshal; Marshall, a name",
    "سليمان": "Suleiman, a given name",
    "سلفادور": "Salvador, a given name (El Salvador is curated)",
    "ريجينا": "Regina, a given name",
    "دييغو غارسيا": "Diego Garcia, also a personal name",
    "حي الأمير السفلي": "'the lower prince' (Lower Prince's Quarter)",
    "فارو": "Faro, a surname",
}

ARABIC_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640]"
)
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def norm(s: str) -> str:
    """The folding of src/extract/normalize.rs, enough to compare list entries."""
    return " ".join(ARABIC_MARKS.sub("", s).translate(FOLD).lower().split())


def entries(name: str) -> list[str]:
    path = DATA / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def fetch(workdir: Path) -> Path:
    """Runs `npm pack` for the two packages and unpacks them under workdir."""
    for pkg in PACKAGES:
        subprocess.run(
            ["npm", "pack", "--silent", f"{pkg}@{CLDR_VERSION}"],
            cwd=workdir,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tgz = workdir / f"{pkg}-{CLDR_VERSION}.tgz"
        dest = workdir / pkg
        dest.mkdir()
        with tarfile.open(tgz) as tar:
            wanted = [
                m
                for m in tar.getmembers()
                if m.name
                in (
                    "package/package.json",
                    "package/main/ar/territories.json",
                    "package/main/ar/timeZoneNames.json",
                )
            ]
            tar.extractall(dest, members=wanted, filter="data")
    return workdir


def load_cldr(cldr: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]], str]:
    ln = cldr / "cldr-localenames-full" / "package"
    dt = cldr / "cldr-dates-full" / "package"
    version = json.loads((ln / "package.json").read_text())["version"]
    terr = json.loads((ln / "main/ar/territories.json").read_text(encoding="utf-8"))
    terr = terr["main"]["ar"]["localeDisplayNames"]["territories"]
    zones = json.loads((dt / "main/ar/timeZoneNames.json").read_text(encoding="utf-8"))
    zones = zones["main"]["ar"]["dates"]["timeZoneNames"]["zone"]
    cities: list[tuple[str, str]] = []

    def walk(node: dict, path: list[str]) -> None:
        if "exemplarCity" in node:
            cities.append(("/".join(path), node["exemplarCity"]))
        for key, val in node.items():
            if isinstance(val, dict):
                walk(val, [*path, key])

    walk(zones, [])
    return list(terr.items()), cities, version


class Filter:
    def __init__(self) -> None:
        closed = set()
        for f in (
            "stopwords.txt",
            "reporting_verbs.txt",
            "nationalities.txt",
            "titles.txt",
            "first_names_ar.txt",
            "first_names_foreign.txt",
            "org_heads.txt",
            "org_descriptors.txt",
            "location_descriptors.txt",
            "location_heads.txt",
        ):
            for e in entries(f):
                closed.update(norm(e).split())
        self.closed = closed
        self.stopwords = {norm(e) for e in entries("stopwords.txt")}
        self.blocked = {norm(w) for w in BLOCKLIST}

    def word_reason(self, word: str) -> str | None:
        """Why a one-word name is dropped (rule 5), or None."""
        w = norm(word)
        if len(w) <= 3:
            return "three letters or fewer"
        if w in self.closed:
            return "in a closed word list"
        if word.startswith("ال") and w.endswith("ي") and not w.endswith("اي"):
            return "shape of a nisba adjective"
        z = zipf_frequency(word, "ar")
        if z >= ZIPF_COMMON:
            return f"frequent word (Zipf {z:.2f})"
        if w in self.blocked:
            return "common word: " + next(v for k, v in BLOCKLIST.items() if norm(k) == w)
        return None

    def reason(self, name: str) -> str | None:
        words = name.split()
        if len(words) == 1:
            return self.word_reason(name)
        if norm(name) in self.blocked:
            return "common phrase: " + next(v for k, v in BLOCKLIST.items() if norm(k) == norm(name))
        if all(norm(w) in self.stopwords for w in words):
            return "every word a function word"
        return None


def split_name(name: str) -> list[str]:
    """Rule 2 and 3: the names inside one CLDR string."""
    parts = []
    m = re.fullmatch(r"(.*?)\s*\(.*\)\s*", name)
    parts.append(m.group(1) if m else name)
    out = []
    for p in parts:
        for q in p.split("،"):
            q = " ".join(q.split())
            if q.startswith("مدينة "):
                q = q[len("مدينة ") :]
            if q:
                out.append(q)
    return out


def variants(name: str, one_word_territory: bool) -> list[str]:
    """Rule 4: derived spellings of one name (not including the name)."""
    out = []
    if "أمريكا" in name or "الأمريكية" in name:
        out.append(name.replace("أمريكا", "أميركا").replace("الأمريكية", "الأميركية"))
    if name.startswith("جزر "):
        out.append(name[len("جزر ") :])
    if one_word_territory:
        other = name[2:] if name.startswith("ال") else "ال" + name
        if zipf_frequency(other, "ar") >= max(
            zipf_frequency(name, "ar") - ARTICLE_VARIANT_MARGIN, 1.0
        ):
            out.append(other)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cldr", type=Path, help="folder with the unpacked npm packages")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cldr = args.cldr or fetch(Path(tmp))
        territories, cities, version = load_cldr(cldr)

    curated = set()
    for f in ("countries.txt", "cities.txt", "regions.txt", "organizations.txt", "persons.txt"):
        curated.update(norm(e) for e in entries(f))
    flt = Filter()
    seen = set(curated)
    kept: dict[str, list[str]] = {"territories": [], "cities": []}
    dropped: list[str] = []

    def consider(section: str, code: str, name: str, derived: bool) -> None:
        key = norm(name)
        if key in seen:
            return
        seen.add(key)
        why = flt.reason(name)
        if why:
            dropped.append(f"{name}  ({code}{', derived' if derived else ''}): {why}")
        else:
            kept[section].append(name)

    for section, items in (("territories", territories), ("cities", cities)):
        for code, raw in items:
            base = code.split("-alt-")[0]
            if base in SKIP_CODES:
                continue
            for name in split_name(raw):
                consider(section, code, name, False)
                territory = section == "territories" and base.isalpha() and " " not in name
                for v in variants(name, territory):
                    consider(section, code, v, True)

    lines = [
        "# Countries, territories, regions and cities: Arabic names from the Unicode CLDR,",
        "# generated by tools/cldr-locations.py (do not edit by hand; edit the curated lists",
        "# countries.txt, cities.txt and regions.txt, or the rules in the script, and rerun).",
        f"# Source: Unicode CLDR {version.split('.')[0]} (npm packages cldr-localenames-full and",
        f"# cldr-dates-full {version}: main/ar/territories.json, territory display names, and",
        "# main/ar/timeZoneNames.json, exemplar cities), https://cldr.unicode.org,",
        "# https://github.com/unicode-org/cldr-json.",
        "# Licence: Unicode License v3 (Copyright © 2004-2026 Unicode, Inc.;",
        "# https://www.unicode.org/license.txt).",
        "# Only names missing from the curated lists are here; derived spellings (أميركا,",
        "# جزر X → X, with/without ال) and the ambiguity filter (frequency from the wordfreq",
        "# package, Apache-2.0 code, CC-BY-SA 4.0 data, used only to decide) are described",
        "# in the script. The names dropped by the filter are listed at the end.",
        "",
        "# Territories (main/ar/territories.json)",
        *kept["territories"],
        "",
        "# Exemplar cities (main/ar/timeZoneNames.json)",
        *kept["cities"],
        "",
        "# Dropped (name  (CLDR code): reason):",
        *("# " + d for d in dropped),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{OUT.relative_to(ROOT)}: {len(kept['territories'])} territory and "
        f"{len(kept['cities'])} city names, {len(dropped)} dropped",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
