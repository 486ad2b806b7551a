"""Helpers for tests that open what reportkit writes the way a user would: LibreOffice and Chromium."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


def convert(soffice: str, src: Path, fmt: str, outdir: Path) -> Path:
    """Convert ``src`` with LibreOffice (``fmt`` like "pdf" or "xlsx"); formulas are recalculated on load."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", fmt, "--outdir", str(outdir), str(src)],
            check=True, capture_output=True, timeout=180,
        )
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not convert {src}"
    return out


def pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


def screenshot(chromium: str, html: Path, png: Path, *, width: int = 1280, height: int = 900) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--window-size={width},{height}",
             f"--screenshot={png}", html.resolve().as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    return png
