"""Reads Taliq's Label Studio export with Label Studio's own SDK (label-studio-sdk,
pinned in requirements.txt): every prediction and annotation must validate against the
labeling config Taliq ships, and every region's text must be what Python's code point
slice of the task text gives.

Usage: python label_studio.py TASKS.json CONFIG.xml EXPECTED.json
EXPECTED is a JSON list per task of [start, end, label, kind] with kind "annotation" or
"prediction"; the script prints the regions it read and fails on any difference."""

import json
import sys

from label_studio_sdk.label_interface import LabelInterface


def main() -> None:
    tasks_path, config_path, expected_path = sys.argv[1:4]
    li = LabelInterface(open(config_path, encoding="utf-8").read())
    tasks = json.load(open(tasks_path, encoding="utf-8"))
    expected = json.load(open(expected_path, encoding="utf-8"))
    assert len(tasks) == len(expected), (len(tasks), len(expected))
    for task, want in zip(tasks, expected):
        text = task["data"]["text"]
        got = []
        for kind, groups in (("annotation", task.get("annotations", [])),
                             ("prediction", task.get("predictions", []))):
            for group in groups:
                if kind == "prediction":
                    errors = li.validate_prediction(group, return_errors=True)
                    assert errors == [], errors
                else:
                    assert li.validate_annotation(group), group
                ids = set()
                for r in group["result"]:
                    if r["type"] == "labels":
                        v = r["value"]
                        assert text[v["start"]:v["end"]] == v["text"], (v, text[v["start"]:v["end"]])
                        got.append([v["start"], v["end"], v["labels"][0], kind])
                        ids.add(r["id"])
                for r in group["result"]:
                    if r["type"] == "relation":
                        assert r["from_id"] in ids and r["to_id"] in ids, r
                    elif r["type"] == "textarea":
                        assert r["id"] in ids, r
        got.sort()
        want = sorted(want)
        assert got == want, (got, want)
    print("label-studio-sdk read", len(tasks), "task(s)")


if __name__ == "__main__":
    main()
