"""UI strings of the reports, Chinese (default) and English.

Only the labels are translated: the documents' own text is always shown as written.
Unknown finding kinds or section statuses fall back to their identifier, so a new
classifier rule never breaks rendering.
"""

from __future__ import annotations

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
        "money_reduced": "另有 {n} 项资金承诺被调低",
        "targets": "目标",
        "targets_lowered": "调低",
        "targets_raised": "提高",
        "targets_removed": "删除",
        "targets_added": "新增",
        "targets_redefined": "口径改变",
        "sections": "章节",
        "watched_terms": "关注词",
        "key_changes": "主要变化",
        "key_changes_hint": "按严重程度排序；点击章节可跳到全文对照中的位置。",
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
        "print_note": "全文对照请查看电子版报告。",
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
        },
        "directions": {"raised": "提高", "lowered": "调低", "redefined": "口径改变", "removed": "删除", "added": "新增"},
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
        "money_pledges": "{n} pledge(s)",
        "money_no_amount": "plus {n} removed pledge(s) with no amount stated (mechanisms, rates)",
        "money_reduced": "plus {n} pledge(s) reduced",
        "targets": "Targets",
        "targets_lowered": "lowered",
        "targets_raised": "raised",
        "targets_removed": "removed",
        "targets_added": "added",
        "targets_redefined": "redefined",
        "sections": "Sections",
        "watched_terms": "Watched terms",
        "key_changes": "Key changes",
        "key_changes_hint": "Most severe first; click a section to jump to it in the document view.",
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
        "print_note": "See the electronic report for the full side-by-side text.",
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
        },
        "directions": {"raised": "raised", "lowered": "lowered", "redefined": "redefined", "removed": "removed",
                       "added": "added"},
    },
}


def strings(lang: str | None) -> dict[str, Any]:
    """The UI strings for ``lang`` ("zh" or "en"); ValueError for any other language."""
    key = (lang or DEFAULT_LANG).lower()
    if key in ("zh-cn", "zh_cn", "cn"):
        key = "zh"
    if key not in STRINGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(STRINGS)}")
    return STRINGS[key]


def kind_label(kind: str, lang: str | None = None) -> str:
    """The label of a finding kind; the identifier itself for kinds this module does not know."""
    return strings(lang)["kinds"].get(kind, kind)


def status_label(status: str, lang: str | None = None) -> str:
    """The label of a section status; the identifier itself when unknown."""
    return strings(lang)["statuses"].get(status, status)


def severity_label(severity: str, lang: str | None = None) -> str:
    """The label of a severity (high / medium / low)."""
    return strings(lang)["severity"].get(severity, severity)
