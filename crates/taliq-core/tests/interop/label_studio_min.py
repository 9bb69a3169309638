"""Converts Taliq's Label Studio task list to JSON-MIN with Label Studio's own converter
(label_studio_sdk.converter.Converter, pinned in requirements.txt), as Label Studio's
Export ▸ JSON-MIN does.

Usage: python label_studio_min.py TASKS.json CONFIG.xml OUT.json
Label Studio's own exports give every task and annotation an id; Taliq's import file
has none (Label Studio assigns them), so they are numbered from 1 here first."""

import json
import os
import sys
import tempfile

from label_studio_sdk.converter import Converter


def main() -> None:
    tasks_path, config_path, out_path = sys.argv[1:4]
    tasks = json.load(open(tasks_path, encoding="utf-8"))
    for i, task in enumerate(tasks):
        task["id"] = i + 1
        for j, annotation in enumerate(task.get("annotations", [])):
            annotation["id"] = j + 1
    work = tempfile.mkdtemp()
    numbered = os.path.join(work, "tasks.json")
    json.dump(tasks, open(numbered, "w", encoding="utf-8"), ensure_ascii=False)
    converter = Converter(config=open(config_path, encoding="utf-8").read(),
                          project_dir=None, download_resources=False)
    out_dir = os.path.join(work, "out")
    converter.convert(numbered, out_dir, "JSON_MIN", is_dir=False)
    (name,) = os.listdir(out_dir)
    records = json.load(open(os.path.join(out_dir, name), encoding="utf-8"))
    json.dump(records, open(out_path, "w", encoding="utf-8"), ensure_ascii=False)
    print("label-studio-sdk wrote", len(records), "JSON-MIN record(s)")


if __name__ == "__main__":
    main()
