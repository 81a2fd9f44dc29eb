"""Generate realistic long draft/final pairs for the size ladder of ``benchmarks/run.py``.

The pairs are built from the *distinct* sections of the seed documents in ``samples/*.txt``
(parsed with ``revdiff.outline``), never from one section repeated:

* the draft is a long plan of many chapters (一、二、… 一百零一、…), each made of second-level
  sections drawn in rotation from all seeds; every use of a section is varied — the policy
  domain (知识产权 → 数字经济 …), the city, the figures, the order of its sentences, and a
  sentence spliced in from another section — so no two sections of a document are equal;
* the final is the draft edited like an office would: some sections cut, some pledges
  (items) dropped, figures and amounts changed, wording tightened, a few items reordered,
  a section moved to the next chapter, a few new sections added; everything renumbered.

Usage::

    python benchmarks/generate.py --sizes 50000,200000 --out /tmp/ladder
    # writes /tmp/ladder/draft-50000.txt, /tmp/ladder/final-50000.txt, ...
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

CITIES = [
    "济南",
    "青岛",
    "淄博",
    "枣庄",
    "东营",
    "潍坊",
    "济宁",
    "日照",
    "临沂",
    "德州",
    "聊城",
    "滨州",
    "菏泽",
]
CITIES += ["烟台", "泰安", "威海"]
SOURCE_CITIES = ("烟台", "泰安", "威海")
# each chapter is about one policy domain; the seeds are about 知识产权 and 体育
DOMAINS = [
    ("知识产权", "体育"),
    ("数字经济", "数字"),
    ("科技创新", "科技"),
    ("海洋经济", "海洋"),
    ("文化旅游", "文旅"),
    ("生态环境", "生态"),
    ("现代物流", "物流"),
    ("质量品牌", "质量"),
    ("绿色低碳", "低碳"),
    ("乡村振兴", "农业"),
    ("医疗健康", "康养"),
    ("先进制造", "制造"),
]
REWORDS = [
    ("积极", "大力"),
    ("推进", "推动"),
    ("加强", "强化"),
    ("完善", "健全"),
    ("支持", "鼓励"),
    ("进一步", ""),
]
PLEDGE = re.compile(r"力争|确保|到20\d\d年|达到|不低于|累计")
CN = "零一二三四五六七八九"


def cn_num(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 101 → 一百零一, 110 → 一百一十."""
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    h, r = divmod(n, 100)
    if r == 0:
        return CN[h] + "百"
    if r < 10:
        return CN[h] + "百零" + CN[r]
    return CN[h] + "百" + (CN[r // 10] + "十" + (CN[r % 10] if r % 10 else ""))


@dataclass
class Sec:
    """A section (or one of its children) in an editable form; numbers are assigned on output."""

    kind: str  # heading | item | box | table
    title: str
    sep: str
    text: str
    marker: str = ""  # item markers that are not renumbered ("--", "一是" style kept as "shi")
    rows: list[list[str]] | None = None
    children: list[Sec] = field(default_factory=list)
    origin: str = ""  # seed file, for rotation

    def strings(self) -> int:
        n = len(self.title) + len(self.text) + sum(len("\t".join(r)) + 1 for r in self.rows or [])
        return n + sum(c.strings() for c in self.children) + 8


@dataclass
class Chapter:
    title: str
    lead: str
    sections: list[Sec]


def _from_node(node, origin: str) -> Sec:  # noqa: ANN001 - revdiff.model.Node
    marker = ""
    if node.kind == "item":
        if node.number.endswith("是"):
            marker = "shi"
        elif not re.match(r"^[\d（(]", node.number or ""):
            marker = node.number or "--"
    rows = [list(r) for r in node.rows] if node.rows else None
    return Sec(
        kind=node.kind,
        title=node.title,
        sep=node.sep or ("。" if node.kind in ("heading", "item") and node.text else ""),
        text=node.text,
        marker=marker,
        rows=rows,
        children=[_from_node(c, origin) for c in node.children],
        origin=origin,
    )


def load_pool() -> tuple[list[Sec], list[str], list[str]]:
    """Distinct second-level sections, chapter titles and sentences of all seed documents."""
    import revdiff
    from revdiff.textkey import key

    sections: list[Sec] = []
    chapter_titles: list[str] = []
    seen: set[str] = set()
    for path in sorted(SAMPLES.glob("*.txt")):
        doc = revdiff.outline(str(path))
        for part in doc.parts:
            for top in part.sections:
                if top.title and top.title not in chapter_titles:
                    chapter_titles.append(top.title)
                subs = [c for c in top.children if c.kind in ("heading", "box", "table")] or [top]
                for node in subs:
                    sec = _from_node(node, path.stem)
                    k = key(sec.title + sec.text + "".join(c.title + c.text for c in sec.children))[:80]
                    if len(k) < 20 or k in seen:  # near-copies (web vs official notice) count once
                        continue
                    seen.add(k)
                    sections.append(sec)
    sentences = []
    for s in sections:
        for c in [s, *s.children]:
            sentences += [x + "。" for x in c.text.split("。") if 15 <= len(x) <= 120]
    # interleave seeds so that consecutive sections come from different documents
    by_origin: dict[str, list[Sec]] = {}
    for s in sections:
        by_origin.setdefault(s.origin, []).append(s)
    mixed: list[Sec] = []
    queues = list(by_origin.values())
    while any(queues):
        for q in queues:
            if q:
                mixed.append(q.pop(0))
    return mixed, chapter_titles, sentences


# ---------------------------------------------------------------------------- variation


def _scale_numbers(text: str, rng: random.Random, factor: float) -> str:
    def sub(m: re.Match[str]) -> str:
        s = m.group(0)
        if re.fullmatch(r"(19|20)\d\d", s):  # years stay years
            return s
        if "." in s:
            decimals = len(s.split(".")[1])
            return f"{float(s) * factor:.{decimals}f}"
        v = int(s)
        if v < 3:
            return s
        return str(max(1, round(v * factor)))

    return re.sub(r"\d+(?:\.\d+)?", sub, text)


def _shuffle_sentences(text: str, rng: random.Random) -> str:
    parts = [p for p in text.split("。") if p]
    if len(parts) < 3:
        return text
    i = rng.randrange(len(parts) - 1)
    parts[i], parts[i + 1] = parts[i + 1], parts[i]
    tail = "。" if text.endswith("。") else ""
    return "。".join(parts) + tail


def _vary_text(s: str, domain: tuple[str, str], city: str, factor: float, rng: random.Random) -> str:
    s = s.replace("知识产权", domain[0]).replace("体育", domain[1])
    for c in SOURCE_CITIES:
        s = s.replace(c, city)
    return _scale_numbers(s, rng, factor)


def vary(sec: Sec, rng: random.Random, domain: tuple[str, str], city: str, sentences: list[str]) -> Sec:
    """A copy of ``sec`` in another domain and city, with other figures and sentence order."""
    factor = rng.choice([0.6, 0.75, 0.8, 1.2, 1.25, 1.5, 1.8, 2.0, 2.5])
    out = copy.deepcopy(sec)

    def walk(s: Sec) -> None:
        s.title = _vary_text(s.title, domain, city, factor, rng)
        s.text = _vary_text(s.text, domain, city, factor, rng)
        if rng.random() < 0.6:
            s.text = _shuffle_sentences(s.text, rng)
        if s.text and rng.random() < 0.5:  # splice a sentence from elsewhere
            extra = _vary_text(rng.choice(sentences), domain, city, factor, rng)
            cut = [m.end() for m in re.finditer("。", s.text)]
            at = rng.choice(cut) if cut else len(s.text)
            s.text = s.text[:at] + extra + s.text[at:]
        if s.rows:
            s.rows = [[_vary_text(c, domain, city, factor, rng) for c in r] for r in s.rows]
        for c in s.children:
            walk(c)

    walk(out)
    return out


# ---------------------------------------------------------------------------- output


class Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.box = 0

    def sec(self, s: Sec, depth: int, n: int) -> None:
        if s.kind == "box":
            self.box += 1
            self.lines.append(f"专栏{self.box}  {s.title}")
            if s.text:
                self.lines.extend(x for x in s.text.split("\n") if x.strip())
            for i, c in enumerate(s.children, 1):
                self.sec(c, 3, i)
            return
        if s.kind == "table":
            if s.title:
                self.lines.append(s.title)
            for r in s.rows or []:
                self.lines.append("\t".join(r))
            return
        if s.marker == "shi":
            num = f"{cn_num(n)}是"
        elif s.marker:
            num = s.marker
        elif depth <= 2:
            num = f"（{cn_num(n)}）"
        elif depth == 3:
            num = f"{n}."
        else:
            num = f"（{n}）"
        body = s.text.split("\n")
        self.lines.append(f"{num}{s.title}{s.sep if s.title else ''}{body[0]}")
        self.lines.extend(x for x in body[1:] if x.strip())
        i = 0
        for c in s.children:
            if c.kind not in ("box", "table"):
                i += 1
            self.sec(c, depth + 1, i)

    def document(self, title: str, intro: str, chapters: list[Chapter]) -> str:
        self.lines = [title, intro]
        for ci, ch in enumerate(chapters, 1):
            self.lines.append(f"{cn_num(ci)}、{ch.title}")
            if ch.lead:
                self.lines.append(ch.lead)
            j = 0
            for s in ch.sections:
                if s.kind not in ("box", "table"):
                    j += 1
                self.sec(s, 2, j)
        return "\n".join(self.lines) + "\n"


# ---------------------------------------------------------------------------- the pair


def _edit_final(chapters: list[Chapter], rng: random.Random, spare: list[Sec]) -> list[Chapter]:
    """Edit the draft like an office: cut, drop pledges, change figures, reword, reorder, move."""
    final = copy.deepcopy(chapters)
    for ch in final:
        kept = []
        for s in ch.sections:
            r = rng.random()
            if r < 0.04 and len(ch.sections) > 2:
                continue  # section cut
            if rng.random() < 0.15:  # figures and amounts changed
                f = rng.choice([0.8, 0.9, 1.1, 1.2, 1.5])
                s.text = _scale_numbers(s.text, rng, f)
                for c in s.children:
                    c.text = _scale_numbers(c.text, rng, f)
                if s.rows:
                    s.rows = [s.rows[0]] + [[_scale_numbers(c, rng, f) for c in row] for row in s.rows[1:]]
            if rng.random() < 0.10:  # wording tightened
                a, b = rng.choice(REWORDS)
                s.text = s.text.replace(a, b, 2)
                for c in s.children:
                    c.text = c.text.replace(a, b, 1)
            if s.children and rng.random() < 0.08:  # pledges (items) dropped
                s.children = [
                    c for c in s.children if rng.random() > 0.3 or c.kind != "heading"
                ] or s.children
            if rng.random() < 0.08:  # a pledge sentence dropped
                sents = s.text.split("。")
                drop = [i for i, x in enumerate(sents) if PLEDGE.search(x)]
                if drop:
                    del sents[rng.choice(drop)]
                    s.text = "。".join(sents)
            if len(s.children) > 2 and rng.random() < 0.05:  # two items swapped
                i = rng.randrange(len(s.children) - 1)
                s.children[i], s.children[i + 1] = s.children[i + 1], s.children[i]
            kept.append(s)
        if spare and rng.random() < 0.05:  # a new section added
            kept.insert(rng.randrange(len(kept) + 1), spare.pop())
        ch.sections = kept
    for i in range(len(final) - 1):  # a section moved to the next chapter
        if len(final[i].sections) > 3 and rng.random() < 0.03:
            final[i + 1].sections.insert(0, final[i].sections.pop(rng.randrange(len(final[i].sections))))
    if len(final) > 20:  # a whole chapter cut from a long plan
        del final[rng.randrange(1, len(final))]
    return final


def generate_pair(size: int, seed: int = 6) -> tuple[str, str]:
    """A (draft, final) pair of about ``size`` characters per side."""
    rng = random.Random(seed * 1_000_003 + size)
    pool, chapter_titles, sentences = load_pool()
    city = rng.choice(CITIES[:13])
    chapters: list[Chapter] = []
    total = 0
    k = rng.randrange(len(pool))
    ci = 0
    while total < size:
        domain = DOMAINS[ci % len(DOMAINS)] if ci else DOMAINS[0]
        n = rng.randint(4, 9)
        secs = []
        for _ in range(n):
            secs.append(vary(pool[k % len(pool)], rng, domain, city, sentences))
            k += 1
        t = _vary_text(chapter_titles[ci % len(chapter_titles)], domain, city, 1.0, rng)
        title = t if ci < len(chapter_titles) or domain[0] in t else f"{domain[0]}{t}"
        lead = _vary_text(rng.choice(sentences), domain, city, 1.0, rng) if rng.random() < 0.3 else ""
        chapters.append(Chapter(title, lead, secs))
        total += sum(s.strings() for s in secs) + len(title) + len(lead)
        ci += 1
    spare = [
        vary(pool[(k + i) % len(pool)], rng, DOMAINS[i % len(DOMAINS)], city, sentences) for i in range(8)
    ]
    title = f"{city}市“十四五”高质量发展规划"
    intro = (
        f"为深入贯彻落实党中央、国务院和省委、省政府决策部署，推动{city}市经济社会高质量发展，"
        f"结合{city}实际，制定本规划。规划期为2021—2025年，展望到2035年。"
    )
    final_chapters = _edit_final(chapters, rng, spare)
    draft = Writer().document(title + "（征求意见稿）", intro, chapters)
    final = Writer().document(title, intro.replace("制定本规划", "特制定本规划"), final_chapters)
    return draft, final


def write_ladder(sizes: list[int], out: Path, seed: int = 6) -> list[tuple[int, Path, Path]]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for size in sizes:
        draft, final = generate_pair(size, seed)
        d, f = out / f"draft-{size}.txt", out / f"final-{size}.txt"
        d.write_text(draft, encoding="utf-8")
        f.write_text(final, encoding="utf-8")
        made.append((size, d, f))
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes", default="50000,200000,500000,1000000", help="characters per side, comma-separated"
    )
    ap.add_argument("--out", default="/tmp/revdiff-ladder", help="output directory")
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    for size, d, f in write_ladder(sizes, Path(args.out), args.seed):
        dl, fl = len(d.read_text(encoding="utf-8")), len(f.read_text(encoding="utf-8"))
        print(f"{size:>9}: {d} ({dl} chars), {f} ({fl} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
