"""The rows of the 修改对照表 (revdiff/render/table.py), before any drawing."""

from __future__ import annotations

import sys
from pathlib import Path

from revdiff.model import DocInfo, Finding, Report, SectionPair, SectionRef
from revdiff.render.table import build_table

sys.path.insert(0, str(Path(__file__).parent))
from law_report_factory import make_law_report  # noqa: E402

INFO = DocInfo("a.txt", "txt", "utf-8", "某省条例", "某省条例", ["某省条例"], genre="law")


def _art(number: str, line: int) -> SectionRef:
    return SectionRef(number, "", 2, ["第一章 总则", number], line, line, unit="条")


def _labels(report: Report) -> list[str]:
    return [r.label if r.span else r.final.text.split("\u3000")[0] for r in build_table(report).rows]


def test_an_unchanged_article_cited_by_a_finding_is_not_folded():
    report = make_law_report()
    report.findings.append(Finding(kind="obligation_weakened", severity="medium", note="“应当”改为“可以”。",
                                   note_en="", draft_section="s5", final_section="s5"))
    labels = _labels(report)
    assert "第三条至第四条 未修改（修改后为第四条至第五条）" not in labels
    assert "第四条（原第三条）" in labels
    assert "第四条 未修改（修改后为第五条）" in labels


def test_formatting_only_edits_fold_real_edits_do_not():
    same = [(0, "申请人应当在"), (-1, "30"), (1, "３０"), (0, "日内提出。")]
    pairs = [
        SectionPair("s1", "unchanged", False, 1.0, _art("第一条", 1), _art("第一条", 1), same),
        SectionPair("s2", "unchanged", False, 1.0, _art("第二条", 2), _art("第二条", 2), same),
        SectionPair("s3", "unchanged", False, 1.0, _art("第三条", 3), _art("第三条", 3),
                    [(0, "申请人应当在"), (-1, "30"), (1, "15"), (0, "日内提出。")]),
    ]
    pairs[0].formatting = [1, 2]
    pairs[1].formatting = [1, 2]
    rows = build_table(Report(INFO, INFO, pairs, [])).rows
    assert [r.kind for r in rows] == ["unchanged", "pair"]
    assert rows[0].label == "第一条至第二条 未修改"
    assert rows[0].final.text == "第一条\u3000申请人应当在３０日内提出。\n第二条\u3000申请人应当在３０日内提出。"
    assert rows[1].draft.text == "第三条\u3000申请人应当在30日内提出。"
    assert [(p.text, p.style) for p in rows[1].final.paragraphs[0] if p.style] == [("15", "ins")]


def test_text_under_a_chapter_heading_gets_its_own_row():
    chapter = SectionRef("第一章", "总则", 1, ["第一章 总则"], 1, 1, unit="章")
    pair = SectionPair("s1", "modified", False, 0.8, chapter, chapter, [(0, "本章"), (1, "所称"), (0, "规定。")])
    rows = build_table(Report(INFO, INFO, [pair], [])).rows
    assert [r.kind for r in rows] == ["group", "pair"]
    assert rows[0].label == "第一章\u3000总则"
    assert rows[1].draft.text == "本章规定。" and rows[1].final.text == "本章所称规定。"


def test_article_with_a_title_reads_number_title_body():
    draft = SectionRef("第五条", "激励措施", 2, ["第五条"], 5, 5, unit="条")
    final = SectionRef("第五条", "支持措施", 2, ["第五条"], 5, 5, unit="条")
    pair = SectionPair("s1", "renamed", False, 0.9, draft, final, [(0, "对作出突出贡献的单位给予表彰。")])
    row = build_table(Report(INFO, INFO, [pair], [])).rows[0]
    assert row.draft.text == "第五条【激励措施】\u3000对作出突出贡献的单位给予表彰。"
    assert [(p.text, p.style) for p in row.final.paragraphs[0] if p.style] == [("【支持措施】", "ins")]
    assert row.notes == ["标题修改"]


def test_text_before_the_first_heading_is_named_when_folded():
    ref = SectionRef("", "", 0, [], 1, 2, kind="preamble")
    pair = SectionPair("s0", "unchanged", False, 1.0, ref, ref, [(0, "为了加强管理，制定本办法。")])
    rows = build_table(Report(INFO, INFO, [pair], [])).rows
    assert rows[0].label == "（前言） 未修改"


def test_every_pair_is_in_exactly_one_row_with_all_its_text():
    """Nothing of either side is lost: each pair has a row (or sits in a folded run), and a
    pair row holds the whole body of each side (paragraph breaks aside)."""
    from report_factory import make_report

    import revdiff

    texts = Path(__file__).parent / "law_texts"
    compared = revdiff.compare(str(texts / "dogs-2019.txt"), str(texts / "dogs-2025.txt"))
    for report in (make_report(), make_law_report(), compared):
        rows = build_table(report).rows
        placed = [p.id for r in rows for p in r.pairs]
        assert sorted(placed) == sorted(p.id for p in report.sections)
        for row in rows:
            if row.kind != "pair" or len(row.pairs) != 1:
                continue
            pair = row.pairs[0]
            for side, ops in (("draft", (0, -1)), ("final", (0, 1))):
                cell = row.draft if side == "draft" else row.final
                body = "".join(t for op, t in pair.diff if op in ops)
                if getattr(pair, side) is None or "（见上）" in cell.text:
                    continue
                shown = "".join(p.text for para in cell.paragraphs for p in para if not p.label)
                assert "".join(body.split()) in "".join(shown.split()), (pair.id, side)
