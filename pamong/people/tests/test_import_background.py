"""A large import runs in the real django-tasks-db worker and records its outcome on the Job."""

from __future__ import annotations

import signal

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from pamong.core.jobs import job_create
from pamong.core.models import AuditEntry, JobStatus
from pamong.people.importing.synthetic import EMPLOYEE_HEADERS, employee_rows, write_xlsx
from pamong.people.models import Employee
from pamong.people.tasks import IMPORT_JOB_KIND, import_file_task


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def keep_signal_handlers():
    # db_worker installs SIGINT/SIGTERM handlers in pytest's own process; put them back afterwards.
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.mark.django_db(transaction=True)
def test_background_import_runs_in_the_database_worker(personas, tmp_path, database_tasks, keep_signal_handlers):
    units = [(personas.regency.puskesmas.code, personas.regency.puskesmas.name)]
    path = write_xlsx(tmp_path / "besar.xlsx", list(employee_rows(25, units, seed=11)), EMPLOYEE_HEADERS)
    job = job_create(
        kind=IMPORT_JOB_KIND,
        actor=personas.budi,
        total=50,
        params={"path": str(path), "name": "besar.xlsx", "kind": "employees", "mapping": {}},
    )
    before = Employee.objects.count()

    import_file_task.enqueue(job.pk)
    assert DBTaskResult.objects.count() == 1  # queued in the database, not run yet
    assert job.__class__.objects.get(pk=job.pk).status == JobStatus.QUEUED
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.result["created"] == 25
    assert job.progress_done == job.progress_total == 50
    assert Employee.objects.count() == before + 25
    assert Employee.objects.filter(org_unit=personas.regency.puskesmas).count() == 26  # with the nurse
    entry = AuditEntry.objects.get(action="people.employee.imported")
    assert entry.actor_id == personas.budi.pk
    assert not path.exists()  # the upload is removed once imported


@pytest.mark.django_db(transaction=True)
def test_background_import_with_errors_succeeds_as_a_job_and_keeps_the_report(
    personas, tmp_path, database_tasks, keep_signal_handlers
):
    units = [(personas.regency.dindik.code, personas.regency.dindik.name)]  # not Budi's
    path = write_xlsx(tmp_path / "besar.xlsx", list(employee_rows(5, units, seed=12)), EMPLOYEE_HEADERS)
    job = job_create(
        kind=IMPORT_JOB_KIND,
        actor=personas.budi,
        total=10,
        params={"path": str(path), "name": "besar.xlsx", "kind": "employees", "mapping": {}},
    )

    import_file_task.enqueue(job.pk)
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert job.result["error_count"] == 5
    assert [e[:2] for e in job.result["errors"]] == [[r, "unor_id"] for r in range(2, 7)]
    assert (tmp_path / job.result["report"]).is_file()
    assert not Employee.objects.filter(org_unit=personas.regency.dindik).exists()
