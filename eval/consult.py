"""Real consultation questions (`data/consult_dev.jsonl`, LeCoQA/STARD) over the 61 laws they are
about (`data/consult_laws.tar.xz`): which article answers, as a legal team marked it.

Scored by article: a hit counts for the article it sits in (a paragraph or a list item of the
marked article counts), the ranking is of distinct articles, and a gold article is found by its
law's title and its opening sentence, so a renumbered version still matches by content.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from corpus import DocumentStore, Settings
from corpus.articles import article_of
from corpus.model import Clause, Document
from eval.corpus import ingest_once
from eval.gold import DATA, match_form, read_jsonl

CONSULT_SET = DATA / "consult_dev.jsonl"
CONSULT_LAWS = DATA / "consult_laws.tar.xz"
NATIONAL_PREFIX = "中华人民共和国"

ArticleKey = tuple[str, str]  # (document id, 第X条)


@dataclass(frozen=True)
class GoldArticle:
    doc: str  # the law's short title as the set writes it: 民法典, 劳动合同法
    article: str  # 中华人民共和国民法典第九百六十七条
    quote: str  # the article's opening sentence


@dataclass(frozen=True)
class ConsultItem:
    id: str
    question: str
    gold: tuple[GoldArticle, ...]

    @property
    def group(self) -> str:
        """The cross-validation group: the law of the first marked article."""
        return self.gold[0].doc


def load_consult(path: Path = CONSULT_SET) -> list[ConsultItem]:
    """The consultation questions and their marked articles."""
    return [
        ConsultItem(
            r["id"], r["question"], tuple(GoldArticle(g["doc"], g["article"], g["quote"]) for g in r["gold"])
        )
        for r in read_jsonl(path)
    ]


def consult_settings(settings: Settings) -> Settings:
    """The consultation corpus lives in a data directory of its own, beside the dev corpus's."""
    return replace(settings, data_dir=settings.data_dir / "consult")


def consult_store(
    settings: Settings, laws: Path = CONSULT_LAWS, only: Callable[[str], bool] | None = None
) -> DocumentStore:
    """The document store of the consultation corpus (the 61 laws only, no bundled seeds), ingested
    once; `only` keeps the law files whose names it accepts (a smaller corpus for tests)."""
    store = DocumentStore(settings)

    def unpacked() -> list[Path]:
        folder = settings.data_dir / "laws"
        with tarfile.open(laws, "r:xz") as tar:
            members = [m for m in tar.getmembers() if only is None or only(Path(m.name).name)]
            tar.extractall(folder, members=members, filter="data")
        return [folder]

    ingest_once(store, settings.documents_dir / ".consult-corpus", "consultation laws", unpacked)
    return store


def short_title(title: str) -> str:
    """A law's title as questions and citations shorten it: no 中华人民共和国, 《》 kept as written."""
    return title.replace(NATIONAL_PREFIX, "")


def article_key(clause: Clause) -> ArticleKey | None:
    """The article a clause belongs to (a paragraph or list item belongs to its article)."""
    label = article_of(clause.heading_path)
    return (clause.doc_id, label) if label else None


class GoldResolver:
    """Finds each marked article in the ingested laws: by the law's title, then by the article's
    opening sentence (its number as a tie-break)."""

    def __init__(self, docs: Iterable[Document]) -> None:
        self.by_title: dict[str, list[Document]] = {}
        for d in docs:
            self.by_title.setdefault(short_title(d.title), []).append(d)

    def articles(self, gold: GoldArticle) -> set[ArticleKey]:
        quote = match_form(gold.quote)
        number = re.search(r"第[^第]+条(?:之[一二三四五六七八九十]+)?$", gold.article)
        found: set[ArticleKey] = set()
        for d in self.by_title.get(short_title(gold.doc), []):
            for c in d.clauses:
                key = article_key(c)
                if key and quote in match_form(c.text):
                    found.add(key)
        same_number = {k for k in found if number and k[1] == number.group(0)}
        return same_number or found

    def resolve(self, item: ConsultItem) -> list[set[ArticleKey]]:
        """Each marked article as the set of keys that count for it (a law in two versions: both)."""
        return [self.articles(g) for g in item.gold]


@dataclass(frozen=True)
class Scores:
    hit5: float  # a marked article among the first five
    recall5: float  # share of the marked articles among the first five
    rr: float  # reciprocal rank of the first marked article


def score(ranked: Sequence[ArticleKey], gold: Sequence[set[ArticleKey]]) -> Scores:
    """Article-level scores of one ranking (distinct articles, best first)."""
    top5 = set(ranked[:5])
    found = [bool(g & top5) for g in gold]
    first = next((i for i, k in enumerate(ranked, 1) if any(k in g for g in gold)), 0)
    return Scores(float(any(found)), sum(found) / max(len(gold), 1), 1.0 / first if first else 0.0)


def distinct_articles(keys: Iterable[ArticleKey | None]) -> list[ArticleKey]:
    """Articles in order of first appearance."""
    return list(dict.fromkeys(k for k in keys if k))


def mean(scores: Sequence[Scores]) -> Scores:
    n = max(len(scores), 1)
    return Scores(
        sum(s.hit5 for s in scores) / n, sum(s.recall5 for s in scores) / n, sum(s.rr for s in scores) / n
    )


def stock_bm25(docs: Sequence[Document]) -> Callable[[str], list[ArticleKey]]:
    """The stock pipeline the issue compares with: each article's text cut by jieba (search mode,
    its own dictionary, no stopwords) and ranked by bm25s with its default parameters."""
    import bm25s
    import jieba

    tok = jieba.Tokenizer()
    articles: dict[ArticleKey, list[str]] = {}
    for d in docs:
        for c in d.clauses:
            key = article_key(c)
            if key:
                articles.setdefault(key, []).append(c.text)
    keys = list(articles)

    def cut(text: str) -> list[str]:
        return [w for w in tok.cut_for_search(text) if re.search(r"\w", w)]

    bm25 = bm25s.BM25()
    bm25.index([cut("".join(articles[k])) for k in keys], show_progress=False)
    vocab = bm25.vocab_dict

    def rank(question: str) -> list[ArticleKey]:
        q = [w for w in cut(question) if w in vocab]
        if not q:
            return []
        ids, _ = bm25.retrieve([q], k=min(50, len(keys)), show_progress=False, n_threads=1)
        return [keys[int(i)] for i in ids[0]]

    return rank


@dataclass(frozen=True)
class AnswerScore:
    """One answer to a consultation question."""

    cited: bool  # it cites a marked article
    lead: bool  # its first citation is a marked article
    refused: bool  # every question here is answerable: a refusal is a false one
    chars: int  # its length as read (0 when refused)
    lines: int = 0  # its cited lines
    lines_marked: int = 0  # of them, those in a marked article (strict: a supporting article counts wrong)


def answer_score(answer, gold: Sequence[set[ArticleKey]]) -> AnswerScore:
    from assistant.provision import ARTICLE

    if answer.refused:
        return AnswerScore(False, False, True, 0)
    keys = []
    for c in answer.citations:
        m = ARTICLE.match(c.article)
        keys.append((c.doc_id, m.group(0)) if m else None)
    marked = [any(k in g for g in gold) for k in keys]
    return AnswerScore(
        any(marked), bool(marked and marked[0]), False, len(answer.text), len(marked), sum(marked)
    )


def format_answers(rows: Sequence[tuple[str, Sequence[AnswerScore]]]) -> str:
    """Citation hit, lead-citation hit, false refusals and median length, one row per model."""
    import statistics

    out = [
        "| answers | cite a marked article | lead with one | refused | median length | lines in a marked article |",
        "|---|---|---|---|---|---|",
    ]
    for name, scores in rows:
        n = max(len(scores), 1)
        lengths = [s.chars for s in scores if not s.refused]
        lines = sum(s.lines for s in scores)
        out.append(
            f"| {name} | {sum(s.cited for s in scores) / n:.3f} | {sum(s.lead for s in scores) / n:.3f} | "
            f"{sum(s.refused for s in scores) / n:.3f} | {statistics.median(lengths) if lengths else 0:.0f} | "
            f"{sum(s.lines_marked for s in scores) / max(lines, 1):.3f} ({lines}) |"
        )
    return "\n".join(out)


def format_consult(rows: Sequence[tuple[str, Scores]]) -> str:
    out = ["| pipeline | hit@5 | recall@5 | MRR |", "|---|---|---|---|"]
    out += [f"| {name} | {s.hit5:.3f} | {s.recall5:.3f} | {s.rr:.3f} |" for name, s in rows]
    return "\n".join(out)
