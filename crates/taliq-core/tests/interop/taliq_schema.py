"""Validates Taliq JSON files against crates/taliq-core/schema/taliq-annotations.schema.json (JSON Schema
draft 2020-12) with the jsonschema package pinned in requirements.txt, and checks what
the schema cannot say: every annotation's text is Python's code point slice of the text,
and char_count is the text's length.

Usage: python taliq_schema.py SCHEMA.json FILE.json [FILE.json ...]"""

import json
import sys

import jsonschema


def main() -> None:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        doc = json.load(open(path, encoding="utf-8"))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
        text = doc["document"]["text"]
        assert doc["document"]["char_count"] == len(text)
        for a in doc["annotations"]:
            assert text[a["start"]:a["end"]] == a["text"], a
    print("jsonschema accepted", len(sys.argv) - 2, "file(s)")


if __name__ == "__main__":
    main()
