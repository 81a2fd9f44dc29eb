"""A number with its unit is one token in every diff (issue 15 item 4): 150家 → 120家 is shown
as [-150家-]{+120家+}, never as 1[-5-]{+2+}0家."""

from __future__ import annotations

import pytest

from revdiff.diff import diff_texts


def changed(draft: str, final: str, words: bool = False) -> list[tuple[int, str]]:
    ops, formatting = diff_texts(draft, final, words)
    assert "".join(t for op, t in ops if op <= 0) == draft  # nothing lost
    assert "".join(t for op, t in ops if op >= 0) == final
    return [(op, t) for i, (op, t) in enumerate(ops) if op != 0 and i not in formatting]


@pytest.mark.parametrize(("draft", "final", "expected"), [
    ("到2025年，培育市级示范企业150家。", "到2025年，培育市级示范企业120家。", [(-1, "150家"), (1, "120家")]),
    ("力争到2025年底前完成改造。", "力争到2027年底前完成改造。", [(-1, "2025年"), (1, "2027年")]),
    ("万人发明专利拥有量达到10件。", "万人发明专利拥有量达到10.34件。", [(-1, "10件"), (1, "10.34件")]),
    ("对每个项目给予最高30万元补助。", "对每个项目给予最高35万元补助。", [(-1, "30万元"), (1, "35万元")]),
    ("满意度达到９０％以上。", "满意度达到８５％以上。", [(-1, "９０％"), (1, "８５％")]),
])
def test_a_changed_number_is_one_token_with_its_unit(draft: str, final: str, expected: list[tuple[int, str]]) -> None:
    assert changed(draft, final) == expected


def test_word_diffs_keep_numbers_whole_too() -> None:
    ops = changed("建成区绿化覆盖率达到41%。", "建成区绿化覆盖率达到43%。", words=True)
    assert ops == [(-1, "41%"), (1, "43%")]


def test_text_next_to_a_number_is_not_pulled_in() -> None:
    # the change is a word after the number: the number stays equal text
    assert changed("新增就业岗位500个以上。", "新增就业岗位500个左右。") == [(-1, "以上"), (1, "左右")]
