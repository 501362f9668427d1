"""The `toolkit` command: validate and build the kit in the current folder."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from .engines import ENGINES
from .errors import KitInvalid, Problem


def _validate(args) -> int:
    from .content_types import CONTENT_TYPES
    from .kit import find_kit_root, load_kit
    from .locale import ui_words

    kit = load_kit(find_kit_root(Path.cwd()))
    # Tools counted together, then every other type by its own name: "1 session plan", "2 handouts".
    words = ui_words("en")
    counts = [_count(len(kit.tools), "tool"), *(_count(len(kit.of_type(ctype.name)), ctype.label(words).lower())
                                                for ctype in CONTENT_TYPES if not ctype.is_tool)]
    print(f"The kit is valid: {', '.join(counts[:-1])} and {counts[-1]}.")
    return 0


def _new(args) -> int:
    from .kit import find_kit_root
    from .scaffold import new_item

    root = find_kit_root(Path.cwd())
    path = new_item(root, args.type, args.title)
    shown = path.relative_to(root).as_posix()
    print(f"Wrote {shown}. Replace the lines marked TODO, then run 'toolkit validate' and 'make serve' to preview it.")
    return 0


def _schemas(args) -> int:
    from .kit import find_kit_root
    from .schemas import write_schemas

    root = find_kit_root(Path.cwd())
    written = write_schemas(root)
    print(f"{len(written)} schema files updated." if written else "The schemas are up to date.")
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _build(args) -> int:
    from .build import build_site
    from .kit import find_kit_root

    root = find_kit_root(Path.cwd())
    site = build_site(root, Path(args.site_dir) if args.site_dir else None, plain_folder=args.plain_folder,
                      engine=args.engine, pdfs=not args.no_pdfs)
    print(f"Built the site in {site} with {args.engine}.")
    return 0


def _generate(args) -> int:
    from .build import generate_project
    from .kit import find_kit_root

    folder = generate_project(find_kit_root(Path.cwd()), Path(args.folder), pdfs=not args.no_pdfs)
    print(f"Wrote the site's project to {folder}. Build it there with 'mkdocs build', 'properdocs build' "
          "or 'zensical build'.")
    return 0


def _packet(args) -> int:
    from .errors import Problem
    from .kit import find_kit_root, load_kit, load_plan
    from .output_safety import check_output_file
    from .atomic_write import write_atomically
    from .packet import COMMAND as COMMAND_PACKET
    from .packet import packet_for_ids, session_packet
    from .paper import PAPERS
    from .pdf.assets import AssetLookup, asset_folders
    from .pdf.cache import cache_folder
    from .pdf.coverage import check_font_coverage
    from .pdf.joined import build_joined
    from .pdf.packets import packet_document
    from .pdf.renderer import Renderer
    from .site_files import item_page_urls
    from .templating import print_environment

    kit = load_kit(find_kit_root(Path.cwd()))
    # Every check on the output file, the agenda and the fonts comes before rendering, which takes seconds.
    output = check_output_file(Path(args.output), kit.root, args.force)
    check_font_coverage(kit)
    if bool(args.ids) == bool(args.plan):
        raise KitInvalid([Problem(COMMAND_PACKET, 0, 0, "", "give tool ids, one session id, or --plan FILE "
                                  "(a session file), but not ids and --plan together.")])
    if args.plan:
        packet = session_packet(kit, load_plan(kit, Path(args.plan)), args.start)
    else:
        packet = packet_for_ids(kit, args.ids, args.start, args.title)
    paper = PAPERS[args.paper or kit.settings.paper]
    env = print_environment(kit.root)
    # The worksheets as the site's build renders them, so that those it has cached are used as they are.
    document = packet_document(env, kit, packet, paper, "", item_page_urls(kit), stem="packet", label="",
                               source=args.output)
    with Renderer(AssetLookup(asset_folders(kit.root)), cache_folder(kit.root)) as renderer:
        renderer.paths(document.pieces)
        pdf = build_joined(env, kit, [document], renderer)[0].read_bytes()
    try:
        write_atomically(output, pdf)
    except OSError as error:
        raise KitInvalid([Problem("toolkit packet --output", 0, 0, "", f"could not write {args.output} "
                                  f"({error.strerror or error}). Check that you may write in that folder, "
                                  "or give another file name.")]) from error
    print(f"Wrote {args.output}: {_count(len(packet.tools), 'tool')}, {packet.rows[0].starts}–"
          f"{packet.rows[-1].ends}, {paper.variant} paper.")
    for row in packet.rows:
        print(f"  {row.starts}–{row.ends}  {row.title} ({row.minutes} min)")
    return 0


def _translations(args) -> int:
    from .kit import find_kit_root, load_kit
    from .translation_report import listed_languages, stamp, statuses
    from .translations import report

    root = find_kit_root(Path.cwd())
    if args.stamp:
        print(stamp(root, args.stamp))
        return 0
    kit = load_kit(root)
    found = statuses(kit, listed_languages(kit, args.language or []))
    for line in report(found) or ["No translations yet: add one beside its English file, such as "
                                  "toolkit/activities/data-walk.es.yml, and list its language in kit.yml "
                                  "under other_languages."]:
        print(line)
    # Strict about the languages the kit is published in (and those asked for): a translation
    # begun but not yet published does not fail the tests.
    checked = {*kit.settings.other_languages, *(args.language or [])}
    return 1 if args.strict and not all(status.complete for status in found if status.language in checked) else 0


def _report(args) -> int:
    from .kit import find_kit_root, load_kit
    from .plain_words import sheet_readings
    from .reading_report import report_lines, targets_met

    kit = load_kit(find_kit_root(Path.cwd()))
    if args.language and args.language != kit.settings.language:
        from .languages import kit_in

        if args.language not in kit.settings.other_languages:
            raise KitInvalid([Problem("toolkit report --language", 0, 0, "", f"the kit is not published in "
                                      f"'{args.language}'. Use one of: {', '.join(kit.settings.other_languages) or '-'} "
                                      "(kit.yml's other_languages).")])
        kit = kit_in(kit, args.language)
    readings = sheet_readings(kit)
    print("\n".join(report_lines(kit, readings)))
    return 0 if not args.check or targets_met(readings) else 1


def _clock_time(text: str) -> str:
    import re

    if not re.fullmatch(r"([01]?[0-9]|2[0-3]):[0-5][0-9]", text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a time; use the 24-hour clock, e.g. 09:30 or 17:45")
    hours, minutes = text.split(":")
    return f"{int(hours):02d}:{minutes}"


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="toolkit", description="Check and build the partnership toolkit.")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("validate", help="check every YAML file and report all problems").set_defaults(run=_validate)
    build = commands.add_parser("build", help="build the site and every PDF into site/")
    build.add_argument("--site-dir", help="where to put the site (default: site/ in the kit's folder)")
    build.add_argument("--plain-folder", action="store_true",
                       help="build a copy that opens straight from the folder, without a web server "
                            "(page addresses end in .html)")
    build.add_argument("--engine", choices=ENGINES, default="mkdocs",
                       help="the site engine (default: mkdocs); properdocs and zensical are optional installs")
    build.add_argument("--no-pdfs", action="store_true", help="pages only, without PDFs: for a quick look")
    build.set_defaults(run=_build)
    generate = commands.add_parser("generate", help="write the site as a plain project (Markdown, PDFs, "
                                   "mkdocs.yml) that MkDocs, ProperDocs or Zensical can build")
    generate.add_argument("folder", metavar="DIR", help="a new or empty folder outside the kit's sources")
    generate.add_argument("--no-pdfs", action="store_true", help="pages only, without PDFs")
    generate.set_defaults(run=_generate)
    packet = commands.add_parser("packet", help="write one PDF with an agenda and the worksheets of the given tools")
    packet.add_argument("ids", nargs="*", metavar="ID", help="tool ids in agenda order, or one session id")
    packet.add_argument("--plan", metavar="FILE", help="a session file from anywhere, such as one the site's "
                        "meeting planner saved with 'Download as a session file' (instead of ids)")
    packet.add_argument("--start", type=_clock_time, help="start time, e.g. 09:30 (default: the session's, or 09:00)")
    packet.add_argument("--output", required=True,
                        help="where to write the PDF, e.g. packet.pdf; never inside the kit's source folders")
    packet.add_argument("--force", action="store_true", help="replace the output file if it is already a PDF")
    packet.add_argument("--paper", choices=["letter", "a4"], help="paper size (default: the kit's)")
    packet.add_argument("--title", help="title on the cover (tools only; a session uses its own)")
    packet.set_defaults(run=_packet)
    new = commands.add_parser("new", help="write a starter YAML file for a new tool, session or handout")
    new.add_argument("type", choices=["activity", "canvas", "checklist", "session", "handout"], help="what to create")
    new.add_argument("title", help="its title, in quotes")
    new.set_defaults(run=_new)
    report = commands.add_parser("report", help="show how plain each participant sheet is: reading grade, "
                                 "uncommon words, words explained on the sheet")
    report.add_argument("--check", action="store_true",
                        help="exit with 1 if the average grade is above 6 or any sheet above 8 (in Spanish: "
                        "the average Fernández-Huerta score below 70 or any sheet below 60)")
    report.add_argument("--language", metavar="CODE", help="report the sheets in this language of the kit, "
                        "e.g. es (Spanish gets the Fernández-Huerta score)")
    report.set_defaults(run=_report)
    translations = commands.add_parser("translations", help="list, per language, what is translated, missing "
                                       "or stale (the English changed after translation), by file and field")
    translations.add_argument("--language", action="append", metavar="CODE",
                              help="a language to list even with no translation yet, e.g. es (may be repeated)")
    translations.add_argument("--strict", action="store_true", help="exit 1 if anything is missing or stale in a "
                              "language the kit is published in (kit.yml's other_languages) or given with --language")
    translations.add_argument("--stamp", metavar="FILE", help="write into a translation file the fingerprints "
                              "of the English it now translates (after translating or updating it)")
    translations.set_defaults(run=_translations)
    schemas = commands.add_parser("schemas", help="rewrite the JSON Schemas in schemas/ from the content model")
    schemas.set_defaults(run=_schemas)
    return main_parser


class Stopped(KeyboardInterrupt):
    """The command was asked to stop (SIGTERM, SIGHUP): cleaned up like Ctrl-C."""

    def __init__(self, signal_number: int):
        super().__init__(signal_number)
        self.signal_number = signal_number


def _stop_on_signals() -> dict:
    """Let a terminated or hung-up command clean up as after Ctrl-C, instead of dying mid-write.
    Returns the handlers it replaced."""
    def stop(signal_number, _frame):
        raise Stopped(signal_number)

    replaced = {}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):  # Windows has no SIGHUP
            number = getattr(signal, name)
            replaced[number] = signal.signal(number, stop)
    return replaced


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        replaced = _stop_on_signals()
    except ValueError:  # not the main thread: signals stay with whoever runs us
        replaced = {}
    try:
        return _run(args)
    finally:
        for number, handler in replaced.items():
            signal.signal(number, handler)


def _run(args) -> int:
    try:
        return args.run(args)
    except KitInvalid as error:
        print(error.report(), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped reading (`toolkit translations | head`): not a failure of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
        return 0
    except KeyboardInterrupt as stop:
        print("Stopped. Nothing half-written was kept; what was there before is as it was.", file=sys.stderr)
        return 128 + getattr(stop, "signal_number", signal.SIGINT)
    except Exception as error:  # last resort: people who run this do not read tracebacks
        if os.environ.get("TOOLKIT_DEBUG"):
            raise
        print(f"Something went wrong inside the toolkit: {type(error).__name__}: {error}\n"
              "Nothing in your YAML files was changed. Run again with TOOLKIT_DEBUG=1 for details, "
              "and report it with that output.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
