"""Every format offices publish in: Word 97 .doc and WPS (by LibreOffice), OFD, scanned PDFs (by Tesseract).

The documents are invented (a county's farmland plan, in the style of a 农业农村局) and
written in each format by the fixture writers; a scan is the text PDF rasterised at 200
dpi (pdftoppm) and wrapped back into a PDF (img2pdf), as a scanner would give it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import revdiff
from revdiff.errors import InputError
from revdiff.model import Document, Report
from revdiff.pipeline import compare_documents, load_document
from revdiff.readers import ocr as ocr_reader
from revdiff.readers import ofd as ofd_reader
from revdiff.textkey import key

from .conftest import FIXTURES
from .fixtures.build import Doc, write_docx, write_pdf
from .fixtures.make_fixtures import SAMPLE
from .fixtures.ofd_writer import write_ofd
from .test_nothing_lost import accounted

TITLE = "云溪县高标准农田建设三年行动方案（2025—2027年）"

INDICATORS = [
    ["指标", "单位", "2024年", "2027年", "属性"],
    ["累计建成高标准农田", "万亩", "8.6", "12", "约束性"],
    ["耕地灌溉水有效利用系数", "—", "0.55", "0.58", "预期性"],
    ["农田机耕道路通达率", "%", "80", "95", "预期性"],
]


def farmland(*, final: bool = False) -> Doc:
    """The invented plan: the draft, or the final with pledges cut, targets lowered, a pledge dropped."""
    money, area, subsidy, road = ("2000万元", "10万亩", "1200元", "90") if final else ("3000万元", "12万亩", "1500元", "95")
    table = [row[:] for row in INDICATORS]
    table[1][3] = area.removesuffix("万亩")
    table[3][3] = road
    reward = [] if final else ["对验收评价为优秀的项目，给予项目所在乡镇最高50万元奖励。"]
    return [
        ("title", TITLE),
        ("subtitle", "（送审稿）" if final else "（征求意见稿）"),
        ("para", "为守住耕地保护红线，提升粮食综合生产能力，根据省、市关于高标准农田建设的部署，结合我县实际，制定本方案。"),
        ("h1", "一、主要目标"),
        ("para", f"到2027年，全县累计建成高标准农田{area}，耕地灌溉水有效利用系数达到0.58以上，"
                 "新增粮食产能1.5万吨。"),  # fmt: skip
        ("para", "云溪县高标准农田建设主要指标"),
        ("table", table),
        ("pagebreak",),
        ("h1", "二、重点任务"),
        ("h2", "（一）统筹规划布局"),
        ("para", "以永久基本农田为重点，优先在粮食生产功能区集中连片建设，每年新建高标准农田1.2万亩。"),
        ("h2", "（二）提高建设标准"),
        ("para", f"新建项目亩均投入不低于3000元，其中县级财政每亩补助{subsidy}。" + "".join(reward)),
        ("h1", "三、保障措施"),
        ("para", f"县财政每年安排高标准农田建设资金不少于{money}，纳入年度预算，专款专用。"),
        ("right", "云溪县农业农村局", "2025年4月8日"),
    ]


def _nodes(doc: Document) -> list[tuple[str, int, str, list[list[str]] | None]]:
    return [(n.kind, n.level, n.heading, n.rows) for p in doc.parts for n in p.nodes()]


def _kinds(report: Report, prefix: tuple[str, ...]) -> list[str]:
    return [f.kind for f in report.findings if f.kind.startswith(prefix)]


# --------------------------------------------------------------------------- .doc / .wps

_DOC_CACHE: dict[Path, bytes] = {}


def doc_from_docx(docx: Path, tmp: Path) -> bytes:
    """``docx`` saved as Word 97 .doc by LibreOffice (in a private profile), once per test process."""
    if docx not in _DOC_CACHE:
        if not shutil.which("soffice"):
            pytest.skip("LibreOffice is not installed")
        work = tmp / "lo"
        work.mkdir(exist_ok=True)
        subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", str(work), str(docx)],
                       capture_output=True, timeout=180, check=True)  # fmt: skip
        _DOC_CACHE[docx] = (work / (docx.stem + ".doc")).read_bytes()
    return _DOC_CACHE[docx]


@pytest.fixture(scope="module")
def sample_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("doc")
    path = tmp / "sample.doc"
    path.write_bytes(doc_from_docx(FIXTURES / "sample.docx", tmp))
    return path


def test_doc_saved_from_docx_compares_without_findings(sample_doc: Path) -> None:
    report = revdiff.compare(str(FIXTURES / "sample.docx"), str(sample_doc))
    assert report.final.format == "doc"
    assert report.findings == []
    assert _nodes(load_document(str(sample_doc))) == _nodes(load_document(str(FIXTURES / "sample.docx")))


def test_wps_is_read_by_content_and_named_by_its_extension(sample_doc: Path, tmp_path: Path) -> None:
    """WPS writes .wps in the Word 97 format; a .doc under a download name is still found by content."""
    wps = tmp_path / "方案.wps"
    wps.write_bytes(sample_doc.read_bytes())
    assert revdiff.outline(str(wps)).format == "wps"
    unnamed = tmp_path / "download"
    unnamed.write_bytes(sample_doc.read_bytes())
    doc = revdiff.outline(str(unnamed))
    assert doc.format == "doc"
    assert _nodes(doc) == _nodes(load_document(str(FIXTURES / "sample.docx")))


def _cli_without(hide_programs: bool, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The CLI with a PATH that holds only Python's own folder (no soffice, no tesseract)."""
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) if hide_programs else os.environ["PATH"]}
    return subprocess.run([sys.executable, "-m", "revdiff", *args], capture_output=True, timeout=120, env=env)


def test_doc_without_libreoffice_names_the_package(sample_doc: Path) -> None:
    proc = _cli_without(True, "outline", str(sample_doc))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and len(err.splitlines()) == 1, err
    assert "libreoffice-writer-nogui" in err and "Traceback" not in err


# --------------------------------------------------------------------------- .ofd


@pytest.mark.parametrize("spec", [SAMPLE, farmland()], ids=["sample-4-pages", "farmland-2-pages"])
def test_ofd_outlines_as_its_source_and_compares_clean_with_docx(spec: Doc, tmp_path: Path) -> None:
    ofd, docx = write_ofd(spec, tmp_path / "doc.ofd"), write_docx(spec, tmp_path / "doc.docx")
    doc = load_document(str(ofd))
    assert doc.format == "ofd"
    assert _nodes(doc) == _nodes(load_document(str(docx)))
    assert any(n[0] == "table" for n in _nodes(doc)), "the ruled table is read as a table"
    report = revdiff.compare(str(docx), str(ofd))
    assert report.findings == []


def test_ofd_cites_pages_and_drops_page_furniture(tmp_path: Path) -> None:
    raw = revdiff.readers.read(str(write_ofd(farmland(), tmp_path / "farm.ofd")))
    table = [b for b in raw.blocks if b.cells]
    assert [b.cells for b in table] == INDICATORS and {b.page for b in table} == {1}
    assert next(b.page for b in raw.blocks if b.text.startswith("二、重点任务")) == 2
    assert raw.title == TITLE
    dropped = [b.text for b in raw.dropped]
    assert dropped.count(TITLE + "（征求意见稿）") == 2, "the template's running header, once a page"
    assert "— 1 —" in dropped and "— 2 —" in dropped
    assert not any("— 1 —" in b.text or b.text == TITLE + "（征求意见稿）" for b in raw.blocks)


@pytest.mark.parametrize("spec", [SAMPLE, farmland()], ids=["sample-4-pages", "farmland-2-pages"])
def test_ofd_loses_no_character(spec: Doc, tmp_path: Path) -> None:
    """Every glyph of every page, and of the template once for each page it backs, lands in the
    Document or in what cleaning dropped."""
    import zipfile
    from xml.etree import ElementTree

    path = write_ofd(spec, tmp_path / "doc.ofd")
    printed: Counter[str] = Counter()
    with zipfile.ZipFile(path) as z:
        pages = sum(1 for n in z.namelist() if n.startswith("Doc_0/Pages/"))
        for name in z.namelist():
            if name.endswith("Content.xml"):
                for el in ElementTree.fromstring(z.read(name)).iter("{http://www.ofdspec.org/2016}TextCode"):
                    glyphs = Counter(ch for ch in el.text or "" if not ch.isspace())
                    for _ in range(pages if "/Tpls/" in name else 1):
                        printed += glyphs
    assert accounted(revdiff.outline(str(path))) == printed


def test_ofd_is_sniffed_under_any_name(tmp_path: Path) -> None:
    data = write_ofd(farmland(), tmp_path / "a.ofd").read_bytes()
    (tmp_path / "attachment.zip").write_bytes(data)
    assert revdiff.outline(str(tmp_path / "attachment.zip")).format == "ofd"


def test_ofd_whose_zip_asks_for_a_version_zipfile_cannot_read_is_refused(tmp_path: Path) -> None:
    """The .docx reader's regression (a flipped byte asking for zip version 8.4 was an internal
    error) holds for every zip package, through the one shared check."""
    data = bytearray(write_ofd(farmland(), tmp_path / "a.ofd").read_bytes())
    at = data.index(b"PK\x01\x02")  # the first central directory entry
    data[at + 6 : at + 8] = (84).to_bytes(2, "little")  # "version needed to extract"
    (tmp_path / "bad.ofd").write_bytes(bytes(data))
    with pytest.raises(InputError, match="corrupt or truncated .ofd"):
        revdiff.outline(str(tmp_path / "bad.ofd"))


def test_ofd_delta_lists_expand_repeats() -> None:
    """GB/T 33190 abbreviates N equal advances as "g N V"."""
    assert ofd_reader._deltas("g 3 5.5 2 g 2 1") == [5.5, 5.5, 5.5, 2.0, 1.0, 1.0]
    assert ofd_reader._deltas("") == []


# --------------------------------------------------------------------------- scanned PDFs


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    """The farmland draft as text PDF and as a 200 dpi scan, and the final as text PDF, each loaded once."""
    for program in ("tesseract", "pdftoppm", "img2pdf"):
        if not shutil.which(program):
            pytest.skip(f"{program} is not installed")
    tmp = tmp_path_factory.mktemp("scan")
    text = write_pdf(farmland(), tmp / "draft.pdf")
    final = write_pdf(farmland(final=True), tmp / "final.pdf")
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(text), str(tmp / "page")], check=True, timeout=120)
    scan = tmp / "draft-scan.pdf"
    subprocess.run(["img2pdf", *sorted(str(p) for p in tmp.glob("page-*.png")), "-o", str(scan)], check=True,
                   timeout=120)  # fmt: skip
    return {"text": load_document(str(text)), "scan": load_document(str(scan)), "final": load_document(str(final)),
            "scan_path": scan}  # type: ignore[dict-item]  # fmt: skip


def test_scan_is_read_by_ocr_and_says_so(scans: dict[str, Document]) -> None:
    scan = scans["scan"]
    assert scan.format == "pdf+ocr" and scan.ocr_pages == [1, 2]
    assert any("OCR" in w and "1、2" in w for w in scan.warnings)
    assert scans["text"].format == "pdf" and scans["text"].ocr_pages == []
    # the running header, read a little differently on each page, is still furniture on both
    assert len([b for b in scan.dropped if "征求意见稿" in b.text]) == 2
    got, want = _nodes(scan), _nodes(scans["text"])
    assert [(n[0], n[1]) for n in got] == [(n[0], n[1]) for n in want], "the same headings and table"
    assert [key(n[2]) for n in got if n[0] == "heading"] == [key(n[2]) for n in want if n[0] == "heading"]
    table = next(n[3] for n in got if n[0] == "table")
    assert table is not None and [row[2:4] for row in table] == [row[2:4] for row in INDICATORS]


def test_scan_against_its_text_pdf_has_no_funding_or_target_finding(scans: dict[str, Document]) -> None:
    """No pledge or target changes; a measure misread in a few glyphs (same figure) is no finding,
    only named in a warning."""
    report = compare_documents(scans["text"], scans["scan"])
    assert [f for f in report.findings if f.kind.startswith(("funding", "target"))] == []
    assert all("recognition slip" in w for w in report.warnings if "OCR 识别的文字中有" in w)


def test_scan_finds_nine_tenths_of_what_the_text_finds(scans: dict[str, Document]) -> None:
    by_text = compare_documents(scans["text"], scans["final"])
    by_scan = compare_documents(scans["scan"], scans["final"])
    wanted = {(f.kind, f.draft_value, f.final_value) for f in by_text.findings}
    found = {(f.kind, f.draft_value, f.final_value) for f in by_scan.findings}
    assert len(wanted) >= 5, "the final changes pledges and targets"
    assert len(wanted & found) >= 0.9 * len(wanted), sorted(wanted - found, key=str)
    cited = [f for f in by_scan.findings if f.draft_line is not None]
    assert cited and all(f.ocr == ["draft"] for f in cited), "findings from scanned text are marked"
    assert all("OCR" in f.note and "OCR" in f.note_en for f in cited), "in every format, by the note"
    assert all("ocr" not in f.to_dict() for f in by_text.findings)


def test_ocr_never_keeps_the_old_refusal(scans: dict[str, Document]) -> None:
    proc = _cli_without(False, "outline", str(scans["scan_path"]), "--ocr", "never")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and len(err.splitlines()) == 1, err
    assert "no text layer (scanned)" in err


def test_scan_without_tesseract_names_the_packages(scans: dict[str, Document]) -> None:
    proc = _cli_without(True, "outline", str(scans["scan_path"]))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and len(err.splitlines()) == 1, err
    assert "tesseract-ocr tesseract-ocr-chi-sim" in err


def test_ocr_confusions_in_amounts_are_undone() -> None:
    fix = ocr_reader._fix_confusions
    assert fix("资金不少于5{Z元") == "资金不少于5亿元"
    assert fix("超过20人fZ元") == "超过20亿元"
    assert fix("安排3人元") == "安排3亿元"
    assert fix("按照投入额的159(给予") == "按照投入额的15%给予"
    assert fix("覆盖率二90") == "覆盖率≥90" and fix("之85") == "≥85" and fix("统筹之1") == "统筹之1"
    assert fix("工资标准的60%o。") == "工资标准的60%。" and fix("不低于40%0。") == "不低于40%。"
    assert fix("比例不低于40%0") == "比例不低于40%" and fix("标准的60%p。") == "标准的60%。"
    assert fix("增长10%050家") == "增长10%050家", "a figure after a percentage is left alone"
    # only right after a digit, or before one: ordinary text is left alone
    assert fix("二、工作要求：人员到位，(一)组织") == "二、工作要求：人员到位，(一)组织"
    assert fix("二〇二五年第二季度") == "二〇二五年第二季度"


def test_ocr_lines_are_spaced_as_printed() -> None:
    def word(text: str, x0: float, x1: float) -> dict[str, object]:
        return {"text": text, "x0": x0, "x1": x1, "size": 40.0}

    # a number and the Chinese after it, a tight box apart: no space
    assert ocr_reader._line_text([word("补助", 0, 80), word("1500", 90, 150), word("元", 160, 200)]) == "补助1500元"
    # a list number half an em before its text lost its full stop
    assert ocr_reader._line_text([word("2", 0, 20), word("提高建设标准", 40, 280)]) == "2.提高建设标准"
    # Latin words keep their space
    assert ocr_reader._line_text([word("GB/T", 0, 90), word("33190", 110, 200)]) == "GB/T 33190"


def test_ocr_always_reads_a_text_pdf_by_ocr_and_an_unknown_mode_is_refused(tmp_path: Path) -> None:
    spec: Doc = [("title", "关于开展农村人居环境整治检查的通知"),
                 ("para", "各乡镇人民政府：县财政安排检查工作经费不少于20万元，请于6月30日前完成自查。")]  # fmt: skip
    pdf = write_pdf(spec, tmp_path / "notice.pdf")
    assert revdiff.outline(str(pdf)).format == "pdf"
    doc = revdiff.outline(str(pdf), ocr="always")
    assert doc.format == "pdf+ocr" and doc.ocr_pages == [1]
    text = "".join(b.text for b in revdiff.readers.read(str(pdf), ocr="always").blocks)
    assert "20万元" in text and "6月30日" in text
    with pytest.raises(InputError, match="unknown OCR mode 'sometimes'"):
        revdiff.outline(str(pdf), ocr="sometimes")


def test_batch_manifest_rows_take_the_ocr_option() -> None:
    from revdiff.batch import parse_options

    assert parse_options("--ocr never --watch 商标") == {"ocr": "never", "watch": ["商标"]}
    with pytest.raises(ValueError, match="--ocr"):
        parse_options("--ocr sometimes")


def test_enlarged_cell_reading_only_adds_figures() -> None:
    fuse = ocr_reader._fuse
    assert fuse("86", "8.6") == "8.6" and fuse("058", "0.58") == "0.58" and fuse("1", "12") == "12"
    assert fuse("≥85", "之85") == "≥85", "a Chinese or sign misreading of the enlarged pass is not taken"
    assert fuse("%", "9%0") == "%", "no figures are added to a cell without any"
    assert fuse("预期性", "预朝性") == "预期性"
    assert fuse("", "30") == "30"


@pytest.mark.parametrize("draft_value, final_value, draft_text, final_text, expected", [
    ("30", "3", "每家最高30万元资助。", "每家最高3万元资助。", True),  # a digit dropped
    ("150", "1500", "培育优势企业150家。", "培育优势企业1500家。", True),  # a digit added
    ("10.34", "1034", "达到10.34件。", "达到1034件。", True),  # the decimal point lost
    ("30", "20", "每家最高30万元资助。", "每家最高20万元资助。", False),  # another digit: a real change
    ("30", "3", "每家最高30万元资助。", "每个项目最高3万元资助。", False),  # the sentence changed too
])
def test_one_digit_apart_on_ocr_text_is_flagged_not_trusted(draft_value: str, final_value: str, draft_text: str,
                                                           final_text: str, expected: bool) -> None:
    from revdiff.comparison import _one_digit_apart
    from revdiff.model import Finding

    f = Finding(kind="funding_changed", severity="high", note="", note_en="", draft_value=draft_value,
                final_value=final_value, draft_text=draft_text, final_text=final_text)
    assert _one_digit_apart(f) is expected


def test_a_title_read_by_ocr_is_the_same_title() -> None:
    # OCR turns （ into 〈《 and the dash between years into 一: not a title_changed;
    # other words in the title are
    from revdiff.classify.titles import _name

    printed = "青川市数字经济发展三年行动方案（2024—2026年）（征求意见稿）"
    assert _name(printed) == _name("青川市数字经济发展三年行动方案〈《2024一2026年)(征求意见稿)")
    assert _name(printed) == _name("青川市数字经济发展三年行动方案(2024-2026年)")
    assert _name(printed) != _name("青川市数字经济发展五年行动方案（2024—2028年）")
    assert _name(printed) != _name("青川市数字经济发展三年行动计划（2024—2026年）")
