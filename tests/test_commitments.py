"""Commitments read right on invented plans of other offices (issue 14).

Each class of the issue is checked on at least two wordings; expected findings are written
from reading the two texts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import revdiff
from revdiff.classify.extract import find_pledges, find_text_targets, is_past_title
from revdiff.model import Finding, Node
from revdiff.render.facts import money_at_stake


def compare(tmp_path: Path, draft: str, final: str) -> list[dict[str, Any]]:
    """The findings of comparing two texts, as JSON objects."""
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    return [f.to_dict() for f in revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt")).findings]


def commitments(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """(kind, direction, draft_value, final_value, unit) of the funding and target findings."""
    return sorted(
        (f["kind"], f["direction"] or "", f["draft_value"] or "", f["final_value"] or "", f["unit"] or "")
        for f in findings
        if f["kind"].startswith(("funding", "target"))
    )


def plan(title: str, *lines: str) -> str:
    return "\n".join([title, *lines]) + "\n"


def _node(text: str, title: str = "支持政策") -> Node:
    return Node("heading", 2, "（一）", title, text, 1, 1)


# ----------------------------------------------------------- 1. several amounts in a sentence


def test_budget_line_and_distributed_awards_are_three_commitments(tmp_path: Path) -> None:
    head = "关于促进工业设计发展的若干措施"
    d = plan(head, "一、支持政策",
             "（一）加大资金投入。市财政每年安排工业设计专项资金2000万元，对新认定的国家级、省级工业设计中心"
             "分别给予100万元、30万元奖励。",
             "二、保障措施", "（二）加强督导。各区要抓好落实。")
    f = d.replace("分别给予100万元、30万元奖励", "分别给予100万元、20万元奖励")
    assert commitments(compare(tmp_path, d, f)) == [("funding_changed", "lowered", "30", "20", "万元")]
    # and the budget line is its own commitment
    f2 = d.replace("专项资金2000万元", "专项资金1500万元")
    (only,) = [x for x in compare(tmp_path, d, f2) if x["kind"].startswith("funding")]
    assert (only["draft_value"], only["final_value"], only["period"]) == ("2000", "1500", "年")


def test_distributed_amounts_per_head(tmp_path: Path) -> None:
    d = plan("关于举办学术会议的资助办法", "一、资助标准",
             "（一）会议资助。对承办国际性、全国性学术会议的单位，分别给予每场10万元、5万元补助。",
             "二、附则", "（二）本办法自印发之日起施行。")
    f = d.replace("每场10万元、5万元", "每场8万元、5万元")
    (only,) = [x for x in compare(tmp_path, d, f) if x["kind"].startswith("funding")]
    assert (only["kind"], only["draft_value"], only["final_value"]) == ("funding_changed", "10", "8")
    assert only["subject"] == "国际性学术会议" and only["per"] == "场"


def test_one_pledge_per_amount_with_recipient() -> None:
    pledges = find_pledges(_node("对新评定的五星级、四星级旅游饭店，分别给予50万元、20万元奖励。"))
    assert [(p.value, p.subject) for p in pledges] == [("50", "五星级旅游饭店"), ("20", "四星级旅游饭店")]


# ---------------------------------------------------------------------------- 2. funds


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("市政府出资5000万元，吸引社会资本共同设立总规模5亿元的天使投资基金。", "5000", "万元"),
        ("区财政出资二亿元，撬动社会资本设立规模十亿元的产业发展基金。", "2", "亿元"),
    ],
)
def test_fund_pledge_is_the_public_contribution(sentence: str, value: str, unit: str) -> None:
    assert [(p.value, p.unit) for p in find_pledges(_node(sentence))] == [(value, unit)]


def test_fund_size_change_alone_is_no_funding_finding(tmp_path: Path) -> None:
    d = plan("关于加快创业投资发展的实施意见", "一、设立基金",
             "（一）设立产业基金。区财政出资二亿元，撬动社会资本设立规模十亿元的产业发展基金。",
             "二、保障措施", "（二）加强监管。定期开展绩效评价。")
    f = d.replace("规模十亿元", "规模二十亿元")
    assert commitments(compare(tmp_path, d, f)) == []
    f2 = d.replace("出资二亿元", "出资一亿元")
    assert commitments(compare(tmp_path, d, f2)) == [("funding_changed", "lowered", "2", "1", "亿元")]


# ------------------------------------------------------------- 3. targets: same measure only


def test_per_head_target_never_pairs_with_a_total(tmp_path: Path) -> None:
    d = plan("某市知识产权事业发展规划", "一、发展目标",
             "到2025年，每万人口发明专利拥有量达到15件，技术合同成交额达到80亿元。",
             "二、重点任务", "（一）强化创造。提升专利质量。")
    f = d.replace("每万人口发明专利拥有量达到15件", "发明专利拥有量达到12000件")
    assert commitments(compare(tmp_path, d, f)) == [("target_added", "", "", "12000", "件"),
                                                     ("target_removed", "", "15", "", "件")]


def test_flow_target_never_pairs_with_a_stock(tmp_path: Path) -> None:
    d = plan("某县科技创新三年行动方案", "一、主要目标",
             "到2025年，新增高新技术企业200家，研发投入强度达到2.5%。",
             "二、工作措施", "（一）培育创新主体。实施科技企业梯次培育。")
    f = d.replace("新增高新技术企业200家", "高新技术企业总数达到800家")
    assert commitments(compare(tmp_path, d, f)) == [("target_added", "", "", "800", "家"),
                                                     ("target_removed", "", "200", "", "家")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("截至2022年底，全市高新技术企业达到800家，到2025年力争达到1200家。", [("全市高新技术企业", "1200")]),
        ("到2025年，研发经费投入强度由2020年的2.1%提高到2.8%。", [("研发经费投入强度", "2.8")]),
        ("全市规上工业增加值基期值为450亿元，到2025年达到600亿元。", [("全市规上工业增加值", "600")]),
        ("2022年，全县民营市场主体达到3.2万户。", []),
        ("目前全区已建成5G基站1200个。", []),
    ],
)
def test_base_period_figures_are_not_targets(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.measure, t.value) for t in find_text_targets(_node(sentence, "主要目标"))] == expected


def test_base_and_target_in_one_sentence_change_only_the_target(tmp_path: Path) -> None:
    d = plan("某市创新型城市建设方案", "一、建设目标",
             "截至2022年底，全市高新技术企业达到800家，到2025年力争达到1200家。",
             "二、重点任务", "（一）培育企业。建立培育库。")
    f = d.replace("达到800家", "达到860家").replace("1200家", "1000家")
    assert commitments(compare(tmp_path, d, f)) == [("target_changed", "lowered", "1200", "1000", "家")]


# ------------------------------------------------------- 4. a target added in a new sentence


@pytest.mark.parametrize(
    "added, value, unit",
    [
        ("每年组织民营企业家培训不少于300人次。", "300", "人次"),
        ("新增国家级专精特新“小巨人”企业10家。", "10", "家"),
    ],
)
def test_target_added_in_a_new_sentence(tmp_path: Path, added: str, value: str, unit: str) -> None:
    d = plan("某县促进中小企业发展实施方案", "一、重点任务",
             "（一）实施企业培育行动。建立企业培育库，强化分类指导。",
             "二、保障措施", "（二）加强组织领导。成立工作专班。")
    f = d.replace("强化分类指导。", "强化分类指导。" + added)
    assert commitments(compare(tmp_path, d, f)) == [("target_added", "", "", value, unit)]


# ------------------------------------------------------------- 5. past results are no pledges


@pytest.mark.parametrize(
    "past",
    [
        "2022年，全县规模以上工业企业达到186户，全年兑现各类惠企资金8600万元。",
        "去年，全区共拨付人才奖补资金3200万元，新引进博士研究生85人。",
    ],
)
def test_past_results_in_the_preface_are_not_commitments(tmp_path: Path, past: str) -> None:
    d = plan("某县优化营商环境实施方案", "近年来，全县营商环境持续改善。" + past + "为进一步优化营商环境，制定本方案。",
             "一、重点任务", "（一）提升政务服务。推行“一网通办”。", "二、保障措施", "（二）强化督查。")
    f = d.replace(past, "")
    assert commitments(compare(tmp_path, d, f)) == []


# --------------------------------------------------------------------- 7. amount semantics


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # (value, unit, per, period, cap, low)
        ("对企业购买检测服务的，按实际费用的50%给予补贴，每家企业每年最高20万元。",
         [("50", "%", None, None, None, None), ("20", "万元", "家", "年", "最高", None)]),
        ("对组织旅游专列的旅行社，每趟专列奖励2万元，单个旅行社年度奖励累计不超过30万元。",
         [("2", "万元", "趟", None, None, None), ("30", "万元", "个", "年", "累计不超过", None)]),
        ("对认定的示范企业给予10-50万元奖励。", [("50", "万元", None, None, None, "10")]),
        ("对获评的示范基地给予5万元至20万元奖励。", [("20", "万元", None, None, None, "5")]),
        ("对新引进的顶尖人才团队，给予三千万元项目资助。", [("3000", "万元", None, None, None, None)]),
        ("对科技型中小企业的科技信贷，按贷款利息的50%给予贴息，每家企业每年贴息不超过50万元。",
         [("50", "%", None, None, None, None), ("50", "万元", "家", "年", "不超过", None)]),
        # a threshold says who qualifies: not what they get
        ("对年度研发费用超过1000万元的企业，按增量部分的10%给予补助。", [("10", "%", None, None, None, None)]),
        ("对总投资5000万元以上的项目，给予一次性奖励100万元。", [("100", "万元", None, None, None, None)]),
    ],
)
def test_amount_semantics(sentence: str, expected: list[tuple[str | None, ...]]) -> None:
    got = [(p.value, p.unit, p.per, p.period, p.cap, p.low) for p in find_pledges(_node(sentence))]
    assert got == expected


def test_semantics_reach_the_finding(tmp_path: Path) -> None:
    d = plan("某区人才安居办法", "一、支持标准",
             "（一）租房补贴。对租房居住的青年人才，每年给予最高1.2万元租房补贴。",
             "（二）奖励标准。对认定的示范企业给予10-50万元奖励。",
             "二、附则", "（三）本办法由区人社局负责解释。")
    f = d.replace("最高1.2万元", "最高1.5万元").replace("10-50万元", "20-50万元")
    found = {f["draft_value"]: f for f in compare(tmp_path, d, f) if f["kind"] == "funding_changed"}
    assert set(found) == {"1.2", "50"}
    rent = found["1.2"]
    assert (rent["direction"], rent["period"], rent["cap"], rent["per"] if "per" in rent else None) == \
        ("raised", "年", "最高", None)
    rng = found["50"]
    assert (rng["direction"], rng["draft_min"], rng["final_min"]) == ("raised", "10", "20")


def _removed(value: str, **scope: str) -> Finding:
    return Finding("funding_removed", "high", "n", "n", draft_value=value, unit="万元", **scope)


def test_money_total_adds_only_lump_sums() -> None:
    money = money_at_stake([_removed("500"), _removed("300"), _removed("50", cap="最高"),
                            _removed("10", per="件"), _removed("100", period="年")])
    assert [(t.unit, t.total, t.count) for t in money.totals] == [("万元", "800", 2)]
    assert money.not_summed == 3 and money.removed == 5


def test_markdown_says_what_is_not_summed(tmp_path: Path) -> None:
    d = plan("某市稳外贸若干措施", "一、支持政策",
             "（一）设立资金。市财政安排外贸发展资金3000万元。",
             "（二）展会补助。对参加境外展会的企业，每家企业最高补助20万元。",
             "二、附则", "（三）本措施自印发之日起施行。")
    f = d.replace("（一）设立资金。市财政安排外贸发展资金3000万元。\n", "").replace(
        "（二）展会补助。对参加境外展会的企业，每家企业最高补助20万元。\n", "")
    (tmp_path / "d.txt").write_text(d, encoding="utf-8")
    (tmp_path / "f.txt").write_text(f, encoding="utf-8")
    from revdiff.render import render

    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    md = render(report, "md")
    line = next(x for x in md.splitlines() if x.startswith("- 涉及资金"))
    assert "**3000 万元**（1 项）" in line
    assert "另有 1 项被删除的资金承诺按件、按年计或为上限金额，未计入合计" in line
    from bs4 import BeautifulSoup

    card = BeautifulSoup(render(report, "html"), "html.parser").select_one(".card-money")
    assert card is not None
    assert [p.select_one(".amount").get_text() for p in card.select(".money-line")] == ["3000"]
    assert card.select_one("[data-not-summed]")["data-not-summed"] == "1"


# ------------------------------------------------------------------------------- defects


@pytest.mark.parametrize("title", ["巩固试点成效", "扩大改革进展", "夯实发展基础"])
def test_a_task_heading_with_a_past_word_keeps_its_pledges(tmp_path: Path, title: str) -> None:
    d = plan("某市知识产权试点示范工作方案", "一、重点任务",
             f"（一）{title}。对通过验收的试点企业，给予最高20万元奖励。",
             "（二）加强宣传。开展知识产权宣传周活动。", "二、保障措施", "（三）加强领导。")
    f = d.replace("对通过验收的试点企业，给予最高20万元奖励。", "")
    assert commitments(compare(tmp_path, d, f)) == [("funding_removed", "", "20", "", "万元")]


@pytest.mark.parametrize(
    "title, past",
    [
        ("发展基础", True), ("取得的成效", True), ("面临的形势", True), ("编制背景", True),
        ("发展现状与面临形势", True), ("“十三五”工作回顾", True), ("主要进展", True),
        ("发展基础与面临形势", True), ("工作进展及存在问题", True),
        ("巩固试点成效", False), ("夯实粮食生产基础", False), ("扩大开放成效", False), ("重点任务", False),
        ("发展基础更加坚实", False), ("工作成效明显提升", False), ("发展现状与目标", False),
        ("面临形势与主要任务", False),
    ],
)
def test_past_section_titles(title: str, past: bool) -> None:
    assert is_past_title(title) is past


@pytest.mark.parametrize(
    "statistic",
    [
        "截至2020年底，全市累计给予企业专利资助5000万元。",  # 截至 … 累计
        "全市累计兑现专利资助资金3000万元。",  # 累计 alone
        "2021年，市财政给予企业专利资助3000万元。",  # a dated result
        "去年全市共兑现科技奖补资金2.6亿元。",  # a past disbursement
    ],
)
def test_past_statistics_are_not_pledges(tmp_path: Path, statistic: str) -> None:
    d = plan("某市专利资助办法", "一、资助标准",
             f"（一）加大资助力度。{statistic}对新授权的发明专利，每件给予5000元资助。",
             "二、附则", "（二）本办法自发布之日起施行。")
    f = d.replace(statistic, "")
    assert commitments(compare(tmp_path, d, f)) == []
    assert [p.value for p in find_pledges(_node(statistic))] == []


def test_register_before_the_first_comparison_keeps_the_built_in_rules(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import revdiff.classify as classify

    monkeypatch.setattr(classify, "RULES", [])
    monkeypatch.setattr(classify, "_builtins_registered", False, raising=False)
    seen: list[int] = []
    classify.register("count", lambda ctx: seen.append(len(ctx.pairs)) or [])
    d = plan("某市专利资助办法", "一、资助标准", "（一）发明专利资助。对新授权的发明专利，每件给予5000元资助。",
             "二、附则", "（二）本办法自发布之日起施行。")
    f = d.replace("5000元", "3000元")
    assert commitments(compare(tmp_path, d, f)) == [("funding_changed", "lowered", "5000", "3000", "元")]
    assert seen  # the registered rule ran too, after the built-in ones
    assert [name for name, _ in classify.RULES][-1] == "count"


# ------------------------------------------------------------ 6. plans from other offices


@pytest.mark.parametrize(
    "line, style, value, number, rest",
    [
        ("第 3 条 对新认定的产业园，给予一次性奖励100万元。", "article", 3, "第 3 条", "对新认定的产业园，给予一次性奖励100万元。"),
        ("第12条 对参展企业给予补助。", "article", 12, "第12条", "对参展企业给予补助。"),
        ("## 二 、优化外贸金融服务", "cn-dun", 2, "## 二 、", "优化外贸金融服务"),
        ("### (三)扩大出口信用保险覆盖面", "cn-paren", 3, "### (三)", "扩大出口信用保险覆盖面"),
        ("三 、保障措施", "cn-dun", 3, "三 、", "保障措施"),
        ("- 到2025年，全市出口信用保险覆盖面达到30%以上。", "dash", 0, "-", "到2025年，全市出口信用保险覆盖面达到30%以上。"),
    ],
)
def test_markers_of_converted_plans(line: str, style: str, value: int, number: str, rest: str) -> None:
    from revdiff.numbering import match_marker

    m = match_marker(line)
    assert m is not None and (m.style, m.value, m.number, m.rest) == (style, value, number, rest)


@pytest.mark.parametrize("line", ["## 发展目标", "- 12 -", "# 2025年"])
def test_converter_marks_alone_are_no_numbers(line: str) -> None:
    from revdiff.numbering import match_marker

    assert match_marker(line) is None


def test_converted_plan_aligns_by_its_own_numbers(tmp_path: Path) -> None:
    d = plan("## 某市稳就业若干措施",
             "## 一 、支持企业吸纳就业", "(一)一次性吸纳就业补贴",
             "第 1 条 对招用高校毕业生的中小企业，按每人1500元给予一次性吸纳就业补贴。",
             "第 2 条 对吸纳脱贫人口就业的企业，按每人1000元给予补贴。",
             "## 二 、强化技能培训", "(二)以工代训",
             "第 3 条 对开展以工代训的企业，按每人每月500元给予职业培训补贴。",
             "- 全年开展职业技能培训不少于2万人次。")
    f = d.replace("第 2 条 对吸纳脱贫人口就业的企业，按每人1000元给予补贴。\n", "").replace(
        "第 3 条", "第 2 条").replace("每月500元", "每月300元")
    (tmp_path / "d.txt").write_text(d, encoding="utf-8")
    (tmp_path / "f.txt").write_text(f, encoding="utf-8")
    rep = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    status = {(p.draft.number if p.draft else None, p.final.number if p.final else None): p.status
              for p in rep.sections}
    assert rep.draft.format == "md"  # a converter's Markdown: its ## marks are formatting, not the number
    assert status[("二 、", "二 、")] == "unchanged"
    assert status[("第 2 条", None)] == "removed"
    assert status[("第 3 条", "第 2 条")] == "modified"  # its one sentence (body, not a title) changed 500 → 300
    assert commitments([f.to_dict() for f in rep.findings]) == [
        ("funding_changed", "lowered", "500", "300", "元"), ("funding_removed", "", "1000", "", "元")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # (value, unit, per, period, cap)
        ("对提前淘汰国四柴油货车的，每辆给予最高3万元补贴。", [("3", "万元", "辆", None, "最高")]),
        ("对新建的社区服务设施，按建设投资的30%给予补助，每处最高50万元。",
         [("30", "%", None, None, None), ("50", "万元", "处", None, "最高")]),
        ("县财政按每亩每年20元安排高标准农田管护经费。", [("20", "元", "亩", "年", None)]),
        ("专项资金采取事后奖补方式，2023年度共支持项目312个，下达资金9.8亿元。", []),
    ],
)
def test_more_amount_wordings(sentence: str, expected: list[tuple[str | None, ...]]) -> None:
    got = [(p.value, p.unit, p.per, p.period, p.cap) for p in find_pledges(_node(sentence))]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("到2025年，全市PM2.5平均浓度降至33微克/立方米以下。", [("全市PM2.5平均浓度", "33", "微克/立方米")]),
        ("2024年底前，完成30家重点企业超低排放改造。", [("完成重点企业超低排放改造", "30", "家")]),
        ("一是新建社区综合服务设施50处；二是改造提升社区老年助餐点30个。",
         [("新建社区综合服务设施", "50", "处"), ("改造提升社区老年助餐点", "30", "个")]),
        ("每年建设不超过10个高价值专利培育中心。", []),  # a ceiling on a count is no goal
    ],
)
def test_more_target_wordings(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.measure, t.value, t.unit) for t in find_text_targets(_node(sentence, "重点任务"))] == expected


def test_note_says_per_unit_and_period(tmp_path: Path) -> None:
    d = plan("某市检验检测服务补贴办法", "一、补贴标准",
             "（一）服务补贴。对企业购买检测服务的，按实际费用的50%给予补贴，每家企业每年最高20万元。",
             "二、附则", "（二）本办法自印发之日起施行。")
    f = d.replace("每年最高20万元", "每年最高10万元")
    (only,) = [x for x in compare(tmp_path, d, f) if x["kind"] == "funding_changed"]
    assert "每年每家最高20万元" in only["note"] and "每年每家最高10万元" in only["note"]


def test_eligibility_conditions_are_not_targets() -> None:
    for sentence in ("申报单位应为在本省注册的企业，2023年度营业收入不低于5000万元。",
                     "申请企业应当具备研发人员不少于10人的条件。"):
        assert find_text_targets(_node(sentence, "申报条件")) == []


def test_targets_joined_by_a_pause_mark() -> None:
    n = _node("到2026年，累计建成智能工厂30家、数字化车间150个。", "主要目标")
    assert [(t.measure, t.value, t.unit) for t in find_text_targets(n)] == [
        ("累计建成智能工厂", "30", "家"), ("数字化车间", "150", "个")]


def test_budget_line_before_the_recipients_is_the_sections() -> None:
    pledges = find_pledges(_node("市财政每年安排专项资金2亿元，对固定资产投资超过5000万元的产业化项目，"
                                 "按设备投资额的10%给予补助。", "支持产业化项目"))
    assert [(p.value, p.subject) for p in pledges] == [("2", "支持产业化项目"), ("10", "产业化项目")]


def test_yearly_budget_and_one_off_fund_are_two_commitments(tmp_path: Path) -> None:
    d = plan("某市生物医药产业实施意见", "一、支持政策",
             "（一）支持产业化项目。市财政每年安排产业发展专项资金2亿元，支持重大产业化项目。",
             "二、保障措施", "（二）加强协同。建立一事一议机制。")
    f = d.replace("市财政每年安排产业发展专项资金2亿元，支持重大产业化项目。",
                  "市政府出资5亿元，吸引社会资本设立总规模20亿元的产业投资基金，支持重大产业化项目。")
    assert commitments(compare(tmp_path, d, f)) == [("funding_added", "", "", "5", "亿元"),
                                                     ("funding_removed", "", "2", "", "亿元")]


def test_goals_inside_a_setting_chapter_are_targets(tmp_path: Path) -> None:
    d = plan("某市现代物流业发展规划", "一、发展环境",
             "（一）面临形势。全市社会物流总额达到1.2万亿元。",
             "（二）发展目标。全市A级物流企业达到120家以上。",
             "二、重点任务", "（三）建设物流枢纽。完善枢纽布局。")
    f = d.replace("达到120家", "达到100家").replace("1.2万亿元", "1.3万亿元")
    assert commitments(compare(tmp_path, d, f)) == [("target_changed", "lowered", "120", "100", "家")]
