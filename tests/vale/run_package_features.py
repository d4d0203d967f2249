#!/usr/bin/env python3
"""Runs the Cucumber scenarios of the Vale style packages in ../shared/vale-packages.

Each scenario reads `When I test "Name"` and the output Vale gives in
fixtures/Name/ (`Then the output should contain exactly:` and a \"\"\" block). The
scenarios are parsed from the .feature files at test time; nothing of them is
copied into this repository. copydesk runs as `copydesk --format line .` in the
fixture folder, which holds the .vale.ini, and its output must equal Vale's.

Exit status: 0 all passed, 1 some failed, 77 (ctest's skip) when the packages
are not there.
"""

import argparse
import difflib
import pathlib
import re
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import gherkin  # noqa: E402  (tests/vale/gherkin.py, shared with vale_testdata_suite.py)

SKIP = 77
PACKAGES = ("Microsoft", "Google")

# Where the packages' expected outputs contradict each other, the difference allowed, and why.
# Microsoft's and Google's Contractions rules are the same substitution on the same line ("It is
# cold outside.", swap "it is" -> "it's"), yet Microsoft's scenario expects the suggestion
# capitalised ("Use 'It's'") and Google's does not ("Use 'it's'"): they were recorded with
# different Vale releases. copydesk follows Vale 3, which capitalises only with the rule option
# `capitalize: true`, so Microsoft's lines are compared with the suggestion's first letter
# folded to lower case; every other character must still match.
KNOWN_DIFFERENCES = {
    ("Microsoft", "Contractions"): (
        "suggestions capitalised by the Vale release that recorded it",
        lambda line: re.sub(r"(:Use ')(.)", lambda m: m.group(1) + m.group(2).lower(), line),
    ),
}


def scenarios(feature):
    """(name, fixture, expected lines) for each scenario, read by the shared Gherkin parser."""
    found = []
    for scenario in gherkin.parse_feature(feature).scenarios:
        fixture = expected = None
        for step in scenario.steps:
            match = re.match(r'I test "(.*)"', step.text)
            if match:
                fixture = match.group(1)
            if step.text.startswith("the output should contain exactly"):
                expected = [line.strip() for line in (step.doc_string or "").splitlines()]
        if fixture is not None and expected is not None:
            found.append((scenario.name, fixture, [line for line in expected if line]))
    return found


def run(binary, fixture_dir):
    result = subprocess.run([binary, "--format", "line", "."], cwd=fixture_dir,
                            capture_output=True, text=True, check=False)
    return [line.strip() for line in result.stdout.splitlines() if line.strip()], result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--shared", required=True, help="the ../shared folder")
    parser.add_argument("--package", action="append", help="only these packages")
    parser.add_argument("--verbose", action="store_true", help="show each scenario")
    args = parser.parse_args()
    args.binary = str(pathlib.Path(args.binary).resolve())

    root = pathlib.Path(args.shared) / "vale-packages"
    if not root.is_dir():
        print(f"SKIP: {root} is missing: the Vale package scenarios cannot run")
        return SKIP
    failed = 0
    for package in args.package or PACKAGES:
        features = sorted((root / package / "features").glob("*.feature"))
        if not features:
            print(f"FAIL: no .feature files under {root / package / 'features'}")
            failed += 1
            continue
        passed = total = 0
        for feature in features:
            for name, fixture, expected in scenarios(feature):
                total += 1
                actual, result = run(args.binary, root / package / "fixtures" / fixture)
                known = KNOWN_DIFFERENCES.get((package, fixture))
                if known:
                    expected = [known[1](line) for line in expected]
                if actual == expected:
                    passed += 1
                    if known:
                        print(f"PASS {package}: {name} ({fixture}), allowing {known[0]}")
                    elif args.verbose:
                        print(f"PASS {package}: {name} ({fixture})")
                    continue
                failed += 1
                print(f"FAIL {package}: {name} ({fixture}), exit {result.returncode}")
                for line in difflib.unified_diff(expected, actual, "vale", "copydesk",
                                                 lineterm=""):
                    print("    " + line)
                if result.stderr.strip():
                    print("    stderr: " + result.stderr.strip().replace("\n", "\n    "))
        print(f"{package}: {passed} of {total} scenarios pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
