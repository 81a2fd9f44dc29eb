"""Clean a RawDoc: move boilerplate to ``dropped`` and rejoin what layout broke apart.

What is not the document: docx ``[bookmark: …]`` markers, web chrome (breadcrumbs, the
metadata block, share/print/close bars, site footers, related-link lists, QR-code
prompts), PDF page numbers.  What layout broke: hard line wraps and paragraphs split at a
page end.  Every removed piece is kept in ``RawDoc.dropped`` with its input line, so
nothing of the input silently disappears; joined blocks keep a line map.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from revdiff.model import Block, RawDoc
from revdiff.numbering import HAN, is_structural_start
from revdiff.reprint import mark_cut, strip_reprint_chrome

BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")

# Web-page metadata labels (政府信息公开 pages); value runs to the next label or line end.
META_LABELS = (
    "索引号",
    "主题分类",
    "成文日期",
    "发布日期",
    "发文机关",
    "发文字号",
    "文号",
    "有效性",
    "关键词",
    "统一登记号",
    "标题",
    "公开方式",
    "公开范围",
    "信息来源",
    "发布机构",
    "组配分类",
    "体裁分类",
    "服务对象",
)
# a label may be letter-spaced to the width of the others (标　　题：)
_META_RE = re.compile(r"(" + "|".join(r"[ \u3000]*".join(label) for label in META_LABELS) + r")\s*[:：]\s*")

CHROME_LINE = re.compile(
    r"^\s*(?:"
    r"当前位置\s*[:：].*|您(?:当前)?的?位置\s*[:：].*|首页\s*>.*|>\s*\S.*>.*"  # breadcrumbs
    r"|(?:【?\s*(?:下载|打印|关闭|分享|收藏|字体|大|中|小|返回顶部|关闭窗口|打印本页)\s*】?\s*[:：]?\s*){2,}"
    r"|Produced\s+By\b.*|扫描二维码.*|扫一扫.*|.*关注我们\s*$"
    r"|(?:主办单位|承办单位|网站标识码|网站地图|联系我们|版权所有|ICP备|京ICP|鲁ICP|公网安备).*"
    r"|相关(?:链接|文件|文档|阅读|新闻)\s*[:：]?\s*"
    r")$"
)
# A page number alone on a line: — 3 —, -3-, - 3 -, 第3页, 第 3 页 共 9 页, 3/9.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－‐]+\s*\d{1,4}\s*[-—–－‐]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
# A related-link line: "- 2020-03-26国知发…《…的通知》" or a dated document title.
RELATED_LINK = re.compile(r"^\s*[-·•]\s*(?:\d{4}-\d{2}-\d{2})?.*(?:《.*》|〔\d{4}〕|通知|意见|办法|公告|批复|通告)")

# Also the arrows a reprint points at the text below with (全文如下↓↓↓): a wrap never ends there.
SENTENCE_END = tuple("。！？；：…!?;:”’」』）)】.↓▼⬇👇")
TITLE_END = re.compile(r"(?:纲要|规划|方案|计划|意见|办法|规定|条例|通知|细则|措施|要点|征求意见稿）?|年[）)])$")


def _drop(raw: RawDoc, block: Block, text: str | None = None) -> None:
    raw.dropped.append(Block(text=block.text if text is None else text, line=block.line, page=block.page))


def _strip_bookmarks(raw: RawDoc) -> None:
    for b in raw.blocks:
        if "[bookmark:" in b.text:
            for m in BOOKMARK.finditer(b.text):
                raw.dropped.append(Block(text=m.group(0), line=b.line, page=b.page))
            b.text = BOOKMARK.sub("", b.text)


def parse_metadata_line(text: str) -> dict[str, str]:
    """Label/value pairs of a web metadata line ("索引号: … 主题分类: …"); {} when none."""
    matches = list(_META_RE.finditer(text))
    if not matches or matches[0].start() > 2:
        return {}
    out: dict[str, str] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out[re.sub(r"[ \u3000]", "", m.group(1))] = text[m.end() : end].strip()
    return out


# The header and footer a browser prints on each page of a web page.  Chrome and Edge: the
# date and time, then the page's title (2026/3/1 10:05 标题, 3/1/26, 10:05 AM 标题); the
# address, then the page count (https://… 1/3).  Firefox: the title, then the address; the
# page count (1 of 3, 第 1 页，共 3 页), then the date and time.
_DATE_TIME = (r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}年\d{1,2}月\d{1,2}日)[\s,，]*(?:上午|下午)?\s*"
              r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
_PAGE_COUNT = r"(?:\d{1,4}\s*/\s*\d{0,4}|\d{1,4}\s+of\s+\d{1,4}|第\s*\d{1,4}\s*页[，,]?\s*共\s*\d{1,4}\s*页)"
_URL = r"(?:https?|file)://\S+"
_PRINT_HEAD = re.compile(rf"^(?:({_DATE_TIME})(?:\s.*)?|.+\s{_URL})$")  # group 1: Chrome's date
_PRINT_FOOT = re.compile(rf"^(?:{_URL}(?:\s+{_PAGE_COUNT})?|{_PAGE_COUNT}\s+{_DATE_TIME})$")


def _strip_browser_print(raw: RawDoc) -> None:
    """Drop a browser's print header and footer: only on the first or last two lines of a page
    (or of the text when it has no pages), where the browser puts them.  A line ending in an
    address (Firefox's header) goes only when a print footer was found: else it may be text
    (详见 https://…)."""
    blocks = raw.blocks
    edge = set()
    for i, b in enumerate(blocks):
        if i < 2 or i >= len(blocks) - 2 or any(
                0 <= j < len(blocks) and blocks[j].page != b.page for j in (i - 2, i - 1, i + 1, i + 2)):
            edge.add(i)
    candidates = {i: blocks[i].text.strip() for i in edge if blocks[i].cells is None and len(blocks[i].text) < 300}
    footers = {i for i, t in candidates.items() if _PRINT_FOOT.match(t)}
    heads = {i for i, t in candidates.items() if (m := _PRINT_HEAD.match(t)) and (footers or m.group(1))}
    kept = []
    for i, b in enumerate(blocks):
        if i in footers or i in heads:
            _drop(raw, b)
            continue
        kept.append(b)
    raw.blocks = kept


def _strip_chrome(raw: RawDoc) -> None:
    """Drop web chrome lines and turn the metadata block into ``raw.metadata``."""
    kept: list[Block] = []
    blocks = raw.blocks
    n = len(blocks)
    # The related-link list and QR prompt come after the document: once a QR/footer line
    # is seen near the end, the link lines that follow are chrome too.
    in_tail = False
    for i, b in enumerate(blocks):
        t = b.text.strip()
        if b.cells is None and t:
            meta = parse_metadata_line(t) if i < 40 else {}
            if meta:
                raw.metadata.update(meta)
                _drop(raw, b)
                continue
            if CHROME_LINE.match(t) or PAGE_NUMBER.match(t):
                if re.match(r"^(扫描二维码|扫一扫|Produced|下载|相关)", t) or "关注我们" in t:
                    in_tail = True
                _drop(raw, b)
                continue
            if (in_tail or i > n * 0.6) and RELATED_LINK.match(t) and _link_run(blocks, i) >= 3:
                _drop(raw, b)
                continue
        kept.append(b)
    raw.blocks = kept


_BREADCRUMB = re.compile(r"^\s*(?:当前位置|您(?:当前)?的?位置|您现在的位置|你现在的位置)\s*[:：]|^\s*(?:网站)?首页\s*[>＞»›]")
_MENU_ITEM = re.compile(r"^[\s*•·\-|｜]*[^\s。，；：:,;！？]{1,20}(?:\s*[|｜]\s*[^\s。，；：:,;！？]{1,20})*\s*$")


def _strip_site_header(raw: RawDoc) -> None:
    """What stands above the breadcrumb (当前位置：首页 > …) — the site's name, its menu, a
    search box — is the site's header when every line of it is a short label: a page saved as
    text, or a web page that lost the class names marking its header (an archive.today
    snapshot).  The HTML reader has already set the breadcrumb aside: it is looked for there too."""
    crumbs = [b.line for b in raw.blocks[:40] + raw.dropped if b.cells is None and _BREADCRUMB.match(b.text)]
    if not crumbs:
        return
    at = min(crumbs)
    above = [b for b in raw.blocks if b.line < at]
    if not any(b.text.strip() for b in above) or not all(
        b.cells is None and (not b.text.strip() or _MENU_ITEM.match(b.text)) for b in above
    ):
        return
    for b in above:
        if b.text.strip():
            _drop(raw, b)
    raw.blocks = [b for b in raw.blocks if b.line >= at]


def _link_run(blocks: list[Block], i: int) -> int:
    """Length of the run of related-link lines around index ``i``."""
    j = i
    while j > 0 and RELATED_LINK.match(blocks[j - 1].text.strip() or "x"):
        j -= 1
    k = i
    while k + 1 < len(blocks) and RELATED_LINK.match(blocks[k + 1].text.strip() or "x"):
        k += 1
    return k - j + 1


def _ends_open(text: str, width: int | None = None) -> bool:
    """True when a body line stops mid-sentence (a hard wrap or a page break).

    ``width``: in a hard-wrapped text (``_wrap_width``), the columns from which a line is a
    full one: it goes on unless it ends a sentence.
    """
    t = text.rstrip()
    if not t or t.endswith(SENTENCE_END) or "\t" in t:
        return False
    if TITLE_END.search(t):
        return False
    if width is not None:
        return _columns(t) >= width
    # Only body lines wrap: titles and headings are short and carry no sentence punctuation.
    return len(t) >= 28 and bool(re.search(r"[，。、；,]", t))


def _columns(text: str) -> int:
    """How wide ``text`` prints: two columns a Chinese (wide) character, one a Latin one.

    Counted from its UTF-8 length, in C: a Chinese character or full-width mark takes three
    bytes, an ASCII one one (a page of ten megabytes is measured in milliseconds, not seconds
    as ``unicodedata.east_asian_width`` character by character took)."""
    t = text.strip()
    return len(t) + (len(t.encode("utf-8", "surrogatepass")) - len(t)) // 2


def _wrap_width(raw: RawDoc) -> int | None:
    """In a text whose paragraphs were hard-wrapped (a PDF's text saved by pdftotext or
    copied from a viewer: every printed line a line), the width from which a line is a full
    one; else None.

    Such a text has no line wider than a page (28 Chinese characters in a 公文, 56 columns;
    digits and Latin letters, half as wide, make lines of fewer characters), and most of its
    full lines stop mid-sentence; a text with a paragraph per line has wide lines, and they
    end their sentences.  A line within a fifth of the widest lines' width is full.
    """
    if raw.format not in ("txt", "md"):
        return None
    lines = [(_columns(t), t) for b in raw.blocks if b.cells is None and (t := b.text.strip()) and "\t" not in b.text]
    if len(lines) < 10:
        return None
    widest = sorted(w for w, _ in lines)[int(len(lines) * 0.95)]
    full = [t for w, t in lines if w >= 0.8 * widest]
    open_ended = sum(1 for t in full if not t.endswith(SENTENCE_END))
    prose = sum(1 for t in full if re.search(r"[，、；,;]", t))  # not a list of names, each on its line
    wrapped = (24 <= widest <= 90 and len(full) >= 0.25 * len(lines) and open_ended >= 0.5 * len(full)
               and prose >= 0.5 * len(full))
    return int(0.8 * widest) if wrapped else None


def _full_line_length(raw: RawDoc) -> int | None:
    """For PDF (and OFD) text: the length of a line that runs to the right margin (it wraps on)."""
    if raw.format not in ("pdf", "pdf+ocr", "ofd"):
        return None
    lengths = sorted(len(b.text.strip()) for b in raw.blocks if b.cells is None and len(b.text.strip()) >= 8)
    if len(lengths) < 5:
        return None
    return int(lengths[int(len(lengths) * 0.9)] * 0.85)


def _rejoin(raw: RawDoc) -> None:
    """Join body lines that were broken mid-sentence, across blank lines and page breaks.

    In PDF text every printed line is a block: a line that reaches the right margin goes
    on in the next one even when it happens to end at a 。.
    """
    full = _full_line_length(raw)
    width = _wrap_width(raw)
    out: list[Block] = []
    pending_blank: list[Block] = []
    for b in raw.blocks:
        if b.cells is None and not b.text.strip():
            pending_blank.append(b)
            continue
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.cells is None
            and b.cells is None
            and not b.text.startswith("\t")
            and not b.indented  # a PDF line indented in from its column's edge opens a paragraph
            and (_ends_open(prev.text, width) or _wraps(prev, full))
            and not is_structural_start(b.text.strip())
            and len(pending_blank) <= 2
        ):
            offset = len(prev.text.rstrip())
            prev.text = prev.text.rstrip() + b.text.strip()
            prev.reaches_margin = b.reaches_margin  # the joined block now ends where b ends
            prev.line_map.extend((offset + o, ln, pg) for o, ln, pg in _shift(b))
            pending_blank = []
            continue
        out.extend(pending_blank)
        pending_blank = []
        out.append(b)
    out.extend(pending_blank)
    raw.blocks = out


def _wraps(block: Block, full: int | None) -> bool:
    """Does a PDF line go on in the next one?  The reader says whether it runs to the right
    edge of its column; without that, a line as long as a full one (``full`` characters)."""
    t = block.text.strip()
    if "\t" in t or TITLE_END.search(t):
        return False
    if block.reaches_margin is not None:
        return block.reaches_margin
    return full is not None and len(t) >= full


def _shift(b: Block) -> list[tuple[int, int, int | None]]:
    """The line map of ``b`` relative to its stripped text."""
    lead = len(b.text) - len(b.text.lstrip())
    return [(max(o - lead, 0), ln, pg) for o, ln, pg in b.line_map]


PATTERN_SECONDS = 2.0  # all of a settings file's drop patterns, over one document


def _strip_patterns(raw: RawDoc, patterns: Sequence[str]) -> None:
    """Drop every text line that one of ``patterns`` (regexes) matches as a whole.

    The patterns come from a settings file, which may sit unnoticed in the working folder:
    what they dropped is said in the document's warnings (so a report cannot quietly hide a
    line), and their run time is bounded (the ``regex`` module, with a timeout: a pattern
    such as ``(a|aa)+c`` backtracks for ever on some lines).
    """
    import time

    import regex

    from revdiff.errors import RevdiffError

    regexes = [(p, regex.compile(p)) for p in patterns]
    deadline = time.monotonic() + PATTERN_SECONDS
    kept: list[Block] = []
    dropped: list[Block] = []
    for b in raw.blocks:
        t = b.text.strip()
        if b.cells is None and t:
            for source, r in regexes:
                try:
                    hit = r.fullmatch(t, timeout=max(deadline - time.monotonic(), 0.001))
                except TimeoutError:
                    raise RevdiffError(
                        f"settings: the [clean] drop pattern {source!r} takes too long on line {b.line} of "
                        f"{raw.source} (it backtracks); write a simpler pattern"
                    ) from None
                if hit:
                    break
            else:
                hit = None
            if hit:
                _drop(raw, b)
                dropped.append(b)
                continue
        kept.append(b)
    raw.blocks = kept
    if dropped:
        lines = "、".join(str(b.line) for b in dropped[:10]) + ("…" if len(dropped) > 10 else "")
        sample = "；".join(b.text.strip()[:30] for b in dropped[:3])
        raw.warnings.append(
            f"设置文件的 [clean] drop 规则删除了 {len(dropped)} 行（第 {lines} 行：{sample}） / "
            f"the settings file's [clean] drop patterns removed {len(dropped)} lines (lines {lines}: {sample})"
        )


# The 版头 of a 公文 (GB/T 9704): the issuing office's name in red (XX人民政府办公室文件, or
# the bare name on a letter), then the 文号 (临政办发〔2025〕12号), alone or with 签发人.
_LETTERHEAD_OFFICE = re.compile(rf"^(?:{HAN}|[（）()、\s]){{2,40}}(?:文件|政府|办公室|办公厅|委员会|局|厅|部)$")
_LETTERHEAD_NO = re.compile(r"^" + HAN + r"{1,12}\s*[〔［\[]\s*\d{4}\s*[〕］\]]\s*\d{1,4}\s*号(?:\s+签发人\s*[:：]\s*\S{2,12})?$")


# The 版记 at the foot of a 公文: 抄送：… then 印发机关 and 印发日期 (…2025年1月1日印发).
_IMPRINT_CC = re.compile(r"^抄\s*送\s*[:：]\s*(.+)$")
_IMPRINT = re.compile(r"^(\S[^，。；：,;:]{0,40}?)\s+(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$")
_IMPRINT_DATE = re.compile(r"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$")
_IMPRINT_OFFICE = re.compile(r"^\S[^，。；：,;:]{1,40}$")


def _strip_running_lines(raw: RawDoc) -> None:
    """A text with page breaks (pdftotext's form feeds): drop the running header and footer.

    They are the first or last line of a page that comes back, digits aside, on at least
    half of the pages (澄江市人民政府办公室 征求意见稿 请勿外传; 第 3 页 is a page number,
    dropped already).  The PDF reader finds them by their place on the page; a text keeps
    only the page they are on.
    """
    if raw.format != "txt":
        return
    pages: dict[int, list[Block]] = {}
    for b in raw.blocks:
        if b.page is not None and b.cells is None and b.text.strip():
            pages.setdefault(b.page, []).append(b)
    if len(pages) < 2:
        return
    seen: dict[str, set[int]] = {}
    for n, lines in pages.items():
        for b in {id(x): x for x in lines[:2] + lines[-2:]}.values():
            t = b.text.strip()
            if len(t) <= 40 and not t.endswith(SENTENCE_END):
                seen.setdefault(re.sub(r"[\d\s]", "", t), set()).add(n)
    running = {t for t, on in seen.items() if t and len(on) >= max(2, len(pages) / 2)}
    if not running:
        return
    edges = {id(x) for lines in pages.values() for x in lines[:2] + lines[-2:]}
    kept = []
    for b in raw.blocks:
        t = b.text.strip()
        if id(b) in edges and len(t) <= 40 and re.sub(r"[\d\s]", "", t) in running:
            _drop(raw, b)
        else:
            kept.append(b)
    raw.blocks = kept


# A heading set with wide spaces between its characters (总　　则, 附　件) that a PDF's text
# broke into lines: 第一章 总 | | 则.  The tail is one or two characters and nothing else.
_SPACED_TAIL = re.compile(rf"^{HAN}{{1,2}}$")


def _join_spaced_titles(raw: RawDoc) -> None:
    """Join the tail of a letter-spaced heading back onto it (texts saved from a PDF, where
    the wide gap comes out as a blank line: 第一章 总 | | 则).  Table cells (tab-indented
    lines) are never heading tails."""
    if raw.format != "txt":
        return
    out: list[Block] = []
    for b in raw.blocks:
        t = b.text.strip()
        if len(out) >= 2 and not out[-1].text.strip() and _SPACED_TAIL.match(t) and not b.text.startswith("\t"):
            head = out[-2]
            h = head.text.strip()
            if (head.cells is None and b.cells is None and h and len(h) <= 15 and not head.text.startswith("\t")
                    and not re.search(r"[，。、；：,;:]", h)):  # fmt: skip
                offset = len(head.text.rstrip()) + 1
                head.text = head.text.rstrip() + " " + t
                head.line_map.extend((offset + o, ln, pg) for o, ln, pg in _shift(b))
                continue
        out.append(b)
    raw.blocks = out


# A draft's circulation stamp printed above its title (…办公室 征求意见稿 请勿外传, 内部资料 注意保存):
# the page's furniture, like a running header, which a one-page copy cannot show repeated.
_STAMP = re.compile(r"(?:请勿外传|不得外传|严禁外传|注意保存|内部资料|内部文件|仅供内部(?:参考|使用))\s*$")


def _strip_stamp(raw: RawDoc) -> None:
    """Move a circulation stamp line at the top of the text to ``dropped``."""
    head = [b for b in raw.blocks[:8] if b.cells is None and b.text.strip()][:2]  # above the title
    for b in head:
        if len(b.text.strip()) <= 40 and _STAMP.search(b.text) and not is_structural_start(b.text.strip()):
            _drop(raw, b)
            raw.blocks.remove(b)


def _strip_letterhead(raw: RawDoc) -> None:
    """Move a 公文's 版头 (红头: office name + 文号 line) and 版记 (抄送 + 印发 lines) to
    ``dropped``, their facts to ``metadata`` (文号, 发文机关, 抄送, 印发机关, 印发日期).

    They are the paper's letterhead and imprint, printed on the published text only: read
    as title lines or a last section they would make every published text "retitled" and
    "extended" against its draft.
    """
    # the first lines with text (a Markdown or text copy puts blank lines between them)
    head = [i for i, b in enumerate(raw.blocks[:12]) if b.cells is None and b.text.strip()][:4]
    for k, i in enumerate(head[:-1]):
        office, number = raw.blocks[i].text.strip(), raw.blocks[head[k + 1]].text.strip()
        if _LETTERHEAD_OFFICE.match(office) and _LETTERHEAD_NO.match(number):
            raw.metadata.setdefault("文号", re.split(r"\s+签发人", number)[0].replace(" ", ""))
            raw.metadata.setdefault("发文机关", re.sub(r"\s*文件$", "", office))
            for j in (head[k + 1], i):
                _drop(raw, raw.blocks[j])
                del raw.blocks[j]
            break
    written = [i for i, b in enumerate(raw.blocks) if b.text.strip()]
    if not written or raw.blocks[written[-1]].cells is not None:
        return
    last = raw.blocks[written[-1]].text.strip()
    imprint = _IMPRINT.match(last)
    alone = None if imprint else _IMPRINT_DATE.match(last)  # a PDF's text: the office on the line above
    if imprint is not None:
        office, date, first = imprint.group(1), imprint.group(2), written[-1]
    elif alone is not None and len(written) >= 2 and _IMPRINT_OFFICE.match(raw.blocks[written[-2]].text.strip()):
        office, date, first = raw.blocks[written[-2]].text, alone.group(1), written[-2]
    else:
        return
    raw.metadata.setdefault("印发机关", office.strip())
    raw.metadata.setdefault("印发日期", date.replace(" ", ""))
    # the 抄送 line above it, wrapped over a few lines when the list is long
    for k in range(first - 1, max(-1, first - 5), -1):
        if raw.blocks[k].cells is not None:
            break
        if m := _IMPRINT_CC.match(raw.blocks[k].text.strip()):
            rest = [b.text.strip() for b in raw.blocks[k + 1 : first]]
            raw.metadata.setdefault("抄送", "".join([m.group(1), *rest]))
            first = k
            break
    for b in raw.blocks[first:]:
        _drop(raw, b)
    del raw.blocks[first:]


def clean(raw: RawDoc, drop_patterns: Sequence[str] | None = None) -> RawDoc:
    """Remove boilerplate and rejoin broken paragraphs; returns the same RawDoc, changed.

    ``drop_patterns``: extra boilerplate (``[clean] drop`` in revdiff.toml), regexes that
    a whole line (stripped of surrounding spaces) must match to be moved to ``dropped``.
    """
    _strip_bookmarks(raw)
    if drop_patterns:
        _strip_patterns(raw, drop_patterns)
    _strip_browser_print(raw)
    _strip_site_header(raw)
    strip_reprint_chrome(raw, keep=parse_metadata_line)
    _strip_chrome(raw)
    _strip_running_lines(raw)
    _join_spaced_titles(raw)
    _strip_stamp(raw)
    _strip_letterhead(raw)
    mark_cut(raw)
    _rejoin(raw)
    return raw
