"""Obligation strength: 确保 → 力争, 给予 → 鼓励, 加快 → 支持 … and the reverse."""

from __future__ import annotations

from revdiff.classify import Context
from revdiff.classify.extract import sentences
from revdiff.model import Finding

NAME = "obligations"
MAX_WORD = 6  # longest replaced text still read as a change of wording

# strong word -> weaker words that replace it
WEAKER: dict[str, tuple[str, ...]] = {
    "确保": ("力争", "争取", "努力", "推动"),
    "必须": ("应当", "要", "应", "可"),
    "应当": ("可以", "鼓励"),
    "给予": ("鼓励", "支持", "引导"),
    "加快": ("支持", "推动", "推进", "逐步", "积极", "探索"),
    "全面": ("逐步", "积极", "有序"),
    "严格": ("加强", "规范"),
    "强制": ("引导", "鼓励"),
    "建立": ("探索建立", "探索"),
}


def _sentence_at(node, offset: int) -> str:  # type: ignore[no-untyped-def]
    for s in sentences(node):
        if s.offset <= offset < s.offset + len(s.text) + 1:
            return s.text
    return node.text[max(0, offset - 30) : offset + 30]


def run(ctx: Context) -> list[Finding]:
    """Look at each replaced word of each aligned pair's diff."""
    out: list[Finding] = []
    for pair in ctx.pairs:
        if pair.draft_node is None or pair.final_node is None or pair.status == "merged":
            continue
        dpos = fpos = 0
        ops = pair.diff
        for i, (op, text) in enumerate(ops):
            # a word replaced by a word: long deletions that happen to contain 给予 are
            # removed pledges, not weakened wording
            if op == -1 and i + 1 < len(ops) and ops[i + 1][0] == 1 and len(text) <= MAX_WORD and len(ops[i + 1][1]) <= MAX_WORD:
                new = ops[i + 1][1]
                for strong, weak in WEAKER.items():
                    for w in weak:
                        if strong in text and w in new and strong not in new:
                            kind, sev, a, b = "obligation_weakened", "medium", strong, w
                        elif w in text and strong in new and w not in new:
                            kind, sev, a, b = "obligation_strengthened", "low", w, strong
                        else:
                            continue
                        dt = _sentence_at(pair.draft_node, dpos)
                        ft = _sentence_at(pair.final_node, fpos)
                        out.append(Finding(
                            kind=kind, severity=sev, subject=f"{a}→{b}", draft_text=dt, final_text=ft,
                            draft_section=pair.id, final_section=pair.id,
                            draft_line=pair.draft_node.line_at(dpos), final_line=pair.final_node.line_at(fpos),
                            note=f"措辞由“{a}”改为“{b}”，约束力{'减弱' if kind == 'obligation_weakened' else '增强'}。",
                            note_en=f"Wording changed from “{a}” to “{b}”: the obligation is "
                            f"{'weaker' if kind == 'obligation_weakened' else 'stronger'}.",
                        ))
                        break
                    else:
                        continue
                    break
            if op in (0, -1):
                dpos += len(text)
            if op in (0, 1):
                fpos += len(text)
    return out
