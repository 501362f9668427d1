"""Problems found in the kit's files, worded for people who do not write Python."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, at one place."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # Line 0 means the problem is about the whole file or command, not a place in it.
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class KitInvalid(Exception):
    """Raised with every problem of every file, so they can be shown together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} {noun} found. Fix the lines above, then run the command again.")
        return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """A path as the user sees it: relative to the kit's folder when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def field_path(loc: tuple) -> str:
    """('steps', 1, 'text') -> 'steps[2].text'. List positions count from 1, as people do."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text
