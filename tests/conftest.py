"""Shared paths and loaders for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


def load_accuracy() -> ModuleType:
    """benchmarks/accuracy.py (not a package): its scorer and expectation matcher."""
    if "accuracy" in sys.modules:
        return sys.modules["accuracy"]
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module
