"""A measurement is a background job that stores the year's snapshot; re-running it gives the same snapshot."""

import datetime as dt

import pytest

from pamong.core.models import AuditEntry, Job, JobStatus
from pamong.professionalism import services
from pamong.professionalism.models import Measurement, Result

from .conftest import AS_OF, YEAR, add_history

pytestmark = pytest.mark.django_db


def snapshot(measurement):  # type: ignore[no-untyped-def]
    return sorted((r.nip, r.facts, r.outcome(), r.org_unit_id) for r in measurement.results.all())


def test_the_job_stores_each_employees_result_with_the_rule_set(histories):
    job = services.measurement_start(actor=histories.ani, year=YEAR, as_of=AS_OF)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.message
    m = Measurement.objects.get(year=YEAR)
    assert job.result["measurement"] == m.pk
    assert (m.scored, m.incomplete, m.excluded, str(m.mean_total)) == (3, 1, 1, "85.00")
    assert m.rule_set.version == 1
    totals = {r.name: (r.state, r.total, r.category, r.missing) for r in m.results.all()}
    assert totals["Dodi Pratama"] == ("scored", 90, "tinggi", "")
    assert totals["Citra Dewi"] == ("scored", 65, "rendah", "")
    assert totals["Eka Wijaya"] == ("scored", 100, "sangat_tinggi", "")
    assert totals["Sri Wahyuni"] == ("incomplete", None, "incomplete", "predikat_last_year")
    assert totals["Yanto"] == ("excluded", None, "excluded", "")


def test_re_running_with_the_same_inputs_gives_the_same_snapshot(measured):
    first = measured.measurement
    before, ids = snapshot(first), sorted(Result.objects.values_list("id", flat=True))
    again = services.measurement_run(actor=measured.ani, year=YEAR, as_of=AS_OF)
    assert again.pk == first.pk
    assert (again.input_digest, again.result_digest) == (first.input_digest, first.result_digest)
    assert snapshot(again) == before
    assert sorted(Result.objects.values_list("id", flat=True)) == ids  # the stored rows were kept
    entry = AuditEntry.objects.filter(action="ipasn.measurement.run").order_by("-seq").first()
    assert entry.changes["results_replaced"] == [None, False]


def test_a_new_training_changes_the_snapshot_on_re_run(measured):
    add_history(measured.citra_employee, trainings=[("diklat_teknis", dt.date(2026, 10, 1), 8, "")])
    again = services.measurement_run(actor=measured.ani, year=YEAR, as_of=AS_OF)
    assert again.result_digest != measured.measurement.result_digest
    assert again.results.get(nip=measured.citra_employee.nip).total == 80  # 12 + 8 = 20 JP: +15
    assert str(again.mean_total) == "90.00"


def test_a_stored_snapshot_recomputes_exactly_from_its_facts(measured):
    assert services.measurement_verify(measured.measurement) == []
    # The rows read back from the database hash to the digest recorded when they were written.
    assert services.stored_digest(measured.measurement) == measured.measurement.result_digest


def test_a_failing_job_is_recorded_as_failed_without_a_snapshot(histories):
    job = services.measurement_start(actor=histories.ani, year=YEAR, as_of=AS_OF)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, params={"year": YEAR, "as_of": "2025-06-30"})
    from pamong.professionalism.tasks import measure_task

    measure_task.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert Measurement.objects.get(year=YEAR).as_of == AS_OF  # the earlier run stays as it was


def test_gathering_facts_takes_a_fixed_number_of_queries(histories, django_assert_num_queries):
    from pamong.professionalism import ipasn

    with django_assert_num_queries(5):
        gathered = services.gather_facts(as_of=AS_OF, rules=ipasn.DEFAULT_RULES)
    assert len(gathered) == 5
