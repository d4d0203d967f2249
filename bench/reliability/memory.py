#!/usr/bin/env python3
"""Peak memory against the number of findings (issue #22, item 3): every output format, for
files with a finding on every line and a large file with dense findings.

Inputs are generated into a temporary directory (never committed):

  a-lines-N   N lines of "a" (a repeated word on every line but the first), for each --a-lines
  dense       --dense-mb MB of short paragraphs, each with a misspelling (about one finding per
              110 bytes)
  sparse      --sparse-mb MB of paragraphs with a repeated word every 5,000 (what the test that
              asserted a 100 MiB peak used to generate)
  html        --html-mb MB of an HTML page of paragraphs, a misspelling each (about one finding
              per 75 bytes); run as a file only, whatever --via says

Each runs in each --formats format, once per binary (--copydesk, and --before if given), and
once per --via: as a .txt file ("file"), through standard input ("stdin"), or as the same text
in a .md file ("md"). Printed: the child's peak RSS (os.wait4: the figure `/usr/bin/time -v` calls "Maximum
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


def write_sparse(path: Path, megabytes: float) -> int:
    """Writes paragraphs with a repeated word every 5,000; returns how many were planted."""
    paragraph = ("The council met on Monday and approved a budget for the new year, its chair "
                 "said.\n\n")
    faulty = "Residents welcomed the the decision.\n\n"
    block = faulty + paragraph * 4999
    count = max(1, int(megabytes * 1e6 / len(block)))
    with path.open("w") as out:
        for _ in range(count):
            out.write(block)
    return count


def write_html(path: Path, megabytes: float) -> int:
    """Writes a page of paragraphs with a misspelling each; returns how many were written."""
    paragraph = "<p>The council met on Monday and approved teh budget for the new year.</p>\n"
    count = int(megabytes * 1e6 / len(paragraph))
    with path.open("w") as out:
        out.write("<!DOCTYPE html>\n<html><head><title>Budget</title></head><body>\n")
        block = paragraph * 10_000
        for _ in range(count // 10_000):
            out.write(block)
        out.write(paragraph * (count % 10_000))
        out.write("</body></html>\n")
    return count


def run(command: list[str], output: Path, stdin: Path | None) -> tuple[float, int, int]:
    """CPU seconds, peak RSS in MiB and exit code of one run; the report goes to `output`."""
    with output.open("wb") as out, (stdin.open("rb") if stdin else open(os.devnull, "rb")) as data:
        process = subprocess.Popen(command, stdin=data, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copydesk", type=Path, required=True, help="the copydesk binary")
    parser.add_argument("--before", type=Path, help="another binary to compare (e.g. main's)")
    parser.add_argument("--a-lines", default="1000000,3000000,10000000",
                        help="comma-separated line counts of the a-lines cases")
    parser.add_argument("--dense-mb", type=float, default=200, help="size of the dense case (MB); 0: none")
    parser.add_argument("--sparse-mb", type=float, default=0, help="size of the sparse case (MB); 0: none")
    parser.add_argument("--html-mb", type=float, default=0, help="size of the HTML case (MB); 0: none")
    parser.add_argument("--via", default="file", help="comma-separated: file, stdin, md")
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
        if args.sparse_mb > 0:
            path = Path(folder) / "sparse.txt"
            cases.append((f"sparse {args.sparse_mb:g} MB", path, write_sparse(path, args.sparse_mb)))
        if args.html_mb > 0:
            path = Path(folder) / "page.html"
            cases.append((f"html {args.html_mb:g} MB", path, write_html(path, args.html_mb)))
        report = Path(folder) / "report"
        print("| case | MB | findings | via | format | binary | peak MiB | CPU s | report MB |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for name, path, findings in cases:
            megabytes = path.stat().st_size / 1e6
            for via in ["file"] if path.suffix == ".html" else args.via.split(","):
                markdown = path.with_suffix(".md")
                if via == "md":
                    markdown.unlink(missing_ok=True)
                    markdown.symlink_to(path)
                for form in args.formats.split(","):
                    for label, binary in binaries:
                        if label == "before" and findings > args.max_findings:
                            continue
                        command = [str(binary), "--format", form, "--fail-on", "never"]
                        command += ["-"] if via == "stdin" else [str(markdown if via == "md" else path)]
                        try:
                            cpu, peak, code = run(command, report, path if via == "stdin" else None)
                        except OSError as error:
                            print(f"cannot run {binary}: {error}", file=sys.stderr)
                            return 1
                        note = "" if code == 0 else f" (exit {code})"
                        size = report.stat().st_size / 1e6
                        print(f"| {name} | {megabytes:.0f} | {findings:,} | {via} | {form} | {label} "
                              f"| {peak}{note} | {cpu:.1f} | {size:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
