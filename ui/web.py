"""The web app (Gradio): 问答, 对比, 文库, 新旧对照, 培训材料.

`WebApp` holds the handlers as plain methods (testable without a browser: `ui/web_chat.py`,
`ui/web_docs.py`, over the shared state of `ui/web_state.py`); `ui/web_layout.py` lays them out;
nothing is built at import. The UI formats; the data work is the layers' below.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import gradio as gr
from starlette.middleware import Middleware

from corpus.settings import Settings
from ui import render
from ui.login import ClientAddress
from ui.web_chat import ChatHandlers
from ui.web_docs import DocumentHandlers
from ui.web_layout import build_app


class WebApp(ChatHandlers, DocumentHandlers):
    """State and handlers behind the web UI; one per served corpus."""


def launch(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: Callable[[str, str], bool] | None = None,
    block: bool = True,
):
    """Serve the app: local fonts only (nothing fetched from the internet), queue for concurrency."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    app = WebApp(settings)
    demo = build_app(app)
    demo.queue(default_concurrency_limit=4, max_size=1024)  # answers bypass it; exports and uploads queue
    theme = gr.themes.Soft(font=["system-ui", "Noto Sans CJK SC", "sans-serif"], font_mono=["monospace"])
    demo.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        theme=theme,
        css=render.CSS,
        head=render.BUSY_SCRIPT,
        ssr_mode=False,
        max_file_size=settings.max_file_bytes,
        allowed_paths=[],
        blocked_paths=[str(settings.uploads_dir), str(settings.documents_dir), str(settings.data_dir)],
        show_error=True,
        prevent_thread_lock=not block,
        footer_links=[],
        app_kwargs={"middleware": [Middleware(ClientAddress)]},
    )
    return demo
