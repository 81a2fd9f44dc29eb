"""Property tests of the whole comparison on random documents of the genre.

Random chapters, subsections and items with random Chinese/ASCII/number bodies; the final is
made by random edits, moves, cuts and renumbering.  Whatever the edits, every section of each
compared part appears exactly once on its side of the alignment (a final section may be the
target of several merged entries), and every pair's diff ops rebuild both bodies exactly.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revdiff.align import node_body
from revdiff.clean import clean
from revdiff.comparison import build_report
from revdiff.model import Block, Document, RawDoc
from revdiff.select import select_parts
from revdiff.structure import compared_view, parse

CN = "一二三四五六七八九十"
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x62FF)
sentence = st.builds(
    lambda words, num, tail: "".join(words) + num + tail,
    st.lists(st.text(alphabet=cjk, min_size=2, max_size=6), min_size=2, max_size=8),
    st.sampled_from(["", "达到10件", "50万元", "≥90", " 2025 年", "ABC", "（试行）"]),
    st.sampled_from(["。", "；", "，并推进落实。"]),
)
body = st.lists(sentence, min_size=1, max_size=4).map("".join)
item = st.tuples(st.text(alphabet=cjk, min_size=3, max_size=10), body)
sub = st.tuples(st.text(alphabet=cjk, min_size=3, max_size=10), st.lists(item, min_size=0, max_size=4))
chapter = st.tuples(st.text(alphabet=cjk, min_size=2, max_size=8), st.lists(sub, min_size=1, max_size=3))
doc_spec = st.lists(chapter, min_size=1, max_size=4)


def render(spec: list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]]) -> list[str]:
    """Lines of a document: 一、chapter / （一）subsection / 1.item。body."""
    lines = ["临川市某领域发展规划", "为推进相关工作，制定本规划。"]
    for ci, (ctitle, subs) in enumerate(spec):
        lines.append(f"{CN[ci % 10]}、{ctitle}")
        for si, (stitle, items) in enumerate(subs):
            lines.append(f"（{CN[si % 10]}）{stitle}")
            for ii, (ititle, text) in enumerate(items):
                lines.append(f"{ii + 1}.{ititle}。{text}")
    return lines


@st.composite
def pair(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    spec = draw(doc_spec)
    final = [(c, [(s, list(items)) for s, items in subs]) for c, subs in spec]
    if len(final) > 1 and draw(st.booleans()):
        del final[draw(st.integers(0, len(final) - 1))]  # a chapter cut: the rest renumbered
    if len(final) > 1 and draw(st.booleans()):
        i, j = draw(st.integers(0, len(final) - 1)), draw(st.integers(0, len(final) - 1))
        final[i], final[j] = final[j], final[i]  # chapters moved
    for _, subs in final:
        for _, items in subs:
            if items and draw(st.booleans()):
                k = draw(st.integers(0, len(items) - 1))
                title, text = items[k]
                items[k] = (title, text[: len(text) // 2] + draw(sentence) + text[len(text) // 2 :])
            if len(items) > 1 and draw(st.booleans()):
                a = items.pop(0)  # two items folded into one
                items[0] = (items[0][0], a[1] + items[0][1])
    return render(spec), render(final)


def document(lines: list[str], name: str) -> Document:
    raw = RawDoc(name, "txt", "utf-8", [Block(t, i) for i, t in enumerate(lines, 1)])
    return parse(clean(raw))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair())
def test_every_section_appears_once_and_diffs_rebuild(lines: tuple[list[str], list[str]]) -> None:
    d, f = document(lines[0], "draft.txt"), document(lines[1], "final.txt")
    report = build_report(d, f)
    draft_seen = Counter(p.draft_node.id for p in report.sections if p.draft_node is not None)
    final_seen = Counter(p.final_node.id for p in report.sections if p.final_node is not None and p.status != "merged")
    dpart, fpart, _ = select_parts(d, f)
    dnodes = [n.id for n in compared_view(dpart).nodes()]
    fnodes = [n.id for n in compared_view(fpart).nodes()]
    assert sorted(draft_seen) == sorted(dnodes) and set(draft_seen.values()) <= {1}
    merged_targets = {p.final_node.id for p in report.sections if p.status == "merged" and p.final_node}
    for fid in fnodes:
        assert final_seen[fid] == 1 or (final_seen[fid] == 0 and fid in merged_targets), fid
    for p in report.sections:
        if p.draft_node is not None and p.final_node is not None:
            assert "".join(t for op, t in p.diff if op <= 0) == node_body(p.draft_node)
            assert "".join(t for op, t in p.diff if op >= 0) == node_body(p.final_node)
        elif p.draft_node is not None:
            assert "".join(t for _, t in p.diff) == node_body(p.draft_node)
        elif p.final_node is not None:
            assert "".join(t for _, t in p.diff) == node_body(p.final_node)
