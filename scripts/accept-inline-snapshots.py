#!/usr/bin/env python3
"""Writes insta's pending inline snapshots (tests/.X.rs.pending-snap, made by
`INSTA_UPDATE=always cargo nextest run ...`) into the test sources, for machines without
`cargo insta`. Review the diff (`git diff tests/`) before committing."""
import json, pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent
for pending in sorted(root.glob("tests/.*.pending-snap")):
    latest = {}
    for line in pending.read_text().splitlines():
        if line.strip():
            entry = json.loads(line)
            if entry.get("new"):
                latest[entry["line"]] = entry["new"]["snapshot"]
    source = pending.parent / pending.name[1 : -len(".pending-snap")]
    lines = source.read_text().split("\n")
    text = "\n".join(lines)
    # Replace from the bottom so earlier offsets stay valid.
    for at in sorted(latest, reverse=True):
        start = sum(len(l) + 1 for l in lines[: at - 1])
        m = re.compile(r'@(r#*)?"', re.S).search(text, start)
        old = (m.group(1) or "r")[1:]
        close = text.index('"' + old, m.end()) + 1 + len(old)
        # Indented as the assertion is (insta strips the common indentation).
        indent = " " * (len(lines[at - 1]) - len(lines[at - 1].lstrip()))
        body = "\n".join(indent + l if l else l for l in latest[at].split("\n"))
        hashes = old
        while '"' + hashes in body:
            hashes += "#"
        literal = f'@r{hashes}"\n{body}\n{indent}"{hashes}'
        text = text[: m.start()] + literal + text[close:]
        lines = text.split("\n")
    source.write_text(text)
    pending.unlink()
    print(f"{source.relative_to(root)}: {len(latest)} snapshot(s) written")
