"""Copies people keep compare exactly as the clean texts do.

tests/copies holds an invented regulation (a 科技创新券管理办法) and an invented plan (a 数字经济
行动方案), each as a clean draft and final, and each side again as a wrapped copy:

- regulation-draft.wechat.md — a WeChat article saved as Markdown: front matter, cover image,
  byline, 转载 line, the 征求意见 通知 before the text, bold article numbers, an 附件 table, a QR
  prompt, an 往期推荐 link list, editor line and a share bar;
- regulation-final.portal.txt — a news portal's page saved as text: the headline twice, a
  byline with 来源/浏览次数, the 印发 通知, full-width-space indentation, a 纠错/打印 bar and a
  相关新闻 list;
- plan-draft.news.html — a news site's article: a headline and a preface that repeat the
  plan's headline figures (120亿元, 3000万元), then the draft with its indicator table;
- plan-final.clipped.md — a web clipper's Markdown: front matter, ``#`` headings, bold inline
  titles that CommonMark leaves unclosed next to CJK punctuation, a pipe table, an HTML
  comment, a rule, a disclaimer quote and a 相关阅读 list;
- plan-final.reprint.txt — a WeChat reprint saved as text, written after the rules and in
  another style (原创 byline, ▲点击蓝字, ·  ·  · rule, 来源｜/编辑｜ bars, 推荐阅读, 点亮“在看”).
  It found one gap: the preface ended in 全文↓↓↓ and the cleaner joined the document's title
  onto it as a wrapped line; arrows now end a line like a full stop (clean.SENTENCE_END).
- regulation-final.wechat.html — a WeChat article page saved as HTML (rich_media markup, bold
  article numbers in spans, a preface that repeats the 20万元 cap), also written after the rules.
  Two lines leaked and widened the vocabulary: 文字来源： (any 某某来源 byline) and 收录于合集.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import revdiff
from revdiff.model import Report

from .test_nothing_lost import _chars, accounted

COPIES = Path(__file__).parent / "copies"


def signature(report: Report) -> tuple[list[Any], list[Any]]:
    """What a reader sees of a comparison, without the input line numbers."""
    sections = [
        (s.id, s.status, s.renumbered,
         s.draft and (s.draft.number, s.draft.title, s.draft.kind, s.draft.level),
         s.final and (s.final.number, s.final.title, s.final.kind, s.final.level),
         s.diff)
        for s in report.sections
    ]  # fmt: skip
    findings = [
        (f.kind, f.severity, f.draft_value, f.final_value, f.unit, f.direction, f.draft_text, f.final_text,
         f.draft_section, f.final_section)
        for f in report.findings
    ]  # fmt: skip
    return sections, findings


CASES = [
    # (draft copy, final copy, clean draft, clean final)
    ("regulation-draft.wechat.md", "regulation-final.portal.txt", "regulation-draft.txt", "regulation-final.txt"),
    ("regulation-draft.wechat.md", "regulation-final.txt", "regulation-draft.txt", "regulation-final.txt"),
    ("regulation-draft.txt", "regulation-final.portal.txt", "regulation-draft.txt", "regulation-final.txt"),
    ("plan-draft.news.html", "plan-final.clipped.md", "plan-draft.txt", "plan-final.txt"),
    ("plan-draft.news.html", "plan-final.txt", "plan-draft.txt", "plan-final.txt"),
    ("plan-draft.txt", "plan-final.clipped.md", "plan-draft.txt", "plan-final.txt"),
    ("plan-draft.news.html", "plan-final.reprint.txt", "plan-draft.txt", "plan-final.txt"),
    ("regulation-draft.wechat.md", "regulation-final.wechat.html", "regulation-draft.txt", "regulation-final.txt"),
]


@pytest.mark.parametrize("draft, final, clean_draft, clean_final", CASES)
def test_a_wrapped_copy_compares_as_its_clean_text(draft: str, final: str, clean_draft: str, clean_final: str) -> None:
    wrapped = revdiff.compare(str(COPIES / draft), str(COPIES / final))
    clean = revdiff.compare(str(COPIES / clean_draft), str(COPIES / clean_final))
    assert [s for s in wrapped.sections if s.status != "unchanged"], "the pair has real changes to find"
    assert signature(wrapped) == signature(clean)
    assert wrapped.draft.part == clean.draft.part
    assert wrapped.final.part == clean.final.part


def test_the_clean_pairs_report_what_was_changed() -> None:
    """The expected changes, read from the texts, so that the equality above is not vacuous."""
    plan = revdiff.compare(str(COPIES / "plan-draft.txt"), str(COPIES / "plan-final.txt"))
    changed = {(f.kind, f.draft_value, f.final_value) for f in plan.findings}
    assert ("target_changed", "120", "100") in changed
    assert ("target_changed", "15", "12") in changed
    reg = revdiff.compare(str(COPIES / "regulation-draft.txt"), str(COPIES / "regulation-final.txt"))
    added = [s for s in reg.sections if s.status == "added"]
    assert [s.final.number for s in added if s.final] == ["第八条"]


@pytest.mark.parametrize("name", sorted(p.name for p in COPIES.iterdir() if p.suffix != ".html"))
def test_nothing_of_a_copy_is_lost(name: str) -> None:
    """Every character of the file is in a part, a node or what cleaning dropped (Markdown
    marks, front matter and chrome included)."""
    path = COPIES / name
    assert accounted(revdiff.outline(str(path))) == _chars(path.read_text(encoding="utf-8"))


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("name, chrome", [
    ("regulation-draft.wechat.md", ["往期推荐", "长按识别二维码", "编辑：", "分享", "转载 |"]),
    ("regulation-final.portal.txt", ["浏览次数", "打印本页", "相关新闻", "我市新增高新技术企业42家"]),
    ("plan-final.clipped.md", ["相关阅读", "网页剪藏"]),
    ("regulation-final.wechat.html", ["文字来源", "收录于合集", "THE END", "点个赞", "责任编辑"]),
])  # fmt: skip
def test_reprint_chrome_is_dropped_with_its_line(name: str, chrome: list[str]) -> None:
    path = COPIES / name
    doc = revdiff.outline(str(path))
    for needle in chrome:
        line = _line_of(path, needle)
        assert any(needle in b.text and b.line == line for b in doc.dropped), needle
        in_text = [n for p in doc.parts for n in p.nodes() if needle in n.text or needle in n.title]
        assert not in_text and not any(needle in p.text for p in doc.parts), needle


def test_front_matter_is_metadata_not_text() -> None:
    doc = revdiff.outline(str(COPIES / "plan-final.clipped.md"))
    assert doc.metadata["source"] == "青川县人民政府网站"
    assert doc.metadata["url"].startswith("http://")
    assert all("saved:" not in p.text for p in doc.parts)


def test_a_news_preface_is_a_part_of_its_own_and_yields_no_finding() -> None:
    """The preface restates 120亿元 and 3000万元; only the document's own sentences are cited."""
    doc = revdiff.outline(str(COPIES / "plan-draft.news.html"))
    kinds = [p.kind for p in doc.parts]
    assert kinds == ["preface", "document"]
    assert "120亿元" in doc.parts[0].text + "".join(n.text + n.title for n in doc.parts[0].nodes())
    report = revdiff.compare(str(COPIES / "plan-draft.news.html"), str(COPIES / "plan-final.txt"))
    preface_end = doc.parts[1].line_start
    assert report.findings
    assert all((f.draft_line or preface_end) >= preface_end for f in report.findings)


def test_the_notice_before_a_reprinted_draft_is_not_compared() -> None:
    doc = revdiff.outline(str(COPIES / "regulation-draft.wechat.md"))
    assert [p.kind for p in doc.parts] == ["notice", "document", "attachment"]
    assert doc.parts[1].title == "青川市科技创新券管理办法（征求意见稿）"
    report = revdiff.compare(str(COPIES / "regulation-draft.wechat.md"), str(COPIES / "regulation-final.txt"))
    assert report.draft.part == doc.parts[1].title


def test_findings_cite_the_lines_of_the_markdown_file() -> None:
    path = COPIES / "plan-final.clipped.md"
    report = revdiff.compare(str(COPIES / "plan-draft.txt"), str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    cited = [f for f in report.findings if f.final_text and f.final_line]
    assert cited
    for f in cited:
        assert f.final_value is None or f.final_value in lines[f.final_line - 1]



def _cut(tmp_path: Path, ending: str) -> Path:
    """The final regulation as an archiver that stopped inside 第九条 left it."""
    text = (COPIES / "regulation-final.txt").read_text(encoding="utf-8")
    at = text.index("第九条") + 25  # mid-sentence: …自受
    path = tmp_path / "cut.txt"
    path.write_text(text[:at] + ending, encoding="utf-8")
    return path


@pytest.mark.parametrize("ending", ["...\n", "……\n", "\n\n（未完）\n", "(未完待续)\n", "\n"])
def test_a_cut_copy_is_flagged_and_its_missing_tail_is_not_deleted(tmp_path: Path, ending: str) -> None:
    path = _cut(tmp_path, ending)
    cut_line = _line_of(path, "第九条")
    report = revdiff.compare(str(COPIES / "regulation-draft.txt"), str(path))
    assert [w for w in report.warnings if f"第 {cut_line} 行" in w and f"line {cut_line}" in w]
    # 第十条 … 第十二条 of the draft (5000万元, the 附则) are missing, not deleted: no finding
    assert not [f for f in report.findings if f.kind == "section_removed" or f.draft_value == "5000"]
    full = revdiff.compare(str(COPIES / "regulation-draft.txt"), str(COPIES / "regulation-final.txt"))
    assert not [w for w in full.warnings if "中断" in w]
    assert [w for w in revdiff.outline(str(path)).warnings if f"line {cut_line}" in w]


def test_a_cut_attachment_takes_nothing_from_the_complete_document_before_it(tmp_path: Path) -> None:
    """The cut is after the compared part: the draft's removed 第十二条 is still reported."""
    final = (COPIES / "regulation-final.txt").read_text(encoding="utf-8")
    final = final[: final.index("第十三条")]  # the final really drops its last article …
    path = tmp_path / "bundle.txt"
    path.write_text(final + "\n附件\n\n创新券服务机构目录\n\n一、检验检测机构：青川市产品质量检验所、青川市计量测试所、", encoding="utf-8")
    report = revdiff.compare(str(COPIES / "regulation-draft.txt"), str(path))
    assert report.final.part == "青川市科技创新券管理办法"
    assert [w for w in report.warnings if "中断" in w]  # … and its attachment is cut
    assert [f for f in report.findings if f.kind == "section_removed" and f.draft_text and "第十二条" in f.draft_text]


def test_a_complete_copy_is_not_flagged_as_cut() -> None:
    for name in ("regulation-final.portal.txt", "plan-final.reprint.txt", "plan-final.clipped.md",
                 "regulation-draft.wechat.md"):
        assert revdiff.outline(str(COPIES / name)).cut_line is None, name


def test_a_first_line_with_an_amount_is_body_and_is_compared(tmp_path: Path) -> None:
    body = "\n一、总体要求\n坚持创新驱动，推动高质量发展。\n二、主要措施\n加强知识产权保护。\n"
    (tmp_path / "d.txt").write_text("市财政给予每家企业50万元资助\n" + body, encoding="utf-8")
    (tmp_path / "f.txt").write_text("市财政给予每家企业5万元资助\n" + body, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    changed = [(f.kind, f.draft_value, f.final_value, f.draft_line) for f in report.findings]
    assert ("funding_changed", "50", "5", 1) in changed


def test_a_changed_title_is_reported_and_a_stage_mark_is_not_a_change(tmp_path: Path) -> None:
    body = "\n一、总体要求\n坚持创新驱动，推动高质量发展。\n"
    (tmp_path / "d.txt").write_text("关于支持科技企业发展的若干措施\n（征求意见稿）\n" + body, encoding="utf-8")
    (tmp_path / "same.txt").write_text("关于支持科技企业发展的若干措施\n" + body, encoding="utf-8")
    (tmp_path / "f.txt").write_text("关于支持科技企业高质量发展的实施办法\n" + body, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    titles = [f for f in report.findings if f.kind == "title_changed"]
    assert [(t.severity, t.draft_text, t.final_text, t.draft_line, t.final_line) for t in titles] == [
        ("low", "关于支持科技企业发展的若干措施（征求意见稿）", "关于支持科技企业高质量发展的实施办法", 1, 1)]
    same = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "same.txt"))
    assert not [f for f in same.findings if f.kind == "title_changed"]


def test_a_headline_printed_above_the_document_title_is_dropped(tmp_path: Path) -> None:
    """A portal page saved as text: the page's headline, a byline, then the document's own title."""
    clean = (COPIES / "plan-final.txt").read_text(encoding="utf-8")
    title = clean.splitlines()[0]
    page = tmp_path / "page.txt"
    page.write_text(f"{title}\n发布时间：2024-06-10 16:02　　来源：县政府办公室\n\n{clean}", encoding="utf-8")
    wrapped = revdiff.compare(str(COPIES / "plan-draft.txt"), str(page))
    plain = revdiff.compare(str(COPIES / "plan-draft.txt"), str(COPIES / "plan-final.txt"))
    assert signature(wrapped) == signature(plain)
    assert [b.line for b in revdiff.outline(str(page)).dropped if b.text == title] == [1]


def test_the_ledger_of_a_reprint_leaves_out_its_news_preface() -> None:
    ledger = revdiff.ledger(str(COPIES / "plan-draft.news.html"))
    assert ledger.parts == ["青川县促进数字经济发展三年行动方案（2024—2026年）（征求意见稿）"]
    assert ledger.entries and all("近日" not in e.text for e in ledger.entries)


def test_a_news_preface_is_never_the_compared_part(tmp_path: Path) -> None:
    """Even against a text that is nothing but the preface, the draft side compares its document."""
    doc = revdiff.outline(str(COPIES / "plan-draft.news.html"))
    preface = tmp_path / "preface.txt"
    text = "\n".join([doc.parts[0].text] + [n.title + "\n" + n.text for n in doc.parts[0].nodes()])
    assert "120亿元" in text
    preface.write_text(text, encoding="utf-8")
    report = revdiff.compare(str(COPIES / "plan-draft.news.html"), str(preface))
    assert report.draft.part == doc.parts[1].title


def test_an_editors_note_before_an_unnamed_document_is_a_preface(tmp_path: Path) -> None:
    """No 《》 name and no stage note: the title line straight before its numbering ends the preface."""
    clean = (COPIES / "regulation-final.txt").read_text(encoding="utf-8")
    copy = tmp_path / "forwarded.txt"
    copy.write_text("编者按：为方便企业了解政策，现将文件全文转发如下，供参考。\n\n" + clean, encoding="utf-8")
    doc = revdiff.outline(str(copy))
    assert [p.kind for p in doc.parts] == ["preface", "document"]
    wrapped = revdiff.compare(str(COPIES / "regulation-draft.txt"), str(copy))
    plain = revdiff.compare(str(COPIES / "regulation-draft.txt"), str(COPIES / "regulation-final.txt"))
    assert signature(wrapped) == signature(plain)


GUIDE = "青川市科技创新券服务机构管理指引"
GUIDE_ARTICLES = ("第一条　为规范创新券服务机构管理，制定本指引。\n\n第二条　服务机构应当具备独立法人资格，近三年无严重失信记录。\n\n"
                  "第三条　服务机构应当于每年3月底前报送上年度服务情况。\n")


def test_a_reprint_with_two_attachments_compares_its_measures_not_the_guide(tmp_path: Path) -> None:
    """The issue's case: the draft's 办法 must not be paired with the final's 附件 (a 指引 with its own 第一条)."""
    wechat = (COPIES / "regulation-draft.wechat.md").read_text(encoding="utf-8")
    cut = wechat.index("\n---\n\n![](")
    draft = tmp_path / "draft.md"
    draft.write_text(wechat[:cut] + f"\n附件2\n\n{GUIDE}\n\n{GUIDE_ARTICLES}" + wechat[cut:], encoding="utf-8")
    final = tmp_path / "final.txt"
    final.write_text((COPIES / "regulation-final.txt").read_text(encoding="utf-8") + f"\n附件\n\n{GUIDE}\n\n{GUIDE_ARTICLES}",
                     encoding="utf-8")
    doc = revdiff.outline(str(draft))
    assert [(p.kind, p.title) for p in doc.parts][1:] == [
        ("document", "青川市科技创新券管理办法（征求意见稿）"), ("attachment", "意见反馈表"), ("attachment", GUIDE)]
    report = revdiff.compare(str(draft), str(final))
    assert (report.draft.part, report.final.part) == ("青川市科技创新券管理办法（征求意见稿）", "青川市科技创新券管理办法")
    guides = revdiff.compare(str(draft), str(final), draft_part="指引", final_part="指引")
    articles = [s for s in guides.sections if s.draft and s.draft.kind != "preamble"]  # the preamble: 附件2 / 附件
    assert [s.draft.number for s in articles if s.draft] == ["第一条", "第二条", "第三条"]
    assert all(s.status == "unchanged" for s in articles)


def test_a_title_that_names_an_amount_is_still_a_title(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("关于设立1亿元产业引导基金的实施意见\n\n一、总体要求\n\n坚持市场化运作。\n",
                                    encoding="utf-8")
    doc = revdiff.outline(str(tmp_path / "t.txt"))
    assert doc.parts[0].title == "关于设立1亿元产业引导基金的实施意见"
    assert not doc.parts[0].title_derived


def test_a_distribution_list_at_the_end_is_not_a_cut(tmp_path: Path) -> None:
    text = (COPIES / "regulation-final.txt").read_text(encoding="utf-8")
    path = tmp_path / "with-footer.txt"
    path.write_text(text + "\n抄送：市委各部门，市人大常委会办公室，市政协办公室，市法院，市检察院\n", encoding="utf-8")
    assert revdiff.outline(str(path)).cut_line is None


def test_a_cut_draft_does_not_make_the_finals_tail_new(tmp_path: Path) -> None:
    text = (COPIES / "plan-draft.txt").read_text(encoding="utf-8")
    path = tmp_path / "draft-cut.txt"
    path.write_text(text[: text.index("4.推动农业数字化") + 12] + "……\n", encoding="utf-8")
    report = revdiff.compare(str(path), str(COPIES / "plan-final.txt"))
    assert [w for w in report.warnings if "征求意见稿" in w and "中断" in w]
    # 三、保障措施 (专项资金2000万元) is in the part the draft copy lost: shown as added, not a new pledge
    assert [s for s in report.sections if s.status == "added" and s.final and s.final.number == "三、"]
    assert not [f for f in report.findings if f.final_value == "2000" or f.kind.endswith("_added")]
    assert ("target_changed", "120", "100") in {(f.kind, f.draft_value, f.final_value) for f in report.findings}


@pytest.mark.parametrize("line", [
    "关于做好2025年度党报党刊征订发行工作的通知",
    "现将《青川市科技创新券管理办法》转发给你们，请认真贯彻执行。",
    "本指南仅供参考，不作为行政执法依据。",
    "支持商户推广扫码支付。",
    "各级领导干部要为实干者点赞、为担当者撑腰。",
    "（责任单位：市科技局、市财政局）",
    "2021-2025年",
    "相关部门按职责分工负责。",
])  # fmt: skip
def test_policy_text_that_shares_a_word_with_chrome_is_kept(tmp_path: Path, line: str) -> None:
    """Chrome vocabulary is phrases addressed to a page's reader, not words a policy also uses."""
    path = tmp_path / "doc.txt"
    path.write_text(f"某某办法\n\n第一条　为了规范管理，制定本办法。\n\n{line}\n\n第二条　本办法自发布之日起施行。\n",
                    encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert not [b for b in doc.dropped if line in b.text]


@pytest.mark.parametrize("pasted", [
    ("市财政给予每家企业50万元资助", "市财政给予每家企业5万元资助"),
    ("对新认定的企业，区财政一次性奖励30万元。", "对新认定的企业，区财政一次性奖励20万元。"),
])
def test_a_sentence_above_the_title_is_compared_not_set_aside(tmp_path: Path, pasted: tuple[str, str]) -> None:
    """The issue's first-line case: a pledge pasted above a document's title line is neither its
    title nor a news preface (it says nothing about the document): it is compared as body."""
    clean = (COPIES / "plan-draft.txt").read_text(encoding="utf-8")
    (tmp_path / "d.txt").write_text(pasted[0] + "\n" + clean, encoding="utf-8")
    (tmp_path / "f.txt").write_text(pasted[1] + "\n" + clean, encoding="utf-8")
    assert [p.kind for p in revdiff.outline(str(tmp_path / "d.txt")).parts][:1] == ["document"]
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    changed = [(f.kind, f.draft_value, f.final_value) for f in report.findings]
    want = ("funding_changed",) + tuple(v for v in ("50", "5") if "50万" in pasted[0]) \
        + tuple(v for v in ("30", "20") if "30万" in pasted[0])
    assert changed == [want]
