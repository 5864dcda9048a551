"""新旧对照 on two versions of a regulation written here as Markdown files and ingested for real."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from assistant.diff import Change, Provision, diff_versions, marked
from corpus import DocumentStore
from tests.conftest import ROOT

OLD = """# 某市社区服务条例

（2018年3月1日某市第十五届人民代表大会常务委员会第二次会议通过）

第一条 为了规范社区服务，制定本条例。

第二条 街道办事处应当自收到申请之日起三十日内作出决定。

第三条 社区服务站用房面积不少于二百平方米。

第四条 本条例自2018年5月1日起施行。
"""

NEW = """# 某市社区服务条例

（2018年3月1日某市第十五届人民代表大会常务委员会第二次会议通过　2023年6月1日某市第十六届人民代表大会常务委员会第三次会议修订）

第一条 为了规范社区服务，制定本条例。

第二条 社区工作者每三年接受一次全覆盖培训，由区民政部门组织实施。

第三条 街道办事处应当自收到申请之日起十五日内作出决定。

第四条 本条例自2023年8月1日起施行。
"""


def versions(tmp_path: Path, settings):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "某市社区服务条例.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "new" / "某市社区服务条例.md").write_text(NEW, encoding="utf-8")
    store = DocumentStore(settings)
    (old_r,) = store.ingest([tmp_path / "old" / "某市社区服务条例.md"])
    (new_r,) = store.ingest([tmp_path / "new" / "某市社区服务条例.md"])
    return store, store.get(old_r.doc_ids[0]), store.get(new_r.doc_ids[0])


def test_changes_are_found_by_content_not_by_number(tmp_path: Path, fresh_settings):
    _, old, new = versions(tmp_path, fresh_settings)
    assert old.date < new.date and old.id != new.id
    d = diff_versions(old, new)
    kinds = [(c.kind, c.old.label if c.old else None, c.new.label if c.new else None) for c in d.changes]
    assert ("新增", None, "第二条") in kinds  # inserted: everything after it renumbered
    assert ("修改", "第二条", "第三条") in kinds  # the time limit, now article 3
    assert ("删除", "第三条", None) in kinds
    assert d.unchanged == 1  # 第一条 (renumbering alone is no change)
    limit = next(c for c in d.changes if c.kind == "修改" and c.old.label == "第二条")
    assert "〔删：三十〕【增：十五】" in limit.marked


def test_changed_words_are_marked_whole():
    assert (
        marked("经三分之二以上的业主同意", "经四分之三以上的业主同意")
        == "经〔删：三分之二〕【增：四分之三】以上的业主同意"
    )


def test_cli_finds_the_previous_version_and_writes_json_and_docx(tmp_path: Path, fresh_settings):
    _, old, new = versions(tmp_path, fresh_settings)
    base = [sys.executable, "-m", "ui.cli", "--data-dir", str(fresh_settings.data_dir), "diff"]
    r = subprocess.run([*base, new.id, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["old"] == old.id and data["new"] == new.id
    assert {c["kind"] for c in data["changes"]} == {"added", "changed", "removed"}
    changed = next(c for c in data["changes"] if c["kind"] == "changed")
    assert changed["old"]["section"] == "第二条" and changed["new"]["section"] == "第三条"
    assert "三十日内 → 十五日内" in changed["numbers"]
    out = tmp_path / "对照.docx"
    r = subprocess.run(
        [*base, old.id, new.id, "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    import docx

    document = docx.Document(out)
    table = document.tables[0]
    assert table.cell(0, 0).text == "变化" and any("十五日" in row.cells[2].text for row in table.rows)
    # told apart in black and white: deletions struck through, insertions underlined, with a legend
    changed_row = next(row for row in table.rows if "十五日" in row.cells[2].text)
    old_runs = [r for p in changed_row.cells[1].paragraphs for r in p.runs if r.bold]
    new_runs = [r for p in changed_row.cells[2].paragraphs for r in p.runs if r.bold]
    assert old_runs and all(r.font.strike for r in old_runs) and any("三十" in r.text for r in old_runs)
    assert new_runs and all(r.underline for r in new_runs) and any("十五" in r.text for r in new_runs)
    assert any(
        p.text.startswith("图例：") and "删除线" in p.text and "下划线" in p.text for p in document.paragraphs
    )
    assert "PAGE" in document.sections[0].footer.paragraphs[0]._p.xml
    r = subprocess.run([*base, old.id], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "no earlier version" in r.stderr


def test_the_shanghai_property_rules_2018_to_2020(tmp_path: Path, fresh_settings):
    """A real pair: the known changes are found, numbers called out, nothing unchanged listed."""
    from tests.conftest import REGULATIONS

    store = DocumentStore(fresh_settings)
    (old_r,) = store.ingest([REGULATIONS / "shanghai_2010_wuye_guiding.md"])
    (new_r,) = store.ingest([REGULATIONS / "shanghai_2020_wuye_guiding.md"])
    d = diff_versions(store.get(old_r.doc_ids[0]), store.get(new_r.doc_ids[0]))
    changed = {c.new.label: c for c in d.changes if c.kind == "修改"}
    assert {"第一条", "第十八条", "第四十六条"} <= set(
        changed
    )  # 物权法→民法典; voting thresholds; notice periods
    assert "过半数 → 三分之二以上" in changed["第十八条"].numbers
    assert any("六十日" in n for n in changed["第四十六条"].numbers)
    assert all(c.old is None or c.new is None or c.old.body != c.new.body for c in d.changes)
    assert d.unchanged > 60 and len(d.changes) < 20
    # 物权法 → 民法典 and 规划 → 规划资源 are wording; new thresholds and notice periods are substance
    assert changed["第一条"].wording_only and changed["第五十八条"].wording_only
    assert not changed["第十八条"].wording_only and not changed["第四十六条"].wording_only
    assert not any(c.wording_only for c in d.changes if c.kind != "修改")
    from ui.render import diff_html

    substance = diff_html(d, substantive_only=True)
    assert "第十八条" in substance and "第五十八条" not in substance and "文字修改" in substance
    assert "第五十八条" in diff_html(d)


def test_a_small_change_in_a_long_article_is_shown_in_its_sentence(tmp_path: Path, fresh_settings):
    """The page shows a one-figure change in its sentence, the rest of a long article cut to "……",
    the whole article one click away (全文); a short article stays whole."""
    from ui.render import diff_html

    filler = "".join(f"社区居民委员会应当做好第{n}项服务工作，及时向居民公开办理情况。" for n in range(1, 13))
    old_text = OLD.replace(
        "第一条 为了规范社区服务，制定本条例。", f"第一条 {filler}业主大会应当在三十日内召开。{filler}"
    )
    new_text = OLD.replace(
        "第一条 为了规范社区服务，制定本条例。", f"第一条 {filler}业主大会应当在十五日内召开。{filler}"
    )
    for name, text in (("old", old_text), ("new", new_text)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "某市社区服务条例.md").write_text(
            text.replace("2018年5月1日", "2018年5月1日" if name == "old" else "2024年5月1日"),
            encoding="utf-8",
        )
    store = DocumentStore(fresh_settings)
    (old_r,) = store.ingest([tmp_path / "old" / "某市社区服务条例.md"])
    (new_r,) = store.ingest([tmp_path / "new" / "某市社区服务条例.md"])
    d = diff_versions(store.get(old_r.doc_ids[0]), store.get(new_r.doc_ids[0]))
    html = diff_html(d)
    row = next(r for r in html.split("<tr>") if "第一条" in r)
    shown = row.split("<details")[0]
    assert "业主大会应当在" in shown and "<ins>十五</ins>" in html and "<del>三十</del>" in html
    assert "……" in shown and "第5项服务工作" not in shown and len(shown) < len(filler)
    assert "全文" in row and row.count("第5项服务工作") == 4  # both sides' whole text, twice each
    short = next(r for r in html.split("<tr>") if "第四条" in r)
    assert "……" not in short and "全文" not in short


def test_articles_referred_to_are_no_changed_figures():
    """ "依照第十条、十一条规定…三十日内" → "依照第十条、十二条规定…十五日内": the time limit changed; the articles
    referred to are not figures."""
    old = Provision("第五条", "第五条依照第十条、十一条规定，三十日内作出决定。", ("a",))
    new = Provision("第五条", "第五条依照第十条、十二条规定，十五日内作出决定。", ("b",))
    assert Change("修改", old, new, "").numbers == ("三十日内 → 十五日内",)
