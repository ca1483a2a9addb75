"""The batch report as PDF (read back with pdftotext) and XLSX, scoped to the reader."""

import io
import subprocess

import openpyxl
import pytest

from pamong.conftest import make_employee
from pamong.learning import services
from pamong.learning.models import BatchStatus
from pamong.people.models import Position, PositionType

from .helpers import attend_all, batch, correct_answers, enrol, programme, question_bank

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(personas):
    """Dodi (Dinas Kesehatan): attends, pre 50 → post 100. Another administrator at Dinas Pendidikan: absent."""
    prog = programme(personas)
    question_bank(personas, prog, n=2)
    b = batch(personas, prog, status=BatchStatus.RUNNING)
    for what in ("pre", "post"):
        services.batch_toggle(actor=personas.gita, batch=b, what=what, open_=True)
    dodi = enrol(personas, b)
    post = Position.objects.create(
        name="Kabid SD", position_type=PositionType.ADMINISTRATOR, org_unit=personas.regency.dindik_bidang
    )
    enrol(
        personas,
        b,
        make_employee(personas.regency.dindik_bidang, name="Wati Lestari", nip="198101012006042001", position=post),
    )
    attend_all(personas, dodi)
    dodi.batch.refresh_from_db()
    pre = services.attempt_start(actor=personas.dodi, enrolment=dodi, kind="pre")
    services.attempt_submit(actor=personas.dodi, attempt=pre, answers=correct_answers(pre, 1))
    post_attempt = services.attempt_start(actor=personas.dodi, enrolment=dodi, kind="post")
    services.attempt_submit(actor=personas.dodi, attempt=post_attempt, answers=correct_answers(post_attempt))
    services.batch_close(actor=personas.ani, batch=b)
    return b


def _text(pdf: bytes) -> str:
    return " ".join(
        subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split()
    )


def test_the_pdf_report_shows_participants_attendance_scores_gain_and_completion(personas, login, reported):
    response = login(personas.ani).get(f"/learning/batches/{reported.pk}/report.pdf")
    text = _text(response.content)
    assert "LAPORAN PELAKSANAAN Program Transformasi Personal Angkatan 1" in text
    assert "Dodi Pratama" in text and "Wati Lestari" in text
    assert "2/2 50,00 100,00 1,000 Tinggi" in text
    assert "Rata-rata pre-test 50,00" in text
    assert "Kehadiran: 0 dari 2 sesi yang disyaratkan." in text
    assert "Ringkasan tidak ditampilkan: baru 0 responden" in text


def test_the_xlsx_report_has_summary_participants_matrix_and_feedback(personas, login, reported):
    response = login(personas.eka).get(f"/learning/batches/{reported.pk}/report.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["ringkasan", "peserta", "presensi", "umpan-balik"]
    participants = list(book["peserta"].iter_rows(values_only=True))
    assert participants[1][1:3] == ("198005102005011003", "Dodi Pratama")
    assert participants[1][5:11] == (2, 50, 100, 1, "belum", "lulus")
    matrix = list(book["presensi"].iter_rows(values_only=True))
    assert matrix[1][2:] == (1, 1, 2)
    summary = dict(book["ringkasan"].iter_rows(values_only=True))
    assert (summary["peserta"], summary["lulus"], summary["gain_angkatan"]) == (2, 1, 1)


def test_a_unit_leader_sees_only_their_units_participants_in_the_report(personas, login, reported):
    text = _text(login(personas.fajar).get(f"/learning/batches/{reported.pk}/report.pdf").content)
    assert "Wati Lestari" in text and "Dodi Pratama" not in text


def test_the_reports_carry_the_feedback_summary_from_three_answers(personas, login):
    b = batch(personas, status=BatchStatus.RUNNING)
    services.batch_toggle(actor=personas.gita, batch=b, what="feedback", open_=True)
    people = [enrol(personas, b)]
    for i in range(2):
        post = Position.objects.create(
            name=f"Kabid {i}", position_type=PositionType.ADMINISTRATOR, org_unit=personas.regency.dinkes
        )
        people.append(
            enrol(
                personas,
                b,
                make_employee(personas.regency.dinkes, name=f"P{i}", nip=f"19810101200604100{i + 1}", position=post),
            )
        )
    for e, score in zip(people, (5, 4, 3), strict=True):
        ratings = {"content": score, "facilitators": 4, "organisation": 4, "relevance": 5}
        services.feedback_submit(actor=personas.ani, enrolment=e, ratings=ratings, comments=f"komentar {score}")
    client = login(personas.ani)
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"/learning/batches/{b.pk}/report.xlsx").content))
    rows = dict(book["umpan-balik"].iter_rows(values_only=True))
    assert (rows["jumlah_responden"], rows["Materi"], rows["Relevansi dengan pekerjaan"]) == (3, 4, 5)
    text = _text(client.get(f"/learning/batches/{b.pk}/report.pdf").content)
    assert "Materi 4,00" in text and "komentar 3" in text
