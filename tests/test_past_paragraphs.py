"""A paragraph that opens on the past (截至2023年底，…) makes its later sentences statistics, not
goals.  The past mark is looked for once a paragraph (a document saved as one long line has
thousands of sentences in one paragraph: looking again for each made it quadratic, 33 s for
400 000 characters); the answer must stay what looking at the paragraph up to the sentence gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from revdiff.classify.extract import PAST_PARAGRAPH, Sentence, _is_past, sentences
from revdiff.model import Node

PIECES = ["截至2023年底，", "全市建成基站1200个。", "到2027年力争达到2000个。", "五年来，", "新增企业50家。",
          "2022年，", "\n", "期间累计投入3亿元。", "建成示范村100个。"]


def _reference(sent: Sentence) -> bool:
    """The paragraph up to the sentence, searched whole (the rule as first written)."""
    para_start = sent.node.text.rfind("\n", 0, sent.offset) + 1
    return bool(PAST_PARAGRAPH.search(sent.node.text[para_start : sent.offset + len(sent.text)]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30))
def test_the_past_mark_of_a_paragraph_is_found_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    node = Node(kind="heading", level=1, number="一、", title="发展目标", text=text, line_start=1, line_end=1)
    for sent in sentences(node):
        if sent.in_title or not sent.text.strip():
            continue
        plain = Sentence(sent.text, node, sent.offset)  # no section, title or date rule in the way
        if re.search(r"到\s*20\d\d|力争", sent.text) or re.match(r"\s*20\d\d\s*年", sent.text):
            continue  # decided before the paragraph is looked at
        if sent.text.startswith("对"):
            continue
        assert _is_past(plain) == _reference(plain), (text, sent.text)
