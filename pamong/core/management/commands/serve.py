"""``pamong serve``: the web server and a worker together, for ``make run``."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

log = logging.getLogger(__name__)

STOP_TIMEOUT = 15.0


class _Stop(Exception):
    """A signal asked us to stop."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop(signal.Signals(signum).name)


def _stop(proc: subprocess.Popen, timeout: float = STOP_TIMEOUT) -> int:
    """SIGTERM, wait, then SIGKILL: the worker finishes its current task if it can."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


class Command(BaseCommand):
    help = (
        "Run the web server and a background worker for development (`make run`). With PAMONG_DEBUG=1 "
        "the server is Django's runserver; otherwise gunicorn (run `pamong collectstatic` first). "
        "Production runs them as separate services: see docs/OPERATIONS.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args: Any, port: int, host: str, **options: Any) -> None:
        pamong = [sys.executable, "-m", "pamong"]
        if settings.DEBUG:
            server_argv = [*pamong, "runserver", f"{host}:{port}", "--noreload"]
        else:
            bind = f"{host}:{port}"
            server_argv = [sys.executable, "-m", "gunicorn", "pamong.wsgi", "-w", "2", "--threads", "4", "-b", bind]

        # Children get their own session so a terminal's Ctrl-C reaches only us, and
        # each child is then stopped exactly once (a second SIGINT would make db_worker
        # abandon its current task).
        previous = {sig: signal.signal(sig, _raise_stop) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
        worker: subprocess.Popen | None = None
        server: subprocess.Popen | None = None
        failed = ""
        try:
            worker = subprocess.Popen([*pamong, "worker"], cwd=settings.BASE_DIR, start_new_session=True)
            server = subprocess.Popen(server_argv, cwd=settings.BASE_DIR, start_new_session=True)
            self.stdout.write(
                f"pamong is running at http://{host}:{port}/ "
                f"(server pid {server.pid}, worker pid {worker.pid}). Press Ctrl-C to stop."
            )
            self.stdout.flush()
            while True:
                if server.poll() is not None:
                    failed = f"the web server exited with status {server.returncode}"
                    break
                if worker.poll() is not None:
                    failed = f"the worker exited with status {worker.returncode}"
                    break
                time.sleep(0.5)
        except _Stop as stop:
            self.stdout.write(f"{stop}: stopping the web server and the worker …")
        finally:
            # A second Ctrl-C must not interrupt the stopping; the SIGKILL timeout bounds it.
            for sig in previous:
                signal.signal(sig, signal.SIG_IGN)
            for proc in (server, worker):
                if proc is not None:
                    _stop(proc)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if failed:
            log.error("serve: %s", failed)
            raise CommandError(f"{failed}; stopped the rest.")
        self.stdout.write("Stopped.")
