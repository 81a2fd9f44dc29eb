"""Generate the draft→final test pairs in ``tests/pairs/`` from the Weihai and Tai'an seeds.

Run from the repository root::

    python tests/pairs/make_pairs.py

Each pair is a folder ``tests/pairs/<name>/`` holding ``draft.*``, ``final.*`` and
``expected.json``; the generated files are committed, and ``tests/test_pairs.py`` runs
them through the real ``revdiff compare`` CLI.  The writers of
``tests/fixtures/build.py`` are deterministic, so re-running this script without
changing it reproduces the committed bytes.

How a pair is made, the way a government office works between the 征求意见稿 and the
published text:

1. the seed text (``samples/weihai-ip-demo-city-plan-2018.txt``,
   ``samples/taian-ip-outline-draft.txt``) is turned into a document spec;
2. a few draft-only passages are added to it (concrete funding pledges, an indicator
   table, a paragraph of past statistics) — this is the draft;
3. the draft is edited into the final with explicit, checked edits (every ``sub`` must
   hit its text exactly once): pledges cut or cut down, targets lowered, raised,
   removed, added, redefined, a deadline moved, obligations weakened, 责任单位 lists
   changed, 版权 struck out, chapters cut, renumbered, renamed, items merged, split,
   moved and added;
4. ``expected.json`` writes down what those edits must produce: the findings and
   section statuses that must be reported (each matched as a subset of a finding or
   section of the JSON report) and the ones that must not (``forbidden``).  The
   expectations come from the edits, never from revdiff's output.

Everything not edited is left byte-for-byte the same text on both sides (only the
format and, for the Weihai web text, half-width vs full-width punctuation differ), so
no other finding is expected.

Matching language of ``expected.json`` (see ``tests/test_pairs.py``): a key is a field
of the finding (``kind``, ``direction``, ``draft_value`` …) or, for sections,
``status``, ``renumbered``, ``draft_title``, ``final_title``, ``draft_number``,
``final_number``; a key ending in ``_contains`` is a substring test (after NFKC, so
full/half-width punctuation does not matter), ``kind_prefix`` tests the start of
``kind``.  ``sides`` holds expectations on the report's ``draft`` / ``final`` objects
(``title``, ``part``) and ``args`` extra ``compare`` options.

The pairs: ``weihai-docx-pdf`` (Word auto-numbered draft → printed PDF),
``taian-html-txt`` (GB18030 web page with site chrome → plain text),
``weihai-txt-docx`` (web text → the published 通知 bundle as .docx) and
``taian-txt-pdf`` (the seed text verbatim, Word bookmarks and all → PDF).
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from build import Doc, Entry, plain_lines, write_docx, write_html, write_pdf  # noqa: E402

# --------------------------------------------------------------------------- editing helpers


def _texts(entry: Entry) -> list[str]:
    if entry[0] == "table":
        return [cell for row in entry[1] for cell in row]
    return [x for x in entry[1:] if isinstance(x, str)]


def count(doc: Doc, needle: str) -> int:
    """Occurrences of ``needle`` in every text of the spec (table cells included)."""
    return sum(t.count(needle) for e in doc for t in _texts(e))


def sub(doc: Doc, old: str, new: str) -> Doc:
    """Replace ``old`` (which must occur exactly once in the whole spec) with ``new``."""
    hits = count(doc, old)
    if hits != 1:
        raise AssertionError(f"edit target occurs {hits} times, expected once: {old!r}")
    out: Doc = []
    for e in doc:
        if e[0] == "table":
            rows = [[c.replace(old, new) for c in row] for row in e[1]]
            out.append(("table", rows))
        else:
            out.append((e[0], *[x.replace(old, new) if isinstance(x, str) else x for x in e[1:]]))
    return out


def find(doc: Doc, prefix: str) -> int:
    """Index of the one entry whose first text starts with ``prefix``."""
    idx = [i for i, e in enumerate(doc) if e[0] != "table" and str(e[1]).startswith(prefix)]
    if len(idx) != 1:
        raise AssertionError(f"{len(idx)} entries start with {prefix!r}, expected one")
    return idx[0]


def drop(doc: Doc, prefix: str) -> Doc:
    i = find(doc, prefix)
    return doc[:i] + doc[i + 1 :]


def insert_after(doc: Doc, prefix: str, *entries: Entry) -> Doc:
    i = find(doc, prefix) + 1
    return doc[:i] + list(entries) + doc[i:]


def replace_entry(doc: Doc, prefix: str, *entries: Entry) -> Doc:
    i = find(doc, prefix)
    return doc[:i] + list(entries) + doc[i + 1 :]


def table_drop_row(doc: Doc, first_cell: str) -> Doc:
    out: Doc = []
    dropped = 0
    for e in doc:
        if e[0] == "table":
            rows = [r for r in e[1] if r[0] != first_cell]
            dropped += len(e[1]) - len(rows)
            e = ("table", rows)
        out.append(e)
    if dropped != 1:
        raise AssertionError(f"{dropped} table rows named {first_cell!r}, expected one")
    return out


def body_of(doc: Doc, prefix: str) -> str:
    """The text of an inline-headed item after its heading sentence (``1.标题。正文``)."""
    text = str(doc[find(doc, prefix)][1])
    return text.split("。", 1)[1]


def renumber_items(doc: Doc, start_prefix: str, end_prefix: str, pattern: str = r"^(\d+)\.\s*") -> Doc:
    """Renumber the ``1.`` items between two entries sequentially (as an office does)."""
    lo, hi = find(doc, start_prefix), find(doc, end_prefix)
    out = list(doc)
    n = 0
    for i in range(lo, hi):
        e = out[i]
        if e[0] == "para" and re.match(pattern, e[1]):
            n += 1
            out[i] = ("para", re.sub(pattern, f"{n}.", e[1], count=1))
    return out


def write_txt(doc: Doc, path: Path) -> Path:
    path.write_text("\n".join(plain_lines(doc)) + "\n", encoding="utf-8")
    return path


def write_expected(folder: Path, draft: str, final: str, **data: object) -> None:
    payload = {"draft": draft, "final": final, **data}
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    (folder / "expected.json").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- Weihai seed

WEIHAI_TITLE = "威海市国家知识产权示范城市培育工作方案"


def official(text: str) -> str:
    """The seed is web text with half-width punctuation; the office's files are full-width."""
    text = text.replace("4?26", "4·26").replace("--", "——")
    text = re.sub(r"(\d{4})-(\d{4})", r"\1—\2", text)
    for a, b in (("(", "（"), (")", "）"), (",", "，"), (":", "："), (";", "；")):
        text = text.replace(a, b)
    return text


def webify(text: str) -> str:
    """Full-width back to the half-width punctuation a web page's plain text carries."""
    text = text.replace("——", "--").replace("—", "-")
    for a, b in (("（", "("), ("）", ")"), ("，", ","), ("：", ":"), ("；", ";")):
        text = text.replace(a, b)
    return text


def weihai_lines() -> tuple[list[str], list[str]]:
    """(plan lines after title and period line, attachment name-list lines) of the seed."""
    lines = [
        x.strip() for x in (SAMPLES / "weihai-ip-demo-city-plan-2018.txt").read_text("utf-8").splitlines()
    ]
    start = lines.index(WEIHAI_TITLE)
    assert lines[start + 1] == "(2018-2020年)"
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("附件:"))
    plan = lines[start + 2 : end]
    att_start = lines.index("附件", end)
    att_end = lines.index("扫描二维码 关注我们")
    names = lines[att_start + 4 : att_end]  # after 附件 + 3 title lines
    return plan, names


def weihai_base() -> Doc:
    """The Weihai plan as an office's spec (title, period, body), full-width punctuation."""
    plan, _ = weihai_lines()
    doc: Doc = [("title", WEIHAI_TITLE), ("subtitle", "（2018—2020年）")]
    for line in plan:
        text = official(line)
        if re.match(r"^[一二三四五六七八九十]+、", text):
            doc.append(("h1", text))
        elif (
            re.match(r"^（[一二三四五六七八九十]+）", text) and text.count("。") == 1 and text.endswith("。")
        ):
            doc.append(("h2", text))
        else:
            doc.append(("para", text))
    return doc


WEIHAI_INDICATORS = [
    ["指标", "单位", "2017年基数", "2020年目标值", "属性"],
    ["发明专利申请量年均增长率", "%", "——", "≥10", "预期性"],
    ["万人发明专利拥有量", "件", "8.9", "12", "预期性"],
    ["知识产权优势和示范企业数", "家", "32", "50", "预期性"],
    ["通过《企业知识产权管理规范》认证企业数", "家", "36", "60", "预期性"],
    ["通过专利权质押融资企业数", "家", "18", "40", "预期性"],
    ["知识产权保护社会满意度", "%", "76", "≥80", "约束性"],
    ["知识产权中介服务常驻机构数", "家", "6", "10", "预期性"],
]


# --------------------------------------------------------------------------- pair 1


def pair_weihai_docx_pdf(out: Path) -> None:
    """Weihai: draft .docx (Word auto-numbered headings) → final .pdf."""
    draft = weihai_base()
    draft = insert_after(draft, "（2018—2020年）", ("subtitle", "（征求意见稿）"))
    # Draft-only passages the office will cut or cut down.
    draft = sub(
        draft,
        "进一步提高知识产权管理水平。",
        "进一步提高知识产权管理水平。对新认定的国家知识产权示范企业给予最高30万元奖励。"
        "对新认定的省知识产权示范企业给予最高10万元奖励。",
    )
    draft = sub(
        draft,
        "建立企业知识产权管理档案。",
        "建立企业知识产权管理档案。对中小企业购买知识产权托管服务的，按服务费用的一定比例给予补贴。",
    )
    draft = insert_after(
        draft,
        "——知识产权人才队伍支撑力明显提升。",
        ("para", "表1 威海市国家知识产权示范城市培育主要指标"),
        ("table", [list(r) for r in WEIHAI_INDICATORS]),
    )

    final = drop(draft, "（征求意见稿）")
    # Funding: a 30万元 pledge cut, a 10万元 cap cut to 5万元, a no-amount subsidy cut.
    final = sub(final, "对新认定的国家知识产权示范企业给予最高30万元奖励。", "")
    final = sub(final, "给予最高10万元奖励", "给予最高5万元奖励")
    final = sub(final, "对中小企业购买知识产权托管服务的，按服务费用的一定比例给予补贴。", "")
    # Targets: 50家 lowered to 40家, 12件 raised to 13件 (text and table), 10家 removed.
    final = sub(final, "知识产权优势和示范企业达到50家以上", "知识产权优势和示范企业达到40家以上")
    final = sub(final, "力争万人发明专利拥有量达到12件以上", "力争万人发明专利拥有量达到13件以上")
    final = copy.deepcopy(final)
    rows = final[[i for i, e in enumerate(final) if e[0] == "table"][0]][1]
    for row in rows:
        if row[0] == "知识产权优势和示范企业数":
            row[3] = "40"
        if row[0] == "万人发明专利拥有量":
            row[3] = "13"
    final = sub(final, "快速发展，引进和培育知识产权中介服务常驻机构达到10家以上。", "快速发展。")
    final = table_drop_row(final, "知识产权中介服务常驻机构数")
    # Obligation weakened; a 责任单位 list changed.
    final = sub(final, "确保按期完成任务", "力争按期完成任务")
    final = sub(
        final,
        "（责任单位：市发展改革委、科技局、知识产权局）",
        "（责任单位：市科技局、经济和信息化委、知识产权局）",
    )
    # Sections: a chapter heading renamed; items 20 and 21 merged into one.
    final = sub(final, "（二）推动知识产权高质量创造。", "（二）提升知识产权创造质量。")
    b20 = body_of(final, "20.加强知识产权文化建设。").split("（责任单位")[0]
    b21 = body_of(final, "21.加大知识产权人才培养力度。").split("（责任单位")[0]
    merged = (
        "20.加强知识产权文化和人才建设。"
        + b20
        + b21
        + "（责任单位：市教育局、科技局、人力资源社会保障局、文化广电新闻出版局、工商局、知识产权局）"
    )
    final = replace_entry(final, "20.加强知识产权文化建设。", ("para", merged))
    final = drop(final, "21.加大知识产权人才培养力度。")

    assert count(draft, "版权") == count(final, "版权")
    out.mkdir(parents=True, exist_ok=True)
    write_docx(draft, out / "draft.docx", autonumber=True)
    write_pdf(final, out / "final.pdf")
    write_expected(
        out,
        "draft.docx",
        "final.pdf",
        findings=[
            {
                "kind": "funding_removed",
                "draft_value": "30",
                "unit": "万元",
                "draft_text_contains": "示范企业",
            },
            {
                "kind": "funding_changed",
                "direction": "lowered",
                "draft_value": "10",
                "final_value": "5",
                "unit": "万元",
            },
            {"kind": "funding_removed", "draft_text_contains": "托管服务"},
            {
                "kind": "target_changed",
                "direction": "lowered",
                "draft_value": "50",
                "final_value": "40",
                "unit": "家",
            },
            {
                "kind": "target_changed",
                "direction": "raised",
                "draft_value": "12",
                "final_value": "13",
                "unit": "件",
            },
            {"kind": "target_removed", "draft_value": "10", "draft_text_contains": "常驻机构"},
            {"kind": "obligation_weakened", "draft_text_contains": "确保按期完成任务"},
            {"kind": "agency_changed", "draft_text_contains": "市发展改革委、科技局、知识产权局"},
        ],
        sections=[
            {
                "status": "renamed",
                "draft_title": "推动知识产权高质量创造",
                "final_title": "提升知识产权创造质量",
            },
            {
                "status": "merged",
                "draft_title": "加强知识产权文化建设",
                "final_title": "加强知识产权文化和人才建设",
            },
            {
                "status": "merged",
                "draft_title": "加大知识产权人才培养力度",
                "final_title": "加强知识产权文化和人才建设",
            },
            {"status": "unchanged", "renumbered": False, "draft_title": "加强知识产权宏观管理"},
            {"status": "unchanged", "renumbered": False, "draft_title": "加强知识产权培训基地建设"},
            {"status": "unchanged", "renumbered": False, "draft_title": "严格实行知识产权保护"},
            {"status": "unchanged", "renumbered": False, "draft_title": "大力发展知识产权服务业"},
        ],
        forbidden=[
            # The table's 2017 base column is past statistics, not a target.
            {"kind_prefix": "target", "draft_value": "8.9"},
            {"kind_prefix": "target", "draft_value": "6"},
            # Changed targets are changes, not a removal plus an addition.
            {"kind": "target_removed", "draft_value": "50"},
            {"kind": "target_removed", "draft_value": "12"},
            {"kind": "target_added", "final_value": "13"},
            # Unchanged targets (60家, 40家 专利权质押融资, 500名) are not reported.
            {"kind_prefix": "target", "draft_value": "60"},
            {"kind_prefix": "target", "draft_value": "40"},
            {"kind_prefix": "target", "draft_value": "500"},
            {"kind": "funding_removed", "draft_value": "10"},
            {"kind_prefix": "term"},
            {"kind": "deadline_changed"},
        ],
    )


# --------------------------------------------------------------------------- pair 3


def pair_weihai_txt_docx(out: Path) -> None:
    """Weihai: draft .txt (web text, half-width punctuation) → final .docx 通知 bundle."""
    draft = weihai_base()
    draft = insert_after(draft, "（2018—2020年）", ("subtitle", "（征求意见稿）"))
    # Past statistics in a chapter the office will cut: never a target or a pledge.
    draft = sub(
        draft,
        "做好面向中小学生的知识产权普及教育",
        "2017年，全市共举办知识产权培训班46期，培训各类人员6000余人次，"
        "知识产权宣传周期间发放宣传材料2万余份。做好面向中小学生的知识产权普及教育",
    )

    final = drop(draft, "（征求意见稿）")
    # Targets: one added, one lowered, one redefined (same number, broader measure).
    final = sub(
        final,
        "全市发明专利申请量年均增长10%以上，",
        "全市发明专利申请量年均增长10%以上，PCT国际专利申请量年均增长15%以上，",
    )
    final = sub(final, "社会公众知识产权认知度超过85%", "社会公众知识产权认知度超过80%")
    final = sub(final, "通过专利权质押融资企业达到40家以上", "通过知识产权质押融资企业达到40家以上")
    # Obligation weakened (加快 → 支持); a funding pledge added.
    final = sub(final, "高区要加快建设国家知识产权示范园区", "支持高区建设国家知识产权示范园区")
    final = sub(
        final,
        "各级财政要加大知识产权投入力度，",
        "各级财政要加大知识产权投入力度，市级财政每年安排知识产权专项资金2000万元，",
    )
    # A whole chapter cut: （六） and its items 20, 21 (with the 2017 statistics).
    final = drop(final, "（六）优化知识产权发展环境。")
    final = drop(final, "20.加强知识产权文化建设。")
    final = drop(final, "21.加大知识产权人才培养力度。")
    # Item 7 split in two; later items renumbered (8 → 9 …).
    item7 = str(final[find(final, "7.探索建立产业集聚高端发展路径。")][1])
    head, tail = item7.split("实施特色产业创新发展工程，", 1)
    agencies = "（责任单位：" + item7.rsplit("（责任单位：", 1)[1]
    assert head.endswith("标准产业化。")
    final = replace_entry(
        final,
        "7.探索建立产业集聚高端发展路径。",
        ("para", head + agencies),
        ("para", "8.实施特色产业创新发展工程。" + tail),
    )
    final = renumber_items(final, "二、重点任务", "三、保障措施")
    # A chapter renamed.
    final = sub(final, "三、保障措施", "三、组织实施")

    # The published file is the 通知 that issues the plan, with its attachment.
    _, names = weihai_lines()
    notice_title = f"威海市人民政府办公室关于印发{WEIHAI_TITLE}（2018—2020年）的通知"
    bundle: Doc = [
        ("title", notice_title),
        ("para", "威政办字〔2018〕23号"),
        ("para", "各区市人民政府，国家级开发区管委，综保区管委，南海新区管委，市政府各部门、单位："),
        ("para", f"《{WEIHAI_TITLE}（2018—2020年）》已经市政府同意，现印发给你们，请认真组织实施。"),
        ("right", "威海市人民政府办公室", "2018年4月12日"),
        ("para", "（此件公开发布）"),
        ("pagebreak",),
        *final,
        ("para", f"附件：{WEIHAI_TITLE}领导小组组成人员名单"),
        ("pagebreak",),
        ("para", "附件"),
        ("para", f"{WEIHAI_TITLE}领导小组组成人员名单"),
        *[("para", official(n)) for n in names],
    ]

    out.mkdir(parents=True, exist_ok=True)
    web_draft: Doc = [
        (e[0], [[webify(c) for c in r] for r in e[1]]) if e[0] == "table" else (e[0], *map(webify, e[1:]))
        for e in draft
    ]
    write_txt(web_draft, out / "draft.txt")
    write_docx(bundle, out / "final.docx", autonumber=False)
    write_expected(
        out,
        "draft.txt",
        "final.docx",
        # The final is the 通知 bundle: the plan is the part compared, found automatically.
        sides={"final": {"part_contains": "示范城市培育工作方案", "title_contains": "示范城市培育工作方案"}},
        findings=[
            {"kind": "target_added", "final_value": "15", "unit": "%", "final_text_contains": "PCT"},
            {
                "kind": "target_changed",
                "direction": "lowered",
                "draft_value": "85",
                "final_value": "80",
                "unit": "%",
            },
            {
                "kind": "target_changed",
                "direction": "redefined",
                "draft_value": "40",
                "final_value": "40",
                "draft_text_contains": "专利权质押融资",
            },
            {"kind": "obligation_weakened", "draft_text_contains": "高区要加快建设"},
            {"kind": "funding_added", "final_value": "2000", "unit": "万元"},
        ],
        sections=[
            {"status": "removed", "draft_title": "优化知识产权发展环境"},
            {"status": "removed", "draft_title": "加强知识产权文化建设"},
            {"status": "removed", "draft_title": "加大知识产权人才培养力度"},
            {
                "status": "split",
                "draft_title": "探索建立产业集聚高端发展路径",
                "final_title": "探索建立产业集聚高端发展路径",
            },
            {
                "status": "split",
                "draft_title": "探索建立产业集聚高端发展路径",
                "final_title": "实施特色产业创新发展工程",
            },
            {"status": "renamed", "draft_title": "保障措施", "final_title": "组织实施"},
            {
                "status": "unchanged",
                "renumbered": True,
                "draft_title": "加强知识产权培训基地建设",
                "draft_number_contains": "8",
                "final_number_contains": "9",
            },
            {"status": "unchanged", "renumbered": True, "draft_title": "加强知识产权服务平台建设"},
            {"status": "unchanged", "renumbered": False, "draft_title": "指导思想"},
            {"status": "unchanged", "renumbered": False, "draft_title": "加强组织领导"},
            # "--" (web text) and "——" (the office's file) are the same bullet, not a renumbering.
            {"status": "unchanged", "renumbered": False, "draft_title": "知识产权管理水平全面提升"},
        ],
        forbidden=[
            # Statistics in the cut chapter: a removed section, not removed targets/pledges.
            {"kind_prefix": "target", "draft_text_contains": "2017年"},
            {"kind_prefix": "funding", "draft_text_contains": "2017年"},
            {"kind": "funding_removed"},
            {"kind": "target_removed"},
            {"kind_prefix": "term"},
            {"kind": "deadline_changed"},
            # Half-width (draft) vs full-width (final) punctuation is not a change.
            {"kind_prefix": "target", "draft_value": "12"},
            {"kind_prefix": "target", "draft_value": "60"},
        ],
    )


# --------------------------------------------------------------------------- Tai'an seed

TAIAN_TITLE = "泰安市知识产权强市建设纲要"


def taian_base() -> Doc:
    """The Tai'an 征求意见稿 as paragraphs: docx bookmarks and the 附件 label dropped."""
    lines = (SAMPLES / "taian-ip-outline-draft.txt").read_text("utf-8").splitlines()
    doc: Doc = []
    for line in lines:
        text = re.sub(r"\[bookmark: [^\]]*\]", "", line).strip()
        if not text or text == "附件":
            continue
        if text == "（征求意见稿）":
            doc.append(("subtitle", text))
        elif text.endswith(TAIAN_TITLE):
            doc.append(("title", text))
        else:
            doc.append(("para", text))
    return doc


# --------------------------------------------------------------------------- pair 2


def pair_taian_html_txt(out: Path) -> None:
    """Tai'an: draft GB18030 .html page (site chrome) → final .txt of the published text."""
    draft = taian_base()
    # Draft-only passages: past statistics in 编制背景, two pledges.
    draft = insert_after(
        draft,
        "党的十八大以来",
        (
            "para",
            "2021年，全市专利授权量达到8526件，其中发明专利授权量达到612件；有效发明专利拥有量达到2935件，"
            "有效注册商标量达到7.6万件；知识产权质押融资金额累计超过12亿元。",
        ),
    )
    draft = sub(
        draft,
        "大力推行知识产权保险,降低企业维权成本。",
        "大力推行知识产权保险,对企业购买知识产权保险给予保费补贴,降低企业维权成本。",
    )
    draft = sub(
        draft,
        "加快建设覆盖创新创业全链条的知识产权高端服务体系。",
        "加快建设覆盖创新创业全链条的知识产权高端服务体系。对新引进的国家级知识产权服务机构给予最高50万元一次性奖励。",
    )
    copyright_in_draft = count(draft, "版权")

    final = [e for e in draft if e[0] != "subtitle"]
    # Chapter 编制背景 cut (with its statistics); the rest renumbered 一、二、三、.
    final = drop(final, "1、 编制背景")
    final = drop(final, "党的十八大以来")
    final = drop(final, "2021年，全市专利授权量")
    final = sub(final, "2、 总体要求", "一、总体要求")
    final = sub(final, "三、工作措施", "二、工作措施")
    final = sub(final, "四、有关要求", "三、有关要求")
    final = sub(final, "（二）工作原则", "（二）基本原则")
    # Goals: deadline moved, one target lowered, one raised, one added (版权产业 dropped).
    final = sub(final, "到2025年", "到2027年")
    final = sub(final, "每万人口高价值发明专利达到3.6件", "每万人口高价值发明专利达到3.2件")
    final = sub(final, "有效注册商标量达到9万件", "有效注册商标量达到10万件")
    final = sub(
        final, "专利密集型产业和版权产业增加值占GDP比重稳步增长", "专利密集型产业增加值占GDP比重达到13%"
    )
    # 版权 struck out everywhere.
    for old, new in (
        (
            "专利、商标、版权、植物新品种等知识产权资助奖励政策",
            "专利、商标、植物新品种等知识产权资助奖励政策",
        ),
        ("商标注册和文化作品的版权登记，优化完善专利、商标、版权奖励", "商标注册，优化完善专利、商标奖励"),
        ("发挥专利、商标、版权等多种类型", "发挥专利、商标等多种类型"),
        ("地理标志、版权、植物新品种等专项执法行动", "地理标志、植物新品种等专项执法行动"),
        ("加大版权执法力度，健全版权侵权查处机制及执法监管，重点突出大案要案查处和专项治理。", ""),
        ("相关工作，创新版权资产评估、登记认证、质押融资等服务,健全版权交易和服务平台。", "相关工作。"),
        ("专利、商标、版权、商业秘密等", "专利、商标、商业秘密等"),
    ):
        final = sub(final, old, new)
    assert count(final, "版权") == 0, "every 版权 edit listed"
    # Pledges: the 保费补贴 turned into encouragement (给予 → 鼓励); the 50万元 reward cut.
    final = sub(final, "对企业购买知识产权保险给予保费补贴", "鼓励企业购买知识产权保险")
    final = sub(final, "对新引进的国家级知识产权服务机构给予最高50万元一次性奖励。", "")
    # A 责任单位 list changed.
    final = sub(
        final,
        "（责任单位：市市场监管局、市文化和旅游局、泰安银保监分局）",
        "（责任单位：市市场监管局、市财政局、泰安银保监分局）",
    )
    # Items: 纠纷调处 moved up to 2.; one item added; two items merged.
    item5 = final[find(final, "5. 加强知识产权纠纷调处")]
    final = drop(final, "5. 加强知识产权纠纷调处")
    final = insert_after(final, "1.健全知识产权保护机制", ("para", "2." + item5[1][3:]))
    final = sub(final, "2.加大知识产权司法保护力度", "3.加大知识产权司法保护力度")
    final = sub(final, "3.开展知识产权专项行动", "4.开展知识产权专项行动")
    final = sub(final, "4.完善知识产权综合监管", "5.完善知识产权综合监管")
    final = insert_after(
        final,
        "3.加强知识产权人才队伍建设",
        (
            "para",
            "4.推进知识产权服务业集聚发展。依托泰安高新区建设知识产权服务业集聚区，引导知识产权代理、运营、"
            "评估等服务机构入驻，打造一站式知识产权综合服务平台。（责任单位：市市场监管局、泰安高新区管委会）",
        ),
    )
    agencies = "（责任单位：市市场监管局、市文化和旅游局、市林业局、市农业农村局）"
    m1 = body_of(final, "1.完善知识产权管理体制").replace(agencies, "")
    m2 = body_of(final, "2.增强知识产权管理能力").replace(agencies, "")
    final = replace_entry(
        final, "1.完善知识产权管理体制", ("para", "1.完善知识产权管理体制机制。" + m1 + m2 + agencies)
    )
    final = drop(final, "2.增强知识产权管理能力")
    final = sub(final, "3.传播知识产权文化理念", "2.传播知识产权文化理念")

    out.mkdir(parents=True, exist_ok=True)
    write_html(
        draft,
        out / "draft.html",
        encoding="gb18030",
        metadata={
            "索引号": "11370900004359421A/2022-00107",
            "主题分类": "科技、教育\\科技",
            "发文机关": "泰安市市场监督管理局",
            "成文日期": "2022-09-20",
            "发布日期": "2022-09-21",
            "文号": "",
            "有效性": "征求意见",
        },
    )
    write_txt(final, out / "final.txt")
    write_expected(
        out,
        "draft.html",
        "final.txt",
        findings=[
            {"kind": "deadline_changed", "draft_value": "2025", "final_value": "2027"},
            {
                "kind": "target_changed",
                "direction": "lowered",
                "draft_value": "3.6",
                "final_value": "3.2",
                "unit": "件",
            },
            {
                "kind": "target_changed",
                "direction": "raised",
                "draft_value": "9",
                "final_value": "10",
                "unit": "万件",
            },
            {
                "kind": "target_added",
                "final_value": "13",
                "unit": "%",
                "final_text_contains": "专利密集型产业",
            },
            {"kind": "term_removed", "term": "版权", "draft_count": copyright_in_draft, "final_count": 0},
            {"kind": "funding_removed", "draft_value": "50", "unit": "万元"},
            {"kind": "funding_removed", "draft_text_contains": "保费补贴"},
            {"kind": "obligation_weakened", "draft_text_contains": "保费补贴"},
            {
                "kind": "agency_changed",
                "draft_text_contains": "市文化和旅游局、泰安银保监分局",
                "final_text_contains": "市财政局",
            },
        ],
        sections=[
            {"status": "removed", "draft_title": "编制背景"},
            {
                "renumbered": True,
                "draft_title": "总体要求",
                "final_title": "总体要求",
                "final_number_contains": "一",
            },
            {
                "renumbered": True,
                "draft_title": "工作措施",
                "final_title": "工作措施",
                "final_number_contains": "二",
            },
            {
                "renumbered": True,
                "draft_title": "有关要求",
                "final_title": "有关要求",
                "final_number_contains": "三",
            },
            {"status": "renamed", "draft_title": "工作原则", "final_title": "基本原则"},
            {"status": "moved", "renumbered": True, "draft_title": "加强知识产权纠纷调处"},
            {"status": "unchanged", "renumbered": True, "draft_title": "加大知识产权司法保护力度"},
            {"status": "added", "final_title": "推进知识产权服务业集聚发展"},
            {
                "status": "merged",
                "draft_title": "完善知识产权管理体制",
                "final_title": "完善知识产权管理体制机制",
            },
            {
                "status": "merged",
                "draft_title": "增强知识产权管理能力",
                "final_title": "完善知识产权管理体制机制",
            },
            {"status": "unchanged", "renumbered": True, "draft_title": "传播知识产权文化理念"},
            {"status": "unchanged", "renumbered": False, "draft_title": "加强组织领导"},
            {"status": "unchanged", "renumbered": False, "draft_title": "指导思想"},
        ],
        forbidden=[
            # Past statistics in the cut 编制背景 chapter.
            {"kind_prefix": "target", "draft_text_contains": "2021年"},
            {"kind_prefix": "funding", "draft_text_contains": "2021年"},
            {"kind_prefix": "target", "draft_value": "2935"},
            {"kind_prefix": "target", "draft_value": "7.6"},
            {"kind_prefix": "funding", "draft_value": "12"},
            # Changed targets are changes, not removals.
            {"kind": "target_removed", "draft_value": "3.6"},
            {"kind": "target_removed", "draft_value": "9"},
            {"kind": "deadline_changed", "draft_value": "2035"},
        ],
    )


# --------------------------------------------------------------------------- pair 4


def taian_official(doc: Doc) -> Doc:
    """Tai'an paragraphs as the office's final file: real headings, tidy item numbers."""
    out: Doc = []
    for e in doc:
        text = str(e[1])
        if e[0] == "para" and re.match(r"^(\d、\s*|[一二三四五六七八九十]+、)", text):
            out.append(("h1", text))
        elif e[0] == "para" and re.match(r"^（[一二三四五六七八九十]+）", text) and "。" not in text:
            out.append(("h2", text))
        elif e[0] == "para" and re.match(r"^\d+\.\s", text):
            out.append(("para", re.sub(r"^(\d+\.)\s+", r"\1", text)))
        else:
            out.append(e)
    return out


def pair_taian_txt_pdf(out: Path) -> None:
    """Tai'an: the seed 征求意见稿 .txt verbatim (Word bookmarks and all) → final .pdf."""
    seed = SAMPLES / "taian-ip-outline-draft.txt"
    draft = taian_base()
    watched = "商业秘密"
    final = taian_official([e for e in draft if e[0] != "subtitle"])
    # The flattened Word numbers "1、 " / "2、 " restored as 一、 / 二、: same numbers.
    final = sub(final, "1、 编制背景", "一、编制背景")
    final = sub(final, "2、 总体要求", "二、总体要求")
    # A target removed (9万件 商标); the 3.6件 target stays.
    final = sub(final, "，有效注册商标量达到9万件。", "。")
    # A no-amount pledge added; a watched term added twice.
    final = sub(
        final,
        "加大引进和培育知识产权高层次人才。",
        "加大引进和培育知识产权高层次人才，对新引进的知识产权高层次人才给予安家补贴。",
    )
    final = sub(
        final,
        "推进知识产权领域以信用为基础的分级分类监管。",
        "推进知识产权领域以信用为基础的分级分类监管。加强商业秘密保护，建设商业秘密保护指导站。",
    )
    # A 专栏 added, with one new target.
    final = insert_after(
        final,
        "3.加大知识产权优势培育",
        (
            "box",
            "专栏1 知识产权强市建设重点工程",
            "1.知识产权优势企业培育工程：到2025年，培育省级以上知识产权优势企业100家。",
            "2.专利导航服务工程：围绕重点产业链开展专利导航，建设专利导航服务基地。",
        ),
    )
    # A chapter renamed; one of its sub-chapters cut.
    final = sub(final, "四、有关要求", "四、保障措施")
    i = find(final, "（三）加强评估考核")
    final = final[:i] + final[i + 2 :]

    out.mkdir(parents=True, exist_ok=True)
    (out / "draft.txt").write_bytes(seed.read_bytes())
    write_pdf(final, out / "final.pdf")
    write_expected(
        out,
        "draft.txt",
        "final.pdf",
        args=["--watch", watched],
        # The title is the title line alone (in the PDF the preamble follows it directly).
        sides={
            "draft": {"title_contains": TAIAN_TITLE},
            "final": {"title": TAIAN_TITLE, "part": TAIAN_TITLE},
        },
        findings=[
            {"kind": "target_removed", "draft_value": "9", "unit": "万件"},
            {"kind": "funding_added", "final_text_contains": "安家补贴"},
            {"kind": "target_added", "final_value": "100", "unit": "家"},
            {
                "kind": "term_added",
                "term": watched,
                "draft_count": count(draft, watched),
                "final_count": count(final, watched),
            },
        ],
        sections=[
            {"status": "removed", "draft_title": "加强评估考核"},
            {"status": "renamed", "draft_title": "有关要求", "final_title": "保障措施", "renumbered": False},
            {"status": "added", "final_title_contains": "知识产权强市建设重点工程"},
            # 1、 → 一、 is the same number written properly, not a renumbering.
            {
                "status": "unchanged",
                "renumbered": False,
                "draft_title": "编制背景",
                "final_title": "编制背景",
            },
            {"renumbered": False, "draft_title": "总体要求", "final_title": "总体要求"},
            # Word bookmarks in the draft text are not content.
            {"status": "unchanged", "renumbered": False, "draft_title": "增强知识产权管理能力"},
            {"status": "unchanged", "renumbered": False, "draft_title": "加强组织领导"},
            {"status": "unchanged", "renumbered": False, "draft_title": "加强知识产权纠纷调处"},
            {"status": "unchanged", "renumbered": False, "draft_title": "工作原则"},
        ],
        forbidden=[
            {"kind_prefix": "target", "draft_value": "3.6"},
            {"kind_prefix": "target", "draft_value": "13"},
            {"kind": "term_removed"},
            {"kind": "deadline_changed"},
            {"kind": "funding_removed"},
            {"kind": "target_changed"},
        ],
    )


PAIRS = {
    "weihai-docx-pdf": pair_weihai_docx_pdf,
    "taian-html-txt": pair_taian_html_txt,
    "weihai-txt-docx": pair_weihai_txt_docx,
    "taian-txt-pdf": pair_taian_txt_pdf,
}


def main() -> None:
    for name, make in PAIRS.items():
        make(HERE / name)
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
