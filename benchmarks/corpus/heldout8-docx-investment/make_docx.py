"""Write draft.docx and final.docx of this pair: a 招商引资 若干政策 as an office types it in Word.

    python benchmarks/corpus/heldout8-docx-investment/make_docx.py

The articles are Word auto-numbered paragraphs (numPr, lvlText 第%1条 in chineseCounting: the
words 第一条 are not in the text), and the reward tiers are a Word table whose header spans two
rows (项目类别 and 实际到位外资 merged down, 奖励标准 merged across 奖励比例 | 最高奖励).  The
final drops one article and adds another, so Word renumbers the rest.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

HERE = Path(__file__).resolve().parent
NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="space"/>'
    '<w:lvlText w:val="第%1条"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
)

TITLE = "梧桐区关于进一步加大招商引资力度的若干政策"
ARTICLES = {
    "purpose": "为深入实施招商引资“一号工程”，加快引进一批投资规模大、带动能力强的优质项目，结合本区实际，制定本政策。",
    "scope": "本政策适用于在本区新注册设立、独立核算，且实际到位外资不低于{scope}万美元的外商投资企业。",
    "hq": "对新引进的世界500强企业设立的区域总部，给予一次性落户奖励{hq}万元。",
    "tiers": "对实际到位外资的企业，按照下表标准给予奖励，奖励资金分三年兑付：",
    "talent": "对新引进企业的高级管理人员，按其缴纳个人所得税区级留成部分的50%给予奖励，连续奖励3年。",
    "equipment": "对新引进的制造业项目，按其设备投资额的3%给予补助，单个项目最高不超过2000万元。",
    "end": "本政策自2025年1月1日起施行，有效期3年。2024年，全区实际使用外资4.6亿美元，同比增长12%。",
}
HEAD = ("项目类别", "实际到位外资", "奖励标准", "奖励比例", "最高奖励（万元）")


def tiers(final: bool) -> list[tuple[str, str, str, str]]:
    return [
        ("一类项目", "1000万美元（含）至5000万美元", "1%", "100"),
        ("二类项目", "5000万美元（含）至1亿美元", "1.2%" if final else "1.5%", "300"),
        ("三类项目", "1亿美元（含）以上", "2%", "600" if final else "800"),
    ]


def write(path: Path, final: bool) -> None:
    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    doc.add_paragraph(TITLE)
    if not final:
        doc.add_paragraph("（征求意见稿）")
    keys = ["purpose", "scope", "hq", "tiers"] + (["equipment"] if final else ["talent"]) + ["end"]
    values = {"scope": "3000" if final else "5000", "hq": "800" if final else "1000"}
    for key in keys:
        p = doc.add_paragraph()
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'))
        p.add_run(ARTICLES[key].format(**values))
        if key == "tiers":
            table(doc, tiers(final))
    doc.core_properties.created = doc.core_properties.modified = datetime.datetime(2025, 1, 1)
    doc.save(str(path))


def table(doc, rows: list[tuple[str, str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    t = doc.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    top, bottom = t.rows[0].cells, t.rows[1].cells
    for i in (0, 1):
        top[i].text = HEAD[i]
        top[i]._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>'))
        bottom[i]._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")}/>'))
    top[2].merge(top[3]).text = HEAD[2]
    bottom[2].text, bottom[3].text = HEAD[3], HEAD[4]
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v


if __name__ == "__main__":
    write(HERE / "draft.docx", final=False)
    write(HERE / "final.docx", final=True)
