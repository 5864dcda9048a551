"""One file → Documents: read, detect script, clean, split pages, parse outline, add metadata."""

from __future__ import annotations

import bisect
import hashlib
import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from corpus.catalog import Entry
from corpus.clean import CleanText, clean, normalize_line, strip_markup, table_rows_joined
from corpus.errors import UnreadableFile
from corpus.load import read_source
from corpus.metadata import (
    EVENT_DATE,
    doc_kind,
    extract_metadata,
    guess_region,
    markdown_title,
    place_aliases,
)
from corpus.model import Document
from corpus.normalize import Mapped, detect_script
from corpus.outline import Line, build_clauses, marker_of, parse_outline
from corpus.split import split_parts
from corpus.wrapping import unwrapped

log = logging.getLogger(__name__)


# Clauses one file may become: the Civil Code is about 3,000; a file far beyond is a dump or a trap
# (10,000 near-empty PDF pages took half an hour to index).
MAX_CLAUSES = 20_000
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def display_name(text: str) -> str:
    """A file name as text that can always be printed and stored: bytes that are not UTF-8 (kept by
    Python as surrogates) are shown as \\xNN; control and direction characters (a newline that would
    forge an `ok …` line, ESC colouring a terminal, a right-to-left override) as \\uNNNN escapes."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def slug(name: str) -> str:
    """A readable, path-safe id from a file stem."""
    s = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "-", name).strip("-")
    return s[:60] or "doc"


ISSUING = re.compile(r"印发给?你们|现予印发|请认真(?:贯彻|遵照|组织)|遵照执行")
TITLE_MAX = 120  # characters: the longest notice titles ("…关于印发《…》的通知") run to about a hundred


def build_documents(
    path: str | Path, catalog: dict[tuple[str, int], Entry], max_bytes: int, max_clause_chars: int
) -> list[Document]:
    """Every document in one file (several when the page carries numbered documents)."""
    p = Path(path)
    name, stem = display_name(p.name), display_name(p.stem)
    src = read_source(p, max_bytes)
    script = detect_script(src.text)
    cleaned = clean(src.text, script)
    lines, running = unwrapped(cleaned.lines)
    lines = table_rows_joined(lines)
    parts, preamble = split_parts(lines)
    dropped = [*cleaned.dropped, *running, *(f"page-preamble: {ln.text}" for ln in preamble)]
    for d in dropped:
        log.info("%s dropped %s", name, d)
    head = [strip_markup(normalize_line(Mapped.of(ln), script)).text for ln in src.text.splitlines()[:60]]
    head = [ln for ln in head if ln]
    md_title, md_part = markdown_title(src.text.splitlines()[:10]) if src.fmt == "markdown" else ("", "")
    docs: list[Document] = []
    for part in parts:
        meta = extract_metadata([part.title, *[ln.text for ln in part.lines[:40]]] if part.number else head)
        entry = catalog.get((name, part.number), Entry(file=name))
        doc_id = slug(stem) + (f"-{part.number}" if part.number else "")
        joined = CleanText(part.lines, ()).joined()
        title = entry.title or (md_title if not part.number else "") or meta.title or part.title or stem
        region = entry.region or meta.region or guess_region(title)
        starts, pos = [], 0
        for ln in part.lines:
            starts.append(Line(ln.text, pos))
            pos += len(ln.text) + 1
        # a title line "关于…的通知" or the notice that issues it among the first three lines; a sentence that
        # only mentions a 关于-titled text is content ("城乡社区是…。…《关于…的意见》…"), as is a long line of bullets
        # parted by " - " that names one ("政策与规划 - 商务部等9部门…联合出台《关于…的通知》[1] - …": a lost paragraph)
        skip = {t for t in (meta.title, title, part.title, md_part) if t} | {
            ln
            for ln in head[:3]
            if "关于" in ln
            and (len(ln) <= TITLE_MAX or EVENT_DATE.match(ln))
            and (not re.search(r"[。；;！？]", ln.rstrip("。")) or ISSUING.search(ln))
        }
        # a line holding the title with a few words more ("…的通知" and its issuer, the notice issuing it), not a news
        # lead that opens with the headline's words and goes on as a sentence ("…达到77.5%，农村生活污水治理率约28%。")
        skip |= {
            ln.text
            for ln in part.lines[:12]
            if meta.title
            and meta.title in ln.text
            and len(ln.text) < 90
            and (
                ISSUING.search(ln.text)
                or not re.search(r"[，,].*[。；]$", ln.text.replace(meta.title, "", 1))
            )
        }
        skip |= set(meta.header_lines)
        drafts = parse_outline(starts, sorted(skip), top=(md_part,) if md_part else ())
        spans = [(d.start, d.end) for d in drafts]
        unread = [f"header-line: {ln.text}" for ln in uncovered(starts, spans, skip)]
        clauses = build_clauses(doc_id, joined.text, joined.src, drafts, max_clause_chars)
        if not clauses:
            raise UnreadableFile(p, "no content found (only headings or header lines)")
        docs.append(
            Document(
                id=doc_id,
                title=title,
                source_file=name,
                origin=entry.origin or name,
                region=region,
                issuer=entry.issuer or meta.issuer,
                date=entry.date or meta.date,
                number=entry.number or meta.number,
                encoding=src.encoding,
                fmt=src.fmt,
                script=script.value,
                places=entry.places or tuple(place_aliases(region)),
                content_hash=hashlib.sha256(joined.text.encode("utf-8")).hexdigest(),
                text=joined.text,
                source_text=src.text,
                clauses=clauses,
                dropped=tuple(dropped + unread),
                kind=meta.kind if title == meta.title else doc_kind(title, meta.header_lines),
                dates=meta.dates,
                source_path=display_name(str(p.resolve())),
                part=md_part,
            )
        )
    clauses_in = sum(len(d.clauses) for d in docs)
    if clauses_in > MAX_CLAUSES:
        raise UnreadableFile(p, f"{clauses_in} clauses (limit {MAX_CLAUSES}): split the file")
    return docs


def uncovered(
    lines: Sequence[Line], spans: Sequence[tuple[int, int]], skip: Iterable[str] = ()
) -> list[Line]:
    """The lines no clause holds that are neither a heading nor a title line: the header and signature lines
    `parse_outline` skipped (`spans`: its drafts' offsets), listed so that nothing is left out unsaid (`Document.dropped`)."""
    spans = sorted(spans)
    firsts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end of the spans so far
    titles = set(skip)

    def held(pos: int) -> bool:
        i = bisect.bisect_right(firsts, pos) - 1
        return i >= 0 and pos < reach[i]

    return [
        ln
        for ln in lines
        if ln.text.strip() and not held(ln.start) and ln.text not in titles and marker_of(ln.text) is None
    ]
