#!/usr/bin/env python3
"""Long lines and dense findings: the streamed path (a file over 256 KiB) against the whole-file
path (the same text after a suppression directive, which sends a file to it), by time and peak
memory.

Inputs are generated into a temporary directory (never committed):

  line-dense   one line of --mb MB with a misspelling every 490 bytes or so
  line-clean   one line of --mb MB without findings
  a-lines      --a-lines lines of "a": a finding on every line (memory grows with findings), in
               --a-lines-formats only

Each case runs as a file ("file"), through standard input ("stdin": streamed too since issue
#22, whole before) and as a file that starts with a directive ("whole": the whole-file path),
in each --formats format, once per binary (--copydesk, and --before if given). Printed: wall time, CPU time (user + system) and
the child's peak RSS from os.wait4. It measures; it does not gate (exit 0 whatever the figures,
1 if a program could not be run).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


# Disables a rule on the line after it, which has no repeated word: no finding changes (the
# directive itself is reported unused), but the file is linted whole.
WHOLE_DIRECTIVE = "copydesk-disable-next-line repeated-word\n"


def write_line(path: Path, megabytes: float, dense: bool, prefix: str = "") -> None:
    clean = ""
    while len(clean) < 480:
        clean += "The cat sat on the mat. "
    stretch = ("A teh cat. " if dense else "A new cat. ") + clean
    count = int(megabytes * 1e6 / len(stretch))
    # In blocks: a child forked from this process counts the parent's memory in its peak until
    # it executes copydesk, and a 50 MB string made it 109 MiB.
    with path.open("w") as out:
        out.write(prefix)
        for _ in range(count // 1000):
            out.write(stretch * 1000)
        out.write(stretch * (count % 1000))


def run(command: list[str], stdin_path: Path | None) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS in MiB and exit code of one run."""
    stdin = stdin_path.open("rb") if stdin_path else subprocess.DEVNULL
    start = time.monotonic()
    process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if stdin_path:
        stdin.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copydesk", type=Path, required=True, help="the copydesk binary")
    parser.add_argument("--before", type=Path, help="another binary to compare (e.g. main's)")
    parser.add_argument("--mb", type=float, default=50, help="size of the one-line files (MB)")
    parser.add_argument("--a-lines", type=int, default=3_000_000, help="lines of the a-lines case")
    parser.add_argument("--formats", default="jsonl", help="comma-separated output formats")
    # Memory grows with findings: SARIF takes about 6 KB a finding, so millions of them in
    # SARIF, JSON or XML would take the machine's memory.
    parser.add_argument("--a-lines-formats", default="jsonl,text",
                        help="the formats of the a-lines case")
    args = parser.parse_args()
    binaries = [("after", args.copydesk)] + ([("before", args.before)] if args.before else [])
    with tempfile.TemporaryDirectory(prefix="copydesk-long-lines-") as folder:
        cases = {"line-dense": Path(folder) / "line-dense.txt",
                 "line-clean": Path(folder) / "line-clean.txt",
                 "a-lines": Path(folder) / "a-lines.txt"}
        write_line(cases["line-dense"], args.mb, dense=True)
        write_line(cases["line-clean"], args.mb, dense=False)
        for name, dense in (("line-dense", True), ("line-clean", False)):
            write_line(Path(folder) / f"{name}-whole.txt", args.mb, dense, WHOLE_DIRECTIVE)
        with cases["a-lines"].open("w") as out:
            for _ in range(args.a_lines // 100_000):
                out.write("a\n" * 100_000)
            out.write("a\n" * (args.a_lines % 100_000))
        print("| case | MB | format | binary | input | wall s | CPU s | MB/s (CPU) | peak MiB |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for name, path in cases.items():
            megabytes = path.stat().st_size / 1e6
            formats = args.a_lines_formats if name == "a-lines" else args.formats
            for form in formats.split(","):
                for label, binary in binaries:
                    for via in ("file", "stdin", "whole"):
                        if via == "whole" and name == "a-lines":
                            continue
                        command = [str(binary), "--format", form, "--fail-on", "never"]
                        command.append({"file": str(path), "stdin": "-",
                                        "whole": str(Path(folder) / f"{name}-whole.txt")}[via])
                        try:
                            wall, cpu, peak, code = run(command, path if via == "stdin" else None)
                        except OSError as error:
                            print(f"cannot run {binary}: {error}", file=sys.stderr)
                            return 1
                        note = "" if code == 0 else f" (exit {code})"
                        print(f"| {name} | {megabytes:.0f} | {form} | {label} | {via} | {wall:.2f} "
                              f"| {cpu:.2f} | {megabytes / max(cpu, 1e-9):.1f} | {peak}{note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
