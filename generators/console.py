"""What the commands print while they work: warnings on standard error, progress on standard output."""

from __future__ import annotations

import logging
import sys


def show_messages(logger_name: str, *, progress: bool = False) -> None:
    """A logger's warnings on standard error and, with `progress`, its progress lines on
    standard output; set up once however often it is asked for."""
    log = logging.getLogger(logger_name)
    if any(getattr(handler, "toolkit", False) for handler in log.handlers):
        return
    log.setLevel(logging.INFO)
    warnings = logging.StreamHandler(sys.stderr)
    warnings.setLevel(logging.WARNING)
    warnings.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handlers = [warnings]
    if progress:
        lines = logging.StreamHandler(sys.stdout)
        lines.setFormatter(logging.Formatter("%(message)s"))
        lines.addFilter(lambda record: record.levelno == logging.INFO)
        handlers.append(lines)
        log.propagate = False  # its warnings are shown here, not again by the engine's logger
    for handler in handlers:
        handler.toolkit = True
        log.addHandler(handler)
