"""Optional OpenAI-compatible chat endpoint (Ollama, vLLM, a provider), verified after generation.

The prompt holds the numbered clauses only. The reply is kept sentence by sentence: a sentence
must cite at least one existing clause, and every number and unit name in it must appear in a
clause it cites. If nothing survives, or the endpoint errs or times out, the extractive answer
stands and the reason is recorded.
"""

from __future__ import annotations

import dataclasses
import json
import re
import urllib.error
import urllib.request

from assistant.model import Answer

NUMBER = re.compile(r"\d+(?:\.\d+)?")
UNIT_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,14}?(?:局|委员会|委|部|办公室|办|中心|政府|街道办事处|党委|所|院|厅)"
)
SYSTEM = (
    "你是政策文件问答助手。只能依据用户给出的编号条款回答，用简体中文，一两句话。"
    "每句话末尾用[编号]标明出处，例如[1]。数字、单位名称必须照抄条款原文。"
    "如果条款不能回答问题，只回答：文件未作规定。"
)


class LLMError(Exception):
    """The endpoint failed: network error, HTTP error, timeout or malformed reply."""


@dataclasses.dataclass(frozen=True)
class LLMClient:
    base_url: str
    model: str
    api_key: str = ""
    timeout: float = 20.0

    def chat(self, messages: list[dict]) -> str:
        body = json.dumps({"model": self.model, "messages": messages, "temperature": 0}).encode("utf-8")
        req = urllib.request.Request(
            self.base_url.rstrip("/") + "/chat/completions",
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                **({"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}),
            },
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                data = json.loads(resp.read().decode("utf-8"))
            return str(data["choices"][0]["message"]["content"])
        except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, IndexError) as e:
            raise LLMError(f"{type(e).__name__}: {e}") from e


def client_from(settings) -> LLMClient | None:  # corpus.settings.Settings
    """The configured endpoint, or None when no LLM is configured."""
    if not settings.llm_base_url:
        return None
    return LLMClient(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout)


def build_messages(question: str, answer: Answer) -> list[dict]:
    clauses = "\n".join(f"[{c.n}] 《{c.title}》{c.section}：{c.text}" for c in answer.citations)
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"条款：\n{clauses}\n\n问题：{question}"},
    ]


def verify(reply: str, answer: Answer) -> tuple[str, list[str]]:
    """The reply's supported sentences, and why the others were dropped."""
    by_n = {c.n: c.text for c in answer.citations}
    kept, problems = [], []
    # A sentence runs to its 。！？ and takes the citation marks that follow it: "…5人。[1]".
    for sent in (s for s in re.findall(r"[^。！？]+[。！？]?(?:\s*\[\d+\])*", reply.strip()) if s.strip()):
        ids = [int(x) for x in re.findall(r"\[(\d+)\]", sent)]
        if not ids:
            problems.append(f"uncited: {sent[:40]}")
            continue
        if any(i not in by_n for i in ids):
            problems.append(f"unknown citation {ids}: {sent[:40]}")
            continue
        cited = "".join(by_n[i] for i in ids)
        plain = re.sub(r"\[\d+\]", "", sent)
        bad = [x for x in NUMBER.findall(plain) if x not in cited] + [
            u for u in UNIT_NAME.findall(plain) if u not in cited
        ]
        if bad:
            problems.append(f"not in cited clauses {bad}: {sent[:40]}")
            continue
        kept.append(sent.strip())
    return "".join(kept), problems


def generate_verified(client: LLMClient, answer: Answer, question: str) -> Answer:
    """Let the model phrase the answer from the cited clauses; keep it only if it checks out."""
    if answer.refused or not answer.citations:
        return answer
    try:
        reply = client.chat(build_messages(question, answer))
    except LLMError as e:
        return dataclasses.replace(answer, reason=f"LLM unavailable, extractive answer used ({e})")
    text, problems = verify(reply, answer)
    if not text:
        return dataclasses.replace(answer, reason="LLM answer failed verification: " + "; ".join(problems))
    reason = ("dropped unsupported sentences: " + "; ".join(problems)) if problems else ""
    return dataclasses.replace(answer, text=text, generator="llm", reason=reason)
