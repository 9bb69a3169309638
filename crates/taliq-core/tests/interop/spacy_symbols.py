"""Prints spaCy's reserved symbols (`spacy.symbols.IDS`), one `ID NAME` line each in id
order, the empty string (id 0) left out: the table Taliq's DocBin writer and reader use
for the strings spaCy never hashes (`crates/taliq-core/src/formats/spacy/symbols.txt`,
made with `python spacy_symbols.py > .../symbols.txt`; the interop test compares them).

Usage: python spacy_symbols.py"""

from spacy.symbols import IDS


def main() -> None:
    for name, i in sorted(IDS.items(), key=lambda item: item[1]):
        if i != 0:
            print(i, name)


if __name__ == "__main__":
    main()
