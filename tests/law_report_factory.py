"""A hand-built Report of a regulation's revision, for the 修改对照表 renderers.

An invented local regulation (《某市养犬管理条例》, 2019 → 2025) revised the way a 修正 is:
one article inserted near the start (every later number shifts by one), one deleted, a
chapter renamed, a fine raised, a 十五日内 time limit shortened, two articles merged, one
article moved to another chapter, and one cross-reference that changed only because the
article it names was renumbered (a consequential edit, marked on the pair).

It does not depend on the law parser: the SectionPairs are written here as the alignment
would give them (SectionRef.unit 章 / 条, articles numbered "第十条", titles "").
"""

from __future__ import annotations

from revdiff.model import DocInfo, Finding, Report, SectionPair, SectionRef

TITLE = "某市养犬管理条例"
CH1, CH2, CH3 = "第一章　总则", "第二章　养犬登记", "第三章　法律责任"
CH2_FINAL = "第二章　登记与免疫"


def _chapter(number: str, title: str, start: int) -> SectionRef:
    return SectionRef(number=number, title=title, level=1, path=[f"{number} {title}"], line_start=start,
                      line_end=start, unit="章")


def _article(number: str, chapter: str, start: int, end: int | None = None) -> SectionRef:
    return SectionRef(number=number, title="", level=2, path=[chapter, number], line_start=start,
                      line_end=end or start, unit="条")


def _pair(pid: str, status: str, draft: SectionRef | None, final: SectionRef | None,
          diff: list[tuple[int, str]], renumbered: bool = False, similarity: float = 1.0) -> SectionPair:
    return SectionPair(id=pid, status=status, renumbered=renumbered, similarity=similarity, draft=draft,
                       final=final, diff=diff)


# Article bodies (without their numbers), as the two versions write them.
PURPOSE = "为了规范养犬行为，保障公民健康和人身安全，维护市容环境和社会秩序，根据有关法律、法规，结合本市实际，制定本条例。"
SCOPE = "本条例适用于本市行政区域内犬只的饲养、经营和相关管理活动。"
DUTY_EQ = "市公安机关是养犬管理的主管部门，负责本条例的组织实施。"
NEW_ARTICLE = "养犬管理工作实行政府主导、部门协作、基层参与、社会监督的原则。"
FIRST_SHIFTED = "养犬人应当依法养犬、文明养犬，不得损害他人合法权益。"
REGISTER = "个人饲养犬只的，应当自取得犬只之日起三十日内向居住地派出所申请养犬登记。"
REGISTER_FINAL = "个人饲养犬只的，应当自取得犬只之日起十五日内向居住地派出所申请养犬登记。"
AT = REGISTER.index("三十")
VACCINE = "犬只应当每年接种狂犬病疫苗。"
REF_DRAFT = "办理登记的，应当提交本条例第四条规定的免疫证明。"
REF_FINAL = "办理登记的，应当提交本条例第五条规定的免疫证明。"
REMOVED = "养犬登记证遗失的，应当在十日内申请补办。"
FINE_HEAD = "违反本条例规定，携犬出户未束犬链的，由公安机关责令改正，处"
FINE_DRAFT = "二百元以上一千元以下"
FINE_FINAL = "五百元以上二千元以下"
MERGE_A = "养犬人应当定期为犬只清洗、消毒。"
MERGE_B = "养犬人应当及时清除犬只在公共场所产生的粪便。"
MOVED = "养犬人应当配合社区做好养犬管理工作。"


def make_law_report() -> Report:
    """The revision above as a Report (sections in reading order, two findings)."""
    sections = [
        _pair("s1", "unchanged", _chapter("第一章", "总则", 5), _chapter("第一章", "总则", 5), []),
        _pair("s2", "unchanged", _article("第一条", CH1, 6), _article("第一条", CH1, 6), [(0, PURPOSE)]),
        _pair("s3", "modified", _article("第二条", CH1, 7), _article("第二条", CH1, 7),
              [(0, "本条例适用于本市行政区域内犬只的饲养"), (-1, "和"), (1, "、经营和相关"), (0, "管理活动。")],
              similarity=0.9),
        _pair("s4", "added", None, _article("第三条", CH1, 8), [(1, NEW_ARTICLE)], similarity=0.0),
        _pair("s5", "unchanged", _article("第三条", CH1, 8), _article("第四条", CH1, 9), [(0, DUTY_EQ)],
              renumbered=True),
        _pair("s6", "unchanged", _article("第四条", CH1, 9), _article("第五条", CH1, 10), [(0, FIRST_SHIFTED)],
              renumbered=True),
        _pair("s7", "renamed", _chapter("第二章", "养犬登记", 11), _chapter("第二章", "登记与免疫", 12), [],
              similarity=0.5),
        _pair("s8", "modified", _article("第五条", CH2, 12, 13), _article("第六条", CH2_FINAL, 13, 14),
              [(0, REGISTER[:AT]), (-1, "三十"), (1, "十五"), (0, REGISTER[AT + 2:] + "\n" + VACCINE)],
              renumbered=True, similarity=0.95),
        _pair("s9", "modified", _article("第六条", CH2, 14), _article("第七条", CH2_FINAL, 15),
              [(0, "办理登记的，应当提交本条例第"), (-1, "四"), (1, "五"), (0, "条规定的免疫证明。")],
              renumbered=True, similarity=0.97),
        _pair("s10", "removed", _article("第七条", CH2, 15), None, [(-1, REMOVED)], similarity=0.0),
        _pair("s11", "unchanged", _chapter("第三章", "法律责任", 16), _chapter("第三章", "法律责任", 16), []),
        _pair("s12", "modified", _article("第八条", CH3, 17), _article("第八条", CH3, 17),
              [(0, FINE_HEAD), (-1, FINE_DRAFT), (1, FINE_FINAL), (0, "罚款。")], similarity=0.9),
        _pair("s13", "merged", _article("第九条", CH3, 18), _article("第九条", CH3, 18),
              [(0, MERGE_A), (1, MERGE_B)], similarity=0.5),
        _pair("s14", "merged", _article("第十条", CH3, 19), _article("第九条", CH3, 18),
              [(1, MERGE_A), (0, MERGE_B)], renumbered=True, similarity=0.5),
        _pair("s15", "moved", _article("第十一条", CH3, 20), _article("第十条", CH2_FINAL, 16), [(0, MOVED)],
              renumbered=True),
    ]
    # The reference 第四条 → 第五条 in s9 follows the renumbering of the article it names.
    sections[8].consequential = [1, 2]  # type: ignore[attr-defined]
    findings = [
        Finding(id="f1", kind="penalty_changed", severity="high", direction="raised",
                note="携犬出户未束犬链的罚款由二百元以上一千元以下提高到五百元以上二千元以下。",
                note_en="The fine for walking a dog off the leash rose from 200–1,000 to 500–2,000 yuan.",
                draft_text=FINE_HEAD + FINE_DRAFT + "罚款。", final_text=FINE_HEAD + FINE_FINAL + "罚款。",
                draft_value="1000", final_value="2000", draft_min="200", final_min="500", unit="元",
                draft_section="s12", final_section="s12", draft_line=17, final_line=17),
        Finding(id="f2", kind="deadline_changed", severity="medium", direction="lowered",
                note="申请养犬登记的期限由三十日内缩短为十五日内。",
                note_en="The time limit to register a dog fell from 30 to 15 days.",
                draft_text=REGISTER, final_text=REGISTER_FINAL, draft_value="30", final_value="15", unit="日",
                draft_section="s8", final_section="s8", draft_line=12, final_line=13),
    ]
    draft = DocInfo(source="dogs-2019.txt", format="txt", encoding="utf-8", title=TITLE, part=TITLE,
                    parts=[TITLE], genre="law")
    final = DocInfo(source="dogs-2025.txt", format="txt", encoding="utf-8", title=TITLE, part=TITLE,
                    parts=[TITLE], genre="law")
    article_map = [
        {"draft": (p.draft.number if p.draft else None), "final": (p.final.number if p.final else None),
         "status": p.status}
        for p in sections if (p.draft or p.final) and (p.draft or p.final).unit == "条"  # type: ignore[union-attr]
    ]
    return Report(draft=draft, final=final, sections=sections, findings=findings, watch=["版权"], genre="law",
                  article_map=article_map)
