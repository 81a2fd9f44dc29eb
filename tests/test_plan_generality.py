"""Plans in forms the first corpus lacked (second held-out round, benchmarks/README.md).

Each class found on the held-out pairs is checked here on other invented wordings: a plan
whose measures are flat 第N条 (read as a plan by its title's 文种), an indicator table with
a mid-term and a final target column, counts after the verbs of a plan's tasks (推广, 开通 …),
and pledges whose recipient is qualified by figures (对上年度…不低于3%的企业).  Expected
results are written from reading the texts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import revdiff
from revdiff.classify.extract import find_pledges, find_table_targets, find_text_targets
from revdiff.model import Node


def _write(tmp_path: Path, draft: str, final: str) -> tuple[str, str]:
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    return str(tmp_path / "d.txt"), str(tmp_path / "f.txt")


def commitments(tmp_path: Path, draft: str, final: str) -> list[tuple[Any, ...]]:
    """(kind, direction, draft_value, final_value, unit) of the funding and target findings."""
    report = revdiff.compare(*_write(tmp_path, draft, final))
    return sorted((f.kind, f.direction or "", f.draft_value or "", f.final_value or "", f.unit or "")
                  for f in report.findings if f.kind.startswith(("funding", "target")))


def _node(text: str, title: str = "重点任务") -> Node:
    return Node("heading", 2, "（一）", title, text, 1, 1)


# ------------------------------------------------ flat 第N条 measures titled as a plan

_MEASURES = [
    "第一条 支持企业技术改造。对设备投资额超过500万元的技术改造项目，按设备投资额的10%给予补助，最高200万元。",
    "第二条 鼓励企业上规模。对首次纳入规模以上统计的工业企业，给予一次性奖励10万元。",
    "第三条 支持绿色工厂建设。对新认定的国家级、省级绿色工厂，分别给予50万元、20万元奖励。",
    "第四条 本措施由县工业和信息化局负责解释。",
]


@pytest.mark.parametrize("title", [
    "桐溪县支持工业经济稳增长的若干措施（征求意见稿）",
    "关于加快制造业转型升级的实施意见",
    "云台区工业企业提质增效行动方案（2025—2027年）",
])
def test_flat_articles_under_a_plan_title_read_as_a_plan(tmp_path: Path, title: str) -> None:
    path = tmp_path / "m.txt"
    path.write_text("\n".join([title, *_MEASURES]) + "\n", encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert doc.genre == "plan"
    # a measure keeps its heading, as a plan's item does (a law's article has none)
    assert [n.title for n in doc.parts[0].sections][:2] == ["支持企业技术改造", "鼓励企业上规模"]


@pytest.mark.parametrize("title", ["桐溪县工业企业技术改造资金管理办法", "云台区促进就业若干规定（试行）"])
def test_flat_articles_under_a_regulation_title_stay_a_law(tmp_path: Path, title: str) -> None:
    path = tmp_path / "m.txt"
    path.write_text("\n".join([title, *_MEASURES]) + "\n", encoding="utf-8")
    assert revdiff.outline(str(path)).genre == "law"


def test_measures_cut_from_a_flat_plan_are_reported_by_heading(tmp_path: Path) -> None:
    title = "桐溪县支持工业经济稳增长的若干措施（征求意见稿）"
    draft = "\n".join([title, *_MEASURES]) + "\n"
    final = "\n".join([title.replace("（征求意见稿）", ""), _MEASURES[0],
                       _MEASURES[2].replace("第三条", "第二条"), _MEASURES[3].replace("第四条", "第三条")]) + "\n"
    report = revdiff.compare(*_write(tmp_path, draft, final))
    removed = [p for p in report.sections if p.status == "removed"]
    assert [(p.draft_node.number, p.draft_node.title) for p in removed if p.draft_node] == [("第二条", "鼓励企业上规模")]
    assert [(f.kind, f.draft_value) for f in report.findings if f.kind.startswith("funding")] == [
        ("funding_removed", "10")]


# ------------------------------------------- an indicator table with two target years


def _table(header: list[str], *rows: list[str]) -> Node:
    node = Node("table", 3, "", "主要指标", "", 1, 1 + len(rows))
    node.rows = [header, *rows]
    node.row_lines = list(range(1, len(rows) + 2))
    return node


@pytest.mark.parametrize("header", [
    ["指标名称", "单位", "2023年基期值", "2025年目标值", "2027年目标值", "指标属性"],
    ["指标", "单位", "现状值", "2026年预期", "2030年预期", "属性"],
])
def test_every_target_column_is_read(header: list[str]) -> None:
    node = _table(header, ["光伏装机容量", "万千瓦", "120", "200", "350", "预期性"])
    got = [(t.value, t.year, t.base) for t in find_table_targets(node)]
    y1, y2 = header[3][:4], header[4][:4]
    assert got == [("200", y1, "120"), ("350", y2, "120")]


def test_a_base_year_and_one_target_year_read_the_target_only() -> None:
    node = _table(["指标", "单位", "2020年", "2025年", "属性"], ["森林覆盖率", "%", "41", "43", "约束性"])
    assert [(t.value, t.year) for t in find_table_targets(node)] == [("43", "2025")]


def _indicator_plan(mid: str, final: str) -> str:
    return "\n".join([
        "云台区新型储能产业发展行动方案（2025—2027年）",
        "一、主要指标",
        "指标名称\t单位\t2024年基期值\t2025年目标值\t2027年目标值\t指标属性",
        f"新型储能装机规模\t万千瓦\t40\t{mid}\t{final}\t预期性",
        "储能企业数量\t家\t12\t20\t35\t预期性",
        "二、重点任务",
        "（一）建设示范项目。加快推进储能电站建设。",
    ]) + "\n"


def test_a_mid_term_target_lowered_is_reported_with_its_column(tmp_path: Path) -> None:
    assert commitments(tmp_path, _indicator_plan("60", "120"), _indicator_plan("55", "120")) == [
        ("target_changed", "lowered", "60", "55", "万千瓦")]
    assert commitments(tmp_path, _indicator_plan("60", "120"), _indicator_plan("60", "150")) == [
        ("target_changed", "raised", "120", "150", "万千瓦")]


def test_a_mid_term_target_cut_pairs_the_final_year_with_itself(tmp_path: Path) -> None:
    # the 2025 cell emptied: the 2025 target is cut, the 2027 one is unchanged (not "60 → 120")
    assert commitments(tmp_path, _indicator_plan("60", "120"), _indicator_plan("—", "120")) == [
        ("target_removed", "", "60", "", "万千瓦")]


# -------------------------------------------------- counts after the verbs of a task


@pytest.mark.parametrize(("sentence", "expected"), [
    ("三是推广移动式冷库500台。", [("推广移动式冷库", "500", "台")]),
    ("开通冷链班列线路10条。", [("开通冷链班列线路", "10", "条")]),
    ("组建产业创新联合体5个。", [("组建产业创新联合体", "5", "个")]),
    ("布局建设城市书房30处。", [("布局建设城市书房", "30", "处")]),
    ("制定修订地方标准20项。", [("制定修订地方标准", "20", "项")]),
    ("每年举办不超过3场大型促消费活动。", []),  # a ceiling on a count is no goal
    ("实施方案明确了10项重点任务。", []),  # 实施方案 is a noun, not the verb of a task
    ("全县现有冷链班列线路6条。", []),  # a count with no verb of a task and no future is a fact
])
def test_counts_after_task_verbs_are_targets(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.measure, t.value, t.unit) for t in find_text_targets(_node(sentence))] == expected


def test_a_task_count_cut_and_one_raised_are_reported(tmp_path: Path) -> None:
    head = ["关于推进农村寄递物流体系建设的实施意见", "一、重点任务"]
    draft = "\n".join([*head, "（一）完善网络。一是开通农村客货邮融合线路40条；二是推广智能快件箱800组。",
                       "二、保障措施", "（二）加强领导。"]) + "\n"
    final = "\n".join([*head, "（一）完善网络。一是开通农村客货邮融合线路50条。",
                       "二、保障措施", "（二）加强领导。"]) + "\n"
    assert commitments(tmp_path, draft, final) == [
        ("target_changed", "raised", "40", "50", "条"), ("target_removed", "", "800", "", "组")]


# ------------------------------------------- a recipient qualified by figures


@pytest.mark.parametrize(("sentence", "expected"), [
    ("对上年度研发费用占营业收入比重不低于3%的规模以上工业企业，按其上年度研发费用增量部分的10%给予补助，最高不超过200万元。",
     [("10", "%"), ("200", "万元")]),
    ("对上年度营业收入不低于5000万元的商贸企业，给予一次性奖励20万元。", [("20", "万元")]),
    ("对于上年产值首次超过10亿元的企业，按其新增地方财力贡献的50%给予奖励，最高500万元。", [("50", "%"), ("500", "万元")]),
])
def test_figures_that_qualify_the_recipient_are_neither_pledges_nor_statistics(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.value, p.unit) for p in find_pledges(_node(sentence, "支持政策"))] == expected


@pytest.mark.parametrize("statistic", [
    "对符合条件的120家企业，累计兑现奖励资金3000万元。",
    "对纳入名录的企业，去年共拨付补助资金860万元。",
])
def test_a_statistic_that_opens_with_dui_is_still_a_statistic(statistic: str) -> None:
    assert find_pledges(_node(statistic, "支持政策")) == []


# ------------------------------------------------ the lead tells money given as well as cut


@pytest.mark.parametrize(("old", "new", "said", "said_en"), [
    ("县财政出资2000万元设立转贷应急资金池。", "县财政出资3000万元设立转贷应急资金池。",
     "提高了 1 项资金承诺的金额", "raises the amount of funding pledges: 1"),
    ("加强部门协同。", "加强部门协同。对新获评国家级示范基地的，给予一次性奖励500万元。",
     "新增 1 项资金承诺", "adds funding pledges: 1"),
])
def test_the_lead_says_money_raised_or_added(tmp_path: Path, old: str, new: str, said: str, said_en: str) -> None:
    from revdiff.render.facts import lead
    from revdiff.render.i18n import strings

    head = ["石岭县促进民营经济发展实施方案", "一、重点任务", "（一）优化融资服务。"]
    tail = ["（二）加大扶持力度。对首次升规的工业企业，给予10万元奖励。", "二、保障措施", "（三）强化督查。"]
    draft = "\n".join([*head[:2], head[2] + old, *tail]) + "\n"
    final = "\n".join([*head[:2], head[2] + new, *tail]).replace("10万元", "5万元") + "\n"
    report = revdiff.compare(*_write(tmp_path, draft, final))
    zh = lead(report, strings("zh")).sentence
    assert "调低了 1 项资金承诺的金额" in zh and said in zh
    assert said_en in lead(report, strings("en")).sentence


# ------------------------------------------------ 分别 spreads values over measures


@pytest.mark.parametrize(("sentence", "expected"), [
    ("到2025年，全市城镇、农村生活污水处理率分别达到98%、75%。",
     [("城镇、农村生活污水处理率（城镇）", "98", "%"), ("农村生活污水处理率", "75", "%")]),
    ("力争到2026年，规模以上工业企业研发机构覆盖率、研发投入强度分别达到50%和2.8%。",
     [("规模以上工业企业研发机构覆盖率", "50", "%"), ("研发投入强度", "2.8", "%")]),
    ("到2027年，国家级、省级专精特新企业分别达到30、150家。",  # the unit written once, after the last
     [("国家级、省级专精特新企业（国家级）", "30", "家"), ("省级专精特新企业", "150", "家")]),
])
def test_fenbie_gives_one_target_per_value(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.measure, t.value, t.unit) for t in find_text_targets(_node(sentence))] == expected


def test_fenbie_awards_are_pledges_not_targets() -> None:
    assert find_text_targets(_node("对新认定的国家级、省级技术中心，分别达到考核要求的，分别给予100万元、50万元奖励。")) == []


def test_a_changed_middle_value_of_a_fenbie_list_is_reported(tmp_path: Path) -> None:
    def doc(meat: str) -> str:
        return "\n".join(["关于加快农产品仓储保鲜冷链设施建设的实施意见", "一、主要目标",
                          f"到2026年，果蔬、肉类、水产品产地低温处理率分别达到30%、{meat}%、85%。",
                          "二、保障措施", "加强组织领导。"]) + "\n"
    report = revdiff.compare(*_write(tmp_path, doc("85"), doc("80")))
    (only,) = [f for f in report.findings if f.kind.startswith("target")]
    assert (only.kind, only.direction, only.draft_value, only.final_value) == ("target_changed", "lowered", "85", "80")
    assert "肉类" in (only.subject or "")


# ------------------------------------------- a subsidy table: the pledge word in the header


def _rows_node(*rows: list[str]) -> Node:
    node = Node("table", 3, "", "补贴标准", "", 1, len(rows))
    node.rows = list(rows)
    node.row_lines = list(range(1, len(rows) + 1))
    return node


@pytest.mark.parametrize("header", [
    ["补贴项目", "补贴标准", "单个主体年度上限"],
    ["奖励事项", "奖励标准", "单个企业年度上限"],
])
def test_rows_under_a_subsidy_header_are_pledges(header: list[str]) -> None:
    node = _rows_node(header, ["组织游客来区过夜游", "每人次20元", "50万元"], ["引进大型文艺演出", "按票房收入的10%", "100万元"])
    got = [(p.subject, p.value, p.unit, p.per, p.period, p.cap) for p in find_pledges(node)]
    assert got == [
        ("组织游客来区过夜游", "20", "元", "人次", None, None),
        ("组织游客来区过夜游", "50", "万元", "个", "年", "上限"),  # the column's name scopes it
        ("引进大型文艺演出", "10", "%", None, None, None),
        ("引进大型文艺演出", "100", "万元", "个", "年", "上限"),
    ]


def test_a_project_list_is_not_a_subsidy_table() -> None:
    node = _rows_node(["项目名称", "建设内容", "总投资", "建设年限"],
                      ["智能网联测试场", "建设封闭测试道路15公里", "6.5亿元", "2024—2025"])
    assert find_pledges(node) == []


@pytest.mark.parametrize(("sentence", "per"), [
    ("对新认定的市级电商示范村，每村给予10万元奖励。", "村"),
    ("对完成改造的乡镇，每镇给予30万元补助。", "镇"),
    ("对新建的标准化考场，每校给予5万元补助。", "校"),
])
def test_amounts_per_village_town_or_school(sentence: str, per: str) -> None:
    (pledge,) = find_pledges(_node(sentence, "支持政策"))
    assert pledge.per == per


@pytest.mark.parametrize(("sentence", "expected"), [
    ("开发城乡公益性岗位3000个，优先安置就业困难人员。", [("开发城乡公益性岗位", "3000", "个")]),
    ("提供就业岗位10万个。", [("提供就业岗位", "10", "万个")]),
    ("开展补贴性职业技能培训6万人次。", [("开展补贴性职业技能培训", "6", "万人次")]),
    ("新认定市级创业孵化示范基地5家。", [("新认定市级创业孵化示范基地", "5", "家")]),
    ("全市现有市级创业孵化示范基地12家。", []),
])
def test_counts_in_a_years_work_points(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.measure, t.value, t.unit) for t in find_text_targets(_node(sentence))] == expected


def test_a_draft_cut_inside_an_item_does_not_make_its_tail_new(tmp_path: Path) -> None:
    # the draft copy breaks off inside item 2: the award the final states there is not a new pledge
    final = "\n".join(["石岭县文旅产业发展实施方案", "一、重点任务",
                       "1.培育文旅企业。对新评定的旅游民宿，给予5万元奖励。",
                       "2.发展乡村旅游。打造乡村旅游精品线路10条，对新评定的乡村旅游重点村，每村给予20万元奖励。",
                       "3.加强宣传推广。", "二、保障措施", "4.加强组织领导。"]) + "\n"
    draft = final[: final.index("打造乡村旅游精品") + 4] + "……\n"
    report = revdiff.compare(*_write(tmp_path, draft, final))
    assert [w for w in report.warnings if "中断" in w]
    assert not [f for f in report.findings if f.kind.endswith("_added")]


def test_grades_in_one_cell_name_their_amounts() -> None:
    node = _rows_node(["奖励事项", "奖励标准"], ["新评定A级旅游景区", "4A级50万元，3A级20万元"],
                      ["租赁办公用房", "按租金的50%给予补贴，每家企业每年最高100万元"])
    assert [p.subject for p in find_pledges(node)] == [
        "新评定A级旅游景区（4A级）", "新评定A级旅游景区（3A级）",
        "租赁办公用房", "租赁办公用房"]  # a share and its cap are not grades


# ------------------------------------------------ a value rewritten in another unit


def _unit_pair(tmp_path: Path) -> tuple[str, str]:
    body = ["澄江市新能源汽车产业发展行动方案", "一、保障措施",
            "（一）强化资金支持。对新引进的整车项目，按设备投资额的10%给予补助，单个项目最高{}。"]
    draft = "\n".join(body).format("1亿元") + "\n"
    final = "\n".join(body).format("8000万元") + "\n"
    return _write(tmp_path, draft, final)


def test_a_value_in_another_unit_carries_the_final_unit(tmp_path: Path) -> None:
    report = revdiff.compare(*_unit_pair(tmp_path))
    (f,) = [f for f in report.findings if f.kind == "funding_changed"]
    got = f.to_dict()
    assert (got["draft_value"], got["unit"], got["final_value"], got["final_unit"], got["direction"]) == (
        "1", "亿元", "8000", "万元", "lowered")
    # one unit on both sides: no final_unit at all
    d, fin = _write(tmp_path, "甲方案\n一、任务\n（一）支持。每家给予最高50万元补助。\n",
                    "甲方案\n一、任务\n（一）支持。每家给予最高30万元补助。\n")
    (same,) = [f for f in revdiff.compare(d, fin).findings if f.kind == "funding_changed"]
    assert "final_unit" not in same.to_dict()


def test_the_database_reads_the_final_amount_in_its_own_unit(tmp_path: Path) -> None:
    from revdiff.render import database

    report = revdiff.compare(*_unit_pair(tmp_path))
    path = tmp_path / "r.db"
    conn = database.connect(path)
    # a database written before final_unit joined the contract lacks its column
    conn.execute("ALTER TABLE findings DROP COLUMN final_unit")
    conn.close()
    conn = database.connect(path)
    database.store_pair(conn, database.pair_rows(report, "p"))
    row = conn.execute("SELECT draft_amount, final_amount, final_unit FROM findings "
                       "WHERE kind = 'funding_changed'").fetchone()
    conn.close()
    assert row == (100_000_000.0, 80_000_000.0, "万元")


# ------------------------------------------------ fourth round: 引导资金, 计划, 部, 原则上, 年均增速


@pytest.mark.parametrize(("sentence", "expected"), [
    ("市级财政每年安排服务业发展引导资金5亿元，对新认定的集聚区给予一次性奖励300万元。", [("5", "亿元"), ("300", "万元")]),
    ("区财政每年安排人才发展引导资金800万元，对新引进的高层次人才给予最高50万元安家补贴。", [("800", "万元"), ("50", "万元")]),
    # money others are drawn to put in stays out
    ("政府出资3000万元，引导社会资本投入2亿元，共同设立产业发展基金。", [("3000", "万元")]),
])
def test_a_guidance_fund_is_public_money(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.value, p.unit) for p in find_pledges(_node(sentence, "支持政策"))] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("全区计划改造2000年底前建成的老旧小区45个。", [("全区计划改造2000年底前建成的老旧小区", "45", "个")]),
    ("完成既有住宅加装电梯60部。", [("完成既有住宅加装电梯", "60", "部")]),
    ("全县计划新建村级综合服务站30处。", [("全县计划新建村级综合服务站", "30", "处")]),
    ("居民出资比例原则上不低于10%。", []),  # a rule for the residents, no goal
    ("补助资金原则上不超过项目总投资的30%。", []),
])
def test_goals_of_a_years_work_plan(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.measure, t.value, t.unit) for t in find_text_targets(_node(sentence))] == expected


def test_a_growth_column_is_a_target_of_its_own() -> None:
    node = _table(["指标", "2025年", "2030年", "年均增速", "属性"],
                  ["服务业增加值（亿元）", "2860", "4000", "7%左右", "预期性"],
                  ["规模以上服务业企业数量（家）", "2100", "3000", "—", "预期性"])
    got = [(t.measure, t.value, t.unit, t.year) for t in find_table_targets(node)]
    assert got == [("服务业增加值（亿元）", "4000", None, "2030"),
                   ("服务业增加值（亿元）（年均增速）", "7", "%", None),
                   ("规模以上服务业企业数量（家）", "3000", None, "2030")]

    assert [t.comparator for t in find_table_targets(node)][1] == "左右"


@pytest.mark.parametrize(("sentence", "measure"), [
    ("到2030年，全市服务业增加值突破4000亿元，年均增长7%左右。", "全市服务业增加值年均增长"),
    ("到2026年，全县数字经济核心产业增加值达到120亿元，年均增长15%以上。", "全县数字经济核心产业增加值年均增长"),
])
def test_a_bare_growth_rate_is_the_growth_of_the_measure_before_it(sentence: str, measure: str) -> None:
    assert [t.measure for t in find_text_targets(_node(sentence))][-1] == measure


def test_the_ledger_function_can_be_called_twice() -> None:
    # importing the submodule revdiff.ledger once shadowed the function of the same name
    path = str(Path(__file__).resolve().parent.parent / "samples" / "yantai-notice-official.txt")
    first = revdiff.ledger(path)
    assert callable(revdiff.ledger)
    assert len(revdiff.ledger(path).entries) == len(first.entries) > 0


@pytest.mark.parametrize(("item", "unit"), [("四、每年筹集人才安居住房不少于{}套。", "套"), ("（四）新建村级文化服务中心{}个。", "个")])
def test_a_one_sentence_item_without_a_comma_is_read(tmp_path: Path, item: str, unit: str) -> None:
    head = ["滨湖区支持人才创新创业若干措施", "一、对新认定的省级博士后创新实践基地，给予30万元建站资助。"]
    draft = "\n".join([*head, item.format(500)]) + "\n"
    final = "\n".join([*head, item.format(300)]) + "\n"
    assert commitments(tmp_path, draft, final) == [("target_changed", "lowered", "500", "300", unit)]
