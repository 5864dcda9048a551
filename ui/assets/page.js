(() => {
  const BUSY = "This application is currently busy";
  let last = null, tries = 0;
  document.addEventListener("click", (e) => {
    const b = e.target.closest("button");
    if (b && b.id) { last = b; tries = 0; }
  }, true);
  const fix = (node) => {
    if (node.nodeType === Node.TEXT_NODE && node.textContent.includes(BUSY)) {
      node.textContent = "服务器繁忙，3 秒后自动重试…";
      if (last && tries < 3) { tries += 1; setTimeout(() => last.click(), 3000); }
    } else if (node.childNodes) { node.childNodes.forEach(fix); }
  };
  new MutationObserver((ms) => ms.forEach((m) => m.addedNodes.forEach(fix))).observe(document.body,
    {childList: true, subtree: true});
  // Icon buttons Gradio labels in English whatever the browser's language (screen readers, tooltips).
  const LABELS = {"Copy message": "复制回答", "Copied message": "已复制", "Copy": "复制", "Copied": "已复制",
                  "Feedback": "反馈", "Like": "有用", "Dislike": "没用", "Retry": "重新回答", "Clear": "清空",
                  "Undo": "撤销", "Edit": "编辑", "Download": "下载", "Share": "分享", "Fullscreen": "全屏",
                  "Copy conversation": "复制整段对话", "chatbot conversation": "对话"};
  const PREFIXES = [["user's message: ", "提问："], ["bot's message: ", "回答："]];
  const relabel = () => document.querySelectorAll("[aria-label], [title]").forEach((el) => {
    for (const attr of ["aria-label", "title"]) {
      const v = el.getAttribute(attr);
      if (v === null) continue;
      const p = PREFIXES.find(([en]) => v.startsWith(en));
      const zh = LABELS[v] || (p ? p[1] + v.slice(p[0].length) : null);
      if (zh) el.setAttribute(attr, zh);
    }
  });
  new MutationObserver(relabel).observe(document.body,
    {childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label", "title"]});
  // 查看全文 (a card's link, a version's link): the link's target goes through a hidden box to the
  // server, which sends the whole document; the page then scrolls the viewer to the marked clause.
  document.addEventListener("click", (e) => {
    const a = e.target.closest("a[href^='#pq-doc=']");
    if (!a) return;
    e.preventDefault();
    const box = document.querySelector("#viewer-target textarea, #viewer-target input");
    const go = document.querySelector("#viewer-open");
    if (!box || !go) return;
    box.value = decodeURIComponent(a.getAttribute("href").slice("#pq-doc=".length));
    box.dispatchEvent(new Event("input", {bubbles: true}));
    setTimeout(() => go.click(), 50);
  });
  new MutationObserver(() => {
    const t = document.querySelector("#doc-viewer #pq-target:not([data-seen])");
    if (t) { t.setAttribute("data-seen", "1"); t.scrollIntoView({block: "center"}); }
  }).observe(document.body, {childList: true, subtree: true});
  // [n] in an answer: open that answer's sources, scroll to source n and flash it (and its card).
  document.addEventListener("click", (e) => {
    const cite = e.target.closest(".pq-cite");
    if (!cite) return;
    // Gradio's sanitiser drops data-* attributes: n is read from the marker's own text, and source n
    // is the n-th of *this* answer's list; the side cards belong to the latest answer only.
    const n = parseInt((cite.textContent.match(/\d+/) || ["0"])[0], 10);
    const msg = cite.closest(".message-row, .message, [data-testid='bot']") || document;
    const box = msg.querySelector("details.pq-sources");
    if (box) box.open = true;
    const answers = [...document.querySelectorAll("#chatbot details.pq-sources, #chatbot .pq-cite")]
      .map((el) => el.closest(".message-row, .message, [data-testid='bot']")).filter(Boolean);
    const latest = answers.length && answers[answers.length - 1] === msg;
    const targets = [box ? box.querySelectorAll("li.pq-src")[n - 1] : null,
                     latest ? document.querySelectorAll("#citations .pq-card")[n - 1] : null];
    targets.filter(Boolean).forEach((t, i) => {
      if (i === 0) t.scrollIntoView({behavior: "smooth", block: "center"});
      t.classList.add("pq-flash");
      setTimeout(() => t.classList.remove("pq-flash"), 2000);
    });
  });
  // [n] by keyboard: each marker is focusable (Gradio drops tabindex from the answer's HTML, so it is
  // set here) and Enter or Space on it does what a click does.
  new MutationObserver(() => document.querySelectorAll("#chatbot .pq-cite:not([tabindex])").forEach((c) => {
    c.setAttribute("tabindex", "0");
    c.setAttribute("role", "button");
    c.setAttribute("aria-label", `来源 ${c.textContent.replace(/\D/g, "")}`);
  })).observe(document.body, {childList: true, subtree: true});
  document.addEventListener("keydown", (e) => {
    const cite = e.target.closest && e.target.closest(".pq-cite");
    if (cite && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); cite.click(); }
  });
})();
