"""Hand-built Reports for the renderer tests.

``make_report()`` mirrors the headline pair (烟台 知识产权强市战略纲要: the draft .docx text
against the final bundled in a 通知) closely enough to exercise every part of the HTML
report without depending on the rest of the pipeline: every section status, renumbering,
merged and split pairs, formatting-only ops, removed/reduced pledges with and without an
amount, targets, a watched term with removed contexts, bundle metadata and a warning.

``make_report(payload=...)`` puts an attacker-controlled string into every text field a
document can influence (titles, headings, bodies, quotes, metadata, terms, warnings), for
the XSS tests.
"""

from __future__ import annotations

from revdiff.model import DocInfo, Finding, Report, SectionPair, SectionRef

DRAFT_TITLE = "烟台市“十四五”知识产权强市战略纲要（征求意见稿）"
PART = "烟台市“十四五”知识产权强市战略纲要"
NOTICE = "烟台市人民政府办公室关于印发烟台市体育产业“十四五”发展规划等的通知"

XSS_PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=1;alert(1)">',
    '<a href="javascript:window.__xss=1;alert(1)">x</a>',
    "{{ 7*7 }}",
    "{% raw %}",
    '"><svg onload="window.__xss=1">',
]


def _ref(
    number: str, title: str, level: int, path: list[str], start: int, end: int, kind: str = "heading"
) -> SectionRef:
    return SectionRef(
        number=number, title=title, level=level, path=path, line_start=start, line_end=end, kind=kind
    )


def _pair(
    pid: str,
    status: str,
    draft: SectionRef | None,
    final: SectionRef | None,
    diff: list[tuple[int, str]],
    renumbered: bool = False,
    similarity: float = 1.0,
    formatting: list[int] | None = None,
) -> SectionPair:
    pair = SectionPair(
        id=pid,
        status=status,
        renumbered=renumbered,
        similarity=similarity,
        draft=draft,
        final=final,
        diff=diff,
    )
    if formatting is not None:
        # Indices of formatting-only ops (spacing, full/half width), as compare.py sets them.
        pair.formatting = formatting
    return pair


def make_report(payload: str | None = None, lang_warning: bool = True) -> Report:
    """A realistic Report of the headline pair; ``payload`` is injected into every text field."""
    x = payload or ""

    def t(text: str) -> str:
        # Append the payload to document-derived text (empty string when not testing XSS).
        return text + x

    h1 = t("一、发展基础")
    h1b = t("二、面临的机遇与挑战")
    h3d = "三、总体要求与发展目标"
    h3f = "一、总体要求与发展目标"
    h4d = "四、重点任务"
    h4f = "二、主要任务"
    h5d = "五、保障措施"
    h5f = "三、保障措施"

    body_basis = t(
        "“十三五”以来，烟台市顺利完成知识产权领域机构改革，实现了专利、商标、地理标志的统一管理和综合执法。"
        "截至2020年底，全市有效发明专利拥有量8563件，推动全市知识产权质押融资金额累计超过60亿元。"
    )
    body_challenge = (
        "我们清醒看到发展中仍然存在一些短板弱项：知识产权保护力度有待进一步加强，"
        "高质量知识产权产出有待进一步增加。" + x
    )
    guide_eq1 = "以习近平新时代中国特色社会主义思想为指导，深入贯彻党的十九大和十九届历次全会精神，打造国际一流知识产权营商环境，为"
    principle = (
        "坚持质量优先。把握高质量发展要求，坚持数量布局、质量取胜，加强核心专利布局，培育高价值专利，"
        "实施商标品牌战略，打造精品版权，提升知识产权综合实力。" + x
    )
    pledge_50 = "在创新资源丰富、专利布局基础好的企业、院校和创新平台中，每年建设不超过10个高价值专利培育中心，给予最高50万元资助。"
    pledge_5 = "对相关必要专利纳入产品和技术标准的标准制定牵头企业，给予最高5万元奖励。"
    pledge_brand = t(
        "对培育出市场信誉好的区域商标品牌的社会团体或者集体组织，按商标品牌影响力择优给予不超过50万元奖励。"
    )
    pledge_service = "通过购买服务、项目奖补、成本补贴等方式，支持知识产权服务机构开展专利导航。"
    copyright_ctx = t("进一步建设烟台文化创意产业园，鼓励版权作品登记，培育一批版权示范单位和版权产业基地。")
    target_d = (
        "到2025年底，万人高价值发明专利拥有量达到10件，海外发明专利授权量达到280件，有效注册商标量13.78万件。"
    )
    target_f = "到 2025 年底，万人高价值发明专利拥有量达到10件，海外发明专利授权量达到250件，有效注册商标量13.78万件。"
    strong_d = "每年发布知识产权强企榜单，评定不超过20家市级知识产权优势企业，每家给予最高20万元的奖励。"
    strong_f = "每年发布知识产权强企榜单，评定不超过20家市级知识产权优势企业，每家给予最高10万元的奖励。"
    ensure_d = "确保2023年底前建成知识产权运营中心。"
    ensure_f = "力争2025年底前建成知识产权运营中心。"
    fund_new = "市财政每年安排知识产权专项资金，用于支持知识产权创造、运用、保护、管理和服务。"
    geo_eq = "大力推进地理标志扶贫兴农富民工程，助推乡村振兴。"
    table_row_removed = "版权产业的行业增加值占GDP比重 | % | 6.8 | 7.5 | 预期性"

    p = {
        "basis": [h1],
        "challenge": [h1b],
        "req_d": [h3d],
        "req_f": [h3f],
        "tasks_d": [h4d],
        "tasks_f": [h4f],
        "guar_d": [h5d],
        "guar_f": [h5f],
    }
    sections = [
        _pair(
            "s1",
            "removed",
            _ref("一、", h1[2:], 1, p["basis"], 2, 8),
            None,
            [(-1, body_basis)],
            similarity=0.0,
        ),
        _pair(
            "s2",
            "removed",
            _ref("二、", h1b[2:], 1, p["challenge"], 9, 16),
            None,
            [(-1, body_challenge)],
            similarity=0.0,
        ),
        _pair(
            "s3",
            "unchanged",
            _ref("三、", h3d[2:], 1, p["req_d"], 17, 17),
            _ref("一、", h3f[2:], 1, p["req_f"], 254, 254),
            [],
            renumbered=True,
        ),
        _pair(
            "s4",
            "modified",
            _ref("(一)", "指导思想", 2, p["req_d"] + ["(一)指导思想"], 18, 19),
            _ref("（一）", "指导思想", 2, p["req_f"] + ["（一）指导思想"], 256, 257),
            [
                (0, guide_eq1),
                (-1, "全面开创新时代现代化强市建设"),
                (1, "奋力开创新时代现代化强市建设新局面"),
                (0, "提供强大知识产权支撑。"),
            ],
            similarity=0.93,
        ),
        _pair(
            "s5",
            "unchanged",
            _ref("(二)", "基本原则", 2, p["req_d"] + ["(二)基本原则"], 20, 25),
            _ref("（二）", "基本原则", 2, p["req_f"] + ["（二）基本原则"], 259, 268),
            [(0, principle)],
        ),
        _pair(
            "s6",
            "modified",
            _ref("(三)", "主要目标", 2, p["req_d"] + ["(三)主要目标"], 26, 31),
            _ref("（三）", "主要目标", 2, p["req_f"] + ["（三）主要目标"], 270, 276),
            [
                (-1, "到2025年底"),
                (1, "到 2025 年底"),
                (0, "，万人高价值发明专利拥有量达到10件，海外发明专利授权量达到"),
                (-1, "280"),
                (1, "250"),
                (0, "件，有效注册商标量13.78万件。"),
            ],
            similarity=0.96,
            formatting=[0, 1],
        ),
        _pair(
            "s7",
            "modified",
            _ref("", "主要指标", 3, p["req_d"] + ["(三)主要目标", "主要指标"], 60, 80, kind="table"),
            _ref("", "主要指标", 3, p["req_f"] + ["（三）主要目标", "主要指标"], 278, 290, kind="table"),
            [
                (0, "万人高价值发明专利拥有量 | 件 | 5.2 | 10 | 预期性\n"),
                (-1, table_row_removed + "\n"),
                (0, "海外发明专利授权量 | 件 | 120 | 250 | 预期性"),
            ],
            similarity=0.8,
        ),
        _pair(
            "s8",
            "renamed",
            _ref("四、", h4d[2:], 1, p["tasks_d"], 105, 105),
            _ref("二、", h4f[2:], 1, p["tasks_f"], 298, 298),
            [],
            renumbered=True,
            similarity=1.0,
        ),
        _pair(
            "s9",
            "modified",
            _ref(
                "1.", "优化知识产权创造激励机制", 3, p["tasks_d"] + ["1.优化知识产权创造激励机制"], 108, 111
            ),
            _ref(
                "1.", "优化知识产权创造激励机制", 3, p["tasks_f"] + ["1. 优化知识产权创造激励机制"], 300, 302
            ),
            [
                (0, "完善知识产权创造激励政策。"),
                (-1, pledge_50 + pledge_5),
                (0, "鼓励海外专利布局，形成一批自主可控的核心技术专利。"),
                (-1, pledge_service),
            ],
            similarity=0.41,
        ),
        _pair(
            "s10",
            "merged",
            _ref(
                "2.",
                t("推进商标、版权高质量发展"),
                3,
                p["tasks_d"] + ["2.推进商标、版权高质量发展"],
                112,
                113,
            ),
            _ref(
                "2.",
                "推进商标品牌和地理标志建设",
                3,
                p["tasks_f"] + ["2. 推进商标品牌和地理标志建设"],
                304,
                306,
            ),
            [(0, "建立商标品牌辅导站，实施商标品牌战略。"), (-1, pledge_brand + copyright_ctx)],
            similarity=0.35,
        ),
        _pair(
            "s11",
            "merged",
            _ref("3.", "加强地理标志保护", 3, p["tasks_d"] + ["3.加强地理标志保护"], 114, 115),
            _ref(
                "2.",
                "推进商标品牌和地理标志建设",
                3,
                p["tasks_f"] + ["2. 推进商标品牌和地理标志建设"],
                304,
                306,
            ),
            [(0, geo_eq), (1, "推动地理标志与特色产业发展有机融合。")],
            similarity=0.62,
        ),
        _pair(
            "s12",
            "moved",
            _ref(
                "专栏1",
                "知识产权全链条保护工程",
                2,
                p["tasks_d"] + ["专栏1 知识产权全链条保护工程"],
                130,
                136,
                kind="box",
            ),
            _ref(
                "专栏1",
                "知识产权全链条保护工程",
                2,
                p["tasks_f"] + ["专栏1 知识产权全链条保护工程"],
                310,
                316,
                kind="box",
            ),
            [(0, "建设知识产权保护中心，开展专利快速预审、快速确权、快速维权。")],
            similarity=1.0,
        ),
        _pair(
            "s13",
            "modified",
            _ref(
                "1.",
                "引导贯彻《企业知识产权管理规范》",
                3,
                p["tasks_d"] + ["1.引导贯彻《企业知识产权管理规范》"],
                118,
                120,
            ),
            _ref("3.", "培育知识产权强企", 3, p["tasks_f"] + ["3. 培育知识产权强企"], 340, 343),
            [
                (0, strong_d[:38]),
                (-1, "20"),
                (1, "10"),
                (0, strong_d[40:]),
                (-1, "确保2023"),
                (1, "力争2025"),
                (0, "年底前建成知识产权运营中心。"),
            ],
            renumbered=True,
            similarity=0.88,
        ),
        _pair(
            "s14",
            "split",
            _ref("五、", h5d[2:], 1, p["guar_d"], 140, 149),
            _ref("三、", h5f[2:], 1, p["guar_f"], 383, 390),
            [
                (0, "加强组织领导，完善工作机制。"),
                (-1, "由市知识产权局牵头，市财政局配合。"),
                (1, "由市市场监管局牵头，市财政局、市司法局配合。"),
            ],
            renumbered=True,
            similarity=0.7,
        ),
        _pair(
            "s15",
            "split",
            _ref("五、", h5d[2:], 1, p["guar_d"], 140, 149),
            _ref("（二）", "加强资金保障", 2, p["guar_f"] + ["（二）加强资金保障"], 391, 393),
            [(1, fund_new)],
            similarity=0.3,
        ),
        _pair(
            "s16",
            "added",
            None,
            _ref("（三）", "强化宣传引导", 2, p["guar_f"] + ["（三）强化宣传引导"], 394, 396),
            [(1, "充分利用“4·26”知识产权宣传周等时间节点，到2025年开展宣传活动不少于50场。")],
            similarity=0.0,
        ),
    ]

    findings = [
        Finding(
            id="f1",
            kind="funding_removed",
            severity="high",
            note="征求意见稿中每个高价值专利培育中心最高50万元的资助在定稿中被删除。",
            note_en="The draft's grant of up to 500,000 yuan per high-value patent centre is gone from the final.",
            draft_text=pledge_50,
            draft_value="50",
            unit="万元",
            comparator="最高",
            draft_section="s9",
            final_section="s9",
            draft_line=111,
            subject="高价值专利培育中心",
        ),
        Finding(
            id="f2",
            kind="funding_removed",
            severity="high",
            note="标准必要专利牵头企业最高5万元的奖励被删除。",
            note_en="The reward of up to 50,000 yuan for standard-essential patents was removed.",
            draft_text=pledge_5,
            draft_value="5",
            unit="万元",
            comparator="最高",
            draft_section="s9",
            final_section="s9",
            draft_line=111,
            subject="标准必要专利",
        ),
        Finding(
            id="f3",
            kind="funding_removed",
            severity="high",
            note=t("区域商标品牌不超过50万元的奖励被删除。"),
            note_en=t("The reward of up to 500,000 yuan for regional brands was removed."),
            draft_text=pledge_brand,
            draft_value="50",
            unit="万元",
            comparator="不超过",
            draft_section="s10",
            final_section="s10",
            draft_line=112,
            subject=t("区域商标品牌"),
        ),
        Finding(
            id="f4",
            kind="funding_removed",
            severity="high",
            note="以购买服务、项目奖补等方式支持服务机构的资助机制被删除（未写明金额）。",
            note_en="The subsidy mechanism for service agencies (no amount stated) was removed.",
            draft_text=pledge_service,
            draft_section="s9",
            final_section="s9",
            draft_line=111,
        ),
        Finding(
            id="f5",
            kind="funding_changed",
            severity="high",
            direction="lowered",
            note="市级知识产权优势企业的奖励从最高20万元降到最高10万元。",
            note_en="The reward per leading IP enterprise was cut from 200,000 to 100,000 yuan.",
            draft_text=strong_d,
            final_text=strong_f,
            draft_value="20",
            final_value="10",
            unit="万元",
            comparator="最高",
            draft_section="s13",
            final_section="s13",
            draft_line=118,
            final_line=341,
        ),
        Finding(
            id="f6",
            kind="target_changed",
            severity="high",
            direction="lowered",
            note="2025年海外发明专利授权量目标从280件降到250件。",
            note_en="The 2025 target for overseas invention patents fell from 280 to 250.",
            draft_text=target_d,
            final_text=target_f,
            draft_value="280",
            final_value="250",
            unit="件",
            draft_section="s6",
            final_section="s6",
            draft_line=30,
            final_line=272,
            subject="海外发明专利授权量",
        ),
        Finding(
            id="f7",
            kind="target_removed",
            severity="high",
            note="主要指标表中“版权产业的行业增加值占GDP比重”一行被删除。",
            note_en="The indicator row for the copyright industry's share of GDP was removed.",
            draft_text=table_row_removed,
            draft_value="7.5",
            unit="%",
            draft_section="s7",
            final_section="s7",
            draft_line=74,
            subject="版权产业的行业增加值占GDP比重",
        ),
        Finding(
            id="f8",
            kind="term_removed",
            severity="medium",
            term="版权",
            draft_count=9,
            final_count=3,
            note="关注词“版权”从9处减少到3处。",
            note_en="The watched term 版权 fell from 9 to 3 occurrences.",
            draft_section="s10",
            final_section="s10",
            draft_line=112,
            contexts=[copyright_ctx, "按商标品牌影响力择优给予奖励，培育版权示范单位。", table_row_removed],
        ),
        Finding(
            id="f9",
            kind="obligation_weakened",
            severity="medium",
            note="“确保”改为“力争”，期限从2023年推迟到2025年。",
            note_en="“Ensure” became “strive to”, and the deadline moved from 2023 to 2025.",
            draft_text=ensure_d,
            final_text=ensure_f,
            draft_section="s13",
            final_section="s13",
            draft_line=119,
            final_line=342,
        ),
        Finding(
            id="f10",
            kind="funding_added",
            severity="medium",
            note="定稿新增市财政每年安排知识产权专项资金。",
            note_en="The final adds an annual municipal fund for IP.",
            final_text=fund_new,
            final_section="s15",
            final_line=392,
        ),
        Finding(
            id="f11",
            kind="target_added",
            severity="medium",
            note="新增宣传活动不少于50场的目标。",
            note_en="A new target of at least 50 publicity events.",
            final_text="充分利用“4·26”知识产权宣传周等时间节点，到2025年开展宣传活动不少于50场。",
            final_value="50",
            unit="场",
            comparator="不少于",
            final_section="s16",
            final_line=395,
        ),
        Finding(
            id="f12",
            kind="agency_changed",
            severity="low",
            note="牵头单位由市知识产权局改为市市场监管局。",
            note_en="The lead agency changed from the IP office to market regulation.",
            draft_text="由市知识产权局牵头，市财政局配合。",
            final_text="由市市场监管局牵头，市财政局、市司法局配合。",
            draft_section="s14",
            final_section="s14",
            draft_line=141,
            final_line=384,
        ),
    ]

    draft = DocInfo(
        source=t("samples/yantai-ip-strategy-draft.txt"),
        format="txt",
        encoding="utf-8",
        title=t(DRAFT_TITLE),
        part=t(DRAFT_TITLE),
        parts=[t(DRAFT_TITLE)],
        metadata={"征求意见截止日期": t("2021年10月15日")} if x else {},
    )
    final = DocInfo(
        source="samples/yantai-notice-official.txt",
        format="txt",
        encoding="utf-8",
        title=t(NOTICE),
        part=t(PART),
        parts=[t(NOTICE), "烟台市体育产业“十四五”发展规划", "烟台市全民健身实施计划（2021-2025年）", t(PART)],
        metadata={
            "文号": t("烟政办发〔2021〕24号"),
            "发文机关": "烟台市人民政府办公室",
            "成文日期": "2021年12月31日",
        },
    )
    warnings = []
    if lang_warning:
        warnings.append(t("定稿是一个通知文件包：比较的是其中的《" + PART + "》，另有 3 个部分未参与比较。 / the final "
                          "is a bundle: its part 《" + PART + "》 was compared, 3 other parts were not."))
    watch = ["版权"] + ([x] if x else [])
    return Report(
        draft=draft, final=final, sections=sections, findings=findings, warnings=warnings, watch=watch
    )


def make_empty_report() -> Report:
    """A comparison of two identical one-section documents: no findings, nothing changed."""
    ref = SectionRef(
        number="一、", title="总体要求", level=1, path=["一、总体要求"], line_start=1, line_end=3
    )
    pair = SectionPair(
        id="s1",
        status="unchanged",
        renumbered=False,
        similarity=1.0,
        draft=ref,
        final=ref,
        diff=[(0, "正文。")],
    )
    info = DocInfo(source="a.txt", format="txt", encoding="utf-8", title="标题", part="标题", parts=["标题"])
    return Report(draft=info, final=info, sections=[pair], findings=[], warnings=[], watch=["版权"])
