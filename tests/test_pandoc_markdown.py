"""Markdown written by pandoc from a .docx (``pandoc -f docx -t markdown``): its own table kinds.

pandoc writes a Word table as a multiline table (rules of dashes, rows parted by blank lines,
a merged 目标值 header as a second header row), a simple table, or — when a cell holds several
paragraphs — a grid table (``+----+``); a one-cell table (a 专栏 box) is a one-column grid.
The texts below are invented, laid out as pandoc 2.17 lays them out (columns counted in display
width, a Chinese character two).  Expected rows were written by reading.
"""

from __future__ import annotations

from pathlib import Path

import revdiff
from revdiff.readers import DEFAULT_MAX_BYTES, read

from .test_nothing_lost import _chars, accounted

MULTILINE = """\
表1 主要指标

  ----------------------------------------------------------------------------
  **指标名称**     **单位**    **基期值**   **目标值**                **属性**
  ---------------- ----------- ------------ ------------ ------------ --------
                                            **2025年**   **2027年**

  工业互联网平台   个          6            {a}           20           预期性

  数字化改造覆盖   \\%          45           70           90           约束性
  率
  ----------------------------------------------------------------------------
"""
SIMPLE = """\
  **补贴项目**     **补贴标准**
  ---------------- --------------
  过夜游           每人次20元
  文艺演出         80万元

"""
GRID = """\
+----------------------------------------------------+
| 专栏1 数字基础设施提升工程                         |
|                                                    |
| 新建农村5G基站1500个，实现重点行政村全覆盖。       |
+====================================================+
+----------------------------------------------------+

+----------------------+-----------------------------+
| **项目**             | **标准**                    |
+======================+=============================+
| 新认定专精特新企业   | 给予一次性奖励30万元。      |
|                      |                             |
|                      | 已获市级奖励的，补足差额。  |
+----------------------+-----------------------------+
| 新认定"小巨人"企业   | 给予一次性奖励100万元。     |
+----------------------+-----------------------------+
"""


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text("**某市数字经济发展行动方案**\n\n一、主要目标\n\n" + body + "\n二、保障措施\n\n加大资金投入。\n",
                    encoding="utf-8")
    return path


def _rows(path: Path) -> list[list[str]]:
    return [b.cells for b in read(str(path), DEFAULT_MAX_BYTES).blocks if b.cells is not None]


def test_a_multiline_table_with_a_grouped_header(tmp_path: Path) -> None:
    assert _rows(_write(tmp_path, "m.md", MULTILINE.format(a=10))) == [
        ["指标名称", "单位", "基期值", "目标值2025年", "目标值2027年", "属性"],
        ["工业互联网平台", "个", "6", "10", "20", "预期性"],
        ["数字化改造覆盖率", "%", "45", "70", "90", "约束性"],  # a wrapped cell, joined
    ]


def test_a_simple_table(tmp_path: Path) -> None:
    assert _rows(_write(tmp_path, "s.md", SIMPLE)) == [["补贴项目", "补贴标准"], ["过夜游", "每人次20元"],
                                                       ["文艺演出", "80万元"]]


def test_a_grid_table_and_a_box(tmp_path: Path) -> None:
    path = _write(tmp_path, "g.md", GRID)
    assert _rows(path) == [["项目", "标准"], ["新认定专精特新企业", "给予一次性奖励30万元。已获市级奖励的，补足差额。"],
                           ['新认定"小巨人"企业', "给予一次性奖励100万元。"]]
    texts = [b.text for b in read(str(path), DEFAULT_MAX_BYTES).blocks if b.cells is None and b.text.strip()]
    assert "专栏1 数字基础设施提升工程" in texts and "新建农村5G基站1500个，实现重点行政村全覆盖。" in texts


def test_nothing_of_a_pandoc_table_is_lost(tmp_path: Path) -> None:
    for name, body in (("m.md", MULTILINE.format(a=10)), ("s.md", SIMPLE), ("g.md", GRID)):
        path = _write(tmp_path, name, body)
        got = accounted(revdiff.outline(str(path)))
        if name == "m.md":
            for ch in "目标值":  # the grouped header names 目标值 over both year columns
                got[ch] -= 1
        assert +got == _chars(path.read_text(encoding="utf-8")), name


def test_a_cell_changed_in_a_pandoc_table_is_found_in_its_column(tmp_path: Path) -> None:
    draft = _write(tmp_path, "d.md", MULTILINE.format(a=10))
    final = _write(tmp_path, "f.md", MULTILINE.format(a="8 "))  # pandoc keeps the columns aligned
    report = revdiff.compare(str(draft), str(final))
    assert [(f.kind, f.subject, f.draft_value, f.final_value) for f in report.findings] == [
        ("target_changed", "工业互联网平台", "10", "8")]
    assert "（2025年）" in report.findings[0].note


def test_dashes_in_plain_text_are_no_table(tmp_path: Path) -> None:
    path = tmp_path / "rule.md"
    path.write_text("一、主要目标\n\n到2027年建成示范村100个。\n\n---------- ----------\n\n二、保障措施\n", encoding="utf-8")
    assert _rows(path) == []
