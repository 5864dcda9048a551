"""The optional LLM path, against a real local HTTP server playing an OpenAI-compatible endpoint."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.answer import Assistant
from assistant.llm import LLMClient

QUESTION = "凯里每个社区至少要配几名专职工作者？"


def serve(behaviour):
    """Start a loopback server whose /chat/completions reply is behaviour(request_json)."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append(body)
            status, content = behaviour(body)
            payload = json.dumps(
                {"choices": [{"message": {"role": "assistant", "content": content}}]}
            ).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test): nothing to answer

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


@pytest.fixture
def with_llm(seed_assistant: Assistant):
    servers = []

    def make(behaviour, timeout: float = 5.0) -> tuple[Assistant, list[dict]]:
        server, seen = serve(behaviour)
        servers.append(server)
        client = LLMClient(f"http://127.0.0.1:{server.server_port}/v1", "test-model", "sk-test", timeout)
        return Assistant(seed_assistant.retriever, list(seed_assistant.docs.values()), client), seen

    yield make
    for s in servers:
        s.shutdown()


def test_good_endpoint_answer_is_used_and_prompt_holds_only_the_clauses(with_llm):
    assistant, seen = with_llm(lambda body: (200, "凯里要求每个社区专职工作者不少于5人。[1]"))
    a = assistant.ask(QUESTION)
    assert a.generator == "llm" and a.text == "凯里要求每个社区专职工作者不少于5人。[1]"
    prompt = seen[0]["messages"][-1]["content"]
    assert "[1]" in prompt and "不少于5人" in prompt and seen[0]["model"] == "test-model"


def test_inventing_endpoint_falls_back_to_the_extractive_answer(with_llm, seed_assistant: Assistant):
    assistant, _ = with_llm(lambda body: (200, "每个社区专职工作者不少于8人。[1]"))
    a = assistant.ask(QUESTION)
    assert a.generator == "extractive" and "8人" not in a.text and "5人" in a.text
    assert "verification" in a.reason and "8" in a.reason


def test_unsupported_sentence_is_dropped_and_the_rest_kept(with_llm):
    assistant, _ = with_llm(lambda body: (200, "每个社区专职工作者不少于5人。[1]另外每人每月补贴3000元。[1]"))
    a = assistant.ask(QUESTION)
    assert a.generator == "llm" and "3000" not in a.text and "5人" in a.text
    assert "3000" in a.reason


def test_uncited_or_unknown_citation_is_rejected(with_llm):
    assistant, _ = with_llm(lambda body: (200, "不少于5人。[7]"))
    a = assistant.ask(QUESTION)
    assert a.generator == "extractive" and "unknown citation" in a.reason


def test_slow_endpoint_times_out_to_the_extractive_answer(with_llm):
    def slow(body):
        time.sleep(3)
        return 200, "不少于5人。[1]"

    assistant, _ = with_llm(slow, timeout=0.5)
    t = time.perf_counter()
    a = assistant.ask(QUESTION)
    assert time.perf_counter() - t < 2.5
    assert a.generator == "extractive" and "LLM unavailable" in a.reason


def test_erroring_endpoint_falls_back(with_llm):
    assistant, _ = with_llm(lambda body: (500, "internal error"))
    a = assistant.ask(QUESTION)
    assert a.generator == "extractive" and "LLM unavailable" in a.reason and "5人" in a.text


def test_refusals_never_reach_the_model(with_llm):
    assistant, seen = with_llm(lambda body: (200, "云南要求不少于9人。[1]"))
    a = assistant.ask("云南省要求每个社区的专职工作者不少于几人？")
    assert a.refused and seen == []
