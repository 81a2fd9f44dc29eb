"""HTML pages of government websites: the document's text, without the site around it.

A published policy often exists only as a web page: a breadcrumb, a metadata table
(索引号, 发文机关 …), the document, a 下载/打印/关闭 bar, related links and a footer.
This reader keeps the document's blocks (paragraphs, headings, ``<br>``-separated
lines, data-table rows), puts the metadata pairs into ``RawDoc.metadata`` and moves
all page chrome to ``RawDoc.dropped`` so every character of the page is accounted for.
``Block.line`` is the 1-based line of the page source where the block's text starts.

Chrome is recognised conservatively: inside the main content container only the
unambiguous kinds (breadcrumb, share bar, QR-code footer, nav/footer elements) are
dropped; outside it, also link lists and site-footer lines.  When unsure, text is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from revdiff.errors import InputError
from revdiff.model import Block, RawDoc
from revdiff.readers import webarchive
from revdiff.readers.encoding import decode
from revdiff.readers.grid import html_grid, table_rows

# --------------------------------------------------------------------------- text helpers

# East Asian wide characters: CJK ideographs, kana, hangul, full-width forms and punctuation.
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"
)
_WIDE_RE = re.compile(f"[{_WIDE}]")
_NEWLINE_BETWEEN_WIDE = re.compile(f"(?<=[{_WIDE}])[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=[{_WIDE}])")
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")


def collapse_ws(text: str) -> str:
    """Whitespace as a browser displays it: runs become one space, ends trimmed.

    A source line break between two CJK characters displays as nothing (CSS Text 3
    segment-break rules), so it is removed rather than turned into a space.
    """
    text = _NEWLINE_BETWEEN_WIDE.sub("", text)
    return _SPACES.sub(" ", text).strip(" \u3000")


def join_pieces(pieces: Iterable[str]) -> str:
    """Join the lines of a table cell into one string without inner newlines.

    CJK lines are joined directly (a wrapped Chinese cell has no space at the break);
    a space separates pieces only between non-CJK characters ("Produced" + "By").
    """
    out = ""
    for piece in pieces:
        piece = collapse_ws(piece)
        if not piece:
            continue
        if out and not (_WIDE_RE.match(out[-1]) or _WIDE_RE.match(piece[0])):
            out += " "
        out += piece
    return out


# --------------------------------------------------------------------------- charset

_CHARSET_RE = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_ENCODING_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)""", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "cp936", "euc-cn"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>``, http-equiv or an XML declaration."""
    head = data[:8192]
    m = _CHARSET_RE.search(head) or _XML_ENCODING_RE.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _decode(data: bytes, source: str, charset: str | None = None) -> tuple[str, str]:
    # ``charset``: named by the page's container (an MHTML part's or an HTTP Content-Type)
    declared = charset.strip().lower() if charset else declared_charset(data)
    if declared in _GB_FAMILY:
        # Sites that moved to UTF-8 often kept the old gb2312 meta (and server setting); bytes
        # that are valid UTF-8 with non-ASCII content are almost never GBK, so trust the bytes then.
        try:
            data.decode("utf-8")
            if any(b > 0x7F for b in data[:200000]):
                declared = "utf-8"
        except UnicodeDecodeError:
            pass
    if declared in ("cp936", "euc-cn"):
        declared = "gbk"
    return decode(data, source, declared=declared)


# --------------------------------------------------------------------------- chrome rules

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
}  # fmt: skip
_DROP_SILENTLY = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head"}
_CHROME_TAGS = {"nav", "header", "footer", "aside", "select", "button", "input", "textarea"}

# id/class words of site chrome.  Matched against the parts of each id/class token
# (split at - and _), as prefix or suffix, so "breadcrumbs", "topnav", "bdshare" match
# but "canvas" does not.
_CHROME_WORDS = (
    "breadcrumb", "crumb", "position", "location", "nav", "menu", "footer", "foot", "share",
    "print", "close", "related", "linklist", "links", "qrcode", "ewm", "erweima", "sidebar",
    "toolbar", "tools", "dqwz", "xglj", "copyright", "bottom", "fenxiang",
)  # fmt: skip
# Only outside the content container: these also name parts of an article's own header.
_OUTER_CHROME_WORDS = ("header", "head", "top", "logo", "banner", "search", "login", "skip", "topbar")
_CONTENT_WORDS = re.compile(
    r"content|article|zoom|trs_?u?editor|detail|zhengwen|^zw$|main|view|newstext|pages?_?con|"
    r"^txt|text|wznr|con_?nr|^nr$|body",
    re.IGNORECASE,
)

# Text of a block that is chrome wherever it stands, with the longest such a block can be
# (a long paragraph that merely mentions 关注我们 is document text).
_CHROME_TEXT_ANYWHERE = [
    (
        re.compile(
            r"^(当前位置|您当前的位置|您现在的位置|你现在的位置|当前的位置|您的位置|你的位置|所在位置)\s*[:：]"
        ),
        300,
    ),
    (re.compile(r"扫描二维码|扫一扫|^关注我们|关注我们$"), 60),
    (re.compile(r"^Produced\s+By\b", re.IGNORECASE), 200),
    (re.compile(r"^分享到\s*[:：]?"), 60),
    (re.compile(r"【\s*字体\s*[:：]?\s*大\s*中\s*小\s*】"), 120),
]
# Text that is chrome when it stands outside the content container (and is short).
_CHROME_TEXT_OUTSIDE = [
    re.compile(r"^(首页|网站首页)\s*[>＞»›]"),
    re.compile(
        r"主办单位|承办单位|技术支持|网站标识码|ICP备|ICP证|公网安备|网站地图|联系我们|版权所有|Copyright|©"
    ),
    re.compile(r"Powered\s+by|建议使用.{0,20}浏览器|分辨率"),
    re.compile(
        r"^(相关链接|相关文件|相关阅读|相关新闻|相关政策|相关稿件|友情链接|相关解读|热点推荐)\s*[:：]?$"
    ),
    re.compile(r"^(上一篇|下一篇)\s*[:：]"),
    re.compile(r"(浏览次数|访问量|阅读次数|点击数|访问次数)\s*[:：]"),
]
# (with the traditional forms of Hong Kong, Macao and Taiwan sites: 列印 關閉 下載 糾錯 …)
_SHARE_WORDS = re.compile(
    r"打印本页|关闭窗口|打印|关闭|下载|分享到|分享|收藏|保存|纠错|字体|字号|大|中|小|默认|返回顶部|"
    r"列印本頁|關閉視窗|關閉窗口|列印|關閉|下載|糾錯|字體|字號|預設|返回頂部|"
    r"微信|微博|QQ空间|[【】\[\]()（）:：|｜/\s\xa0·]"
)
_SHARE_CORE = re.compile(r"打印|关闭|下载|分享|收藏|纠错|列印|關閉|下載|糾錯")


def _is_share_bar(text: str) -> bool:
    """A share/print bar: 下载 打印 关闭 分享, 【字体：大 中 小】【打印本页】【关闭窗口】 …"""
    if len(text) > 80:
        return False
    return len(_SHARE_CORE.findall(text)) >= 2 and not _SHARE_WORDS.sub("", text)


def _chrome_text(text: str, inside: bool) -> bool:
    if any(len(text) <= limit and p.search(text) for p, limit in _CHROME_TEXT_ANYWHERE):
        return True
    if _is_share_bar(text):
        return True
    if not inside and len(text) < 200:
        return any(p.search(text) for p in _CHROME_TEXT_OUTSIDE)
    return False


def _tokens(el: Any) -> list[str]:
    words = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
    out: list[str] = []
    for tok in words.split():
        out.append(tok)
        out.extend(p for p in re.split(r"[-_]+", tok) if p and p != tok)
    return out


def _has_word(tokens: list[str], words: tuple[str, ...]) -> bool:
    return any(t.startswith(w) or t.endswith(w) for t in tokens for w in words)


# A menu entry: a few words, not an attachment (附件, a file name) that belongs to the text.
_MENU_LINK = re.compile(r"^(?!.*(?:附件|\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)\b))[^。；，,;：:]{1,12}$", re.IGNORECASE)


def _page_furniture(el: Any) -> bool:
    """A word processor's running header or footer, exported with the page: LibreOffice writes
    ``<div title="header">`` / ``"footer"``, Word ``mso-element:header`` / ``footer``."""
    if el.tag != "div":
        return False
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("title") in ("header", "footer") or "mso-element:header" in style or "mso-element:footer" in style


def _hidden(el: Any) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or el.get("hidden") is not None


# --------------------------------------------------------------------------- metadata

_META_LABELS = [
    "统一登记号", "索引号", "主题分类", "体裁分类", "组配分类", "服务对象", "信息分类", "发文机关",
    "发布机构", "发文单位", "成文日期", "发布日期", "公开日期", "生效日期", "废止日期", "实施日期",
    "发文字号", "文号", "有效性", "时效性", "标题", "名称", "关键词", "主题词", "公开方式",
    "公开范围", "信息来源", "登记号",
]  # fmt: skip
_LABEL_RE = re.compile(
    r"(?:(?<=[\s\xa0\u3000|｜])|^)("
    + "|".join("[\\s\u3000]*".join(map(re.escape, label)) for label in _META_LABELS)
    + r")[\s\u3000\xa0]*(?:[:：]|(?=\n)|$)",
    re.MULTILINE,
)


def _canonical_label(found: str) -> str:
    return re.sub(r"[\s\u3000]+", "", found)


def _texts_of(el: Any) -> list[str]:
    """The text nodes under ``el`` (tail of ``el`` excluded), one string each."""
    out: list[str] = []

    def rec(node: Any) -> None:
        if node.text:
            out.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                rec(child)
            if child.tail:
                out.append(child.tail)

    rec(el)
    return out


def _own_labels(el: Any) -> set[str]:
    own = [el.text or ""] + [child.tail or "" for child in el]
    found: set[str] = set()
    for piece in own:
        for m in _LABEL_RE.finditer(piece.strip()):
            found.add(_canonical_label(m.group(1)))
    return found


def _metadata_pairs(el: Any) -> dict[str, str]:
    text = "\n".join(t.strip() for t in _texts_of(el) if t.strip())
    matches = list(_LABEL_RE.finditer(text))
    pairs: dict[str, str] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = collapse_ws(text[m.end() : end].replace("\n", " ")).lstrip(":：").strip()
        pairs.setdefault(_canonical_label(m.group(1)), value)
    return pairs


def _find_metadata_elements(root: Any) -> list[Any]:
    """The smallest elements holding ≥3 distinct metadata labels (索引号, 发文机关 …)."""
    labels: dict[Any, set[str]] = {}

    def rec(el: Any) -> set[str]:
        found = set(_own_labels(el))
        for child in el:
            if isinstance(child.tag, str):
                found |= rec(child)
        labels[el] = found
        return found

    rec(root)
    out = []
    for el, found in labels.items():
        if len(found) < 3:
            continue
        if any(len(labels.get(child, ())) >= 3 for child in el if isinstance(child.tag, str)):
            continue  # a child holds the block: it is the smaller element
        if len(collapse_ws(el.text_content())) > 2000:
            continue  # a whole page that happens to mention the labels
        out.append(el)
    return out


# --------------------------------------------------------------------------- content container


def _find_container(root: Any, skip: set[Any], by_text: bool = False) -> Any | None:
    """The element holding the document: a content-ish id/class with most of the text.

    Text inside links does not count (menus are links), nor text in ``skip``.  ``by_text``:
    the page has lost its id/class names (an archive.today snapshot), so any element may be
    the container and the text alone decides.
    """
    text_len: dict[Any, int] = {}
    depth: dict[Any, int] = {}

    def rec(el: Any, d: int, in_link: bool) -> int:
        depth[el] = d
        if el in skip:
            text_len[el] = 0
            return 0
        link = in_link or el.tag == "a"
        n = 0 if link else len(collapse_ws(el.text or ""))
        for child in el:
            if isinstance(child.tag, str):
                n += rec(child, d + 1, link)
            if child.tail and not in_link:
                n += len(collapse_ws(child.tail))
        text_len[el] = n
        return n

    total = rec(root, 0, False)
    if total == 0:
        return None
    # A short document on a busy page holds well under half of the page's text, so the
    # bar is low; among the candidates, the one with the most text wins, and a deeper
    # one holding nearly as much (div#zoom inside div.article) is preferred.
    candidates = [
        el
        for el in text_len
        if isinstance(el.tag, str)
        and el.tag in ("div", "td", "article", "section", "main", "span", "font")
        and (by_text or _CONTENT_WORDS.search(f"{el.get('id') or ''} {el.get('class') or ''}"))
        and text_len[el] >= 0.2 * total
    ]
    if not candidates:
        return None
    most = max(text_len[el] for el in candidates)
    return max((el for el in candidates if text_len[el] >= 0.8 * most), key=lambda el: depth[el])


# --------------------------------------------------------------------------- tables


def _rows(table: Any) -> list[Any]:
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


def _cells(tr: Any) -> list[Any]:
    return tr.xpath("./td|./th")


def table_lines(table: Any) -> list[tuple[int, list[str]]]:
    """A table's rows that hold text, as (source line, one value per column): merged cells
    (rowspan, colspan) spread over the columns they cover, a grouped header read as one row."""
    rows = _rows(table)
    return [(rows[k].sourceline or table.sourceline or 1, cells)
            for k, cells in table_rows(html_grid([_cells(tr) for tr in rows], _cell_text)) if any(cells)]  # fmt: skip


def _is_data_table(table: Any, container: Any | None) -> bool:
    """≥2 rows of ≥2 cells, and no nested tables or headings (layout tables have those)."""
    if container is not None and (table is container or table in container.iterancestors()):
        return False
    if table.xpath(".//table|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//ul|.//ol"):
        return False
    return sum(1 for tr in _rows(table) if len(_cells(tr)) >= 2) >= 2


def _cell_text(cell: Any) -> str:
    pieces: list[str] = []
    current: list[str] = []

    def rec(el: Any) -> None:
        block = el.tag in _BLOCK_TAGS
        if block and current:
            pieces.append("".join(current))
            current.clear()
        if el.text:
            current.append(el.text)
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "br":
                pieces.append("".join(current))
                current.clear()
            elif child.tag not in _DROP_SILENTLY:
                rec(child)
            if child.tail:
                current.append(child.tail)
        if block and current:
            pieces.append("".join(current))
            current.clear()

    rec(cell)
    if current:
        pieces.append("".join(current))
    return join_pieces(pieces)


# --------------------------------------------------------------------------- walker


class _Walker:
    """Turn the element tree into Blocks, routing chrome and metadata to ``dropped``."""

    def __init__(self, container: Any | None, metadata_els: list[Any], list_levels: bool = False) -> None:
        self.container = container
        self.container_ancestors = set(container.iterancestors()) if container is not None else set()
        if container is not None:
            self.container_ancestors.add(container)
        self.metadata_els = set(metadata_els)
        self.blocks: list[Block] = []
        self.dropped: list[Block] = []
        self.table_index = 0
        # the text run being collected: (raw text, line, heading level)
        self.pieces: list[tuple[str, int, int | None]] = []
        self.target = self.blocks
        self.inside = container is None  # with no container, everything counts as inside
        self.marker = ""  # an ordered-list item's number, not yet written
        self.list_levels = list_levels  # the lists carry the headings: an item's depth is its level
        self.marker_level: int | None = None
        self.items: dict[Any, int] = {}  # the number of the last item seen in each <ol>

    def flush(self) -> None:
        if not self.pieces:
            return
        raw = "".join(p[0] for p in self.pieces)
        text = collapse_ws(raw)
        if text:
            first = next((p for p in self.pieces if p[0].strip(" \t\r\n\f\xa0\u3000")), self.pieces[0])
            target = self.target
            if target is self.blocks and _chrome_text(text, self.inside):
                target = self.dropped
            level = first[2] if target is self.blocks else None
            target.append(Block(text=text, line=first[1], style_level=level))
        self.pieces = []

    def add(self, text: str, line: int, level: int | None) -> None:
        if self.marker and text.strip():
            text, self.marker = self.marker + text.lstrip(), ""
            level = self.marker_level or level
        stripped = text.lstrip(" \t\r\n\f")
        line += text[: len(text) - len(stripped)].count("\n")
        self.pieces.append((text, line, level))

    def is_chrome(self, el: Any) -> bool:
        if el in self.container_ancestors:
            return False  # never drop the element that holds the document
        if el.tag in _CHROME_TAGS or _hidden(el) or _page_furniture(el):
            return True
        tokens = _tokens(el)
        if tokens and _has_word(tokens, _CHROME_WORDS):
            return True
        if self.inside:
            return False
        if tokens and _has_word(tokens, _OUTER_CHROME_WORDS) and not el.xpath(".//h1|.//h2|.//h3"):
            return True
        if self.container is not None and el.tag == "a" and _MENU_LINK.match(text := collapse_ws(el.text_content())):
            parent = el.getparent()  # alone in its cell or item: a menu entry beside the document
            return parent is not None and collapse_ws(parent.text_content()) == text
        return self._link_list(el)

    @staticmethod
    def _link_list(el: Any) -> bool:
        """A menu or related-links list: mostly link text, several links, no 附件."""
        if el.tag not in ("div", "ul", "ol", "table", "td", "p", "section", "dl", "span"):
            return False
        links = el.xpath(".//a")
        if len(links) < 3:
            return False
        text = collapse_ws(el.text_content())
        if not text or "附件" in text:
            return False
        link_text = sum(len(collapse_ws(a.text_content())) for a in links)
        return link_text >= 0.7 * len(text)

    def walk(self, el: Any, level: int | None, line: int) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        line = el.sourceline or line
        was_inside = self.inside
        if el is self.container:
            self.inside = True
        target = self.target
        if target is self.blocks and (el in self.metadata_els or self.is_chrome(el)):
            self.flush()
            self.target = self.dropped
        block = tag in _BLOCK_TAGS
        if tag == "table" and self.target is self.blocks and _is_data_table(el, self.container):
            self.flush()
            self.table(el)
        else:
            if block:
                self.flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                level = int(tag[1])
            if tag == "li" and (ol := el.getparent()) is not None and ol.tag == "ol":
                # counted as the walk goes (not by looking back over the siblings: long lists)
                self.items[ol] = n = self.items[ol] + 1 if ol in self.items else _list_start(ol)
                self.marker = _list_marker(ol, n)  # goes before the item's first text, in or under it
                self.marker_level = sum(1 for a in el.iterancestors("ol")) if self.list_levels and self.marker else None
            if el.text:
                self.add(el.text, line, level)
            for child in el:
                if isinstance(child.tag, str):
                    if child.tag == "br":
                        self.flush()
                    elif child.tag not in _DROP_SILENTLY:
                        self.walk(child, level, line)
                if child.tail:
                    self.add(child.tail, _tail_line(child, line), level)
            if block:
                self.flush()
        if self.target is not target:
            self.flush()
            self.target = target
        self.inside = was_inside

    def table(self, table: Any) -> None:
        self.table_index += 1
        caption = table.find("caption")
        if caption is not None:
            text = collapse_ws(caption.text_content())
            if text:
                self.blocks.append(Block(text=text, line=caption.sourceline or table.sourceline or 1))
        for line, cells in table_lines(table):
            self.blocks.append(Block(text="\t".join(cells), line=line, cells=cells, table=self.table_index))


def _list_start(ol: Any) -> int:
    try:
        return int(ol.get("start") or 1)
    except ValueError:
        return 1


def _list_marker(ol: Any, n: int) -> str:
    """The number a browser shows before item ``n`` of an ordered list: 3. for the third item
    of ``<ol>`` (counting from ``start``); letters or roman numerals for ``type="a"``/``"i"``.

    Word's auto-numbered headings come out of LibreOffice's HTML export as such lists, their
    一、/（一） gone: the number a reader sees is what there is to read.
    """
    kind = ol.get("type") or "1"
    if kind in ("a", "A") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return (letter if kind == "a" else letter.upper()) + "."
    if kind in ("i", "I") and 1 <= n <= 39:
        tens, ones = divmod(n, 10)
        roman = "x" * tens + ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")[ones]
        return (roman if kind == "i" else roman.upper()) + "."
    return f"{n}."


def _lists_carry_headings(root: Any) -> bool:
    """True when ordered lists hold the document's headings: there are nested ones, and no
    paragraph outside a list is numbered (一、, （一）, 第一条) — Word's auto-numbered headings
    exported by LibreOffice, whose items then nest by their depth."""
    from revdiff.structure import numbered

    if not any(ol.getparent() is not None and ol.getparent().tag in ("ol", "li") for ol in root.iter("ol")):
        return False
    return not any(numbered(collapse_ws(p.text_content())) for p in root.iter("p", "h1", "h2", "h3", "h4")
                   if not any(a.tag == "li" for a in p.iterancestors()))  # fmt: skip


def _tail_line(child: Any, default: int) -> int:
    """The source line where ``child``'s tail text starts (lxml records start tags only)."""
    tail = child.tail or ""
    nxt = child.getnext()
    if nxt is not None and nxt.sourceline:
        # The tail runs from child's end tag to the next sibling's start tag.
        return nxt.sourceline - tail.count("\n")
    *_, last = child.iter()  # the last element inside child, in document order
    line = last.sourceline or child.sourceline or default
    return line + (last.text or "").count("\n")


# --------------------------------------------------------------------------- read


def read(data: bytes, source: str, charset: str | None = None) -> RawDoc:
    """Read an HTML page: document blocks, metadata pairs, chrome in ``dropped``.

    ``charset``: the encoding the page's container declares (MHTML, WARC), which outranks
    the page's own ``<meta charset>``.  A page served by a web archive (Wayback Machine,
    archive.today) loses the archive's toolbar to ``dropped`` and gives its original URL and
    capture time to ``metadata`` (see ``readers.webarchive``).
    """
    text, encoding = _decode(data, source, charset)
    capture = webarchive.inspect(text)
    text = capture.text
    try:
        import lxml.etree
        import lxml.html
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(f"{source}: lxml is not installed; pip install lxml") from None
    # libxml2's default limits stay on (nesting depth, text node size): hostile pages fail
    # fast instead of exhausting memory or Python's recursion limit in the walk below.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        raise InputError(f"{source}: no document text found in this HTML page; save the page again") from None
    # Past a limit (nesting over 256 levels, a text run over 10 MB) libxml2 silently stops
    # building the tree: refuse rather than compare a page with its end missing.
    limits = [e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:
        what = "nested too deeply" if "depth" in limits[0].lower() else "too large"
        raise InputError(
            f"{source}: HTML page {what} to read whole (part of it would be lost); "
            "save the page as .txt or .docx"
        )
    try:
        return _convert(root, source, encoding, capture)
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"{source}: HTML nesting is too deep to read; save the page as text") from None
    except Exception as exc:
        raise InputError(
            f"{source}: cannot read this HTML page ({type(exc).__name__}); save it as text"
        ) from None


# A long article a site splits over pages: its pager (共3页 首页 上一页 1 2 3 下一页 尾页) is no text,
# and a next page means the rest of the document is not in this file.  TRS sites (most
# government portals) write the pager from a script: createPageHTML(pages, this page from 0, …).
_PAGER = re.compile(r"^(?:共\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页|首页|上一页|下一页|前一页|后一页|尾页|末页|跳转"
                    r"|\d{1,3}|[/／|｜\[\]【】.。:：\s])+$")
_TRS_PAGER = re.compile(r"createPageHTML\(\s*(\d{1,3})\s*,\s*(\d{1,3})")
_NEXT_PAGE = ("下一页", "后一页", "下页")


def _pages(root: Any) -> tuple[int, int] | None:
    """(this page, of pages) of an article split over pages that has a next one, else None."""
    for script in root.iter("script"):
        if m := _TRS_PAGER.search(script.text or ""):
            total, index = int(m.group(1)), int(m.group(2))
            return (index + 1, total) if index + 1 < total else None
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if collapse_ws(a.text_content()) in _NEXT_PAGE and href and not href.startswith(("#", "javascript")):
            bar = a.getparent() if a.getparent() is not None else a
            of = re.search(r"共\s*(\d{1,3})\s*页", collapse_ws(bar.text_content()))
            return 1, int(of.group(1)) if of else 0
    return None


def _is_pager(text: str) -> bool:
    t = text.strip()
    return bool(_PAGER.match(t)) and any(w in t for w in ("上一页", "下一页", "前一页", "后一页", "首页", "尾页"))


_NOTE_MARK = re.compile(r"^[\[\(（〔]?[0-9*①-⑳]{1,3}[\]\)）〕]?$")


def _move_footnotes(root: Any) -> list[Block]:
    """Put each footnote after the paragraph that cites it, as the .docx reader reads Word's
    notes, and return the marks (1, [1]) as dropped blocks.

    Exported pages keep notes at the end of the page, linked both ways: the mark in the text
    links to the note, the note links back (LibreOffice's sdfootnote, Word's _ftn/_ftnref,
    pandoc's footnote-ref/fnref).  Left at the end, a note would land in the last section, or
    after the 版记 that should close the document.
    """
    named: dict[str, Any] = {}
    for el in root.iter():
        for key in ("id", "name"):
            if el.get(key):
                named.setdefault(el.get(key), el)
    marks: list[Block] = []
    for mark in list(root.iter("a")):
        target = named.get((mark.get("href") or "")[1:]) if (mark.get("href") or "").startswith("#") else None
        own = {f"#{v}" for v in (mark.get("id"), mark.get("name")) if v}
        text = collapse_ws(mark.text_content())
        if target is None or not own or not _NOTE_MARK.match(text):
            continue
        back = next((a for a in target.iter("a") if a.get("href") in own), None)
        if back is None:
            continue
        note = next((el for el in back.iterancestors() if el.tag in ("p", "li", "div")), None)
        cited = next((el for el in mark.iterancestors() if el.tag in _BLOCK_TAGS), None)
        if (note is None or cited is None or back is mark or note is cited or note in cited.iterancestors()
                or cited in note.iterancestors()):
            continue
        marks.append(Block(text=text, line=mark.sourceline or 1))
        marks.append(Block(text=collapse_ws(back.text_content()), line=back.sourceline or 1))
        for a in (mark, back):
            a.drop_tree()  # keeps the tail
        note.text = "脚注：" + (note.text or "").lstrip()
        cited.addnext(note)
    return marks


def _convert(root: Any, source: str, encoding: str, capture: webarchive.Capture) -> RawDoc:
    """The parsed page as a RawDoc: metadata, content container, then the walk."""
    title_el = root.find(".//title")
    title = collapse_ws(title_el.text_content()) if title_el is not None else ""
    pages = _pages(root)  # before scripts are dropped: a TRS pager is one
    capture.strip(root)
    for el in list(root.iter(*_DROP_SILENTLY)):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text, which belongs to the parent

    body = root.find("body")
    start = body if body is not None else root
    notes = _move_footnotes(start)
    metadata_els = _find_metadata_elements(start)
    metadata: dict[str, str] = dict(capture.metadata)
    for el in metadata_els:
        for key, value in _metadata_pairs(el).items():
            metadata.setdefault(key, value)
    skip = set(metadata_els) | {el for el in start.iter("div") if _page_furniture(el)}
    container = _find_container(start, skip, by_text=capture.classless)
    if container is None and not capture.classless:
        # No element is named for content (an old CMS page laid out in nested tables):
        # the text decides, so that menus outside it are told from the document.
        container = _find_container(start, skip, by_text=True)

    walker = _Walker(container, metadata_els, _lists_carry_headings(start))
    walker.walk(start, None, 1)
    walker.flush()
    pager = [b for b in walker.blocks if b.cells is None and _is_pager(b.text)]
    blocks = [b for b in walker.blocks if not any(b is x for x in pager)]
    if not any(b.text for b in blocks):
        raise InputError(
            f"{source}: no document text found in this HTML page (only site navigation or scripts); "
            "save the article page itself, or copy its text into a .txt file"
        )
    raw = RawDoc(source=source, format="html", encoding=encoding, blocks=blocks, metadata=metadata,
                 dropped=capture.dropped + notes + walker.dropped + pager, title=title or None)
    if pages is not None:
        last = next(b for b in reversed(blocks) if b.text.strip())
        raw.cut_line = last.last_line
        of = f"（共 {pages[1]} 页）" if pages[1] else ""
        of_en = f" of {pages[1]}" if pages[1] else ""
        raw.warnings.append(f"此网页是分页文章的第 {pages[0]} 页{of}，其余各页不在此文件中：第 {raw.cut_line} 行之后缺少的内容"
                            f"不算删除 / the page is page {pages[0]}{of_en} of an article split over pages; the "
                            f"other pages are not in this file: what is missing after line {raw.cut_line} is not "
                            "counted as deleted")
    return raw
