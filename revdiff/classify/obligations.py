"""Obligation strength: 确保 → 力争, 给予 → 鼓励, 加快 → 支持 … and the reverse."""

from __future__ import annotations

from rapidfuzz.fuzz import ratio

from revdiff.classify import Context
from revdiff.classify.extract import sentences
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "obligations"
SAME_SENTENCE = 55  # similarity (0–100) for two sentences to be one sentence reworded

# strong word -> weaker words that replace it
WEAKER: dict[str, tuple[str, ...]] = {
    "确保": ("力争", "争取", "努力", "推动"),
    "必须": ("应当", "要", "应", "可"),
    "应当": ("可以", "鼓励"),
    "给予": ("鼓励", "支持", "引导"),
    "加快": ("支持", "推动", "逐步", "积极", "探索"),
    "全面": ("逐步", "积极", "有序"),
    "严格": ("加强", "规范"),
    "强制": ("引导", "鼓励"),
    "建立": ("探索建立", "探索"),
}


def _change(ds: str, fs: str) -> tuple[str, str, str] | None:
    """(kind, from-word, to-word) when a strong word gave way to a weaker one, or back."""
    for strong, weak in WEAKER.items():
        for w in weak:
            if strong in ds and strong not in fs and w in fs and w not in ds and strong not in w:
                return "obligation_weakened", strong, w
            if w in ds and w not in fs and strong in fs and strong not in ds and strong not in w:
                return "obligation_strengthened", w, strong
    return None


def run(ctx: Context) -> list[Finding]:
    """Pair the sentences of each aligned section and compare their strongest words."""
    out: list[Finding] = []
    for pair in ctx.pairs:
        if pair.draft_node is None or pair.final_node is None or pair.status == "unchanged":
            continue
        finals = sentences(pair.final_node)
        if not finals:
            continue
        fkeys = [key(f.text) for f in finals]
        for d in sentences(pair.draft_node):
            dk = key(d.text)
            scores = [ratio(dk, fk) for fk in fkeys]
            best = max(range(len(finals)), key=scores.__getitem__)
            if scores[best] < SAME_SENTENCE or dk == fkeys[best]:
                continue
            f = finals[best]
            change = _change(d.text, f.text)
            if change is None:
                continue
            kind, a, b = change
            weaker = kind == "obligation_weakened"
            out.append(Finding(
                kind=kind, severity="medium" if weaker else "low", subject=f"{a}→{b}",
                draft_text=d.text, final_text=f.text, draft_section=pair.id, final_section=pair.id,
                draft_line=d.line, final_line=f.line,
                note=f"措辞由“{a}”改为“{b}”，约束力{'减弱' if weaker else '增强'}。",
                note_en=f"Wording changed from “{a}” to “{b}”: the obligation is {'weaker' if weaker else 'stronger'}.",
            ))
    return out
