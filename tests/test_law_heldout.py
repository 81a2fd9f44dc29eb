"""Laws in styles the law genre was not built from (tests/laws/heldout, README there): the
article map, chapters and findings written by reading each pair, and each reading rule checked
on invented text of other offices."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

import revdiff
from revdiff.classify.penalties import find_penalties
from revdiff.classify.thresholds import find_thresholds
from revdiff.classify.timelimits import find_limits
from tests.law_heldout import HELDOUT, PAIRS, Score, expected, score
from tests.law_texts import clause, compare_texts
from tests.test_nothing_lost import _chars, accounted


@cache
def _score(name: str) -> Score:
    return score(name)


def test_every_pair_is_here() -> None:
    assert PAIRS == ["amended-by-decision", "code-book-part", "draft-for-comment", "draft-readings",
                     "filing-measures", "implementing-regulation", "judicial-interpretation", "local-clauses",
                     "local-rules-items", "market-law-amendment", "penalties-consolidated", "penalty-forms",
                     "property-regulation", "rules-new-chapter", "sez-inserted-articles", "state-council-markdown",
                     "water-regulation", "water-regulation-database"]


# pairs (README there) still wrong on a check: strict, so a fix must remove its entry
STILL_WRONG: dict[str, set[str]] = {
    # the new age 未满十六周岁 is paired with the old 未满十二周岁 that 前述人员 replaced (README, round 4)
    "sez-inserted-articles": {"findings", "traps"},
}


def _check(name: str, check: str, wrong: object) -> None:
    """``wrong`` must be empty, unless the pair is listed as still wrong on ``check``: then it
    must not be (a fix removes the entry)."""
    if check in STILL_WRONG.get(name, set()):
        assert wrong, f"{name}: {check} is right now, remove it from STILL_WRONG"
    else:
        assert not wrong, wrong


@pytest.mark.parametrize("name", PAIRS)
def test_article_map_as_read(name: str) -> None:
    res = _score(name)
    _check(name, "map", res.map_wrong + res.map_extra)


@pytest.mark.parametrize("name", PAIRS)
def test_chapters_as_read(name: str) -> None:
    res = _score(name)
    _check(name, "chapters", res.chapters_wrong + res.sections_wrong + list(res.clauses_wrong.items()))


@pytest.mark.parametrize("name", PAIRS)
def test_every_finding_a_reviewer_must_see(name: str) -> None:
    _check(name, "findings", _score(name).missed)


@pytest.mark.parametrize("name", PAIRS)
def test_no_trap_is_reported(name: str) -> None:
    _check(name, "traps", [(trap, f["kind"], f.get("final_article")) for trap, f in _score(name).traps])


# ---- each rule on text it was not written from


def _outline_titles(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    path = tmp_path / "law.txt"
    path.write_text(text, encoding="utf-8")
    doc = revdiff.outline(str(path), genre="law")
    assert accounted(doc) == _chars(text)  # the name taken from the next line is not lost
    return [(n.unit or "", n.number, n.title) for n in doc.parts[0].nodes()]


def test_a_chapter_number_alone_takes_its_name_from_the_next_line(tmp_path: Path) -> None:
    text = ("某市湿地保护条例\n\n第一章\n\n总　　则\n\n第一条　为了加强湿地保护，制定本条例。\n\n"
            "第二章\n## 湿地名录\n\n第二条　湿地实行名录管理。\n\n第三章\n第三条　本条例自公布之日起施行。\n")
    assert _outline_titles(tmp_path, text) == [
        ("章", "第一章", "总则"), ("条", "第一条", ""),
        ("章", "第二章", "湿地名录"), ("条", "第二条", ""),
        # an article on the next line is no name: the chapter stays without one
        ("章", "第三章", ""), ("条", "第三条", ""),
    ]


def test_a_sentence_after_a_lone_chapter_number_is_not_its_name(tmp_path: Path) -> None:
    text = ("某县河道管理办法\n\n第一章\n本章规定河道管理的一般要求。\n\n第一条　河道实行河长制。\n\n"
            "第二条　河长负责本河道的管理。\n\n第三条　本办法自2026年1月1日起施行。\n")
    titles = _outline_titles(tmp_path, text)
    assert titles[0] == ("章", "第一章", "")


@pytest.mark.parametrize("text, expected", [
    ("决定须经全体成员五分之四以上通过", [("80", "以上", "五分之四以上")]),
    ("持有公司百分之十以上股份的股东，可以提议召开临时会议", [("10", "以上", "百分之十以上")]),
    ("绿地率不得低于项目用地面积的百分之三十", [("30", "不得低于", "百分之三十")]),
    ("超过核定载客量百分之二十以下的", [("20", "以下", "百分之二十以下")]),
    ("按照工资总额百分之二的比例缴纳", []),  # a rate, not a threshold
    ("处营业额百分之五以下的罚款", []),  # a fine: the penalties rule's
])
def test_fractions_are_read_as_shares(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(format(t.value, "f"), t.comparator, t.written) for t in find_thresholds(clause(text))]
    assert got == expected
    assert all(t.unit == "%" for t in find_thresholds(clause(text)))


def test_a_share_raised_from_two_thirds_to_three_quarters(tmp_path: Path) -> None:
    draft = "第一条　修改章程，应当经出席会议的成员三分之二以上同意。\n\n第二条　其他事项过半数同意。\n\n第三条　本办法自公布之日起施行。\n"
    final = "第一条　修改章程，应当经出席会议的成员四分之三以上同意。\n\n第二条　其他事项过半数同意。\n\n第三条　本办法自公布之日起施行。\n"
    found = [(f.kind, f.direction, f.unit) for f in compare_texts(tmp_path, draft, final).findings
             if f.kind.startswith("threshold_")]
    assert found == [("threshold_changed", "raised", "%")]


@pytest.mark.parametrize("text, expected", [
    ("召集人应当于会议召开十五日前通知全体会员", [("15", "日")]),
    ("承租人应当在租赁期限届满前六十日提出续租申请", [("60", "日")]),
    ("经营者停业前三个月应当向社会公告", [("3", "个月")]),
    ("应当于每年三月三十一日前报送上一年度报告", []),  # a date
    ("2027年12月31日前完成改造", []),  # a date
])
def test_notice_periods_before_an_event(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(format(lim.value, "f"), lim.unit) for lim in find_limits(clause(text))] == expected


def test_honours_are_no_funding_but_money_still_is(tmp_path: Path) -> None:
    draft = "第一条　本条例适用于本市。\n\n第二条　本条例自公布之日起施行。\n"
    final = ("第一条　本条例适用于本市。\n\n第二条　对在古树名木保护工作中成绩显著的单位和个人，给予表彰、奖励。\n\n"
             "第三条　对举报破坏古树名木行为查证属实的，给予举报人二千元奖励。\n\n"
             "第四条　对长期从事古树名木养护的志愿者，给予通报表扬和奖励。\n\n第五条　本条例自公布之日起施行。\n")
    funding = [(f.kind, f.final_value) for f in compare_texts(tmp_path, draft, final).findings
               if f.kind.startswith("funding_")]
    assert funding == [("funding_added", "2000")]


def test_database_footnotes_are_not_the_text(tmp_path: Path) -> None:
    text = ("某省档案条例\n\n第1条　为了加强档案管理，制定本条例。\n\n第2条　档案应当在形成后六个月内移交。[1]\n\n"
            "第3条　违反本条例规定的，处五百元以上五千元以下罚款。\n\n第4条　本条例自2026年3月1日起施行。\n\n"
            "注释：\n\n[1] 2020年修正前为三个月内。\n\n[2] 本条已于2020年修改。\n")
    path = tmp_path / "law.txt"
    path.write_text(text, encoding="utf-8")
    doc = revdiff.outline(str(path))
    last = doc.parts[0].sections[-1]
    assert (last.number, last.text) == ("第4条", "本条例自2026年3月1日起施行。")
    assert "[1] 2020年修正前为三个月内。" in [b.text for b in doc.dropped]
    assert accounted(doc) == _chars(text)


def test_a_bracketed_number_nobody_cites_is_text(tmp_path: Path) -> None:
    text = ("某市条例\n\n第一条　为了规范管理，制定本条例。\n\n第二条　有关事项如下：\n\n[1] 登记；\n\n"
            "第三条　本条例自公布之日起施行。\n")
    path = tmp_path / "law.txt"
    path.write_text(text, encoding="utf-8")
    second = revdiff.outline(str(path)).parts[0].sections[1]
    assert "[1] 登记；" in second.text


def _map(report: Any) -> list[tuple[str | None, str | None, str]]:
    return [(r["draft"], r["final"], r["status"]) for r in report.article_map]


def test_an_article_split_in_two_next_to_each_other(tmp_path: Path) -> None:
    # 第二条 becomes 第二条 (the approval) and 第三条 (the restoration, with a new cost clause)
    draft = ("第一条　本办法适用于全市绿地。\n\n"
             "第二条　因建设确需临时占用城市绿地的，建设单位应当报经园林绿化主管部门批准，并在占用期满后恢复原状。\n\n"
             "第三条　禁止在绿地内倾倒垃圾。\n\n第四条　本办法自公布之日起施行。\n")
    final = ("第一条　本办法适用于全市绿地。\n\n"
             "第二条　因建设确需临时占用城市绿地的，建设单位应当报经园林绿化主管部门批准。\n\n"
             "第三条　临时占用城市绿地的，建设单位应当在占用期满后恢复原状，所需费用由其承担。\n\n"
             "第四条　禁止在绿地内倾倒垃圾。\n\n第五条　本办法自公布之日起施行。\n")
    rows = _map(compare_texts(tmp_path, draft, final))
    assert ("第二条", "第二条", "split") in rows and ("第二条", "第三条", "split") in rows
    assert all(r[0] is not None for r in rows)  # nothing reported as added


def test_two_chapters_merged_into_one(tmp_path: Path) -> None:
    draft = ("第一章　总则\n\n第一条　为了保护森林资源，制定本条例。\n\n"
             "第二章　森林防火\n\n第二条　森林防火期内禁止野外用火。\n\n第三条　林区应当设置防火隔离带。\n\n"
             "第三章　病虫害防治\n\n第四条　林业部门应当开展林业有害生物监测。\n\n第五条　发现疫情应当及时除治。\n\n"
             "第四章　附则\n\n第六条　本条例自公布之日起施行。\n")
    final = ("第一章　总则\n\n第一条　为了保护森林资源，制定本条例。\n\n"
             "第二章　森林灾害防控\n\n第二条　森林防火期内禁止野外用火。\n\n第三条　林区应当设置防火隔离带。\n\n"
             "第四条　林业部门应当开展林业有害生物监测。\n\n第五条　发现疫情应当及时除治。\n\n"
             "第三章　附则\n\n第六条　本条例自公布之日起施行。\n")
    report = compare_texts(tmp_path, draft, final)
    chapters = {(p.draft.title if p.draft else None, p.final.title if p.final else None, p.status)
                for p in report.sections if (p.draft or p.final) and (p.draft or p.final).unit == "章"}  # type: ignore[union-attr]
    assert ("森林防火", "森林灾害防控", "merged") in chapters
    assert ("病虫害防治", "森林灾害防控", "merged") in chapters
    assert not any(s == "removed" for _, _, s in chapters)
    assert {s for _, _, s in _map(report)} == {"unchanged"}  # no article moved: their chapters merged


def test_a_fine_written_as_a_share_of_an_amount(tmp_path: Path) -> None:
    # 招标投标 style: 处中标项目金额千分之五以上千分之十以下的罚款 — a fine, not a threshold
    draft = "第一条　本办法适用于本省。\n\n第二条　违反本办法规定的，处中标项目金额千分之五以上千分之十以下的罚款。\n\n第三条　本办法自公布之日起施行。\n"
    final = "第一条　本办法适用于本省。\n\n第二条　违反本办法规定的，处中标项目金额千分之五以上百分之二以下的罚款。\n\n第三条　本办法自公布之日起施行。\n"
    found = [(f.kind, f.direction, f.draft_min, f.draft_value, f.final_min, f.final_value, f.unit)
             for f in compare_texts(tmp_path, draft, final).findings if f.kind.startswith(("penalty_", "threshold_"))]
    assert found == [("penalty_changed", "raised", "0.5", "1", "0.5", "2", "%")]


def test_a_new_article_far_from_a_similar_one_is_added_not_split(tmp_path: Path) -> None:
    draft = ("第一条　本办法适用于全市绿地。\n\n"
             "第二条　因建设确需临时占用城市绿地的，建设单位应当报经园林绿化主管部门批准，并在占用期满后恢复原状。\n\n"
             "第三条　禁止在绿地内倾倒垃圾。\n\n第四条　禁止在绿地内放牧。\n\n第五条　本办法自公布之日起施行。\n")
    final = ("第一条　本办法适用于全市绿地。\n\n"
             "第二条　因建设确需临时占用城市绿地的，建设单位应当报经园林绿化主管部门批准，并在占用期满后恢复原状。\n\n"
             "第三条　禁止在绿地内倾倒垃圾。\n\n第四条　禁止在绿地内放牧。\n\n"
             "第五条　临时占用城市绿地期满后恢复原状的，园林绿化主管部门应当组织验收。\n\n第六条　本办法自公布之日起施行。\n")
    rows = _map(compare_texts(tmp_path, draft, final))
    assert (None, "第五条", "added") in rows


def test_a_chapter_deleted_with_most_of_its_articles_is_removed(tmp_path: Path) -> None:
    draft = ("第一章　总则\n\n第一条　为了保护森林资源，制定本条例。\n\n"
             "第二章　林木采伐\n\n第二条　采伐林木应当申请采伐许可证。\n\n第三条　采伐许可证由县级林业部门核发。\n\n"
             "第四条　林区应当设置防火隔离带。\n\n"
             "第三章　森林防火\n\n第五条　森林防火期内禁止野外用火。\n\n第四章　附则\n\n第六条　本条例自公布之日起施行。\n")
    final = ("第一章　总则\n\n第一条　为了保护森林资源，制定本条例。\n\n"
             "第二章　森林防火\n\n第二条　林区应当设置防火隔离带。\n\n第三条　森林防火期内禁止野外用火。\n\n"
             "第三章　附则\n\n第四条　本条例自公布之日起施行。\n")
    report = compare_texts(tmp_path, draft, final)
    chapters = {(p.draft.title if p.draft else None, p.status)
                for p in report.sections if (p.draft or p.final) and (p.draft or p.final).unit == "章"}  # type: ignore[union-attr]
    assert ("林木采伐", "removed") in chapters


def test_a_colon_after_the_article_number_is_layout(tmp_path: Path) -> None:
    # a web copy writes 第一条：…, the gazette 第一条　…: the same articles, unchanged
    gazette = ("第一章　总则\n\n第一条　为了规范停车管理，制定本条例。\n\n第二条　本条例适用于本市。\n\n"
               "第三条　【管理部门】市交通部门负责停车管理。\n")
    web = ("第一章：总则\n\n第一条：为了规范停车管理，制定本条例。\n\n第二条．本条例适用于本市。\n\n"
           "第三条：【管理部门】市交通部门负责停车管理。\n")
    assert {r["status"] for r in compare_texts(tmp_path, gazette, web).article_map} == {"unchanged"}
    titles = _outline_titles(tmp_path, web)
    assert titles == [("章", "第一章", "总则"), ("条", "第一条", ""), ("条", "第二条", ""), ("条", "第三条", "管理部门")]


@pytest.mark.parametrize("text, expected", [
    ("应当在半年内完成整改", [("6", "个月")]),
    ("应当在半个月内答复", [("15", "日")]),
    ("应当在三十个自然日内办结", [("30", "日")]),
])
def test_half_years_and_calendar_days(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(format(lim.value, "f"), lim.unit) for lim in find_limits(clause(text))] == expected


def test_six_months_rewritten_as_half_a_year_is_no_change(tmp_path: Path) -> None:
    draft = "第一条　责令限期改正的，应当在六个月内完成整改。\n\n第二条　改正期限届满前十五日，应当申请验收。\n\n第三条　本办法自公布之日起施行。\n"
    final = "第一条　责令限期改正的，应当在半年内完成整改。\n\n第二条　改正期限届满前半个月，应当申请验收。\n\n第三条　本办法自公布之日起施行。\n"
    assert [f.kind for f in compare_texts(tmp_path, draft, final).findings if f.kind == "deadline_changed"] == []


def test_under_an_age_is_a_threshold_of_its_own_comparator() -> None:
    assert [(t.comparator, format(t.value, "f")) for t in find_thresholds(clause("不满十四周岁的未成年人"))] == [("不满", "14")]


def test_a_year_rewritten_as_twelve_months_is_no_change(tmp_path: Path) -> None:
    draft = ("第一条　许可证有效期届满前一年内，应当申请延续。\n\n第二条　应当在两周内补正材料。\n\n"
             "第三条　应当在三十日内作出决定。\n\n第四条　本办法自公布之日起施行。\n")
    final = ("第一条　许可证有效期届满前十二个月内，应当申请延续。\n\n第二条　应当在十四日内补正材料。\n\n"
             "第三条　应当在一个月内作出决定。\n\n第四条　本办法自公布之日起施行。\n")
    found = [(f.draft_value, f.final_value, f.direction) for f in compare_texts(tmp_path, draft, final).findings
             if f.kind == "deadline_changed"]
    # a month is not exactly thirty days, nor longer or shorter: the reviewer reads it
    assert found == [("30日", "1个月", "redefined")]


# ---- round 2 rules, on text of other offices


def test_a_renaming_throughout_is_one_finding_listing_its_articles(tmp_path: Path) -> None:
    old = "\n".join(f"第{n}条　{who}质量技术监督部门应当做好{what}工作。" for n, who, what in
                    zip("一二三四", ["省", "县级以上人民政府", "由", "市、县"], ["计量", "检验", "认证", "标准"], strict=True))
    new = old.replace("质量技术监督部门", "市场监督管理部门").replace("标准工作。", "标准工作，每年报告一次。")
    rep = compare_texts(tmp_path, "某某条例\n" + old, "某某条例\n" + new).to_dict()
    renamed = [f for f in rep["findings"] if f["kind"] == "wording_replaced"]
    assert [(f["draft_value"], f["final_value"], len(f["sections"])) for f in renamed] == [
        ("质量技术监督部门", "市场监督管理部门", 4)]
    # the 修改对照表: the full note in the first article, a short one in each of the others,
    # besides what else changed there
    from revdiff.render.table import build_table

    notes = [r.notes for r in build_table(compare_texts(tmp_path, "某某条例\n" + old, "某某条例\n" + new)).rows
             if not r.span]
    assert [len([n for n in ns if "“质量技术监督部门”修改为“市场监督管理部门”" in n]) for ns in notes] == [1, 1, 1, 1]
    assert [[n.startswith("将第一条、第二条、第三条、第四条中") for n in ns if "质量技术监督部门" in n] for ns in notes] == [
        [True], [False], [False], [False]]
    # renumbered articles are cited by their numbers before the revision, then after it
    lines = new.split("\n")
    shifted = ["第一条　本条例适用于本省。"] + [line.replace(f"第{a}条", f"第{b}条", 1)
                                              for line, a, b in zip(lines, "一二三四", "二三四五", strict=True)]
    rep = compare_texts(tmp_path, "某某条例\n" + old, "某某条例\n" + "\n".join(shifted)).to_dict()
    notes = [f["note"] for f in rep["findings"] if f["kind"] == "wording_replaced"]
    assert notes and notes[0].startswith("将第一条、第二条、第三条、第四条（修改后第二条、第三条、第四条、第五条）中的")
    two = "\n".join(old.split("\n")[:2])
    rep = compare_texts(tmp_path, "某某条例\n" + two + "\n第三条　其他。", "某某条例\n" + two.replace("质量技术监督", "市场监督管理")
                        + "\n第三条　其他。").to_dict()
    assert not [f for f in rep["findings"] if f["kind"] == "wording_replaced"]  # two articles read fine one by one


def test_a_reference_to_an_item_that_moved_down_its_list_is_no_finding(tmp_path: Path) -> None:
    old = ("某某办法\n第一条　有下列情形之一的，不予登记：\n（一）材料不全的；\n（二）逾期申请的。\n"
           "第二条　依照本办法第一条第（二）项不予登记的，申请人可以重新申请。\n第三条　其他事项。")
    new = old.replace("（一）材料不全的；", "（一）材料不全的；\n（二）冒用他人名义的；").replace(
        "（二）逾期申请的。", "（三）逾期申请的。").replace("第一条第（二）项不予", "第一条第（三）项不予")
    assert not [f for f in compare_texts(tmp_path, old, new).to_dict()["findings"] if f["kind"] == "reference_changed"]
    # rewritten to name another item than the one it named: a change
    moved = new.replace("第一条第（三）项不予", "第一条第（一）项不予")
    assert [f["kind"] for f in compare_texts(tmp_path, old, moved).to_dict()["findings"] if f["kind"] == "reference_changed"] == [
        "reference_changed"]


def test_an_item_number_that_only_moved_down_is_muted(tmp_path: Path) -> None:
    old = ("某某规定\n第一条　申请人应当提交下列材料：\n（一）申请表；\n（二）身份证明；\n（三）场地证明。\n"
           "第二条　其他事项。\n第三条　本规定自发布之日起施行。")
    new = old.replace("（二）身份证明；\n（三）", "（二）承诺书；\n（三）身份证明；\n（四）")
    rep = compare_texts(tmp_path, old, new).to_dict()
    pair = next(p for p in rep["sections"] if p["draft"] and p["draft"]["number"] == "第一条")
    muted = [pair["diff"][i] for i in pair.get("consequential", [])]
    changed = [op for op in pair["diff"] if op[0] != 0]
    assert ("承诺书" in "".join(t for op, t in changed if op > 0)
            and "承诺书" not in "".join(t for _op, t in muted))  # the new item is shown
    # （二）身份证明 → （三） and （三）场地证明 → （四）: muted (since round 3 the body is diffed 款 by
    # 款/项 by 项, so the new （二） is inserted whole and both numbers that only followed are muted)
    assert sorted(t for _op, t in muted) == sorted(["二", "三", "三", "四"])


def _law(chapters: list[tuple[str, list[str]]]) -> str:
    lines, n = ["某某省河道管理条例"], 0
    for c, (title, bodies) in enumerate(chapters, 1):
        lines.append(f"第{_CN_NUMS[c]}章　{title}")
        for body in bodies:
            n += 1
            lines.append(f"第{_CN_NUMS[n]}条　{body}")
    return "\n".join(lines)


_CN_NUMS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"]
_GENERAL = ["为了加强河道管理，保障防洪安全，制定本条例。", "本省行政区域内河道的整治、利用和保护，适用本条例。"]
_WORKS = ["河道整治应当符合防洪规划和岸线保护利用规划。", "在河道管理范围内建设桥梁、码头应当报经水行政主管部门审查同意。",
          "采砂实行许可制度，采砂许可证的有效期不超过一年。", "采砂船舶应当在指定地点停放，不得在禁采期内进入采区。"]


def test_a_chapter_divided_in_two_is_split_and_its_articles_stay(tmp_path: Path) -> None:
    old = _law([("总则", _GENERAL), ("整治与采砂", _WORKS)])
    new = _law([("总则", _GENERAL), ("整治与建设", _WORKS[:2]), ("河道采砂", _WORKS[2:])])
    rep = compare_texts(tmp_path, old, new).to_dict()
    chapters = [(s["draft"]["number"] if s["draft"] else None, s["final"]["number"] if s["final"] else None,
                 s["status"]) for s in rep["sections"] if (s["draft"] or s["final"])["unit"] == "章"]
    assert chapters == [("第一章", "第一章", "unchanged"), ("第二章", "第二章", "split"), ("第二章", "第三章", "split")]
    assert [a["status"] for a in rep["article_map"]] == ["unchanged"] * 6  # not moved
    # a new chapter of new articles is added, not split off the one before it
    fresh = _law([("总则", _GENERAL), ("整治与采砂", _WORKS), ("河长制", ["本省实行河长制。", "河长负责组织河道管理工作。"])])
    rep = compare_texts(tmp_path, old, fresh).to_dict()
    assert [s["status"] for s in rep["sections"] if (s["draft"] or s["final"])["unit"] == "章"] == [
        "unchanged", "unchanged", "added"]


def test_references_to_the_renumbered_parent_law_are_muted_not_findings(tmp_path: Path) -> None:
    old = ("某某市养犬管理规定实施细则\n第一条　根据《某某市养犬管理规定》第五条的规定，制定本细则。\n"
           "第二条　犬只登记依照《某某市养犬管理规定》第九条、第十条办理。\n第三条　本细则自发布之日起施行。")
    new = old.replace("第五条的规定", "第六条的规定").replace("第九条、第十条办理", "第十条、第十一条办理")
    rep = compare_texts(tmp_path, old, new).to_dict()
    assert [f["kind"] for f in rep["findings"] if f["kind"] != "deadline_changed"] == []
    # every edit of the two articles is inside such a reference, so all of it is muted
    edits = {s["draft"]["number"]: ([i for i, op in enumerate(s["diff"]) if op[0]], s.get("consequential", []))
             for s in rep["sections"] if s["draft"] and s["draft"]["unit"] == "条"}
    assert [n for n, (changed, muted) in edits.items() if changed and changed == muted] == ["第一条", "第二条"]


def test_a_blank_date_filled_in_on_adoption_is_a_date_set(tmp_path: Path) -> None:
    body = "某某自治区草原防火条例\n第一条　为了预防草原火灾，制定本条例。\n第二条　草原防火实行预防为主的方针。\n"
    rep = compare_texts(tmp_path, body + "第三条　本条例自____年__月__日起实施。", body + "第三条　本条例自2026年3月1日起实施。")
    dates = [(f["direction"], f["draft_value"], f["final_value"]) for f in rep.to_dict()["findings"]
             if f.get("subject") == "施行日期"]
    assert dates == [("added", None, "2026年3月1日")]


def test_a_qualification_withdrawn_is_a_sanction_but_not_as_a_condition(tmp_path: Path) -> None:
    head = "某某省计量监督条例\n第一条　为了加强计量监督，制定本条例。\n第二条　计量检定机构应当依法检定。\n"
    old = head + "第三条　计量检定机构伪造检定数据的，处二万元以上五万元以下的罚款。"
    new = head + "第三条　计量检定机构伪造检定数据的，处二万元以上五万元以下的罚款，撤销其计量检定资格。"
    assert [(f["kind"], f["subject"]) for f in compare_texts(tmp_path, old, new).to_dict()["findings"]] == [
        ("penalty_added", "撤销")]
    cond = head + "第三条　计量检定机构伪造检定数据的，处二万元以上五万元以下的罚款；被撤销资格的，三年内不得重新申请。"
    assert not [f for f in compare_texts(tmp_path, old, cond).to_dict()["findings"] if f["kind"].startswith("penalty")]


@pytest.mark.parametrize("name", PAIRS)
def test_nothing_of_either_text_is_lost(name: str) -> None:
    for side in ("old", "new"):
        path = HELDOUT / name / expected(name)[side]
        assert accounted(revdiff.outline(str(path))) == _chars(path.read_text(encoding="utf-8"))


# ---- round 3 rules, on text of other offices


_CARE = ("某某省养老服务条例\n第一条　为了规范养老服务，制定本条例。\n第二条　本省行政区域内的养老服务，适用本条例。\n"
         "第三条　养老服务机构应当依法办理登记。\n")


def test_a_definition_rewritten_added_or_dropped_is_a_finding(tmp_path: Path) -> None:
    old = _CARE + ("第四条　本条例下列用语的含义：\n（一）养老服务机构，是指为老年人提供集中居住和照料服务的机构。\n"
                   "（二）老年人，是指六十周岁以上的公民。\n第五条　本条例所称居家养老服务，是指以家庭为基础的养老服务。\n"
                   "第六条　本条例自2026年1月1日起施行。")
    new = _CARE + ("第四条　本条例下列用语的含义：\n（一）养老服务机构，是指为老年人提供集中居住、日间照料或者上门服务的机构。\n"
                   "（二）嵌入式养老服务设施，是指设置在城乡社区内的小型养老服务设施。\n（三）老年人，是指六十周岁以上的公民。\n"
                   "第五条　本条例自2026年1月1日起施行。")
    found = sorted((f["kind"], f["subject"]) for f in compare_texts(tmp_path, old, new).to_dict()["findings"]
                   if f["kind"].startswith("definition_"))
    assert found == [("definition_added", "嵌入式养老服务设施"), ("definition_changed", "养老服务机构"),
                     ("definition_removed", "居家养老服务")]  # 老年人 only moved down the list


def test_a_definition_that_only_follows_renumbering_or_reorders_its_list_is_no_change(tmp_path: Path) -> None:
    old = ("某某市犬类管理规定\n第一条　为了规范养犬行为，制定本规定。\n第二条　犬只应当依照本规定第四条登记。\n"
           "第三条　养犬人应当为犬只接种狂犬病疫苗。\n第四条　犬只登记由公安机关负责。\n"
           "第五条　本规定所称烈性犬，是指依照本规定第四条公布的名录所列的藏獒、比特犬、土佐犬等犬只。\n")
    new = old.replace("第三条　养犬人", "第三条　养犬人应当文明养犬。\n第四条　养犬人").replace(
        "第四条　犬只登记", "第五条　犬只登记").replace("第五条　本规定所称", "第六条　本规定所称").replace(
        "依照本规定第四条公布", "依照本规定第五条公布").replace("藏獒、比特犬、土佐犬等", "比特犬、藏獒、土佐犬等")
    assert not [f for f in compare_texts(tmp_path, old, new).to_dict()["findings"] if f["kind"].startswith("definition_")]
    # but a breed added to the list is a wider term
    wider = new.replace("土佐犬等", "土佐犬、高加索犬等")
    assert [(f["kind"], f["subject"]) for f in compare_texts(tmp_path, old, wider).to_dict()["findings"]
            if f["kind"].startswith("definition_")] == [("definition_changed", "烈性犬")]


def test_a_contents_list_with_sections_in_two_chapters_is_not_the_text(tmp_path: Path) -> None:
    # 第一节 is listed under two chapters in the 目录: the text starts at the second 第一章, not
    # at the second 第一节; and 目录 is not part of the title
    text = ("中华人民共和国道路运输法（草案）\n目　　录\n第一章　总则\n第二章　客运\n　第一节　班车客运\n　第二节　包车客运\n"
            "第三章　货运\n　第一节　普通货运\n　第二节　危险货物运输\n第四章　附则\n"
            "第一章　总则\n第一条　为了规范道路运输，制定本条例。\n第二章　客运\n第一节　班车客运\n第二条　班车客运应当按照核定线路运行。\n"
            "第二节　包车客运\n第三条　包车客运不得招揽包车合同外的旅客。\n第三章　货运\n第一节　普通货运\n"
            "第四条　货运车辆不得超载。\n第二节　危险货物运输\n第五条　运输危险货物应当配备押运人员。\n"
            "第四章　附则\n第六条　本条例自公布之日起施行。\n")
    path = tmp_path / "law.txt"
    path.write_text(text, encoding="utf-8")
    doc = revdiff.outline(str(path), genre="law")
    assert doc.parts[0].title == "中华人民共和国道路运输法（草案）"
    heads = [(n.unit, n.number, n.title) for n in doc.parts[0].nodes() if n.unit != "条"]
    assert heads == [("章", "第一章", "总则"), ("章", "第二章", "客运"), ("节", "第一节", "班车客运"),
                     ("节", "第二节", "包车客运"), ("章", "第三章", "货运"), ("节", "第一节", "普通货运"),
                     ("节", "第二节", "危险货物运输"), ("章", "第四章", "附则")]
    assert accounted(doc) == _chars(text)


def test_a_second_reading_mark_is_a_stage_not_a_new_title(tmp_path: Path) -> None:
    body = "第一条　为了保护湿地，制定本法。\n第二条　本法适用于湿地保护。\n第三条　本法自　　年　　月　　日起施行。\n"
    rep = compare_texts(tmp_path, "中华人民共和国湿地保护法（草案）\n" + body,
                        "中华人民共和国湿地保护法（草案）（二次审议稿）\n" + body).to_dict()
    assert [f["kind"] for f in rep["findings"]] == []


def test_the_length_of_a_suspension_is_a_range(tmp_path: Path) -> None:
    head = "某某省安全生产条例\n第一条　为了加强安全生产工作，制定本条例。\n第二条　生产经营单位应当遵守本条例。\n"
    old = head + ("第三条　生产经营单位未按照规定进行安全评价的，责令停产停业整顿一个月以上六个月以下。\n"
                  "第四条　驾驶人员酒后驾驶工程车辆的，暂扣其机动车驾驶证一个月至三个月。\n"
                  "第五条　特种作业人员无证上岗的，暂扣其操作资格证，并处二千元罚款。\n")
    new = head + ("第三条　生产经营单位未按照规定进行安全评价的，责令停产停业整顿一个月以上三个月以下。\n"
                  "第四条　驾驶人员酒后驾驶工程车辆的，暂扣其机动车驾驶证三个月至六个月。\n"
                  "第五条　特种作业人员无证上岗的，暂扣其操作资格证，并处五千元罚款。\n")
    found = [(f["subject"], f["direction"], f["draft_min"], f["draft_value"], f["final_min"], f["final_value"], f["unit"])
             for f in compare_texts(tmp_path, old, new).to_dict()["findings"] if f["kind"].startswith("penalty_")]
    assert sorted(found) == sorted([("责令停产停业", "lowered", "1", "6", "1", "3", "个月"),
                                    ("暂扣", "raised", "1", "3", "3", "6", "个月"),
                                    ("罚款", "raised", "2000", "2000", "5000", "5000", "元")])  # 暂扣…资格证: no length


_TOUR_OLD = ("某某自治州旅游条例\n第一条　为了促进旅游业发展，制定本条例。\n"
             "第二条　旅游经营者应当诚信经营。\n旅游经营者不得强迫或者变相强迫旅游者购物。\n"
             "旅游经营者应当在经营场所公示服务项目和收费标准。\n违反本条第二款规定的，由旅游主管部门依照本条例第五条处理。\n"
             "第三条　景区应当制定游客流量控制方案。\n"
             "第四条　景区门票价格实行政府定价。\n景区应当对未成年人实行门票优惠。\n前两款规定的价格和优惠，应当向社会公示。\n"
             "第五条　违反本条例第二条第二款规定的，处一万元以上五万元以下罚款。\n")
# 第二条 gains a 第二款 (so 强迫购物 is its 第三款), its 公示 款 moves to 第三条, 第四条 loses its 第二款
_TOUR_NEW = ("某某自治州旅游条例\n第一条　为了促进旅游业发展，制定本条例。\n"
             "第二条　旅游经营者应当诚信经营。\n旅游经营者应当依法保护旅游者个人信息。\n"
             "旅游经营者不得强迫或者变相强迫旅游者购物。\n违反本条第三款规定的，由旅游主管部门依照本条例第五条处理。\n"
             "第三条　景区应当制定游客流量控制方案。\n旅游经营者应当在经营场所公示服务项目和收费标准。\n"
             "第四条　景区门票价格实行政府定价。\n前款规定的价格，应当向社会公示。\n"
             "第五条　违反本条例第二条第三款规定的，处一万元以上五万元以下罚款。\n")


def test_paragraphs_inserted_deleted_and_moved_between_articles(tmp_path: Path) -> None:
    rep = compare_texts(tmp_path, _TOUR_OLD, _TOUR_NEW).to_dict()
    clauses = {s["draft"]["number"]: s.get("clauses") for s in rep["sections"] if s["draft"] and s["final"]}
    assert clauses["第二条"] == [
        {"draft": None, "final": "第二款", "change": "added"},
        {"draft": "第三款", "final": None, "change": "moved", "to": "第三条第二款"},
        {"draft": "第四款", "final": "第四款", "change": "modified"}]
    assert clauses["第三条"] == [{"draft": None, "final": "第二款", "change": "moved", "from": "第二条第三款"}]
    # the deleted 款 is the one deleted, not the next one modified and the last one deleted
    assert clauses["第四条"] == [{"draft": "第二款", "final": None, "change": "removed"},
                                {"draft": "第三款", "final": "第二款", "change": "modified"}]


def test_references_that_follow_their_paragraph_are_no_finding(tmp_path: Path) -> None:
    # 本条第二款 → 本条第三款, 本条例第二条第二款 → 第二条第三款 and 前两款 → 前款 (one of the two deleted)
    # only follow the 款 they name
    rep = compare_texts(tmp_path, _TOUR_OLD, _TOUR_NEW).to_dict()
    assert [f for f in rep["findings"] if f["kind"] == "reference_changed"] == []
    muted = {s["draft"]["number"]: "".join(s["diff"][i][1] for i in s.get("consequential", []))
             for s in rep["sections"] if s["draft"] and s["final"]}
    assert (muted["第二条"], muted["第五条"]) == ("二三", "二三")
    # a reference now naming another 款 than the one it named is a change
    elsewhere = _TOUR_NEW.replace("第二条第三款规定", "第二条第一款规定").replace("违反本条第三款", "违反本条第一款")
    found = sorted((f["draft_value"], f["final_value"]) for f in compare_texts(tmp_path, _TOUR_OLD, elsewhere).to_dict()["findings"]
                   if f["kind"] == "reference_changed")
    assert found == [("本条例第二条第二款", "本条例第二条第一款"), ("本条第二款", "本条第一款")]


def test_a_databases_revision_table_after_the_last_article_is_not_the_text(tmp_path: Path) -> None:
    text = ("# 某某省消防条例\n\n> 效力位阶：地方性法规\n\n## 第一章 总则\n\n**第一条** 为了预防火灾，制定本条例。\n\n"
            "**第二条** 消防工作实行防火安全责任制。\n\n## 第二章 附则\n\n**第三条** 本条例自2024年1月1日起施行。\n\n"
            "## 历次修订\n\n| 条目 | 日期 | 内容 |\n| --- | --- | --- |\n| 第二条 | 2023年11月30日 | 修改 |\n\n"
            "注：本条例第二条于2023年修订。\n")
    path = tmp_path / "law.md"
    path.write_text(text, encoding="utf-8")
    doc = revdiff.outline(str(path))
    last = doc.parts[0].sections[-1].children[-1]
    assert (last.number, last.text, last.children) == ("第三条", "本条例自2024年1月1日起施行。", [])
    assert [n.number for n in doc.parts[0].nodes() if n.unit == "条"] == ["第一条", "第二条", "第三条"]
    assert "历次修订" in [b.text.strip("# ") for b in doc.dropped]
    assert accounted(doc) == _chars(text)


def test_an_item_moved_down_past_a_replaced_one_has_its_number_muted(tmp_path: Path) -> None:
    # （二）老年人 becomes （三） because a new （二） was inserted while （一） was reworded:
    # its number only followed, and is shown muted
    old = _CARE + ("第四条　本条例下列用语的含义：\n（一）养老服务机构，是指为老年人提供集中居住和照料服务的机构。\n"
                   "（二）老年人，是指六十周岁以上的公民。\n第五条　本条例自2026年1月1日起施行。")
    new = _CARE + ("第四条　本条例下列用语的含义：\n（一）养老服务机构，是指为老年人提供集中居住、日间照料或者上门服务的机构。\n"
                   "（二）嵌入式养老服务设施，是指设置在城乡社区内的小型养老服务设施。\n（三）老年人，是指六十周岁以上的公民。\n"
                   "第五条　本条例自2026年1月1日起施行。")
    rep = compare_texts(tmp_path, old, new).to_dict()
    pair = next(s for s in rep["sections"] if s["draft"] and s["draft"]["number"] == "第四条")
    muted = [pair["diff"][i][1] for i in pair.get("consequential", [])]
    assert "三" in muted and not any("嵌入式" in t for t in muted)


def test_the_table_says_where_a_paragraph_went_and_a_deleted_article_is_a_whole_article(tmp_path: Path) -> None:
    from revdiff.render.table import build_table

    report = compare_texts(tmp_path, _TOUR_OLD, _TOUR_NEW)
    notes = [n for r in build_table(report).rows for n in r.notes]
    assert "第三款移至修改后第三条第二款" in notes and "第二款由原第二条第三款移来" in notes
    old = _TOUR_OLD.replace("第四条　景区门票", "第四条　景区应当设置安全警示标志。\n第五条　景区门票").replace(
        "第五条　违反", "第六条　违反")
    removed = [(f.note, f.draft_text) for f in compare_texts(tmp_path, old, _TOUR_OLD).findings
               if f.kind == "section_removed"]
    assert removed == [("修改后删除了整条“第四条”（约13字）。", "第四条　景区应当设置安全警示标志。")]


def test_two_readings_of_a_draft_law_are_not_taken_for_swapped_files(tmp_path: Path) -> None:
    body = "第一条　为了保护湿地，制定本法。\n第二条　本法适用于湿地保护。\n第三条　本法自　　年　　月　　日起施行。\n"
    rep = compare_texts(tmp_path, "中华人民共和国湿地保护法（草案）\n" + body,
                        "中华人民共和国湿地保护法（草案）（二次审议稿）\n" + body.replace("保护湿地", "加强湿地保护"))
    assert not [w for w in rep.warnings if "swapped" in w]
    rep = compare_texts(tmp_path, "中华人民共和国湿地保护法\n" + body, "中华人民共和国湿地保护法（草案）\n" + body)
    assert [w for w in rep.warnings if "swapped" in w]  # the adopted law given as the draft


_PARKING_OLD = ("某某市停车管理条例\n目　　录\n第一章　总则\n第二章　停车设施\n第三章　附则\n"
                "第一章　总则\n第一条　为了规范停车管理，制定本条例。\n第二条　市人民政府应当将停车管理工作纳入考核。\n"
                "第二章　停车设施\n第三条　新建住宅应当配建停车位。\n第四条　公共停车场应当公示收费标准。\n"
                "第三章　附则\n第五条　本条例自2026年1月1日起施行。\n")
# a new 第三章 监督管理: one new article and old 第二条 moved into it
_PARKING_NEW = ("某某市停车管理条例\n目　　录\n第一章　总则\n第二章　停车设施\n第三章　监督管理\n第四章　附则\n"
                "第一章　总则\n第一条　为了规范停车管理，制定本条例。\n"
                "第二章　停车设施\n第二条　新建住宅应当配建停车位。\n第三条　公共停车场应当公示收费标准。\n"
                "第三章　监督管理\n第四条　交通主管部门应当对停车场开展监督检查。\n第五条　市人民政府应当将停车管理工作纳入考核。\n"
                "第四章　附则\n第六条　本条例自2026年1月1日起施行。\n")


def test_an_article_moved_into_a_new_chapter_is_listed_where_the_final_has_it(tmp_path: Path) -> None:
    rep = compare_texts(tmp_path, _PARKING_OLD, _PARKING_NEW).to_dict()
    order = [((s["final"] or s["draft"])["number"], s["status"]) for s in rep["sections"]
             if (s["final"] or s["draft"]).get("unit")]
    assert order == [("第一章", "unchanged"), ("第一条", "unchanged"), ("第二章", "unchanged"), ("第二条", "unchanged"),
                     ("第三条", "unchanged"), ("第三章", "added"), ("第四条", "added"), ("第五条", "moved"),
                     ("第四章", "unchanged"), ("第六条", "unchanged")]


def test_a_contents_list_is_diffed_line_by_line(tmp_path: Path) -> None:
    rep = compare_texts(tmp_path, _PARKING_OLD, _PARKING_NEW).to_dict()
    toc = next(s for s in rep["sections"] if "目" in "".join(t for _op, t in s["diff"]) and not (s["draft"] or {}).get("unit"))
    changed = [(op, t) for op, t in toc["diff"] if op]
    assert (1, "第三章　监督管理\n") in changed  # the new chapter's line underlined whole
    assert ("".join(t for op, t in changed if op < 0), "".join(t for op, t in changed if op > 0)) == (
        "三", "第三章　监督管理\n四")  # 第三章　附则 → 第四章: one numeral


@pytest.mark.parametrize("text, expected", [
    ("责令停产停业整顿六个月以上一年以下", ("6", "个月", "12", "个月")),  # a year is twelve months
    ("暂扣其经营许可证一至三个月", ("1", "个月", "3", "个月")),
    ("责令停业整顿十五日以内", (None, None, "15", "日")),
])
def test_lengths_of_suspension_in_other_forms(text: str, expected: tuple[str | None, ...]) -> None:
    from revdiff.classify.penalties import find_penalties

    (p,) = [p for p in find_penalties(clause(text)) if p.kind in ("暂扣", "责令停产停业")]
    low, high = p.low or (None, None), p.high or (None, None)
    assert (format(low[0], "f") if low[0] is not None else None, low[1], format(high[0], "f"), high[1]) == expected


@pytest.mark.parametrize("text, expected", [
    ("本办法所称网络平台，是指提供信息发布服务的平台。", ["网络平台"]),
    ("所称大型活动，是指预计参加人数在一千人以上的活动。", ["大型活动"]),  # after 本条例所称…；
    ("（二）“个人信息”，是指以电子方式记录的信息；", ["个人信息"]),
    ("本条例中的学校，包括中小学校和幼儿园。", ["学校"]),
    ("（一）市场主体，指导其依法经营；", []),
    ("县级人民政府应当包括在内。", []),
])
def test_what_a_definition_looks_like(text: str, expected: list[str]) -> None:
    from revdiff.classify.definitions import find_definitions

    assert [d.term for d in find_definitions(clause(text))] == expected


def test_a_paragraph_of_a_deleted_article_that_went_to_another_is_moved(tmp_path: Path) -> None:
    # 第三条 is deleted, but its 第二款 went to 第二条 (a deleted article has no clauses: the
    # article that took the 款 says where it came from)
    old = ("某某县集贸市场管理办法\n第一条　为了规范集贸市场管理，制定本办法。\n"
           "第二条　市场开办者应当建立经营者档案，记录经营者的身份信息和经营范围。\n"
           "第三条　市场开办者应当在市场入口处显著位置设置公平秤，并标明监督电话。\n市场开办者应当定期校验计量器具。\n"
           "公平秤由市场监督管理部门免费检定，检定结果向社会公布。\n第四条　本办法自公布之日起施行。\n")
    new = ("某某县集贸市场管理办法\n第一条　为了规范集贸市场管理，制定本办法。\n"
           "第二条　市场开办者应当建立经营者档案，记录经营者的身份信息和经营范围。\n市场开办者应当定期校验计量器具。\n"
           "第三条　本办法自公布之日起施行。\n")
    rep = compare_texts(tmp_path, old, new).to_dict()
    second = next(s for s in rep["sections"] if s["draft"] and s["draft"]["number"] == "第二条")
    assert second["clauses"] == [{"draft": None, "final": "第二款", "change": "moved", "from": "第三条第二款"}]


def test_an_annexed_table_after_the_last_article_stays_the_laws(tmp_path: Path) -> None:
    text = ("# 某某市停车收费管理办法\n\n**第一条** 为了规范停车收费，制定本办法。\n\n**第二条** 收费标准见附表。\n\n"
            "**第三条** 本办法自2024年1月1日起施行。\n\n## 附表 停车收费标准\n\n| 区域 | 标准 |\n| --- | --- |\n| 一类区域 | 每小时五元 |\n")
    path = tmp_path / "law.md"
    path.write_text(text, encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert "附表 停车收费标准" not in [b.text.strip("# ") for b in doc.dropped]
    assert "一类区域" in "".join(" ".join(" ".join(r) for r in n.rows or []) + n.text + n.title for n in doc.parts[0].nodes()) + "".join(
        p.title for p in doc.parts)


def test_a_former_paragraph_reference_left_behind_a_new_paragraph_now_points_elsewhere(tmp_path: Path) -> None:
    old = ("某某省献血条例\n第一条　为了保证临床用血，制定本条例。\n"
           "第二条　献血者每次献血量一般为二百毫升。\n前款规定的献血量，经献血者同意可以增加至四百毫升。\n第三条　本条例自公布之日起施行。\n")
    inserted = "献血者献血前应当接受免费健康检查。\n"
    kept = old.replace("二百毫升。\n", "二百毫升。\n" + inserted)  # 前款 now names the health check
    rewritten = kept.replace("前款规定的献血量", "本条第一款规定的献血量")  # the drafter followed it
    found = {name: [(f["draft_value"], f["final_value"]) for f in compare_texts(tmp_path, old, new).to_dict()["findings"]
                    if f["kind"] == "reference_changed"] for name, new in (("kept", kept), ("rewritten", rewritten))}
    assert found == {"kept": [("前款", "前款")], "rewritten": []}


def test_a_long_preamble_rewritten_throughout_is_diffed_line_by_line(tmp_path: Path) -> None:
    # a hundred and twenty lines before the first article, each rewritten: more paragraphs than
    # any article has 款, and too many to weigh every pair
    def law(word: str) -> str:
        lines = [f"说明{n}：本条例的{word}事项{n % 7}。" for n in range(120)]
        return ("某某市档案条例\n" + "\n".join(lines) + "\n第一条　为了加强档案管理，制定本条例。\n"
                "第二条　本条例适用于本市。\n第三条　本条例自公布之日起施行。\n")
    rep = compare_texts(tmp_path, law("起草"), law("修订")).to_dict()
    preamble = next(s for s in rep["sections"] if "说明0" in "".join(t for _op, t in s["diff"]))
    assert "".join(t for op, t in preamble["diff"] if op <= 0).count("起草") == 120
    assert "".join(t for op, t in preamble["diff"] if op >= 0).count("修订") == 120


# ---- round 4 (README there): each rule on text of other offices


_ORDER = ("中华人民共和国国务院令\n\n第八百二十号\n\n《城镇排水设施保护条例》已经2025年10月10日国务院第七十一次常务会议通过，"
          "现予公布，自2026年1月1日起施行。\n\n总理　某某\n\n2025年10月20日\n\n")
_DRAINAGE = ("城镇排水设施保护条例\n\n第一条　为了保护城镇排水设施，制定本条例。\n\n"
             "第二条　任何单位和个人不得损坏城镇排水设施。\n\n第三条　排水单位应当每年至少检查一次排水设施。\n\n"
             "第四条　本条例自{date}起施行。\n")


def test_a_promulgation_order_above_a_law_is_a_part_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    text = _ORDER + _DRAINAGE.format(date="2026年1月1日")
    path.write_text(text, encoding="utf-8")
    doc = revdiff.outline(str(path), genre="law")
    assert [(p.kind, p.title) for p in doc.parts] == [("notice", "中华人民共和国国务院令"),
                                                      ("document", "城镇排水设施保护条例")]
    assert accounted(doc) == _chars(text)
    rep = compare_texts(tmp_path, _DRAINAGE.format(date="　　年　　月　　日"), text)
    assert not [f for f in rep.findings if f.kind == "title_changed"]


def test_a_court_announcement_with_its_number_below_the_date(tmp_path: Path) -> None:
    text = ("最高人民检察院\n公　　告\n\n《最高人民检察院关于办理某类案件的规定》已于2025年3月1日由最高人民检察院第十四届"
            "检察委员会第三十次会议通过，现予公布，自2025年5月1日起施行。\n\n最高人民检察院\n2025年3月20日\n\n"
            "高检发释字〔2025〕2号\n\n最高人民检察院关于办理某类案件的规定\n\n"
            "第一条　人民检察院办理某类案件，适用本规定。\n\n第二条　本规定自2025年5月1日起施行。\n")
    path = tmp_path / "law.txt"
    path.write_text(text, encoding="utf-8")
    doc = revdiff.outline(str(path), genre="law")
    assert [p.title for p in doc.parts] == ["最高人民检察院公告", "最高人民检察院关于办理某类案件的规定"]
    # the 文号 under the date is the announcement's, not the title of what it publishes
    assert "高检发释字〔2025〕2号" in doc.parts[0].text and "〔2025〕" not in doc.parts[1].text


def test_a_plain_law_starting_with_its_title_has_no_notice(tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    path.write_text("某市公共安全技术防范管理规定\n\n第一条　本规定自公布之日起施行，现予公布。\n", encoding="utf-8")
    assert [p.kind for p in revdiff.outline(str(path), genre="law").parts] == ["document"]


def test_the_commencement_article_pairs_though_a_long_clause_was_added(tmp_path: Path) -> None:
    draft = ("某省农村公路条例\n\n第一条　为了促进农村公路发展，制定本条例。\n\n第二条　农村公路的规划、建设和养护，适用本条例。\n\n"
             "第三条　本条例自　　年　　月　　日起施行。\n")
    final = ("某省农村公路条例\n\n（2025年9月26日某省第十四届人民代表大会常务委员会第二十次会议通过，自2026年1月1日起施行）\n\n"
             "第一条　为了促进农村公路发展，制定本条例。\n\n第二条　农村公路的规划、建设和养护，适用本条例。\n\n"
             "第三条　本条例自2026年1月1日起施行。\n\n"
             "二〇〇八年五月三十日某省第十一届人民代表大会常务委员会第三次会议通过的《某省农村公路建设养护管理办法》同时废止；"
             "依照该办法已经批准的养护计划，继续有效至计划期满。\n")
    rep = compare_texts(tmp_path, draft, final).to_dict()
    assert ["第三条", "第三条"] in [[m["draft"], m["final"]] for m in rep["article_map"]]
    date = [f for f in rep["findings"] if f.get("subject") == "施行日期"]
    # read from the article, not from the 题注 that repeats it
    assert [(f["final_value"], f["final_text"]) for f in date] == [("2026年1月1日", "本条例自2026年1月1日起施行。")]


def test_definitions_of_a_judicial_interpretation(tmp_path: Path) -> None:
    draft = "第一条　本解释所称预付式消费，是指消费者预先支付费用的消费方式。\n\n第二条　本解释自公布之日起施行。\n"
    final = ("第一条　本解释所称预付式消费，是指消费者预先支付全部或者部分费用，经营者按约定分次提供商品或者服务的消费方式。\n\n"
             "第二条　本解释自公布之日起施行。\n")
    found = [(f.kind, f.subject) for f in compare_texts(tmp_path, draft, final).findings if f.kind.startswith("definition_")]
    assert found == [("definition_changed", "预付式消费")]


@pytest.mark.parametrize("text, expected", [
    ("消费者可以要求生产者支付价款十倍或者损失三倍的赔偿金", [("惩罚性赔偿", "十倍"), ("惩罚性赔偿", "三倍")]),
    ("被侵权人有权请求相应的惩罚性赔偿，赔偿数额为实际损失二倍以下的惩罚性赔偿", [("惩罚性赔偿", "二倍以下")]),
    ("经营者应当赔偿消费者损失二千元", []),  # compensation, no sanction
    ("按照每平方米二十元的标准处以罚款", [("罚款", "二十元")]),
    ("由公安机关按照每只一百元的标准予以罚款", [("罚款", "一百元")]),
    ("按照每平方米二十元的标准收取占道费", []),  # a charge, not a fine
])
def test_punitive_damages_and_fines_per_thing(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.kind, p.written) for p in find_penalties(clause(text))] == expected


def test_punitive_damages_raised_are_a_penalty_changed(tmp_path: Path) -> None:
    draft = "第一条　经营者销售明知是假冒的农资，购买者请求其支付价款三倍的赔偿金的，人民法院应当支持。\n\n第二条　本解释自公布之日起施行。\n"
    final = "第一条　经营者销售明知是假冒的农资，购买者请求其支付价款十倍的赔偿金的，人民法院应当支持。\n\n第二条　本解释自公布之日起施行。\n"
    found = [(f.kind, f.direction, f.draft_value, f.final_value, f.unit) for f in compare_texts(tmp_path, draft, final).findings
             if f.kind.startswith(("penalty_", "threshold_"))]
    assert found == [("penalty_changed", "raised", "3", "10", "倍")]


def test_what_punitive_damages_are_a_multiple_of() -> None:
    # 价款 and 损失 are different bases: a multiple of one is never paired with a multiple of the other
    got = find_penalties(clause("消费者可以要求经营者支付价款十倍或者损失三倍的赔偿金"))
    assert [p.basis for p in got] == ["价款", "损失"]  # of the 价款, not of 支付价款
    assert [p.basis for p in find_penalties(clause("处合同价款百分之一以上百分之三以下的罚款"))] == ["合同价款"]

