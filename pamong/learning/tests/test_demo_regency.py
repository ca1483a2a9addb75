"""The learning demo on the people app's demo regency: 35 administrators in the first batch."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from pamong.learning import demo
from pamong.learning.models import Enrolment
from pamong.people.demo import transformation_batch_nips

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 28)


def test_the_first_batch_takes_the_35_administrators_of_the_demo_rule(db):
    call_command(
        "demo", "--employees", "300", "--today", TODAY.isoformat(), "--password", "rahasia-demo-123", stdout=StringIO()
    )
    counts = demo.generate(seed=2026, today=TODAY)
    assert counts["participants"] == 35
    enrolled = set(Enrolment.objects.values_list("employee__nip", flat=True))
    assert enrolled == set(transformation_batch_nips())
    assert counts["pre_tests"] == 35
    assert 0 < counts["attendances"] <= 35 * 4
