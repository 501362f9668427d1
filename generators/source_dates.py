"""The date each source file last changed in git: the date printed in its PDFs.

A PDF carries the day its tool last changed, not the day of the build or of the last
commit: a commit that touches one file then leaves every other PDF's HTML, and so its
cache key, as it was, while two builds of one commit still give the same bytes.
A file git does not know (new, or a copy of the kit outside git) has no date.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

# The folders whose files' dates are printed: the content, nothing else.
DATED_FOLDERS = ("toolkit", "facilitation")


def last_change_dates(root: Path) -> dict[Path, str]:
    """Each committed content file under `root` (absolute path) -> 'YYYY-MM-DD' of its last commit.

    One `git log` over the history, newest first: a file's first appearance is its last change.
    """
    try:
        result = subprocess.run(
            ["git", "log", "--format=\x01%ct", "--name-only", "--no-renames", "--relative", "-z",
             "--", *DATED_FOLDERS],
            cwd=root, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[Path, str] = {}
    day = ""
    for entry in result.stdout.decode("utf-8", "replace").split("\0"):
        entry = entry.strip("\n")
        if entry.startswith("\x01"):
            stamp, _, entry = entry[1:].partition("\n")
            day = datetime.fromtimestamp(int(stamp), tz=UTC).strftime("%Y-%m-%d") if stamp.isdigit() else ""
        if entry and day:
            dates.setdefault((root / entry).resolve(), day)
    return dates
