"""Structured extraction: quantitative targets and responsible units → Indicator rows.

Works on passages (assistant/passage.py: the parts of one long clause joined again), so a unit list
at the end of a clause applies to every target in it. Quantities: assistant/quantity.py; responsible
units: assistant/roles.py; rules and lexicons: rules/extraction.toml.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from assistant.deadlines import deadline_of
from assistant.figures import (
    ATTRIBUTE,
    COMPLETION,
    DEADLINE_LEAD,
    RECURRING,
    SCOPE,
    STATE,
    WHOLE_STATE,
    comparator_before,
    earlier_subject,
    masked,
    merged_quantities,
    rest_of_clause,
)
from assistant.indicator import Indicator
from assistant.naming import WORDED, after_figure, indicator_name
from assistant.passage import Passage, passages
from assistant.respective import (
    BOUND,
    CHANGED_BY,
    RESPECTIVE_LEAD,
    RESPECTIVE_ONE,
    names_listed,
    parallel_figures,
    respective_names,
)
from assistant.roles import clause_units, column_units, is_unit_column, sentence_units
from assistant.sentences import segment, sentence_at, sentences_of
from assistant.table_rows import INDICATOR_HEADER, table_row
from assistant.topics import assign_topics
from corpus.cells import CELL, INDICATOR_LINE, cells
from corpus.model import Document
from indexer.tokenize import domain_tokenizer, is_noun

# The header line of an indicator table set out as lines (`corpus.cells.INDICATOR_LINE`): "指标 2025年 属性".
TABLE_HEADER_LINE = re.compile(
    r"^(?:序号\s*)?指标\s*(?:名称)?\s*(?:\d{4}\s*年\S{0,6}\s*){1,3}(?:属性|指标属性)?$"
)


def extract_document(doc: Document) -> list[Indicator]:
    """Every indicator (and every unit-only assignment) in one document."""
    rows: list[Indicator] = []
    table_deadline, header = None, ""
    for p in passages(doc):
        if p.first.kind == "table_header" or TABLE_HEADER_LINE.match(p.text):
            header = p.text
            m = re.search(r"(\d{4})\s*年?\s*(?:目标|预期|属性|$)", p.text)
            table_deadline = f"{m.group(1)}年" if m else None
        elif (p.first.kind == "text" or CELL not in header) and (
            line := INDICATOR_LINE.match(p.text.replace(CELL, " "))
        ):
            # a line of an indicator table ("1.养老机构护理型床位占比(%) >55 约束性"), its spaces read as cells or not
            rows.append(
                p.row(
                    0,
                    len(p.text),
                    indicator=line.group("name"),
                    comparator=line.group("sign") or None,
                    value=line.group("value"),
                    unit=line.group("unit"),
                    value_text=(line.group("sign") or "") + line.group("value"),
                    deadline=table_deadline,
                    context=header if table_deadline else "",
                )
            )
        elif (
            p.first.kind == "table_row" and (units := column_units(cells(header), cells(p.text), p.text)).lead
        ):
            rows += _task_rows(dataclasses.replace(p, units=units), header)
        elif p.first.kind == "table_row" and not _sentence_table(header, p.text):
            rows += table_row(p, table_deadline, header)
        elif p.first.kind == "table_row":
            # only the sentence cells are read: a bare "| 100%" (a 进度 column) or "| 210" (a task's number)
            # names nothing (blanked, so that offsets hold)
            rows += _text_rows(
                dataclasses.replace(
                    p,
                    text=CELL.join(
                        c if SENTENCE_CELL.fullmatch(c) else "□" * len(c) for c in p.text.split(CELL)
                    ),
                )
            )
        else:
            rows += _text_rows(p)
    # a page repeats its headline ("国办:选择50个左右城市开展…试点" as title, heading and footer): a figure of a
    # line already read is one row (not a law's article, nor a task's unit line repeated under each task: each its own)
    first: dict[tuple, str] = {}
    kept = []
    for r in rows:
        key = (r.clause, r.quote, r.value, r.deadline, r.comparator)
        if r.value and not r.article and first.setdefault(key, r.clause_id) != r.clause_id:
            continue
        kept.append(r)
    return kept


def _text_rows(p: Passage) -> list[Indicator]:
    """A passage read as sentences: its figures' rows, its dated commitments without a figure, and its
    duties (units and what they do) in sentences that gave neither."""
    targets, valued = _target_rows(p)
    dated, dated_sentences = _completion_rows(p, valued)
    return targets + dated + _assignment_rows(p, valued | dated_sentences)


# a cell that is a sentence (a clause ends in it, or it ends one): read as text, not as an indicator cell
SENTENCE_CELL = re.compile(r"[^|]{8,}[，；。][^|]*")


def _sentence_table(header: str, row: str) -> bool:
    """A table whose header names no indicator, target or year, with sentences in its cells ("任务事项 | 进展":
    "年底累计建成…站点不少于10个。"): its rows are read as text, sentence by sentence."""
    return CELL in header and not INDICATOR_HEADER.search(header) and bool(SENTENCE_CELL.search(row))


def _task_rows(p: Passage, header: str) -> list[Indicator]:
    """A task table's row ("重点任务 | 牵头单位 | 责任单位 | 完成时限"), its units the columns' (`p.units`): read
    as a sentence, every row named by its task (the longest cell naming no unit or time); with no figure
    and no dated commitment, the task itself, due by its 完成时限 cell when that is a date."""
    pairs = list(zip(cells(header), cells(p.text), strict=True))
    task = max(
        (c for h, c in pairs if not TIME_COLUMN.search(h) and not is_unit_column(h)), key=len, default=""
    )
    due = next((c for h, c in pairs if TIME_COLUMN.search(h) and YEAR.search(c)), None)
    return [dataclasses.replace(r, indicator=_own_cell(p, r, pairs) or task) for r in _text_rows(p)] or [
        p.row(0, len(p.text), indicator=task, deadline=due)
    ]


def _own_cell(p: Passage, r: Indicator, pairs: list[tuple[str, str]]) -> str:
    """The sentence cell a row's figure stands in, when the row holds another ("新建成…成长驿站7家。 | 新建…等13家婴幼儿成长驿
    站。": a target and what was done, each named by its own cell); "" when its figure stands in none or in the only one."""
    at, start = r.start - p.first.start + max(r.value_at, 0), 0
    sentences = [c for _, c in pairs if SENTENCE_CELL.fullmatch(c)]
    for raw in p.text.split(CELL):
        if start <= at < start + len(raw):
            return raw.strip() if r.value and len(sentences) > 1 and raw.strip() in sentences else ""
        start += len(raw) + len(CELL)
    return ""


# "结合到2020年全面建成小康社会这一奋斗目标": a goal the text names (another's commitment), not its own
NAMED_GOAL = re.compile(r"[^，。；,;]{0,16}?这一(?:奋斗|宏伟|战略)?目标")
GOAL_NAMED = re.compile(r"[^，。；,;]{0,8}?目标")  # a state naming a goal: "全面建成小康社会目标"
TIME_COLUMN = re.compile(r"时限|时间|期限|节点")
YEAR = re.compile(r"\d{4}年")
# "到2025年末，…；覆盖率达100%；…不低于25人。": a deadline opening a sentence holds for each of its ；-parts
OPENING_DEADLINE = re.compile(
    r"(?:到|力争到|确保到|力争在|于)\s*(?P<d>(?:\d{4}|20XX)年(?:年底|年末|底|末)?前?)[，,]"
)


# what a sentence opening with its deadline may list first: "据了解，中期目标为：", "主要目标是："
LISTED_GOALS = re.compile(r"[^，。；：:\d]{0,8}[，,]?[^，。；：:\d]{0,10}[：:]")


def _noun_follows(text: str, end: int) -> bool:
    """A noun right after a figure ("80%以上社区实现…覆盖"): the figure is a share of what it names."""
    words = domain_tokenizer().precise(text[end : end + 8])
    return bool(words) and is_noun(words[0])


def _opening_deadline(text: str, sent_s: int) -> str | None:
    """The deadline opening the 。-sentence whose ；-part starts at `sent_s`, when it is a later part and no
    part between them names a year of its own ("…；截至2020年末，覆盖率为100%；85%达到…"); it may follow what the
    sentence lists ("中期目标为：到2020年，…；…每年至少组织开展1次…")."""
    start = text.rfind("。", 0, sent_s) + 1
    if lead := LISTED_GOALS.match(text, start, sent_s):
        start = lead.end()
    m = OPENING_DEADLINE.match(text, start) if start < sent_s else None
    return m.group("d") if m and not re.search(r"(?:\d{4}|20XX)年", text[m.end() : sent_s]) else None


def _target_rows(p: Passage) -> tuple[list[Indicator], set[int]]:
    """One row per quantity that states a target, with the units its own sentence (or an earlier
    one, when the subject is elided) assigns; and the starts of the sentences used."""
    text = p.text
    rows: list[Indicator] = []
    used: set[int] = set()
    last_end = 0  # where the figure before this one ends: a comparator before it is that one's
    for q in merged_quantities(masked(text)):
        seg_s, seg_e = segment(text, q.start, q.end)
        sent_s, sent_e = sentence_at(text, q.start)
        own = sentence_units(text[sent_s:sent_e])
        if not own.lead and not p.units.lead:
            own = earlier_subject(text, sent_s)
        scope = SCOPE.search(text, sent_s, sent_e)
        dl = deadline_of(text, sent_s, sent_e, q.start)
        quote_s = min(seg_s, dl.start("d")) if dl else seg_s
        row = p.row(
            quote_s,  # the quote holds the deadline too
            max(seg_e, dl.end("d")) if dl else seg_e,
            own,
            indicator=indicator_name(
                text,
                seg_s,
                q.start,
                after_figure(text, q.end, seg_e),
                q.kind == "count",
                rows[-1].indicator if rows and sent_s in used else "",
                share_of="%" in q.text and (text.startswith("的", q.end) or _noun_follows(text, q.end)),
            ),
            comparator=q.comparator or comparator_before(text, max(seg_s, last_end), q.start) or None,
            value=q.value,
            unit=q.unit or None,
            scope=scope.group(0) if scope else None,
            deadline=dl.group("d") if dl else _opening_deadline(text, sent_s),
            value_text=q.text,
            quantity_kind=q.kind,
            value_at=q.start - quote_s,
        )
        figures = parallel_figures(q.value, q.unit)
        if len(figures) > 1:
            names = respective_names(text, sent_s, q.start, len(figures))
        elif RESPECTIVE_ONE.search(text[: q.start]):
            names = respective_names(text, sent_s, q.start, None)
            figures *= len(names or ())
        else:
            names = None
        if names and (change := CHANGED_BY.search(text[: q.start])):
            names = [n if n.endswith(change.group(1)) else n + change.group(1) for n in names]
        # side by side, not a range ("100元以上、500元以下"): a bound only after the last ("…、1574万吨以内")
        listed = len(figures) > 1 and not any(BOUND.search(f) for f in figures[:-1])
        if names or (
            listed
            and (RESPECTIVE_LEAD.search(text[: q.start]) or text.startswith("不等", q.end))
            and not names_listed(text, sent_s, q.start)
        ):
            # one row per name and its figure, quoting the whole sentence (the pairing is read there); figures
            # a 分别 gives side by side whose names the sentence does not list as many of ("…中心、…工作站，覆盖率
            # 分别达到81%和72%"), or that a 不等 says vary ("每月960元、845元和740元不等"): one row per figure all the
            # same, one value to a cell
            rows += [
                dataclasses.replace(
                    row,
                    indicator=name,
                    value=figure,
                    unit=row.unit if row.unit and figure.endswith(row.unit) else None,  # "1日、…、1个月"
                    value_text=(row.comparator or "") + figure,
                    quote=text[sent_s:sent_e].strip("。"),
                    value_at=-1,
                )
                for name, figure in zip(names or [row.indicator] * len(figures), figures, strict=True)
            ]
        elif WORDED.search(row.indicator):
            # a figure nothing in its text names ("…。超过7,000元，…", a bullet's "- <85%") is no row to compare
            rows.append(row)
        used.add(sent_s)
        last_end = q.end
    return rows, used


def _completion_rows(p: Passage, valued: set[int]) -> tuple[list[Indicator], set[int]]:
    """Dated commitments without a figure: "2025年底前完成…", "到2025年…实现全覆盖". The row's value is
    the state (全面完成, 全覆盖); sentences that already gave a figure's row (`valued`) give none."""
    text, rows, used = p.text, [], set()
    for m in (*COMPLETION.finditer(text), *RECURRING.finditer(text)):
        deadline, state = m.group("d"), m.group("state")
        before = deadline.endswith("前")
        if not (before or (text[: m.start()].endswith(DEADLINE_LEAD) and not state.endswith("实现"))):
            continue
        sent_s, sent_e = sentence_at(text, m.start())
        if (
            NAMED_GOAL.match(text, m.end())
            or ATTRIBUTE.match(text, m.end())
            or (text.startswith("、", m.end()) and "的" in text[m.end() : sent_e])
        ):
            # "2000年底前建成的小区", "…建成需改造的", "2000年年底前建成、失修失养…的住宅小区": what the noun is
            continue
        s, e = segment(text, m.start(), m.end())
        chunk = max(text.rfind(ch, sent_s, m.start()) for ch in "，,") + 1
        if sent_s in valued and any(
            max(chunk, sent_s) <= sent_s + v.start < e for v in merged_quantities(masked(text[sent_s:sent_e]))
        ):
            continue  # the figure's row gives it ("2025年底前完成100个"); "通过三年努力，于2022年底前完成…" has its own
        what = text[m.end() - len(state) : e].strip("，。")
        clause_end = m.end() + len(rest_of_clause(text, m.end()))
        if state.endswith("实现") and (whole := WHOLE_STATE.search(text, m.end(), clause_end)):
            state += whole.group(0)  # "2025年底前基本实现（垃圾分类）全覆盖": the state reached is 全覆盖
        if what == state:  # "服务评估工作应当在每年3月底前完成": what is done is named before its deadline
            lead = text[sent_s : m.start()].strip("，。 ")
            clause = lead[max(lead.rfind("，"), lead.rfind(",")) + 1 :]
            if figure := next(iter(merged_quantities(masked(clause))), None):
                # "…覆盖率达到90%以上，2025年年底前基本实现全覆盖": what the figure before it measures
                lead = indicator_name(clause, 0, figure.start)
            what = re.sub(r"(?:应当|应|要|须|必须)?(?:在|于)?$", "", lead) or what
        rows.append(
            p.row(
                s,
                e,
                sentence_units(text[sent_s:sent_e]),
                indicator=what,
                deadline=deadline,
                value=state,
                value_text=state,
                quantity_kind="state",
            )
        )
        used.add(sent_s)
    for sent_s, sent_e in sentences_of(text):
        if sent_s in used:
            continue
        if sent_s in valued:
            # a sentence of figures may also reach a whole state ("…比例达到38.5%，…健身圈实现全覆盖"): its own
            # row, unless the sentence's figures say it already ("覆盖率达到100%，实现全覆盖") or the state is
            # said of things its stretch counts ("首批100个…示范社区全面建成": the count's row)
            found = WHOLE_STATE.search(text, sent_s, sent_e)
            if found:
                figures = merged_quantities(masked(text[sent_s:sent_e]))
                stretch = segment(text, found.start(), found.end())[0] - sent_s
                if any(v.value in ("100%", "百分之百") for v in figures) or any(
                    v.kind == "count" and stretch <= v.start < found.start() - sent_s for v in figures
                ):
                    found = None
        else:
            # "到2025年，…体系基本形成，…服务基本实现全覆盖": the whole state is what can be checked (not a goal's
            # name: "…与全面建成小康社会目标相适应")
            states = list(STATE.finditer(text, sent_s, sent_e))
            reached = (
                m for m in states if WHOLE_STATE.search(m.group()) and not GOAL_NAMED.match(text, m.end())
            )
            found = next(reached, states[0] if states else None)
        dl = deadline_of(text, sent_s, sent_e, found.start()) if found else None
        if found and dl and not NAMED_GOAL.match(text, found.end()):
            s, e = segment(text, found.start(), found.end())
            # what is reached: the words before the state less its deadline ("城市社区…基本建成"), else
            # what follows it ("到2025年，基本实现[城市社区规模适度]")
            before = text[s : found.start()]
            if dl.start() >= s:
                before = before.replace(dl.group(0), "", 1)
            indicator = before.strip("，。、 ") or text[found.end() : e].strip("，。、 ")
            rows.append(
                p.row(
                    min(s, dl.start("d")),
                    max(e, dl.end("d")),
                    sentence_units(text[sent_s:sent_e]),
                    indicator=indicator,
                    deadline=dl.group("d"),
                    value=found.group(0),
                    value_text=found.group(0),
                    quantity_kind="state",
                )
            )
            used.add(sent_s)
    return rows, used


def _assignment_rows(p: Passage, valued: set[int]) -> list[Indicator]:
    """Sentences that assign responsibility without a figure, and the clause's own unit list."""
    name = _heading_name(p.first.heading_path)
    rows = []
    for sent_s, sent_e in sentences_of(p.text):
        own = sentence_units(p.text[sent_s:sent_e])
        if own.lead and sent_s not in valued:
            rows.append(p.row(sent_s, sent_e, own, indicator=_duty(p.text[sent_s:sent_e], own.lead) or name))
    listed = clause_units(p.text)
    if listed.start >= 0 and (listed.lead or listed.support):
        rows.append(p.row(listed.start, listed.end, indicator=name))
    return rows


DUTY_LEAD = re.compile(
    r"^(?:应当|应|负责|要|可以|必须|统一|具体|依法|按照各自职责|会同[^，。；]*?(?=建立|制定|开展|做好|推进))+"
)


def _duty(sentence: str, units: Sequence[str]) -> str:
    """What a sentence makes its units do, for a row without a figure: "区民政局应当建立台账，…" → 建立台账."""
    end = max((sentence.rfind(u) + len(u) for u in units if u in sentence), default=-1)
    if end < 0:
        return ""
    duty = DUTY_LEAD.sub("", sentence[end:])
    duty = re.split(r"[，。；：,;:]", duty, maxsplit=1)[0].strip()
    return duty if 2 <= len(duty) <= 40 else ""


def _heading_name(path: Sequence[str]) -> str:
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)、.]?", "", path[-1]) if path else ""


def extract_all(docs: Iterable[Document]) -> list[Indicator]:
    """All rows of all documents with their topics."""
    return assign_topics([row for d in docs for row in extract_document(d)])
