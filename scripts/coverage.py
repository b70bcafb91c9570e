#!/usr/bin/env python3
"""Refreshes the "relations citing it" column of docs/coverage.md from the model.

Usage: scripts/coverage.py [RELMAP] [MODEL]   (defaults: .build/debug/relmap, model)

The table's other columns (what each paragraph says, and why it holds no relation) are written by hand;
this fills in, for every paragraph, the relations whose evidence cites it and, marked "claim", those that
cite it only for a source's version of a disputed fact. It reads the model through `relmap export`, so it
sees the model exactly as relmap does. CoverageTableTests fails when the column is out of date.
"""
import json
import re
import subprocess
import sys

TABLE = "docs/coverage.md"
ROW = re.compile(r"^\| (\d+) \| (.*?) \| (.*?) \| (.*) \|$")
SECTION = re.compile(r"^## `([a-z0-9-]+)`")


def citations(model):
    """(source, paragraph) -> relation ids in id order, each with whether it is cited only in claims."""
    cited = {}
    for relation in model["relations"]:
        for pointer in relation["evidence"]:
            cited.setdefault((pointer["source"], pointer["paragraph"]), {})[relation["id"]] = False
        for claim in relation["claims"]:
            for pointer in claim["evidence"]:
                cited.setdefault((pointer["source"], pointer["paragraph"]), {}).setdefault(relation["id"], True)
    return cited


def cell(relations):
    if not relations:
        return "—"
    return ", ".join(f"`{rid}`" + (" (claim)" if only_claim else "") for rid, only_claim in sorted(relations.items()))


def main():
    relmap = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/relmap"
    model_path = sys.argv[2] if len(sys.argv) > 2 else "model"
    exported = subprocess.run([relmap, "export", model_path, "--format", "json"], check=True,
                              capture_output=True, text=True).stdout
    cited = citations(json.loads(exported))
    source = None
    lines = []
    for line in open(TABLE, encoding="utf-8").read().split("\n"):
        section = SECTION.match(line)
        if section:
            source = section.group(1)
        row = ROW.match(line)
        if row and source:
            number, what, _, note = row.groups()
            line = f"| {number} | {what} | {cell(cited.get((source, int(number)), {}))} | {note} |"
        lines.append(line)
    open(TABLE, "w", encoding="utf-8").write("\n".join(lines))


if __name__ == "__main__":
    main()
