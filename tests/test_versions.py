"""Several versions: ``revdiff compare V1 V2 V3`` through the real CLI.

The three versions (tests/versions/, made by ``python tests/versions/make_versions.py`` from
the Yantai draft) cut the 每件资助10万元 pledge in V2 and bring it back at 5万元 in V3, and
lower the 知识产权保护社会满意度 target ≥90 → ≥88 → ≥85.  Nothing else they change is a
commitment, so exactly those two tracks may change.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
VERSIONS = HERE / "versions"
ARTIFACTS = HERE / "artifacts"
V123 = ("v1.txt", "v2.txt", "v3.txt")
PLEDGE = "成功注册地理标志保护产品或者地理标志商标的持有人"
TARGET = "知识产权保护社会满意度"

sys.path.insert(0, str(HERE))
from make_screenshot import CHROMIUM, launch  # noqa: E402


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "revdiff", *args], input=stdin if stdin is not None else b"",
        capture_output=True, timeout=300, cwd=VERSIONS, env={**os.environ, "REVDIFF_DEBUG": ""},
    )


def ok(*args: str) -> bytes:
    proc = run_cli(*args)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    return proc.stdout


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return json.loads(ok("compare", *V123, "--format", "json"))


@pytest.fixture(scope="module")
def html_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("versions") / "versions.html"
    proc = run_cli("compare", *V123, "-o", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    return path


def track(report: dict[str, Any], kind: str, subject: str) -> dict[str, Any]:
    found = [t for t in report["tracks"] if t["kind"] == kind and t["subject"] == subject]
    assert len(found) == 1, [t["subject"] for t in report["tracks"]]
    return found[0]


def test_the_generated_versions_are_committed() -> None:
    sys.path.insert(0, str(VERSIONS))
    from make_versions import build

    for name, text in build().items():
        assert (VERSIONS / f"{name}.txt").read_bytes() == text.encode("utf-8"), name


def test_json_has_versions_pairs_and_tracks(report: dict[str, Any]) -> None:
    assert report["schema"] == "revdiff.versions/1"
    assert [v["source"] for v in report["versions"]] == list(V123)
    assert len(report["pairs"]) == 2
    for pair, (a, b) in zip(report["pairs"], [V123[:2], V123[1:]], strict=True):
        assert pair["schema"] == "revdiff.report/1"
        assert (pair["draft"]["source"], pair["final"]["source"]) == (a, b)
    assert report["summary"]["versions"] == 3
    assert report["summary"]["tracks"]["kinds"] == {"pledge": 12, "target": 14}


def test_pledge_cut_in_the_middle_comes_back_lower(report: dict[str, Any]) -> None:
    t = track(report, "pledge", PLEDGE)
    assert [s["present"] for s in t["states"]] == [True, False, True]
    v1, _, v3 = t["states"]
    assert (v1["value"], v1["unit"], v1["comparator"], v1["label"]) == ("10", "万元", "每件", "每件10万元")
    assert (v3["value"], v3["unit"], v3["label"]) == ("5", "万元", "每件5万元")
    assert "每件资助10万元" in v1["text"] and "每件资助5万元" in v3["text"]
    assert [(s["change"], s["direction"]) for s in t["steps"]] == [("removed", None), ("restored", "lowered")]
    assert t["verdict"] == "restored_lower" and t["severity"] == "high"
    # each step cites the finding its pair reported
    kinds = [
        next(f["kind"] for f in report["pairs"][s["pair"] - 1]["findings"] if f["id"] == s["finding"])
        for s in t["steps"]
    ]
    assert kinds == ["funding_removed", "funding_added"]
    assert "V2 删除" in t["note"] and "V3 每件5万元" in t["note"]


def test_target_lowered_in_two_steps(report: dict[str, Any]) -> None:
    t = track(report, "target", TARGET)
    assert [(s["value"], s["comparator"], s["unit"]) for s in t["states"]] == [
        ("90", "≥", "分"), ("88", "≥", "分"), ("85", "≥", "分"),
    ]
    assert [s["change"] for s in t["steps"]] == ["lowered", "lowered"]
    assert t["verdict"] == "reduced" and t["source"] == "table"
    for s in t["steps"]:
        finding = next(f for f in report["pairs"][s["pair"] - 1]["findings"] if f["id"] == s["finding"])
        assert (finding["kind"], finding["direction"]) == ("target_changed", "lowered")


def test_only_the_edited_commitments_change(report: dict[str, Any]) -> None:
    changed = [(t["kind"], t["subject"]) for t in report["tracks"] if t["verdict"] != "unchanged"]
    assert changed == [("pledge", PLEDGE), ("target", TARGET)]  # most severe first, pledges first
    assert [t["id"] for t in report["tracks"]] == [f"t{i}" for i in range(1, len(report["tracks"]) + 1)]
    for t in report["tracks"]:
        assert len(t["states"]) == 3 and len(t["steps"]) == 2


def test_each_pair_is_the_two_file_report(report: dict[str, Any]) -> None:
    """Two arguments are the ordinary comparison: the same object as the pair inside."""
    two = json.loads(ok("compare", "v1.txt", "v2.txt", "--format", "json"))
    assert two["schema"] == "revdiff.report/1"
    assert "tracks" not in two and "pairs" not in two
    assert two == report["pairs"][0]


def test_markdown_and_csv_list_tracks_as_rows() -> None:
    md = ok("compare", *V123, "--format", "md").decode()
    assert md.startswith("# 多版本对照报告")
    row = next(line for line in md.splitlines() if line.startswith("| t1 |"))
    assert "每件10万元 | 删除 | ↺↓每件5万元 |" in row
    row = next(line for line in md.splitlines() if line.startswith("| t2 |"))
    assert "≥90分 | ↓≥88分 | ↓≥85分 |" in row
    md_en = ok("compare", *V123, "--format", "md", "--lang", "en").decode()
    assert md_en.startswith("# Versions compared") and "restored lower" in md_en
    data = ok("compare", *V123, "--format", "csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 26
    first = rows[0]
    assert (first["verdict"], first["V1"], first["V2"], first["V3"]) == ("restored_lower", "每件10万元", "删除", "每件5万元")
    assert (first["v1_value"], first["v3_value"], first["v2_line"]) == ("10", "5", "")
    assert rows[1]["steps"] == "1:lowered 2:lowered"


def test_output_is_deterministic() -> None:
    for fmt in ("json", "html"):
        assert ok("compare", *V123, "--format", fmt) == ok("compare", *V123, "--format", fmt)


def test_format_follows_the_output_name_and_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "v.json"
    assert run_cli("compare", *V123, "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "revdiff.versions/1"
    assert run_cli("compare", *V123, "--format", "json", "--exit-code").returncode == 1
    same = run_cli("compare", "v1.txt", "v1.txt", "v1.txt", "--format", "json", "--exit-code")
    assert same.returncode == 0, same.stderr.decode()
    assert all(t["verdict"] == "unchanged" for t in json.loads(same.stdout)["tracks"])


@pytest.mark.parametrize(
    ("args", "stdin", "keyword"),
    [
        (("v1.txt",), None, "missing argument"),
        (("-", "v2.txt", "-"), b"x", "standard input"),
        (("v1.txt", "v2.txt", "nope.txt"), None, "nope.txt"),
    ],
)
def test_bad_version_lists_fail_in_one_line(args: tuple[str, ...], stdin: bytes | None, keyword: str) -> None:
    proc = run_cli("compare", *args, "--format", "json", stdin=stdin)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b""
    assert len(err.splitlines()) == 1 and err.startswith("revdiff: error: ") and keyword in err, err


def test_stdin_can_be_one_of_the_versions(report: dict[str, Any]) -> None:
    proc = run_cli("compare", "v1.txt", "-", "v3.txt", "--format", "json", stdin=(VERSIONS / "v2.txt").read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    got = json.loads(proc.stdout)
    assert [t["verdict"] for t in got["tracks"]] == [t["verdict"] for t in report["tracks"]]


def test_a_bundle_in_the_middle_compares_the_same_part_with_both_neighbours() -> None:
    """Draft → the 通知 as published on the web → the official 通知 (both bundles of three)."""
    samples = HERE.parent / "samples"
    names = ("yantai-ip-strategy-draft.txt", "yantai-notice-web.txt", "yantai-notice-official.txt")
    proc = run_cli("compare", *(str(samples / n) for n in names), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    # the web rendition dropped every table and 专栏: said in one line on stderr (issue 15)
    assert proc.stderr.decode().count("\n") == 1 and "没有任何表格" in proc.stderr.decode()
    got = json.loads(proc.stdout)
    strategy = "烟台市“十四五”知识产权强市战略纲要"
    assert got["warnings"] == []
    # …and in both pairs that have it on one side: the draft → web and the web → official
    assert any("定稿没有任何专栏" in w for w in got["pairs"][0]["warnings"])
    assert any("征求意见稿没有任何专栏" in w for w in got["pairs"][1]["warnings"])
    assert got["pairs"][0]["final"]["part"] == got["pairs"][1]["draft"]["part"] == strategy
    assert got["pairs"][1]["final"]["part"] == strategy
    cut = [t for t in got["tracks"] if t["kind"] == "pledge" and t["verdict"] == "cut"]
    assert len(cut) == 12  # every pledge of the draft, none of them back in the official text
    assert all(t["severity"] == "high" for t in cut)


def test_added_then_cut_and_changed_then_back(tmp_path: Path) -> None:
    """A pledge new in V2 and gone in V3 is cut; 50 → 30 → 50 is restored, lowered then raised."""
    head = "关于支持企业创新的若干措施\n一、支持措施\n对认定的高新技术企业，给予最高{n}万元奖励。\n"
    tail = "二、保障措施\n加强组织领导。\n"
    texts = [head.format(n=50) + tail, head.format(n=30) + "对新引进的高层次人才，给予10万元安家补贴。\n" + tail,
             head.format(n=50) + tail]
    paths = []
    for i, text in enumerate(texts, 1):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    got = json.loads(ok("compare", *map(str, paths), "--format", "json"))
    verdicts = {t["subject"]: (t["verdict"], [s["change"] for s in t["steps"]]) for t in got["tracks"]}
    assert verdicts == {
        "高层次人才": ("cut", ["added", "removed"]),
        "高新技术企业": ("restored", ["lowered", "raised"]),
    }
    four = json.loads(ok("compare", *V123, "v1.txt", "--format", "json"))
    t = track(four, "pledge", PLEDGE)
    assert [s["label"] if s["present"] else None for s in t["states"]] == ["每件10万元", None, "每件5万元", "每件10万元"]
    assert t["verdict"] == "restored" and len(four["pairs"]) == 3


def test_settings_file_reaches_every_pair(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('[severity]\ntarget_changed = "low"\n\n[compare]\nformat = "md"\n', encoding="utf-8")
    md = ok("--config", str(config), "compare", *V123).decode()
    assert md.startswith("# 多版本对照报告")
    report = json.loads(ok("--config", str(config), "compare", *V123, "--format", "json"))
    severities = {f["severity"] for pair in report["pairs"] for f in pair["findings"] if f["kind"] == "target_changed"}
    assert severities == {"low"}


# --------------------------------------------------------------------------- the page


def test_html_lists_the_versions_and_the_tracks(html_page: Path) -> None:
    html = html_page.read_text(encoding="utf-8")
    assert html.count('class="doc doc-version"') == 3
    assert 'id="t-t1"' in html and 'id="pair-v2"' in html and 'id="pair-v3"' in html
    assert 'id="v2-sec-s48"' in html and 'id="v3-sec-s48"' in html
    assert 'id="v2-f-f1"' in html and 'id="v3-f-f1"' in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {CHROMIUM} not found")
        pytest.skip(f"{CHROMIUM} not found")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


class Page:
    def __init__(self, browser, path: Path, width: int = 1280, height: int = 1000, hash: str = "") -> None:
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url + hash)
        self.page.wait_for_load_state("load")

    def shown(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "[data-pair-panel]", "els => els.filter(e => e.getClientRects().length > 0).map(e => e.id)"
        )

    def in_viewport(self, selector: str) -> bool:
        return self.page.eval_on_selector(
            selector, "el => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= -1 && r.top < innerHeight; }"
        )

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert [u.split("#")[0] for u in self.requests] == [self.url], self.requests

    def close(self) -> None:
        self.context.close()


def test_pair_switcher_in_a_real_browser(browser, html_page: Path) -> None:
    v = Page(browser, html_page)
    page = v.page
    try:
        assert v.shown() == ["pair-v2"]
        assert page.get_attribute("#tab-v2", "aria-selected") == "true"
        page.click("#tab-v3")
        assert v.shown() == ["pair-v3"]
        assert page.get_attribute("#tab-v3", "aria-selected") == "true"
        assert page.get_attribute("#tab-v2", "aria-selected") == "false"
        page.keyboard.press("ArrowLeft")  # the focused tab list moves back to V1 → V2
        assert v.shown() == ["pair-v2"]
        # The V3 value of the restored pledge links into the V2 → V3 document view.
        page.click("#t-t1 td[data-version='3'] a.val")
        assert page.evaluate("location.hash") == "#v3-sec-s48"
        assert v.shown() == ["pair-v3"] and v.in_viewport("#v3-sec-s48")
        # The V2 "cut" links to the finding of the V1 → V2 revision.
        page.click("#t-t1 td[data-version='2'] a.cutmark")
        assert page.evaluate("location.hash") == "#v2-f-f1"
        assert v.shown() == ["pair-v2"] and v.in_viewport("#v2-f-f1")
        # n / p move among the changed sections of the pair on show only.
        page.keyboard.press("n")
        current = page.evaluate("document.querySelector('.pair.current').id")
        assert current.startswith("v2-sec-")
        v.assert_clean()
    finally:
        v.close()


def test_shared_link_opens_the_right_pair(browser, html_page: Path) -> None:
    v = Page(browser, html_page, hash="#v3-sec-s48")
    try:
        assert v.shown() == ["pair-v3"]
        assert v.page.eval_on_selector("#v3-sec-s48 > details", "d => d.open")
        assert v.in_viewport("#v3-sec-s48")
        v.assert_clean()
    finally:
        v.close()


def test_versions_page_is_photographed(browser, html_page: Path) -> None:
    v = Page(browser, html_page, height=1300)
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        v.page.screenshot(path=str(ARTIFACTS / "versions.png"))
        assert (ARTIFACTS / "versions.png").stat().st_size > 10_000
        phone = Page(browser, html_page, width=390, height=844)
        try:
            assert phone.page.evaluate("document.documentElement.scrollWidth") <= 391
            phone.page.locator("#t-t1").screenshot(path=str(ARTIFACTS / "versions-phone.png"))
            phone.assert_clean()
        finally:
            phone.close()
        v.assert_clean()
    finally:
        v.close()


def test_print_keeps_the_summary_and_the_tracks(browser, html_page: Path) -> None:
    v = Page(browser, html_page)
    try:
        v.page.emulate_media(media="print")
        assert v.page.is_visible("#summary") and v.page.is_visible("#t-t1")
        assert not v.page.is_visible("#pairs") and not v.page.is_visible(".bar")
        assert v.page.pdf(format="A4")[:4] == b"%PDF"
        v.assert_clean()
    finally:
        v.close()
