"""What the tests share: where the kits are, how to copy one and run the `toolkit` command,
a valid activity, and the helpers that read back PDFs, pages and packets.

Test files import from here (`from tests.helpers import ...`), never from one another or from
a conftest.py; the fixtures themselves are in tests/conftest.py (and tests/browser/conftest.py).

Two kits:
- the shipped kit at KIT_ROOT: its content is checked by tests/content/ and tests/browser/;
- the fixture kit in tests/fixture_kit/: a few items of each type written for the tests, with
  copies of the shipped mkdocs.yml, kit.yml and toolkit/vocabulary.yml. The theme and the
  hand-written pages (docs/, overrides/, schemas/) are the shipped ones, copied in by
  copy_fixture_kit() and copy_kit_skeleton(), so the tests always build with the current theme.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import pytest

KIT_ROOT = Path(__file__).resolve().parent.parent
FIXTURE_KIT = Path(__file__).resolve().parent / "fixture_kit"

# --- Kits -------------------------------------------------------------------------------------

# The fixture kit's own files that make a kit without tools: settings and vocabulary.
FIXTURE_SETTINGS = ("mkdocs.yml", "kit.yml", "toolkit/vocabulary.yml")
# Taken from the shipped kit: the theme, the hand-written pages and the committed schemas.
SHIPPED_PARTS = ("docs", "overrides", "schemas")
# The fixture kit's tools, handout, session and guide pages.
FIXTURE_CONTENT = ("toolkit/activities", "toolkit/canvases", "toolkit/checklists", "toolkit/handouts", "facilitation")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        shutil.copy(source, target)


def copy_kit_skeleton(target: Path) -> Path:
    """The fixture kit's settings and vocabulary, with the shipped pages, theme and schemas, without any tool."""
    for name in FIXTURE_SETTINGS:
        _copy(FIXTURE_KIT / name, target / name)
    for name in SHIPPED_PARTS:
        _copy(KIT_ROOT / name, target / name)
    return target


def copy_fixture_kit(target: Path) -> Path:
    """The whole fixture kit: its skeleton, its two activities, canvas, checklist, handout, session and guide pages."""
    copy_kit_skeleton(target)
    for name in FIXTURE_CONTENT:
        _copy(FIXTURE_KIT / name, target / name)
    return target


def run_toolkit(args: list[str], cwd: Path, *, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run the installed `toolkit` command as a user would."""
    toolkit = Path(sys.executable).parent / "toolkit"
    return subprocess.run([str(toolkit), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def git(kit_root: Path, *args: str, day: str | None = None) -> None:
    """Run git in the kit as a test author; with `day` ('YYYY-MM-DD'), a commit is dated that day at noon."""
    dated = {"GIT_AUTHOR_DATE": f"{day}T12:00:00Z", "GIT_COMMITTER_DATE": f"{day}T12:00:00Z"} if day else {}
    subprocess.run(["git", *args], cwd=kit_root, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", **dated})


def validate_in_process(kit_root: Path, monkeypatch, capsys) -> tuple[int, str, str]:
    """`toolkit validate` run in this process from the kit's folder: exit status, stdout, stderr."""
    from generators.cli import main

    monkeypatch.chdir(kit_root)
    code = main(["validate"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


VALID_ACTIVITY = """\
title: Quick check-in
purpose: Start a meeting so everyone has spoken once
phases: [link]
buckets: [internal-champions]
sectors: [community, public-health]
minutes: {min: 10, max: 20}
group_size: {min: 3, max: 12}
difficulty: easy
steps:
  - title: Ask
    minutes: 5
    text: Ask one question that everyone answers in a sentence.
  - title: Listen
    minutes: 10
    text: Go round the circle; nobody comments on answers.
worksheet:
  prompts:
    - label: One thing I hope we decide today
      lines: 3
"""


# VALID_ACTIVITY's words in Spanish: a translation file (quick-check-in.es.yml) before its fingerprints.
SPANISH = """\
# Traducción de quick-check-in.yml
title: Ronda rápida
purpose: Empezar una reunión en la que todas las personas hablen una vez
steps:
  - title: Preguntar
    text: Haga una pregunta que cada persona responda en una frase.
  - title: Escuchar
    text: Den la vuelta al círculo; nadie comenta las respuestas.
worksheet:
  prompts:
    - label: Algo que espero que decidamos hoy
"""


def png(width: int, height: int) -> bytes:
    """A real PNG of one grey colour: the header holds the size the logo check reads."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = zlib.compress((b"\0" + b"\x80" * width) * height)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def tiny_png(path: Path, rgb=(122, 31, 92)) -> None:
    """A 4x4 pixel PNG in one colour: a stand-in for an organization's logo."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(rgb) * 4 for _ in range(4))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


FOUR_TITLES = ("Quick check-in", "Round of hopes", "Closing round", "Name the risk")


def write_four_activities(kit_root: Path) -> Path:
    """Four activities made from VALID_ACTIVITY, each with its own title and file name."""
    (kit_root / "toolkit" / "activities").mkdir(parents=True, exist_ok=True)
    for title in FOUR_TITLES:
        name = title.lower().replace(" ", "-")
        text = VALID_ACTIVITY.replace("Quick check-in", title)
        (kit_root / "toolkit" / "activities" / f"{name}.yml").write_text(text, encoding="utf-8")
    return kit_root


def write_activity(kit: Path, **fields: str) -> Path:
    """VALID_ACTIVITY as toolkit/activities/quick-check-in.yml, with some top-level fields replaced."""
    text = VALID_ACTIVITY
    for name, value in fields.items():
        old = next(line for line in text.splitlines() if line.startswith(f"{name}: "))
        text = text.replace(old, f"{name}: {value}", 1)
    path = kit / "toolkit/activities/quick-check-in.yml"
    path.write_text(text, encoding="utf-8")
    return path


# --- Fonts a machine may have (tests of other scripts) ------------------------------------------

# Debian package -> font files it installs that have Chinese characters, first found wins.
CJK_FONTS = {"fonts-noto-cjk": ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
             "fonts-wqy-zenhei": ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"],
             "fonts-droid-fallback": ["/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"]}
# Latin with Vietnamese letters, Arabic, Hebrew and more.
DEJAVU = {"fonts-dejavu-core": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]}


def system_font(packages: dict[str, list[str]]) -> Path:
    """A font file Debian installs with one of `packages`; skip (fail in CI) when there is none."""
    for files in packages.values():
        for file in files:
            if Path(file).is_file():
                return Path(file)
    reason = f"no suitable font on this machine: install one of the Debian packages {', '.join(packages)}"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def add_font(kit: Path, font: Path, **more: Path) -> None:
    """Copy the font into the kit's fonts folder and name it in kit.yml."""
    lines = ["fonts:"]
    for index, (role, file) in enumerate({"regular": font, **more}.items()):
        shutil.copy(file, kit / "overrides/assets/fonts" / file.name)
        lines.append(f"  {'- ' if index == 0 else '  '}{role}: overrides/assets/fonts/{file.name}")
    with (kit / "kit.yml").open("a", encoding="utf-8") as settings:
        settings.write("\n".join(lines) + "\n")


# --- Building PDFs in this process ---------------------------------------------------------------

PROGRESS = re.compile(r"PDFs: (\d+) rendered, (\d+) from cache, of (\d+)")


def page_urls(kit) -> dict[str, str]:
    """Each item's page address, as the site gives it: what the PDFs link to."""
    return {i: f"{kit.items[i].type.plural}/{i}/" for i in kit.items}


def build_pdfs_counted(kit_root: Path, caplog) -> tuple[int, int, int, dict[str, Path]]:
    """Build every PDF of the kit (in its own cache): how many were rendered, taken from the cache
    and made in all, and each PDF's file by '<id>-<variant>'."""
    from generators.kit import load_kit
    from generators.pdf.worksheets import build_pdfs

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.toolkit"):
        kit = load_kit(kit_root)
        pdfs = build_pdfs(kit, page_urls(kit))
    rendered, cached, total = (int(n) for n in PROGRESS.search(caplog.text).groups())
    assert rendered + cached == total
    return rendered, cached, total, {f"{pdf.item_id}-{pdf.variant}": pdf.path
                                     for group in pdfs.values() for pdf in group}


def render(kit_root: Path, name: str) -> Path:
    """Build the kit's PDFs (in its own cache) and copy out the one called `name`."""
    from generators.kit import load_kit
    from generators.pdf.worksheets import build_pdfs

    kit = load_kit(kit_root)
    built = {f"{pdf.item_id}-{pdf.variant}": pdf.path for pdfs in build_pdfs(kit, page_urls(kit)).values()
             for pdf in pdfs}
    path = kit_root / f"{name}.pdf"
    path.write_bytes(built[name].read_bytes())
    return path


# Renders the named PDFs of a kit into a folder, in a process of its own.
_RENDER = """
import sys
from pathlib import Path
from generators.kit import load_kit
from generators.pdf.assets import AssetLookup, asset_folders
from generators.pdf.rendering import render_pdf
from generators.pdf.joining import laid_over
from generators.pdf.numbering import number_runs
from generators.pdf.worksheets import pdf_jobs
from generators.templating import print_environment
kit = load_kit(Path(sys.argv[1]))
urls = {i: f"{kit.items[i].type.plural}/{i}/" for i in kit.items}
jobs = {f"{j.item_id}-{j.variant}": j for j in pdf_jobs(kit, urls)}
lookup = AssetLookup(asset_folders(kit.root))
for name in sys.argv[3:]:
    job = jobs[name]
    pdf = render_pdf(job.html, lookup, job.kind)
    if job.numbered_in:  # rendered without page numbers, then numbered, as a build does
        runs = number_runs(print_environment(kit.root), kit, job, pdf)
        pdf = laid_over(pdf, [render_pdf(run.html, lookup, run.kind) for run in runs])
    (Path(sys.argv[2]) / f"{name}.pdf").write_bytes(pdf)
"""


def render_fresh(kit_root: Path, folder: Path, names: list[str], **env) -> dict[str, bytes]:
    """The named PDFs of the kit, rendered in a new process without the cache, by name."""
    folder.mkdir(parents=True)
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    result = subprocess.run([sys.executable, "-c", _RENDER, str(kit_root), str(folder), *names],
                            env=environment, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return {name: (folder / f"{name}.pdf").read_bytes() for name in names}


# --- Reading PDFs back ---------------------------------------------------------------------------

MM = 72 / 25.4
PAGE_SIZES = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}
SHIPPED_LOGO_STROKE = (42, 138, 155)   # the middle ring of overrides/assets/logo.svg


def flat(text: str) -> str:
    # Words joined by a hyphen may break across lines ("co-" / "leader"); extraction adds a space
    # there, and PDFium marks such a hyphen as U+FFFE.
    return " ".join(text.replace("\ufffe", "-").split()).replace("- ", "-")


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    colour: tuple        # fill colour, 0-255 per channel


@dataclass(frozen=True)
class Shape:
    kind: str            # 'path' or 'image'
    x0: float
    top: float
    x1: float
    bottom: float
    stroke: tuple        # stroke colour, 0-255 per channel


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    text: str            # flattened, as a reader would copy it
    chars: tuple[Char, ...]
    shapes: tuple[Shape, ...]  # lines, paths and images: rules, boxes, crop marks, the logo

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@cache
def read_pdf(path: Path) -> tuple[Page, ...]:
    """Every page of a PDF with its size, text and characters; each file is read once per test run.

    PDFium reads a page in milliseconds (pdfplumber takes a second or more), and gives the text
    in the order it is drawn, which is reading order.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pages = []
    document = pdfium.PdfDocument(path)
    for page in document:
        width, height = page.get_size()
        textpage = page.get_textpage()
        chars = []
        for index in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(index)
            red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
            pdfium_c.FPDFText_GetFillColor(textpage, index, red, green, blue, alpha)
            chars.append(Char(chr(pdfium_c.FPDFText_GetUnicode(textpage, index)), left, height - top, right,
                              height - bottom, (red.value, green.value, blue.value)))
        shapes = []
        for drawn in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE]):
            left, bottom, right, top = drawn.get_bounds()
            red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
            pdfium_c.FPDFPageObj_GetStrokeColor(drawn.raw, red, green, blue, alpha)
            kind = "image" if drawn.type == pdfium_c.FPDF_PAGEOBJ_IMAGE else "path"
            shapes.append(Shape(kind, left, height - top, right, height - bottom, (red.value, green.value, blue.value)))
        pages.append(Page(width, height, flat(textpage.get_text_range()), tuple(chars), tuple(shapes)))
    document.close()
    return tuple(pages)


def text_of(path: Path) -> str:
    return " ".join(page.text for page in read_pdf(path))


def pdf_text(path: Path) -> str:
    """The PDF's text as pdfplumber reads it, whitespace collapsed."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((page.extract_text() or "") for page in pdf.pages).split())


def paper_of(variant: str) -> str | None:
    """The paper of a variant: 'letter' for 'letter', 'fillable-letter', 'packet-letter'; None for posters."""
    paper = variant.rsplit("-", 1)[-1]
    return paper if paper in PAGE_SIZES else None


def logo_on(page, stroke=SHIPPED_LOGO_STROKE) -> bool:
    """The logo is drawn on the page: the placeholder's rings, or any image."""
    return any(shape.stroke == stroke or shape.kind == "image" for shape in page.shapes)


def colour_of(page, words: str) -> tuple:
    """The fill colour of the first character of `words` on the page."""
    chars = [c for c in page.chars if c.text.strip()]
    index = "".join(c.text for c in chars).index("".join(words.split()))
    return chars[index].colour


TOC_LINE = re.compile(r"^(.+?)\s*(?:\.\s*){3,}(\d+)$")


def page_texts(path) -> list[str]:
    """Each page's text, whitespace collapsed (read with PDFium, many times faster than pypdf)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def plus_minutes(start: str, minutes: int) -> str:
    """The clock time `minutes` after `start` ('HH:MM'), as an agenda prints it."""
    return (datetime.strptime(start, "%H:%M") + timedelta(minutes=minutes)).strftime("%H:%M")


def contents(path) -> list[tuple[str, int]]:
    """A packet cover's table of contents as (title, page number)."""
    from pypdf import PdfReader

    first_page = PdfReader(path).pages[0].extract_text()
    return [(m[1].strip(), int(m[2])) for line in first_page.splitlines() if (m := TOC_LINE.match(line.strip()))]


def shipped_item_ids() -> list[str]:
    """The ids of the shipped kit's tools and sessions, to parametrize tests of its PDFs."""
    from generators.kit import load_kit

    return sorted(load_kit(KIT_ROOT).items)


# --- Reading built pages -------------------------------------------------------------------------

class _Reader(HTMLParser):
    """Collects the visible text and the links of a page's main content."""

    def __init__(self):
        super().__init__()
        self.in_article = 0
        self.text: list[str] = []
        self.links: list[str] = []
        self.headings: list[str] = []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if self.in_article and tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if self.in_article and tag in ("h1", "h2"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()).rstrip("¶").strip())
            self._heading = None

    def handle_data(self, data):
        if self.in_article:
            self.text.append(data)
            if self._heading is not None:
                self._heading.append(data)


def read_page(path) -> _Reader:
    """A built HTML page's main content: .headings (h1, h2), .links and .visible text."""
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.visible = " ".join(" ".join(reader.text).split())
    return reader


# --- The browser tests -----------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
# The rules axe-core checks pages against: WCAG 2.1, levels A and AA.
WCAG_21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# The site is served from a sub-path, as on a host that serves several sites from one address.
SUB_PATH = "/partnership-toolkit/"
LOCAL_HOST = "127.0.0.1"
# A tool and a word that appears in its steps and in no other tool or guide page.
SEARCHED_TOOL, WORD_FROM_ITS_STEPS = "data-walk", "posters"


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only: a link that climbs out of the sub-path gets a 404."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "outside-the-sub-path")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def log_message(self, format, *args):  # keep the test output quiet
        pass


@dataclass
class Traffic:
    """Everything the browser asked for while a test ran, and everything that went wrong."""

    urls: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def hosts(self) -> set[str]:
        return {urlsplit(url).hostname for url in self.urls if not url.startswith(("data:", "blob:"))}

    def watch(self, page) -> None:
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("response", lambda response: response.status >= 400
                and self.problems.append(f"HTTP {response.status}: {response.url}"))
        page.on("pageerror", lambda error: self.problems.append(f"JavaScript error: {error}"))
        page.on("console", lambda message: message.type == "error"
                and self.problems.append(f"console error: {message.text}"))


def search(page, words: str) -> None:
    """Type into the search box key by key, as a person does (the theme searches on key presses)."""
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type(words)


# --- The structure tree of a tagged PDF ----------------------------------------------------------

def structure_elements(pdf) -> list:
    """Every structure element of an open pikepdf.Pdf, in the tree's (reading) order."""
    found = []

    def walk(node):
        kids = node.get("/K")
        for kid in (kids if isinstance(kids, list) or hasattr(kids, "as_list") else [kids]):
            if hasattr(kid, "get") and kid.get("/S") is not None and kid.get("/Type") not in ("/MCR", "/OBJR"):
                found.append(kid)
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return found


def marked_content(element) -> list[tuple[int, int]]:
    """The element's own marked content, as (page object number, MCID) pairs."""
    kids = element.get("/K")
    found = []
    for kid in (list(kids) if isinstance(kids, list) or hasattr(kids, "as_list") else [kids]):
        if isinstance(kid, int):
            found.append((element.Pg.objgen[0], int(kid)))
        elif hasattr(kid, "get") and kid.get("/Type") == "/MCR":
            page = kid.get("/Pg") or element.Pg
            found.append((page.objgen[0], int(kid.MCID)))
    return found


def page_mcids(page) -> list[int]:
    """The MCIDs a page's content marks (artifacts have none)."""
    import pikepdf

    found = []
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "BDC" and len(operands) == 2:
            properties = operands[1]
            if isinstance(properties, pikepdf.Name):
                properties = page.Resources.Properties[properties]
            if "/MCID" in properties:
                found.append(int(properties.MCID))
    return found


def unreachable_marked_content(path: Path) -> list[str]:
    """Marked content a screen reader cannot reach: not in the parent tree, or mapped there to
    an element that the structure tree does not hold."""
    import pikepdf

    problems = []
    with pikepdf.open(path) as pdf:
        reachable = {element.objgen for element in structure_elements(pdf)}
        parents = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
        for number, page in enumerate(pdf.pages, start=1):
            mcids = page_mcids(page)
            if not mcids:
                continue
            key = page.obj.get("/StructParents")
            entries = parents.get(int(key)) if key is not None else None
            for mcid in mcids:
                element = entries[mcid] if entries is not None and mcid < len(entries) else None
                if element is None or not hasattr(element, "objgen") or element.objgen not in reachable:
                    problems.append(f"{path.name}: page {number}, MCID {mcid}")
    return problems


def pdf_ua_failures(paths) -> list[str]:
    """What the independent PDF/UA-1 checker (page-validation's `ua1` profile) finds, per file."""
    from page import validate_pdf

    return [f"{path.name}: {failure.rule_id} {failure.message}" for path in paths
            for failure in validate_pdf(str(path), profile="ua1").failures]


# Five activities across two phases (three start in "link", two in "listen"): enough for a book
# and card decks in volumes with kit.yml's volume_size at 2.
ACTIVITIES_BY_PHASE = {"opening-round": "link", "name-the-risk": "link", "closing-round": "link",
                       "map-the-assets": "listen", "hear-the-residents": "listen"}


def write_activities_by_phase(kit_root: Path) -> Path:
    """ACTIVITIES_BY_PHASE as VALID_ACTIVITY retitled ('Opening round', ...) and rephased."""
    for name, phase in ACTIVITIES_BY_PHASE.items():
        title = name.replace("-", " ").capitalize()
        text = VALID_ACTIVITY.replace("Quick check-in", title).replace("phases: [link]", f"phases: [{phase}]")
        (kit_root / "toolkit" / "activities" / f"{name}.yml").write_text(text, encoding="utf-8")
    return kit_root


def finished_at(seconds: float) -> float:
    """Sleep, then say when: run in PDF worker processes to see in which order they took work."""
    import time

    time.sleep(seconds)
    return time.monotonic()
