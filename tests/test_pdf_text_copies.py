"""A PDF's text saved as .txt (pdftotext, or copied out of a PDF viewer): every printed line a
line, page breaks as form feeds, running headers on every page, letter-spaced headings broken
apart, the 版记 over two lines.

Such a copy of a text-only pair (tests/layouts: the 公文 plan with 专栏 boxes, the 部门规章)
must compare as the .txt it was printed from.  Tables are not rebuilt: pdftotext writes a
table's cells one per line, in an order no reader can put back (the PDF itself is read
whole, tests/test_layouts.py).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import revdiff
from revdiff.clean import clean
from revdiff.readers import DEFAULT_MAX_BYTES, read
from tests.layouts.check import differences, files, signature, text_signature

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@needs_pdftotext
@pytest.mark.parametrize("name", ["boxes", "filing-measures"])
def test_pdftotext_copy_compares_as_the_text_it_was_printed_from(name: str, tmp_path: Path) -> None:
    pdfs = files(name, "pdf")
    assert pdfs is not None
    copies = []
    for pdf in pdfs:
        out = tmp_path / f"{pdf.stem}.txt"
        subprocess.run(["pdftotext", str(pdf), str(out)], check=True)
        copies.append(out)
    got = signature(revdiff.compare(str(copies[0]), str(copies[1])).to_dict())
    assert differences(text_signature(name), got) == []


# An invented 市交通运输局 规范性文件 as pdftotext writes it: 28-character lines (fewer where
# figures and Latin letters, half as wide, stand), a form feed between pages, the office's
# running header on each page, 总则 letter-spaced, the page number, and the 版记 at the end.
HEADER = "北川市交通运输局规范性文件"
PAGES = [
    [HEADER, "北川市网络预约出租汽车经营服务管理细则", "第一章 总", "", "则",
     "第一条 为规范网络预约出租汽车经营服务行为，保障运营",
     "安全和乘客合法权益，根据有关法律法规，结合本市实际，",
     "制定本细则。",
     "第二条 本市行政区域内从事网约车经营服务的，适用本细",
     "则。驾驶员应当在接单后 5 分钟内到达约定地点，超过 15",
     "分钟未到达的，乘客可以免费取消订单。",
     "—1—"],
    [HEADER, "第三条 网约车平台公司应当在取得经营许可之日起三十日",
     "内，向市交通运输主管部门备案；违反规定的，处五千元以",
     "上一万元以下的罚款。",
     "抄送：市公安局，市市场监管局。", "北川市交通运输局办公室", "2025 年 3 月 1 日印发", "—2—"],
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "pdf-copy.txt"
    path.write_text("\f".join("\n".join(lines) + "\n" for lines in PAGES) + "\f", encoding="utf-8")
    return path


def test_wrapped_lines_are_joined_into_their_articles(tmp_path: Path) -> None:
    raw = clean(read(str(_write(tmp_path)), DEFAULT_MAX_BYTES))
    texts = [b.text for b in raw.blocks if b.text.strip()]
    assert "第二条 本市行政区域内从事网约车经营服务的，适用本细则。驾驶员应当在接单后 5 分钟内到达约定地点，超过 15分钟未到达的，乘客可以免费取消订单。" in texts
    assert "第三条 网约车平台公司应当在取得经营许可之日起三十日内，向市交通运输主管部门备案；违反规定的，处五千元以上一万元以下的罚款。" in texts
    assert "第一条 为规范网络预约出租汽车经营服务行为，保障运营安全和乘客合法权益，根据有关法律法规，结合本市实际，制定本细则。" in texts


def test_page_furniture_and_the_imprint_are_not_text(tmp_path: Path) -> None:
    raw = clean(read(str(_write(tmp_path)), DEFAULT_MAX_BYTES))
    texts = [b.text.strip() for b in raw.blocks]
    assert HEADER not in texts and "—1—" not in texts  # running header, page number
    assert "第一章 总 则" in texts and "则" not in texts  # the letter-spaced heading, whole
    assert raw.metadata["印发机关"] == "北川市交通运输局办公室" and raw.metadata["印发日期"] == "2025年3月1日"
    assert raw.metadata["抄送"] == "市公安局，市市场监管局。"
    assert not any("印发" in t or "抄送" in t for t in texts)
    dropped = [b.text.strip() for b in raw.dropped]
    assert dropped.count(HEADER) == 2  # kept with what was dropped, nothing lost
    assert {b.page for b in raw.blocks if "第三条" in b.text} == {2}


def test_the_law_and_its_penalty_are_read_from_the_copy(tmp_path: Path) -> None:
    doc = revdiff.outline(str(_write(tmp_path)))
    articles = [n.number for p in doc.parts for n in p.nodes() if n.number.startswith("第") and n.number.endswith("条")]
    assert articles == ["第一条", "第二条", "第三条"]
    assert doc.parts[0].nodes()[0].title == "总则"


def test_a_text_with_a_paragraph_per_line_is_not_read_as_wrapped(tmp_path: Path) -> None:
    """Short paragraphs each on a line (a web page saved as text) end their sentences: no
    line is joined to the next however short the page."""
    lines = ["北湖区关于支持青年人才的若干措施", "一、支持安居"]
    lines += [f"（{n}）对来区工作的青年人才，给予每人{n}万元补贴，按年度发放。" for n in "一二三四五六七八"]
    # a heading as wide as the paragraphs, then a paragraph with no number of its own
    lines += ["二、加快建设青年发展型城市的人才安居保障和服务支持", "区财政每年安排青年人才专项资金五千万元，用于上述补贴。"]
    path = tmp_path / "web.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raw = clean(read(str(path), DEFAULT_MAX_BYTES))
    assert [b.text for b in raw.blocks if b.text.strip()][1:] == lines[1:]


def test_a_list_of_names_one_a_line_is_not_read_as_wrapped(tmp_path: Path) -> None:
    """A 名单 (names of units, each on its line, no punctuation) is no wrapped prose."""
    names = [f"北川市{w}智能装备科技有限公司第{n}分公司" for w in ("东湖", "西山", "南岭", "北塘") for n in "一二三"]
    path = tmp_path / "list.txt"
    path.write_text("2025年度市级专精特新企业名单\n" + "\n".join(names) + "\n", encoding="utf-8")
    raw = clean(read(str(path), DEFAULT_MAX_BYTES))
    assert [b.text for b in raw.blocks if b.text.strip()][1:] == names


def test_a_drafts_circulation_stamp_is_not_its_title(tmp_path: Path) -> None:
    """A one-page copy shows its header once: 某办公室 征求意见稿 请勿外传 above the title is a stamp."""
    path = tmp_path / "draft.txt"
    path.write_text("北川市交通运输局办公室 征求意见稿 请勿外传\n\n北川市网约车管理细则\n一、总则\n本细则适用于本市。\n",
                    encoding="utf-8")
    raw = clean(read(str(path), DEFAULT_MAX_BYTES))
    assert [b.text for b in raw.blocks if b.text.strip()][0] == "北川市网约车管理细则"
    assert any("请勿外传" in b.text for b in raw.dropped)
    # a sentence that only mentions such a stamp is text
    path.write_text("北川市网约车管理细则\n一、总则\n涉密文件应当标注内部资料。\n", encoding="utf-8")
    assert "涉密文件应当标注内部资料。" in [b.text for b in clean(read(str(path), DEFAULT_MAX_BYTES)).blocks]
