#!/usr/bin/env python3
"""Runs Vale's own test suite (../shared/vale-testdata) against the copydesk binary.

The scenarios are read from the suite's .feature files at test time; which of them are in
scope, and which must pass, is our own list (vale_testdata_scenarios.toml beside this file).
Each in-scope scenario's command is translated into a copydesk command line, run in the
scenario's fixture folder, and its `path:line:column:Style.Rule:message` lines are compared
with the expected ones. Prints the pass count per feature file; exits 1 when a scenario listed
as expected to pass fails, 77 (ctest's skip code) when ../shared/vale-testdata is absent.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile
import tomllib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import gherkin  # noqa: E402

SKIP_EXIT_CODE = 77
SCENARIO_LIST = pathlib.Path(__file__).resolve().parent / "vale_testdata_scenarios.toml"
# The formats in scope: findings on other files are not compared in "part" scenarios.
IN_SCOPE_EXTENSIONS = (".md", ".txt")
# A finding as `--format line` and `vale --output=line` print it: path:line:column:Rule:message.
FINDING = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+):(?P<rule>[^:\s]+):")


@dataclasses.dataclass
class Command:
    """A copydesk run: where, its arguments after `--format line`, and its standard input."""

    folder: str  # relative to the emulated aruba working folder
    arguments: list[str]
    stdin_file: str | None = None


def _quoted(text: str) -> list[str]:
    return re.findall(r'"([^"]*)"', text)


def translate(step_text: str) -> Command | None:
    """The copydesk command for a `When` step of steps.rb, or None if it has no equivalent."""
    values = _quoted(step_text)
    simple_folders = {
        "I test ": "../../fixtures/{}",
        "I test scope ": "../../fixtures/scopes/{}",
        "I apply style ": "../../fixtures/styles/{}",
        "I use Vocab ": "../../fixtures/vocab/{}",
        "I lint path ": "../../fixtures/formats/{}",
    }
    for prefix, folder in simple_folders.items():
        if step_text.startswith(prefix + '"'):
            return Command(folder.format(values[0]), ["."])
    if step_text.startswith('I test comments for "'):
        return Command("../../fixtures/comments", [f"test{values[0]}"])
    if step_text.startswith('I test patterns for "'):
        return Command("../../fixtures/patterns", [values[0]])
    if step_text.startswith('I lint with config "'):
        return Command("../../fixtures/formats", ["--config", values[0], "test.md"])
    if step_text.startswith('I run cat "'):
        return Command(
            "../../fixtures/formats", ["--stdin-filename", f"stdin{values[1]}", "-"], values[0]
        )
    if step_text == "I lint path with exclusions":
        return Command("../../fixtures/folders", ["."])
    if step_text.startswith('I lint "'):
        return Command("../../fixtures/formats", shlex.split(values[0]))
    if step_text.startswith('I run vale "'):
        return Command(".", shlex.split(values[0]))
    return None


@dataclasses.dataclass
class Expectation:
    exact: list[str] | None = None  # "the output should contain exactly"
    contains: list[str] | None = None  # "the output should contain"
    exit_status: int | None = None


def expectation_of(scenario: gherkin.Scenario) -> Expectation:
    expected = Expectation()
    for step in scenario.steps:
        if step.text.startswith("the output should contain exactly"):
            expected.exact = (step.doc_string or "").splitlines()
        elif step.text.startswith("the output should contain"):
            expected.contains = (step.doc_string or "").splitlines()
        elif step.text.startswith("the exit status should be"):
            expected.exit_status = int(step.text.rsplit(" ", 1)[1])
    return expected


def in_scope_file(path: str) -> bool:
    return path.endswith(IN_SCOPE_EXTENSIONS)


def findings(lines: list[str], *, only_in_scope_files: bool) -> list[str]:
    """The finding lines of Vale rules (ids "Style.Rule"; copydesk's own ids have no dot)."""
    kept = []
    for line in lines:
        match = FINDING.match(line)
        if not match or "." not in match["rule"]:
            continue
        line = line.removeprefix("./")
        if only_in_scope_files and not in_scope_file(match["path"]):
            continue
        kept.append(line)
    return sorted(kept)


@dataclasses.dataclass
class Outcome:
    passed: bool
    detail: str = ""


class Workspace:
    """Vale's steps run in tmp/aruba under its testdata folder and reach the fixtures and
    styles by relative paths ("../../fixtures/..."); this emulates that folder, writable, with
    the suite's folders linked in."""

    def __init__(self, testdata: pathlib.Path):
        self._temporary = tempfile.TemporaryDirectory(prefix="copydesk-vale-suite-")
        root = pathlib.Path(self._temporary.name)
        for name in ("fixtures", "styles"):
            (root / name).symlink_to(testdata / name, target_is_directory=True)
        self.root = root

    def fresh_aruba(self) -> pathlib.Path:
        aruba = self.root / "tmp" / "aruba"
        if aruba.exists():
            for entry in aruba.iterdir():
                entry.unlink()
        aruba.mkdir(parents=True, exist_ok=True)
        return aruba

    def close(self) -> None:
        self._temporary.cleanup()


def run_scenario(
    scenario: gherkin.Scenario, scope: str, copydesk: pathlib.Path, workspace: Workspace
) -> Outcome:
    aruba = workspace.fresh_aruba()
    command = None
    for step in scenario.steps:
        named_file = re.match(r'a file named "([^"]+)" with:', step.text)
        if named_file:
            (aruba / named_file[1]).write_text((step.doc_string or "") + "\n", encoding="utf-8")
        elif step.keyword == "When" or (command is None and step.text.startswith("I ")):
            command = translate(step.text)
            if command is None:
                return Outcome(False, f"no copydesk equivalent for step: {step.text}")
    if command is None:
        return Outcome(False, "the scenario runs no command")
    partial = scope == "part"
    arguments = [
        argument
        for argument in command.arguments
        if not partial or argument.startswith("-") or not pathlib.PurePath(argument).suffix
        or in_scope_file(argument)
    ]
    folder = pathlib.Path(os.path.normpath(aruba / command.folder))
    stdin = (folder / command.stdin_file).read_bytes() if command.stdin_file else None
    argv = [str(copydesk), "--format", "line", *arguments]
    result = subprocess.run(argv, cwd=folder, input=stdin, capture_output=True, timeout=120)
    output = result.stdout.decode("utf-8", "replace").splitlines()
    errors = result.stderr.decode("utf-8", "replace").strip()
    expected = expectation_of(scenario)
    actual = findings(output, only_in_scope_files=partial)
    where = f"in {folder.relative_to(workspace.root)}: {shlex.join(argv[1:])}"
    # Vale and copydesk both exit 2 on bad input (E100 is Vale's wording of it); other exit
    # statuses follow each tool's own failure level and are not compared.
    if (expected.exit_status == 2) != (result.returncode == 2):
        return Outcome(False, f"exit status {result.returncode} {where}\n{errors}")
    if expected.exit_status == 2:
        return Outcome(True)
    if expected.exact is not None:
        wanted = findings(expected.exact, only_in_scope_files=partial)
        if actual != wanted:
            return Outcome(False, f"{where}\n{diff(wanted, actual)}\n{errors}".rstrip())
    if expected.contains is not None:
        wanted = findings(expected.contains, only_in_scope_files=partial)
        missing = [line for line in wanted if line not in actual]
        if missing:
            return Outcome(False, f"{where}\n" + "\n".join(f"- {line}" for line in missing))
    return Outcome(True)


def diff(wanted: list[str], actual: list[str]) -> str:
    lines = [f"- {line}" for line in wanted if line not in actual]
    lines += [f"+ {line}" for line in actual if line not in wanted]
    return "\n".join(lines)


def load_classification(features: list[gherkin.Feature]) -> tuple[dict, list[str]]:
    """Our list of scenarios, and the problems with it (unlisted or vanished scenarios)."""
    listed = tomllib.loads(SCENARIO_LIST.read_text(encoding="utf-8"))
    problems = []
    for feature in features:
        section = listed.get(feature.path.stem, {})
        names = {scenario.name for scenario in feature.scenarios}
        problems += [
            f"{feature.path.name}: scenario '{name}' is not in {SCENARIO_LIST.name}"
            for name in sorted(names - section.keys())
        ]
        problems += [
            f"{SCENARIO_LIST.name}: [{feature.path.stem}] '{name}' is not in {feature.path.name}"
            for name in sorted(section.keys() - names)
        ]
        for name, entry in section.items():
            if entry.get("scope") not in ("in", "part", "out"):
                problems.append(f"{SCENARIO_LIST.name}: '{name}' has no valid scope")
            elif entry["scope"] == "out" and not entry.get("reason"):
                problems.append(f"{SCENARIO_LIST.name}: out-of-scope '{name}' has no reason")
            elif entry["scope"] != "out" and entry.get("expect") not in ("pass", "fail"):
                problems.append(f"{SCENARIO_LIST.name}: '{name}' needs expect = pass or fail")
    return listed, problems


def print_markdown(results: list[tuple[str, str, str, str]]) -> None:
    print("\n| feature | in scope | passed | out of scope |\n| --- | ---: | ---: | ---: |")
    for name in sorted({feature for feature, *_ in results}):
        rows = [row for row in results if row[0] == name]
        ran = [row for row in rows if row[2] != "out"]
        passed = [row for row in ran if row[3] == "pass"]
        print(f"| {name} | {len(ran)} | {len(passed)} | {len(rows) - len(ran)} |")
    print("\n| feature | in-scope scenario | result |\n| --- | --- | --- |")
    for feature, scenario, scope, verdict in results:
        if scope != "out":
            part = " (.md/.txt part)" if scope == "part" else ""
            print(f"| {feature} | {scenario}{part} | {verdict} |")
    print("\n| feature | out-of-scope scenario | why |\n| --- | --- | --- |")
    for feature, scenario, scope, reason in results:
        if scope == "out":
            print(f"| {feature} | {scenario} | {reason} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copydesk", type=pathlib.Path, required=True)
    parser.add_argument("--shared", type=pathlib.Path, required=True)
    parser.add_argument("--verbose", action="store_true", help="show why each scenario failed")
    parser.add_argument("--only", help="run only the scenarios whose name contains this")
    parser.add_argument(
        "--markdown", action="store_true", help="end with the results as Markdown tables, for docs"
    )
    options = parser.parse_args()

    options.copydesk = options.copydesk.resolve()
    testdata = options.shared.resolve() / "vale-testdata"
    if not (testdata / "features").is_dir():
        print(f"SKIPPED: {testdata}/features not found; Vale's test suite lives in ../shared")
        return SKIP_EXIT_CODE
    features = gherkin.parse_features(testdata / "features")
    listed, problems = load_classification(features)
    for problem in problems:
        print(f"error: {problem}")

    regressions = []
    results: list[tuple[str, str, str, str]] = []  # feature, scenario, scope, outcome or reason
    workspace = Workspace(testdata)
    try:
        print(f"{'feature':<20}{'in scope':>9}{'passed':>8}{'expected':>10}{'out':>5}")
        for feature in features:
            section = listed.get(feature.path.stem, {})
            counts = {"in scope": 0, "passed": 0, "expected": 0, "out": 0}
            for scenario in feature.scenarios:
                entry = section.get(scenario.name, {"scope": "out"})
                if entry["scope"] == "out":
                    counts["out"] += 1
                    results.append((feature.path.name, scenario.name, "out", entry["reason"]))
                    continue
                if options.only and options.only not in scenario.name:
                    continue
                counts["in scope"] += 1
                expect_pass = entry.get("expect") == "pass"
                counts["expected"] += expect_pass
                outcome = run_scenario(scenario, entry["scope"], options.copydesk, workspace)
                counts["passed"] += outcome.passed
                verdict = "pass" if outcome.passed else "fail: " + entry.get("missing", "")
                results.append((feature.path.name, scenario.name, entry["scope"], verdict))
                label = f"{feature.path.name}: {scenario.name}"
                if not outcome.passed and expect_pass:
                    regressions.append(label)
                    print(f"FAIL (expected to pass) {label}\n{outcome.detail}")
                elif outcome.passed and not expect_pass:
                    print(f"note: {label} passes; mark it expect = \"pass\"")
                elif not outcome.passed and options.verbose:
                    print(f"fail (expected) {label}\n{outcome.detail}")
            print(
                f"{feature.path.name:<20}{counts['in scope']:>9}{counts['passed']:>8}"
                f"{counts['expected']:>10}{counts['out']:>5}"
            )
    finally:
        workspace.close()
    if regressions:
        print(f"{len(regressions)} scenario(s) expected to pass failed")
    if options.markdown:
        print_markdown(results)
    return 1 if regressions or problems else 0


if __name__ == "__main__":
    sys.exit(main())
