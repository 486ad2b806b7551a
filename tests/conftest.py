"""Shared fixtures. Real data comes from ../shared (skipped cleanly where it is absent) or is built here."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_181ea02df9ec367e.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (corpus, gold, tools); skips the test where it is absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not here (a user's clone has none; CI always has it)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return SEED


def _tool(shared: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"shared_tools_{name}", shared / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def score(shared: Path) -> ModuleType:
    """../shared/tools/score.py, imported: score(pred, gold_prefix), total(results)."""
    return _tool(shared, "score")


@pytest.fixture(scope="session")
def score_diff(shared: Path) -> ModuleType:
    """../shared/tools/score_diff.py, imported: pairs(...), followthrough(...)."""
    return _tool(shared, "score_diff")


@pytest.fixture(scope="session")
def soffice() -> str:
    """Path of LibreOffice's soffice; skips where it is absent."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        pytest.skip("LibreOffice is not installed")
    return exe


@pytest.fixture(scope="session")
def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        pytest.skip("Chromium is not installed")
    return exe
