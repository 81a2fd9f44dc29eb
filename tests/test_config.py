"""Settings from revdiff.toml / --config: every key has an effect, errors name the key,
command-line options win.  Every test drives the real command line in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DRAFT = """关于支持企业发展的若干措施
一、支持措施
对获评示范的企业发放激励金30万元。
对新认定的企业给予奖励5千元。
内部资料：仅限某某使用
二、保障措施
加强宣传引导，营造良好氛围。加强商标品牌建设。
"""
FINAL = """关于支持企业发展的若干措施
一、支持措施
对获评示范的企业加强指导。
对新认定的企业加强服务。
二、保障措施
加强宣传引导，营造良好氛围。
"""


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "f.txt").write_text(FINAL, encoding="utf-8")
    return tmp_path


def revdiff(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "revdiff", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def report(cwd: Path, *args: str) -> dict:
    proc = revdiff(cwd, "compare", "d.txt", "f.txt", "--format", "json", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def toml(cwd: Path, text: str, name: str = "revdiff.toml") -> Path:
    path = cwd / name
    path.write_text(text, encoding="utf-8")
    return path


def pledges(rep: dict) -> list[tuple[str | None, str | None]]:
    return [(f["draft_value"], f["unit"]) for f in rep["findings"] if f["kind"] == "funding_removed"]


def test_funding_verbs_and_units(work: Path) -> None:
    # without settings: 激励金 is not a pledge word and 5千元 is no amount
    assert pledges(report(work)) == [(None, None)]
    toml(work, '[funding]\nverbs = ["激励金"]\n')
    assert ("30", "万元") in pledges(report(work))
    toml(work, '[funding]\nverbs = ["激励金"]\nunits = ["千元"]\n')
    assert pledges(report(work)) == [("30", "万元"), ("5", "千元")]


def test_configured_unit_is_converted_when_an_amount_changes(tmp_path: Path) -> None:
    # 5千元 → 0.3万元 is 5,000 元 → 3,000 元: lowered, although 0.3 < 5 and 万元 > 千元 as words;
    # 8千元 → 1万元 is raised although 1 < 8
    (tmp_path / "d.txt").write_text(
        "关于支持企业发展的若干措施\n一、支持措施\n对新认定的企业给予奖励5千元。\n"
        "对获评示范的企业给予奖励8千元。\n",
        encoding="utf-8",
    )
    (tmp_path / "f.txt").write_text(
        "关于支持企业发展的若干措施\n一、支持措施\n对新认定的企业给予奖励0.3万元。\n"
        "对获评示范的企业给予奖励1万元。\n",
        encoding="utf-8",
    )
    toml(tmp_path, '[funding]\nunits = ["千元"]\n')
    changed = [(f["draft_value"], f["final_value"], f["direction"]) for f in report(tmp_path)["findings"]
               if f["kind"] == "funding_changed"]  # fmt: skip
    assert changed == [("5", "0.3", "lowered"), ("8", "1", "raised")]


def test_severity_override(work: Path) -> None:
    assert {f["severity"] for f in report(work)["findings"] if f["kind"] == "funding_removed"} == {"high"}
    toml(work, '[severity]\nfunding_removed = "low"\n')
    rep = report(work)
    assert {f["severity"] for f in rep["findings"] if f["kind"] == "funding_removed"} == {"low"}
    assert rep["summary"]["severity"]["high"] == 0


def test_clean_drop(work: Path) -> None:
    def has_source_line(rep: dict) -> bool:
        return any("内部资料" in text for s in rep["sections"] for _, text in s["diff"])

    assert has_source_line(report(work))
    toml(work, '[clean]\ndrop = ["^内部资料：.*$", "无关行"]\n')
    assert not has_source_line(report(work))


def test_compare_defaults_and_command_line_overrides(work: Path) -> None:
    toml(work, '[compare]\nwatch = ["商标"]\nlang = "en"\nformat = "json"\n')
    proc = revdiff(work, "compare", "d.txt", "f.txt")  # format from the file: JSON on stdout
    rep = json.loads(proc.stdout)
    assert rep["watch"] == ["商标"]  # the plan's default 版权 is in neither text: not watched
    assert any(f["kind"] == "term_removed" and f.get("term") == "商标" for f in rep["findings"])
    assert report(work, "--watch", "专利")["watch"] == ["专利"]  # --watch replaces the file's list

    assert revdiff(work, "compare", "d.txt", "f.txt", "-o", "r.html").returncode == 0  # OUT's extension wins
    html = (work / "r.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en"' in html
    revdiff(work, "compare", "d.txt", "f.txt", "-o", "r.html", "--lang", "zh")
    assert '<html lang="zh-CN"' in (work / "r.html").read_text(encoding="utf-8")
    proc = revdiff(work, "compare", "d.txt", "f.txt", "--format", "md")
    assert not proc.stdout.lstrip().startswith("{")


def test_explicit_config_file(work: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    other = tmp_path_factory.mktemp("settings")
    path = toml(other, '[severity]\nfunding_removed = "medium"\n', "team.toml")
    toml(work, '[severity]\nfunding_removed = "low"\n')  # --config replaces, not merges with, ./revdiff.toml
    proc = revdiff(work, "--config", str(path), "compare", "d.txt", "f.txt", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert {f["severity"] for f in json.loads(proc.stdout)["findings"] if f["kind"] == "funding_removed"} == {
        "medium"
    }
    proc = revdiff(work, "--config", "missing.toml", "compare", "d.txt", "f.txt")
    assert proc.returncode == 2 and proc.stderr == (
        "revdiff: error: cannot read settings file missing.toml: No such file or directory; check the --config path\n"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[compare]\nwach = ["商标"]\n',
            "revdiff.toml: unknown key 'compare.wach'; known keys: compare.watch",
        ),
        ('[compar]\nwatch = ["商标"]\n', "revdiff.toml: unknown key 'compar'; known keys:"),
        ('lang = "en"\n', "revdiff.toml: unknown key 'lang'; known keys:"),
        (
            '[compare]\nwatch = "商标"\n',
            "revdiff.toml: 'compare.watch' must be a list of non-empty strings, not a string",
        ),
        ('[compare]\nlang = "fr"\n', "revdiff.toml: 'compare.lang' must be one of zh, en, not 'fr'"),
        (
            '[severity]\nfunding_added = "urgent"\n',
            "revdiff.toml: 'severity.funding_added' must be one of high, medium, low",
        ),
        (
            '[severity]\nfunding_addd = "high"\n',
            "revdiff.toml: unknown key 'severity.funding_addd'; known finding kinds:",
        ),
        (
            '[clean]\ndrop = ["(本文"]\n',
            "revdiff.toml: 'clean.drop': '(本文' is not a valid regular expression",
        ),
        ("[compare\n", "revdiff.toml: not valid TOML"),
    ],
)
def test_bad_settings_exit_2_with_one_line(work: Path, text: str, expected: str) -> None:
    toml(work, text)
    proc = revdiff(work, "compare", "d.txt", "f.txt")
    assert proc.returncode == 2
    assert proc.stderr.startswith("revdiff: error: " + expected), proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_batch_reads_the_settings(work: Path) -> None:
    toml(work, '[severity]\nfunding_removed = "low"\n[compare]\nlang = "en"\n')
    (work / "pairs.csv").write_text("name,draft,final\none,d.txt,f.txt\n", encoding="utf-8")
    proc = revdiff(work, "batch", "pairs.csv", "-o", "out")
    assert proc.returncode == 0, proc.stderr
    rep = json.loads((work / "out" / "one.json").read_text(encoding="utf-8"))
    assert {f["severity"] for f in rep["findings"] if f["kind"] == "funding_removed"} == {"low"}
    assert '<html lang="en"' in (work / "out" / "index.html").read_text(encoding="utf-8")
    # changed settings are changed options: the pair is redone, not skipped
    toml(work, '[severity]\nfunding_removed = "medium"\n')
    proc = revdiff(work, "batch", "pairs.csv", "-o", "out")
    assert "one: done" in proc.stderr


def test_ledger_and_outline_read_the_settings(work: Path) -> None:
    def ledger_pledges() -> list[tuple[str | None, str | None]]:
        proc = revdiff(work, "ledger", "d.txt", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        return [(e["value"], e["unit"]) for e in json.loads(proc.stdout)["entries"] if e["kind"] == "pledge"]

    assert ledger_pledges() == [(None, None)]
    assert "内部资料" in revdiff(work, "outline", "d.txt", "--format", "json").stdout
    toml(work, '[funding]\nverbs = ["激励金"]\nunits = ["千元"]\n[clean]\ndrop = ["^内部资料：.*$"]\n')
    assert ledger_pledges() == [("30", "万元"), ("5", "千元")]
    outline = json.loads(revdiff(work, "outline", "d.txt", "--format", "json").stdout)
    assert "内部资料" not in json.dumps(outline["parts"], ensure_ascii=False)
    assert any("内部资料" in w for w in outline["warnings"]), "what the settings dropped is said"


def test_broken_settings_file_still_shows_command_help(work: Path) -> None:
    toml(work, "[compare]\nwach = 1\n")
    helped = revdiff(work, "compare", "--help")
    assert helped.returncode == 0 and "Usage:" in helped.stdout
    failed = revdiff(work, "outline", "d.txt")
    assert failed.returncode == 2 and "compare.wach" in failed.stderr and failed.stderr.count("\n") == 1


def test_report_says_which_settings_file_was_used_and_what_it_dropped(work: Path) -> None:
    # a revdiff.toml left in the working folder whose pattern swallows a pledge line: the
    # report must name the file and the dropped line instead of quietly saying less
    toml(work, '[clean]\ndrop = ["^对获评示范的企业.*$"]\n')
    rep = report(work)
    assert any("revdiff.toml" in w for w in rep["warnings"])
    dropped = [w for w in rep["warnings"] if "[clean] drop" in w]
    assert len(dropped) == 2  # one line on each side
    assert dropped[0].startswith("征求意见稿") and "第 3 行" in dropped[0] and "激励金30万元" in dropped[0]
    md = revdiff(work, "compare", "d.txt", "f.txt", "--format", "md").stdout
    assert "revdiff.toml" in md and "激励金30万元" in md


def test_no_settings_file_no_settings_warning(work: Path) -> None:
    rep = report(work)
    assert not any("revdiff.toml" in w or "[clean] drop" in w for w in rep["warnings"])


def test_backtracking_drop_pattern_is_stopped(work: Path) -> None:
    toml(work, '[clean]\ndrop = ["(a|aa)+c"]\n')
    (work / "d.txt").write_text(DRAFT + "a" * 60 + "\n", encoding="utf-8")
    proc = revdiff(work, "compare", "d.txt", "f.txt", "--format", "json")  # 60 s timeout: a hang fails
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "(a|aa)+c" in proc.stderr and "takes too long" in proc.stderr and "line 8" in proc.stderr
