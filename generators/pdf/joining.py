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
# Pieces joined at once; longer documents are joined in batches of this many, then the batches.
# Enough for a whole volume of the default size (kit.yml's volume_size, 75 items, plus its front
# and its parts' openings): batches cost a save and a second reading of every page. Joining a
# volume of 69 pieces took 0.70 to 0.78 s and 71 MB at once, 1.19 to 1.32 s and 93 MB in batches of 40.
BATCH = 100


@dataclass
class Bookmark:
    title: str
    page: int  # zero-based, in the joined document
    children: list[Bookmark] = field(default_factory=list)


def page_link(page: int) -> str:
    """The address a piece links to for `page` (zero-based) of the joined document."""
    return f"{PAGE_LINK_PREFIX}{page}"


def landscape_pages(pdf: bytes) -> list[bool]:
    """One entry per page of the PDF: True where the page is landscape."""
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        boxes = [[float(n) for n in page.mediabox] for page in opened.pages]
    return [x1 - x0 > y1 - y0 for x0, y0, x1, y1 in boxes]


def outline_of(pdf: bytes) -> list[Bookmark]:
    """The PDF's own outline (as WeasyPrint writes it: each entry pointing at a page)."""
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        pages = {page.obj.objgen: index for index, page in enumerate(opened.pages)}
        with opened.open_outline() as outline:
            return [_bookmark(item, pages) for item in outline.root]


def _bookmark(item: pikepdf.OutlineItem, pages: dict) -> Bookmark:
    destination = item.destination
    page = pages.get(destination[0].objgen, 0) if isinstance(destination, Array) and len(destination) else 0
    return Bookmark(str(item.title), page, [_bookmark(child, pages) for child in item.children])


def join_tagged(pieces: list[bytes], bookmarks: list[Bookmark], page_numbers: list[bytes] = (),
                link_description: str = "Page {page}") -> bytes:
    """One PDF of all pieces in order, with `bookmarks` as its outline.

    `page_numbers`, when given, are PDFs with as many pages in all as the result, whose
    content (page numbers in the footer) is laid over each page, marked as page furniture.
    `link_description` is what a screen reader says of a link to a page of the result.
    """
    # Every open PDF costs about a megabyte however small it is, and a piece must stay open
    # until the result is saved: long documents are joined in batches, then the batches.
    while len(pieces) > BATCH:
        pieces = [_saved(_joined(pieces[start:start + BATCH])) for start in range(0, len(pieces), BATCH)]
    joined = _joined(pieces)
    _link_pages(joined, link_description)
    _set_outline(joined, bookmarks)
    if page_numbers:
        _lay_over(joined, page_numbers)
    return _saved(joined)


def laid_over(pdf: bytes, overlays: list[bytes]) -> bytes:
    """The PDF with the pages of `overlays` (as many in all as it has) drawn over its own, as page
    furniture: a worksheet's page numbers (numbering.py)."""
    opened = pikepdf.open(io.BytesIO(pdf))
    _lay_over(opened, overlays)
    return _saved(opened)


def _joined(pieces: list[bytes]) -> pikepdf.Pdf:
    """The pieces joined, each a Part of one Document."""
    joined = pikepdf.open(io.BytesIO(pieces[0]))
    tree = joined.Root.StructTreeRoot
    document = _document_of_parts(joined, tree)
    numbers = _number_tree_entries(tree.ParentTree)
    next_key = _next_key(tree, numbers)
    for data in pieces[1:]:
        with pikepdf.open(io.BytesIO(data)) as piece:
            first_new_object = _next_object_number(joined)
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
            top = _top_element(piece_tree)
            language = piece.Root.get("/Lang")
            for element in list(top.K) if _holds_parts(top) else [top]:  # a joined piece brings its parts
                element = _copied(joined, element)
                element.S = Name.Part
                if "/Lang" not in element and language is not None:
                    element.Lang = language
                element.P = document
                document.K.append(element)
            _own_stream_data(joined, first_new_object)
    tree.ParentTree = joined.make_indirect(Dictionary(Nums=Array([x for pair in numbers for x in pair])))
    tree.ParentTreeNextKey = next_key
    return joined


def _next_object_number(pdf: pikepdf.Pdf) -> int:
    """The number the next new object will get (objects are numbered in order of creation).

    The empty object made to find it out is never referenced, so it is not saved."""
    return pdf.make_indirect(Dictionary()).objgen[0] + 1


def _own_stream_data(pdf: pikepdf.Pdf, first_object: int) -> None:
    """Give the streams copied since `first_object` their own copy of their data.

    Copied streams otherwise read their data from the source when `pdf` is saved, so every
    source would have to stay open, at about a megabyte each, until then.
    """
    for number in range(first_object, _next_object_number(pdf)):
        stream = pdf.get_object(number, 0)
        if isinstance(stream, pikepdf.Stream):
            stream.write(stream.read_raw_bytes(), filter=stream.get("/Filter"), decode_parms=stream.get("/DecodeParms"))


def _document_of_parts(pdf: pikepdf.Pdf, tree: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """The top Document, its content moved into a Part of it (unless it holds parts already)."""
    top = _top_element(tree)
    if _holds_parts(top):
        return top
    top.S = Name.Part
    if "/Lang" in pdf.Root:
        top.Lang = pdf.Root.Lang
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=tree, K=Array([top])))
    top.P = document
    tree.K = Array([document])
    return document


def _holds_parts(element: pikepdf.Dictionary) -> bool:
    kids = element.get("/K")
    return isinstance(kids, Array) and len(kids) > 0 and all(
        isinstance(kid, Dictionary) and kid.get("/S") == Name.Part for kid in kids)


def _saved(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    # deterministic_id: the file identifier is a hash of the content, so equal pieces give equal bytes.
    pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    pdf.close()
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


def _link_pages(pdf: pikepdf.Pdf, description: str) -> None:
    """Turn links to page.invalid/N into links to page N of this document, described as such
    (the description was the address)."""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            target = str(action.get("/URI", "")) if action is not None else ""
            if target.startswith(PAGE_LINK_PREFIX):
                number = int(target[len(PAGE_LINK_PREFIX):])
                annotation.A = Dictionary(S=Name.GoTo, D=Array([pdf.pages[number].obj, Name.Fit]))
                annotation.Contents = pikepdf.String(description.format(page=number + 1))


def _set_outline(pdf: pikepdf.Pdf, bookmarks: list[Bookmark]) -> None:
    def item(bookmark: Bookmark) -> pikepdf.OutlineItem:
        entry = pikepdf.OutlineItem(bookmark.title, bookmark.page)
        entry.children.extend(item(child) for child in bookmark.children)
        return entry

    with pdf.open_outline() as outline:
        outline.root.clear()
        outline.root.extend(item(bookmark) for bookmark in bookmarks)


def _lay_over(pdf: pikepdf.Pdf, overlays: list[bytes]) -> None:
    """Draw each overlay page on top of the same page, as an artifact (not content)."""
    pages = iter(pdf.pages)
    laid = 0
    for overlay_bytes in overlays:
        with pikepdf.open(io.BytesIO(overlay_bytes)) as overlay:
            first_new_object = _next_object_number(pdf)
            for numbers in overlay.pages:
                page = next(pages)
                form = _copied(pdf, overlay.make_indirect(numbers.as_form_xobject()))
                # Named by the page's number: pages of a piece may share one resource dictionary,
                # and a prefix alone would get a random suffix (and the bytes would differ).
                name = page.add_resource(form, Name.XObject, Name(f"/ToolkitPageNumber{laid + 1}"))
                # The page's own content may leave the coordinate system changed: isolate it first.
                page.contents_add(b"q\n", prepend=True)
                page.contents_add(b"\nQ\n/Artifact BMC q " + bytes(name) + b" Do Q EMC\n")
                laid += 1
            _own_stream_data(pdf, first_new_object)
    if laid != len(pdf.pages):
        raise ValueError(f"the page numbers have {laid} pages for {len(pdf.pages)}")
