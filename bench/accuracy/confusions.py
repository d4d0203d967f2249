"""Confusion sets measured on text the rule was not tuned on.

Random planting: every member of each set is swapped for each other member at random places
(any context, not only the ones the rule knows), one swap per paragraph, in EWT's test split and
in the news set; recall is per set and overall (each set weighted by its plants). The same
text unplanted gives the alarm rate per 10,000 words. Real slips: EWT's annotated typos
(`Typo=Yes`, `CorrectForm=`) whose word and correction are members of one set.

    python3 bench/accuracy/confusions.py --copydesk build/copydesk \
        --ewt ../shared/corpora/ud-english-ewt --news ../shared/eval/news --sets linter/tools/confusion-sets.txt

Measuring only: nothing here is written into the repository.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy  # noqa: E402
import plant  # noqa: E402

RULE = "confused-word"
LANGS = {"ewt": "en_US", "news": "en_GB"}


@dataclass
class Plant:
    set_name: str
    original: str
    planted: str
    text: str
    start: int
    end: int


def read_sets(path: Path) -> list[list[str]]:
    sets = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            sets.append(line.split("/"))
    return sets


def ewt_paragraphs(folder: Path, split: str = "test") -> list[str]:
    """EWT's documents, one paragraph each, from the `# text =` lines."""
    docs: list[list[str]] = []
    for line in (folder / f"en_ewt-ud-{split}.conllu").read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc") or not docs:
            docs.append([])
        if line.startswith("# text = "):
            docs[-1].append(line[9:])
    return [" ".join(d) for d in docs if d]


def news_paragraphs(folder: Path) -> list[str]:
    return [p.text for p in plant.load_paragraphs(folder)]


def _like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def plants_for(paragraphs: list[str], sets: list[list[str]], per_pair: int,
               rng: random.Random) -> list[Plant]:
    """Up to `per_pair` swaps of each member for each other member, at random occurrences."""
    plants = []
    for members in sets:
        name = "/".join(members)
        for original in members:
            pattern = re.compile(r"(?<![\w'’-])(" + re.escape(original).replace("'", "['’]") +
                                 r")(?![\w'’-])", re.IGNORECASE)
            sites = []
            for index, text in enumerate(paragraphs):
                for m in pattern.finditer(text):
                    word = m.group(1)
                    # Lowercase, or capitalized at a sentence start: not a name or a headline.
                    if word.islower() or (word[0].isupper() and word[1:].islower() and
                                          (m.start() == 0 or text[:m.start()].rstrip()[-1:] in ".!?")):
                        sites.append((index, m.start(), m.end(), word))
            for replacement in members:
                if replacement == original or not sites:
                    continue
                for index, start, end, word in rng.sample(sites, min(per_pair, len(sites))):
                    text = paragraphs[index]
                    new = _like(replacement, word).replace("'", "’") if "’" in word else _like(replacement, word)
                    planted = text[:start] + new + text[end:]
                    b0 = len(planted[:start].encode("utf-8"))
                    plants.append(Plant(name, word, new, planted, b0, b0 + len(new.encode("utf-8"))))
    return plants


def run_files(binary: str, lang: str, texts: list[str], folder: Path) -> dict[str, list]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"{i:06d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    findings = []
    for chunk in range(0, len(paths), 2000):
        findings += accuracy.run_copydesk(binary, lang, paths[chunk:chunk + 2000])
    grouped, _ = accuracy.group_by_file([f for f in findings if f.rule == RULE], accuracy.PathIndex(paths))
    return {p: grouped.get(p, []) for p in paths}


def measure_planting(binary: str, name: str, paragraphs: list[str], sets, per_pair: int,
                     seed: int, workdir: Path, misses: int) -> dict:
    rng = random.Random(seed)
    plants = plants_for(paragraphs, sets, per_pair, rng)
    found = run_files(binary, LANGS[name], [p.text for p in plants], workdir / f"{name}-planted")
    per_set = collections.defaultdict(lambda: [0, 0, 0])  # caught, right suggestion, plants
    missed = []
    for plant_, findings in zip(plants, found.values()):
        hits = [f for f in findings if accuracy.overlaps(f.start, f.end, plant_.start, plant_.end)]
        per_set[plant_.set_name][2] += 1
        if hits:
            per_set[plant_.set_name][0] += 1
            per_set[plant_.set_name][1] += any(f"`{plant_.original}`".lower() in f.message.lower() for f in hits)
        else:
            missed.append(plant_)
    clean = run_files(binary, LANGS[name], paragraphs, workdir / f"{name}-clean")
    words = sum(len(t.split()) for t in paragraphs)
    alarms = [(path, f) for path, fs in clean.items() for f in fs]
    print(f"\n## {name}: random planting ({len(plants)} plants, seed {seed}, --lang {LANGS[name]})\n")
    print("| set | plants | caught | recall | right suggestion |")
    print("|---|---|---|---|---|")
    total = [0, 0, 0]
    for set_name, (caught, right, n) in sorted(per_set.items()):
        print(f"| {set_name} | {n} | {caught} | {caught / n:.2f} | {right} |")
        total = [total[0] + caught, total[1] + right, total[2] + n]
    print(f"| **all** | {total[2]} | {total[0]} | {total[0] / max(total[2], 1):.2f} | {total[1]} |")
    print(f"\nclean {name}: {len(alarms)} confused-word alarms in {words} words "
          f"({len(alarms) * 10000 / max(words, 1):.2f} per 10,000 words)")
    for path, f in alarms[:misses]:
        data = Path(path).read_bytes()
        print(f"  alarm: {accuracy.context(data, f.start, f.end)}  [{f.message}]")
    for p in rng.sample(missed, min(misses, len(missed))):
        b = p.text.encode("utf-8")
        print(f"  missed {p.original}->{p.planted}: {accuracy.context(b, p.start, p.end)}")
    return {"recall": total[0] / max(total[2], 1), "per_set": dict(per_set),
            "alarms_per_10k": len(alarms) * 10000 / max(words, 1)}


def ewt_slips(folder: Path, sets: list[list[str]]) -> list[tuple[str, str, str, int, int]]:
    """(split, sentence, correction, byte start, byte end) of each typo whose word and
    correction are members of one set."""
    member_set = {m: i for i, s in enumerate(sets) for m in s}
    slips = []
    for split in ("train", "dev", "test"):
        text, cursor, inside_until = "", 0, 0
        for line in (folder / f"en_ewt-ud-{split}.conllu").read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                text, cursor, inside_until = line[9:], 0, 0
                continue
            fields = line.split("\t")
            if len(fields) < 10 or "." in fields[0]:
                continue
            if "-" in fields[0]:
                inside_until = int(fields[0].split("-")[1])
            elif int(fields[0]) <= inside_until:
                continue  # a part of the multi-word token already placed
            form = fields[1]
            start = text.find(form, cursor)
            if start < 0:
                continue
            cursor = start + len(form)
            correct = re.search(r"CorrectForm=([^|]+)", fields[9])
            if not correct:
                continue
            written = form.lower().replace("’", "'")
            right = correct.group(1).lower().replace("’", "'")
            if written != right and written in member_set and member_set.get(right) == member_set[written]:
                b0 = len(text[:start].encode("utf-8"))
                slips.append((split, text, right, b0, b0 + len(form.encode("utf-8"))))
    return slips


def measure_slips(binary: str, folder: Path, sets, workdir: Path) -> None:
    slips = ewt_slips(folder, sets)
    found = run_files(binary, "en_US", [s[1] for s in slips], workdir / "slips")
    print("\n## EWT's real slips within a confusion set (Typo=Yes, CorrectForm=)\n")
    by_split = collections.defaultdict(lambda: [0, 0])
    for slip, findings in zip(slips, found.values()):
        hit = any(accuracy.overlaps(f.start, f.end, slip[3], slip[4]) for f in findings)
        by_split[slip[0]][0] += hit
        by_split[slip[0]][1] += 1
        data = slip[1].encode("utf-8")
        print(f"  {'found' if hit else 'missed'} ({slip[0]}): "
              f"{data[slip[3]:slip[4]].decode()} -> {slip[2]}: {accuracy.context(data, slip[3], slip[4])}")
    for split, (hit, n) in sorted(by_split.items()):
        print(f"{split}: {hit}/{n} found")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copydesk", required=True)
    parser.add_argument("--ewt", type=Path, required=True)
    parser.add_argument("--news", type=Path)
    parser.add_argument("--sets", type=Path, required=True)
    parser.add_argument("--per-pair", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args(argv)
    sets = read_sets(args.sets)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        measure_planting(args.copydesk, "ewt", ewt_paragraphs(args.ewt), sets, args.per_pair,
                         args.seed, workdir, args.misses)
        if args.news:
            measure_planting(args.copydesk, "news", news_paragraphs(args.news), sets, args.per_pair,
                             args.seed, workdir, args.misses)
        measure_slips(args.copydesk, args.ewt, sets, workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
