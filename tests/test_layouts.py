"""The annotated pairs in the layouts offices publish (tests/layouts/make_layouts.py) read as
their plain text does, and the reader behaviours those layouts need, one by one."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import revdiff
from revdiff.clean import clean
from revdiff.readers import docx as docx_reader
from revdiff.readers import html as html_reader
from revdiff.readers import pdf as pdf_reader
from tests.layouts.check import LAYOUTS, differences, files, signature, text_signature
from tests.layouts.make_layouts import OUT, PAIRS, build

CASES = [(name, layout) for name in PAIRS for layout in LAYOUTS if files(name, layout) is not None]


def test_every_pair_has_its_layouts() -> None:
    # plans: docx, pdf, tracked docx, three web pages; laws: all but the tracked draft
    assert len(CASES) == 6 * 6 + 3 * 5


@pytest.mark.parametrize(("name", "layout"), CASES, ids=[f"{n}-{lay}" for n, lay in CASES])
def test_a_layout_gives_the_findings_and_map_of_its_text(name: str, layout: str) -> None:
    draft, final = files(name, layout)  # type: ignore[misc]
    got = signature(revdiff.compare(str(draft), str(final)).to_dict())
    assert differences(text_signature(name), got) == []


def test_the_generator_rewrites_the_committed_fixtures(tmp_path: Path) -> None:
    for name in ("indicator-table", "property-regulation", "penalties-consolidated"):
        build(name, pdf=False, root=tmp_path)
        for made in sorted((tmp_path / name).iterdir()):
            kept = OUT / name / made.name
            if made.suffix == ".docx":
                with zipfile.ZipFile(made) as a, zipfile.ZipFile(kept) as b:
                    assert a.read("word/document.xml") == b.read("word/document.xml"), made.name
            else:
                assert made.read_bytes() == kept.read_bytes(), made.name


def _read(path: Path):  # type: ignore[no-untyped-def]
    reader = {".docx": docx_reader, ".pdf": pdf_reader, ".html": html_reader}[path.suffix]
    return reader.read(path.read_bytes(), str(path))


def _rows(raw) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [b.cells for b in raw.blocks if b.cells]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_grouped_header_is_one_row_over_aligned_columns(fmt: str) -> None:
    # 目标值 spans 2025年 | 2027年; 指标名称, 单位 … are merged down over both header rows
    rows = _rows(_read(OUT / "indicator-table" / f"draft.{fmt}"))
    assert rows[0] == ["指标名称", "单位", "2023年基期值", "目标值2025年", "目标值2027年", "指标属性"]
    assert ["新能源汽车产量", "万辆", "18", "30", "50", "预期性"] in rows


def test_a_pdf_table_split_across_pages_is_one_table_with_whole_rows() -> None:
    raw = _read(OUT / "five-year-plan" / "draft.pdf")
    rows = _rows(raw)
    assert ["规模以上服务业企业数量（家）", "2100", "3000", "—", "预期性"] in rows
    assert not [r for r in rows if r[0] in ("规模以上", "服务业企业数量（家）")]
    assert [r[0] for r in rows].count("指标") == 1  # the header repeated on page 2 is furniture
    assert "指标\t2025年\t2030年\t年均增速\t属性" in [b.text for b in raw.dropped]
    assert len({b.table for b in raw.blocks if b.cells}) == 1


def test_pdf_footnote_marks_are_no_text_and_footnotes_follow_their_paragraph() -> None:
    raw = _read(OUT / "subsidy-table" / "draft.pdf")
    texts = [b.text for b in raw.blocks]
    assert "2025年3月1日" in texts  # not 2025年3月1日1: the raised 1 is the footnote's mark
    # read where the .docx reader reads Word's note: after the paragraph that cites it
    docx = [b.text for b in _read(OUT / "subsidy-table" / "draft.docx").blocks]
    notes = [t for t in texts if "数据来源" in t]
    assert notes == [t for t in docx if "数据来源" in t] == ["脚注：数据来源：统计部门年度统计公报。"]
    assert texts[texts.index(notes[0]) - 1] == docx[docx.index(notes[0]) - 1] == "2025年3月1日"
    assert "1" in [b.text for b in raw.dropped]


def test_pdf_asian_latin_autospace_is_no_space() -> None:
    raw = _read(OUT / "boxes" / "draft.pdf")
    body = "\n".join(b.text for b in raw.blocks)
    assert "新建农村5G基站1500个" in body.replace("\n", "")
    assert "5G 基站" not in body and "2024 年" not in body


def test_pdf_line_whose_next_word_did_not_fit_joins_it() -> None:
    # 生活圈60 | 个。 : 个 cannot leave 。 at the start of a line, so both went down
    raw = clean(_read(OUT / "five-year-plan" / "draft.pdf"))
    assert "新增养老床位8000张，建设城市一刻钟便民生活圈60个。" in [b.text for b in raw.blocks]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_letterhead_and_imprint_are_metadata_not_text(fmt: str) -> None:
    raw = clean(_read(OUT / "boxes" / f"final.{fmt}"))
    texts = [b.text for b in raw.blocks]
    assert raw.metadata["文号"] == "临政办发〔2025〕12号"
    assert raw.metadata["发文机关"] == "临川市人民政府办公室"
    assert raw.metadata["抄送"] == "临川市人民政府各部门。"
    assert raw.metadata["印发日期"] == "2025年1月1日"
    assert texts[0].startswith("临川市数字乡村建设三年行动计划")
    assert not [t for t in texts if "文件" in t or "印发" in t or "抄送" in t]


def test_a_first_line_naming_an_office_without_a_doc_number_stays() -> None:
    from revdiff.model import Block, RawDoc

    lines = ["青山区市场监督管理局", "关于开展2025年食品安全抽检工作的通知", "各街道：", "现将有关事项通知如下。"]
    raw = clean(RawDoc(source="x.txt", format="txt", encoding="utf-8",
                       blocks=[Block(text=t, line=i + 1) for i, t in enumerate(lines)]))
    assert [b.text for b in raw.blocks] == lines and "文号" not in raw.metadata


def test_a_page_in_nested_layout_tables_leaves_its_menus_out() -> None:
    raw = _read(OUT / "boxes" / "draft-tables.html")
    texts = [b.text for b in raw.blocks]
    assert texts[0] == "临川市数字乡村建设三年行动计划（2025—2027年）"
    dropped = [b.text for b in raw.dropped]
    for menu in ("网站首页", "通知公告", "政策文件"):
        assert menu not in texts and menu in dropped


def test_tracked_changes_are_read_accepted_and_said() -> None:
    plain = _read(OUT / "boxes" / "draft.docx")
    tracked = _read(OUT / "boxes" / "draft-tracked.docx")
    assert [b.text for b in tracked.blocks] == [b.text for b in plain.blocks]
    assert plain.warnings == []
    assert len(tracked.warnings) == 1 and "插入 2 处、删除 2 处" in tracked.warnings[0]
    report = revdiff.compare(str(OUT / "boxes" / "draft-tracked.docx"), str(OUT / "boxes" / "final.docx"))
    assert any("tracked changes" in w for w in report.to_dict()["warnings"])


def _table_page(number: int, rows: list[list[str]], blank: list[bool]):  # type: ignore[no-untyped-def]
    page = pdf_reader._Page(number=number, height=800.0)
    page.items.append(pdf_reader._Item(top=100.0, bottom=300.0, x0=80.0, x1=500.0, rows=rows, kind="table", blank=blank))
    return page


def test_only_a_row_left_with_drawn_empty_cells_joins_the_row_before_the_page_break() -> None:
    head = ["指标", "单位", "2025年"]
    first = _table_page(1, [head, ["服务业增加值", "亿元", "2860"]], [False, False])
    # a new group's row at the top of page 2: its cells are merged (none drawn), not blank
    grouped = _table_page(2, [head, ["二、社会民生", "", ""], ["养老床位", "张", "8000"]], [False, False, False])
    blocks, _ = pdf_reader._emit([first, grouped])
    assert [b.cells[0] for b in blocks if b.cells] == ["指标", "服务业增加值", "二、社会民生", "养老床位"]
    # the rest of a split row: its first cell goes on, the others were drawn and left empty
    split = _table_page(2, [head, ["（亿元）", "", ""], ["养老床位", "张", "8000"]], [False, True, False])
    blocks, _ = pdf_reader._emit([first, split])
    assert [b.cells[0] for b in blocks if b.cells] == ["指标", "服务业增加值（亿元）", "养老床位"]


def _clean_lines(lines: list[str]):  # type: ignore[no-untyped-def]
    from revdiff.model import Block, RawDoc

    return clean(RawDoc(source="x.txt", format="txt", encoding="utf-8",
                        blocks=[Block(text=t, line=i + 1) for i, t in enumerate(lines)]))


def test_an_imprint_whose_cc_list_wraps_or_is_missing_is_metadata() -> None:
    body = ["青山区老旧小区改造实施方案", "一、改造范围", "2000年前建成的住宅小区。"]
    raw = _clean_lines([*body, "抄送：区委各部门，区人大常委会办公室，区政协办公室，", "区法院，区检察院。",
                        "青山区人民政府办公室        2024年5月6日印发"])
    assert [b.text for b in raw.blocks] == body
    assert raw.metadata["抄送"] == "区委各部门，区人大常委会办公室，区政协办公室，区法院，区检察院。"
    assert raw.metadata["印发机关"] == "青山区人民政府办公室" and raw.metadata["印发日期"] == "2024年5月6日"
    raw = _clean_lines([*body, "青山区人民政府办公室 2024年5月6日印发"])
    assert [b.text for b in raw.blocks] == body and "抄送" not in raw.metadata
    # a sentence that mentions printing and distributing is text
    raw = _clean_lines([*body, "本方案由区住建局负责解释，2024年5月6日印发"])
    assert len(raw.blocks) == 4


def test_the_running_header_of_a_one_page_pdf_is_furniture() -> None:
    raw = _read(OUT / "district-fund-table" / "draft.pdf")  # one page: nothing repeats
    header = "高新区管理委员会办公室\u3000征求意见稿\u3000请勿外传"
    assert [b.text for b in raw.dropped if "请勿外传" in b.text] == [header]
    assert [b.text for b in raw.blocks[:2]] == ["高新区促进现代服务业", "发展专项资金实施细则"]  # a two-line title
