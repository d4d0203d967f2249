#!/usr/bin/env python3
"""Peak memory against the number of findings (issue #22, item 3): every output format, for
files with a finding on every line and a large file with dense findings.

Inputs are generated into a temporary directory (never committed):

  a-lines-N   N lines of "a" (a repeated word on every line but the first), for each --a-lines
  dense       --dense-mb MB of short paragraphs, each with a misspelling (about one finding per
              110 bytes)

Each runs as a file in each --formats format, once per binary (--copydesk, and --before if
given). Printed: the child's peak RSS (os.wait4: the figure `/usr/bin/time -v` calls "Maximum
resident set size"), CPU time and the size of the report. It measures; it does not gate (exit 0
whatever the figures, 1 if a program could not be run). --max-findings skips runs of --before
that would have more findings than that (its memory grows with them: 10 million findings took
7 GB in jsonl and more in SARIF).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def write_dense(path: Path, megabytes: float) -> int:
    """Writes paragraphs with a misspelling each; returns how many were written."""
    paragraph = ("The council met on Monday and approved teh budget for the new year, "
                 "its chair said on Tuesday.\n\n")
    count = int(megabytes * 1e6 / len(paragraph))
    with path.open("w") as out:
        block = paragraph * 10_000
        for _ in range(count // 10_000):
            out.write(block)
        out.write(paragraph * (count % 10_000))
    return count


def run(command: list[str], output: Path) -> tuple[float, int, int]:
    """CPU seconds, peak RSS in MiB and exit code of one run; the report goes to `output`."""
    with output.open("wb") as out:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copydesk", type=Path, required=True, help="the copydesk binary")
    parser.add_argument("--before", type=Path, help="another binary to compare (e.g. main's)")
    parser.add_argument("--a-lines", default="1000000,3000000,10000000",
                        help="comma-separated line counts of the a-lines cases")
    parser.add_argument("--dense-mb", type=float, default=200, help="size of the dense case (MB); 0: none")
    parser.add_argument("--formats", default="jsonl,json,text,github,checkstyle,junit,sarif",
                        help="comma-separated output formats")
    parser.add_argument("--max-findings", type=int, default=3_000_000,
                        help="skip --before runs with more findings than this")
    args = parser.parse_args()
    binaries = [("after", args.copydesk)] + ([("before", args.before)] if args.before else [])
    with tempfile.TemporaryDirectory(prefix="copydesk-memory-") as folder:
        cases: list[tuple[str, Path, int]] = []
        for lines in (int(n) for n in args.a_lines.split(",") if n):
            path = Path(folder) / f"a-lines-{lines}.txt"
            with path.open("w") as out:
                for _ in range(lines // 1_000_000):
                    out.write("a\n" * 1_000_000)
                out.write("a\n" * (lines % 1_000_000))
            cases.append((f"a-lines {lines:,}", path, lines - 1))
        if args.dense_mb > 0:
            path = Path(folder) / "dense.txt"
            cases.append((f"dense {args.dense_mb:g} MB", path, write_dense(path, args.dense_mb)))
        report = Path(folder) / "report"
        print("| case | MB | findings | format | binary | peak MiB | CPU s | report MB |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for name, path, findings in cases:
            megabytes = path.stat().st_size / 1e6
            for form in args.formats.split(","):
                for label, binary in binaries:
                    if label == "before" and findings > args.max_findings:
                        continue
                    command = [str(binary), "--format", form, "--fail-on", "never", str(path)]
                    try:
                        cpu, peak, code = run(command, report)
                    except OSError as error:
                        print(f"cannot run {binary}: {error}", file=sys.stderr)
                        return 1
                    note = "" if code == 0 else f" (exit {code})"
                    size = report.stat().st_size / 1e6
                    print(f"| {name} | {megabytes:.0f} | {findings:,} | {form} | {label} "
                          f"| {peak}{note} | {cpu:.1f} | {size:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
