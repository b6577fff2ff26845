"""Small things a newcomer meets: make test's browser, the page's toolbar, the image's adapter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_test_fails_saying_how_when_chromium_is_missing() -> None:
    done = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "e2e-deps",
            "CHROMIUM=/nonexistent/chromium",
            "CAN_INSTALL=",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "make test needs Chromium at /nonexistent/chromium" in done.stderr
    assert "apt-get install chromium" in done.stderr
    plan = subprocess.run(
        ["make", "-p", "-n", "test"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert any(
        line.startswith("test: ") and "e2e-deps" in line for line in plan.stdout.splitlines()
    )


def test_streamlit_reads_toolbar_mode_minimal() -> None:
    # `streamlit config show` prints the options as the page will see them from the root.
    code = "from streamlit import config; print(config.get_option('client.toolbarMode'))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "minimal", done.stderr[-1000:]


def run_entrypoint(tmp_path: Path, adapter: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ["PATH"],
        "RAGCHAT_LLM__ADAPTER": str(adapter),
        "RAGCHAT_SHIPPED_ADAPTER": str(ROOT / "data/adapters/customer-service"),
    }
    cmd = ["sh", str(ENTRYPOINT), "sh", "-c", 'echo "$RAGCHAT_LLM__ADAPTER"']
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=30)


def test_image_falls_back_to_the_shipped_adapter_on_an_empty_volume(tmp_path: Path) -> None:
    empty = tmp_path / "data/adapters/customer-service"
    done = run_entrypoint(tmp_path, empty)
    assert done.returncode == 0
    assert done.stdout.strip() == str(ROOT / "data/adapters/customer-service")
    assert f"no adapter at {empty}" in done.stderr
    assert (Path(done.stdout.strip()) / "adapter_config.json").is_file()


def test_image_keeps_an_adapter_the_volume_has(tmp_path: Path) -> None:
    trained = tmp_path / "data/adapters/customer-service"
    trained.mkdir(parents=True)
    (trained / "adapter_config.json").write_text("{}")
    done = run_entrypoint(tmp_path, trained)
    assert done.stdout.strip() == str(trained) and not done.stderr


def test_dockerfile_uses_the_entrypoint() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["/app/docker/entrypoint.sh"]' in text
    assert os.access(ENTRYPOINT, os.X_OK)
