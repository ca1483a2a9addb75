"""Importing a year's structure and targets from the planning system's XLSX export: map, check, all or nothing."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse

from pamong.core.models import AuditEntry
from pamong.monitoring import importing
from pamong.monitoring.models import Indicator, PlanItem

from .factories import FAKE_EXE, upload

SIPD_HEADERS = [
    "Kode Rekening",
    "Uraian",
    "Indikator Kinerja",
    "Satuan",
    "Target Kinerja",
    "Target TW I",
    "Arah",
    "Kumulatif",
    "Target Renstra",
    "Pagu Indikatif",
    "NIP PJ",
]
NIP_DODI = "198005102005011003"


def xlsx(headers, rows, title_rows=0) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Renja")
    for r in range(title_rows):
        sheet.write(r, 0, "RENCANA KERJA PERANGKAT DAERAH")
    for c, header in enumerate(headers):
        sheet.write(title_rows, c, header)
    for r, row in enumerate(rows, start=title_rows + 1):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, int | float):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, value)
    book.close()
    return buffer.getvalue()


GOOD_ROWS = [
    [
        "1.02.02",
        "Program Pemenuhan Upaya Kesehatan",
        "Persentase puskesmas terakreditasi",
        "%",
        80,
        None,
        "naik",
        "tidak",
        100,
        None,
        NIP_DODI,
    ],
    [
        "1.02.02.2.02",
        "Penyediaan Layanan Kesehatan",
        "Jumlah layanan kesehatan",
        "layanan",
        1200,
        300,
        "naik",
        "ya",
        None,
        None,
        None,
    ],
    [
        "1.02.02.2.02.0001",
        "Pengelolaan Pelayanan Kesehatan Dasar",
        "Jumlah dokumen perencanaan",
        "dokumen",
        100,
        25,
        "naik",
        "ya",
        500,
        500000000,
        None,
    ],
    [None, None, "Angka kematian ibu", "per 100.000 KH", "85,5", None, "turun", "tidak", None, None, None],
]


def start_import(client, personas, content, *, opd=None, year=2026):
    response = client.post(
        reverse("monev_import"),
        {"opd": (opd or personas.regency.dinkes).pk, "year": year, "file": upload("renja.xlsx", content)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def guessed(mapping_page) -> dict:
    """The mapping form's pre-selected header for each column, as a POST body."""
    form = mapping_page.context["form"]
    return {name: form.initial.get(name, "") for name in form.fields}


def test_a_planning_system_export_creates_the_tree_and_targets(personas, login):
    client = login(personas.budi)
    url = start_import(client, personas, xlsx(SIPD_HEADERS, GOOD_ROWS, title_rows=2))
    page = client.get(url)
    body = guessed(page)
    assert (body["kode"], body["nama"], body["target"], body["pagu"], body["nip_penanggung_jawab"]) == (
        "Kode Rekening",
        "Uraian",
        "Target Kinerja",
        "Pagu Indikatif",
        "NIP PJ",
    )
    response = client.post(url, body)
    assert response.status_code == 302
    items = {i.code: i for i in PlanItem.objects.filter(opd=personas.regency.dinkes, year=2026)}
    assert [(c, i.level) for c, i in sorted(items.items())] == [
        ("1.02.02", "program"),
        ("1.02.02.2.02", "kegiatan"),
        ("1.02.02.2.02.0001", "sub_kegiatan"),
    ]
    sub = items["1.02.02.2.02.0001"]
    assert (sub.parent.code, sub.pagu) == ("1.02.02.2.02", Decimal(500_000_000))
    assert items["1.02.02"].responsible_official == personas.dodi_employee
    mortality = Indicator.objects.get(name="Angka kematian ibu")
    assert (mortality.plan_item, mortality.direction, mortality.cumulative, mortality.target) == (
        sub,
        "lower",
        False,
        Decimal("85.5"),
    )
    outcome = Indicator.objects.get(name="Persentase puskesmas terakreditasi")
    assert (outcome.cumulative, outcome.renstra_target) == (False, Decimal(100))
    assert Indicator.objects.get(name="Jumlah layanan kesehatan").target_q1 == Decimal(300)
    entry = AuditEntry.objects.get(action="monev.renja.imported")
    assert (entry.changes["items_created"], entry.changes["indicators_created"], entry.source) == (3, 4, "import")


def test_headers_the_system_does_not_know_are_mapped_by_hand(personas, login):
    client = login(personas.budi)
    headers = ["Nomor", "Nama Program/Kegiatan", "Sasaran", "Ukuran", "Angka Target", "Dana"]
    rows = [["1.02.02", "Program Pemenuhan Upaya Kesehatan", "Persentase puskesmas terakreditasi", "%", 80, None]]
    url = start_import(client, personas, xlsx(headers, rows))
    assert guessed(client.get(url))["kode"] == ""
    response = client.post(
        url,
        {
            "kode": "Nomor",
            "nama": "Nama Program/Kegiatan",
            "indikator": "Sasaran",
            "satuan": "Ukuran",
            "target": "Angka Target",
        },
    )
    assert response.status_code == 302
    assert Indicator.objects.get().name == "Persentase puskesmas terakreditasi"


def test_a_file_with_bad_rows_writes_nothing_and_names_each_row_and_column(personas, login):
    client = login(personas.budi)
    rows = [
        [
            "1.02.02",
            "Program Pemenuhan Upaya Kesehatan",
            "Persentase puskesmas terakreditasi",
            "%",
            "delapan puluh",
            None,
            "naik",
            "tidak",
            None,
            None,
            None,
        ],
        [
            "1.02.02.2.02",
            "Penyediaan Layanan Kesehatan",
            "Jumlah layanan",
            "layanan",
            10,
            None,
            "menyamping",
            "ya",
            None,
            None,
            None,
        ],
        ["1.02.02.2.02.0001", "Pengelolaan", "Jumlah dokumen", "dokumen", 100, None, "naik", "ya", None, None, None],
        ["1.02.02.9", "Kode aneh", None, None, None, None, None, None, None, None, None],
    ]
    url = start_import(client, personas, xlsx(SIPD_HEADERS, rows))
    page = client.post(url, guessed(client.get(url)))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Baris 2, kolom Target Kinerja: &#x27;delapan puluh&#x27; bukan angka." in html
    assert "Baris 3, kolom Arah: Arah &#x27;menyamping&#x27; tidak dikenal; isi naik atau turun." in html
    assert (
        "Baris 5, kolom Kode Rekening: Kode 1.02.02.9 bukan kode program (3 bagian), kegiatan (5) atau sub kegiatan (6)."
        in html
    )
    assert "tidak ada yang disimpan" in html
    assert not PlanItem.objects.exists() and not Indicator.objects.exists()


def test_rules_checked_against_the_database_also_leave_nothing_written(personas, login):
    client = login(personas.budi)
    rows = [
        [
            "1.02.02",
            "Program",
            "Indikator",
            "%",
            80,
            None,
            None,
            None,
            None,
            None,
            "199203152019032004",
        ],  # citra: Dinas Pendidikan
        ["1.02.02.2.02.0001", "Sub tanpa kegiatan", "Dokumen", "dokumen", 1, None, None, None, None, 100, None],
        ["1.02.02.2.03.0001", "Sub tanpa pagu", "Dokumen", "dokumen", 1, None, None, None, None, None, None],
    ]
    url = start_import(client, personas, xlsx(SIPD_HEADERS, rows))
    html = client.post(url, guessed(client.get(url))).content.decode()
    assert "Baris 2, kolom NIP PJ: NIP 199203152019032004 bukan pegawai aktif Dinas Kesehatan." in html
    assert "Baris 3, kolom Kode Rekening: Induk kegiatan untuk kode 1.02.02.2.02.0001 tidak ada" in html
    assert not PlanItem.objects.exists()


def test_importing_again_updates_targets_by_code_and_indicator_name(personas, login):
    client = login(personas.budi)
    url = start_import(client, personas, xlsx(SIPD_HEADERS, GOOD_ROWS))
    client.post(url, guessed(client.get(url)))
    changed = [list(r) for r in GOOD_ROWS]
    changed[2][4] = 120
    url = start_import(client, personas, xlsx(SIPD_HEADERS, changed))
    client.post(url, guessed(client.get(url)))
    assert PlanItem.objects.count() == 3
    assert Indicator.objects.get(name="Jumlah dokumen perencanaan").target == Decimal(120)
    second = AuditEntry.objects.filter(action="monev.renja.imported").order_by("-seq").first()
    assert (second.changes["items_updated"], second.changes["indicators_updated"]) == (3, 4)


def test_an_exe_named_xlsx_and_another_opd_are_refused_at_upload(personas, login):
    client = login(personas.budi)
    page = client.post(
        reverse("monev_import"),
        {"opd": personas.regency.dinkes.pk, "year": 2026, "file": upload("renja.xlsx", FAKE_EXE)},
    )
    assert "Berkas ini bukan XLSX." in page.content.decode()
    page = client.post(
        reverse("monev_import"),
        {"opd": personas.regency.dindik.pk, "year": 2026, "file": upload("renja.xlsx", xlsx(SIPD_HEADERS, GOOD_ROWS))},
    )
    assert page.status_code == 200 and "opd" in page.context["form"].errors


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.500.000,50", Decimal("1500000.50")),
        ("1500000.5", Decimal("1500000.5")),
        ("85,5", Decimal("85.5")),
        ("Rp 2.000.000", Decimal(2000000)),
        ("", None),
    ],
)
def test_numbers_are_read_the_indonesian_way_and_the_spreadsheet_way(text, value):
    assert importing.parse_number(text) == value
