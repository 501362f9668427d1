"""Read one YAML file safely, remembering where every value sits.

PyYAML's safe loader is used for parsing only. We build the Python values ourselves
so that we can (1) keep the line and column of every key and value, (2) reject
duplicate keys, which PyYAML would silently overwrite, and (3) use a small,
predictable set of implicit types: `yes`, `no`, `on`, `off`, `09:30` and dates
stay text instead of turning into booleans, base-60 numbers or date objects.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import Problem, field_path

Location = tuple[int, int]  # 1-based line and column


class _StrictLoader(yaml.SafeLoader):
    """Safe loader without anchors/aliases (they allow 'billion laughs' blow-ups)."""

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (& and *) are not supported; write the value out in full",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


# Implicit types as in YAML 1.2's core schema, minus the surprises of YAML 1.1.
_StrictLoader.yaml_implicit_resolvers = {}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


# The line breaks PyYAML counts, so that a raw line has the number its marks give.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass
class SourceDocument:
    """The values of one YAML file and where each one was written."""

    path: Path
    shown_as: str  # the path as error messages show it
    data: object
    value_at: dict[tuple, Location] = field(default_factory=dict)
    key_at: dict[tuple, Location] = field(default_factory=dict)
    text: str = ""  # the file as written, for messages that need to look at a raw line

    def raw_line(self, number: int) -> str:
        """Line `number` (from 1) of the file as written, or '' past its end."""
        lines = _LINE_BREAK.split(self.text)
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def locate(self, loc: tuple, *, key: bool = False) -> Location:
        """Where a field is, or the nearest enclosing field that exists in the file."""
        table = self.key_at if key else self.value_at
        for end in range(len(loc), -1, -1):
            prefix = tuple(loc[:end])
            if prefix in table:
                return table[prefix]
            if prefix in self.value_at:
                return self.value_at[prefix]
        return (1, 1)

    def problem(self, loc: tuple, message: str, *, key: bool = False) -> Problem:
        line, column = self.locate(loc, key=key)
        return Problem(self.shown_as, line, column, field_path(loc), message)


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


MAX_FILE_BYTES = 1_000_000  # a tool file is a few KB; anything near this is a mistake
MAX_DEPTH = 30


# Documents already parsed, by file: the live preview reloads the whole kit after each save,
# and parsing is most of that work; a file whose bytes are unchanged is not parsed again.
_parsed: dict[tuple[Path, str], tuple[bytes, SourceDocument]] = {}


def read_yaml(path: Path, shown_as: str) -> SourceDocument:
    """Parse a YAML file into a SourceDocument, or raise YamlProblem."""
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).digest()
    earlier = _parsed.get((path, shown_as))
    if earlier and earlier[0] == digest:
        return earlier[1]
    doc = _parse(path, shown_as, raw)
    _parsed[(path, shown_as)] = (digest, doc)
    return doc


def _parse(path: Path, shown_as: str, raw: bytes) -> SourceDocument:
    def fail(message: str, line: int = 1, column: int = 1) -> YamlProblem:
        return YamlProblem(Problem(shown_as, line, column, "", message))

    if len(raw) > MAX_FILE_BYTES:
        raise fail(f"the file is {len(raw):,} bytes; tool files are small text files. "
                   "Check that this is the right file.")
    text = _decode(raw, fail)
    if not text.strip():
        raise fail("the file is empty. Fill it in, or delete it.")

    try:
        loader = _StrictLoader(text)
        root = loader.get_single_node()
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise fail(f"the file holds an invisible control character (U+{code:04X}), which YAML does not "
                   "allow. Delete it, or retype the line.", line) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, shown_as) from None
    except RecursionError:  # PyYAML composes nested values recursively
        raise fail(f"values are nested more than {MAX_DEPTH} levels deep. Tool files need only a few "
                   "levels; check the brackets and indentation.") from None

    if root is None:  # only comments, or a lone '---'
        raise fail("the file has only comments. Fill it in, or delete it.")
    doc = SourceDocument(path, shown_as, None, text=text)
    doc.data = _build(root, (), doc, loader, depth=0)
    return doc


# Longest marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
                     (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"))


def _decode(raw: bytes, fail) -> str:
    """The file's text. UTF-8 by default; UTF-16 and UTF-32 when the file starts with their
    byte-order mark, as YAML allows (Notepad's "Unicode" and PowerShell 5 write UTF-16 that way)."""
    for mark, codec, name in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return raw[len(mark):].decode(codec)
            except UnicodeDecodeError:
                raise fail(f"the file starts like {name} text but is damaged further on. "
                           "Save it again as UTF-8 text.") from None
    # Without a byte-order mark, a NUL byte means a binary file (or UTF-16 without its mark).
    if b"\x00" in raw:
        raise fail("this is not a text file. Save it as plain UTF-8 text.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise fail("the file is not UTF-8 text. Save it with UTF-8 encoding.", line) from None


def _syntax_problem(error: yaml.MarkedYAMLError, shown_as: str) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (error.problem or "the YAML cannot be read").rstrip(".")
    if "'\\t'" in problem:
        hint = "Tabs cannot indent YAML. Replace them with spaces."
    elif "anchors and aliases" in problem:
        hint = ""
    else:
        hint = ("Check the indentation and punctuation on this line and the one before it; "
                "text with a colon or # inside needs quotes.")
    message = f"YAML syntax: {problem}." + (f" {hint}" if hint else "")
    return YamlProblem(Problem(shown_as, line, column, "", message))


def _where(node) -> Location:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node, loc: tuple, doc: SourceDocument, loader, depth: int):
    if depth > MAX_DEPTH:
        line, column = _where(node)
        raise YamlProblem(Problem(doc.shown_as, line, column, field_path(loc),
                                  f"values are nested more than {MAX_DEPTH} levels deep. "
                                  "Tool files need only a few levels; check the indentation."))
    doc.value_at[loc] = _where(node)
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, column = _where(key_node)
                raise YamlProblem(Problem(doc.shown_as, line, column, field_path(loc),
                                          "a field name must be plain text."))
            key = str(loader.construct_scalar(key_node))
            if key in result:
                line, column = _where(key_node)
                first_line = doc.key_at[loc + (key,)][0]
                raise YamlProblem(Problem(
                    doc.shown_as, line, column, field_path(loc + (key,)),
                    f"'{key}' appears twice in the same place (first on line {first_line}). "
                    "Keep one and delete the other."))
            doc.key_at[loc + (key,)] = _where(key_node)
            result[key] = _build(value_node, loc + (key,), doc, loader, depth + 1)
        return result
    if isinstance(node, SequenceNode):
        return [_build(item, loc + (i,), doc, loader, depth + 1) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:
        line, column = _where(node)
        raise YamlProblem(Problem(doc.shown_as, line, column, field_path(loc),
                                  f"the tag '{node.tag}' is not allowed: values starting with '!' are YAML tags. "
                                  "Write the value as plain text, in quotes if it starts with '!'.")) from None
