"""The learned answer selector: logistic regression over candidate features, with a refusal cut-off.

Weights, the feature standardisation and the cut-off live in `rules/answer_model.json`, written by
`policyqa eval fit` (eval/fit.py) from the dev sets with cross-validation grouped by document.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.features import FEATURES, OPEN_SIGNALS, Candidate
from assistant.roles import OWNER
from assistant.stated import (
    BINDS,
    CHARGED,
    COMMENCEMENT,
    CONDITIONS_SET,
    ENCOURAGED,
    FEE_STATED,
    PENALTY,
    REMEDY_TAKEN,
    SANCTION,
    SOFTLY_STATED,
    STATED_NAMES,
    defined_term,
    stated_thing,
)
from corpus.alternatives import with_alternatives
from corpus.outline import CN_NUM
from indexer.query import UNSEEN_IDF, Kind, Query, asks_exact_time, asks_for_time

# "危房住户不肯搬走怎么办": what to do about a state of things, which those empowered to end it may answer ("拒不迁出的，
# 可以…暂时强制其停止使用"); "怎么投诉" asks how to do a thing, which no sanction says
WHAT_TO_DO = re.compile(r"怎么办|怎么处理|如何处理")
MODEL_FILE = Path(__file__).parent / "rules" / "answer_model.json"


class Featured(Protocol):
    """Anything with a candidate's feature vector (a `Candidate`, or a row of saved fitting data)."""

    @property
    def features(self) -> tuple[float, ...]: ...


class ModelMismatch(ValueError):
    """The weights file was fitted on another feature set: refit with `policyqa eval fit`."""


@dataclass(frozen=True)
class AnswerModel:
    """P(sentence answers the question) = σ(z), z = w · standardised features + b; for an open
    question (是否, 怎么办: `features.q_open`) z is weighed again with the retrieval and wording signals
    (`features.OPEN_SIGNALS`): z' = a·z + v · standardised signals + c. Such a question is answered
    by an article that often shares few of its words, so wording tells less and retrieval more;
    other questions keep z as it is."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float  # refuse when no candidate reaches it
    # refuse when a sentence outside the documents a question names is closer to it than every
    # candidate by more than this (`features.elsewhere_gap`): the named city does not say it
    elsewhere_margin: float = math.inf
    open_coef: np.ndarray | None = None  # (a, v…) for open questions; None: z as it is
    open_intercept: float = 0.0

    def logits(self, x: np.ndarray) -> np.ndarray:
        """z for each row of features (the sentence model alone)."""
        return ((x - self.mean) / self.scale) @ self.coef + self.intercept

    def probabilities(self, cands: Sequence[Featured]) -> np.ndarray:
        return self._both(cands)[0]

    def answer_probabilities(self, cands: Sequence[Candidate]) -> np.ndarray:
        """`probabilities`, with an open question's sentences of one article in the sentence model's
        order (`article_order`): what the answer is chosen by."""
        p, sentence = self._both(cands)
        return p if np.array_equal(p, sentence) else article_order(cands, p, sentence)

    def _both(self, cands: Sequence[Featured]) -> tuple[np.ndarray, np.ndarray]:
        """(P with an open question weighed again, P of the sentence model alone)."""
        if not cands:
            return np.zeros(0), np.zeros(0)
        x = np.array([c.features for c in cands], dtype=np.float64)
        z = self.logits(x)
        sentence = 1.0 / (1.0 + np.exp(-z))
        if self.open_coef is None:
            return sentence, sentence
        is_open = x[:, FEATURES.index("q_open")] == 1.0
        if not is_open.any():
            return sentence, sentence
        z[is_open] = open_inputs(self, x[is_open], z[is_open]) @ self.open_coef + self.open_intercept
        return 1.0 / (1.0 + np.exp(-z)), sentence

    def to_json(self, extra: dict | None = None) -> str:
        data = {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "elsewhere_margin": self.elsewhere_margin if math.isfinite(self.elsewhere_margin) else None,
            "open_signals": list(OPEN_SIGNALS),
            "open_coef": None if self.open_coef is None else self.open_coef.tolist(),
            "open_intercept": self.open_intercept,
            **(extra or {}),
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> AnswerModel:
        d = json.loads(text)
        if tuple(d["features"]) != FEATURES:
            raise ModelMismatch(
                f"answer model features {d['features']} != code {list(FEATURES)}: run `policyqa eval fit`"
            )
        if d.get("open_coef") is not None and tuple(d.get("open_signals", ())) != OPEN_SIGNALS:
            raise ModelMismatch(
                f"answer model open signals {d.get('open_signals')} != code {list(OPEN_SIGNALS)}: "
                "run `policyqa eval fit`"
            )
        return cls(
            tuple(d["features"]),
            np.array(d["mean"]),
            np.array(d["scale"]),
            np.array(d["coef"]),
            float(d["intercept"]),
            float(d["threshold"]),
            math.inf if d.get("elsewhere_margin") is None else float(d["elsewhere_margin"]),
            None if d.get("open_coef") is None else np.array(d["open_coef"]),
            float(d.get("open_intercept", 0.0)),
        )


def article_order(cands: Sequence[Candidate], p: np.ndarray, sentence: np.ndarray) -> np.ndarray:
    """An open question's probabilities (`AnswerModel.probabilities`) say which article answers; inside
    one article (or a plan's section) its sentences keep the sentence model's order (`sentence`): the
    group's highest probability goes to the sentence that model finds likeliest, and so on. Retrieval
    knows which article a question is about, not which of its paragraphs says it."""
    out = p.copy()
    groups: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for i, c in enumerate(cands):
        groups.setdefault((c.hit.clause.doc_id, c.hit.clause.heading_path), []).append(i)
    for members in groups.values():
        by_sentence = sorted(members, key=lambda i: -sentence[i])
        for i, value in zip(by_sentence, sorted((p[i] for i in members), reverse=True), strict=True):
            out[i] = value
    return out


def open_inputs(model: AnswerModel, x: np.ndarray, z: np.ndarray) -> np.ndarray:
    """What an open question's z is weighed again with: z, then each of `OPEN_SIGNALS` standardised
    as the sentence model standardises it."""
    idx = [FEATURES.index(name) for name in OPEN_SIGNALS]
    return np.column_stack([z, (x[:, idx] - model.mean[idx]) / model.scale[idx]])


def eligible(query: Query, cands: Sequence[Candidate]) -> np.ndarray:
    """Which sentences may answer at all: an answer to "how many 元" quotes a number in 元, and
    is not the fine for breaking a rule unless the question asks about breaking it (a penalty
    article states 元 for every money question: "每月补贴多少元" is never "处五千元以上罚款"; nor is
    "公积金每月交多少比例" a fine of "百分之十以上"), and one to "how many" of a thing that is no unit quotes a number; a text's
    closing words answer only when it applies, and a definition only what a word means (`DEFINITION`)."""
    ok = np.ones(len(cands), dtype=bool)
    if query.kind is Kind.NUMBER and not query.units:
        # "罢免村委会主任要多少村民联名": whatever it counts, a number answers it, not "村民会议行使下列职权：…（二）…罢免…"
        ok &= np.array([bool(c.feature("kind_number")) for c in cands], dtype=bool)
    elif query.kind is Kind.NUMBER:
        ok &= np.array([bool(c.feature("unit_match")) for c in cands], dtype=bool)
        if not query.asked.penalty:
            ok &= np.array([not PENALTY.search(c.text) for c in cands], dtype=bool)
    if (query.kind is Kind.PROCEDURE or query.asked.who_sets) and not query.asked.penalty:
        # "打车发现司机绕路怎么投诉", "停车收费标准谁来定": a sanction for a breach ("…构成犯罪的，依法追究刑事责任：…（六）
        # 不按规定办理乘客投诉", "由城市管理行政主管部门责令改正…罚款") says neither how to go about a matter nor who sets it
        sanction = np.array([bool(SANCTION.search(c.intro + c.text)) for c in cands], dtype=bool)
        if WHAT_TO_DO.search(query.question or query.text) and not query.asked.who_sets:
            sanction &= ~_names_the_asked_acts(query, cands, SANCTION, own=True)
        ok &= ~sanction
    ok &= np.array([not closing_words(query, c.text) for c in cands], dtype=bool)
    if not query.asked.meaning:
        # "华侨子女回国上学能享受什么照顾" is not answered by what 华侨子女 or 华侨学生 means
        ok &= np.array([defined_term(c.text) == "\0" for c in cands], dtype=bool)
    asked = {(m.group(2), m.group(1)) for m in ORDINAL.finditer(query.question or query.text)}
    if asked:
        # "第二十六条第一类资助对象每人每月400元，第二类…。经评估为重度失能的，每人每月增加护理资助200元": a paragraph
        # listing the first two kinds says nothing of the third, in any of its sentences
        ok &= np.array(
            [
                _names_the_asked_item(asked, c.text) and _names_the_asked_item(asked, c.hit.clause.text)
                for c in cands
            ],
            dtype=bool,
        )
    return ok


def closing_words(query: Query, text: str) -> bool:
    """The text says when its document applies or what it replaces, and the question does not ask."""
    return bool(COMMENCEMENT.search(text)) and not query.asked.commencement


def states_asked(query: Query, cands: Sequence[Candidate]) -> np.ndarray:
    """Which sentences may lead the answer: one to "how long" or "how often" states a time (a date, a
    time limit, or a figure in the asked unit: 每两个月, 六个月), one to "怎么处罚" a sanction; the provisions
    beside it need not."""
    if (pattern := stated_thing(query.asked)) is not None:
        states = np.array([bool(pattern.search(c.intro + c.text)) for c in cands], dtype=bool)
        if pattern is FEE_STATED:
            # of the thing asked about; said to be free or charged for before who bears its cost
            states &= _on_the_asked_acts(query, cands, pattern)
            charged = states & np.array([bool(CHARGED.search(c.intro + c.text)) for c in cands], dtype=bool)
            return charged if charged.any() else states
        # a sanction for what the question names, not for another act; a way to contest the decision it names
        return (
            states & _on_the_asked_acts(query, cands, pattern)
            if pattern in (SANCTION, REMEDY_TAKEN)
            else states
        )
    # "小区里的广告收入归谁": the sentence saying whose it is, where one does
    if query.asked.whose:
        owned = np.array([bool(OWNER.search(c.intro + c.text)) for c in cands], dtype=bool)
        if owned.any():
            return owned
    if query.asked.conditions:  # "成立业主大会需要什么条件": the sentence setting them out, where one does
        sets = np.array([bool(CONDITIONS_SET.search(c.intro + c.text)) for c in cands], dtype=bool)
        sets &= _on_the_asked_acts(query, cands, CONDITIONS_SET)
        if sets.any():
            return sets
    if query.asked.duty:  # "要不要配除颤仪": not a sentence only encouraging it, where another may lead
        said = [c.intro + c.text for c in cands]
        binding = np.array([not ENCOURAGED.search(t) or bool(BINDS.search(t)) for t in said], dtype=bool)
        if binding.any():
            return binding
    if query.asked.what_is:  # "什么是家庭暴力": the sentence saying what it is, where one does
        defines = np.array([defined_term(c.text) in query.text for c in cands], dtype=bool)
        if defines.any():
            return defines
    # "电子烟算不算吸烟": the sentence saying what the one is, where it names the other
    if query.asked.is_one:
        defines = np.array([_defines_one_as_other(query, c.text) for c in cands], dtype=bool)
        if defines.any():
            return defines
    if query.kind is not Kind.DEADLINE or not asks_for_time(query.asks):
        return np.ones(len(cands), dtype=bool)
    if asks_exact_time(query.asks):  # "提前多久": a time before the event, not a time limit after it
        return np.array([bool(c.feature("unit_match")) for c in cands], dtype=bool)
    return np.array([bool(c.feature("kind_deadline") or c.feature("unit_match")) for c in cands], dtype=bool)


def states_softly(query: Query) -> bool:
    """The sentences allowed to lead are preferred, not required: where none is likely enough to answer ("什么是…",
    "…归谁" with no sentence saying so that the model trusts), the likeliest sentence leads instead of a refusal."""
    return not query.asked.sanction and (query.asked.whose or query.asked.what_is or query.asked.is_one)


def _defines_one_as_other(query: Query, text: str) -> bool:
    """The sentence defines a word of the question and names another of its subject words ("本条例所称的吸烟，是指吸入并
    呼出烟草的烟雾或者电子烟气雾的行为" for "电子烟算不算吸烟")."""
    term = defined_term(text)
    if term not in query.text:
        return False
    body = text[text.find(term) + len(term) :]
    return any(len(w) > 1 and w not in term and term not in w and w in body for w in query.subject_words)


def lead_scores(
    query: Query, cands: Sequence[Candidate], probs: np.ndarray, stated: np.ndarray, threshold: float
) -> np.ndarray:
    """Each sentence's score to lead the answer (`probs`: to answer at all, 0 where it may not), against `threshold`:
    a sentence stating what is asked (`states_asked`) leads. Where none of them is trusted but another sentence is (the
    topic is answered): the likeliest sentence leads when the asked thing is only preferred (`states_softly`); when who
    pays, what befalls the doer, where to complain, whether a thing is free or what it takes is asked, the likeliest
    sentence saying so leads ("见义勇为受伤了医药费谁出": "…医疗费…等费用，由…监督加害人…支付" holds fewer of the question's words than "医疗单位对见义
    勇为受伤的人员应当及时…救治"; "孩子不去上学家长要负什么责任": "父母…未送…入学…的，…责令限期改正" fewer than "学校应当建立…家长
    委员会"), of a document a trusted sentence is from (not another text's cost: "孩子入学的费用谁出" is not answered by
    见义勇为's 医疗费); where none says whether a thing is free or what it takes, the likeliest sentence (`SOFTLY_STATED`: of a
    provision naming the thing; "成立业主大会需要什么条件" is answered by "符合下列条件之一的，应当召开首次业主大会会议" over
    the sentences naming the conditions as met, and by the likeliest sentence where none sets them out). A question asking
    no penalty is not led by a sanction where a sentence that is none is trusted."""
    asked = query.asked
    leads = np.where(stated, probs, 0.0)
    if not (asked.penalty or asked.liability or asked.consequence):
        # "停水了要提前通知吗", "水费交晚了会停水吗": the provision setting the duty answers, not the sanction for breaking
        # it ("…未履行停水…通知义务的，处以…罚款"), which says it only by implication: where a sentence that is no sanction
        # is trusted, no sanction leads
        sanction = np.array([bool(SANCTION.search(c.intro + c.text)) for c in cands], dtype=bool)
        if (leads[~sanction] >= threshold).any():
            leads = np.where(sanction, 0.0, leads)
    if leads.max() >= threshold or probs.max() < threshold:
        return leads
    if states_softly(query):
        return probs
    # what a thing takes, whether it is required: a sentence saying so preferred
    preferred = asked.conditions or asked.duty
    if not (asked.pays or asked.consequence or asked.complaint or asked.fee or preferred):
        return leads
    trusted = {c.hit.clause.doc_id for c, p in zip(cands, probs, strict=True) if p >= threshold}
    said = stated & (probs > 0) & np.array([c.hit.clause.doc_id in trusted for c in cands], dtype=bool)
    if not said.any():
        # whether it is free, unsaid: the likeliest sentence on the thing ("家庭教育指导服务收费吗": "…纳入城乡公共服务"), not on
        # another ("老年人可以免费体检吗" is not answered by "…定期免费进修…制度")
        if (pattern := stated_thing(asked)) is not None and pattern in SOFTLY_STATED:
            return np.where(_names_the_asked_acts(query, cands, pattern), probs, 0.0)
        return probs if preferred else leads
    lifted = np.where(said, probs + threshold - probs[said].max(), 0.0)
    lifted[int(np.argmax(lifted))] = threshold  # exactly at the bar: a float sum may fall short of it
    return lifted


def _on_the_asked_acts(query: Query, cands: Sequence[Candidate], stated: re.Pattern[str]) -> np.ndarray:
    """Which sentences name what the question asks about, themselves or in the provision they point back to, when
    some retrieved sentence does: "楼道堆放杂物会被罚款吗" is not answered by a fine for breaking the rules on walking
    dogs ("违反本条例第四十七条第二项…规定的，…罚款"), where the texts forbid 堆放杂物 and fine none of it; "调解要收费吗" not
    by another text's "公用事业收费"."""
    said = _names_the_asked_acts(query, cands, stated)
    return said if said.any() else np.ones(len(cands), dtype=bool)


def _names_the_asked_acts(
    query: Query, cands: Sequence[Candidate], stated: re.Pattern[str], own: bool = False
) -> np.ndarray:
    """Which sentences name the question's own words but what it asks (not 经费 for 多少钱, 收费), themselves or in the
    provision they point back to; a word's parts too (急救 of 急救车道). `own`: in the sentence itself, not elsewhere in
    its clause (an item of a list of sanctions is not its neighbours'), the register's words for the question's counting
    as its own (不肯搬走 is 拒不迁出)."""
    asked = query.text + (" " + query.dense_text if own else "")
    topic = [
        w
        for w, v in query.terms
        if v < UNSEEN_IDF and len(w) > 1 and w in asked and not stated.search(w) and "罚" not in w
    ]
    # on its own, a sentence names two of them or a word the register put for one: 托修车辆 holds 修车 by chance
    weight = {w: 2 if own and w not in query.text else 1 for w in topic}
    least = 2 if own else 1
    return np.array(
        [
            sum(
                weight[w]
                for w in topic
                if w in with_alternatives(c.intro + c.referred + (c.text if own else c.hit.clause.text))
            )
            >= least
            for c in cands
        ],
        dtype=bool,
    )


def asked_thing(query: Query) -> str:
    """What the sentences allowed to lead state (`states_asked`), as a refusal names it."""
    pattern = stated_thing(query.asked)
    return STATED_NAMES[pattern] if pattern is not None else "所问的时间"


def may_lead(query: Query, cands: Sequence[Candidate]) -> np.ndarray:
    """The sentences an answer may open with (what the refusal cut-off is fitted on)."""
    return eligible(query, cands) & states_asked(query, cands)


# "第三类资助对象" asks for that item: a sentence listing 第一类 and 第二类 but not 第三类 does not answer it.
ORDINAL = re.compile(rf"第([{CN_NUM}\d]+)(类|档|级|项|种|批|等|期|阶段)")


def _names_the_asked_item(asked: set[tuple[str, str]], text: str) -> bool:
    listed = {(m.group(2), m.group(1)) for m in ORDINAL.finditer(text)}
    return all((kind, n) in listed or not any(k == kind for k, _ in listed) for kind, n in asked)


@cache
def default_model() -> AnswerModel:
    """The shipped model (rules/answer_model.json)."""
    return AnswerModel.from_json(MODEL_FILE.read_text(encoding="utf-8"))
