"""pamong serve (`make run`): web server and worker come up together and go down together."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings


def _free_port() -> int | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    except OSError:
        return None


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _health(port: int) -> dict | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
            return json.loads(response.read())
    except (OSError, urllib.error.URLError, ValueError):
        return None


PORT = _free_port()


@pytest.mark.skipif(PORT is None, reason="cannot bind a TCP socket on 127.0.0.1 here")
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see whether child processes exited")
def test_serve_runs_server_and_worker_and_stops_both_on_sigterm(tmp_path):
    # test_settings put PAMONG_TASK_BACKEND=immediate into os.environ; the worker needs the database backend.
    env = {
        **{k: v for k, v in os.environ.items() if k != "PAMONG_TASK_BACKEND"},
        # pytest runs with pamong.test_settings (immediate tasks); serve must use the real settings.
        "DJANGO_SETTINGS_MODULE": "pamong.settings",
        "PAMONG_DEBUG": "1",
        "PAMONG_DATA_DIR": str(tmp_path),
        "PAMONG_DATABASE_URL": f"sqlite:///{tmp_path / 'pamong.sqlite3'}",
        "PYTHONUNBUFFERED": "1",
    }
    pamong = [sys.executable, "-m", "pamong"]
    subprocess.run([*pamong, "migrate", "-v0"], cwd=settings.BASE_DIR, env=env, check=True, timeout=120)
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        serve = subprocess.Popen(
            [*pamong, "serve", "--port", str(PORT)],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    children: list[int] = []
    try:
        deadline = time.monotonic() + 30
        report = None
        while time.monotonic() < deadline and serve.poll() is None:
            report = _health(PORT)
            if report and report["status"] == "ok":
                break
            time.sleep(0.3)
        output = log.read_text()
        assert report == {"status": "ok", "checks": {"database": "ok", "worker": "ok", "stale_jobs": 0}}, output
        assert f"pamong is running at http://127.0.0.1:{PORT}/" in output
        match = re.search(r"server pid (\d+), worker pid (\d+)", output)
        assert match, output
        children = [int(match[1]), int(match[2])]
        assert all(_alive(pid) for pid in children)

        serve.send_signal(signal.SIGTERM)
        assert serve.wait(30) == 0
        output = log.read_text()
        assert "Stopped." in output
        assert not any(_alive(pid) for pid in children), output
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
