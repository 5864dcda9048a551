"""Read any supported file into source text: sniff the format, detect the encoding.

Formats are recognised by content (magic bytes, markup), not by extension; the extension
only breaks ties for plain text. Every failure is an UnreadableFile naming the reason.
"""

from __future__ import annotations

import codecs
import io
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from corpus.cells import CELL
from corpus.errors import UnreadableFile
from corpus.html import html_to_text
from corpus.numbering import Numbering

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED = "txt, md, docx, pdf, html"
# What a file may become once unpacked: a small .docx can hold gigabytes of XML, a small PDF
# thousands of pages sharing one stream. Far above any real policy document (the Civil Code's
# document.xml is a few MB; a 300-page PDF is a long one).
MAX_DOCX_PART = 30 * 2**20  # bytes of one XML part, unpacked
MAX_DOCX_TOTAL = 200 * 2**20  # bytes of the whole package, unpacked
MAX_DOCX_ENTRIES = 5000
MAX_PDF_PAGES = 2000
MAX_PDF_SECONDS = 120.0  # reading a PDF's text layer (2,000 ordinary pages take well under a minute)


@dataclass(frozen=True)
class SourceText:
    """A file's text before normalisation, and how it was read."""

    path: Path
    text: str
    encoding: str
    fmt: str  # "text" | "markdown" | "html" | "docx" | "pdf"


def read_source(path: str | Path, max_bytes: int = 20 * 1024 * 1024) -> SourceText:
    """Read one file into SourceText, or raise UnreadableFile saying why."""
    p = Path(path)
    if not p.is_file():
        raise UnreadableFile(p, "not a file")
    size = p.stat().st_size
    if size == 0:
        raise UnreadableFile(p, "empty file")
    if size > max_bytes:
        raise UnreadableFile(p, f"too large ({size / 2**20:.1f} MB > {max_bytes / 2**20:.0f} MB limit)")
    data = p.read_bytes()
    suffix = p.suffix.lower()
    if data.startswith(b"%PDF"):
        return SourceText(p, _pdf_text(p, data), "binary", "pdf")
    if data.startswith(b"PK\x03\x04"):
        return SourceText(p, _docx_text(p, data), "binary", "docx")
    if data.startswith((b"\xd0\xcf\x11\xe0", b"{\\rtf")):
        raise UnreadableFile(p, f"unsupported type (legacy Office/RTF); supported: {SUPPORTED}")
    text, encoding = decode_bytes(p, data)
    if not text.strip():
        raise UnreadableFile(p, "no text (only whitespace)")
    head = text.lstrip()[:500].lower()
    if suffix in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        return SourceText(p, html_to_text(text), encoding, "html")
    if suffix not in TEXT_SUFFIXES:
        raise UnreadableFile(p, f"unsupported type '{suffix}'; supported: {SUPPORTED}")
    fmt = "markdown" if suffix in {".md", ".markdown"} or _looks_markdown(text) else "text"
    return SourceText(p, text, encoding, fmt)


def decode_bytes(path: Path, data: bytes) -> tuple[str, str]:
    """Decode text bytes: BOMs first, then strict UTF-8, UTF-16 without BOM, GB18030, then a detector."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(path, data, enc), enc
    sample = data[:4096]
    if b"\x00" in sample:
        # UTF-16 without BOM has a NUL in every other byte for ASCII and none elsewhere in pairs.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 8 and even == 0:
            return _strict(path, data, "utf-16-le"), "utf-16-le"
        if even > len(sample) // 8 and odd == 0:
            return _strict(path, data, "utf-16-be"), "utf-16-be"
        raise UnreadableFile(path, f"binary file (NUL byte at offset {sample.index(0)}), not text")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise UnreadableFile(path, f"binary file (NUL byte at offset {nul}), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _mostly_readable(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _mostly_readable(str(best)):
        return str(best), best.encoding
    return _with_replacements(path, data)


def _with_replacements(path: Path, data: bytes) -> tuple[str, str]:
    """Text with a few damaged byte sequences: decoded with U+FFFD in their place when they are a
    handful (at most 16) or at most one in a thousand characters, i.e. a copy error, not another
    encoding; the encoding names how many and where the first is. Otherwise the file is refused
    with the offset of the first bad byte."""
    best: tuple[int, str, str, int] | None = None
    for enc in ("utf-8", "gb18030"):
        first = -1
        try:
            data.decode(enc)
        except UnicodeDecodeError as e:
            first = e.start
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if best is None or bad < best[0]:
            best = (bad, text, enc, first)
    assert best is not None
    bad, text, enc, first = best
    if (bad <= 16 or bad * 1000 <= len(text)) and _mostly_readable(text):
        return text, f"{enc} ({bad} damaged byte sequence(s) replaced, first at byte {first})"
    raise UnreadableFile(
        path, f"undecodable: not UTF-8, UTF-16 or GB18030 text (first bad byte at offset {first})"
    )


def _strict(path: Path, data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise UnreadableFile(path, f"undecodable as {enc}: {e.reason} at byte {e.start}") from e


def _mostly_readable(text: str) -> bool:
    """True when almost every character is printable (binary junk decodes to control chars)."""
    if not text:
        return False
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(text) < 0.01


def _looks_markdown(text: str) -> bool:
    lines = text.splitlines()[:80]
    return sum(1 for ln in lines if ln.startswith(("# ", "## ", "### "))) >= 2


def _docx_text(path: Path, data: bytes) -> str:
    """Paragraphs with the numbers Word draws before them (`corpus.numbering`) and table rows (cells
    parted by `corpus.cells.CELL`), in body order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            entries = zf.infolist()
            if "word/document.xml" not in {e.filename for e in entries}:
                raise UnreadableFile(
                    path, f"unsupported type (a zip archive, not a .docx); supported: {SUPPORTED}"
                )
            _check_docx_sizes(path, entries)
    except zipfile.BadZipFile as e:
        raise UnreadableFile(path, f"corrupt docx/zip: {e}") from e
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds for a damaged package
        raise UnreadableFile(path, f"corrupt docx: {e}") from e
    numbering = Numbering(document)
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            label = numbering.label(block)  # "第一条", "一、" drawn by Word, not in the text
            text = Paragraph(block, document).text
            lines.append(label + text if text.strip() else text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and (not cells or cells[-1] != t):  # merged cells repeat
                        cells.append(t)
                lines.append(f" {CELL} ".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableFile(path, "docx has no text")
    return text


def _check_docx_sizes(path: Path, entries: list[zipfile.ZipInfo]) -> None:
    """Refuse a package that unpacks to more than a document could be (sizes as its directory
    declares them; zipfile never inflates a member past its declared size)."""
    if len(entries) > MAX_DOCX_ENTRIES:
        raise UnreadableFile(path, f"docx holds {len(entries)} parts (limit {MAX_DOCX_ENTRIES}): not read")
    total = sum(e.file_size for e in entries)
    if total > MAX_DOCX_TOTAL:
        raise UnreadableFile(
            path, f"docx unpacks to {total / 2**20:.0f} MB (limit {MAX_DOCX_TOTAL // 2**20} MB): not read"
        )
    big = max((e for e in entries if e.filename.endswith(".xml")), key=lambda e: e.file_size, default=None)
    if big is not None and big.file_size > MAX_DOCX_PART:
        raise UnreadableFile(
            path,
            f"docx text part {big.filename} unpacks to {big.file_size / 2**20:.0f} MB "
            f"(limit {MAX_DOCX_PART // 2**20} MB): not read",
        )


def _pdf_text(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise UnreadableFile(
                path, f"pdf has {len(reader.pages)} pages (limit {MAX_PDF_PAGES}): split it first"
            )
        pages = []
        started = time.monotonic()
        for n, page in enumerate(reader.pages, 1):
            pages.append(page.extract_text() or "")
            if time.monotonic() - started > MAX_PDF_SECONDS:
                raise UnreadableFile(
                    path,
                    f"pdf text took over {MAX_PDF_SECONDS:.0f} s to read (stopped at page {n} of "
                    f"{len(reader.pages)}): split it or save it as .docx",
                )
    except (PdfReadError, ValueError, KeyError) as e:
        raise UnreadableFile(path, f"corrupt pdf: {e}") from e
    text = "\n".join(pages)
    if sum(ch.isalnum() for ch in text) < 10:
        raise UnreadableFile(path, "pdf has no text layer (scanned image?): OCR it first")
    return text
