"""Reprint chrome and cut copies: what a news site, a WeChat article or an archiver adds
around a document, and where a copy stops short.

Reprints wrap the document in furniture of their own, in any format (Markdown, HTML, text):
a header (转载 | 来源, the account's name and the posting time), subscription and promotion
blocks (扫码关注, 征订热线, 邮发代号, 阅读原文), related-article lists after a 往期推荐 /
相关阅读 label, share/like bars (分享 收藏 点赞 在看), editor and source lines (编辑：… 审核：…),
decorative rules and disclaimers.  They are recognised by their vocabulary and their shape
(short lines, label-colon-value, runs of title-like lines), never by one site's strings, and
moved to ``RawDoc.dropped`` with their lines.  Short lines only: a long paragraph that
mentions 关注 or 来源 is document text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from revdiff.model import Block, RawDoc
from revdiff.numbering import HAN, match_marker
from revdiff.structure import TITLE_WORDS

# Byline and editorial labels: 来源：… 作者：… 编辑：… 审核：…, 转载 | 某某 (label then : or |).
_BYLINE = re.compile(
    r"^[（(【\[]?(?:本文|文字|图片|图文|信息|稿件|内容|素材|文章)?(?:来源|出处|作者|记者|通讯员|编辑|责编|责任编辑|小编|主编|审核|审校|审签|校对|终审|复审|初审"
    r"|排版|美编|图片|摄影|制图|供稿|监制|转载|转自|原创|原标题|原文链接|发布时间"
    r"|发布日期|更新时间|浏览次数|阅读量|阅读数|点击量|点击数)\s*(?:[:：]|\s*[|｜丨])"
)
# Subscription and promotion prompts of reprint sites and accounts.
# Each is a phrase addressed to a reader of the page, not a word a policy text uses too:
# 征订 alone names a real task (党报党刊征订), 转发给 a real 通知's sentence, 仅供参考 a guide's.
_PROMO = re.compile(
    r"扫码(?:关注|订阅|阅读|查看|下载|进群|加入|收听|观看|获取)|扫一扫|(?:扫描|长按|识别).{0,4}二维码"
    r"|二维码.{0,6}(?:关注|订阅|下载|进群)|长按(?:识别|关注|图片)|识别图中"
    r"|征订(?:热线|电话|方式|咨询|启事)|(?:欢迎|扫码|在线)(?:征订|订阅)|订阅(?:号|热线|电话|方式)|邮发代号"
    r"|阅读原文|查看原文|原文链接|点击.{0,6}(?:关注|蓝字|名片|卡片)|关注(?:我们|公众号|本号)|设为星标|置顶公众号"
    r"|欢迎(?:关注|转发|分享|投稿|留言)|点个(?:赞|在看)|点亮.{0,2}在看|(?:分享|转发)给(?:朋友|好友|更多)"
    r"|投稿(?:邮箱|热线)|收录于(?:合集|话题|专辑)|如有侵权|侵删|联系删除|仅供(?:个人)?学习(?:交流|参考)?"
    r"|仅供个人参考|仅供交流|免责声明|版权声明|版权归.{1,12}所有"
)
# A label that opens a list of other articles; the short title lines after it are chrome.
_LIST_LABEL = re.compile(
    r"^[\W_]*(?:往期(?:推荐|回顾|精选|阅读)|推荐阅读|相关(?:阅读|推荐|新闻|文章|链接|稿件|报道|文件|政策|解读)"
    r"|延伸阅读|精彩推荐|热门推荐|热点推荐|猜你喜欢|更多(?:阅读|精彩|资讯))[\W_]*$"
)
# Words of a share/like/print bar; a short line made of nothing else is chrome.
_BAR_WORD = re.compile(
    r"分享(?:到)?|收藏|点赞|赞|在看|转发|留言|评论|打印(?:本页)?|关闭(?:窗口)?|返回(?:顶部)?|(?:我要)?纠错|朋友圈"
    r"|微信|微博|QQ(?:空间)?|复制链接|字号|字体|[大中小]|[\s\u3000\xa0·|｜/【】\[\]()（）:：]"
)
# A decorative line: rules, arrows, stars, "END".
_DECORATION = re.compile(r"^[\s\u3000\-—=_*~·•▲▼△▽◆◇■□●○★☆♦→←↑↓↘↙#|｜]*(?:(?:THE\s+)?END)?[\s\u3000\-—=_*~·•▲▼△▽◆◇■□●○★☆→←↑↓]*$", re.I)
_IMAGE_PLACEHOLDER = re.compile(r"^[\[【(（]?\s*(?:图片|图|image|img|photo|视频)\s*\d*\s*[\]】)）]?$", re.I)
# Posting time on a byline ("青川科技 2024-11-21 18:30 四川"): an ISO-ish date or a clock time.
_POST_TIME = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}")
_SENTENCE = re.compile(r"[。；！？]")


def _drop(raw: RawDoc, b: Block) -> None:
    raw.dropped.append(Block(text=b.text, line=b.line, page=b.page))


def _is_bar(t: str) -> bool:
    """分享 收藏 点赞 在看, 【打印】【关闭】: two or more bar words and nothing else."""
    return len(t) <= 40 and not _BAR_WORD.sub("", t) and len(re.findall(HAN + "+|QQ", t)) >= 2


def _is_chrome(t: str, top: bool) -> bool:
    """A short line that is reprint furniture wherever it stands (or, for a byline, near the top)."""
    if _DECORATION.match(t) and (len(t) >= 3 or "END" in t.upper()) and not re.fullmatch(r"[.…。]+", t):
        return True
    if len(t) > 80 or match_marker(t) is not None:
        return False
    if _BYLINE.match(t) and not t.endswith("。"):
        return True
    if len(t) <= 60 and (_PROMO.search(t) or _IMAGE_PLACEHOLDER.match(t) or _is_bar(t)):
        return True
    # the account's name and posting time under a reprint's headline
    return top and len(t) <= 40 and bool(_POST_TIME.search(t)) and not re.search(r"[，,。；]", t)


def _listed_title(t: str) -> bool:
    """A line of a related-article list: short, no sentence inside, not the document's numbering."""
    return 4 <= len(t) <= 60 and not _SENTENCE.search(t[:-1]) and match_marker(t) is None


def strip_reprint_chrome(raw: RawDoc, keep: Callable[[str], object] = lambda t: False) -> None:
    """Move reprint furniture to ``raw.dropped``; byline fields (来源, 作者) go to metadata too.

    ``keep``: lines left for a later step (the cleaner's metadata block: 成文日期: … 发布日期: …).
    """
    kept: list[Block] = []
    in_list = False
    seen_text = 0
    for b in raw.blocks:
        t = b.text.strip(" \t\u3000\xa0")
        if b.cells is not None or not t or b.text.startswith("\t"):  # tab-indented: a table cell
            kept.append(b)
            continue
        if _LIST_LABEL.match(t):
            in_list = True
            _drop(raw, b)
            continue
        if in_list and _listed_title(t) and not _is_structural(t):
            _drop(raw, b)
            continue
        in_list = False
        if not keep(t) and _is_chrome(t, top=seen_text < 8):
            for label, value in re.findall(r"(来源|作者|编辑|责任编辑|审核)\s*[:：]\s*(\S+(?: \S+)?)", t):
                raw.metadata.setdefault(label, value.rstrip("）)】]"))
            _drop(raw, b)
            continue
        seen_text += 1
        kept.append(b)
    raw.blocks = kept
    _drop_repeated_headline(raw)


def _is_structural(t: str) -> bool:
    return bool(re.match(r"^(?:附件|第[一二三四五六七八九十百零〇\d]+[章节条编])", t))


def _drop_repeated_headline(raw: RawDoc) -> None:
    """A headline printed twice at the top (the page's, then the document's own): drop the first."""
    lines = [(i, b) for i, b in enumerate(raw.blocks) if b.cells is None and b.text.strip()][:30]
    for pos, (i, b) in enumerate(lines[:5]):
        t = _plain(b.text)
        # a law's 第一节 一般规定 opens chapter after chapter: structure, never a headline
        if not 4 <= len(t) <= 60 or _SENTENCE.search(t) or not TITLE_WORDS.search(t) or _is_structural(t):
            continue
        if any(_plain(later.text) == t for _, later in lines[pos + 1 :]):
            _drop(raw, b)
            del raw.blocks[i]
            return


def _plain(t: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", "", t)


# --------------------------------------------------------------------------- cut copies

# What an archiver or a truncated page leaves at the end: ..., ……, (未完), （未完待续）.
_CUT_MARK = re.compile(r"(?:\.{3,}|…+|[（(]\s*未完(?:待续)?\s*[）)])\s*$")
# A distribution list ends a 通知 without a full stop: 抄送：市委各部门，市人大常委会办公室
_DISTRIBUTION = re.compile(r"^(?:抄\s*送|主\s*送|分\s*送|发\s*送)\s*[:：]")
_CLOSED = tuple("。！？!?；;”’」』）)】》>")


def mark_cut(raw: RawDoc) -> None:
    """Set ``raw.cut_line`` and a warning when the copy stops short: a cut mark (…, (未完)) or
    a last text line that breaks off mid-sentence.  A cut mark on a line of its own goes to
    ``dropped``."""
    if raw.cut_line is not None:
        return  # the reader knew already (a page of an article split over pages) and said so
    last = next((b for b in reversed(raw.blocks) if b.cells is None and b.text.strip()), None)
    if last is None:
        return
    t = last.text.strip(" \t\u3000\xa0")
    mark = _CUT_MARK.search(t)
    if mark and mark.start() == 0:
        _drop(raw, last)
        raw.blocks.remove(last)
        prev = next((b for b in reversed(raw.blocks) if b.cells is None and b.text.strip()), None)
        raw.cut_line = prev.last_line if prev else last.line
    elif mark or (len(t) >= 20 and not t.endswith(_CLOSED) and re.search(r"[，、,]", t)
                  and not _DISTRIBUTION.match(t)):
        raw.cut_line = last.last_line
    if raw.cut_line is not None:
        raw.warnings.append(f"第 {raw.cut_line} 行处中断（复制件可能不完整），其后缺少的内容不算删除 / the text "
                            f"breaks off at line {raw.cut_line} (a cut copy?): what is missing after it is not "
                            "counted as deleted")
