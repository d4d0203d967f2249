#!/usr/bin/env python3
"""Language server benchmark: how long `copydesk lsp` takes to re-lint and publish after an edit.

Starts `copydesk lsp --debounce 0` (no waiting for quiet: the figure is the work, not the
debounce), opens an article of about 20 KB built by repeating ../shared/samples/seed-article.txt
(or --article FILE), then sends --edits incremental changes, each typing or deleting one
character in the middle of the text, and times each from writing the didChange to reading the
publishDiagnostics of that version. Prints the median, the 90th percentile and the worst, and
the server's resident memory before and after the edits (from /proc), which should stay flat.

A measurement, not a gate: exits 0 whatever the figures, 1 if the server misbehaves.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, binary: str) -> None:
        self.process = subprocess.Popen([binary, "lsp", "--debounce", "0"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message: dict) -> None:
        self.process.stdin.write(frame(message))
        self.process.stdin.flush()

    def read(self) -> dict:
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server ended its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method: str, params) -> dict:
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == ident and "method" not in message:
                return message

    def published(self, version: int) -> dict:
        while True:
            message = self.read()
            if (message.get("method") == "textDocument/publishDiagnostics"
                    and message["params"].get("version") == version):
                return message["params"]

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0


def article_text(path: Path, size: int) -> str:
    seed = path.read_text(encoding="utf-8")
    text = ""
    while len(text.encode()) < size:
        text += seed
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(REPO / "build" / "copydesk"))
    parser.add_argument("--article", type=Path,
                        default=REPO.parent / "shared" / "samples" / "seed-article.txt")
    parser.add_argument("--size", type=int, default=20_000, help="bytes of article (default 20000)")
    parser.add_argument("--edits", type=int, default=500)
    args = parser.parse_args()

    text = article_text(args.article, args.size)
    server = Server(args.binary)
    uri = "file:///tmp/copydesk-lsp-bench/article.txt"
    server.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                             "text": text}}})
    findings = len(server.published(1)["diagnostics"])
    rss_before = server.rss_kib()

    middle_line = text[: len(text) // 2].count("\n")
    times = []
    for edit in range(args.edits):
        version = edit + 2
        typing = edit % 2 == 0
        change = {"range": {"start": {"line": middle_line, "character": 0},
                            "end": {"line": middle_line, "character": 0 if typing else 1}},
                  "text": "x" if typing else ""}
        start = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version},
                                "contentChanges": [change]}})
        server.published(version)
        times.append((time.perf_counter() - start) * 1000)

    rss_after = server.rss_kib()
    server.request("shutdown", None)
    server.send({"jsonrpc": "2.0", "method": "exit"})
    code = server.process.wait(timeout=30)

    times.sort()
    print(f"article: {len(text.encode())} bytes, {text.count(chr(10))} lines, {findings} findings")
    print(f"re-lint + publish after one edit, {args.edits} edits: "
          f"median {statistics.median(times):.2f} ms, "
          f"p90 {times[int(len(times) * 0.9) - 1]:.2f} ms, worst {times[-1]:.2f} ms")
    print(f"server RSS: {rss_before / 1024:.1f} MiB after open, {rss_after / 1024:.1f} MiB after "
          f"the edits; exit code {code}")
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
