"""Regenerate the committed web-archive fixtures from the clean texts of tests/copies and tests/laws.

Run from the repository root::

    python tests/archives/make_archives.py

Each fixture is a clean text put into an invented government page (three site templates: a
provincial portal with a TRS_Editor div and a metadata table, a county site laid out in
``<table>``s with ``<br>``-separated lines served as GB2312, a legislature's site with
``<div id="Zoom">``), then into what a web archive or a browser makes of that page: an MHTML
file as Chrome, Internet Explorer and Word (or WPS) write it, a Safari Web Archive, a Wayback Machine snapshot, an archive.today
snapshot, a WARC of a crawl, a WACZ of an ArchiveWeb.page visit, a page "saved complete" with its ``_files`` folder and a page
saved as "text only".  The wrappers are written out byte by byte here, as the tools write
them, not by the libraries revdiff reads them with.  Output is deterministic.
"""

from __future__ import annotations

import base64
import gzip
import html
import quopri
import re
import unicodedata
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
COPIES = TESTS / "copies"
LAWS = TESTS / "laws"

# --------------------------------------------------------------------------- clean text → page body


def _blocks(text: str) -> tuple[list[str], list[str | list[list[str]]]]:
    """The title lines (up to the first blank line) and the body: paragraphs and tables."""
    lines = text.splitlines()
    cut = lines.index("")
    title, body = lines[:cut], lines[cut:]
    out: list[str | list[list[str]]] = []
    for line in body:
        if not line.strip():
            continue
        if "\t" in line:
            if out and isinstance(out[-1], list):
                out[-1].append(line.split("\t"))
            else:
                out.append([line.split("\t")])
        else:
            out.append(line)
    return title, out


def _law_text(md: str) -> str:
    """A law from the law collection's Markdown as the plain text its page would show."""
    md = md.replace("<!-- INFO END -->\n", "")
    return re.sub(r"^#+ ", "", md, flags=re.M)


def _table(rows: list[list[str]], attrs: str = ' border="1" cellspacing="0" cellpadding="4"') -> str:
    trs = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table{attrs}>\n{trs}\n</table>"


def provincial_portal(text: str, url: str) -> str:
    """A provincial government portal: breadcrumb, 索引号 table, h1, TRS_Editor div of <p>, share bar, footer."""
    title, body = _blocks(text)
    paras = []
    for b in body:
        if isinstance(b, list):
            paras.append(_table(b))
        elif re.match(r"^第[一二三四五六七八九十]+章", b) or b in ("主要指标",):
            paras.append(f'<p style="text-align: center;"><strong>{html.escape(b)}</strong></p>')
        else:
            paras.append(f'<p style="text-indent: 2em;">{html.escape(b)}</p>')
    body_html = "\n".join(paras)
    heading = "".join(title)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{html.escape(heading)}_青川市人民政府</title>
<link rel="stylesheet" href="/images/common.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="青川市人民政府"></a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
<div class="xxgk_table"><table>
<tr><td>索引号：</td><td>11510800MB1234567X/2024-00123</td><td>主题分类：</td><td>科技、教育</td></tr>
<tr><td>发文机关：</td><td>青川市人民政府办公室</td><td>成文日期：</td><td>2024年05月20日</td></tr>
<tr><td>发文字号：</td><td>青府办规〔2024〕3号</td><td>发布日期：</td><td>2024年05月28日</td></tr>
</table></div>
<div class="article">
<h1 class="article-title">{html.escape(heading)}</h1>
<div class="article-content">
<div class="TRS_Editor">
{body_html}
</div>
</div>
<div class="article-tools">【<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer"><p>主办单位：青川市人民政府办公室　承办单位：青川市大数据中心</p>
<p>网站标识码：5108000001　蜀ICP备05012345号　川公网安备 51080002000123号</p></div>
</body>
</html>
"""


def county_site(text: str) -> str:
    """A county site of the 2000s: nested layout tables, a title cell, lines joined by <br>, GB2312."""
    title, body = _blocks(text)
    pieces = []
    for b in body:
        if isinstance(b, list):
            pieces.append("</td></tr><tr><td class=\"text\">" + _table(b, ' width="90%" border="1" align="center"')
                          + "</td></tr><tr><td class=\"text\">")
        else:
            pieces.append(f"　　{html.escape(b)}<br>\n")
    content = "".join(pieces)
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{html.escape(title[0])}</title>
<link href="../../css/style.css" rel="stylesheet" type="text/css">
</head>
<body topmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="../../images/banner.jpg" width="980" height="120"></td></tr>
<tr><td class="menu"><a href="/">网站首页</a> | <a href="/xwzx/">新闻中心</a> | <a href="/zwgk/">政务公开</a> | <a href="/tzgg/">通知公告</a> | <a href="/bszn/">办事指南</a></td></tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td width="220" valign="top" class="left">
<table width="100%"><tr><td class="lm">通知公告</td></tr>
<tr><td><a href="/tzgg/1.htm">关于开展2024年春季植树活动的通知</a></td></tr>
<tr><td><a href="/tzgg/2.htm">县政务服务中心春节假期安排</a></td></tr>
<tr><td><a href="/tzgg/3.htm">2024年度县级预算公开</a></td></tr></table>
</td>
<td width="760" valign="top">
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td class="position">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/tzgg/">通知公告</a></td></tr>
<tr><td align="center" class="bt"><b>{"<br>".join(html.escape(t) for t in title)}</b></td></tr>
<tr><td align="center" class="sj">发布时间：2024-03-01　　来源：县发展和改革局　　浏览次数：1024</td></tr>
<tr><td class="text">
{content}</td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></td></tr>
</table>
</td></tr>
</table>
<table width="980" align="center"><tr><td class="bottom">版权所有：青川县人民政府　技术支持：青川县信息中心<br>
地址：青川县城关镇府前街1号　ICP备案：蜀ICP备09001234号</td></tr></table>
</body>
</html>
"""


def legislature_site(text: str) -> str:
    """A legislature's law database page: <div id="Zoom"> of <p>, chapter headings centred."""
    title, body = _blocks(text)
    paras = []
    for b in body:
        assert isinstance(b, str)
        if re.match(r"^第[一二三四五六七八九十]+章", b):
            paras.append(f'<p align="center"><b>{html.escape(b)}</b></p>')
        else:
            paras.append(f"<p>　　{html.escape(b)}</p>")
    body_html = "\n".join(paras)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{html.escape(title[0])}_中国人大网</title>
<link rel="stylesheet" type="text/css" href="http://www.npc.gov.cn/npc/xinwen/css/fbt.css" />
<script type="text/javascript" src="http://www.npc.gov.cn/npc/xinwen/js/zoom.js"></script>
</head>
<body>
<div class="top"><a href="http://www.npc.gov.cn/">首页</a> <a href="http://www.npc.gov.cn/npc/flfg/">法律法规</a> <a href="http://www.npc.gov.cn/npc/rdyw/">人大要闻</a></div>
<div class="fl w680">
<div class="tit"><h1>{html.escape(title[0])}</h1></div>
<div class="fontsize">来源：中国人大网　　浏览字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></div>
<div id="Zoom">
{body_html}
</div>
</div>
<div class="footer">全国人大常委会办公厅版权所有　京ICP备05070549号</div>
</body>
</html>
"""


# --------------------------------------------------------------------------- wrappers


def _qp(data: bytes) -> bytes:
    return quopri.encodestring(data).replace(b"\n", b"\r\n")


def _b64(data: bytes) -> bytes:
    text = base64.b64encode(data)
    return b"\r\n".join(text[i : i + 76] for i in range(0, len(text), 76))


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def mhtml_chrome(page: str, url: str, subject: str) -> bytes:
    """MHTML as Chrome (Blink) saves it: quoted-printable parts, a =?utf-8?Q?…?= subject."""
    boundary = "----MultipartBoundary--dGcmR0QXh2NmTf5Xvw0q9oKuKJlpYvmF1kt8YtGh2L----"
    encoded_subject = "=?utf-8?Q?" + "".join(f"={b:02X}" for b in subject.encode("utf-8")) + "?="
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        f"Subject: {encoded_subject}\r\n"
        "Date: Tue, 11 Jun 2024 09:12:40 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n\r\n'
    ).encode("ascii")
    html_part = (
        f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-5D2E1A7C0B3F4E29@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n"
    ).encode("ascii") + _qp(page.encode("utf-8"))
    css_part = (
        f"\r\n\r\n--{boundary}\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url.rsplit('/', 1)[0]}/images/common.css\r\n\r\n"
    ).encode("ascii") + _qp(b'@charset "utf-8";\nbody { font-family: "Microsoft YaHei"; }\n')
    png_part = (
        f"\r\n\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: {url.rsplit('/', 1)[0]}/images/logo.png\r\n\r\n"
    ).encode("ascii") + _b64(PNG)
    return head + html_part + css_part + png_part + f"\r\n\r\n--{boundary}--\r\n".encode("ascii")


def mhtml_ie(page_bytes: bytes, url: str, charset: str) -> bytes:
    """MHTML as Internet Explorer (and WPS, which uses its engine) saves it: base64, the
    charset in the part's header, a GBK From line."""
    boundary = "----=_NextPart_000_0000_01DA6B1C.3E2A5F40"
    head = (
        "From: <由 Windows Internet Explorer 8 保存>\r\n".encode("gbk")
        + (
            "Subject: \r\n"
            "Date: Fri, 1 Mar 2024 15:40:11 +0800\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/related;\r\n"
            '\ttype="text/html";\r\n'
            f'\tboundary="{boundary}"\r\n'
            "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158\r\n\r\n"
            "This is a multi-part message in MIME format.\r\n\r\n"
            f"--{boundary}\r\n"
            "Content-Type: text/html;\r\n"
            f'\tcharset="{charset}"\r\n'
            "Content-Transfer-Encoding: base64\r\n"
            f"Content-Location: {url}\r\n\r\n"
        ).encode("ascii")
    )
    img = (
        f"\r\n\r\n--{boundary}\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: {url.split('/zwgk')[0]}/images/banner.jpg\r\n\r\n"
    ).encode("ascii") + _b64(PNG)
    return head + _b64(page_bytes) + img + f"\r\n\r\n--{boundary}--\r\n".encode("ascii")


def word_html(text: str) -> str:
    """A document as Word or WPS writes it as a web page: MsoNormal paragraphs in spans with
    font styles, <o:p> marks, empty &nbsp; paragraphs, an <xml> settings block in a conditional
    comment, the body in div.WordSection1; GB2312."""
    title, body = _blocks(text)
    paras = [f"<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span "
             f"style='font-size:22.0pt;font-family:方正小标宋简体'>{html.escape(t)}<span lang=EN-US><o:p></o:p></span>"
             f"</span></b></p>" for t in title]
    paras.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    for b in body:
        assert isinstance(b, str)
        if re.match(r"^第[一二三四五六七八九十]+章", b):
            paras.append(f"<p class=MsoNormal align=center style='text-align:center'><span style='font-size:16.0pt;"
                         f"font-family:黑体'>{html.escape(b)}<span lang=EN-US><o:p></o:p></span></span></p>")
        else:
            paras.append(f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:"
                         f"16.0pt;font-family:仿宋_GB2312'>{html.escape(b)}<span lang=EN-US><o:p></o:p></span></span></p>")
    return """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file.files/filelist.xml">
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>市科技局</o:Author>
  <o:Pages>3</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face {font-family:仿宋_GB2312; panose-1:2 1 6 9 3 1 1 1 1 1;}
p.MsoNormal {margin:0cm; text-align:justify; font-size:10.5pt;}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

""" + "\n\n".join(paras) + """

</div>

</body>

</html>
"""


def mhtml_word(page: str) -> bytes:
    """A page as Word or WPS saves "单个文件网页" (.mht): the preamble, quoted-printable GB2312 with
    Word's file:/// location, and its filelist.xml part."""
    boundary = "----=_NextPart_01DA6C2B.5A1C3E90"
    preamble = ("此文档为“单个文件网页”，也称为“Web 档案”文件。如果您看到此消息，但是您的浏览器或编辑器不支持“Web 档案”文件。"
                "请下载支持“Web 档案”的浏览器。")
    head = (f'MIME-Version: 1.0\r\nX-Document-Type: Word\r\nContent-Type: multipart/related; boundary="{boundary}"'
            "\r\n\r\n").encode("ascii") + preamble.encode("gbk") + (
        f"\r\n\r\n--{boundary}\r\nContent-Location: file:///C:/3F2A9C1B/file.htm\r\n"
        'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n'
    ).encode("ascii")
    files = (f"\r\n\r\n--{boundary}\r\nContent-Location: file:///C:/3F2A9C1B/file.files/filelist.xml\r\n"
             'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/xml; charset="utf-8"\r\n\r\n'
             '<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office">\r\n <o:File HRef=3D"filelist.xml"/>\r\n</xml>'
             ).encode("ascii")
    return head + _qp(page.encode("gbk")) + files + f"\r\n--{boundary}--\r\n".encode("ascii")


def safari_webarchive(page_bytes: bytes, url: str, encoding: str) -> bytes:
    """A page as Safari saves a "Web Archive": a binary property list of the page and its resources."""
    import plistlib

    return plistlib.dumps({
        "WebMainResource": {"WebResourceData": page_bytes, "WebResourceFrameName": "",
                            "WebResourceMIMEType": "text/html", "WebResourceTextEncodingName": encoding,
                            "WebResourceURL": url},
        "WebSubresources": [{"WebResourceData": PNG, "WebResourceMIMEType": "image/png",
                             "WebResourceURL": url.split("/zwgk")[0] + "/images/logo.png"}],
    }, fmt=plistlib.FMT_BINARY, sort_keys=True)


def _toolbar_2015(url: str, stamp: str, previous: str) -> str:
    """The Wayback toolbar of the mid-2010s: the capture's address in a script variable and a
    form, links to the previous capture, no wombat call."""
    return f"""<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script type="text/javascript" src="/static/js/disclaim-element.js" ></script>
<script type="text/javascript">//<![CDATA[
var __wm = (function(imgWidth,imgHeight,yearImgWidth,monthImgWidth){{
var wbPrefix = "/web/";
var wbCurrentUrl = "{url}";
var firstYear = 1996;
return{{bt:function(){{}}}};
}})(550, 27, 25, 2);//]]>
</script>
<div id="wm-ipp" lang="en" style="display:none;">
<div style="position:fixed;left:0;top:0;width:100%!important">
<div id="wm-ipp-inside">
   <table style="width:100%;"><tbody><tr>
   <td id="wm-logo"><a href="/web/" title="Wayback Machine home page"><img src="/static/images/toolbar/wayback-toolbar-logo.png" alt="Wayback Machine" /></a></td>
   <td class="c">
       <form target="_top" method="get" action="/web/form-submit.jsp" name="wmtb" id="wmtb"><input type="text" name="url" id="wmtbURL" value="{url}" /><input type="hidden" name="type" value="replay" /><input type="hidden" name="date" value="{stamp}" /><input type="submit" value="Go" /></form>
       <table><tbody><tr class="m">
         <td class="b" nowrap="nowrap"><a href="/web/{previous}/{url}" title="Previous capture">JUN</a></td>
         <td class="c" id="displayMonthEl">MAR</td>
         <td class="f" nowrap="nowrap">Apr</td>
       </tr></tbody></table>
       <a class="t" href="/web/{stamp}*/{url}" title="See a list of every capture for this URL">11 captures</a>
       <div class="r" title="Timespan for captures of this URL">16 Jul 10 - 22 Mar 15</div>
   </td>
   <td class="r"><a href="#close" onclick="__wm.h();return false;" title="Close the toolbar">Close</a>
       <a href="http://faq.web.archive.org/" title="Get some help using the Wayback Machine">Help</a></td>
   </tr></tbody></table>
</div>
</div>
</div>
<script type="text/javascript">__wm.bt();</script>
<!-- END WAYBACK TOOLBAR INSERT -->
"""


def wayback(page: str, url: str, stamp: str, era: str = "2019") -> str:
    """The page as web.archive.org serves it: rewrite scripts in the head, the toolbar after
    <body>, every link rewritten to /web/STAMP/…, the archive's comments after </html>.
    ``era``: ``2019`` (the toolbar of today, with wombat) or ``2015`` (the one before it)."""
    prefix = f"/web/{stamp}/"

    def rewrite(m: re.Match[str]) -> str:
        attr, link = m.group(1), m.group(2)
        if link.startswith(("javascript:", "#")):
            return m.group(0)
        absolute = link if link.startswith("http") else url.split("/", 3)[0] + "//" + url.split("/")[2] + (
            link if link.startswith("/") else "/" + link)
        flag = "im_" if attr == "src" and absolute.endswith((".png", ".jpg", ".gif")) else (
            "js_" if absolute.endswith(".js") else "cs_" if absolute.endswith(".css") else "")
        return f'{attr}="{prefix[:-1]}{flag}/{absolute}"'

    page = re.sub(r'\b(href|src)="([^"]+)"', rewrite, page)
    head_insert = f"""<script type="text/javascript" src="/_static/js/bundle-playback.js?v=t1Bf4PY_" charset="utf-8"></script>
<script type="text/javascript" src="/_static/js/wombat.js?v=txqj7nKC" charset="utf-8"></script>
<script>window.RufflePlayer=window.RufflePlayer||{{}};window.RufflePlayer.config={{"autoplay":"on","unmuteOverlay":"hidden"}};</script>
<script type="text/javascript" src="/_static/js/ruffle/ruffle.js"></script>
<script type="text/javascript">
    __wm.init("https://web.archive.org/web");
  __wm.wombat("{url}","{stamp}","https://web.archive.org/","web","/_static/",
\t      "1560214360");
</script>
<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css?v=S1zqJCYt" />
<link rel="stylesheet" type="text/css" href="/_static/css/iconochive.css?v=3PDvdIFv" />
<!-- End Wayback Rewrite JS Include -->
"""
    toolbar = f"""<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="donato" style="position:relative;width:100%;">
  <div id="donato-base">
    <iframe id="donato-if" src="https://archive.org/includes/donate.php?as_page=1&amp;platform=wb"
\t    scrolling="no" frameborder="0" style="width:100%; height:100%"></iframe>
  </div>
</div><div id="wm-ipp-inside">
  <div id="wm-logo" style="float:left;width:110px;padding-top:12px;">
    <a href="/web/" title="Wayback Machine home page"><img src="/_static/images/toolbar/wayback-toolbar-logo-200.png" alt="Wayback Machine" style="width:100px" border="0" /></a>
  </div>
  <div class="r" style="float:right;">
    <div id="wm-btns" style="text-align:right;height:25px;">
      <span class="xxs">
        <div id="wm-save-snapshot-success">success</div>
        <div id="wm-save-snapshot-fail">fail</div>
        <a id="wm-save-snapshot-open" href="#" title="Share via My Web Archive"><span class="iconochive-web"></span></a>
        <a href="https://archive.org/account/login.php" title="Sign In" id="wm-sign-in"><span class="iconochive-person"></span></a>
      </span>
      <a href="#close" onclick="__wm.h(event);return false;" style="display:block;padding-right:18px;" title="Close the toolbar">Close</a>
      <a href="http://faq.web.archive.org/" title="Get some help using the Wayback Machine">Help</a>
    </div>
  </div>
  <div class="c" style="">
    <form target="_top" method="get" action="/web/submit" name="wmtb" id="wm-ipp-form">
      <input type="text" name="url" id="wmtbURL" value="{url}" onfocus="this.focus();this.select();" />
      <input type="hidden" name="type" value="replay" />
      <input type="hidden" name="date" value="{stamp}" />
    </form>
    <div id="wm-nav-captures">
      <a class="t" href="/web/{stamp}*/{url}" title="See a list of every capture for this URL">7 captures</a>
      <div class="r" title="Timespan for captures of this URL">11 Jun 2019 - 03 Aug 2024</div>
    </div>
  </div>
  <div id="wm-capinfo" style="border-top:1px solid #777;display:none; overflow:hidden">
    <div id="wm-capinfo-collected-by">
    <div style="background-color:#666;color:#fff;font-weight:bold;text-align:center">COLLECTED BY</div>
    <div style="padding:3px;position:relative" id="wm-collected-by-content">
      <div style="display:inline-block;vertical-align:top;width:50%;">
        <span class="c-logo" style="background-image:url(https://archive.org/services/img/alexacrawls);"></span>
        Organization: <a style="color:#33f;" href="https://archive.org/details/alexacrawls" target="_new"><span class="wm-title">Alexa Crawls</span></a>
        <div style="max-height:75px;overflow:hidden;position:relative;">Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.</div>
      </div>
    </div>
    </div>
    <div id="wm-capinfo-timestamps">
    <div style="background-color:#666;color:#fff;font-weight:bold;text-align:center" title="Timestamps for the elements of this page">TIMESTAMPS</div>
    </div>
  </div>
</div>
</div>
</div>
<div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/{stamp}/{url}</div>
<script type="text/javascript">//<![CDATA[
__wm.bt(700,27,25,2,"web","{url}","{stamp}",1996,"/_static/",["/_static/css/banner-styles.css?v=S1zqJCYt","/_static/css/iconochive.css?v=3PDvdIFv"], false);
  __wm.rw(1);
//]]></script>
<!-- END WAYBACK TOOLBAR INSERT -->
"""
    archived = datetime.strptime(stamp, "%Y%m%d%H%M%S").strftime("%H:%M:%S %b %d, %Y")
    footer = f"""
<!--
     FILE ARCHIVED ON {archived} AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 07:03:18 Nov 29, 2026.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.

     ALL OTHER CONTENT MAY ALSO BE PROTECTED BY COPYRIGHT (17 U.S.C.
     SECTION 108(a)(3)).
-->
<!--
playback timings (ms):
  captures_list: 0.547
  exclusion.robots: 0.02
  exclusion.robots.policy: 0.01
  esindex: 0.011
  cdx.remote: 11.201
  LoadShardBlock: 104.623 (3)
  PetaboxLoader3.datanode: 149.01 (4)
  load_resource: 71.802
-->"""
    if era == "2015":
        head_insert = ('<script type="text/javascript" src="/static/js/analytics.js"></script>\n'
                       '<link type="text/css" rel="stylesheet" href="/static/css/banner-styles.css"/>\n')
        toolbar = _toolbar_2015(url, stamp, previous=str(int(stamp[:4]) - 3) + stamp[4:])
        footer = footer[: footer.index("<!--\nplayback")].rstrip("\n")
    page = page.replace("<head>\n", "<head>\n" + head_insert, 1)
    page = re.sub(r"(<body[^>]*>)\n", lambda m: m.group(1) + "\n" + toolbar, page, count=1)
    return page.rstrip("\n") + footer


def _strip_classes(page: str) -> str:
    return re.sub(r'\s(?:class|id)="[^"]*"', "", page)


def archive_today(page: str, url: str, short: str, when: str, shown: str) -> str:
    """The page as archive.today (archive.ph) keeps it: scripts gone, every id and class gone
    (styles inlined), links through archive.ph/o/ID/, its HEADER toolbar above the page."""
    body = re.search(r"<body[^>]*>\n(.*)</body>", page, re.S)
    assert body
    inner = re.sub(r"<script\b.*?</script>\n?", "", body.group(1), flags=re.S)
    inner = _strip_classes(inner)
    inner = re.sub(r'href="(https?://[^"]+)"', lambda m: f'href="https://archive.ph/o/{short}/{m.group(1)}"', inner)
    inner = re.sub(r'href="(/[^"]*)"', lambda m: f'href="https://archive.ph/o/{short}/{url.split("/zwgk")[0]}{m.group(1)}"',
                   inner)
    inner = re.sub(r"<(div|p|td|table|h1|ul|li)(?=[ >])", r'<\1 style="box-sizing:border-box;margin:0;"', inner)
    title = re.search(r"<title>(.*?)</title>", page)
    assert title
    return f"""<!DOCTYPE html><html style="background-color:#eeeeee" prefix="og: http://ogp.me/ns# article: http://ogp.me/ns/article#" itemscope="" itemtype="http://schema.org/Article"><head><meta http-equiv="content-type" content="text/html; charset=utf-8"><meta name="robots" content="index,noarchive"><meta name="viewport" content="width=1024,initial-scale=1"><meta name="referrer" content="no-referrer"><title>{title.group(1)}</title>
<link rel="canonical" href="https://archive.ph/{short}"><meta property="og:type" content="article"><meta property="og:site_name" content="archive.ph"><meta itemprop="url" content="https://archive.ph/{short}"><meta property="og:url" content="https://archive.ph/{short}"><meta itemprop="dateModified" content="{when}"><meta property="article:modified_time" content="{when}"><meta itemprop="datePublished" content="{when}"><meta property="article:published_time" content="{when}"><meta itemprop="description" content="archived {shown}">
<style type="text/css">body{{margin:0;padding:0}}.THUMBS-BLOCK a{{text-decoration:none}}</style>
</head><body>
<center><div id="HEADER" style="position:relative;width:1024px;border-bottom:1px solid #a0a0a0;background-color:#eeeeee;text-align:left"><table style="width:1024px;font-size:10px" border="0" cellspacing="0" cellpadding="0"><tr><td style="width:150px" rowspan="2"><a href="https://archive.ph/" style="color:#000">archive.today<br>webpage capture</a></td><td style="font-weight:bold;color:#1e1e1e;font-size:16px;padding:5px">Saved from</td><td style="width:100%"><form method="get" action="https://archive.ph/search/"><input style="width:100%" type="text" name="q" value="{url}"></form></td><td style="white-space:nowrap"><a href="https://archive.ph/search/?q={url}">search</a></td></tr>
<tr><td colspan="2"><span>no other snapshots from this url</span></td><td style="white-space:nowrap">{shown}</td></tr>
<tr><td>All snapshots</td><td colspan="2"><b>from host</b> <a href="https://archive.ph/{url.split('/')[2]}">{url.split('/')[2]}</a></td></tr>
<tr><td colspan="2"><a href="https://archive.ph/{short}" style="font-weight:bold">Webpage</a> <a href="https://archive.ph/{short}/image">Screenshot</a></td></tr>
<tr><td colspan="3"><a href="https://archive.ph/{short}/share">share</a> <a href="https://archive.ph/download/{short}.zip">download .zip</a> <a href="https://archive.ph/{short}/abuse">report bug or abuse</a> <a href="https://liberapay.com/archiveis/donate">Buy me a coffee</a></td></tr></table>
<div id="SHARE" style="display:none"><a href="https://reddit.com/submit?url=https://archive.ph/{short}">Reddit</a> <a href="https://vk.com/share.php?url=https://archive.ph/{short}">VKontakte</a> <a href="https://twitter.com/intent/tweet?url=https://archive.ph/{short}">Twitter</a> <a href="https://pinboard.in/add?url=https://archive.ph/{short}">Pinboard</a> <a href="https://www.livejournal.com/update.bml">Livejournal</a>
<div>short link</div><input value="https://archive.ph/{short}"><div>long link</div><div>markdown</div><div>html code</div><div>wiki code</div></div>
</div></center>
<div style="position:relative;min-width:1024px;"><div style="text-align:left;direction:ltr;background-color:#ffffff;">
{inner}</div></div>
</body></html>
"""


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode("utf-8") + block + b"\r\n\r\n", mtime=0)


def _chunked(data: bytes, size: int = 1000) -> bytes:
    out = b"".join(b"%x\r\n" % len(data[i : i + size]) + data[i : i + size] + b"\r\n" for i in range(0, len(data), size))
    return out + b"0\r\n\r\n"


def warc(captures: list[tuple[str, str, str, bytes]]) -> bytes:
    """A .warc.gz as a crawler (wget --warc-file, Heritrix) writes it: warcinfo, then a request and
    a response record per URL, each record its own gzip member.  ``captures``: (url, date,
    content type, body); HTML bodies are sent gzip-compressed in HTTP chunks."""
    info = b"software: Wget/1.21.3 (linux-gnu)\r\nformat: WARC File Format 1.0\r\nrobots: classic\r\n"
    out = _record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:uuid:6e9a0c4b-0000-4000-8000-000000000000>"),
                   ("WARC-Date", captures[0][1]), ("WARC-Filename", "crawl.warc.gz"),
                   ("Content-Type", "application/warc-fields")], info)
    for n, (url, date, ctype, body) in enumerate(captures, 1):
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3]
        request = f"GET {path} HTTP/1.1\r\nUser-Agent: Wget/1.21.3\r\nAccept: */*\r\nHost: {host}\r\n\r\n".encode()
        out += _record([("WARC-Type", "request"), ("WARC-Target-URI", url), ("WARC-Date", date),
                        ("WARC-Record-ID", f"<urn:uuid:6e9a0c4b-0000-4000-8000-{2 * n:012d}>"),
                        ("Content-Type", "application/http;msgtype=request")], request)
        if ctype.startswith("text/html"):
            payload = _chunked(gzip.compress(body, mtime=0))
            http = (f"HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: Wed, 12 Jun 2024 03:14:15 GMT\r\n"
                    f"Content-Type: {ctype}\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n"
                    f"Content-Encoding: gzip\r\n\r\n").encode() + payload
        else:
            http = (f"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: {ctype}\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        out += _record([("WARC-Type", "response"), ("WARC-Target-URI", url), ("WARC-Date", date),
                        ("WARC-Record-ID", f"<urn:uuid:6e9a0c4b-0000-4000-8000-{2 * n + 1:012d}>"),
                        ("Content-Type", "application/http;msgtype=response")], http)
    return out


def wacz(warc_gz: bytes, visited: list[tuple[str, str, str]]) -> bytes:
    """A WACZ as ArchiveWeb.page exports it: the WARC stored under archive/, the visited pages
    in pages/pages.jsonl, a datapackage.json listing the resources (zip entries stored, fixed times)."""
    import hashlib
    import io
    import json
    import zipfile

    pages = "\n".join([json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
                      + [json.dumps({"id": f"p{i}", "url": url, "ts": ts, "title": title}, ensure_ascii=False)
                         for i, (url, ts, title) in enumerate(visited)]) + "\n"
    members = {"archive/data.warc.gz": warc_gz, "pages/pages.jsonl": pages.encode("utf-8")}
    package = {"profile": "data-package", "wacz_version": "1.1.1", "software": "ArchiveWeb.page 0.11.2",
               "created": "2024-03-05T02:12:00Z",
               "resources": [{"name": n.split("/")[-1], "path": n, "hash": "sha256:" + hashlib.sha256(d).hexdigest(),
                              "bytes": len(d)} for n, d in members.items()]}
    members["datapackage.json"] = json.dumps(package, indent=2).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in members.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 3, 5, 2, 12, 0)), data)
    return out.getvalue()


def saved_complete(page: str, url: str, folder: str) -> str:
    """The page as Chrome's "Webpage, Complete" saves it: the mark of the web first, resources
    pointed at the ``NAME_files`` folder, scripts kept."""
    page = re.sub(r'(href|src)="/(?:images|js)/([^"]+)"', rf'\1="./{folder}/\2"', page)
    return f"<!-- saved from url=({len(url):04d}){url} -->\n" + page


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_NO_LINE_START = set("，。；：、）》」”！？%")


def _wrap(line: str, columns: int = 80) -> list[str]:
    """Firefox's plain-text serializer wraps at 80 columns, a CJK character counting two,
    never starting a line with closing punctuation."""
    out, current, width = [], "", 0
    for ch in line:
        if width + _width(ch) > columns and current:
            if ch in _NO_LINE_START:
                ch, current = current[-1] + ch, current[:-1]
            out.append(current)
            current, width = "", sum(map(_width, ch)) - _width(ch[-1])
        current += ch
        width += _width(ch[-1])
    return out + [current] if current else out


def text_only(text: str) -> str:
    """The portal page saved by Firefox as "Text Files": menu and breadcrumb lines, the metadata
    table as tab-separated cells, paragraphs wrapped at 80 columns, the share bar and footer."""
    title, body = _blocks(text)
    lines = ["", "青川市人民政府", "", "  * 首页", "  * 政务公开", "  * 政务服务", "  * 互动交流", "",
             "当前位置：首页 > 政务公开 > 政策文件", "",
             "索引号：\t11510800MB1234567X/2024-00123\t主题分类：\t科技、教育",
             "发文机关：\t青川市人民政府办公室\t成文日期：\t2024年05月20日",
             "发文字号：\t青府办规〔2024〕3号\t发布日期：\t2024年05月28日", "", "".join(title), ""]
    for b in body:
        assert isinstance(b, str)
        lines += _wrap(b) + [""]
    lines += ["【大 中 小】【打印本页】【关闭窗口】", "",
              "主办单位：青川市人民政府办公室　承办单位：青川市大数据中心", "",
              "网站标识码：5108000001　蜀ICP备05012345号　川公网安备 51080002000123号", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- the fixtures

PORTAL = "http://www.qingchuan.gov.cn/zwgk/zcwj/202405/t20240528_1234567.html"
COUNTY = "http://www.qcx.gov.cn/zwgk/tzgg/202403/t20240301_88001.htm"
NPC = "http://www.npc.gov.cn/npc/c2/c30834/202409/t20240913_439539.html"


def build() -> dict[str, bytes]:
    """Every fixture file: name → bytes."""
    reg_draft = (COPIES / "regulation-draft.txt").read_text(encoding="utf-8")
    reg_final = (COPIES / "regulation-final.txt").read_text(encoding="utf-8")
    plan_draft = (COPIES / "plan-draft.txt").read_text(encoding="utf-8")
    plan_final = (COPIES / "plan-final.txt").read_text(encoding="utf-8")
    law = _law_text((LAWS / "statistics-law-2024.md").read_text(encoding="utf-8"))

    portal_final = provincial_portal(reg_final, PORTAL)
    county_draft = county_site(plan_draft)
    files: dict[str, bytes] = {}
    files["regulation-final.chrome.mhtml"] = mhtml_chrome(portal_final, PORTAL, reg_final.splitlines()[0] + "_青川市人民政府")
    files["plan-draft.ie.mht"] = mhtml_ie(county_draft.encode("gbk"), COUNTY, "gb2312")
    files["statistics-law-2024.wayback.html"] = wayback(legislature_site(law), NPC, "20240915015240").encode("utf-8")
    files["plan-draft.wayback.mhtml"] = mhtml_chrome(
        wayback(county_draft.replace("charset=gb2312", "charset=utf-8"), COUNTY, "20240302081510"),
        f"https://web.archive.org/web/20240302081510/{COUNTY}", plan_draft.splitlines()[0])
    files["plan-final.archive-today.html"] = archive_today(
        provincial_portal(plan_final, PORTAL.replace("1234567", "1234999")), PORTAL.replace("1234567", "1234999"),
        "Xq7Lm", "2024-06-12T03:20:41Z", "12 Jun 2024 03:20:41 UTC").encode("utf-8")
    listing = provincial_portal("政策文件\n\n青川市科技创新券管理办法（征求意见稿）\n\n青川市工业发展专项资金管理办法\n", PORTAL)
    files["regulation-draft.warc.gz"] = warc([
        ("http://www.qingchuan.gov.cn/zwgk/zcwj/", "2024-03-05T02:11:09Z", "text/html; charset=utf-8",
         listing.encode("utf-8")),
        (PORTAL.replace("20240528_1234567", "20240305_1230001"), "2024-03-05T02:11:10Z", "text/html; charset=GBK",
         provincial_portal(reg_draft, PORTAL).replace("charset=utf-8", "charset=gbk").encode("gbk")),
        ("http://www.qingchuan.gov.cn/images/common.css", "2024-03-05T02:11:11Z", "text/css",
         b"body{font-family:SimSun}"),
        ("http://www.qingchuan.gov.cn/images/logo.png", "2024-03-05T02:11:11Z", "image/png", PNG),
    ])
    # A visit archived with ArchiveWeb.page: the document's page, and a larger page it loaded in a
    # frame (a site-wide "related policies" list); only the document's page is in pages.jsonl.
    related = provincial_portal("相关政策\n\n" + "\n\n".join(f"关于做好第{n}批科技型中小企业评价工作的通知" for n in range(1, 60))
                                + "\n", PORTAL)
    files["regulation-final.archiveweb.wacz"] = wacz(warc([
        (PORTAL, "2024-06-12T03:14:15Z", "text/html; charset=utf-8", portal_final.encode("utf-8")),
        ("http://www.qingchuan.gov.cn/zwgk/xgzc/frame.html", "2024-06-12T03:14:16Z", "text/html; charset=utf-8",
         related.encode("utf-8")),
        ("http://www.qingchuan.gov.cn/images/logo.png", "2024-06-12T03:14:16Z", "image/png", PNG),
    ]), [(PORTAL, "2024-06-12T03:14:15Z", reg_final.splitlines()[0])])
    files["plan-final.saved.html"] = saved_complete(provincial_portal(plan_final, PORTAL), PORTAL,
                                                    "plan-final.saved_files").encode("utf-8")
    files["plan-final.saved_files/jquery.min.js"] = b"/*! jQuery v1.12.4 */\n"
    files["plan-final.saved_files/common.css"] = b"body{font-family:\"Microsoft YaHei\"}\n"
    files["plan-final.saved_files/logo.png"] = PNG
    files["regulation-draft.word.mht"] = mhtml_word(word_html(reg_draft))
    files["plan-final.safari.webarchive"] = safari_webarchive(
        county_site(plan_final).encode("gbk"), COUNTY.replace("88001", "88420"), "GBK")
    files["regulation-final.firefox.txt"] = text_only(reg_final).replace("\n", "\r\n").encode("gbk")
    return files


def main() -> None:
    for name, data in build().items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(TESTS.parent)}: {len(data)} bytes")


if __name__ == "__main__":
    main()
