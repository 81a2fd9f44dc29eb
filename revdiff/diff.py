"""Inline diff of one aligned pair's bodies (diff-match-patch on match keys).

The diff runs on the match keys (textkey.py) so formatting is never a change, and is then
mapped back onto the displayed characters: joining the op 0 and −1 texts gives the draft
body exactly, op 0 and +1 the final body.  Where the two sides differ only in formatting
(``到 2025 年`` vs ``到2025年``) the pair is emitted as −1/+1 and its indices are listed in
``formatting`` so that renderers show it as unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from revdiff.textkey import match_key

Op = tuple[int, str]


@lru_cache(maxsize=1)
def _dmp() -> object:
    from diff_match_patch import diff_match_patch

    d = diff_match_patch()
    d.Diff_Timeout = 0  # never degrade: the default 1 s limit returns "delete all, insert all"
    return d


def _tokens(key: str, words: bool) -> list[str]:
    if not words:
        return list(key)
    import jieba  # loaded only when word-level diffs are asked for

    jieba.setLogLevel(60)
    return list(jieba.cut(key, HMM=False))


_OPS = {"=": 0, "-": -1, "+": 1}


def _dmp_semantic(a: str, b: str, semantic: bool = True) -> list[Op]:
    """diff-match-patch with semantic cleanup (or none) and no time limit.

    The C++ port (fast-diff-match-patch) is ~50× faster on the same algorithm; the pure
    Python original is the fallback where no wheel of the port installs.
    """
    try:
        import fast_diff_match_patch as fast
    except ImportError:
        dmp = _dmp()
        ops = dmp.diff_main(a, b, False)  # type: ignore[attr-defined]
        if semantic:
            dmp.diff_cleanupSemantic(ops)  # type: ignore[attr-defined]
        return [(op, t) for op, t in ops]
    cleanup = "Semantic" if semantic else "No"
    return [(_OPS[op], t) for op, t in fast.diff(a, b, timelimit=0, checklines=False, cleanup=cleanup, counts_only=False)]


def _diff_keys(a: str, b: str, words: bool) -> list[Op]:
    if not words:
        return _dmp_semantic(a, b)
    # word level: encode each distinct token as one private-use character
    ta, tb = _tokens(a, True), _tokens(b, True)
    table: dict[str, str] = {}
    rev: list[str] = []

    def enc(toks: list[str]) -> str:
        out = []
        for t in toks:
            if t not in table:
                table[t] = chr(0xF0000 + len(rev))
                rev.append(t)
            out.append(table[t])
        return "".join(out)

    # No semantic cleanup on words: it is made for characters, and on words it swallows the
    # one-word equalities between changes (处[-五万元以上二十万元-]… instead of 处[-五万元-]{+十万元+}以上…);
    # a word diff shows each changed word, as git's --word-diff does.
    ops = _dmp_semantic(enc(ta), enc(tb), semantic=False)
    return [(op, "".join(rev[ord(c) - 0xF0000] for c in t)) for op, t in ops]


def ops_within(ops: list[Op], spans: dict[int, list[tuple[int, int]]]) -> list[int]:
    """Indices of the changed ops that lie wholly inside one of ``spans[op]``: offsets into the
    draft body for deletions (−1), into the final body for insertions (+1)."""
    out: list[int] = []
    at = {-1: 0, 1: 0}  # offsets into the draft and the final body
    for i, (op, text) in enumerate(ops):
        if op != 0 and any(s <= at[op] and at[op] + len(text) <= e for s, e in spans.get(op, ())):
            out.append(i)
        for side in (-1, 1):
            if op in (0, side):
                at[side] += len(text)
    return out


def _bounds(index: list[int], k: int, length: int) -> int:
    """Original offset where key position ``k`` starts (0 and ``length`` at the ends)."""
    if k <= 0:
        return 0
    if k >= len(index):
        return length
    return index[k]


def diff_texts(draft: str, final: str, words: bool = False) -> tuple[list[Op], list[int]]:
    """Diff two displayed texts; returns (ops on original text, indices of formatting-only ops)."""
    if draft == final:
        return ([(0, draft)] if draft else []), []
    dk, di = match_key(draft)
    fk, fi = match_key(final)
    key_ops = _diff_keys(dk, fk, words) if dk != fk else [(0, dk)]
    ops: list[Op] = []
    formatting: list[int] = []
    da = fa = 0  # positions in the keys
    for op, text in key_ops:
        n = len(text)
        if op == 0:
            d0, d1 = _bounds(di, da, len(draft)), _bounds(di, da + n, len(draft))
            f0, f1 = _bounds(fi, fa, len(final)), _bounds(fi, fa + n, len(final))
            dt, ft = draft[d0:d1], final[f0:f1]
            if dt == ft:
                ops.append((0, dt))
            else:
                _equal_in_key(ops, formatting, draft, final, di, fi, da, fa, n)
            da += n
            fa += n
        elif op == -1:
            d0, d1 = _bounds(di, da, len(draft)), _bounds(di, da + n, len(draft))
            ops.append((-1, draft[d0:d1]))
            da += n
        else:
            f0, f1 = _bounds(fi, fa, len(final)), _bounds(fi, fa + n, len(final))
            ops.append((1, final[f0:f1]))
            fa += n
    # text with no key characters at all (only spaces) is covered by no op: keep it
    rest_d = draft[len("".join(t for op, t in ops if op <= 0)) :]
    rest_f = final[len("".join(t for op, t in ops if op >= 0)) :]
    if rest_d == rest_f and rest_d:
        ops.append((0, rest_d))
    elif rest_d or rest_f:
        _formatting_pair(ops, formatting, rest_d, rest_f)
    if not words:
        _snap_single_characters(ops, formatting)
    formatting = _dash_runs(ops, formatting)
    ops, formatting = _compact(ops, formatting)
    return _compact(*_snap_numbers(ops, formatting))  # on merged ops: a number is one equal run


def concat(parts: list[tuple[list[Op], list[int]]]) -> tuple[list[Op], list[int]]:
    """The diffs of consecutive stretches of two texts (each ``(ops, formatting)``) as one."""
    ops: list[Op] = []
    formatting: list[int] = []
    for part_ops, part_formatting in parts:
        formatting += [len(ops) + i for i in part_formatting]
        ops += part_ops
    return _compact(ops, formatting)


def _compact(ops: list[Op], formatting: list[int]) -> tuple[list[Op], list[int]]:
    """Drop empty ops; between two equal texts put the deletions before the insertions (each
    side keeps its order, so both bodies rebuild the same) and join neighbours of one kind."""
    kept = [i for i, o in enumerate(ops) if o[1]]
    order: list[int] = []
    run: list[int] = []
    for i in kept + [-1]:
        if i >= 0 and ops[i][0] != 0:
            run.append(i)
            continue
        order += sorted(run, key=lambda k: ops[k][0])  # stable: -1s, then +1s, each in order
        run = []
        if i >= 0:
            order.append(i)
    renumber = {old: new for new, old in enumerate(order)}
    formatting = sorted(renumber[i] for i in formatting if i in renumber)
    return _merge([ops[i] for i in order], formatting)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _snap_single_characters(ops: list[Op], formatting: list[int]) -> None:
    """Show a one-character replacement as a two-character word: 深[-入-]{+度+} → [-深入-]{+深度+}.

    Character diffs of Chinese read like confetti; most one-character replacements are a
    changed word of two characters, so the character before joins both sides (the equal
    text is identical on both sides, so both bodies still rebuild exactly).
    """
    fmt = set(formatting)
    for i in range(1, len(ops) - 1):
        (p_op, p_t), (d_op, d_t), (i_op, i_t) = ops[i - 1], ops[i], ops[i + 1]
        if (
            p_op == 0 and d_op == -1 and i_op == 1 and i not in fmt and i + 1 not in fmt
            and len(d_t) == 1 and len(i_t) == 1 and _is_cjk(d_t) and _is_cjk(i_t)
            and len(p_t) >= 1 and _is_cjk(p_t[-1])
            and not (_CN_NUMERAL.fullmatch(d_t) and _CN_NUMERAL.fullmatch(i_t))  # 处[一]→[二]: a number, see _snap_numbers
        ):
            ch = p_t[-1]
            ops[i - 1] = (0, p_t[:-1])
            ops[i] = (-1, ch + d_t)
            ops[i + 1] = (1, ch + i_t)


_DIGIT = "0-9０-９.．"
# Chinese numerals, as laws write every amount and period (处一万元以上五万元以下, 三十日内)
_CN = "〇零一二两三四五六七八九十百千万亿"
_CN_NUMERAL = re.compile(f"[{_CN}]+")
_NUMBER_TAIL = re.compile(f"[{_DIGIT}{_CN}]+\\Z")  # \Z, not $: "$" also matches before a last line break
# the digits that go on after a change, then the unit the number is counted in: 150家, 2025年, 3.5万元
_NUMBER_HEAD = re.compile(
    f"[{_DIGIT}{_CN}]*(?:万元|亿元|千元|元|万|亿|平方米|平方公里|公里|千米|米|吨|%|％|‰|家|件|个工作日|个月|个|项|人|户|"
    "所|座|台|套|次|年|月|天|工作日|日|小时|分|倍|亩|公顷|千瓦|兆瓦)?"
)
_NUMERAL_RUN = re.compile(f"[{_DIGIT}{_CN}]+")
# a date or period in Chinese numerals with its units inside the change: 二〇二[五年三]月 (a law's 施行 date)
_CN_DATE_RUN = re.compile(f"[{_CN}年月日]+")  # with a numeral in it (_CN_NUMERAL), see _is_number_change
_DIGIT_CHAR = re.compile(f"[{_DIGIT}]")


def _is_number_change(deleted: str, inserted: str) -> bool:
    """True when a run of changes is (part of) a number: an Arabic digit at one of its ends, or
    Chinese numerals only on both sides (统[-一-]{+筹+} is a word, not a number)."""
    edges = [t[:1] for t in (deleted, inserted) if t] + [t[-1:] for t in (deleted, inserted) if t]
    if any(_DIGIT_CHAR.match(e) for e in edges):
        return True
    return bool(deleted + inserted) and all(
        _NUMERAL_RUN.fullmatch(t) or (_CN_DATE_RUN.fullmatch(t) and _CN_NUMERAL.search(t))
        for t in (deleted, inserted) if t)


def _snap_numbers(ops: list[Op], formatting: list[int]) -> tuple[list[Op], list[int]]:
    """Show a changed number whole, with its unit: 1[-5-]{+2+}0家 → [-150家-]{+120家+}.

    A run of deletions/insertions that touches a digit takes in the digits before it and the
    digits and unit after it, on both sides (the equal text moved is identical on both sides,
    so both bodies still rebuild exactly).  Runs with formatting-only ops are left alone.
    """
    fmt = set(formatting)
    out: list[Op] = []
    out_fmt: list[int] = []
    i = 0
    while i < len(ops):
        if ops[i][0] == 0 or i in fmt:
            if i in fmt:
                out_fmt.append(len(out))
            out.append(ops[i])
            i += 1
            continue
        j = i
        while j < len(ops) and ops[j][0] != 0 and j not in fmt:
            j += 1
        deleted = "".join(t for op, t in ops[i:j] if op == -1)
        inserted = "".join(t for op, t in ops[i:j] if op == 1)
        # the equal text before the run, looking past spacing-only formatting ops (10 | → 10.34 |)
        b = len(out) - 1
        while b >= 0 and b in out_fmt and not out[b][1].strip():
            b -= 1
        before = out[b][1] if b >= 0 and out[b][0] == 0 and b not in out_fmt else ""
        after = ops[j][1] if j < len(ops) and ops[j][0] == 0 else ""
        tail = _NUMBER_TAIL.search(before)
        tail_text = tail.group(0) if tail else ""
        if _is_number_change(deleted, inserted):
            head_m = _NUMBER_HEAD.match(after)
            head = head_m.group(0) if head_m else ""
            if tail_text:
                out[b] = (0, before[: len(before) - len(tail_text)])
                # the digits before move into the change, on both sides, where they stood
                out[b + 1 : b + 1] = [(-1, tail_text), (1, tail_text)]
                out_fmt = [k + 2 if k > b else k for k in out_fmt]
            out.append((-1, deleted + head))
            out.append((1, inserted + head))
            if head:
                ops[j] = (0, after[len(head):])
        else:
            for k in range(i, j):
                out.append(ops[k])
        i = j
    return out, out_fmt


_DASH_RUN = re.compile(r"\s*[-—–－―]+\s*")


def _dash_runs(ops: list[Op], formatting: list[int]) -> list[int]:
    """A longer or shorter run of dashes (—— vs —, the "no value" mark of a table) is formatting:
    an op of dashes only next to equal text that ends or starts with a dash."""
    fmt = set(formatting)
    for i, (op, text) in enumerate(ops):
        if op == 0 or i in fmt or not _DASH_RUN.fullmatch(text):
            continue
        prev = next((t for o, t in reversed(ops[:i]) if o == 0 and t.strip()), "")
        nxt = next((t for o, t in ops[i + 1 :] if o == 0 and t.strip()), "")
        if _DASH_RUN.match(prev.strip()[-1:] or "x") or _DASH_RUN.match(nxt.strip()[:1] or "x"):
            fmt.add(i)
    return sorted(fmt)


def _equal_in_key(ops: list[Op], formatting: list[int], draft: str, final: str, di: list[int], fi: list[int],
                  da: int, fa: int, n: int) -> None:
    """A stretch equal in key but not on the page: keep what is identical as equal text and
    mark only the differing characters (full-width punctuation, spaces) as formatting."""
    same: list[str] = []
    diff_d: list[str] = []
    diff_f: list[str] = []

    def flush_same() -> None:
        if same:
            ops.append((0, "".join(same)))
            same.clear()

    def flush_diff() -> None:
        if diff_d or diff_f:
            _formatting_pair(ops, formatting, "".join(diff_d), "".join(diff_f))
            diff_d.clear()
            diff_f.clear()

    for k in range(n):
        dt = draft[_bounds(di, da + k, len(draft)) : _bounds(di, da + k + 1, len(draft))]
        ft = final[_bounds(fi, fa + k, len(final)) : _bounds(fi, fa + k + 1, len(final))]
        if dt == ft:
            flush_diff()
            same.append(dt)
        else:
            flush_same()
            diff_d.append(dt)
            diff_f.append(ft)
    flush_diff()
    flush_same()


def _formatting_pair(ops: list[Op], formatting: list[int], dt: str, ft: str) -> None:
    """Equal in key, different on the page: keep the common prefix/suffix as equal text."""
    p = 0
    while p < min(len(dt), len(ft)) and dt[p] == ft[p]:
        p += 1
    s = 0
    while s < min(len(dt), len(ft)) - p and dt[-1 - s] == ft[-1 - s]:
        s += 1
    if p:
        ops.append((0, dt[:p]))
    mid_d, mid_f = dt[p : len(dt) - s], ft[p : len(ft) - s]
    if mid_d:
        formatting.append(len(ops))
        ops.append((-1, mid_d))
    if mid_f:
        formatting.append(len(ops))
        ops.append((1, mid_f))
    if s:
        ops.append((0, dt[len(dt) - s :]))


def _merge(ops: list[Op], formatting: list[int]) -> tuple[list[Op], list[int]]:
    """Join adjacent ops of the same kind (formatting ops only with formatting ops)."""
    fmt = set(formatting)
    out: list[Op] = []
    out_fmt: list[bool] = []
    for i, (op, t) in enumerate(ops):
        is_fmt = i in fmt
        if out and out[-1][0] == op and out_fmt[-1] == is_fmt:
            out[-1] = (op, out[-1][1] + t)
        else:
            out.append((op, t))
            out_fmt.append(is_fmt)
    return out, [i for i, f in enumerate(out_fmt) if f]


def is_formatting_only(ops: list[Op], formatting: list[int]) -> bool:
    """True when every non-equal op is formatting."""
    fmt = set(formatting)
    return all(op == 0 or i in fmt for i, (op, _) in enumerate(ops))
