"""The day a document takes effect and the end of its term (revdiff/classify/effective.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.law_texts import compare_texts

LAW = "第一条　为了规范管理，制定本条例。\n\n第二条　本条例适用于本市行政区域。\n\n第三条　{end}\n"
PLAN = "一、支持措施\n对新认定的企业给予奖励。\n二、附则\n{end}\n"


def _dates(report) -> list[tuple[str | None, str | None, str | None]]:
    return [(f.draft_value, f.final_value, f.direction) for f in report.findings
            if f.kind == "deadline_changed" and f.subject in ("施行日期", "有效期")]


@pytest.mark.parametrize("template, genre", [(LAW, "law"), (PLAN, "plan")])
@pytest.mark.parametrize("draft_end, final_end, want", [
    ("本条例自2025年1月1日起施行。", "本条例自2026年1月1日起施行。", [("2025年1月1日", "2026年1月1日", "raised")]),
    ("本办法自二〇二五年七月一日起实施。", "本办法自二〇二五年三月一日起实施。", [("二〇二五年七月一日", "二〇二五年三月一日", "lowered")]),
    ("本措施自2024年1月1日起执行，有效期至2026年12月31日。", "本措施自2024年1月1日起执行，有效期至2025年12月31日。",
     [("2026年12月31日", "2025年12月31日", "lowered")]),
    ("本条例自2025年1月1日起施行。", "本条例自公布之日起施行。", [("2025年1月1日", "公布之日", "redefined")]),
    ("本条例自2025年1月1日起施行。", "本条例自 2025 年 1 月 1 日起施行。", []),  # the same day, spaced as a PDF does
])
def test_effective_date_moved(tmp_path: Path, template: str, genre: str, draft_end: str, final_end: str,
                              want: list[tuple[str, str, str]]) -> None:
    report = compare_texts(tmp_path, template.format(end=draft_end), template.format(end=final_end), genre=genre)
    assert _dates(report) == want


def test_renumbered_but_same_date_is_no_finding(tmp_path: Path) -> None:
    draft = LAW.format(end="本条例自2025年1月1日起施行。")
    final = draft.replace("第三条", "第四条").replace("第二条　本条例", "第二条　本条例适用范围。\n\n第三条　本条例")
    assert _dates(compare_texts(tmp_path, draft, final)) == []
