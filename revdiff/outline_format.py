"""The outline of a Document as text (an indented tree) or as ``revdiff.outline/1`` JSON."""

from __future__ import annotations

from typing import Any

from revdiff.model import Document, Node


def node_dict(node: Node) -> dict[str, Any]:
    """One Node as the contract's JSON object."""
    d: dict[str, Any] = {
        "kind": node.kind,
        "level": node.level,
        "number": node.number,
        "title": node.title,
        "text": node.text,
        "line_start": node.line_start,
        "line_end": node.line_end,
    }
    if node.page is not None:
        d["page"] = node.page
    if node.rows is not None:
        d["rows"] = node.rows
    if node.unit is not None:
        d["unit"] = node.unit
        if node.unit == "条":
            from revdiff.genres.law import clause_counts

            d["clauses"] = clause_counts(node.text)
    d["children"] = [node_dict(c) for c in node.children]
    return d


def outline_dict(doc: Document) -> dict[str, Any]:
    """The whole Document as ``revdiff.outline/1``."""
    out: dict[str, Any] = {
        "schema": "revdiff.outline/1",
        "source": doc.source,
        "format": doc.format,
        "encoding": doc.encoding,
        "metadata": doc.metadata,
        "parts": [
            {
                "title": p.title,
                "kind": p.kind,
                "line_start": p.line_start,
                "line_end": p.line_end,
                "text": p.text,
                "sections": [node_dict(n) for n in p.sections],
            }
            for p in doc.parts
        ],
    }
    if doc.warnings:  # what reading had to do (invisible characters removed …), when anything
        out["warnings"] = doc.warnings
    return out


_MARK = {"table": "▦ ", "box": "▣ ", "item": "• "}


def _law_line(n: Node) -> str:
    """A heading of a law (第一章 总则) or an article with its 款/项/目 and first words."""
    from revdiff.genres.law import clause_counts

    if n.unit != "条":
        return f"{n.number} {n.title}".rstrip()
    counts = clause_counts(n.text)
    parts = " ".join(f"{v}{k}" for k, v in counts.items() if v)
    title = f"【{n.title}】" if n.title else ""
    first = n.text.split("\n", 1)[0]
    return f"{n.number}{title}  {parts}  {first[:20]}{'…' if len(first) > 20 else ''}"


def outline_text(doc: Document) -> str:
    """An indented tree: number, title, line range, and marks for tables (▦) and boxes (▣)."""
    out = [f"{doc.source}  [{doc.format}, {doc.encoding}, {doc.genre}]"]
    for k, v in doc.metadata.items():
        out.append(f"  {k}: {v}")
    out += [f"  ! {w}" for w in doc.warnings]
    for p in doc.parts:
        out.append(f"\n[{p.kind}] {p.title or '(untitled)'}  (lines {p.line_start}–{p.line_end})")

        def visit(n: Node, depth: int) -> None:
            mark = _MARK.get(n.kind, "")
            extra = f"  {len(n.rows) - 1} rows + header" if n.rows else ""
            page = f" p.{n.page}" if n.page is not None else ""
            if n.unit is not None:
                out.append(f"{'  ' * depth}{_law_line(n)}  [{n.line_start}–{n.line_end}{page}]")
                for c in n.children:
                    visit(c, depth + 1)
                return
            title = n.title or n.text[:24].replace("\n", " ") + ("…" if len(n.text) > 24 else "")
            out.append(f"{'  ' * depth}{mark}{n.number}{title}  [{n.line_start}–{n.line_end}{page}]{extra}")
            for c in n.children:
                visit(c, depth + 1)

        for n in p.sections:
            visit(n, 1)
    return "\n".join(out) + "\n"
