"""Build a Report from two parsed Documents: select → align → diff → classify."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from revdiff.align import node_body
from revdiff.classify import Context, classify
from revdiff.classify.extract import ANNEX_CITED
from revdiff.classify.terms import occurs
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


def _one_digit_apart(f: Finding) -> bool:
    """The two values differ by one digit (or decimal point) dropped or added, and the two
    sentences differ in nothing else: 30万元 read as 3万元 is what OCR does to a scan."""
    dv, fv = f.draft_value or "", f.final_value or ""
    short, long_ = sorted((dv, fv), key=len)
    if not short or len(long_) != len(short) + 1:
        return False
    if not any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_))):
        return False
    a, b = key(f.draft_text or ""), key(f.final_text or "")
    return a.replace(key(dv), "#", 1) == b.replace(key(fv), "#", 1)


def _ocr_slips(slips: list[Finding]) -> list[str]:
    """The warning for measures that differ only in glyphs OCR misread (not reported as findings)."""
    if not slips:
        return []
    zh = "；".join(f.note.rstrip("。") for f in slips[:5])
    en = "; ".join(f.note_en.rstrip(".") for f in slips[:5])
    more = "…" if len(slips) > 5 else ""
    return [f"OCR 识别的文字中有 {len(slips)} 处数值相同、只差个别单字的指标或资金表述，可能是识别差异，未作为发现报告："
            f"{zh}{more} / {len(slips)} target(s) or pledge(s) with the same figure whose words differ only in a few "
            f"single characters of text read by OCR are not reported as findings (possibly recognition slips): {en}{more}"]


SLIPS = 3  # single characters two OCR readings of one sentence may differ in (数 → 效 twice, 源 → 产)


def _glyphs_apart(f: Finding) -> bool:
    """The finding's two texts differ only in a few Chinese characters each replaced by one
    other (and punctuation).

    A target "redefined" that way on a page read by OCR is most likely misread glyphs
    (增 → 雹, 数 → 效): a real redefinition renames the measure, with words of other
    lengths (专利权 → 知识产权, 有效发明专利 → 高价值发明专利).
    """
    from rapidfuzz.distance import Levenshtein

    a, b = key(f.draft_text or ""), key(f.final_text or "")
    cjk = 0
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            continue
        changed = a[op.src_start : op.src_end] + b[op.dest_start : op.dest_end]
        hanzi = sum(1 for ch in changed if "\u4e00" <= ch <= "\u9fff")
        if hanzi and (op.tag != "replace" or op.src_end - op.src_start != 1 or op.dest_end - op.dest_start != 1):
            return False
        cjk += hanzi
    return 2 <= cjk <= 2 * SLIPS


def _same_figure(a: str, b: str) -> bool:
    """Two runs of digits are the same figure, or one holds the other (the reading of a word
    and the figure the sentence shows after the reader's fixes: "209(" → 20%)."""
    return a == b or (len(a) >= 2 and len(b) >= 2 and (a in b or b in a))


def _doubtful_figure(f: Finding, draft: Document, final: Document) -> bool:
    """A figure in the OCR text the finding quotes was read with low confidence.

    The reader keeps, for every recognised line, the words holding digits that Tesseract
    was unsure of.  A sentence runs over a few printed lines from the one a finding cites;
    a doubtful word there whose digits stand in the quoted sentence (or, when that side
    quotes nothing — a pledge that seems removed — any doubtful word there) may be where
    the change comes from.
    """
    for side in f.ocr:
        doc, line, text = (draft, f.draft_line, f.draft_text) if side == "draft" else (final, f.final_line, f.final_text)
        if line is None:
            continue
        quoted = re.findall(r"\d+", key(text)) if text else None
        for near in range(line - 1, line + 4):
            for word in doc.ocr_doubts.get(near, []):
                if quoted is None or any(_same_figure(d, q) for d in re.findall(r"\d+", word) for q in quoted):
                    return True
    return False


def _still_there(f: Finding, draft: Document, final: Document) -> bool:
    """The pledge or target a finding says was removed (or added) is still in the OCR text of
    the other side, read a little differently: a misread figure or unit, not a change.

    The sentence is looked for in that side's text around the line the finding cites; it is
    still there when a stretch of that text differs from it in at most ``SLIPS`` characters
    and in length by at most one (12 read as 也, 15家 as 15冢).  Taking a figure out of a
    sentence shortens it by the figure and its unit (最高500万元), so a real removal is not.
    """
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.fuzz import partial_ratio_alignment

    if f.kind.endswith("_removed"):
        side, doc, line, sentence = "final", final, f.final_line, f.draft_text
    elif f.kind.endswith("_added"):
        side, doc, line, sentence = "draft", draft, f.draft_line, f.final_text
    else:
        return False
    if side not in f.ocr or line is None or not sentence:
        return False
    near = []
    for part in doc.parts:
        for node in part.nodes():
            if node.line_start - 3 <= line <= node.line_end + 3:
                near.append(node.text)
                near += [" | ".join(row) for row in node.rows or []]
    wanted, text = key(sentence), key("\n".join(near))
    if not wanted or not text:
        return False
    found = partial_ratio_alignment(wanted, text)
    if found is None:
        return False
    stretch = text[found.dest_start : found.dest_end]
    return abs(len(stretch) - len(wanted)) <= 1 and Levenshtein.distance(wanted, stretch) <= SLIPS


def _ref(node: Node, path: list[str]) -> SectionRef:
    return SectionRef(number=node.number, title=node.title, level=node.level, path=path,
                      line_start=node.line_start, line_end=node.line_end, kind=node.kind, page=node.page,
                      unit=node.unit)


def _info(doc: Document, part: Part) -> DocInfo:
    title = doc.title or part.title or Path(doc.source).stem
    sha256, size = file_digest(doc.source) or (None, None)
    return DocInfo(source=doc.source, format=doc.format, encoding=doc.encoding, title=title,
                   part=part.title or title, parts=[p.title for p in doc.parts], metadata=doc.metadata,
                   genre=part.genre, sha256=sha256, size=size)


def _article_map(pairs: list[SectionPair], unit: str) -> list[dict[str, Any]]:
    """Old → new numbers of the genre's unit (laws: 条) in reading order (``null`` on a missing side)."""
    return [{"draft": p.draft.number if p.draft else None, "final": p.final.number if p.final else None,
             "status": p.status}
            for p in pairs if unit in (p.draft and p.draft.unit, p.final and p.final.unit)]


def _identical(dpart: Part, fpart: Part, pairs: list[SectionPair], findings: list[Finding]) -> list[str]:
    """Say it up front when the two texts do not differ at all (formatting aside)."""
    same_title = key(dpart.title) == key(fpart.title) or dpart.title_derived or fpart.title_derived
    if same_title and pairs and not findings and all(p.status == "unchanged" and not p.renumbered for p in pairs):
        return ["两份文件内容相同（格式差异除外），没有任何改动 / the two documents have the same content "
                "(formatting aside): nothing changed"]
    return []


def _warnings(draft: Document, final: Document, dpart: Part, fpart: Part, similarity: float) -> list[str]:
    out = []
    # a draft law's first and second readings are both 草案: only a final marked as a draft when
    # the draft is not says the two may be swapped
    draft_mark = re.search(r"征求意见稿|送审稿|草案", dpart.title + dpart.text[:200])
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


def _mute_after_cut(findings: list[Finding], pairs: list[SectionPair], draft: tuple[Document, Part],
                    final: tuple[Document, Part]) -> list[Finding]:
    """Drop what only a cut copy made (its warning comes from reading): the sections after
    the last aligned pair that look removed (final cut) or added (draft cut), and the
    findings inside them.  Only when the cut is in the compared part (a cut attachment
    after it takes nothing from it)."""
    muted: set[str] = set()
    broken: dict[str, str] = {}  # pair id -> "added"/"removed": the pair the copy breaks off in
    for (doc, part), lost in ((final, "removed"), (draft, "added")):
        if doc.cut_line is None or not part.line_start <= doc.cut_line <= max(part.line_end, part.line_start):
            continue
        last_pair = max((i for i, p in enumerate(pairs) if p.draft_node is not None and p.final_node is not None),
                        default=-1)
        muted |= {p.id for p in pairs[last_pair + 1 :] if p.status == lost}
        # the last aligned section lost its own tail too: a commitment the other side has there
        # (建设…基地5个 after "建设数字农业示……") is not new, nor cut
        cut_node = (pairs[last_pair].final_node if lost == "removed" else pairs[last_pair].draft_node) \
            if last_pair >= 0 else None
        if cut_node is not None and cut_node.line_start <= doc.cut_line <= cut_node.line_end:
            broken[pairs[last_pair].id] = lost
    for p in pairs:
        p.beyond_cut = p.id in muted
    if not muted and not broken:
        return findings
    kept = [f for f in findings if not ({f.draft_section, f.final_section} - {None}) <= muted
            and not any(f.kind.endswith("_" + lost) and pid in (f.draft_section, f.final_section)
                        for pid, lost in broken.items())]
    for i, f in enumerate(kept, 1):
        f.id = f"f{i}"
    return kept


def _cites_annex(part: Part) -> bool:
    return bool(ANNEX_CITED.search(part.text + "".join(n.title + n.text for n in part.nodes())))


def _with_cited_annexes(doc: Document, part: Part, cited: bool) -> Part:
    """The part as compared, with its 附件 appended as sections when either version's text
    cites an annex for its figures (``cited``): the standards a text gives by 按附件所列标准
    are part of what it promises, whether only the final moved them out of the text into an
    annex table or both versions keep them there (a 补贴标准 table whose rows were cut)."""
    view = compared_view(part)
    if part.kind != "document" or part.genre != "plan":  # a law's articles are mapped one by one
        return view
    annexes = [p for p in doc.parts if p.kind == "attachment" and p is not part]
    if not annexes or not cited:
        return view
    return replace(view, sections=view.sections + [n for a in annexes for n in compared_view(a).sections])


def build_report(draft: Document, final: Document, *, draft_part: str | None = None,
                 final_part: str | None = None, watch: list[str] | None = None,
                 words: bool = False, pledge_words: list[str] | tuple[str, ...] = (),
                 pledge_units: list[str] | tuple[str, ...] = (), severity: dict[str, str] | None = None,
                 settings_file: str | None = None, genre: str | None = None,
                 pins: Sequence[tuple[str, str]] = (), **_options: Any) -> Report:
    """Compare two Documents; ``watch`` adds terms to the genre's default watch list (plans:
    版权; laws: none), whose terms are watched only where they occur in either compared part.

    ``pledge_words`` / ``pledge_units``: extra funding-pledge words and money units;
    ``severity``: finding kind → ``high``/``medium``/``low``, overriding the rules' own;
    ``genre``: the genre to compare in (default: the compared parts' own when they agree,
    else plan); ``pins``: (draft, final) article numbers a reviewer paired by hand (laws).
    """
    from revdiff import genres

    bad = {k: v for k, v in (severity or {}).items() if v not in SEVERITY_ORDER}
    if bad:
        raise ValueError(f"unknown severity {bad}: use high, medium or low")
    dsel, fsel, similarity = select_parts(draft, final, draft_part, final_part)
    kind = genres.get(genre or (dsel.genre if dsel.genre == fsel.genre else "plan"))
    cited = _cites_annex(dsel) or _cites_annex(fsel)
    dpart, fpart = _with_cited_annexes(draft, dsel, cited), _with_cited_annexes(final, fsel, cited)
    links = kind.align(dpart, fpart, pins)
    pairs: list[SectionPair] = []
    for i, link in enumerate(links, 1):
        dn = link.d.node if link.d else None
        fn = link.f.node if link.f else None
        ops: list[tuple[int, str]] = []
        formatting: list[int] = []
        if dn is not None and fn is not None and kind.name == "law" and dn.unit == fn.unit and dn.unit in ("条", None):
            from revdiff.genres.law import article_diff

            # an article 款 by 款; a 题注 or 目录 line by line
            ops, formatting = article_diff(node_body(dn), node_body(fn), words)
        elif dn is not None and fn is not None:
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
        if dn is not None and fn is not None and dn.unit == fn.unit == "条":
            from revdiff.genres.law import clause_changes

            pair.clauses = clause_changes(dn.text, fn.text)
        pairs.append(pair)
    if kind.name == "law":
        from revdiff.genres.law import link_moved_clauses

        link_moved_clauses(pairs)
    # a default term neither text uses is no question the reviewer asked: it is not reported
    terms = [t for t in kind.watch if occurs(t, dpart) or occurs(t, fpart)]
    for t in watch or []:
        if t and t not in terms:
            terms.append(t)
    ctx = Context(draft=dpart, final=fpart, pairs=pairs, watch=terms, pledge_words=tuple(pledge_words),
                  pledge_units=tuple(pledge_units), severity=dict(severity or {}), genre=kind.name)
    findings = _mute_after_cut(classify(ctx), pairs, (draft, dsel), (final, fsel))
    if kind.name == "law":  # a revision has a text before and after, not a draft and a final
        from revdiff.render.i18n import revision_wording

        for f in findings:
            f.note, f.note_en = revision_wording(f.note, "zh"), revision_wording(f.note_en, "en")
    slips: list[Finding] = []  # same figure, a few single glyphs apart on text read by OCR
    for f in findings:  # a PDF's extracted-text line means little to a reader: cite its page too
        f.draft_page = draft.pages.get(f.draft_line) if f.draft_line else None
        f.final_page = final.pages.get(f.final_line) if f.final_line else None
        # text read by OCR may hold recognition errors: the finding says which side is
        f.ocr = [side for side, doc, page in (("draft", draft, f.draft_page), ("final", final, f.final_page))
                 if page is not None and page in doc.ocr_pages]  # fmt: skip
        if f.ocr and f.kind in ("target_changed", "funding_changed") and f.direction == "redefined" and _glyphs_apart(f):
            slips.append(f)  # not a finding: said in a warning below
        elif f.ocr and f.kind in ("funding_changed", "target_changed", "penalty_changed") and _one_digit_apart(f):
            f.severity = "low"
            f.note += "（两边只差一位数字，且出自 OCR 识别的文字，可能是漏识或多识了一个数字，请核对原件）"
            f.note_en += (" (The amounts differ by one digit in text read by OCR: possibly a digit the"
                          " recognition dropped or added; check the scan.)")
        elif f.ocr and (f.draft_value or f.final_value) and _still_there(f, draft, final):
            f.severity = "low"
            f.note += "（该句仍在 OCR 识别的文字中，只有个别字不同，可能是识别错误，请核对原件）"
            f.note_en += (" (The sentence is still in the text read by OCR, a few characters apart: possibly a"
                          " recognition error; check the scan.)")
        elif f.ocr and (f.draft_value or f.final_value) and _doubtful_figure(f, draft, final):
            f.severity = "low"
            f.note += "（引文中有 OCR 识别把握不大的数字，可能是识别错误，请核对原件）"
            f.note_en += (" (A figure in the text quoted was read by OCR with low confidence: possibly a"
                          " recognition error; check the scan.)")
        elif f.ocr:  # every format shows the note: the reader knows to check the scan
            sides = "、".join({"draft": "征求意见稿", "final": "定稿"}[x] for x in f.ocr)
            f.note += f"（{sides}的引文出自 OCR 识别的文字）"
            f.note_en += f" (The {' and '.join(f.ocr)} text quoted was read by OCR.)"
    if slips:
        # A pledge or target "redefined" with the same figure, its words a few single glyphs
        # apart (增加值 read 雹加值), on text read by OCR, is a misreading, not a change: it is no
        # finding; the warning names each, and the text diff still shows the glyphs.
        findings = [f for f in findings if f not in slips]
        for i, f in enumerate(findings, 1):
            f.id = f"f{i}"
    warnings = (_ocr_slips(slips) + _warnings(draft, final, dsel, fsel, similarity) + _identical(dsel, fsel, pairs, findings)
                # a table in an annex the text cites is no sign of a rendition that dropped tables
                + check_pair(draft, final, compared_view(dsel), compared_view(fsel), similarity, pairs, findings,
                             draft_part, final_part))
    if settings_file:
        warnings.append(f"使用了设置文件 {settings_file} / settings file {settings_file} was applied")
    return Report(draft=_info(draft, dsel), final=_info(final, fsel), sections=pairs, findings=findings,
                  warnings=warnings, watch=terms, context=ctx, genre=kind.name,
                  article_map=_article_map(pairs, kind.unit))

