"""Build a Report from two parsed Documents: select → align → diff → classify."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from revdiff.align import align, node_body
from revdiff.classify import DEFAULT_WATCH, Context, classify
from revdiff.diff import diff_texts, is_formatting_only
from revdiff.model import (
    SEVERITY_ORDER,
    DocInfo,
    Document,
    Finding,
    Node,
    Part,
    Report,
    SectionPair,
    SectionRef,
)
from revdiff.numbering import renumbered
from revdiff.provenance import file_digest
from revdiff.sanity import check_pair
from revdiff.select import select_parts
from revdiff.structure import compared_view
from revdiff.textkey import key


def _ref(node: Node, path: list[str]) -> SectionRef:
    return SectionRef(number=node.number, title=node.title, level=node.level, path=path,
                      line_start=node.line_start, line_end=node.line_end, kind=node.kind, page=node.page)


def _info(doc: Document, part: Part) -> DocInfo:
    title = doc.title or part.title or Path(doc.source).stem
    sha256, size = file_digest(doc.source) or (None, None)
    return DocInfo(source=doc.source, format=doc.format, encoding=doc.encoding, title=title,
                   part=part.title or title, parts=[p.title for p in doc.parts], metadata=doc.metadata,
                   sha256=sha256, size=size)


def _identical(dpart: Part, fpart: Part, pairs: list[SectionPair], findings: list[Finding]) -> list[str]:
    """Say it up front when the two texts do not differ at all (formatting aside)."""
    same_title = key(dpart.title) == key(fpart.title) or dpart.title_derived or fpart.title_derived
    if same_title and pairs and not findings and all(p.status == "unchanged" and not p.renumbered for p in pairs):
        return ["两份文件内容相同（格式差异除外），没有任何改动 / the two documents have the same content "
                "(formatting aside): nothing changed"]
    return []


def _warnings(draft: Document, final: Document, dpart: Part, fpart: Part, similarity: float) -> list[str]:
    out = []
    draft_mark = "征求意见稿" in (dpart.title + dpart.text[:200])
    final_mark = re.search(r"征求意见稿|送审稿|草案", fpart.title + fpart.text[:200])
    if final_mark and not draft_mark:
        out.append(f"定稿一侧标有“{final_mark.group(0)}”，两份文件可能放反了 / the final is marked "
                   f"“{final_mark.group(0)}”: draft and final may be swapped")
    for label, doc in (("征求意见稿 / draft", draft), ("定稿 / final", final)):
        out += [f"{label}: {w}" for w in doc.warnings]
    if similarity < 0.2:
        out.append(f"两份文件几乎没有共同内容（相似度 {similarity:.2f}），请确认是否为同一文件的两个版本 / "
                   f"the documents share almost nothing (similarity {similarity:.2f}): are they versions of one document?")
    return out


def build_report(draft: Document, final: Document, *, draft_part: str | None = None,
                 final_part: str | None = None, watch: list[str] | None = None,
                 words: bool = False, pledge_words: list[str] | tuple[str, ...] = (),
                 pledge_units: list[str] | tuple[str, ...] = (), severity: dict[str, str] | None = None,
                 settings_file: str | None = None, **_options: Any) -> Report:
    """Compare two Documents; ``watch`` adds terms to the default watch list (版权).

    ``pledge_words`` / ``pledge_units``: extra funding-pledge words and money units;
    ``severity``: finding kind → ``high``/``medium``/``low``, overriding the rules' own.
    """
    bad = {k: v for k, v in (severity or {}).items() if v not in SEVERITY_ORDER}
    if bad:
        raise ValueError(f"unknown severity {bad}: use high, medium or low")
    dsel, fsel, similarity = select_parts(draft, final, draft_part, final_part)
    dpart, fpart = compared_view(dsel), compared_view(fsel)
    links, _draft_items, _final_items = align(dpart, fpart)
    pairs: list[SectionPair] = []
    for i, link in enumerate(links, 1):
        dn = link.d.node if link.d else None
        fn = link.f.node if link.f else None
        ops: list[tuple[int, str]] = []
        formatting: list[int] = []
        if dn is not None and fn is not None:
            ops, formatting = diff_texts(node_body(dn), node_body(fn), words)
        elif dn is not None:
            ops = [(-1, node_body(dn))] if node_body(dn) else []
        elif fn is not None:
            ops = [(1, node_body(fn))] if node_body(fn) else []
        status = link.status
        if status == "modified" and is_formatting_only(ops, formatting):
            status = "unchanged"
        pair = SectionPair(
            id=f"s{i}", status=status,
            renumbered=bool(dn and fn and renumbered(dn.number, fn.number)),
            similarity=link.similarity,
            draft=_ref(dn, link.d.path) if dn and link.d else None,
            final=_ref(fn, link.f.path) if fn and link.f else None,
            diff=ops, formatting=formatting, draft_node=dn, final_node=fn,
        )
        pairs.append(pair)
    terms = list(DEFAULT_WATCH)
    for t in watch or []:
        if t and t not in terms:
            terms.append(t)
    ctx = Context(draft=dpart, final=fpart, pairs=pairs, watch=terms, pledge_words=tuple(pledge_words),
                  pledge_units=tuple(pledge_units), severity=dict(severity or {}))
    findings = classify(ctx)
    for f in findings:  # a PDF's extracted-text line means little to a reader: cite its page too
        f.draft_page = draft.pages.get(f.draft_line) if f.draft_line else None
        f.final_page = final.pages.get(f.final_line) if f.final_line else None
    warnings = (_warnings(draft, final, dsel, fsel, similarity) + _identical(dsel, fsel, pairs, findings)
                + check_pair(draft, final, dpart, fpart, similarity, pairs, findings, draft_part, final_part))
    if settings_file:
        warnings.append(f"使用了设置文件 {settings_file} / settings file {settings_file} was applied")
    return Report(draft=_info(draft, dsel), final=_info(final, fsel), sections=pairs, findings=findings,
                  warnings=warnings, watch=terms, context=ctx)

