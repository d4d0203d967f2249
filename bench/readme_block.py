"""Rewrites a generated block of README.md, between a begin and an end marker line.

Shared by bench/accuracy/accuracy.py and bench/speed/bench.py, whose tables the README quotes.
"""

from pathlib import Path


def replace_block(readme: Path, begin_marker: str, end_marker: str, block: list[str]) -> bool:
    """Puts `block` between the marker lines; False (file untouched) when a marker is absent."""
    text = readme.read_text(encoding="utf-8")
    lines = text.split("\n")
    try:
        begin = lines.index(begin_marker)
        end = lines.index(end_marker, begin + 1)
    except ValueError:
        print(f"note: {readme} has no `{begin_marker}` ... `{end_marker}` block; left unchanged")
        return False
    new = "\n".join(lines[:begin + 1] + block + lines[end:])
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return True
