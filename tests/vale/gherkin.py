"""Reads the Cucumber `.feature` files of Vale's suites (the subset of Gherkin they use).

A feature is a list of scenarios; each scenario is the background's steps followed by its own.
A step is a keyword ("Given", "When", "Then", "And", "But"), its text and, where the step has
one, a doc string (the lines between two `\"\"\"` lines, with the indentation of the opening
quotes removed, as Gherkin does). Comment lines (`#`) and tags (`@`) are ignored. Shared by the
runners of ../shared/vale-testdata and ../shared/vale-packages, which read the scenarios at test
time instead of keeping copies of them.
"""

from __future__ import annotations

import dataclasses
import pathlib

STEP_KEYWORDS = ("Given", "When", "Then", "And", "But")


@dataclasses.dataclass
class Step:
    keyword: str
    text: str
    doc_string: str | None = None
    line: int = 0


@dataclasses.dataclass
class Scenario:
    name: str
    steps: list[Step]
    line: int = 0


@dataclasses.dataclass
class Feature:
    name: str
    path: pathlib.Path
    scenarios: list[Scenario]


class GherkinError(ValueError):
    """A line the parser does not understand, with the file and line named."""


def _doc_string(lines: list[str], start: int, path: pathlib.Path) -> tuple[str, int]:
    """The doc string opening at lines[start]; returns it and the index past its closing line."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    body: list[str] = []
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if line.strip() == '"""':
            return "\n".join(body), index + 1
        # Gherkin removes the opening quotes' indentation, and no more, from each line.
        stripped = len(line) - len(line.lstrip())
        body.append(line[min(indent, stripped):])
        index += 1
    raise GherkinError(f"{path}:{start + 1}: doc string never closed")


def parse_feature(path: pathlib.Path) -> Feature:
    lines = path.read_text(encoding="utf-8").splitlines()
    name = ""
    background: list[Step] = []
    scenarios: list[Scenario] = []
    current: list[Step] | None = None
    index = 0
    while index < len(lines):
        text = lines[index].strip()
        if not text or text.startswith("#") or text.startswith("@"):
            index += 1
            continue
        if text.startswith("Feature:"):
            name = text.removeprefix("Feature:").strip()
        elif text.startswith("Background:"):
            current = background
        elif text.startswith("Scenario:") or text.startswith("Scenario Outline:"):
            scenario_name = text.split(":", 1)[1].strip()
            scenarios.append(Scenario(scenario_name, [], index + 1))
            current = scenarios[-1].steps
        elif text.split(" ", 1)[0] in STEP_KEYWORDS:
            if current is None:
                raise GherkinError(f"{path}:{index + 1}: step outside a scenario")
            keyword, _, step_text = text.partition(" ")
            current.append(Step(keyword, step_text.strip(), None, index + 1))
        elif text == '"""':
            if not current:
                raise GherkinError(f"{path}:{index + 1}: doc string without a step")
            current[-1].doc_string, index = _doc_string(lines, index, path)
            continue
        elif not name:
            raise GherkinError(f"{path}:{index + 1}: unexpected line before the feature")
        index += 1
    for scenario in scenarios:
        scenario.steps[:0] = [dataclasses.replace(step) for step in background]
    return Feature(name, path, scenarios)


def parse_features(folder: pathlib.Path) -> list[Feature]:
    """Every `*.feature` file of `folder`, sorted by file name."""
    return [parse_feature(path) for path in sorted(folder.glob("*.feature"))]
