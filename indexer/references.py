"""Documents a question refers to without their exact title: by year and a short name
("2021年基层治理意见"), by a short name alone ("民政部的专项行动方案"), or by several years
("2017年和2021年两份中央文件"). Pure functions; the vocabulary is data (rules/references.toml).

A reference picks a document only when it is unambiguous: the year matches the document's date
(or a year in its title), and the short name's character pairs are mostly in the title.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "rules" / "references.toml"


@dataclass(frozen=True)
class DocRef:
    title: str
    date: str  # YYYY-MM-DD or ""
    region: str
    source: str = ""  # the file name, which often carries the year ("2017年…意见.docx")


@dataclass(frozen=True)
class Vocabulary:
    reference: re.Pattern[str]
    national: tuple[str, ...]
    filler: re.Pattern[str]


@cache
def vocabulary() -> Vocabulary:
    d = tomllib.loads(RULES.read_text(encoding="utf-8"))
    kinds = "|".join(sorted(d["doc_words"], key=len, reverse=True))
    reference = re.compile(
        rf"(?P<years>(?:(?:19|20)\d{{2}}年?(?:和|与|、|及|至|-)?)*)(?P<name>[\u4e00-\u9fff（）()“”]{{0,16}}?)(?P<kind>{kinds})"
    )
    filler = re.compile("|".join(sorted(map(re.escape, d["filler"] + d["national"]), key=len, reverse=True)))
    return Vocabulary(reference, tuple(d["national"]), filler)


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _years(doc: DocRef) -> set[str]:
    """The document's version year and the years its title or file name carries (an amended
    regulation is still "the 2010 规定" to its readers)."""
    dated = {doc.date[:4]} if re.match(r"\d{4}-", doc.date) else set()
    return dated | set(re.findall(r"(?:19|20)\d{2}", doc.title + " " + doc.source))


def referenced_documents(text: str, docs: Mapping[str, DocRef], min_coverage: float = 0.5) -> tuple[str, ...]:
    """Ids of the documents `text` refers to (empty when no reference is unambiguous)."""
    v = vocabulary()
    out: list[str] = []
    for m in v.reference.finditer(text):
        years = re.findall(r"(?:19|20)\d{2}", m.group("years"))
        name = v.filler.sub("", m.group("name"))
        national = any(w in m.group(0) for w in v.national)
        kind = m.group("kind")
        if not years and len(name) < 2:
            continue  # "方案" alone names nothing
        pool = dict(docs)
        if national:  # a national document; those with no region only when none is marked 全国
            pool = {i: d for i, d in docs.items() if d.region == "全国"} or {
                i: d for i, d in docs.items() if not d.region
            }
        if kind != "文件":
            pool = {i: d for i, d in pool.items() if kind in d.title}
        groups = [[i for i, d in pool.items() if y in _years(d)] for y in years] if years else [list(pool)]
        for ids in groups:
            scored = sorted(
                ((len(_pairs(name) & _pairs(docs[i].title)) / max(len(_pairs(name)), 1), i) for i in ids),
                reverse=True,
            )
            if not scored:
                continue
            best, runner_up = scored[0][0], (scored[1][0] if len(scored) > 1 else -1.0)
            if len(scored) == 1 and years:
                out.append(scored[0][1])  # the only document of that kind from that year
            elif best >= min_coverage and best > runner_up:
                out.append(scored[0][1])
    return tuple(dict.fromkeys(out))
