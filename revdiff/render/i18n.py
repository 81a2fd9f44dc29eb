"""UI strings of the reports, Chinese (default) and English.

Only the labels are translated: the documents' own text is always shown as written.
Unknown finding kinds or section statuses fall back to their identifier, so a new
classifier rule never breaks rendering.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

DEFAULT_LANG = "zh"

# Finding kinds in the order the summary lists them (most consequential first).
KIND_ORDER = [
    "funding_removed",
    "funding_changed",
    "funding_added",
    "target_removed",
    "target_changed",
    "target_added",
    "deadline_changed",
    "term_removed",
    "term_added",
    "obligation_weakened",
    "obligation_strengthened",
    "agency_changed",
    "section_removed",
    "section_added",
    "penalty_removed",
    "penalty_changed",
    "penalty_added",
    "threshold_removed",
    "threshold_changed",
    "threshold_added",
    "reference_changed",
    "title_changed",
    "wording_replaced",
]

# Section statuses in the order the summary lists them.
STATUS_ORDER = ["removed", "added", "renamed", "merged", "split", "moved", "modified", "unchanged"]

# One symbol per status so colour is never the only signal (colour-blind readers, print).
STATUS_SYMBOLS = {
    "unchanged": "=",
    "modified": "~",
    "renamed": "✎",
    "moved": "↕",
    "merged": "⇒",
    "split": "⇐",
    "removed": "−",
    "added": "+",
}
RENUMBERED_SYMBOL = "#"

STRINGS: dict[str, dict[str, Any]] = {
    "zh": {
        "html_lang": "zh-CN",
        "report_title": "征求意见稿与定稿对照报告",
        "tool_line": "由 revdiff {version} 生成",
        "draft": "征求意见稿",
        "final": "定稿",
        "nav_summary": "概览",
        "nav_findings": "主要变化",
        "nav_map": "章节对照",
        "nav_document": "全文对照",
        "documents": "比较的文件",
        "doc_title": "标题",
        "source": "来源文件",
        "format": "格式",
        "encoding": "编码",
        "part": "比较部分",
        "other_parts": "文件包中的其他部分",
        "metadata": "文件信息",
        "more_metadata": "更多文件信息（{n} 项）",
        "warnings": "注意",
        "summary": "概览",
        "findings_by_kind": "发现（按类型）",
        "severity_counts": "按严重程度",
        "no_findings": "未发现资金、目标、期限或关注词方面的变化。",
        "money": "涉及资金（被删除的资金承诺）",
        "money_none": "没有被删除的资金承诺。",
        "money_pledges": "{n} 项",
        "money_no_amount": "另有 {n} 项被删除的资金承诺未写明具体金额（如补贴机制、比例）",
        "money_not_summed": "另有 {n} 项被删除的资金承诺按件、按年计或为上限金额，未计入合计（单价和上限不能相加）",
        "money_reduced": "另有 {n} 项资金承诺被调低",
        "money_removed": "删除了 {n} 项资金承诺，其中 {k} 项写明金额：",
        "money_lump_total": "一次性金额合计",
        "money_no_total": "以下金额都是按件、按家、按年或“最高”的标准，不能相加成总额。",
        "money_per_recipient": "对每个符合条件的对象",
        "lead_intro": "与征求意见稿相比，定稿",
        "lead_join": "；",
        "lead_end": "。",
        "lead": {
            "money_removed": "删除了 {n} 项资金承诺",
            "money_no_total": "（{k} 项写明金额，都是按件、按家、按年或“最高”的标准，不能相加）",
            "money_total": "（一次性金额合计 {total}；另有 {k} 项按件、按家、按年或“最高”的金额未计入）",
            "money_reduced": "调低了 {n} 项资金承诺的金额",
            "money_raised": "提高了 {n} 项资金承诺的金额",
            "money_added": "新增 {n} 项资金承诺",
            "targets_lowered": "调低了 {n} 项目标",
            "targets_loosened": "放宽了 {n} 项时限或上限目标",
            "targets_tightened": "收紧了 {n} 项时限或上限目标",
            "targets_removed": "删除了 {n} 项目标",
            "targets_raised": "提高了 {n} 项目标",
            "targets_redefined": "改变了 {n} 项目标的口径",
            "targets_added": "新增 {n} 项目标",
            "deadline_changed": "改动了 {n} 处期限",
            "obligation_weakened": "弱化了 {n} 处义务",
            "articles_reworded": "修改 {n} 条",
            "articles_added": "新增 {n} 条",
            "articles_removed": "删除 {n} 条",
            "chapters_added": "新增 {n} 章（编、节）",
            "chapters_removed": "删除 {n} 章（编、节）",
            "chapters_renamed": "{n} 章（编、节）改名",
            "penalties_lowered": "减轻了 {n} 项罚则",
            "penalties_removed": "删除了 {n} 项罚则",
            "penalties_raised": "加重了 {n} 项罚则",
            "penalties_added": "新增 {n} 项罚则",
            "thresholds": "改动了 {n} 处数量标准",
            "conditions_tightened": "收紧了 {n} 项申报条件",
            "conditions_loosened": "放宽了 {n} 项申报条件",
            "leads_changed": "{n} 项措施的牵头单位改变或不再明确",
            "reference_changed": "{n} 处引用改指其他条款",
            "sections_removed": "删除了 {n} 个章节标题",
            "sections_blocks": "删除了 {m} 个章节标题（其中 {n} 处是整章整节删除）",
            "sections_added": "新增 {n} 个章节",
            "nothing": "与征求意见稿相比，定稿没有资金、目标、期限或章节方面的变化。",
            "lowered_list": "调低的目标：",
            "loosened_list": "调低或放宽的目标：",
            "other_kind": "{label} {n} 处",
        },
        "groups": {
            "money": "资金", "targets": "目标", "penalties": "罚则", "deadlines": "期限", "thresholds": "适用门槛",
            "obligations": "义务与责任单位",
            "terms": "关注词", "sections": "章节", "other": "其他变化",
        },
        "group_all": "全部",
        "preamble": "（前言）",
        "fold_length": "共 {n} 字，点击展开",
        "sections_removed_note": "删除的 {m} 个标题中，{n} 处是整章整节删除，见“主要变化”。",
        "currencies": {},
        "scope_words": {},
        "gap_note": {"table": "可能不是真实改动：另一份文件没有任何表格", "box": "可能不是真实改动：另一份文件没有任何专栏"},
        # a section with no heading of its own, in a heading path: 二、主要指标 › 表格
        "node_kinds": {"table": "表格", "box": "专栏", "item": "条目", "heading": "标题"},
        "provenance": "{label}：{source} · SHA-256 {sha} · {size} 字节",
        "copy_link": "复制此处的链接",
        "copied": "链接已复制",
        "search": "在两份文件中搜索",
        "search_hits": "{n} 处",
        "file_details": "文件信息（来源文件、格式、文号、比较部分）",
        "meta_labels": {},
        "targets": "目标",
        "targets_lowered": "调低",
        "targets_loosened": "放宽（时限、上限）",
        "targets_tightened": "收紧（时限、上限）",
        "targets_raised": "提高",
        "targets_removed": "删除",
        "targets_added": "新增",
        "targets_redefined": "口径改变",
        "sections": "章节",
        "articles": "条文（修改说明）",
        "chapters": "编、章、节",
        "watched_terms": "关注词",
        "key_changes": "主要变化",
        "key_changes_hint": "按类别分组（资金、目标……），组内按严重程度排序；点击章节可跳到全文对照中的位置。",
        "col_id": "编号",
        "col_kind": "类型",
        "col_draft": "征求意见稿",
        "col_final": "定稿",
        "col_where": "位置",
        "line": "第 {n} 行",
        "lines": "第 {a}–{b} 行",
        "para": "第 {n} 段",  # .docx: its "lines" are paragraphs
        "paras": "第 {a}–{b} 段",
        "page": "第 {n} 页",
        "none_side": "（无）",
        "term": "关注词",
        "count_change": "出现次数 {a} → {b}",
        "contexts": "被删除的上下文（{n} 处）",
        "go_section": "查看原文",
        "section_map": "章节对照",
        "section_map_hint": "左为征求意见稿，右为定稿；每行是一组对应的章节，中间的符号表示对应关系。",
        "legend": "图例",
        "document_view": "全文对照",
        "filters": "显示",
        "filter_findings": "仅有发现的章节",
        "filter_changed": "仅有改动的章节",
        "filter_all": "全部章节",
        "keys_hint": "下一处 / 上一处改动",
        "removed_placeholder": "（定稿中已删除）",
        "added_placeholder": "（征求意见稿中没有，定稿新增）",
        "empty_body": "（本节无正文）",
        "similarity": "相似度 {p}%",
        "cited_by": "相关发现",
        "back_to_top": "回到顶部",
        "deleted": "删除",
        "inserted": "新增",
        "severity": {"high": "高", "medium": "中", "low": "低"},
        "kinds": {
            "funding_removed": "资金承诺被删除",
            "funding_added": "新增资金承诺",
            "funding_changed": "资金承诺变化",
            "target_removed": "目标被删除",
            "target_added": "新增目标",
            "target_changed": "目标变化",
            "deadline_changed": "期限变化",
            "term_removed": "关注词减少",
            "term_added": "关注词增加",
            "obligation_weakened": "义务弱化",
            "obligation_strengthened": "义务强化",
            "agency_changed": "责任单位变化",
            "section_removed": "章节被删除",
            "section_added": "新增章节",
            "penalty_removed": "处罚被删除",
            "penalty_changed": "处罚变化",
            "penalty_added": "新增处罚",
            "threshold_removed": "数量标准被删除",
            "threshold_changed": "数量标准变化",
            "threshold_added": "新增数量标准",
            "reference_changed": "引用条款变化",
            "title_changed": "标题改变",
            "wording_replaced": "多条同一修改",
        },
        "statuses": {
            "unchanged": "未变",
            "modified": "修改",
            "renamed": "改名",
            "moved": "移动",
            "merged": "合并",
            "split": "拆分",
            "removed": "删除",
            "added": "新增",
            "renumbered": "重新编号",
            "reworded": "内容修改",
            "beyond_cut": "复制件中缺",  # after the point where a cut copy breaks off
        },
        "directions": {"raised": "提高", "lowered": "调低", "redefined": "口径改变", "removed": "删除", "added": "新增",
                       "loosened": "放宽", "tightened": "收紧"},
    },
    "en": {
        "html_lang": "en",
        "report_title": "Draft vs. final: comparison report",
        "tool_line": "Generated by revdiff {version}",
        "draft": "Draft",
        "final": "Final",
        "nav_summary": "Summary",
        "nav_findings": "Key changes",
        "nav_map": "Section map",
        "nav_document": "Document",
        "documents": "Documents compared",
        "doc_title": "Title",
        "source": "Source file",
        "format": "Format",
        "encoding": "Encoding",
        "part": "Part compared",
        "other_parts": "Other parts of the bundle",
        "metadata": "Document details",
        "more_metadata": "More details ({n})",
        "warnings": "Warnings",
        "summary": "Summary",
        "findings_by_kind": "Findings by kind",
        "severity_counts": "By severity",
        "no_findings": "No change to funding, targets, deadlines or watched terms was found.",
        "money": "Money at stake (funding pledges removed)",
        "money_none": "No funding pledge was removed.",
        "money_pledges": "pledges: {n}",
        "money_no_amount": "removed pledges with no amount stated (mechanisms, rates): {n}",
        "money_reduced": "pledges with a lower amount: {n}",
        "money_not_summed": "removed pledges per unit, per year or up to a cap, not added to the total "
        "(prices and ceilings do not add up): {n}",
        "money_removed": "Funding pledges removed: {n}; with an amount: {k}",
        "money_lump_total": "Lump sums, total",
        "money_no_total": "Each amount below is per item, per recipient, per year or a cap: they do not add up to a total.",
        "money_per_recipient": "to each qualifying recipient",
        "lead_intro": "Compared with the draft, the final ",
        "lead_join": "; ",
        "lead_end": ".",
        "lead": {
            "money_removed": "removes funding pledges: {n}",
            "money_no_total": " ({k} state an amount, each per item, per recipient, per year or a cap, so they do not add up)",
            "money_total": " (lump sums total {total}; {k} more amounts are per item, per year or caps and are not added)",
            "money_reduced": "lowers the amount of funding pledges: {n}",
            "money_raised": "raises the amount of funding pledges: {n}",
            "money_added": "adds funding pledges: {n}",
            "targets_lowered": "lowers targets: {n}",
            "targets_loosened": "loosens time limits or ceilings: {n}",
            "targets_tightened": "tightens time limits or ceilings: {n}",
            "targets_removed": "removes targets: {n}",
            "targets_raised": "raises targets: {n}",
            "targets_redefined": "redefines targets: {n}",
            "targets_added": "adds targets: {n}",
            "deadline_changed": "changes deadlines: {n}",
            "obligation_weakened": "weakens obligations: {n}",
            "articles_reworded": "rewords articles: {n}",
            "articles_added": "adds articles: {n}",
            "articles_removed": "deletes articles: {n}",
            "chapters_added": "adds chapters (parts, sections): {n}",
            "chapters_removed": "deletes chapters (parts, sections): {n}",
            "chapters_renamed": "renames chapters (parts, sections): {n}",
            "penalties_lowered": "lightens penalties: {n}",
            "penalties_removed": "removes penalties: {n}",
            "penalties_raised": "raises penalties: {n}",
            "penalties_added": "adds penalties: {n}",
            "thresholds": "changes thresholds: {n}",
            "conditions_tightened": "tightens eligibility conditions: {n}",
            "conditions_loosened": "loosens eligibility conditions: {n}",
            "leads_changed": "changes or drops the lead unit of measures: {n}",
            "reference_changed": "points references at other provisions: {n}",
            "sections_removed": "deletes section headings: {n}",
            "sections_blocks": "deletes section headings: {m} (whole chapters or sections deleted: {n})",
            "sections_added": "adds sections: {n}",
            "nothing": "Compared with the draft, the final changes no funding, target, deadline or section.",
            "lowered_list": "Targets lowered: ",
            "loosened_list": "Targets lowered or loosened: ",
            "other_kind": "has changes of the kind “{label}”: {n}",
        },
        "groups": {
            "money": "Money", "targets": "Targets", "penalties": "Penalties", "deadlines": "Deadlines and time limits",
            "thresholds": "Thresholds",
            "obligations": "Obligations and responsible units", "terms": "Watched terms",
            "sections": "Sections", "other": "Other changes",
        },
        "group_all": "All",
        "preamble": "(preamble)",
        "fold_length": "{n} characters, click to open",
        "sections_removed_note": "Of the {m} headings deleted, {n} are whole chapters or sections: see Key changes.",
        # amounts in the base unit of their currency: 50 万元 → 500,000 yuan
        "currencies": {"元": "yuan", "美元": "US dollars", "欧元": "euros", "港元": "HK dollars", "英镑": "pounds",
                       "日元": "yen"},
        # the words that scope an amount, glossed; a word not listed is shown as written
        "scope_words": {
            "最高": "cap", "最多": "cap", "不超过": "at most", "不高于": "at most", "上限": "cap", "封顶": "cap",
            "以内": "at most", "以下": "at most", "每年": "per year", "每年度": "per year", "每季度": "per quarter",
            "每月": "per month", "/年": "per year", "每件": "per item", "每家": "per firm or body", "每个": "each",
            "每项": "per item", "每人": "per person", "每户": "per household", "每所": "per institution",
            "每次": "per occasion", "每批": "per batch", "每台": "per unit", "每套": "per set", "每座": "per site",
            "每名": "per person", "每位": "per person", "每部": "per work", "每篇": "per paper", "每种": "per kind",
            "每届": "per session", "每个项目": "per project", "每项目": "per project", "每家企业": "per firm",
            "每个企业": "per firm", "每家单位": "per body", "每个单位": "per body", "单个": "each", "单家": "per firm",
            "单笔": "per transaction", "单件": "per item",
        },
        "node_kinds": {"table": "table", "box": "box", "item": "item", "heading": "heading"},
        "gap_note": {"table": "Possibly not a real change: the other document has no tables at all",
                     "box": "Possibly not a real change: the other document has no boxes (专栏) at all"},
        "provenance": "{label}: {source} · SHA-256 {sha} · {size} bytes",
        "copy_link": "Copy a link to this place",
        "copied": "Link copied",
        "search": "Search both documents",
        "search_hits": "matches: {n}",
        "file_details": "File details (source files, format, document numbers, parts compared)",
        "meta_labels": {
            "文号": "Document number", "发文字号": "Document number", "发文机关": "Issuing office",
            "成文日期": "Date written", "发布日期": "Date published", "印发日期": "Date issued",
            "索引号": "Index number", "主题分类": "Subject category", "主送": "To", "抄送": "Copied to",
            "主题词": "Keywords", "发文单位": "Issuing office", "标题": "Title", "有效性": "Validity",
            "生效日期": "Effective date", "施行日期": "Effective date", "公布日期": "Date published",
            "联系人": "Contact", "联系电话": "Contact phone", "来源": "Source",
            "统一登记号": "Registration number", "登记号": "Registration number", "体裁分类": "Genre",
            "组配分类": "Category", "服务对象": "Audience", "信息分类": "Information category",
            "发布机构": "Published by", "公开日期": "Date published", "废止日期": "Date repealed",
            "实施日期": "Effective date", "时效性": "Validity", "名称": "Name", "关键词": "Keywords",
            "公开方式": "Disclosure", "公开范围": "Disclosure scope", "信息来源": "Source",
            "印发机关": "Issued by",
        },
        "targets": "Targets",
        "targets_lowered": "lowered",
        "targets_loosened": "loosened (time limits, ceilings)",
        "targets_tightened": "tightened (time limits, ceilings)",
        "targets_raised": "raised",
        "targets_removed": "removed",
        "targets_added": "added",
        "targets_redefined": "redefined",
        "sections": "Sections",
        "articles": "Articles (as a 修改说明 counts them)",
        "chapters": "Parts, chapters, sections (编/章/节)",
        "watched_terms": "Watched terms",
        "key_changes": "Key changes",
        "key_changes_hint": "Grouped by what changed (money, targets …), most severe first within a group; "
        "click a section to jump to it in the document view.",
        "col_id": "ID",
        "col_kind": "Kind",
        "col_draft": "Draft",
        "col_final": "Final",
        "col_where": "Where",
        "line": "line {n}",
        "lines": "lines {a}–{b}",
        "para": "paragraph {n}",
        "paras": "paragraphs {a}–{b}",
        "page": "page {n}",
        "none_side": "(none)",
        "term": "Term",
        "count_change": "occurrences {a} → {b}",
        "contexts": "Removed contexts ({n})",
        "go_section": "View in document",
        "section_map": "Section map",
        "section_map_hint": "Draft on the left, final on the right; each row is one aligned pair, "
        "the symbol in the middle says how they correspond.",
        "legend": "Legend",
        "document_view": "Document view",
        "filters": "Show",
        "filter_findings": "Sections with findings",
        "filter_changed": "Changed sections",
        "filter_all": "All sections",
        "keys_hint": "next / previous change",
        "removed_placeholder": "(deleted in the final)",
        "added_placeholder": "(not in the draft; added in the final)",
        "empty_body": "(no body text)",
        "similarity": "similarity {p}%",
        "cited_by": "Findings",
        "back_to_top": "Back to top",
        "deleted": "deleted",
        "inserted": "inserted",
        "severity": {"high": "High", "medium": "Medium", "low": "Low"},
        "kinds": {
            "funding_removed": "Funding pledge removed",
            "funding_added": "Funding pledge added",
            "funding_changed": "Funding pledge changed",
            "target_removed": "Target removed",
            "target_added": "Target added",
            "target_changed": "Target changed",
            "deadline_changed": "Deadline changed",
            "term_removed": "Watched term dropped",
            "term_added": "Watched term added",
            "obligation_weakened": "Obligation weakened",
            "obligation_strengthened": "Obligation strengthened",
            "agency_changed": "Responsible agency changed",
            "section_removed": "Section removed",
            "section_added": "Section added",
            "penalty_removed": "Penalty removed",
            "penalty_changed": "Penalty changed",
            "penalty_added": "Penalty added",
            "threshold_removed": "Threshold removed",
            "threshold_changed": "Threshold changed",
            "threshold_added": "Threshold added",
            "reference_changed": "Cross-reference changed",
            "title_changed": "Title changed",
            "wording_replaced": "Same wording replaced in many articles",
        },
        "statuses": {
            "unchanged": "unchanged",
            "modified": "modified",
            "renamed": "renamed",
            "moved": "moved",
            "merged": "merged",
            "split": "split",
            "removed": "removed",
            "added": "added",
            "renumbered": "renumbered",
            "reworded": "text changed",
            "beyond_cut": "not in the copy",
        },
        "directions": {"raised": "raised", "lowered": "lowered", "redefined": "redefined", "removed": "removed",
                       "added": "added", "loosened": "loosened", "tightened": "tightened"},
    },
}


def strings(lang: str | None, genre: str | None = None) -> dict[str, Any]:
    """The UI strings for ``lang`` ("zh" or "en"); ValueError for any other language.

    ``genre`` "law": a law or regulation is compared before and after a revision, not as a
    draft for comment against its final — the sides are named 修改前 / 修改后 (before / after).
    """
    key = (lang or DEFAULT_LANG).lower()
    if key in ("zh-cn", "zh_cn", "cn"):
        key = "zh"
    if key not in STRINGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(STRINGS)}")
    return _revision_strings(key) if genre == "law" else STRINGS[key]


# draft/final → before/after, longest first so that "the draft" is not half-replaced
_REVISION_WORDS = {
    "zh": [("征求意见稿与定稿", "修改前后"), ("征求意见稿", "修改前"), ("定稿", "修改后")],
    "en": [("Draft vs. final", "Before vs. after revision"), ("the draft", "the text before"),
           ("the final", "the revised text"), ("Draft", "Before"), ("Final", "After"),
           ("draft", "text before"), ("final", "revised text")],
}


def revision_wording(text: str, lang: str) -> str:
    """``text`` with draft/final said as before/after (a law's revision; ``lang`` zh or en)."""
    for old, new in _REVISION_WORDS[lang]:
        text = text.replace(old, new)
    return text


@lru_cache(maxsize=2)
def _revision_strings(key: str) -> dict[str, Any]:
    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return revision_wording(value, key)
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(swap(v) for v in value)
        return value

    return swap(STRINGS[key])  # type: ignore[no-any-return]


def kind_label(kind: str, lang: str | None = None) -> str:
    """The label of a finding kind; the identifier itself for kinds this module does not know."""
    return strings(lang)["kinds"].get(kind, kind)


def status_label(status: str, lang: str | None = None) -> str:
    """The label of a section status; the identifier itself when unknown."""
    return strings(lang)["statuses"].get(status, status)


def severity_label(severity: str, lang: str | None = None) -> str:
    """The label of a severity (high / medium / low)."""
    return strings(lang)["severity"].get(severity, severity)
