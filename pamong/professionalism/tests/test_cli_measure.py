"""``pamong ipasn measure`` stores the year's snapshot; ``pamong ipasn verify`` recomputes it with its rules."""

import io

import pytest
from django.core.management import CommandError, call_command

from pamong.core.models import AuditEntry, Source
from pamong.professionalism.models import Measurement, Result

pytestmark = pytest.mark.django_db


def run(*args):  # type: ignore[no-untyped-def]
    out = io.StringIO()
    call_command("ipasn", *args, stdout=out)
    return out.getvalue()


def test_measure_then_verify_from_the_command_line(histories):
    message = run("measure", "--year", "2026", "--as-of", "2026-12-31", "--actor", "ani")
    assert "IP ASN 2026 per 2026-12-31: 3 diukur, rata-rata 85,00; 1 data tidak lengkap; 1 tidak diukur." in message
    entry = AuditEntry.objects.get(action="ipasn.measurement.run")
    assert (entry.source, entry.actor_id) == (Source.CLI, histories.ani.pk)
    assert "semua hasil sama" in run("verify", "--year", "2026")


def test_verify_names_a_result_that_no_longer_matches(measured):
    Result.objects.filter(nip=measured.dodi_employee.nip).update(total=91)
    with pytest.raises(CommandError, match="1 hasil berbeda"):
        run("verify", "--year", "2026")


def test_a_date_outside_the_year_is_refused(histories):
    with pytest.raises(CommandError, match="dalam tahun yang diukur"):
        run("measure", "--year", "2026", "--as-of", "2025-12-31")
    assert not Measurement.objects.exists()
