"""Nothing of a .docx is lost: footnotes, endnotes, text boxes, content controls, fields,
comments, headers and footers each land once in the text or in what reading dropped.

The documents are invented, built here from WordprocessingML written the way Word writes it.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import docx

import revdiff
from revdiff.model import RawDoc
from revdiff.readers import docx as docx_reader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
PARTS = {  # kind: (part name, root element, content type)
    "footnotes": ("footnotes.xml", "footnotes", "footnotes+xml"),
    "endnotes": ("endnotes.xml", "endnotes", "endnotes+xml"),
    "comments": ("comments.xml", "comments", "comments+xml"),
    "header": ("header1.xml", "hdr", "header+xml"),
    "footer": ("footer1.xml", "ftr", "footer+xml"),
}
SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


def p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def fn_ref(n: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'


def note(tag: str, n: int, *texts: str) -> str:
    ref = "footnoteRef" if tag == "footnote" else "endnoteRef"
    paras = "".join(p(f"<w:r><w:{ref}/></w:r>" if i == 0 else "", r(t)) for i, t in enumerate(texts))
    return f'<w:{tag} w:id="{n}">{paras}</w:{tag}>'


def build(path: Path, body: str, **parts: str) -> Path:
    """A .docx whose body is ``body`` and whose other parts hold the given inner XML."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    rels = ""
    types = ""
    with zipfile.ZipFile(path, "w") as out:
        for kind, inner in parts.items():
            name, root, ctype = PARTS[kind]
            out.writestr(f"word/{name}", f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {NS}>{inner}</w:{root}>')
            rels += f'<Relationship Id="rIdX{kind}" Type="{REL}{kind}" Target="{name}"/>'
            types += f'<Override PartName="/word/{name}" ContentType="{CT}{ctype}"/>'
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}'
                        "<w:sectPr/></w:body></w:document>").encode()
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", types.encode() + b"</Types>")
            out.writestr(info, data)
    return path


def read(path: Path) -> RawDoc:
    return docx_reader.read(path.read_bytes(), str(path))


def texts(raw: RawDoc) -> list[str]:
    return [b.text for b in raw.blocks]


def chars(s: str) -> Counter[str]:
    return Counter(ch for ch in s if not ch.isspace())


def accounted(raw: RawDoc) -> Counter[str]:
    c: Counter[str] = Counter()
    for b in raw.blocks + raw.dropped:
        c += chars(b.text)
    return c


LEAD = "到2025年，全市新建改造城市燃气管网不少于800公里"


def test_footnote_follows_the_paragraph_that_cites_it(tmp_path: Path) -> None:
    body = p(r(LEAD), fn_ref(1), r("。")) + p(r("二、保障措施"))
    raw = read(build(tmp_path / "a.docx", body,
                     footnotes=SEPARATORS + note("footnote", 1, "含中压和低压管网。", "不含庭院管网。")))
    assert texts(raw) == [LEAD + "。", "脚注：含中压和低压管网。", "不含庭院管网。", "二、保障措施"]
    # the note cites the line of its mark, not a body line of its own
    assert [b.line for b in raw.blocks] == [1, 1, 1, 2]


def test_endnote_and_footnote_in_a_table_cell_follow_the_table(tmp_path: Path) -> None:
    table = (
        "<w:tbl>"
        + "".join(
            "<w:tr>" + "".join(f"<w:tc>{p(cell)}</w:tc>" for cell in row) + "</w:tr>"
            for row in [
                (r("指标"), r("2025年")),
                (r("燃气普及率") + fn_ref(2), r("98%")),
                (r("管网长度") + '<w:r><w:endnoteReference w:id="1"/></w:r>', r("800公里")),
            ]
        )
        + "</w:tbl>"
    )
    raw = read(build(tmp_path / "t.docx", table + p(r("三、组织实施")),
                     footnotes=SEPARATORS + note("footnote", 2, "按城区常住人口计算。"),
                     endnotes=note("endnote", 1, "数据来源：市住房城乡建设局。")))
    rows = [b.cells for b in raw.blocks if b.cells]
    assert rows == [["指标", "2025年"], ["燃气普及率", "98%"], ["管网长度", "800公里"]]
    assert texts(raw)[3:] == ["脚注：按城区常住人口计算。", "尾注：数据来源：市住房城乡建设局。", "三、组织实施"]


def test_a_change_only_inside_a_footnote_is_reported(tmp_path: Path) -> None:
    head = p(r("一、发展目标"))
    body = head + p(r(LEAD), fn_ref(1), r("。"))
    a = build(tmp_path / "draft.docx", body, footnotes=SEPARATORS + note("footnote", 1, "其中老旧管网更新改造不少于300公里。"))
    b = build(tmp_path / "final.docx", body, footnotes=SEPARATORS + note("footnote", 1, "其中老旧管网更新改造不少于200公里。"))
    result = revdiff.compare(str(a), str(b))
    # the note's changed figure is a finding, and the section holding its mark is modified
    lowered = [f for f in result.findings if f.draft_value and "300" in f.draft_value and f.final_value and "200" in f.final_value]
    assert lowered, [(f.kind, f.draft_text, f.final_text) for f in result.findings]
    assert [s.status for s in result.sections if s.status != "unchanged"] == ["modified"]


def test_text_box_read_once_though_word_keeps_a_vml_copy(tmp_path: Path) -> None:
    box = "专栏1 城市燃气管道老化更新改造工程"
    txbx = f"<w:txbxContent>{p(r(box))}</w:txbxContent>"
    drawing = (
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{txbx}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{txbx}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    raw = read(build(tmp_path / "b.docx", p(r("（一）实施管网更新"), drawing) + p(r("（二）加强监管"))))
    assert texts(raw) == ["（一）实施管网更新", box, "（二）加强监管"]


def test_text_box_inside_a_table_cell_is_not_lost(tmp_path: Path) -> None:
    txbx = f"<w:r><w:drawing><wps:txbx><w:txbxContent>{p(r('图示说明'))}</w:txbxContent></wps:txbx></w:drawing></w:r>"
    table = "<w:tbl>" + "".join(
        f"<w:tr><w:tc>{p(r(a))}</w:tc><w:tc>{p(r(b), extra)}</w:tc></w:tr>"
        for a, b, extra in [("项目", "内容", ""), ("一期", "主干网", txbx)]
    ) + "</w:tbl>"
    raw = read(build(tmp_path / "c.docx", table))
    assert "图示说明" in texts(raw)


def test_fields_content_controls_smart_tags_and_links_give_their_shown_text(tmp_path: Path) -> None:
    body = (
        p(r("详见附件"),
          '<w:fldSimple w:instr=" REF _Ref1 \\h "><w:r><w:t>2</w:t></w:r></w:fldSimple>',
          r("。"))
        + p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://example.gov.cn" </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("市政府网站"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        + '<w:sdt><w:sdtPr><w:alias w:val="文号"/></w:sdtPr><w:sdtContent>'
        + p(r("甲府办发〔2026〕7号")) + "</w:sdtContent></w:sdt>"
        + p('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">',
            r("2026年3月1日"), "</w:smartTag>", r("起施行"))
        + p('<w:hyperlink r:id="rId99">', r("政策解读"), "</w:hyperlink>")
    )
    raw = read(build(tmp_path / "f.docx", body))
    assert texts(raw) == ["详见附件2。", "市政府网站", "甲府办发〔2026〕7号", "2026年3月1日起施行", "政策解读"]
    assert not any("HYPERLINK" in b.text or "REF" in b.text for b in raw.blocks + raw.dropped)


def test_tracked_deletion_is_left_out_but_its_note_is_kept(tmp_path: Path) -> None:
    body = p(r("各区应当"), '<w:del w:id="9" w:author="甲"><w:r><w:delText>在30日内</w:delText></w:r>'
             + fn_ref(3).replace("<w:r>", '<w:r>') + "</w:del>", r("完成整改。"))
    raw = read(build(tmp_path / "d.docx", body, footnotes=SEPARATORS + note("footnote", 3, "自收到通知之日起计算。")))
    assert texts(raw) == ["各区应当完成整改。"]
    assert sorted(b.text for b in raw.dropped) == sorted(["在30日内", "自收到通知之日起计算。"])


def test_comments_headers_footers_dropped_not_lost_and_comments_warned(tmp_path: Path) -> None:
    comments = "".join(
        f'<w:comment w:id="{i}" w:author="审核人">{p(r(t))}</w:comment>'
        for i, t in enumerate(["建议删除此句", "数字请核实"])
    )
    body = (
        '<w:p><w:commentRangeStart w:id="0"/>' + r("加强燃气安全监管。") + '<w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
        + p(r("完善应急预案。"), '<w:r><w:commentReference w:id="1"/></w:r>')
    )
    path = build(tmp_path / "e.docx", body, comments=comments,
                 header=p(r("某市人民政府办公室文件")), footer=p(r("第"), '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>', r("页")))
    raw = read(path)
    assert texts(raw) == ["加强燃气安全监管。", "完善应急预案。"]
    dropped = [b.text for b in raw.dropped]
    assert {"建议删除此句", "数字请核实", "某市人民政府办公室文件", "第1页"} <= set(dropped)
    assert any("2 comment" in w for w in raw.warnings)


def test_every_character_of_every_part_is_accounted_for(tmp_path: Path) -> None:
    fn = note("footnote", 1, "含中压和低压管网。")
    en = note("endnote", 1, "数据来源：统计年鉴。")
    cm = f'<w:comment w:id="0">{p(r("请核实"))}</w:comment>'
    hdr, ftr = p(r("征求意见稿")), p(r("内部资料注意保存"))
    body = p(r(LEAD), fn_ref(1), r("。"), '<w:r><w:endnoteReference w:id="1"/></w:r>') + p(r("完善应急预案。"))
    raw = read(build(tmp_path / "all.docx", body, footnotes=SEPARATORS + fn, endnotes=en,
                     comments=cm, header=hdr, footer=ftr))
    expected = chars(LEAD + "。完善应急预案。含中压和低压管网。数据来源：统计年鉴。请核实征求意见稿内部资料注意保存")
    expected += chars("脚注：尾注：")  # the labels the reader adds
    assert accounted(raw) == expected


def test_a_note_cited_twice_is_read_once(tmp_path: Path) -> None:
    body = p(r("完善应急预案"), fn_ref(1), r("。")) + p(r("加强监管"), fn_ref(1), r("。"))
    raw = read(build(tmp_path / "twice.docx", body, footnotes=SEPARATORS + note("footnote", 1, "含专项预案。")))
    assert texts(raw) == ["完善应急预案。", "脚注：含专项预案。", "加强监管。"]
    assert raw.warnings == []  # no comments, no tracked changes: nothing to warn about


def test_header_text_box_counted_once(tmp_path: Path) -> None:
    txbx = f"<w:txbxContent>{p(r('内部资料'))}</w:txbxContent>"
    header = p(
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{txbx}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{txbx}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    raw = read(build(tmp_path / "h.docx", p(r("正文")), header=header))
    assert [b.text for b in raw.dropped] == ["内部资料"]


def test_deletion_inside_a_text_box_is_kept_once(tmp_path: Path) -> None:
    deleted = '<w:del w:id="4" w:author="甲"><w:r><w:delText>和天然气</w:delText></w:r></w:del>'
    txbx = f"<w:txbxContent>{p(r('专栏2 液化石油气'), deleted, r('安全整治'))}</w:txbxContent>"
    drawing = (
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{txbx}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{txbx}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    raw = read(build(tmp_path / "g.docx", p(r("（三）专项整治"), drawing)))
    assert texts(raw) == ["（三）专项整治", "专栏2 液化石油气安全整治"]
    assert [b.text for b in raw.dropped] == ["和天然气"]


def test_a_table_in_a_note_does_not_shift_the_lines_of_the_body(tmp_path: Path) -> None:
    rows = [("年份", "公里"), ("2024年", "500"), ("2025年", "800")]
    table = "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{p(r(c))}</w:tc>" for c in row) + "</w:tr>" for row in rows
    ) + "</w:tbl>"
    fn = f'<w:footnote w:id="1">{p("<w:r><w:footnoteRef/></w:r>", r("分年度安排如下："))}{table}</w:footnote>'
    body = p(r(LEAD), fn_ref(1), r("。")) + p(r("完善应急预案。"))
    raw = read(build(tmp_path / "nt.docx", body, footnotes=SEPARATORS + fn))
    assert texts(raw)[1] == "脚注：分年度安排如下："
    assert [b.cells for b in raw.blocks if b.cells] == [list(row) for row in rows]
    assert (raw.blocks[-1].text, raw.blocks[-1].line) == ("完善应急预案。", 2)


def test_imported_content_that_cannot_be_read_is_warned_about(tmp_path: Path) -> None:
    body = p(r("完善应急预案。")) + '<w:altChunk r:id="rIdChunk1"/>' + p(r("加强监管。"))
    raw = read(build(tmp_path / "alt.docx", body))
    assert texts(raw) == ["完善应急预案。", "加强监管。"]
    assert len(raw.warnings) == 1 and "altChunk" in raw.warnings[0] and "1 outside file" in raw.warnings[0]
