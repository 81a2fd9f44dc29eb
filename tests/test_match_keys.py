"""Match keys: what the comparison treats as no change (width, dashes, spaces, 繁/简)."""

from __future__ import annotations

from opencc import OpenCC

from revdiff.textkey import _t2s, key, match_key


def test_traditional_table_agrees_with_opencc_for_every_character() -> None:
    table = _t2s()
    assert len(table) > 2000  # the whole TSCharacters table, not a stub
    converter = OpenCC("t2s")
    disagree = [(t, s, converter.convert(t)) for t, s in table.items() if converter.convert(t) != s]
    assert disagree == []


def test_key_folds_traditional_width_dashes_and_spaces() -> None:
    assert key("國家知識產權局") == key("国家知识产权局")
    assert key("１２３ＡＢＣ") == key("123ABC")
    assert key("2021—2025年") == key("2021-2025年")
    assert key("加强\n 知识产权\u3000保护") == key("加强知识产权保护")
    assert key("专利") != key("商标")  # different words stay different


def test_match_key_index_points_back_into_the_text() -> None:
    text = "一、 總體要求：２０２５年"
    folded, index = match_key(text)
    assert folded == "一、总体要求:2025年"
    assert len(index) == len(folded)
    for i, ch in enumerate(folded):
        assert key(text[index[i]]) == ch
