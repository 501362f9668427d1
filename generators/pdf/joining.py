"""Join tagged PDFs into one document that stays tagged for screen readers.

Long documents (the book, the card decks) are rendered in pieces, so that a change to one
tool re-renders only its piece; this puts the pieces back together. The first piece gives
the whole its catalog: language, title, metadata and PDF/UA identification. Every later
piece's structure tree becomes a part of the first one's, and the numbers that tie page
content to structure elements (StructParents) are shifted so that they stay unique.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name

# Links in a piece to this address plus a page number become links to that page of the
# joined document: a piece cannot point into another piece while it is rendered alone.
PAGE_LINK_PREFIX = "https://page.invalid/"


@dataclass
class Bookmark:
    title: str
    page: int  # zero-based, in the joined document
    children: list[Bookmark] = field(default_factory=list)


def page_link(page: int) -> str:
    """The address a piece links to for `page` (zero-based) of the joined document."""
    return f"{PAGE_LINK_PREFIX}{page}"


def page_counts(pdfs: list[bytes]) -> list[int]:
    counts = []
    for data in pdfs:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            counts.append(len(pdf.pages))
    return counts


def page_orientations(pdfs: list[bytes]) -> list[bool]:
    """For every page of every PDF in turn: True where the page is landscape."""
    landscape = []
    for data in pdfs:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                box = [float(n) for n in page.mediabox]
                landscape.append(box[2] - box[0] > box[3] - box[1])
    return landscape


def join_tagged(pieces: list[bytes], bookmarks: list[Bookmark], page_numbers: bytes | None = None) -> bytes:
    """One PDF of all pieces in order, with `bookmarks` as its outline.

    `page_numbers`, when given, is a PDF with as many pages as the result whose content
    (page numbers in the footer) is laid over each page, marked as page furniture.
    """
    joined = pikepdf.open(io.BytesIO(pieces[0]))
    tree = joined.Root.StructTreeRoot
    document = _top_element(tree)
    language = str(joined.Root.get("/Lang", ""))
    numbers = _number_tree_entries(tree.ParentTree)
    next_key = _next_key(tree, numbers)
    opened = []
    for data in pieces[1:]:
        piece = pikepdf.open(io.BytesIO(data))
        opened.append(piece)  # kept open until saved: copied objects are read from it lazily
        first_new_page = len(joined.pages)
        joined.pages.extend(piece.pages)
        shift = next_key
        for page in joined.pages[first_new_page:]:
            _shift_struct_parents(page.obj, shift)
        piece_tree = piece.Root.StructTreeRoot
        piece_numbers = _number_tree_entries(piece_tree.ParentTree)
        for key, value in piece_numbers:
            numbers.append((key + shift, _copied(joined, value)))
        next_key = shift + _next_key(piece_tree, piece_numbers)
        piece_language = str(piece.Root.get("/Lang", ""))
        for element in _kids(_copied(joined, piece_tree.K)):
            if element.get("/S") == Name.Document:
                element.S = Name.Part  # one Document per file; each piece is a part of it
            if piece_language and piece_language != language:
                element.Lang = piece_language
            element.P = document
            document.K.append(element)
    tree.ParentTree = joined.make_indirect(Dictionary(Nums=Array([x for pair in numbers for x in pair])))
    tree.ParentTreeNextKey = next_key
    _link_pages(joined)
    _set_outline(joined, bookmarks)
    if page_numbers is not None:
        _lay_over(joined, page_numbers)
    out = io.BytesIO()
    # deterministic_id: the file identifier is a hash of the content, so equal pieces give equal bytes.
    joined.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                compress_streams=True)
    for piece in opened:
        piece.close()
    joined.close()
    return out.getvalue()


def _copied(pdf: pikepdf.Pdf, value):
    """`value` from another PDF, made part of `pdf`. Objects already copied (a piece's pages)
    are reused, so structure elements point at the joined document's own pages."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return pdf.copy_foreign(value)
    if isinstance(value, Array):
        return Array([_copied(pdf, item) for item in value])
    if isinstance(value, Dictionary):
        return Dictionary({key: _copied(pdf, item) for key, item in value.items()})
    return value


def _top_element(tree: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """The structure tree's single top element (WeasyPrint writes one Document)."""
    kids = _kids(tree.K)
    if len(kids) != 1:
        raise ValueError(f"expected one top structure element, found {len(kids)}")
    top = kids[0]
    if not isinstance(top.get("/K"), Array):
        top.K = Array([top.K]) if "/K" in top else Array()
    return top


def _kids(value) -> list:
    return list(value) if isinstance(value, Array) else [value]


def _number_tree_entries(node) -> list[tuple[int, object]]:
    """The (key, value) pairs of a number tree, flattened in key order."""
    entries = []
    if "/Nums" in node:
        values = list(node.Nums)
        entries.extend((int(values[i]), values[i + 1]) for i in range(0, len(values), 2))
    for kid in node.get("/Kids", []):
        entries.extend(_number_tree_entries(kid))
    return sorted(entries, key=lambda entry: entry[0])


def _next_key(tree, entries: list[tuple[int, object]]) -> int:
    if "/ParentTreeNextKey" in tree:
        return int(tree.ParentTreeNextKey)
    return entries[-1][0] + 1 if entries else 0


def _shift_struct_parents(page: pikepdf.Dictionary, shift: int) -> None:
    if "/StructParents" in page:
        page.StructParents = int(page.StructParents) + shift
    for annotation in page.get("/Annots", []):
        if "/StructParent" in annotation:
            annotation.StructParent = int(annotation.StructParent) + shift


def _link_pages(pdf: pikepdf.Pdf) -> None:
    """Turn links to page.invalid/N into links to page N of this document."""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            target = str(action.get("/URI", "")) if action is not None else ""
            if target.startswith(PAGE_LINK_PREFIX):
                number = int(target[len(PAGE_LINK_PREFIX):])
                annotation.A = Dictionary(S=Name.GoTo, D=Array([pdf.pages[number].obj, Name.Fit]))


def _set_outline(pdf: pikepdf.Pdf, bookmarks: list[Bookmark]) -> None:
    def item(bookmark: Bookmark) -> pikepdf.OutlineItem:
        entry = pikepdf.OutlineItem(bookmark.title, bookmark.page)
        entry.children.extend(item(child) for child in bookmark.children)
        return entry

    with pdf.open_outline() as outline:
        outline.root.clear()
        outline.root.extend(item(bookmark) for bookmark in bookmarks)


def _lay_over(pdf: pikepdf.Pdf, overlay_bytes: bytes) -> None:
    """Draw each page of the overlay on top of the same page, as an artifact (not content)."""
    with pikepdf.open(io.BytesIO(overlay_bytes)) as overlay:
        if len(overlay.pages) != len(pdf.pages):
            raise ValueError(f"the page numbers have {len(overlay.pages)} pages for {len(pdf.pages)}")
        for page, numbers in zip(pdf.pages, overlay.pages):
            form = _copied(pdf, overlay.make_indirect(numbers.as_form_xobject()))
            name = page.add_resource(form, Name.XObject, prefix="PageNumber")
            # The page's own content may leave the coordinate system changed: isolate it first.
            page.contents_add(b"q\n", prepend=True)
            page.contents_add(b"\nQ\n/Artifact BMC q " + bytes(name) + b" Do Q EMC\n")
