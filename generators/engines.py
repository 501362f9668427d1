"""The site engines `toolkit build --engine` can use on a generated project.

MkDocs 1.6 is the default (its last release; Material for MkDocs is maintained until
2027-05-05). ProperDocs is a drop-in fork of MkDocs. Zensical, the Material team's
successor, reads mkdocs.yml and builds real Markdown files, which is all a generated
project holds. ProperDocs and Zensical are optional: installed only when asked for.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .console import show_messages
from .errors import KitInvalid, Problem

ENGINES = ("mkdocs", "properdocs", "zensical")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
# What to install for each optional engine (the extras in pyproject.toml).
EXTRAS = {"properdocs": "properdocs", "zensical": "zensical"}


def run_engine(engine: str, config_file: Path) -> None:
    """Build the project of `config_file` into its site_dir, strictly: any warning stops it."""
    if engine == "mkdocs":
        _mkdocs(config_file)
    else:
        _command(engine, [_executable(engine), "build", "--config-file", str(config_file), "--strict"],
                 config_file.parent)


def _failed(engine: str, detail: str) -> KitInvalid:
    return KitInvalid([Problem("mkdocs.yml", 0, 0, "", f"the site build with {engine} stopped ({detail}). "
                               "See the messages above; the previous site was left as it was.")])


def _mkdocs(config_file: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    show_messages("mkdocs")
    try:
        build(load_config(str(config_file), strict=True))
    except (Abort, ConfigurationError) as error:
        raise _failed("MkDocs", str(error)) from None


def _executable(engine: str) -> str:
    beside_python = Path(sys.executable).parent / engine
    found = str(beside_python) if beside_python.is_file() else shutil.which(engine)
    if not found:
        raise KitInvalid([Problem(f"toolkit build --engine {engine}", 0, 0, "", f"{engine} is not installed. "
                                  f"Install it with: pip install 'partnership-toolkit[{EXTRAS[engine]}]' "
                                  f"(or: pip install {engine}), then run the command again.")])
    return found


def _command(engine: str, command: list[str], folder: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    result = subprocess.run(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    if result.returncode != 0:
        # The engine's own messages say what is wrong; a Python traceback after them (Zensical
        # prints one when --strict stops it) says nothing to the people who read this.
        messages = result.stdout.split("Traceback (most recent call last):", 1)[0]
        sys.stderr.write(ANSI_COLOUR.sub("", messages))
        raise _failed(engine, f"exit status {result.returncode}")
