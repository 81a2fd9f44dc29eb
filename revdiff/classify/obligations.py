"""Obligation strength: 确保 → 力争, 给予 → 鼓励, 加快 → 支持, 应当 → 可以, 不得 dropped … and the reverse.

Plans and laws alike: a law's duty words are 必须 / 应当 (a duty), 可以 (a power or an option)
and 不得 / 禁止 / 严禁 (a prohibition).  A prohibition that disappears from a sentence the
revision kept weakens it; one that appears strengthens it.
"""

from __future__ import annotations

import re

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
    "不得": ("可以",),
    "禁止": ("限制", "可以"),
}
# 不得少于二人 is a threshold (thresholds.py), not a prohibition
PROHIBITION = re.compile(r"(?:不得|禁止|严禁)(?!少于|低于|超过|高于|多于)")
# imposing a penalty: 处一万元以下罚款, 并处警告, 处以拘留; 可以 / 可 before it makes it a power
_PENAL = r"(?:并处|处以|处)(?=[\d一二三四五六七八九十百千万两]|警告|拘留|罚款|违法所得|货值)"
MANDATORY = re.compile(rf"(?<!可以)(?<!可){_PENAL}")
DISCRETIONARY = re.compile(rf"可以{_PENAL}|可{_PENAL}")
# In a law 必须 and 应当 bind alike: 《立法技术规范（试行）（一）》 has duties written with 应当 and
# 必须 no longer used, so a revision that rewrites 必须 as 应当 (or 应) follows the drafting rule
# and changes no duty.
SAME_IN_LAW = {("必须", "应当"), ("必须", "应")}
DROPPED, NONE = "（删除）", "（无）"  # the "word" a dropped prohibition gave way to, or a new one replaced


def _change(ds: str, fs: str, law: bool = False) -> tuple[str, str, str] | None:
    """(kind, from-word, to-word) when a strong word gave way to a weaker one, or back.

    ``law``: the sentences are a law's, where 必须 → 应当 is drafting style, not a weaker duty."""
    for strong, weak in WEAKER.items():
        for w in weak:
            if law and (strong, w) in SAME_IN_LAW:
                continue
            if strong in ds and strong not in fs and w in fs and w not in ds and strong not in w:
                return "obligation_weakened", strong, w
            if w in ds and w not in fs and strong in fs and strong not in ds and strong not in w:
                return "obligation_strengthened", w, strong
    # a penalty that must be imposed became one that may be (处…罚款 → 可以处…罚款), or back
    dm, fm = MANDATORY.search(ds) and not DISCRETIONARY.search(ds), MANDATORY.search(fs) and not DISCRETIONARY.search(fs)
    if dm and DISCRETIONARY.search(fs) and not fm:
        return "obligation_weakened", "处", "可以处"
    if fm and DISCRETIONARY.search(ds) and not dm:
        return "obligation_strengthened", "可以处", "处"
    # a prohibition dropped with nothing in its place (不得擅自… → 擅自…), or a new one
    dp, fp = PROHIBITION.search(ds), PROHIBITION.search(fs)
    if dp and not fp:
        return "obligation_weakened", dp.group(0), DROPPED
    if fp and not dp:
        return "obligation_strengthened", NONE, fp.group(0)
    return None


def _note(a: str, b: str, weaker: bool) -> str:
    if b == DROPPED:
        return f"删除了禁止性规定“{a}”，约束力减弱。"
    if a == NONE:
        return f"新增禁止性规定“{b}”，约束力增强。"
    return f"措辞由“{a}”改为“{b}”，约束力{'减弱' if weaker else '增强'}。"


def _note_en(a: str, b: str, weaker: bool) -> str:
    if b == DROPPED:
        return f"The prohibition “{a}” was dropped: the rule is weaker."
    if a == NONE:
        return f"A prohibition “{b}” was added: the rule is stronger."
    return f"Wording changed from “{a}” to “{b}”: the obligation is {'weaker' if weaker else 'stronger'}."


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
            change = _change(d.text, f.text, law=ctx.genre == "law")
            if change is None:
                continue
            kind, a, b = change
            weaker = kind == "obligation_weakened"
            out.append(Finding(
                kind=kind, severity="medium" if weaker else "low", subject=f"{a}→{b}",
                draft_text=d.text, final_text=f.text, draft_section=pair.id, final_section=pair.id,
                draft_line=d.line, final_line=f.line,
                note=_note(a, b, weaker), note_en=_note_en(a, b, weaker),
            ))
    return out
