"""Compiled regular expressions kept between runs (revdiff/regex_cache.py, issue 16).

Each check runs in a fresh interpreter: installing the cache changes how ``re`` compiles for
the rest of a process, and ``re`` keeps its own cache of what one process compiled.
"""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SAMPLES

# CJK classes, named groups, flags, a bytes pattern: what revdiff's rules are made of; the same
# text under two sets of flags must stay two patterns
PATTERNS = [
    (r"第[一二三四五六七八九十百零〇两]+条(?:之[一二三四五六七八九十]+)?", 0),
    (r"^(?P<num>[（(][一二三四五六七八九十]+[）)])\s*(?P<title>[^。；]{2,30})$", "M"),
    (r"罚款(?P<low>\d+(?:\.\d+)?)\s*(?:万元|元)", 0),
    (r"fine of (\d+) yuan", 0),
    (r"fine of (\d+) yuan", "I"),
    (rb"\xe6\x9d\xa1\s+", 0),
]
TEXTS = ["第十二条之一 有下列行为之一的，处罚款5000元", "（三）加强组织领导\n（四）强化资金保障", "A FINE OF 300 YUAN; fine of 20 yuan"]

PROBE = """
import json, re, sys
from revdiff import regex_cache
path, patterns, texts = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
regex_cache.LIMIT = int(sys.argv[4])
regex_cache.install(path)
original = regex_cache._state.get("original", re._compiler.compile)
out = []
for text, flags, raw in patterns:
    flags = {0: 0, "M": re.MULTILINE, "I": re.IGNORECASE}[flags]
    p = text.encode("latin-1") if raw else text
    compiled = re.compile(p, flags)
    same = compiled == original(p, flags) and compiled.groupindex == original(p, flags).groupindex
    found = [[m.group(0).decode("latin-1") if isinstance(m.group(0), bytes) else m.group(0), m.span()]
             for t in texts for m in compiled.finditer(t.encode("utf-8") if isinstance(p, bytes) else t)]
    out.append({"same": same, "found": found, "flags": compiled.flags, "groups": compiled.groups})
hits = sum(1 for k, args in regex_cache._used.items() if regex_cache._stored.get(k) is args)  # built from the file
regex_cache.save()
print(json.dumps({"patterns": out, "hits": hits}))
"""


def _patterns(patterns: list[tuple[str | bytes, int | str]]) -> str:
    return json.dumps([(p.decode("latin-1") if isinstance(p, bytes) else p, f, isinstance(p, bytes)) for p, f in patterns])


def _run(path: Path, patterns: list[tuple[str | bytes, int | str]] = PATTERNS, limit: int = 500) -> dict:  # type: ignore[type-arg]
    proc = subprocess.run([sys.executable, "-c", PROBE, str(path), _patterns(patterns), json.dumps(TEXTS), str(limit)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.splitlines()[-1])


def test_patterns_built_from_the_file_are_the_ones_re_compiles(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    first = _run(path)
    assert first["hits"] == 0 and path.is_file()
    second = _run(path)
    assert second["hits"] == len(PATTERNS)  # every pattern came from the file
    assert second["patterns"] == first["patterns"]
    assert all(p["same"] for p in second["patterns"])
    found = [p["found"] for p in second["patterns"]]
    assert found[0] == [["第十二条之一", [0, 6]]]
    assert [m[0] for m in found[3]] == ["fine of 20 yuan"]  # without IGNORECASE
    assert [m[0] for m in found[4]] == ["FINE OF 300 YUAN", "fine of 20 yuan"]


def test_a_damaged_file_or_one_of_another_interpreter_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00not marshal")
    result = _run(path)
    assert result["hits"] == 0 and all(p["same"] for p in result["patterns"])
    tag, table = marshal.loads(path.read_bytes())  # rewritten whole
    assert len(table) == len(PATTERNS)
    path.write_bytes(marshal.dumps(("2.7.18 (another build)", table)))
    assert _run(path)["hits"] == 0
    tag, table = marshal.loads(path.read_bytes())
    first, second = list(table)[:2]
    table[first] = ()  # damaged entries: one empty, one whose code _sre rejects
    table[second] = (0, b"\x00\x01\x02\x03", 0, {}, (None,))
    path.write_bytes(marshal.dumps((tag, table)))
    result = _run(path)
    assert result["hits"] == len(PATTERNS) - 2 and all(p["same"] for p in result["patterns"])


def test_the_command_line_keeps_its_patterns_and_writes_the_same_report(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    reports = []
    for n in range(2):
        out = tmp_path / f"r{n}.json"
        proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", str(SAMPLES / "yantai-ip-strategy-draft.txt"),
                               str(SAMPLES / "yantai-notice-official.txt"), "-o", str(out)],
                              capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-2000:]
        reports.append(out.read_bytes())
    _, table = marshal.loads((tmp_path / "cache" / "revdiff" / "re" / "patterns.marshal").read_bytes())
    assert len(table) > 50  # the rules' patterns, kept
    assert reports[0] == reports[1]


def test_the_file_keeps_the_most_recently_used_patterns_up_to_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    _run(path, limit=8)
    later = [(r"第(?P<n>\d+)号令", 0), (r"[省市县]人民政府", 0), (r"自\d{4}年\d{1,2}月\d{1,2}日起施行", 0)]
    assert _run(path, later, limit=8)["hits"] == 0
    _, table = marshal.loads(path.read_bytes())
    keys = [k[0] for k in table]
    assert len(keys) == 8  # 3 of this run, then 5 of the 6 before
    assert keys[:3] == [p for p, _ in later]
    assert keys[3:] == [p for p, _ in PATTERNS[:5]]
    assert _run(path, later, limit=8)["hits"] == 3
