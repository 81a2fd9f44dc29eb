"""Invisible text and lying PDFs (docs/bad-input.md, "Invisible characters and PDF limits").

Zero-width and bidirectional formatting characters are removed after reading and reported;
U+2028/U+2029 end lines; a PDF's text drawn off the page or in white is left out and
reported; a PDF's page count and the bytes its streams inflate to are bounded by what is
really there, not by what the file claims.
"""

from __future__ import annotations

import json
import unicodedata
import zlib
from pathlib import Path

import pytest

import revdiff
from revdiff.errors import InputError
from revdiff.readers import pdf as pdf_reader
from revdiff.readers.invisible import _INVISIBLE

from .conftest import SAMPLES
from .test_bad_input import assert_error, run_cli

BASE = (SAMPLES / "taian-ip-outline-draft.txt").read_text(encoding="utf-8")
PLEDGE = "市财政给予每家新认定企业50万元资助。"


def _pair(tmp_path: Path, final_pledge: str) -> dict:
    (tmp_path / "d.txt").write_text(BASE + "\n" + PLEDGE + "\n", encoding="utf-8")
    (tmp_path / "f.txt").write_text(BASE + "\n" + final_pledge + "\n", encoding="utf-8")
    proc = run_cli("compare", str(tmp_path / "d.txt"), str(tmp_path / "f.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("mark", ["\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_zero_width_character_inside_an_amount_is_no_change(tmp_path: Path, mark: str) -> None:
    report = _pair(tmp_path, PLEDGE.replace("50", "5" + mark + "0"))
    assert report["findings"] == [], "an invisible character made a finding"
    warning = next(w for w in report["warnings"] if w.startswith("定稿"))
    assert f"U+{ord(mark):04X}" in warning and str(len(BASE.splitlines()) + 2) in warning


def test_rtl_override_cannot_disguise_an_amount(tmp_path: Path) -> None:
    # displayed as 50万元 by a browser, but the characters are 元万05: after removing the
    # override the text is what it says, and the change from 50万元 is a real finding
    report = _pair(tmp_path, PLEDGE.replace("50万元", "\u202e元万05\u202c"))
    assert any(f["kind"].startswith("funding") and f["draft_value"] == "50" for f in report["findings"])
    assert any("U+202E" in w for w in report["warnings"])


def test_a_real_change_next_to_an_invisible_character_is_still_found(tmp_path: Path) -> None:
    report = _pair(tmp_path, PLEDGE.replace("50", "3\u200b0"))
    changed = [f for f in report["findings"] if f["kind"] == "funding_changed"]
    assert [(f["draft_value"], f["final_value"]) for f in changed] == [("50", "30")]


def test_line_separators_end_lines(tmp_path: Path) -> None:
    (tmp_path / "ls.txt").write_text(BASE.replace("\n", "\u2028"), encoding="utf-8")
    proc = run_cli("compare", str(SAMPLES / "taian-ip-outline-draft.txt"), str(tmp_path / "ls.txt"),
                   "--format", "json")
    report = json.loads(proc.stdout)
    assert report["findings"] == []
    assert all(s["status"] == "unchanged" for s in report["sections"])


def test_only_invisible_characters_is_no_document(tmp_path: Path) -> None:
    (tmp_path / "zw.txt").write_text("\u200b\u200c\u200d\n\ufeff\u2060\u202e\n", encoding="utf-8")
    assert_error(run_cli("outline", str(tmp_path / "zw.txt")), "no document text")


def test_the_invisible_class_holds_every_format_character() -> None:
    format_chars = [c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert [hex(c) for c in format_chars if not _INVISIBLE.match(chr(c))] == []
    assert not _INVISIBLE.search("市财政 50万元，　—（一）\t")


# ---------------------------------------------------------------------------------- PDF


def _hidden_text_pdf(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "一、支持措施")
    c.drawString(72, 740, "市财政给予每家新认定企业50万元资助。")
    c.setFillColorRGB(0, 0, 0)
    c.rect(72, 700, 200, 20, fill=1)  # a header cell printed in reverse: white on black, visible
    c.setFillColorRGB(1, 1, 1)
    c.drawString(76, 705, "重点指标说明")
    c.drawString(72, 660, "另对每家企业给予100万元奖励。")  # white on the white page
    c.setFillColorRGB(0, 0, 0)
    c.drawString(-900, 600, "再给予200万元补贴。")  # off the page
    c.showPage()
    c.save()
    return path


def test_pdf_text_off_the_page_or_in_white_is_left_out_and_reported(tmp_path: Path) -> None:
    raw = pdf_reader.read(_hidden_text_pdf(tmp_path / "h.pdf").read_bytes(), "h.pdf")
    text = "\n".join(b.text for b in raw.blocks)
    assert "50万元" in text and "重点指标说明" in text
    assert "100万元" not in text and "200万元" not in text
    dropped = "".join(b.text for b in raw.dropped)
    assert "100万元" in dropped and "200万元" in dropped, "hidden text is accounted for, not lost"
    assert len(raw.warnings) == 1 and "第 1 页" in raw.warnings[0]


def test_pdf_with_more_pages_than_its_count_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "lying.pdf"
    c = canvas.Canvas(str(path))
    for page in range(5):
        c.drawString(100, 700, f"page {page} text")
        c.showPage()
    c.save()
    data = path.read_bytes().replace(b"/Count 5", b"/Count 1")
    assert b"/Count 1" in data
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    with pytest.raises(InputError, match="more than 3 pages .its page count says 1"):
        pdf_reader.read(data, "lying.pdf")


def _bomb_pdf(path: Path, inflated_mb: int, image: bool = False) -> Path:
    squeezer = zlib.compressobj(9)
    body = b"".join(squeezer.compress(b"\0" * (1 << 20)) for _ in range(inflated_mb)) + squeezer.flush()
    kind = b"/Subtype /Image " if image else b""
    obj = b"4 0 obj\n<< " + kind + b"/Length %d /Filter /FlateDecode >>\nstream\n" % len(body)
    path.write_bytes(b"%PDF-1.4\n" + obj + body + b"\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n")
    return path


def test_flate_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    bomb = _bomb_pdf(tmp_path / "bomb.pdf", 300)
    assert bomb.stat().st_size < 1 << 20  # 300 MB of content in under 1 MB
    assert_error(run_cli("outline", str(bomb)), "Flate bomb")


def test_flate_budget_skips_images_and_counts_the_rest(tmp_path: Path) -> None:
    image = _bomb_pdf(tmp_path / "image.pdf", 3, image=True).read_bytes()
    pdf_reader._refuse_flate_bomb(image, "image.pdf", budget=1 << 20)  # images are not inflated by the reader
    content = _bomb_pdf(tmp_path / "content.pdf", 3).read_bytes()
    with pytest.raises(InputError, match="inflate to more than 1 MB"):
        pdf_reader._refuse_flate_bomb(content, "content.pdf", budget=1 << 20)
    pdf_reader._refuse_flate_bomb(content, "content.pdf", budget=4 << 20)


def test_ordinary_pdf_has_no_hidden_text_warning() -> None:
    doc = revdiff.outline(str(Path(__file__).parent / "fixtures" / "sample.pdf"))
    assert doc.warnings == []
