#!/usr/bin/env python3
"""Accuracy benchmark for copydesk: precision and recall of each rule on three kinds of text.

  news          clean, professionally edited articles: every finding is a probable false alarm
  languagetool  LanguageTool's labelled example sentences (incorrect and correct)
  synthetic     clean news paragraphs with one planted error each (see plant.py)

It measures and never gates: it exits 0 whatever the figures, 1 if copydesk could not be run,
and 2 on bad arguments or missing paths. See bench/accuracy/README.md.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import plant  # noqa: E402  (sibling module)
import spelling  # noqa: E402  (sibling module: issue 17's spelling measurements)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from readme_block import replace_block  # noqa: E402  (bench/readme_block.py)

RULES = (
    "misspelled-word",
    "confused-word",
    "missing-space-after-punctuation",
    "lowercase-sentence-start",
    "wrong-indefinite-article",
    "repeated-word",
)

KIND_TO_RULE = {
    "article": "wrong-indefinite-article",
    "confusable": "confused-word",
    "missing_space": "missing-space-after-punctuation",
    "sentence_case": "lowercase-sentence-start",
    "spelling": "misspelled-word",
    "repeated_word": "repeated-word",
}
RULE_TO_FAMILY = {rule: kind for kind, rule in KIND_TO_RULE.items()}

# Targets. News: findings per 10,000 words of clean text (at most). LanguageTool: recall on
# incorrect sentences (at least) and share of correct sentences flagged (at most). Synthetic:
# recall on planted errors (at least); the brief sets none for repeated-word, so it shares the
# 0.95 of the other mechanical rules.
NEWS_MAX_PER_10K = {rule: 1.0 for rule in RULES} | {"misspelled-word": 5.0}
LT_MIN_RECALL = 0.85
LT_MAX_CORRECT_FLAGGED = 0.01
SYNTHETIC_MIN_RECALL = {rule: 0.95 for rule in RULES} | {"confused-word": 0.90}

LINTED_SUFFIXES = (".txt", ".md", ".markdown")
README_BEGIN = "<!-- accuracy:begin -->"
README_END = "<!-- accuracy:end -->"
COPYDESK_TIMEOUT_S = 3600


class CopydeskError(RuntimeError):
    """copydesk could not be run, or answered with something that is not a measurement."""


# --- findings ---------------------------------------------------------------------------------

@dataclass
class Finding:
    path: str
    rule: str
    start: int
    end: int
    text: str = ""
    message: str = ""
    line: int = 0
    column: int = 0
    suggestions: list = field(default_factory=list)


def _offset(position) -> int:
    return int(position["offset"]) if isinstance(position, dict) else int(position)


def parse_findings(stdout: str) -> tuple[list[Finding], int]:
    """Findings from copydesk's JSON Lines output, and the number of lines that were not one."""
    findings, bad = [], 0
    for line in stdout.splitlines():
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            start = obj["start"]
            findings.append(Finding(
                path=str(obj["path"]), rule=str(obj["rule"]), start=_offset(start),
                end=_offset(obj["end"]), text=str(obj.get("text") or ""),
                message=str(obj.get("message") or ""),
                line=int(start.get("line", 0)) if isinstance(start, dict) else 0,
                column=int(start.get("column", 0)) if isinstance(start, dict) else 0,
                suggestions=[str(x) for x in obj.get("suggestions") or []]))
        except (ValueError, KeyError, TypeError):
            bad += 1
    return findings, bad


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Whether two half-open byte spans share a byte; an empty span is a point that overlaps a
    span containing it or touching its edge (an insertion point between two characters)."""
    if a0 == a1:
        return b0 <= a0 <= b1
    if b0 == b1:
        return a0 <= b0 <= a1
    return max(a0, b0) < min(a1, b1)


def run_copydesk(binary: str, lang: str, paths: list[str]) -> list[Finding]:
    cmd = [binary, "--format", "jsonl", "--lang", lang, "--fail-on", "never", *paths]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=COPYDESK_TIMEOUT_S, check=False)
    except OSError as err:
        raise CopydeskError(f"cannot run {binary}: {err}") from err
    except subprocess.TimeoutExpired as err:
        raise CopydeskError(f"{binary} took longer than {COPYDESK_TIMEOUT_S} s") from err
    if proc.returncode not in (0, 1):
        tail = "\n".join(proc.stderr.strip().splitlines()[-10:])
        raise CopydeskError(f"{binary} exited with {proc.returncode}:\n{tail}")
    findings, bad = parse_findings(proc.stdout)
    if bad:
        print(f"warning: {bad} output lines of copydesk were not findings", file=sys.stderr)
    return findings


class PathIndex:
    """Maps the paths copydesk reports back to the files we wrote or chose."""

    def __init__(self, paths):
        self.exact = {os.path.realpath(p): p for p in paths}
        self.tail: dict[tuple[str, ...], str | None] = {}
        for p in paths:
            key = Path(p).parts[-2:]
            self.tail[key] = None if key in self.tail else p  # None marks an ambiguous tail

    def lookup(self, reported: str):
        hit = self.exact.get(os.path.realpath(reported))
        return hit if hit is not None else self.tail.get(Path(reported).parts[-2:])


def group_by_file(findings: list[Finding], index: PathIndex) -> tuple[dict, int]:
    grouped: dict = collections.defaultdict(list)
    unknown = 0
    for f in findings:
        key = index.lookup(f.path)
        if key is None:
            unknown += 1
        else:
            grouped[key].append(f)
    return grouped, unknown


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


# --- tables -----------------------------------------------------------------------------------

def fmt(value, digits: int = 2) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def render(headers: list[str], rows: list[list], markdown: bool = False) -> str:
    cells = [[fmt(c) for c in row] for row in rows]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |",
                 "| " + " | ".join("---" if i == 0 else "---:" for i in range(len(headers))) + " |"]
        lines += ["| " + " | ".join(r) + " |" for r in cells]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]

    def line(row):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells])


def section(title: str) -> None:
    print(f"\n== {title} ==")


def context(data: bytes, start: int, end: int, width: int = 40) -> str:
    left = data[max(0, start - width):start].decode("utf-8", "replace")
    mid = data[start:end].decode("utf-8", "replace")
    right = data[end:end + width].decode("utf-8", "replace")
    return " ".join(f"{left}[[{mid}]]{right}".split())


# --- news (clean text) ------------------------------------------------------------------------

@dataclass
class NewsResult:
    files: int
    words: int
    counts: collections.Counter
    top: dict[str, collections.Counter]

    def per_10k(self, rule: str) -> float | None:
        return ratio(10_000 * self.counts[rule], self.words)


def news_files(news_dir: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in news_dir.rglob("*.txt") if p.is_file())
    if limit is not None and limit < len(files):
        # Evenly spaced, so that a small sample still covers every category.
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def alarm_key(f: Finding, data: bytes) -> str:
    """What a news finding is about, for counting repeats: its text, or for punctuation and
    empty spans the whitespace-delimited token around it ("CD:UK", "Zafi.D")."""
    text = f.text or data[f.start:f.end].decode("utf-8", "replace")
    if not any(c.isalpha() for c in text):
        begin, end = f.start, max(f.end, f.start + 1)
        while begin > 0 and f.start - begin < 30 and not data[begin - 1:begin].isspace():
            begin -= 1
        while end < len(data) and end - f.end < 30 and not data[end:end + 1].isspace():
            end += 1
        text = data[begin:end].decode("utf-8", "replace")
    return " ".join(text.split())


def run_news(args) -> NewsResult:
    files = news_files(args.news, args.limit_news)
    if not files:
        raise CopydeskError(f"no *.txt files under {args.news}")
    texts = {str(p): p.read_bytes() for p in files}
    words = sum(len(b.decode("utf-8", "replace").split()) for b in texts.values())
    # A full run lints the directory, as users do; a sample names its files.
    target = [str(args.news)] if args.limit_news is None else [str(p) for p in files]
    findings = run_copydesk(args.copydesk, "en_GB", target)
    by_file, unknown = group_by_file(findings, PathIndex(list(texts)))

    counts: collections.Counter = collections.Counter()
    top: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    located = []
    for path, found in by_file.items():
        for f in found:
            counts[f.rule] += 1
            top[f.rule][alarm_key(f, texts[path])] += 1
            located.append((path, f))
    result = NewsResult(len(files), words, counts, top)

    section(f"news: clean text ({result.files} files, {result.words:,} words, en_GB)")
    if unknown:
        print(f"note: {unknown} findings in files other than the corpus's *.txt were ignored")
    rules = list(RULES) + sorted(set(counts) - set(RULES))
    rows = []
    for rule in rules:
        limit = NEWS_MAX_PER_10K.get(rule)
        rate = result.per_10k(rule)
        verdict = "n/a" if limit is None else judged(rule, args, [(rate, limit, False)])
        rows.append([rule, counts[rule], rate, limit, verdict])
    print(render(["rule", "findings", "per 10k words", "target <=", "verdict"], rows))

    if args.top:
        for rule in rules:
            if top[rule]:
                print(f"\nmost frequent findings of {rule} (probable false alarms):")
                print(render(["text", "count"], [[k, n] for k, n in top[rule].most_common(args.top)]))
    if args.sample:
        rng = random.Random(args.seed)
        for rule in rules:
            mine = sorted(((p, f) for p, f in located if f.rule == rule),
                          key=lambda pf: (pf[0], pf[1].start))
            if not mine:
                continue
            print(f"\nsample findings of {rule}:")
            for path, f in rng.sample(mine, min(args.sample, len(mine))):
                rel = os.path.relpath(path, args.news)
                print(f"  {rel}:{f.line}:{f.column}: {f.message}")
                print(f"      {context(texts[path], f.start, f.end)}")
    return result


# --- LanguageTool examples --------------------------------------------------------------------

@dataclass
class FamilyScore:
    incorrect: int = 0
    errors: int = 0
    found: int = 0
    matched_findings: int = 0
    stray_findings: int = 0
    correct: int = 0
    correct_flagged: int = 0
    skipped: int = 0
    misses: list = field(default_factory=list)
    false_flags: list = field(default_factory=list)

    @property
    def recall(self):
        return ratio(self.found, self.errors)

    @property
    def precision(self):
        return ratio(self.matched_findings, self.matched_findings + self.stray_findings)

    @property
    def correct_rate(self):
        return ratio(self.correct_flagged, self.correct)


def record_lang(record: dict) -> str:
    return "en_GB" if record.get("variant") == "en-GB" else "en_US"


def load_records(path: Path) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                raise ValueError(f"{path}:{number}: not JSON: {err}") from err
            if not isinstance(record, dict) or not {"text", "family"} <= record.keys():
                raise ValueError(f"{path}:{number}: a record needs `text` and `family`")
            records.append(record)
    return records


def score_record(record: dict, findings: list[Finding], score: FamilyScore,
                 pair_stats: collections.Counter | None = None, covered=None) -> None:
    """Adds one labelled record to its family's score (the data model is in README.md)."""
    rule = KIND_TO_RULE.get(record["family"])
    mine = [f for f in findings if f.rule == rule]
    errors = record.get("errors")
    if errors is None:
        score.skipped += 1
        return
    if not errors:
        score.correct += 1
        if mine:
            score.correct_flagged += 1
            score.false_flags.append((record, mine))
        return
    score.incorrect += 1
    for error in errors:
        error_rule = KIND_TO_RULE.get(error.get("kind"), rule)
        hit = any(f.rule == error_rule and overlaps(f.start, f.end, error["start"], error["end"])
                  for f in findings)
        score.errors += 1
        score.found += hit
        if not hit:
            score.misses.append((record, error))
        if pair_stats is not None and error.get("pair"):
            pair = error["pair"].lower().replace("’", "'")
            pair_stats[(pair, "errors")] += 1
            pair_stats[(pair, "found")] += hit
            if covered is not None and pair_covered(pair, covered):
                pair_stats[("*covered*", "errors")] += 1
                pair_stats[("*covered*", "found")] += hit
    for f in mine:
        if any(overlaps(f.start, f.end, e["start"], e["end"]) for e in errors):
            score.matched_findings += 1
        else:
            score.stray_findings += 1


def parse_confusion_sets(text: str) -> list[set[str]] | None:
    """Confusion sets listed in free text: `then/than`, `its -> it's`, `affect <-> effect`,
    `lose vs loose`. None when the text lists none."""
    word = r"[A-Za-z][A-Za-z'’]*"
    # A rule doc's "Pairs covered" section, when there is one, is the list; elsewhere in the
    # doc a slash can mean anything ("and/or").
    listed = re.search(r"pairs covered.*?(?=\n#|\Z)", text, re.IGNORECASE | re.DOTALL)
    if listed:
        text = listed.group(0)
    sets = []
    for m in re.finditer(rf"{word}(?:\s*/\s*{word})+", text):
        sets.append({w.lower().replace("’", "'") for w in re.split(r"\s*/\s*", m.group(0))})
    for m in re.finditer(rf"({word})\s*(?:<->|<=>|↔|->|→|=>|\bvs\.?)\s*({word})", text):
        sets.append({m.group(1).lower().replace("’", "'"), m.group(2).lower().replace("’", "'")})
    sets = [s for s in sets if len(s) >= 2]
    return sets or None


def pair_covered(pair: str, sets: list[set[str]]) -> bool:
    a, _, b = pair.partition("->")
    return any(a in s and b in s for s in sets)


def available_rules(binary: str) -> set[str] | None:
    """Rule ids the binary lists with --list-rules (None if it cannot say)."""
    try:
        proc = subprocess.run([binary, "--list-rules"], capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    rules = set(re.findall(r"^([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\b", proc.stdout, re.MULTILINE))
    return rules if proc.returncode == 0 and rules else None


def judged(rule: str, args, checks) -> str:
    """The verdict for a rule, or `absent` when the binary does not have the rule yet."""
    if args.rules is not None and rule not in args.rules:
        return "absent"
    return verdict_of(checks)


def confusion_sets_from(args) -> tuple[list[set[str]] | None, str]:
    if args.pairs:
        return parse_confusion_sets(args.pairs.read_text(encoding="utf-8")), str(args.pairs)
    try:
        proc = subprocess.run([args.copydesk, "--explain", "confused-word"], capture_output=True,
                              text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None, "unavailable"
    if proc.returncode != 0:
        return None, "unavailable"
    return parse_confusion_sets(proc.stdout), "copydesk --explain confused-word"


def run_languagetool(args, workdir: Path, confusion_sets) -> dict[str, FamilyScore]:
    records = load_records(args.languagetool)
    paths: dict[str, int] = {}
    by_lang: dict[str, Path] = {}
    for i, record in enumerate(records):
        lang = record_lang(record)
        folder = by_lang.setdefault(lang, workdir / "languagetool" / lang)
        folder.mkdir(parents=True, exist_ok=True)
        suffix = ".md" if record.get("format") == "markdown" else ".txt"
        path = folder / f"{i:05d}{suffix}"
        path.write_bytes(record["text"].encode("utf-8"))
        paths[str(path)] = i
    findings = []
    for lang, folder in sorted(by_lang.items()):
        findings += run_copydesk(args.copydesk, lang, [str(folder)])
    by_file, unknown = group_by_file(findings, PathIndex(list(paths)))
    per_record = {paths[p]: fs for p, fs in by_file.items()}

    scores = {kind: FamilyScore() for kind in KIND_TO_RULE}
    pair_stats: collections.Counter = collections.Counter()
    for i, record in enumerate(records):
        family = record["family"]
        if family not in scores:
            continue
        score_record(record, per_record.get(i, []), scores[family],
                     pair_stats if family == "confusable" else None, confusion_sets)

    section(f"languagetool: labelled examples ({len(records)} records)")
    if unknown:
        print(f"note: {unknown} findings in unexpected files were ignored")
    rows = []
    for kind, s in scores.items():
        verdict = judged(KIND_TO_RULE[kind], args, [(s.recall, LT_MIN_RECALL, True),
                                                    (s.correct_rate, LT_MAX_CORRECT_FLAGGED,
                                                     False)])
        rows.append([kind, KIND_TO_RULE[kind], s.found, s.errors - s.found, s.stray_findings,
                     s.precision, s.recall, f"{s.correct_flagged}/{s.correct}", s.correct_rate,
                     verdict])
    print(render(["family", "rule", "TP", "FN", "FP", "precision", "recall", "flagged correct",
                  "rate", "verdict"], rows))
    print(f"targets: recall >= {LT_MIN_RECALL}, correct sentences flagged <= "
          f"{LT_MAX_CORRECT_FLAGGED:.0%}. TP/FN count labelled errors; FP counts findings of the "
          f"family's rule that overlap no label; precision = findings on a label / all findings.")
    skipped = sum(s.skipped for s in scores.values())
    if skipped:
        print(f"skipped {skipped} records without error positions")

    pairs = sorted({p for p, k in pair_stats if p != "*covered*"},
                   key=lambda p: (-pair_stats[(p, "errors")], p))
    rows = [[p, pair_stats[(p, "errors")], pair_stats[(p, "found")],
             ratio(pair_stats[(p, "found")], pair_stats[(p, "errors")]),
             "n/a" if confusion_sets is None else ("yes" if pair_covered(p, confusion_sets) else "no")]
            for p in pairs[:20]]
    print("\nconfusable pairs (top 20 by number of labelled errors):")
    print(render(["pair", "errors", "found", "recall", "rule covers"], rows))
    if confusion_sets is None:
        print("the confused-word rule's pairs are unknown (pass --pairs FILE, or have "
              "`copydesk --explain confused-word` list them as a/b); recall is over all pairs")
    else:
        covered_errors = pair_stats[("*covered*", "errors")]
        print(f"recall on pairs the rule covers ({len(confusion_sets)} sets): "
              f"{pair_stats[('*covered*', 'found')]}/{covered_errors} = "
              f"{fmt(ratio(pair_stats[('*covered*', 'found')], covered_errors))}")
    if args.misses:
        for kind, s in scores.items():
            for record, error in s.misses[:args.misses]:
                data = record["text"].encode("utf-8")
                print(f"  missed {kind}: {context(data, error['start'], error['end'])}")
            for record, found in s.false_flags[:args.misses]:
                data = record["text"].encode("utf-8")
                print(f"  flagged correct {kind}: {context(data, found[0].start, found[0].end)}")
    return scores


# --- synthetic planted errors -----------------------------------------------------------------

@dataclass
class PlantScore:
    planted: int = 0
    found: int = 0
    stray_findings: int = 0
    matched_findings: int = 0
    by_subtype: collections.Counter = field(default_factory=collections.Counter)
    misses: list = field(default_factory=list)

    @property
    def recall(self):
        return ratio(self.found, self.planted)

    @property
    def precision(self):
        return ratio(self.matched_findings, self.matched_findings + self.stray_findings)


def score_plant(p: plant.Plant, findings: list[Finding], score: PlantScore) -> None:
    mine = [f for f in findings if f.rule == p.rule]
    hits = [f for f in mine if overlaps(f.start, f.end, p.start, p.end)]
    score.planted += 1
    score.found += bool(hits)
    score.matched_findings += len(hits)
    score.stray_findings += len(mine) - len(hits)
    score.by_subtype[(p.subtype, "planted")] += 1
    score.by_subtype[(p.subtype, "found")] += bool(hits)
    if not hits:
        score.misses.append(p)


def run_synthetic(args, workdir: Path, confusion_sets) -> dict[str, PlantScore]:
    plants = plant.generate(args.news, args.synthetic_n, args.seed, hunspell=args.hunspell,
                            confusion_sets=confusion_sets)
    folder = workdir / "synthetic"
    paths: dict[str, plant.Plant] = {}
    for i, p in enumerate(plants):
        sub = folder / p.rule
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{i:05d}.txt"
        path.write_bytes(p.text.encode("utf-8"))
        paths[str(path)] = p
    findings = run_copydesk(args.copydesk, "en_GB", [str(folder)])
    by_file, _ = group_by_file(findings, PathIndex(list(paths)))

    scores = {rule: PlantScore() for rule in plant.CLASSES}
    for path, p in paths.items():
        score_plant(p, by_file.get(path, []), scores[p.rule])

    section(f"synthetic: one planted error per news paragraph (seed {args.seed}, en_GB)")
    rows = []
    for rule, s in scores.items():
        target = SYNTHETIC_MIN_RECALL[rule]
        verdict = judged(rule, args, [(s.recall, target, True)])
        rows.append([rule, s.planted, s.found, s.planted - s.found, s.stray_findings,
                     s.precision, s.recall, target, verdict])
    print(render(["rule", "planted", "TP", "FN", "FP", "precision", "recall", "target >=",
                  "verdict"], rows))
    print("FP counts findings of the planted rule elsewhere in the same paragraph.")
    rows = []
    for rule, s in scores.items():
        for subtype in sorted({k for k, _ in s.by_subtype}):
            n, hit = s.by_subtype[(subtype, "planted")], s.by_subtype[(subtype, "found")]
            rows.append([rule, subtype, n, hit, ratio(hit, n)])
    print("\nrecall by kind of planted error:")
    print(render(["rule", "kind", "planted", "found", "recall"], rows))
    if args.misses:
        for rule, s in scores.items():
            for p in s.misses[:args.misses]:
                data = p.text.encode("utf-8")
                print(f"  missed {rule} ({p.subtype}, was {p.original!r}): "
                      f"{context(data, p.start, p.end)}")
    return scores


# --- summary ----------------------------------------------------------------------------------

def verdict_of(checks) -> str:
    """PASS/FAIL over (value, target, at_least) checks; n/a when nothing was measured."""
    measured = [(v, t, up) for v, t, up in checks if v is not None]
    if not measured:
        return "n/a"
    return "PASS" if all((v >= t) if up else (v <= t) for v, t, up in measured) else "FAIL"


def summary_rows(args, news, lt, synthetic) -> list[list]:
    rows = []
    for rule in RULES:
        if args.rules is not None and rule not in args.rules:
            rows.append([rule, None, None, None, None, "absent"])
            continue
        family = RULE_TO_FAMILY[rule]
        per_10k = news.per_10k(rule) if news else None
        lt_score = lt[family] if lt else None
        recall = lt_score.recall if lt_score else None
        flagged = lt_score.correct_rate if lt_score else None
        synth = synthetic[rule].recall if synthetic else None
        verdict = judged(rule, args, [(per_10k, NEWS_MAX_PER_10K[rule], False),
                                      (recall, LT_MIN_RECALL, True),
                                      (flagged, LT_MAX_CORRECT_FLAGGED, False),
                                      (synth, SYNTHETIC_MIN_RECALL[rule], True)])
        # The count as well as the rate: one sentence in 276 rounds to "0.00".
        flagged_cell = (f"{lt_score.correct_flagged}/{lt_score.correct} ({flagged:.2f})"
                        if lt_score and flagged is not None else None)
        rows.append([rule, per_10k, recall, flagged_cell, synth, verdict])
    return rows


SUMMARY_HEADERS = ["rule", "news per 10k words", "LT recall", "LT correct flagged",
                   "synthetic recall", "verdict"]


def targets_line() -> str:
    return ("targets: news <= 1 per 10k words (misspelled-word <= 5); LanguageTool recall >= "
            f"{LT_MIN_RECALL} and correct sentences flagged <= {LT_MAX_CORRECT_FLAGGED:.0%}; "
            "synthetic recall >= 0.95 (confused-word >= 0.90)")


def update_readme(readme: Path, rows: list[list], news) -> None:
    when = datetime.date.today().isoformat()
    words = f" over {news.words:,} words of news" if news else ""
    block = [render(SUMMARY_HEADERS, rows, markdown=True), "",
             f"Measured on {when}{words} by `bench/accuracy/accuracy.py`; "
             + targets_line() + "."]
    if replace_block(readme, README_BEGIN, README_END, block):
        print(f"updated the accuracy table in {readme}")


# --- command line -----------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copydesk", required=True, help="the copydesk binary")
    parser.add_argument("--languagetool", type=Path, help="languagetool.jsonl")
    parser.add_argument("--news", type=Path, help="news corpus directory (*.txt, recursively)")
    parser.add_argument("--readme", type=Path,
                        help="rewrite the block between accuracy markers in this file")
    parser.add_argument("--ewt", type=Path,
                        help="EWT's test split (en_ewt-ud-test.conllu): spelling measurements "
                             "on its text and its annotated typos (see spelling.py)")
    parser.add_argument("--spelling-n", type=int, default=300, metavar="N",
                        help="planted spelling slips per kind and text (300)")
    parser.add_argument("--only", choices=("news", "languagetool", "synthetic", "spelling"),
                        help="run one source only (the README is then left alone)")
    parser.add_argument("--limit-news", type=int, metavar="N",
                        help="lint only N evenly spaced news files (quick runs)")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="print N random news findings per rule, with context")
    parser.add_argument("--top", type=int, default=10, metavar="N",
                        help="list the N most frequent news findings per rule (10; 0: none)")
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="print up to N missed errors per family / planted class")
    parser.add_argument("--seed", type=int, default=1, help="seed for planting and sampling")
    parser.add_argument("--synthetic-n", type=int, default=300, metavar="N",
                        help="planted errors per class (300)")
    parser.add_argument("--pairs", type=Path,
                        help="confusion sets of the confused-word rule (a/b per line); default: "
                             "parsed from `copydesk --explain confused-word`")
    parser.add_argument("--hunspell", default="hunspell", help="hunspell CLI (checks typos)")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON here")
    parser.add_argument("--keep-temp", action="store_true", help="keep the temporary files")
    args = parser.parse_args(argv)

    sources = [args.only] if args.only else ["news", "languagetool", "synthetic", "spelling"]
    if args.ewt is None and not args.only:
        sources.remove("spelling")
    copydesk = shutil.which(args.copydesk) if os.sep not in args.copydesk else args.copydesk
    if not copydesk or not os.path.isfile(copydesk) or not os.access(copydesk, os.X_OK):
        parser.error(f"--copydesk: not an executable file: {args.copydesk} (build it first)")
    args.copydesk = os.path.abspath(copydesk)
    if "languagetool" in sources and (args.languagetool is None or not args.languagetool.is_file()):
        parser.error(f"--languagetool: no such file: {args.languagetool}")
    if {"news", "synthetic"} & set(sources) and (args.news is None or not args.news.is_dir()):
        parser.error(f"--news: no such directory: {args.news}")
    if args.readme is not None and not args.readme.is_file():
        parser.error(f"--readme: no such file: {args.readme}")
    if args.pairs is not None and not args.pairs.is_file():
        parser.error(f"--pairs: no such file: {args.pairs}")
    if "spelling" in sources and (args.ewt is None or not args.ewt.is_file()):
        parser.error(f"--ewt: no such file: {args.ewt}")
    if {"synthetic", "spelling"} & set(sources) and shutil.which(args.hunspell) is None:
        parser.error(f"--hunspell: {args.hunspell} not found (needed to check planted typos)")
    for name in ("limit_news", "synthetic_n", "spelling_n"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.sample < 0 or args.top < 0 or args.misses < 0:
        parser.error("--sample, --top and --misses must not be negative")
    args.sources = sources
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="copydesk-accuracy-"))
    news = lt = synthetic = None
    args.rules = available_rules(args.copydesk)
    missing = [r for r in RULES if args.rules is not None and r not in args.rules]
    if missing:
        print(f"note: this copydesk has no {', '.join(missing)} yet (verdict: absent)")
    try:
        confusion_sets, pairs_from = (None, "not needed")
        if {"languagetool", "synthetic"} & set(args.sources):
            confusion_sets, pairs_from = confusion_sets_from(args)
            print(f"confused-word pairs: {len(confusion_sets or [])} sets from {pairs_from}")
        if "news" in args.sources:
            news = run_news(args)
        if "languagetool" in args.sources:
            lt = run_languagetool(args, workdir, confusion_sets)
        if "synthetic" in args.sources:
            synthetic = run_synthetic(args, workdir, confusion_sets)
        if "spelling" in args.sources:
            spelling.run(args, workdir, run_copydesk,
                         lambda found, paths: group_by_file(found, PathIndex(list(paths)))[0])
    except CopydeskError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except (ValueError, RuntimeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    finally:
        if args.keep_temp:
            print(f"temporary files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    rows = summary_rows(args, news, lt, synthetic)
    section("summary")
    print(render(SUMMARY_HEADERS, rows))
    print(targets_line())
    if args.json:
        args.json.write_text(json.dumps([dict(zip(SUMMARY_HEADERS, r)) for r in rows], indent=2)
                             + "\n", encoding="utf-8")
    if args.readme:
        if args.only or args.limit_news:
            print(f"note: partial run (--only/--limit-news): {args.readme} left unchanged")
        else:
            update_readme(args.readme, rows, news)
    return 0


if __name__ == "__main__":
    sys.exit(main())
