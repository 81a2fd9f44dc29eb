"""Golden outlines of the samples (refresh: ``python tests/golden/refresh.py``) and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import SAMPLES
from .golden.refresh import HERE, golden

NAMES = sorted(p.name for p in SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_outline_matches_golden(name: str) -> None:
    expected = (HERE / (name.removesuffix(".txt") + ".outline.json")).read_text(encoding="utf-8")
    assert golden(name) == expected, "outline changed: check it, then run python tests/golden/refresh.py"


def test_outline_cli_json_and_text() -> None:
    path = str(SAMPLES / "yantai-notice-official.txt")
    proc = subprocess.run([sys.executable, "-m", "revdiff", "outline", path, "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    data = json.loads(proc.stdout)
    assert data["schema"] == "revdiff.outline/1"
    assert [p["kind"] for p in data["parts"]] == ["notice", "document", "document", "document"]
    text = subprocess.run([sys.executable, "-m", "revdiff", "outline", path], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    assert "▦" in text and "▣ 专栏1" in text  # table and box marks
    assert "[document] 烟台市“十四五”知识产权强市战略纲要" in text
