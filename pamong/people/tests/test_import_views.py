"""The import pages: who may use them, upload → (mapping) → result or report, template and report downloads."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from pamong.core.models import Job
from pamong.people.importing.synthetic import EMPLOYEE_HEADERS, employee_row, write_xlsx
from pamong.people.models import Employee
from pamong.people.nip import build_nip

NIP_A = build_nip(birth_date=dt.date(1990, 5, 17), start=dt.date(2015, 3, 1), sex="P", serial=1)
NIP_B = build_nip(birth_date=dt.date(1985, 1, 2), start=dt.date(2010, 12, 1), sex="L", serial=7)
UPLOAD = reverse("import_upload")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, path, kind="employees", **extra):
    with open(path, "rb") as handle:
        return client.post(UPLOAD, {"kind": kind, "file": handle, **extra})


def assert_csp_clean(response):
    html = response.content.decode()
    assert " style=" not in html
    assert "<script>" not in html


def two_rows(regency, **overrides):
    bidang = (regency.dinkes_bidang.code, regency.dinkes_bidang.name)
    return [
        employee_row(NIP_A, unit=bidang, name="Rina Lestari"),
        employee_row(NIP_B, unit=bidang, name="Agus Setiawan", **overrides),
    ]


@pytest.mark.parametrize("who", ["ani", "budi"])
def test_people_writers_see_the_upload_page_with_template_links(personas, login, who):
    response = login(getattr(personas, who)).get(UPLOAD)

    assert response.status_code == 200
    assert reverse("import_template", args=["employees"]) in response.content.decode()
    assert reverse("import_template", args=["performance"]) in response.content.decode()
    assert_csp_clean(response)


@pytest.mark.parametrize("who", ["citra", "eka", "fajar", "gita"])
def test_readers_and_plain_employees_get_404_on_every_import_page(personas, login, who, tmp_path):
    client = login(getattr(personas, who))
    path = write_xlsx(tmp_path / "a.xlsx", two_rows(personas.regency), EMPLOYEE_HEADERS)

    assert client.get(UPLOAD).status_code == 404
    assert upload(client, path).status_code == 404
    assert client.get(reverse("import_template", args=["employees"])).status_code == 404
    assert Employee.objects.filter(nip=NIP_A).count() == 0


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(UPLOAD)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_template_has_a_text_nip_column_notes_and_a_guide_sheet(personas, login):
    response = login(personas.ani).get(reverse("import_template", args=["employees"]))

    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["data", "petunjuk"]
    data = book["data"]
    headers = [c.value for c in data[1]]
    assert headers == list(EMPLOYEE_HEADERS)
    assert data.column_dimensions["A"].number_format == "@"
    assert "teks" in data["A1"].comment.text.lower()
    guide = [row[0] for row in book["petunjuk"].iter_rows(values_only=True)]
    assert "nip_baru" in guide and "unor_nama" in guide


def test_unknown_template_kind_is_404(personas, login):
    assert login(personas.ani).get("/people/import/template/nope.xlsx").status_code == 404


def test_a_valid_upload_shows_the_counts_and_removes_the_uploaded_file(personas, login, tmp_path, media):
    client = login(personas.ani)
    path = write_xlsx(tmp_path / "pegawai.xlsx", two_rows(personas.regency), EMPLOYEE_HEADERS)

    response = upload(client, path)
    assert response.status_code == 302
    page = client.get(response["Location"])

    assert page.status_code == 200
    html = page.content.decode()
    assert "berhasil diimpor" in html
    assert "2 baru" in html
    assert Employee.objects.get(nip=NIP_A).name == "Rina Lestari"
    assert [p.name for p in (media / "imports").iterdir()] == []
    assert_csp_clean(page)


def test_a_file_with_an_error_is_rejected_whole_and_the_report_names_row_and_column(personas, login, tmp_path):
    client = login(personas.ani)
    rows = two_rows(personas.regency, tanggal_lahir="31-02-1985")
    path = write_xlsx(tmp_path / "pegawai.xlsx", rows, EMPLOYEE_HEADERS)
    before = Employee.objects.count()

    page = client.get(upload(client, path)["Location"])

    html = page.content.decode()
    assert "ditolak" in html
    assert "<td>3</td><td><code>tanggal_lahir</code></td>" in html
    assert "31-02-1985" in html
    assert Employee.objects.count() == before
    report_url = page.context["report_url"]
    report = client.get(report_url)
    assert report.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(report.streaming_content)))
    data = list(book["data"].iter_rows(values_only=True))
    assert data[0][-2:] == ("baris_asal", "kesalahan")
    assert data[1][-1] is None  # row 2 was fine
    assert data[2][0] == NIP_B
    assert data[2][-2] == 3
    assert "tanggal_lahir" in data[2][-1] and "31-02-1985" in data[2][-1]
    assert list(book["kesalahan"].iter_rows(values_only=True))[1][:2] == (3, "tanggal_lahir")


def test_operator_import_into_another_opd_is_rejected_naming_the_row(personas, login, tmp_path):
    client = login(personas.budi)
    rows = two_rows(personas.regency)
    rows[1]["unor_id"], rows[1]["unor_nama"] = personas.regency.dindik.code, personas.regency.dindik.name
    path = write_xlsx(tmp_path / "pegawai.xlsx", rows, EMPLOYEE_HEADERS)

    page = client.get(upload(client, path)["Location"])

    html = page.content.decode()
    assert "<td>3</td><td><code>unor_id</code></td>" in html
    assert "tidak berwenang" in html and "Dinas Pendidikan" in html
    assert not Employee.objects.filter(nip__in=[NIP_A, NIP_B]).exists()


def test_operator_imports_into_their_own_subtree(personas, login, tmp_path):
    client = login(personas.budi)
    path = write_xlsx(tmp_path / "pegawai.xlsx", two_rows(personas.regency), EMPLOYEE_HEADERS)

    page = client.get(upload(client, path)["Location"])

    assert "berhasil diimpor" in page.content.decode()
    assert Employee.objects.filter(nip__in=[NIP_A, NIP_B], org_unit=personas.regency.dinkes_bidang).count() == 2


def test_a_file_that_is_not_xlsx_or_csv_is_refused_by_the_form(personas, login, tmp_path):
    path = tmp_path / "pegawai.pdf"
    path.write_bytes(b"%PDF-1.4")

    response = upload(login(personas.ani), path)

    assert response.status_code == 200
    assert "bukan XLSX atau CSV" in response.content.decode()


def test_an_upload_over_the_size_limit_is_refused(personas, login, tmp_path, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    path = write_xlsx(tmp_path / "pegawai.xlsx", two_rows(personas.regency), EMPLOYEE_HEADERS)

    response = upload(login(personas.ani), path)

    assert response.status_code == 200
    assert "melebihi batas" in response.content.decode()
    assert not Employee.objects.filter(nip=NIP_A).exists()


def test_custom_headers_go_through_the_mapping_step(personas, login, tmp_path):
    client = login(personas.ani)
    headers = ["NIP Pegawai", "Nama Lengkap", "Status", "Kode OPD"]
    rows = [
        {
            "NIP Pegawai": NIP_A,
            "Nama Lengkap": "Rina Lestari",
            "Status": "PNS",
            "Kode OPD": personas.regency.dinkes.code,
        }
    ]
    path = write_xlsx(tmp_path / "daftar.xlsx", rows, headers, text_columns=("NIP Pegawai",))

    response = upload(client, path)
    assert "/mapping/" in response["Location"]
    form_page = client.get(response["Location"])
    assert form_page.status_code == 200
    assert '<option value="NIP Pegawai">' in form_page.content.decode()
    assert_csp_clean(form_page)

    incomplete = client.post(response["Location"], {"nip_baru": "NIP Pegawai"})
    assert incomplete.status_code == 200
    assert "wajib dipetakan" in incomplete.content.decode()

    done = client.post(
        response["Location"],
        {"nip_baru": "NIP Pegawai", "nama": "Nama Lengkap", "jenis_pegawai_nama": "Status", "unor_id": "Kode OPD"},
    )
    page = client.get(done["Location"])
    assert "berhasil diimpor" in page.content.decode()
    assert Employee.objects.get(nip=NIP_A).org_unit == personas.regency.dinkes


def test_another_session_cannot_see_an_import_result(personas, login, tmp_path, client):
    path = write_xlsx(tmp_path / "pegawai.xlsx", two_rows(personas.regency), EMPLOYEE_HEADERS)
    location = upload(login(personas.ani), path)["Location"]
    client.logout()

    assert login(personas.budi).get(location).status_code == 404


def test_a_large_file_runs_as_a_background_job_whose_page_shows_the_result(personas, login, tmp_path, settings):
    settings.IMPORT_BACKGROUND_ROWS = 1  # two rows: background (the test backend runs the task at once)
    client = login(personas.ani)
    path = write_xlsx(tmp_path / "pegawai.xlsx", two_rows(personas.regency), EMPLOYEE_HEADERS)

    response = upload(client, path)

    job = Job.objects.get()
    assert response["Location"] == reverse("import_job", args=[job.pk])
    assert (job.kind, job.status, job.created_by) == ("people.import", "succeeded", personas.ani)
    assert job.result["created"] == 2
    page = client.get(response["Location"])
    assert "berhasil diimpor" in page.content.decode()
    partial = client.get(response["Location"], headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert "<html" not in partial.content.decode()
    assert 'id="import-job"' in partial.content.decode()
    assert "hx-trigger" not in partial.content.decode()  # finished: polling stops
    assert_csp_clean(page)


def test_a_running_job_page_polls_itself(personas, login):
    job = Job.objects.create(
        kind="people.import",
        created_by=personas.ani,
        status="running",
        progress_done=50,
        progress_total=200,
        params={"name": "besar.xlsx", "kind": "employees"},
    )

    page = login(personas.ani).get(reverse("import_job", args=[job.pk]))

    html = page.content.decode()
    assert 'hx-trigger="every 1s"' in html
    assert 'data-width="25"' in html
    assert "besar.xlsx" in html


def test_someone_elses_import_job_is_404(personas, login):
    job = Job.objects.create(kind="people.import", created_by=personas.ani, params={"name": "x.xlsx"})

    assert login(personas.budi).get(reverse("import_job", args=[job.pk])).status_code == 404
    assert login(personas.budi).get(reverse("import_job_report", args=[job.pk])).status_code == 404


def _import_job_for_ani(p):
    return [Job.objects.create(kind="people.import", created_by=p.ani, params={"name": "x.xlsx"}).pk]


# The rules these routes need in the route-wide access matrix (pamong/tests/test_route_access.py).
# Session-bound pages (mapping, result, report) are 404 for a token that is not in the caller's own
# session, which is every persona here; their allowed paths are tested above.
IMPORT_ROUTES = {
    "import_upload": ({"ani", "budi"}, lambda p: []),
    "import_template": ({"ani", "budi"}, lambda p: ["employees"]),
    "import_mapping": (set(), lambda p: ["0" * 32]),
    "import_result": (set(), lambda p: ["0" * 32]),
    "import_report": (set(), lambda p: ["0" * 32]),
    "import_job": ({"ani"}, _import_job_for_ani),
    "import_job_report": (set(), _import_job_for_ani),  # no report file: 404 even for its owner
}


@pytest.mark.parametrize("name", sorted(IMPORT_ROUTES))
def test_each_import_route_answers_every_persona_as_declared(name, personas, client):
    allowed, args = IMPORT_ROUTES[name]
    url = reverse(name, args=args(personas))
    results = {}
    for persona in ("anonymous", "ani", "budi", "citra", "dodi", "eka", "fajar", "gita"):
        client.logout()
        if persona != "anonymous":
            client.force_login(
                getattr(personas, persona), backend="allauth.account.auth_backends.AuthenticationBackend"
            )
        results[persona] = client.get(url).status_code
    expected = {p: 302 if p == "anonymous" else 200 if p in allowed else 404 for p in results}
    assert results == expected


def test_old_uploads_and_reports_are_purged(media):
    import os
    import time

    from pamong.people.importing.service import import_folder, purge_import_files

    old, fresh = import_folder() / "old-laporan.xlsx", import_folder() / "fresh.xlsx"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))

    assert purge_import_files() == 1
    assert [p.name for p in import_folder().iterdir()] == ["fresh.xlsx"]
