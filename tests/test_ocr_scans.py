"""Scanned PDFs must not invent findings (issue 17): two invented documents, each printed as a
text PDF, rasterised at 200 dpi (pdftoppm) and wrapped back into a PDF (img2pdf), as an office
scanner gives it.

- the 青川市 digital-economy plan of ``tests/fixtures/sample.pdf`` (3 pages, a 专栏 box, a
  table split over two pages, percentages set in a condensed Latin face: "8%" is read "99"
  when recognised as part of the page);
- a 人力资源和社会保障局's measures for graduates' employment (another office, another
  layout: 一、 chapters, （一） sections, 1. items, amounts per person and percentages).

Every scan is compared with its own text PDF (no funding or target finding above low may come
of recognition) and with an edited final (the scan finds nine tenths of what the text finds).
The rasterised scans are made once per test session and shared.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from revdiff.comparison import _doubtful_figure, _glyphs_apart, _still_there
from revdiff.model import Document, Finding, Part
from revdiff.pipeline import compare_documents, load_document
from revdiff.readers import ocr as ocr_reader
from revdiff.readers.pdf import _Item, _Page

from .conftest import FIXTURES
from .fixtures.build import Doc, write_pdf
from .fixtures.make_fixtures import SAMPLE

JOBS_TITLE = "临江市关于进一步促进高校毕业生就业创业的若干措施"


def jobs(*, final: bool = False) -> Doc:
    """The graduates' measures: the draft, or the final with subsidies cut, a rate lowered, an award dropped."""
    rent, startup, rate, loan, posts = (("800元", "5000元", "50%", "20万元", "3000个") if final
                                        else ("1000元", "8000元", "60%", "30万元", "5000个"))  # fmt: skip
    award = [] if final else ["对带动就业10人以上的，再给予一次性奖励2万元。"]
    return [
        ("title", JOBS_TITLE),
        ("subtitle", "（送审稿）" if final else "（征求意见稿）"),
        ("para", "为深入实施就业优先战略，稳定和扩大高校毕业生就业规模，结合本市实际，提出如下措施。"),
        ("h1", "一、拓宽就业渠道"),
        ("h2", "（一）扩大企业吸纳"),
        ("para", f"对吸纳离校2年内未就业高校毕业生并签订1年以上劳动合同的中小微企业，按每人1500元给予"
                 f"一次性吸纳就业补贴。每年开发见习岗位不少于{posts}，见习补贴标准为当地最低工资标准的{rate}。"),  # fmt: skip
        ("h2", "（二）稳定公共岗位"),
        ("para", "统筹事业单位空缺岗位，面向高校毕业生公开招聘的比例不低于40%。"),
        ("h1", "二、支持自主创业"),
        ("para", f"1.对首次创办小微企业的高校毕业生，给予一次性创业补贴{startup}。" + "".join(award)),
        ("para", f"2.符合条件的个人可申请最高{loan}创业担保贷款，按贷款基础利率的50%给予贴息。"),
        ("para", f"3.对到市级创业孵化基地创业的高校毕业生，按每月{rent}标准给予场地租金补贴，期限不超过3年。"),
        ("h1", "三、强化服务保障"),
        ("para", "市财政每年安排高校毕业生就业创业专项资金1200万元，各区县按1:1比例配套。"),
        ("right", "临江市人力资源和社会保障局", "2025年5月20日"),
    ]


def sample_final() -> Doc:
    """The 青川市 plan's final: pledges cut, a rate and a target lowered, one award dropped."""
    edits = {"8%给予最高500万元": "5%给予最高300万元", "20%给予最高30万元补助": "15%给予最高30万元补助",
             "一次性给予50万元奖励": "一次性给予30万元奖励", "不少于2亿元": "不少于1.5亿元",
             "每年开放数据集不少于200个": "每年开放数据集不少于150个",
             "给予最高1000万元项目资助；": ""}  # fmt: skip
    out = []
    for entry in SAMPLE:
        if entry[0] in ("para", "box"):
            texts = []
            for text in entry[1:]:
                for old, new in edits.items():
                    text = text.replace(old, new)
                texts.append(text)
            entry = (entry[0], *texts)
        out.append(entry)
    return out


def _scan(pdf: Path, out: Path) -> Path:
    """``pdf`` rasterised at 200 dpi in grey and wrapped back into a PDF, as a scanner gives it."""
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(stem)], check=True, timeout=120)
    pages = sorted(out.parent.glob(stem.name + "-*.png"))
    subprocess.run(["img2pdf", *map(str, pages), "-o", str(out)], check=True, timeout=120)
    return out


@pytest.fixture(scope="session")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Document]]:
    """For each document: its text PDF, its 200 dpi scan and its edited final, each loaded once."""
    for program in ("tesseract", "pdftoppm", "img2pdf"):
        if not shutil.which(program):
            pytest.skip(f"{program} is not installed")
    tmp = tmp_path_factory.mktemp("ocr-scans")
    out = {}
    for name, text, final in (("sample", FIXTURES / "sample.pdf", write_pdf(sample_final(), tmp / "sample-final.pdf")),
                              ("jobs", write_pdf(jobs(), tmp / "jobs.pdf"), write_pdf(jobs(final=True), tmp / "jobs-final.pdf"))):  # fmt: skip
        out[name] = {"text": load_document(str(text)), "scan": load_document(str(_scan(text, tmp / f"{name}-scan.pdf"))),
                     "final": load_document(str(final))}  # fmt: skip
    return out


@pytest.mark.parametrize("name", ["sample", "jobs"])
def test_scan_against_its_text_gives_no_funding_or_target_finding(scanned: dict[str, dict[str, Document]],
                                                                 name: str) -> None:  # fmt: skip
    docs = scanned[name]
    assert docs["scan"].format == "pdf+ocr"
    report = compare_documents(docs["text"], docs["scan"])
    figures = [f for f in report.findings if f.kind.startswith(("funding", "target"))]
    assert figures == [], [(f.kind, f.draft_value, f.final_value) for f in figures]
    others = [f for f in report.findings if f.kind.startswith(("penalty", "threshold"))]
    assert [f for f in others if f.severity != "low"] == [], [(f.kind, f.draft_value, f.final_value) for f in others]
    sections = [f for f in report.findings if f.kind.startswith("section")]
    assert sections == [], [(f.kind, f.draft_text) for f in sections]


@pytest.mark.parametrize("name", ["sample", "jobs"])
def test_scan_finds_nine_tenths_of_what_the_text_finds(scanned: dict[str, dict[str, Document]], name: str) -> None:
    docs = scanned[name]
    by_text = compare_documents(docs["text"], docs["final"])
    by_scan = compare_documents(docs["scan"], docs["final"])
    wanted = {(f.kind, f.draft_value, f.final_value) for f in by_text.findings}
    found = {(f.kind, f.draft_value, f.final_value) for f in by_scan.findings}
    assert len([w for w in wanted if w[0].startswith(("funding", "target"))]) >= 5, "the finals change pledges"
    assert len(wanted & found) >= 0.9 * len(wanted), sorted(wanted - found, key=str)


def test_sample_scan_keeps_its_items_and_percentages(scanned: dict[str, dict[str, Document]]) -> None:
    """The items whose full stop recognition lost are items still; 8% and 20% are read as printed."""
    scan = scanned["sample"]["scan"]
    text = "".join(p.text + "".join(n.text for n in p.nodes()) for p in scan.parts)
    assert "设备投资额的8%给予最高500万元" in text and "首年销售额的20%给予最高30万元" in text
    items = [n.heading for p in scan.parts for n in p.nodes() if n.kind in ("item", "heading")]
    for heading in ("1.发展智能终端产业", "2.培育软件和信息服务业"):
        assert heading in items


def _line(text: str, *, indented: bool = False, reaches: bool | None = False, frame: tuple[int, int] | None = None) -> _Item:
    return _Item(top=0, bottom=10, x0=0, x1=100, text=text, indented=indented, reaches_margin=reaches, frame=frame)


def test_item_marks_lost_by_recognition_are_given_back_where_a_paragraph_begins() -> None:
    page = _Page(number=1, height=800, items=[
        _line("—、总体要求"),
        _line("二 、重点任务"),
        _line("〈一)做强数字核心产业"),
        _line("[2)稳定公共岗位"),
        _line("1发展智能终端产业", indented=True),
        _line("依托开发区，引进整机制造和关键零部件配套项目，对超过", indented=True, reaches=True),
        _line("15家企业给予奖励。"),                     # a figure that continues the sentence above
        _line("2培育软件和信息服务业", indented=True),
        _line("专栏1 重点工程", frame=(1, 0)),
        _line("1智能工厂示范工程：建设智能工厂20个。", frame=(1, 0), reaches=False),
        _line("2026年起实施。", indented=True),            # a year: four digits, not an item number
        _line("10亿元基金。", indented=True),              # a figure with its unit
    ])  # fmt: skip
    ocr_reader.restore_item_marks([page])
    assert [it.text for it in page.items] == [
        "一、总体要求", "二、重点任务", "（一）做强数字核心产业", "（2）稳定公共岗位", "1.发展智能终端产业", "依托开发区，引进整机制造和关键零部件配套项目，对超过",
        "15家企业给予奖励。", "2.培育软件和信息服务业", "专栏1 重点工程", "1.智能工厂示范工程：建设智能工厂20个。",
        "2026年起实施。", "10亿元基金。",
    ]


def _doc(doubts: dict[int, list[str]]) -> Document:
    return Document(source="scan.pdf", format="pdf+ocr", encoding="binary",
                    parts=[Part(title="t", kind="document", line_start=1, line_end=50, text="")],
                    ocr_pages=[1], ocr_doubts=doubts)  # fmt: skip


def test_a_finding_on_a_doubtful_figure_is_marked_for_checking() -> None:
    text = _doc({})
    finding = Finding(kind="funding_changed", severity="medium", note="", note_en="", draft_value="8", final_value="99",
                      draft_text="按照设备投资额的8%给予最高500万元补助。", final_text="按照设备投资额的99给予最高500万元补助。",
                      draft_line=10, final_line=12, ocr=["final"])  # fmt: skip
    assert _doubtful_figure(finding, text, _doc({13: ["99"]}))  # the sentence's second line
    assert not _doubtful_figure(finding, text, _doc({13: ["2024"]})), "a doubtful word not in the sentence"
    assert not _doubtful_figure(finding, text, _doc({30: ["99"]})), "a doubtful word far from the sentence"
    assert not _doubtful_figure(finding, text, _doc({})), "recognition was sure of every figure"
    removed = Finding(kind="funding_removed", severity="high", note="", note_en="", draft_value="500",
                      draft_text="按照设备投资额的8%给予最高500万元补助。", draft_line=10, final_line=12, ocr=["final"])  # fmt: skip
    assert _doubtful_figure(removed, text, _doc({12: ["709%。"]})), "nothing quoted on that side: any doubt near"


def test_a_changed_amount_read_with_low_confidence_is_low_and_says_check_the_scan(tmp_path: Path) -> None:
    """The same change is a real finding on a sure reading, and a low "check the scan" on a doubtful one."""
    misread = [tuple(x.replace("按每人1500元", "按每人1900元") if isinstance(x, str) else x for x in e) for e in jobs()]
    draft = load_document(str(write_pdf(jobs(), tmp_path / "draft.pdf")))

    def scanned_final(doubts: bool) -> Document:
        doc = load_document(str(write_pdf(misread, tmp_path / "final.pdf")))
        node = next(n for p in doc.parts for n in p.nodes() if "1900" in n.text)
        doc.ocr_pages = [1]  # as if page 1 had been recognised, with or without doubt about 1900
        doc.ocr_doubts = {node.line_at(node.text.index("1900")): ["1900"]} if doubts else {}
        return doc

    def finding(doubts: bool) -> Finding:
        report = compare_documents(draft, scanned_final(doubts))
        return next(f for f in report.findings if f.kind == "funding_changed" and f.final_value == "1900")

    sure, doubtful = finding(False), finding(True)
    assert sure.severity != "low" and "check the scan" not in sure.note_en
    assert doubtful.severity == "low" and doubtful.ocr == ["final"]
    assert "check the scan" in doubtful.note_en and "请核对原件" in doubtful.note


@pytest.mark.parametrize(("final_text", "slip"), [
    ("完善城市数据资源体系，每年开放数据集不少于200个。", False),       # the same sentence: no change at all
    ("完善城市数据资源体系，每年开放效据集不少于200个。", True),        # 数 → 效
    ("完善城市效据资产体系，每年开放效据集不少于200个。", True),        # three single glyphs misread
    ("完善城市效据资产体糸，每年开敢效据集不少于200个。", False),       # five: not a few slips
    ("完善城市数据资源体系，每年开放高质量数据集不少于200个。", False),  # words added: a real redefinition
    ("完善城市数据资源体系，每年开放数据产品不少于200个。", False),     # 集 → 产品: a word of another length
])  # fmt: skip
def test_a_few_single_glyphs_apart_is_a_recognition_slip(final_text: str, slip: bool) -> None:
    f = Finding(kind="target_changed", severity="medium", note="", note_en="", direction="redefined",
                draft_text="完善城市数据资源体系，每年开放数据集不少于200个。", final_text=final_text)  # fmt: skip
    assert _glyphs_apart(f) is slip


@pytest.mark.parametrize(("scanned_text", "still_there"), [
    ("到2026年，培育数字经济企业15冢，新增企业20家以上。", True),     # the unit misread: 家 → 冢
    ("到2026年，培育数字经济企业也家，新增企业20家以上。", True),      # the figure misread as a glyph
    ("到2026年，培育数字经济企业，新增企业20家以上。", False),         # the figure and its unit taken out
    ("到2026年，新增企业20家以上。", False),                           # the clause taken out
])  # fmt: skip
def test_a_removed_target_whose_sentence_ocr_still_shows_is_a_misread(tmp_path: Path, scanned_text: str,
                                                                     still_there: bool) -> None:  # fmt: skip
    final = load_document(str(write_pdf([("title", JOBS_TITLE), ("h1", "一、发展目标"), ("para", scanned_text)],
                                        tmp_path / "final.pdf")))  # fmt: skip
    line = next(n for p in final.parts for n in p.nodes() if "新增企业" in n.text).line_start
    removed = Finding(kind="target_removed", severity="high", note="", note_en="", draft_value="15",
                      draft_text="到2026年，培育数字经济企业15家，新增企业20家以上。", draft_line=3, final_line=line,
                      ocr=["final"])  # fmt: skip
    assert _still_there(removed, _doc({}), final) is still_there
    removed.ocr = []
    assert not _still_there(removed, _doc({}), final), "only where that side was read by OCR"


def test_a_percent_sign_read_as_a_figure_in_the_unit_column_is_a_percent_sign() -> None:
    rows = [["指标", "单位", "基期值", "目标值"], ["覆盖率", "9%", "52", "≥85"], ["联网率", "96", "80", "95"],
            ["基站数", "个", "9", "30"]]  # fmt: skip
    assert ocr_reader._fix_unit_column(rows) == [["指标", "单位", "基期值", "目标值"], ["覆盖率", "%", "52", "≥85"],
                                                 ["联网率", "%", "80", "95"], ["基站数", "个", "9", "30"]]  # fmt: skip
    no_unit = [["指标", "2024年"], ["覆盖率", "9%"]]
    assert ocr_reader._fix_unit_column(no_unit) == [["指标", "2024年"], ["覆盖率", "9%"]], "a value column keeps its figures"


def _page_image(doc: Doc, tmp: Path) -> Any:
    """Page 1 of ``doc`` printed to PDF and rasterised at 200 dpi in grey, as a scanner gives it."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", str(write_pdf(doc, tmp / "p.pdf")),
                    str(tmp / "p")], check=True, timeout=120)  # fmt: skip
    return Image.open(next(tmp.glob("p-*.png"))).convert("L")


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm is not installed")
def test_a_page_scanned_askew_is_turned_level(tmp_path: Path) -> None:
    from PIL import Image

    page = _page_image(jobs(), tmp_path)
    assert ocr_reader.skew(page) == 0.0
    for angle in (0.6, -1.2):
        turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        assert abs(ocr_reader.skew(turned) + angle) <= 0.1, angle


@pytest.mark.skipif(not shutil.which("tesseract") or not shutil.which("pdftoppm"), reason="no tesseract / pdftoppm")
def test_a_printed_line_the_page_reading_left_out_is_read(tmp_path: Path) -> None:
    page = _page_image([("h1", "一、拓宽就业渠道"), ("para", "统筹事业单位空缺岗位，公开招聘的比例不低于40%。")], tmp_path)
    words = ocr_reader._words(page, 200, "p.png")
    heading = [w for w in words if w["line"] == words[0]["line"]]
    assert "".join(w["text"] for w in heading).startswith("一、")
    found = ocr_reader._missed_lines(page, heading, 200, "p.png")  # as if the paragraph had been dropped
    assert "招聘的比例" in "".join(w["text"] for w in found)
    assert ocr_reader._missed_lines(page, words, 200, "p.png") == [], "nothing was left out"



def test_a_picture_is_no_left_out_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    page = Image.new("L", (1600, 2200), 255)
    page.paste(0, (100, 100, 1500, 140))  # a line the page's reading found
    words = [{"text": "一、拓宽就业渠道", "line": (1, 1, 1), "conf": 95.0, "box": (100, 100, 1500, 140)}]
    page.paste(0, (300, 1200, 900, 1600))  # a picture or a seal: ink ten lines tall, no line of text
    page.paste(0, (300, 1800, 900, 1840))  # ink as tall as a line, that nothing covers
    page.paste(0, (300, 1900, 302, 1940))  # a speck
    asked: list[tuple[int, int, int, int]] = []
    monkeypatch.setattr(ocr_reader, "_read_lines", lambda image, lines, *a: asked.extend(ln[0]["box"] for ln in lines) or [])
    ocr_reader._missed_lines(page, words, 200, "p.png")
    assert [box[1:4:2] for box in asked] == [(1800, 1840)]


def test_the_progress_bar_fills_page_by_page() -> None:
    assert ocr_reader.progress("scan.pdf", 0, 4, 1, width=8) == "revdiff: OCR scan.pdf [--------] 0/4 pages, reading page 1"
    assert ocr_reader.progress("scan.pdf", 3, 4, 7, width=8) == "revdiff: OCR scan.pdf [######--] 3/4 pages, reading page 7"


def test_a_pledge_whose_cap_word_ocr_misread_is_a_recognition_slip(tmp_path: Path) -> None:
    """最高 read as 最局 makes the cap look redefined; on OCR text that is a slip, not a change."""
    misread = [tuple(x.replace("可申请最高", "可申请最局") if isinstance(x, str) else x for x in e) for e in jobs()]
    draft = load_document(str(write_pdf(jobs(), tmp_path / "draft.pdf")))
    final = load_document(str(write_pdf(misread, tmp_path / "final.pdf")))
    plain = [f for f in compare_documents(draft, final).findings if f.kind == "funding_changed"]
    assert [(f.direction, f.severity != "low") for f in plain] == [("redefined", True)], "a text PDF: a real change"
    final.ocr_pages = [1]
    report = compare_documents(draft, final)
    assert [f for f in report.findings if f.kind == "funding_changed"] == []  # a slip, not a finding …
    slips = [w for w in report.warnings if "recognition slip" in w]
    assert len(slips) == 1 and "30万元" in slips[0]  # … named in a warning
    assert [f.id for f in report.findings] == [f"f{i}" for i in range(1, len(report.findings) + 1)]


def test_a_cell_whose_figure_the_two_readings_do_not_agree_on_is_doubtful(monkeypatch: pytest.MonkeyPatch) -> None:
    """Table cells are read at scan size and at twice the size; a cell Tesseract was unsure of at
    scan size whose figures the enlarged reading does not repeat is a doubt on its row's line."""
    from PIL import Image

    readings = {1: [("约束性", 95.0), ("12", 40.0), ("8.6", 45.0), ("1460", 90.0)],  # scale → each cell's reading
                2: [("约束性", 90.0), ("12", 80.0), ("86", 70.0), ("1480", 90.0)]}  # fmt: skip
    gap, height = 40, 43  # a fifth of an inch at 200 dpi; a cell's crop is its band less the rules

    def fake_words(image: Any, dpi: float, source: str, layout: int = 4) -> list[dict[str, Any]]:
        scale = round(dpi / 200)
        out = []
        for k, (text, conf) in enumerate(readings[scale]):
            top = scale * (gap + k * (height + gap))
            out.append({"text": text, "conf": conf, "line": (k, 1, 1), "x0": scale * gap, "x1": scale * (gap + 30),
                        "top": top, "bottom": top + scale * height, "size": scale * height})  # fmt: skip
        return out

    monkeypatch.setattr(ocr_reader, "_words", fake_words)
    doubts: dict[tuple[int, int], list[str]] = {}
    rows = ocr_reader._cells(Image.new("L", (300, 200), 255), [([0, 100, 200], [0, 50, 100])], 200, "s.pdf", doubts)
    assert rows == [[["约束性", "12"], ["8.6", "1460"]]]
    assert doubts == {(0, 1): ["8.6"]}, "12: the readings agree; 1460: sure at scan size"


def test_doubts_are_kept_by_the_input_line_of_their_line_or_table_row() -> None:
    from revdiff.readers.pdf import _emit

    page = _Page(number=1, height=800, items=[
        _Item(top=0, bottom=10, x0=0, x1=100, text="发展目标", doubts=()),
        _Item(top=20, bottom=60, x0=0, x1=100, kind="table", rows=[["指标", "2027年"], ["覆盖率", "85"], ["联网率", "95"]],
              row_doubts=((), ("85",), ())),
        _Item(top=70, bottom=80, x0=0, x1=100, text="按照投入额的99给予", doubts=("99",)),
    ])  # fmt: skip
    doubts: dict[int, list[str]] = {}
    blocks, _ = _emit([page], doubts)
    assert doubts == {3: ["85"], 5: ["99"]}
    assert [b.text for b in blocks if b.line in doubts] == ["覆盖率\t85", "按照投入额的99给予"]
