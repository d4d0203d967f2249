#!/usr/bin/env python3
"""Plant one known error into copies of clean news paragraphs.

Each planted copy is a whole source paragraph with exactly one edit, and the byte span of that
edit is recorded, so a linter's recall can be measured on realistic context. Everything is
deterministic for a given corpus and seed.

Used as a module by accuracy.py; also runnable on its own to inspect what gets planted:

    python3 bench/accuracy/plant.py --news ../shared/eval/news --out /tmp/planted.jsonl

The planted texts are derived from third-party news articles: write them to a temporary place,
never into the repository.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

MISSING_SPACE = "missing-space-after-punctuation"
LOWERCASE_START = "lowercase-sentence-start"
ARTICLE = "wrong-indefinite-article"
CONFUSED = "confused-word"
MISSPELLED = "misspelled-word"
REPEATED = "repeated-word"

CLASSES = (MISSING_SPACE, LOWERCASE_START, ARTICLE, CONFUSED, MISSPELLED, REPEATED)

# Lowercase abbreviations of three or more letters that end with a period without ending a
# sentence; a period after them is not a safe sentence boundary.
ABBREVIATIONS = frozenset(
    "etc inc ltd plc corp approx dept est govt misc cf viz esp incl excl nos vol vols pp".split()
)

# Words where "an" before an unstressed h is an accepted (if old-fashioned) British form, so
# turning "a historic" into "an historic" is not certainly an error.
ACCEPTED_AN_H_PREFIXES = ("hist", "hotel", "hero", "horr", "hypo", "hyst", "habit", "hallu",
                          "hilar", "hered", "herb", "homage")

# Doubling these can be grammatical ("that that", "had had", "what it is is").
GRAMMATICAL_DOUBLES = frozenset("had that is do".split())

# How often each kind of site is picked, roughly as often as the mistake happens in real copy;
# subtypes not named here weigh 1.
SUBTYPE_WEIGHTS = {
    MISSING_SPACE: {"comma": 4, "period": 4, "semicolon-colon": 1, "question-exclamation": 1},
    LOWERCASE_START: {"after-period": 4, "after-question-exclamation": 1},
}

FUNCTION_WORDS = frozenset(
    "the a an to of in and for on with at by from as or but is was are were be been has have "
    "will would could should can may it its this his her their our they we he she not".split()
)


@dataclass
class Plant:
    """One planted error: `text` holds it at UTF-8 byte span [start, end)."""

    rule: str
    subtype: str
    text: str
    start: int
    end: int
    original: str
    planted: str
    source: str


@dataclass
class Paragraph:
    source: str
    text: str


@dataclass
class Site:
    """A place where an error could be planted: replace text[begin:end] with `replacement`.

    The planted error then occupies the characters [err_begin, err_end) of the edited text.
    """

    para: int
    subtype: str
    begin: int
    end: int
    replacement: str
    err_begin: int
    err_end: int


def load_paragraphs(news_dir: Path) -> list[Paragraph]:
    """Body paragraphs of every article (the first paragraph of a file is its headline)."""
    paragraphs = []
    for path in sorted(news_dir.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text)]
        rel = path.relative_to(news_dir).as_posix()
        for index, block in enumerate(blocks[1:], start=1):
            # Blocks with line breaks are lists (and wrapped text is not news style): skip them.
            if "\n" in block or len(block.split()) < 8:
                continue
            paragraphs.append(Paragraph(f"{rel}#{index}", block))
    return paragraphs


def position_capitalised_words(paragraphs: list[Paragraph]) -> set[str]:
    """Capitalised words that are ordinary lowercase words everywhere but at a sentence start.

    A word qualifies when its lowercase form is common mid-sentence and it is rarely capitalised
    mid-sentence (which would make it a name, as "Brown" or "Bush" are).
    """
    lower = collections.Counter()
    capital_mid = collections.Counter()
    for p in paragraphs:
        lower.update(re.findall(r"(?<![\w'’-])([a-z]+)(?![\w'’-])", p.text))
        capital_mid.update(re.findall(r"\b[a-z]+ ([A-Z][a-z]+)\b", p.text))
    return {w.capitalize() for w, n in lower.items() if n >= 5 and n >= 4 * capital_mid[w.capitalize()]}


def _capitalise_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# --- site finders: one per error class --------------------------------------------------------

def sites_missing_space(i: int, text: str) -> list[Site]:
    sites = []
    patterns = (
        ("comma", r"\b[a-z]+(,) [a-z]+\b", None),
        ("period", r"\b([a-z]{3,})(\.) [A-Z][a-z]*\b", 1),
        ("semicolon-colon", r"\b[a-z]+([;:]) [a-z]+\b", None),
        ("question-exclamation", r"\b[a-z]+([?!]) [A-Z][a-z]*\b", None),
    )
    for subtype, pattern, word_group in patterns:
        for m in re.finditer(pattern, text):
            if word_group and m.group(word_group) in ABBREVIATIONS:
                continue
            punct = m.end(m.lastindex)
            # Drop the one space after the punctuation mark; the error is the mark itself.
            sites.append(Site(i, subtype, punct, punct + 1, "", punct - 1, punct))
    return sites


def sites_lowercase_start(i: int, text: str, common: set[str]) -> list[Site]:
    sites = []
    for subtype, pattern in (("after-period", r"\b([a-z]{3,})\. ([A-Z][a-z]+)\b"),
                             ("after-question-exclamation", r"\b([a-z]+)[?!] ([A-Z][a-z]+)\b")):
        for m in re.finditer(pattern, text):
            word = m.group(2)
            if m.group(1) in ABBREVIATIONS or word not in common:
                continue
            b, e = m.span(2)
            sites.append(Site(i, subtype, b, b + 1, word[0].lower(), b, e))
    return sites


def sites_article(i: int, text: str) -> list[Site]:
    sites = []
    for m in re.finditer(r"(?<= )(a|an) ([a-z]+)(?![\w'’-])", text):
        article, word = m.group(1), m.group(2)
        if article == "a" and word.startswith(ACCEPTED_AN_H_PREFIXES):
            continue
        swapped = "an" if article == "a" else "a"
        b = m.start(1)
        sites.append(Site(i, f"{article}->{swapped}", b, b + len(article), swapped,
                          b, b + len(swapped)))
    return sites


# Confusable swaps, each applied only where the planted word is certainly wrong. The named group
# `w` is the word that is replaced. (pattern, original, replacement)
CONFUSABLE_SWAPS: tuple[tuple[str, str, str], ...] = (
    (r"\b(?:more|less|better|worse|greater|higher|lower|rather|fewer|larger|smaller|bigger|longer|"
     r"faster|stronger|weaker|older|younger|cheaper|wider|other) (?P<w>than)\b", "than", "then"),
    (r"\b(?:since|until|by) (?P<w>then)\b", "then", "than"),
    (r"(?<= )(?P<w>to) the\b", "to", "too"),
    (r"\b(?:far|much|was|is|are|were|be|been|not|all) (?P<w>too) (?:late|early|big|small|high|low|"
     r"soon|long|expensive|hard|difficult|strong|young|old|slow|fast|risky|weak|close|busy|tired|"
     r"short|great|complex|costly|good|bad)\b", "too", "to"),
    (r"\b(?P<w>its) (?:own|shares|profits|customers|members|chief|website|products|players|fans|"
     r"sales|debts|staff|rivals|parent|headquarters|subscribers|shareholders|employees|workers|"
     r"users)\b", "its", "it's"),
    (r"\b(?P<w>[Ii]t's) (?:been|not|a|an|the|going|got)\b", "it's", "its"),
    (r"\b(?P<w>their) own\b", "their", "there"),
    (r"\b(?P<w>[Tt]here) (?:is|are|was|were|has been|have been|will be)\b", "there", "their"),
    (r"\b(?P<w>[Tt]hey're) (?:going|not|a|the|being|likely|still|also)\b", "they're", "their"),
    (r"\b(?P<w>[Yy]ou're) (?:going|not|a|the|being)\b", "you're", "your"),
    (r"\b(?P<w>your) own\b", "your", "you're"),
    (r"\b(?:an|the|significant|big|knock-on|positive|negative|adverse|major) (?P<w>effect)\b",
     "effect", "affect"),
    (r"\b(?:to|will|could|would|may|might|not|cannot|won't) (?P<w>lose)\b", "lose", "loose"),
    (r"\b(?:they|we|you|who|which) (?P<w>were)\b", "were", "where"),
    (r"\b(?:is|are|was|were|has|have|had|will|would) (?P<w>now)\b", "now", "know"),
    (r"\b(?:don't|didn't|do not|did not) (?P<w>know)\b", "know", "now"),
    (r"\b[a-z]+ (?P<w>whose) [a-z]+\b", "whose", "who's"),
    (r"\b(?:lot|instead|because|kind|sort|number|majority|rest|variety|range) (?P<w>of)\b",
     "of", "off"),
    (r"\b(?:took|taking|cut|kicked|sold|selling|paid|laid|switched|turned) (?P<w>off)\b",
     "off", "of"),
    (r"\bin (?P<w>principle)\b", "principle", "principal"),
    (r"\b(?:the|a|its|his|her|their) (?P<w>principal) (?:reason|source|cause|aim|objective|role|"
     r"concern)\b", "principal", "principle"),
    (r"\b(?:has|have|had) (?P<w>passed)\b", "passed", "past"),
    (r"\bin the (?P<w>past)\b", "past", "passed"),
    (r"\b(?:has|have|had) (?P<w>led)\b", "led", "lead"),
    (r"\b(?P<w>whether) (?:or|to)\b", "whether", "weather"),
    (r"\b(?:the|legal|medical|financial|his|her|their|our|my|expert|professional|some) "
     r"(?P<w>advice)\b", "advice", "advise"),
    (r"\bto (?P<w>choose)\b", "choose", "chose"),
    (r"\b(?P<w>quite) (?:a|an)\b", "quite", "quiet"),
    (r"\b(?P<w>except) for\b", "except", "accept"),
    (r"\b(?:will|would|could|can) (?P<w>hear)\b", "hear", "here"),
    (r"\beven (?P<w>though)\b", "though", "through"),
    (r"\b(?:and|so) (?P<w>forth)\b", "forth", "fourth"),
    (r"\bof (?P<w>course)\b", "course", "coarse"),
    (r"\bthe (?P<w>reins)\b", "reins", "reigns"),
)


def swap_name(original: str, replacement: str) -> str:
    return f"{original}->{replacement}"


def enabled_swaps(confusion_sets: list[set[str]] | None) -> list[tuple[str, str, str]]:
    """The swaps whose two words the rule treats as confusable (all of them if unknown)."""
    if confusion_sets is None:
        return list(CONFUSABLE_SWAPS)
    return [s for s in CONFUSABLE_SWAPS
            if any(s[1] in group and s[2] in group for group in confusion_sets)]


def sites_confused(i: int, text: str, swaps: list[tuple[str, str, str]]) -> list[Site]:
    sites = []
    for pattern, original, replacement in swaps:
        for m in re.finditer(pattern, text):
            b, e = m.span("w")
            new = _capitalise_like(replacement, m.group("w"))
            sites.append(Site(i, swap_name(original, replacement), b, e, new, b, b + len(new)))
    return sites


def sites_misspelling(i: int, text: str) -> list[tuple[int, int, int]]:
    """Lowercase words of five or more letters in mid-sentence: (paragraph, begin, end)."""
    return [(i, m.start(), m.end())
            for m in re.finditer(r"(?<=[a-z,] )[a-z]{5,}(?=[\s,.;:!?)])", text)]


def sites_repeated(i: int, text: str) -> list[Site]:
    sites = []
    for m in re.finditer(r"(?<=[a-z,] )([a-z]+)(?= [a-z])", text):
        word = m.group(1)
        if word in GRAMMATICAL_DOUBLES:
            continue
        subtype = "function-word" if word in FUNCTION_WORDS else "content-word"
        e = m.end()
        sites.append(Site(i, subtype, e, e, " " + word, e + 1, e + 1 + len(word)))
    return sites


# --- typos ------------------------------------------------------------------------------------

TYPO_KINDS = ("delete", "transpose", "substitute", "insert")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def make_typo(word: str, kind: str, rng: random.Random) -> str | None:
    n = len(word)
    if kind == "delete":
        k = rng.randrange(n)
        return word[:k] + word[k + 1:]
    if kind == "transpose":
        options = [k for k in range(n - 1) if word[k] != word[k + 1]]
        if not options:
            return None
        k = rng.choice(options)
        return word[:k] + word[k + 1] + word[k] + word[k + 2:]
    if kind == "substitute":
        k = rng.randrange(n)
        return word[:k] + rng.choice(LETTERS.replace(word[k], "")) + word[k + 1:]
    k = rng.randrange(n + 1)
    return word[:k] + rng.choice(LETTERS) + word[k:]


def hunspell_rejects(words: list[str], hunspell: str, dictionary: str) -> set[str]:
    """The words that Hunspell does not accept, checked in one process."""
    if not words:
        return set()
    proc = subprocess.run([hunspell, "-d", dictionary, "-i", "utf-8", "-l"],
                          input="\n".join(words) + "\n", capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"hunspell failed ({proc.returncode}): {proc.stderr.strip()}")
    return set(proc.stdout.split())


# --- selection --------------------------------------------------------------------------------

def allocate(n: int, available: dict[str, int],
             weights: dict[str, float] | None = None) -> dict[str, int]:
    """Share n picks across subtypes by weight (equal by default); a subtype that runs short
    passes its unused share on to the others."""
    weights = weights or {}
    quota = {k: 0 for k in available}
    remaining = n
    open_kinds = [k for k in sorted(available) if available[k] > 0]
    while remaining > 0 and open_kinds:
        total = sum(weights.get(k, 1.0) for k in open_kinds)
        shares = {k: max(1, int(remaining * weights.get(k, 1.0) / total)) for k in open_kinds}
        for k in list(open_kinds):
            take = min(shares[k], available[k] - quota[k], remaining)
            quota[k] += take
            remaining -= take
            if quota[k] >= available[k]:
                open_kinds.remove(k)
            if remaining == 0:
                break
    return quota


def pick_sites(sites: list[Site], n: int, rng: random.Random,
               weights: dict[str, float] | None = None) -> list[Site]:
    """n sites spread over subtypes by weight, at most one per paragraph when possible."""
    by_subtype: dict[str, list[Site]] = collections.defaultdict(list)
    for s in sites:
        by_subtype[s.subtype].append(s)
    for k in sorted(by_subtype):
        rng.shuffle(by_subtype[k])
    quota = allocate(n, {k: len(v) for k, v in by_subtype.items()}, weights)
    used: set[int] = set()
    chosen = []
    for k in sorted(by_subtype):
        fresh = [s for s in by_subtype[k] if s.para not in used]
        repeat = [s for s in by_subtype[k] if s.para in used]
        for s in (fresh + repeat)[:quota[k]]:
            used.add(s.para)
            chosen.append(s)
    return chosen


def apply_site(rule: str, site: Site, paragraphs: list[Paragraph]) -> Plant:
    para = paragraphs[site.para]
    text = para.text[:site.begin] + site.replacement + para.text[site.end:]
    start = len(text[:site.err_begin].encode("utf-8"))
    end = start + len(text[site.err_begin:site.err_end].encode("utf-8"))
    original = _original_text(rule, site, paragraphs)
    return Plant(rule, site.subtype, text, start, end, original,
                 text[site.err_begin:site.err_end], para.source)


def plant_misspellings(paragraphs: list[Paragraph], n: int, rng: random.Random, hunspell: str,
                       dictionary: str) -> list[Plant]:
    candidates = [s for i, p in enumerate(paragraphs) for s in sites_misspelling(i, p.text)]
    rng.shuffle(candidates)
    # Draw several times the number needed, since Hunspell accepts some typos as real words.
    pool = []
    used: set[int] = set()
    for i, b, e in candidates:
        if len(pool) >= 6 * n:
            break
        if i in used:
            continue
        used.add(i)
        word = paragraphs[i].text[b:e]
        kind = TYPO_KINDS[len(pool) % len(TYPO_KINDS)]
        typo = make_typo(word, kind, rng)
        if typo and typo != word:
            pool.append((i, b, e, word, typo, kind))
    rejected = hunspell_rejects(sorted({w for c in pool for w in (c[3], c[4])}), hunspell,
                                dictionary)
    good = [c for c in pool if c[3] not in rejected and c[4] in rejected]
    quota = allocate(n, collections.Counter(c[5] for c in good))
    plants = []
    for i, b, e, word, typo, kind in good:
        if quota[kind] == 0:
            continue
        quota[kind] -= 1
        site = Site(i, kind, b, e, typo, b, b + len(typo))
        plants.append(apply_site(MISSPELLED, site, paragraphs))
    return plants


def generate(news_dir: Path, n: int = 300, seed: int = 1, *, hunspell: str = "hunspell",
             dictionary: str = "en_GB", confusion_sets: list[set[str]] | None = None,
             classes: tuple[str, ...] = CLASSES) -> list[Plant]:
    """n planted copies per error class (fewer only if the corpus lacks sites)."""
    paragraphs = load_paragraphs(news_dir)
    if not paragraphs:
        raise RuntimeError(f"no article paragraphs found under {news_dir}")
    common = position_capitalised_words(paragraphs) if LOWERCASE_START in classes else set()
    swaps = enabled_swaps(confusion_sets)
    finders = {
        MISSING_SPACE: lambda i, t: sites_missing_space(i, t),
        LOWERCASE_START: lambda i, t: sites_lowercase_start(i, t, common),
        ARTICLE: lambda i, t: sites_article(i, t),
        CONFUSED: lambda i, t: sites_confused(i, t, swaps),
        REPEATED: lambda i, t: sites_repeated(i, t),
    }
    plants: list[Plant] = []
    for rule in classes:
        # A separate stream per class keeps each class's picks stable when another class changes.
        rng = random.Random(f"{seed}:{rule}")
        if rule == MISSPELLED:
            plants += plant_misspellings(paragraphs, n, rng, hunspell, dictionary)
            continue
        sites = [s for i, p in enumerate(paragraphs) for s in finders[rule](i, p.text)]
        picked = pick_sites(sites, n, rng, SUBTYPE_WEIGHTS.get(rule))
        plants += [apply_site(rule, site, paragraphs) for site in picked]
    return plants


def _original_text(rule: str, site: Site, paragraphs: list[Paragraph]) -> str:
    """What the clean text had where the error now is (for reading results)."""
    text = paragraphs[site.para].text
    if rule == MISSING_SPACE:
        return text[site.err_begin:site.end]
    if rule == REPEATED:
        return text[site.begin - (site.err_end - site.err_begin):site.begin]
    if rule == LOWERCASE_START:
        return text[site.err_begin:site.err_end]
    return text[site.begin:site.end]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", required=True, type=Path, help="news corpus directory")
    parser.add_argument("--out", required=True, type=Path, help="JSONL file to write (not in the repo)")
    parser.add_argument("--n", type=int, default=300, help="planted errors per class (300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hunspell", default="hunspell")
    parser.add_argument("--class", dest="classes", action="append", choices=CLASSES,
                        help="plant only this class (repeatable)")
    args = parser.parse_args(argv)
    if not args.news.is_dir():
        parser.error(f"--news: no such directory: {args.news}")
    if shutil.which(args.hunspell) is None:
        parser.error(f"--hunspell: {args.hunspell} not found")
    plants = generate(args.news, args.n, args.seed, hunspell=args.hunspell,
                      classes=tuple(args.classes or CLASSES))
    with args.out.open("w", encoding="utf-8") as out:
        for p in plants:
            out.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")
    counts = collections.Counter(p.rule for p in plants)
    for rule in CLASSES:
        if rule in counts:
            print(f"{rule}: {counts[rule]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
