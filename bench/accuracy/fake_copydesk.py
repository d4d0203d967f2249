#!/usr/bin/env python3
"""A stand-in for copydesk, for testing the benchmark's plumbing and scoring only.

It speaks copydesk's command-line and JSON Lines contract with a few crude regular expressions;
its findings mean nothing about copydesk's accuracy.
"""

import json
import re
import sys
from pathlib import Path

DETECTORS = (
    ("repeated-word", re.compile(r"\b(\w+) (\1)\b"), 2),
    ("missing-space-after-punctuation", re.compile(r"[a-z]([,.;:?!])[A-Za-z]"), 1),
    ("wrong-indefinite-article", re.compile(r"\b(a) [aeiou]|\b(an) [b-df-hj-np-tv-z]"), 0),
    ("lowercase-sentence-start", re.compile(r"[.?!] ([a-z]+)"), 1),
    ("confused-word", re.compile(r"\b(?:more|less|better|rather) (then)\b|\b(its) own\b"), 0),
    ("misspelled-word", re.compile(r"\b(teh|recieve|wrod)\b"), 1),
)


def findings(path: Path):
    text = path.read_text(encoding="utf-8")
    for rule, pattern, group in DETECTORS:
        for m in pattern.finditer(text):
            g = group or next(i for i in range(1, len(m.groups()) + 1) if m.group(i))
            b, e = m.span(g)
            start, end = len(text[:b].encode()), len(text[:e].encode())
            yield {"path": str(path), "rule": rule, "severity": "warning", "message": rule,
                   "start": {"line": 1, "column": b + 1, "offset": start, "utf16": b},
                   "end": {"line": 1, "column": e + 1, "offset": end, "utf16": e},
                   "text": m.group(g), "suggestions": []}


def main(argv):
    if argv[:1] == ["--list-rules"]:
        print("\n".join(sorted(rule for rule, _, _ in DETECTORS)))
        return 0
    if argv[:1] == ["--explain"]:
        print("confused-word: flags then/than and its/it's.")
        return 0
    paths, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--format", "--lang", "--fail-on"):
            skip = True
        else:
            paths.append(Path(arg))
    files = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.suffix in (".txt", ".md", ".markdown"))
        elif p.is_file():
            files.append(p)
        else:
            print(f"error: {p}: no such file", file=sys.stderr)
            return 2
    for f in files:
        for finding in findings(f):
            print(json.dumps(finding))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
