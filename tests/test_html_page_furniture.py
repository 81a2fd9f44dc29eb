"""A word processor's page header and footer in its HTML export are no text of the document.

LibreOffice ("Save as HTML", soffice --convert-to html) writes them as ``<div title="header">``
and ``<div title="footer">``; Word's web page as divs styled ``mso-element:header`` /
``mso-element:footer``.  The header of a draft (征求意见稿 请勿外传) read as text would make the
draft's title differ from the final's and add a section.  The pages below are invented in those
exports' markup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from revdiff.readers import DEFAULT_MAX_BYTES, read

HEADERS = {
    "libreoffice": ('<div title="header"><p align="center">临川市人民政府办公室　征求意见稿　请勿外传</p></div>',
                    '<div title="footer"><p align="center">— 1 —</p><p>内部资料 注意保存</p></div>'),
    "word": ("<div style='mso-element:header' id=h1><p class=MsoHeader>临川市人民政府办公室　征求意见稿　请勿外传</p></div>",
             "<div style='mso-element:footer' id=f1><p class=MsoFooter>— 1 —</p><p>内部资料 注意保存</p></div>"),
}


@pytest.mark.parametrize("maker", list(HEADERS))
def test_header_and_footer_divs_are_dropped_not_read(tmp_path: Path, maker: str) -> None:
    header, footer = HEADERS[maker]
    page = tmp_path / "export.html"
    page.write_text(
        f"<html><head><meta charset='utf-8'></head><body>{header}"
        "<p align=center>临川市数字乡村建设三年行动计划</p><p>一、行动目标</p>"
        "<p>到2027年，全市行政村5G网络通达率达到95%。</p>"
        f"{footer}</body></html>",
        encoding="utf-8",
    )
    raw = read(str(page), DEFAULT_MAX_BYTES)
    texts = [b.text for b in raw.blocks]
    assert texts == ["临川市数字乡村建设三年行动计划", "一、行动目标", "到2027年，全市行政村5G网络通达率达到95%。"]
    dropped = " ".join(b.text for b in raw.dropped)
    assert "请勿外传" in dropped and "内部资料" in dropped  # kept with what was dropped: nothing lost


def test_a_div_titled_otherwise_is_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><div title='正文'><p>一、行动目标</p><p>建成示范村100个。</p></div></body></html>",
                    encoding="utf-8")
    assert [b.text for b in read(str(page), DEFAULT_MAX_BYTES).blocks] == ["一、行动目标", "建成示范村100个。"]
