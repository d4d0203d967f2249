#!/usr/bin/env python3
"""Self-test of the accuracy benchmark: scoring against hand-made labels and findings, and one
end-to-end run through fake_copydesk.py. Run: python3 bench/accuracy/test_scoring.py"""

import contextlib
import io
import json
import os
import shutil
import stat
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import accuracy  # noqa: E402
import plant  # noqa: E402
from accuracy import Finding, FamilyScore, PlantScore  # noqa: E402


def finding(rule, start, end, path="x.txt"):
    return Finding(path=path, rule=rule, start=start, end=end)


class OverlapTest(unittest.TestCase):
    def test_spans(self):
        self.assertTrue(accuracy.overlaps(0, 5, 4, 8))
        self.assertFalse(accuracy.overlaps(0, 4, 4, 8))  # touching is not overlapping
        self.assertTrue(accuracy.overlaps(3, 3, 0, 3))  # an insertion point at a span's edge
        self.assertFalse(accuracy.overlaps(9, 9, 0, 3))
        self.assertTrue(accuracy.overlaps(2, 6, 4, 4))


class ParseTest(unittest.TestCase):
    def test_jsonl(self):
        out = "\n".join([
            json.dumps({"path": "a.txt", "rule": "repeated-word", "message": "m",
                        "start": {"line": 2, "column": 5, "offset": 14, "utf16": 4},
                        "end": {"line": 2, "column": 8, "offset": 17, "utf16": 7},
                        "text": "the"}),
            "not json",
            "",
        ])
        found, bad = accuracy.parse_findings(out)
        self.assertEqual(bad, 1)
        self.assertEqual((found[0].rule, found[0].start, found[0].end, found[0].line),
                         ("repeated-word", 14, 17, 2))

    def test_confusion_sets(self):
        sets = accuracy.parse_confusion_sets("Pairs: then/than, its -> it's, affect/effect/effects")
        self.assertIn({"then", "than"}, sets)
        self.assertIn({"its", "it's"}, sets)
        self.assertTrue(accuracy.pair_covered("effects->affect", sets))
        self.assertFalse(accuracy.pair_covered("lose->loose", sets))
        self.assertIsNone(accuracy.parse_confusion_sets("Flags commonly confused words."))
        doc = "# x\nUse and/or.\n\nPairs covered:\n\n- too / to: \"too the\"\n\n## Why\nA/B\n"
        self.assertEqual(accuracy.parse_confusion_sets(doc), [{"too", "to"}])


class LanguageToolScoringTest(unittest.TestCase):
    rule = "confused-word"

    def test_incorrect_record(self):
        record = {"text": "It is to soon, more then ever.", "family": "confusable",
                  "errors": [{"start": 6, "end": 8, "kind": "confusable", "pair": "to->too"},
                             {"start": 20, "end": 24, "kind": "confusable", "pair": "then->than"}]}
        findings = [finding(self.rule, 7, 8),           # overlaps the first error
                    finding(self.rule, 0, 2),           # overlaps nothing: a false positive
                    finding("misspelled-word", 20, 24)]  # wrong rule: does not count
        score, pairs = FamilyScore(), accuracy.collections.Counter()
        accuracy.score_record(record, findings, score, pairs, [{"to", "too"}])
        self.assertEqual((score.errors, score.found, score.stray_findings,
                          score.matched_findings), (2, 1, 1, 1))
        self.assertEqual(score.recall, 0.5)
        self.assertEqual(score.precision, 0.5)
        self.assertEqual((pairs[("to->too", "found")], pairs[("then->than", "found")]), (1, 0))
        self.assertEqual((pairs[("*covered*", "errors")], pairs[("*covered*", "found")]), (1, 1))

    def test_correct_records(self):
        score = FamilyScore()
        accuracy.score_record({"text": "Fine.", "family": "confusable", "errors": []},
                              [finding("misspelled-word", 0, 4)], score)
        accuracy.score_record({"text": "Fine.", "family": "confusable", "errors": []},
                              [finding(self.rule, 0, 4)], score)
        accuracy.score_record({"text": "?", "family": "confusable", "errors": None}, [], score)
        self.assertEqual((score.correct, score.correct_flagged, score.skipped), (2, 1, 1))
        self.assertEqual(score.correct_rate, 0.5)
        self.assertIsNone(score.recall)


class SyntheticScoringTest(unittest.TestCase):
    def test_plant(self):
        p = plant.Plant("repeated-word", "function-word", "in the the end", 7, 10, "the", "the",
                        "s")
        score = PlantScore()
        accuracy.score_plant(p, [finding("repeated-word", 3, 10),
                                 finding("repeated-word", 11, 14),
                                 finding("misspelled-word", 7, 10)], score)
        accuracy.score_plant(p, [], score)
        self.assertEqual((score.planted, score.found, score.stray_findings), (2, 1, 1))
        self.assertEqual(score.recall, 0.5)
        self.assertEqual(score.by_subtype[("function-word", "found")], 1)

    def test_verdicts(self):
        self.assertEqual(accuracy.verdict_of([(0.9, 0.85, True), (0.0, 0.01, False)]), "PASS")
        self.assertEqual(accuracy.verdict_of([(0.9, 0.85, True), (0.02, 0.01, False)]), "FAIL")
        self.assertEqual(accuracy.verdict_of([(None, 0.85, True)]), "n/a")


ARTICLE = (
    "Our own headline\n\n"
    "The committee met on Monday, and the chair said the figures were better than expected. "
    "The board will publish its own report in March. It is an early view of the results for "
    "the year.\n\n"
    "Members said the plan was a sensible one. They expect the vote to pass easily, and the "
    "chair agreed. The new rules take effect in the spring, when the first reports are due.\n")


class EndToEndTest(unittest.TestCase):
    """A whole run over our own tiny corpus with the fake linter; checks exact figures."""

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="accuracy-test-"))
        news = self.dir / "news" / "politics"
        news.mkdir(parents=True)
        (news / "001.txt").write_text(ARTICLE, encoding="utf-8")
        (news / "002.txt").write_text("Second headline\n\nIt was a a quiet day, said the "
                                      "spokesman for the council.\n", encoding="utf-8")
        records = [
            {"text": "I saw a apple.", "family": "article",
             "errors": [{"start": 6, "end": 7, "kind": "article"}]},
            {"text": "I saw an pear.", "family": "article",
             "errors": [{"start": 6, "end": 8, "kind": "article"}]},
            {"text": "I saw an apple.", "family": "article", "errors": []},
            {"text": "At £5, £6, £7, £8 or £9 it is more then that.", "family": "confusable",
             "errors": [{"start": 40, "end": 44, "kind": "confusable", "pair": "then->than"}]},
            {"text": "We recieve it.", "family": "spelling", "variant": "en-GB",
             "errors": [{"start": 3, "end": 10, "kind": "spelling"}]},
            {"text": "Colour is fine. the end.", "family": "spelling", "variant": "en-GB",
             "errors": []},
        ]
        self.lt = self.dir / "lt.jsonl"
        self.lt.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        self.readme = self.dir / "README.md"
        self.readme.write_text("# x\n\n<!-- accuracy:begin -->\nold\n<!-- accuracy:end -->\n"
                               "tail\n", encoding="utf-8")
        fake = HERE / "fake_copydesk.py"
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
        self.base = ["--copydesk", str(fake), "--news", str(self.dir / "news"),
                     "--languagetool", str(self.lt), "--synthetic-n", "4"]

    def tearDown(self):
        shutil.rmtree(self.dir)

    def run_main(self, extra):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = accuracy.main(self.base + extra)
        return code, out.getvalue()

    def test_full_run(self):
        code, out = self.run_main(["--readme", str(self.readme), "--json",
                                   str(self.dir / "s.json")])
        self.assertEqual(code, 0, out)
        summary = {row["rule"]: row for row in
                   json.loads((self.dir / "s.json").read_text(encoding="utf-8"))}
        # News: the fake finds "a a" once in 85 words per 10k words.
        self.assertAlmostEqual(summary["repeated-word"]["news per 10k words"], 10_000 / 85)
        self.assertEqual(summary["misspelled-word"]["news per 10k words"], 0.0)
        # LanguageTool: both article errors found; the £ makes byte offsets differ from
        # character offsets in the confusable record, which is found only if bytes are used.
        self.assertEqual(summary["wrong-indefinite-article"]["LT recall"], 1.0)
        self.assertEqual(summary["wrong-indefinite-article"]["LT correct flagged"], "0/1 (0.00)")
        self.assertEqual(summary["confused-word"]["LT recall"], 1.0)
        self.assertEqual(summary["misspelled-word"]["LT recall"], 1.0)
        self.assertTrue(summary["misspelled-word"]["LT correct flagged"].startswith("0/"))
        self.assertIsNone(summary["repeated-word"]["LT recall"])
        self.assertIn("FAIL", summary["repeated-word"]["verdict"])
        readme = self.readme.read_text(encoding="utf-8")
        self.assertNotIn("old", readme)
        self.assertIn("| wrong-indefinite-article |", readme)
        self.assertTrue(readme.endswith("<!-- accuracy:end -->\ntail\n"))

    def test_synthetic_only(self):
        code, out = self.run_main(["--only", "synthetic", "--readme", str(self.readme)])
        self.assertEqual(code, 0, out)
        self.assertIn("left unchanged", out)
        self.assertIn("old", self.readme.read_text(encoding="utf-8"))

    def test_bad_paths_exit_2(self):
        with contextlib.redirect_stderr(io.StringIO()), self.assertRaises(SystemExit) as cm:
            accuracy.main(["--copydesk", "/nonexistent/copydesk", "--only", "news",
                           "--news", str(self.dir)])
        self.assertEqual(cm.exception.code, 2)
        with contextlib.redirect_stderr(io.StringIO()), self.assertRaises(SystemExit) as cm:
            accuracy.main(self.base[:2] + ["--only", "languagetool",
                                           "--languagetool", str(self.dir / "missing.jsonl")])
        self.assertEqual(cm.exception.code, 2)


class PlantTest(unittest.TestCase):
    @unittest.skipUnless(shutil.which("hunspell"), "needs the hunspell CLI")
    def test_spans_and_determinism(self):
        with tempfile.TemporaryDirectory() as d:
            folder = Path(d) / "news"
            folder.mkdir()
            for i in range(3):
                (folder / f"{i}.txt").write_text(ARTICLE.replace("March", f"March {i}"),
                                                 encoding="utf-8")
            first = plant.generate(folder, 5, seed=7)
            again = plant.generate(folder, 5, seed=7)
            self.assertEqual(first, again)
            self.assertTrue(first)
            for p in first:
                data = p.text.encode("utf-8")
                self.assertEqual(data[p.start:p.end].decode("utf-8"), p.planted, p)
            typos = [p for p in first if p.rule == plant.MISSPELLED]
            self.assertTrue(typos)
            self.assertFalse(plant.hunspell_rejects([p.original for p in typos], "hunspell",
                                                    "en_GB"))

    def test_allocate(self):
        self.assertEqual(plant.allocate(10, {"a": 2, "b": 50, "c": 50}), {"a": 2, "b": 4, "c": 4})
        self.assertEqual(plant.allocate(10, {"a": 50, "b": 50}, {"a": 4, "b": 1}),
                         {"a": 8, "b": 2})


if __name__ == "__main__":
    os.chdir(HERE)
    unittest.main()
