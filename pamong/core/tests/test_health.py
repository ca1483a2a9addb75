"""/health: database, worker heartbeat and stale jobs; public, and says nothing it should not."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.db.utils import OperationalError, load_backend
from django.utils import timezone

from pamong.core.health import health_check
from pamong.core.models import Job, JobStatus, WorkerHeartbeat

pytestmark = pytest.mark.django_db

ALL_OK = {"status": "ok", "checks": {"database": "ok", "worker": "ok", "stale_jobs": 0}}


def _heartbeat(seconds_ago: float, name: str = "web1:4242") -> WorkerHeartbeat:
    seen = timezone.now() - dt.timedelta(seconds=seconds_ago)
    return WorkerHeartbeat.objects.create(name=name, started_at=seen, last_seen=seen)


def test_all_ok_with_a_fresh_worker_heartbeat(client, django_assert_num_queries):
    _heartbeat(10)

    with django_assert_num_queries(3):
        response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == ALL_OK
    assert "no-store" in response["Cache-Control"]


def test_stale_heartbeat_degrades_but_keeps_200(client):
    _heartbeat(3 * 60)

    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "worker": "stale", "stale_jobs": 0}}


def test_heartbeat_turns_stale_after_two_minutes():
    start = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        WorkerHeartbeat.objects.create(name="web1:1", started_at=start, last_seen=start)
    with time_machine.travel(start + dt.timedelta(seconds=120), tick=False):
        assert health_check().checks["worker"] == "ok"
    with time_machine.travel(start + dt.timedelta(seconds=121), tick=False):
        assert health_check().checks["worker"] == "stale"


def test_newest_of_several_workers_counts():
    _heartbeat(600, name="old:1")
    _heartbeat(5, name="new:2")

    assert health_check().checks["worker"] == "ok"


def test_no_worker_is_missing(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "worker": "missing", "stale_jobs": 0}}


def test_stale_running_jobs_are_counted(client):
    _heartbeat(5)
    old = timezone.now() - dt.timedelta(minutes=30)
    Job.objects.create(kind="people.import", status=JobStatus.RUNNING, heartbeat_at=old)
    Job.objects.create(kind="people.import", status=JobStatus.RUNNING, heartbeat_at=old)
    Job.objects.create(kind="people.import", status=JobStatus.RUNNING, heartbeat_at=timezone.now())
    Job.objects.create(kind="people.import", status=JobStatus.FAILED, heartbeat_at=old)

    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "worker": "ok", "stale_jobs": 2}}


def test_unreachable_database_is_an_error():
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = "/nonexistent-directory/pamong.sqlite3"
    else:
        settings_dict.update(HOST="127.0.0.1", PORT="1")  # nothing listens on port 1
    broken = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias="broken")
    try:
        report = health_check(conn=broken)
    finally:
        broken.close()

    assert report.status == "error"
    assert report.http_status == 503
    assert report.checks == {"database": "error", "worker": "unknown", "stale_jobs": None}


def test_database_failure_answers_503_without_exception_text(client, monkeypatch, caplog, personas):
    secret = 'connection to "db.internal" failed for user pamong: NIP 199512122022212001'

    def broken_cursor(*args, **kwargs):
        raise OperationalError(secret)

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/health")

    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "error", "worker": "unknown", "stale_jobs": None},
    }
    body = response.content.decode()
    for leaked in ("db.internal", "199512122022212001", "OperationalError", "Sri Wahyuni"):
        assert leaked not in body
    # The log says which check failed and the error class, not the message.
    assert "health: database check failed (OperationalError)" in caplog.text
    assert "199512122022212001" not in caplog.text


def test_health_is_public_and_reveals_no_personal_data(client, personas):
    _heartbeat(1)

    response = client.get("/health")

    assert response.status_code == 200  # no redirect to the login page
    assert response.json() == ALL_OK
    body = response.content.decode()
    for name in ("Sri Wahyuni", "Citra Dewi", "ani", "199512122022212001"):
        assert name not in body
