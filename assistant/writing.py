"""How an answer is written from the sentences chosen to answer: each completed into its provision
(a list's intro with its items), one line per provision headed by its place, document, version and
article (said once for consecutive lines of one document), a citation per line; for "who leads" the
unit list its clause or section states, first; for a comparison a line for each place or document
asked about that says nothing; when the cited places set different figures, a line saying so."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from assistant.features import Candidate
from assistant.model import Citation
from assistant.provision import ARTICLE, Provision, article_label, complete
from assistant.roles import OWNER, assigns_responsibility, clause_units
from corpus.alternatives import with_alternatives
from corpus.model import Clause, Document
from indexer import Hit
from indexer.query import Kind, Query

NATIONAL = "全国"


class Writer:
    """Writes answers over one collection's documents (`versioned`: instruments with several versions,
    whose lines name the version; `superseded`: versions a newer one replaces)."""

    def __init__(
        self, docs: dict[str, Document], versioned: frozenset[str], superseded: frozenset[str]
    ) -> None:
        self.docs = docs
        self.versioned = versioned
        self.superseded = superseded

    def write(self, query: Query, chosen: Sequence[Candidate]) -> tuple[str, tuple[Citation, ...]]:
        """The answer's text and its citations, numbered in the order of the lines."""
        citations: list[Citation] = []
        lines: list[str] = []
        # Entries from documents of one region ("全国": two central documents) are told apart by title.
        regions = Counter(region for _, region in {(c.hit.clause.doc_id, c.hit.region) for c in chosen})
        previous = ("", "")
        shown: set[str] = set()  # clauses the answer already quotes (a list with its items, an intro)
        units_given: set[str] = set()  # unit lists already given (one section's list serves its clauses)
        said: list[str] = []  # the provisions' texts as quoted
        for cand in chosen:
            doc = self.docs.get(cand.hit.clause.doc_id)
            # a quantity asked for and found in a list's opening is the answer, not the list after it;
            # an opening that answers by the list it opens ("…按照以下标准分类：") brings it
            items = not (query.units and cand.feature("unit_match")) or _opens_what_is_counted(
                query, cand.text
            )
            whole = query.asked.members and not citations  # the lead line of "有哪些…" is the whole list
            prov = complete(doc, cand.hit.clause, cand.start, cand.end, with_items=items, whole_list=whole)
            if len(prov.clause_ids) > 1 and set(prov.clause_ids) <= shown:
                continue  # an item of a list already given whole
            if set(prov.clause_ids) <= shown and any(prov.text.strip().rstrip("。；;，,") in t for t in said):
                continue  # said already: a list's opening shown above it, with the item that followed
            if prov.clause_ids[0] in shown and prov.clause_ids[0] != cand.hit.clause.id:
                prov = complete(doc, cand.hit.clause, cand.start, cand.end, with_intro=False)
            as_list = prov.text.strip().strip("（）()。")  # the provision read as a unit list
            if query.kind is Kind.RESPONSIBLE and as_list in units_given:
                continue  # the （牵头单位：…） trailer itself, already given as the answer
            shown.update(prov.clause_ids)
            said.append(prov.text)
            # a provision that is a unit list ("（牵头单位：…）" as its own clause) gives that list
            units_given.add(as_list)
            titled = regions[cand.hit.region] > 1
            if query.kind is Kind.RESPONSIBLE:
                # "Who leads": the unit list the provision's clause or section states is the answer, first.
                extra = self._units_line(cand.hit, prov, len(citations) + 1)
                if extra and extra[2] not in units_given:
                    units_given.add(extra[2])
                    doc_part = self._heading(cand.hit, prov, titled)[0]
                    citations.append(extra[0])
                    lines.append(extra[1] if doc_part == previous[0] else f"{doc_part}：{extra[1]}")
                    previous = (doc_part, "")
            n = len(citations) + 1
            cit = self._provision_citation(n, cand.hit, prov, cand.start)
            citations.append(cit)
            line, heading = self._line(cand.hit, prov, n, titled, previous)
            lines.append(line)
            # Sentences of one answer read on from each other; a comparison's entries each stand alone.
            previous = heading if query.kind is not Kind.COMPARISON else ("", "")
        if query.kind is Kind.COMPARISON:
            covered = {c.region for c in citations} | {
                p for c in citations for p in self._doc_places(c.doc_id)
            }
            for place in query.places:
                if place not in covered:
                    lines.append(f"{place}：现有文件未找到相关规定。")
            # A document the question names (by title or as "2021年基层治理意见") gets its line too.
            cited = {c.title for c in citations}
            for doc_id in dict.fromkeys((*query.named_docs, *query.referred_docs)):
                doc = self.docs.get(doc_id)
                if doc and doc_id not in self.superseded and doc.title not in cited:
                    cited.add(doc.title)
                    lines.append(f"《{doc.title}》：未找到相关规定。")
        if query.kind is not Kind.COMPARISON and not query.places:
            differ = self._disagreement(query, citations)
            if differ:
                lines.insert(0, differ)
        text = "\n".join(lines) if query.kind is Kind.COMPARISON else "".join(lines)
        return text, tuple(citations)

    def _disagreement(self, query: Query, citations: Sequence[Citation]) -> str:
        """One line saying that the cited documents of different places set different figures for
        what was asked ("规定不一致：全国：五年[2]；北京市（办法）：三年[1]。"), national first, a local one
        labelled with its kind of document (its year is in its own line's version; a year here would be
        a number its clause does not state); "" when they agree, state no figure in the asked unit, come
        from one place, or hold different words of the question: 北京's fine for occupying a 无障碍设施
        ("改变…用途") and 浙江's for a 房屋装修 are two rules, not one the places disagree on."""
        found: dict[str, tuple[str, int]] = {}
        holds: set[frozenset[str]] = set()
        for c in citations:
            figures = [m.group(0) for u in query.units for m in u.finditer(c.quote)]
            if figures and c.region and c.region not in found:
                found[c.region] = ("、".join(dict.fromkeys(figures)), c.n)
                text = with_alternatives(c.text)
                holds.add(frozenset(t for t in query.known_weights if t in text))
        if len(found) < 2 or len({f for f, _ in found.values()}) < 2 or len(holds) > 1:
            return ""
        parts = []
        for region in sorted(found, key=lambda r: r != NATIONAL):
            figure, n = found[region]
            doc = next((self.docs.get(c.doc_id) for c in citations if c.n == n), None)
            kind = f"（{doc.kind}）" if region != NATIONAL and doc and doc.kind else ""
            parts.append(f"{region}{kind}：{figure}[{n}]")
        return "规定不一致：" + "；".join(parts) + "。\n"

    def _doc_places(self, doc_id: str) -> tuple[str, ...]:
        d = self.docs.get(doc_id)
        return (d.region, *d.places) if d else ()

    def _line(
        self, hit: Hit, prov: Provision, n: int, titled: bool = False, previous: tuple[str, str] = ("", "")
    ) -> tuple[str, tuple[str, str]]:
        """One answer line: 'region《title》(version)第X条第Y款：text。[n]', the article number said once;
        outside articles 'region：text', or 'region《title》：text' when `titled`. After a line of the
        same document (`previous`: the heading the last line returned) the document is not named
        again: '第Y条：text' for another article, the bare text for the same one. Returns the line
        and its heading (region《title》(version), 第X条第Y款)."""
        doc_part, label, text = self._heading(hit, prov, titled)
        body = f"{text.rstrip('。；，、：')}。[{n}]"
        if previous == (doc_part, label):
            return body, previous
        if label and previous[0] == doc_part:
            return f"{label}：{body}", (doc_part, label)
        return f"{doc_part}{label}：{body}", (doc_part, label)

    def _heading(self, hit: Hit, prov: Provision, titled: bool) -> tuple[str, str, str]:
        """An answer line's heading as (region《title》(version), 第X条第Y款 or ""), and the provision's
        text without the article number the heading already says."""
        doc = self.docs.get(hit.clause.doc_id)
        version = f"（{doc.date}版）" if doc and doc.id in self.versioned and doc.date else ""
        text = prov.text.strip()
        if not prov.label:
            if titled and hit.title:
                return f"{hit.region}《{hit.title}》{version}", "", text
            return (hit.region or hit.title) + version, "", text
        article = ARTICLE.match(prov.label)
        if article and text.startswith(article.group(0)):
            text = text[len(article.group(0)) :].lstrip()
        doc_part = f"{hit.region}《{hit.title}》{version}" if hit.title else f"{hit.region}{version}"
        return doc_part, prov.label, text

    def _unit_list(self, hit: Hit) -> tuple[Clause, int, int] | None:
        """The clause (the hit's own, its continuation or its section's opening) that lists units
        (（牵头单位：…；责任单位：…）), with the list's span; None when none does."""
        doc = self.docs.get(hit.clause.doc_id)
        if doc is None:
            return None
        for clause in (hit.clause, *self._section_openers(doc, hit.clause)):
            units = clause_units(clause.text)
            if units.start >= 0 and (units.lead or units.support):
                return clause, units.start, units.end
        return None

    def _units_line(self, hit: Hit, prov: Provision, n: int) -> tuple[Citation, str, str] | None:
        """For 'who is responsible' questions: the unit list the clause (or its section's opening) states,
        when the chosen sentence does not already name it."""
        found = self._unit_list(hit)
        if found is None:
            return None
        clause, start, end = found
        span = clause.text[start:end]
        if span in prov.text:
            return None
        cit = self.citation(n, Hit(clause, hit.score, hit.title, hit.region, hit.origin), start, end)
        return cit, f"{span.strip('（）()')}。[{n}]", span.strip("（）()。")

    def names_responsible(self, cand: Candidate, owner: bool = False) -> bool:
        """The sentence, read with its article's or list's opening (由民政部门依法查处：…（二）…), names the
        body responsible, or its clause or section lists units; asked whose a thing is (`owner`), a
        sentence saying whose it is (归业主共有) answers too."""
        doc = self.docs.get(cand.hit.clause.doc_id)
        text = complete(doc, cand.hit.clause, cand.start, cand.end).text if doc else cand.text
        if owner and OWNER.search(text):
            return True
        return assigns_responsibility(text) or self._unit_list(cand.hit) is not None

    def _section_openers(self, doc: Document, clause: Clause) -> list[Clause]:
        """Clauses that open the sections enclosing `clause` (where a unit list for the whole section sits),
        and the passages continuing `clause` itself."""
        out = [c for c in doc.clauses if c.heading_path == clause.heading_path and c.start > clause.start][:3]
        path = clause.heading_path
        for depth in range(len(path) - 1, 0, -1):
            out += [c for c in doc.clauses if c.heading_path == path[:depth]][:2]
        return out

    def _provision_citation(self, n: int, h: Hit, prov: Provision, start: int) -> Citation:
        if len(prov.clause_ids) == 1:
            return self.citation(n, h, start, start + len(prov.text))
        doc = self.docs.get(h.clause.doc_id)
        whole = "".join(c.text for cid in prov.clause_ids if doc and (c := doc.clause(cid)))
        s = max(whole.find(prov.text.split("……")[0]), 0)
        return self._cite(n, h, whole, s, min(s + len(prov.text), len(whole)), prov.label, prov.text)

    def likeliest_first(
        self, cands: Sequence[Candidate], p: np.ndarray, shown: Sequence[Citation], n: int = 2
    ) -> tuple[Citation, ...]:
        """The nearest provisions of a refusal: the `n` candidates likeliest by `p` (those that may lead,
        the rest at 0), then the clauses `shown` otherwise, three in all, no clause twice, numbered afresh."""
        first: list[Citation] = []
        for i in np.argsort(-p):
            c = cands[int(i)]
            if len(first) < n and p[i] > 0 and all(c.hit.clause.id != f.clause_id for f in first):
                first.append(self.citation(0, c.hit, c.start, c.end))
        rest = [c for c in shown if all(c.clause_id != f.clause_id for f in first)]
        return tuple(replace(c, n=i + 1) for i, c in enumerate([*first, *rest][:3]))

    def citation(self, n: int, h: Hit, start: int, end: int) -> Citation:
        c = h.clause
        return self._cite(n, h, c.text, start, end, article_label(self.docs.get(c.doc_id), c))

    def _cite(
        self, n: int, h: Hit, text: str, start: int, end: int, article: str, quote: str | None = None
    ) -> Citation:
        """A citation of `text` (the hit's clause, or the clauses of a provision joined) at start:end."""
        c = h.clause
        doc = self.docs.get(c.doc_id)
        return Citation(
            n,
            c.doc_id,
            h.title,
            h.region,
            doc.date if doc else "",
            c.section,
            c.id,
            text,
            text[start:end] if quote is None else quote,
            start,
            end,
            c.start,
            c.end,
            h.origin,
            article,
        )


def _opens_what_is_counted(query: Query, text: str) -> bool:
    """The sentence answers "how many kinds" only by opening the list of them: the asked unit matches
    nowhere but at its closing colon (rules/units.toml)."""
    found = [m.group(0) for u in query.units for m in u.finditer(text)]
    return bool(found) and all(f.rstrip().endswith(("：", ":")) for f in found)
