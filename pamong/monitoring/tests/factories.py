"""Building monev data for tests (plain functions, so routes.py can use them too)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# The smallest valid PDF: what a scanner's "save as PDF" produces, minus the scan.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n166\n%%EOF\n"
)
# A Windows executable begins with "MZ", whatever its name says.
FAKE_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@dataclass
class Plan:
    programme: object
    activity: object
    sub_activity: object
    outcome: object
    output: object
    dindik_programme: object
    dindik_outcome: object


def build_plan(p, *, year: int = 2026) -> Plan:  # type: ignore[no-untyped-def]
    """The Renja of conftest.py's docstring, written through the services (so it is audited)."""
    from pamong.monitoring import services
    from pamong.monitoring.models import Level, PlanItem

    r = p.regency
    existing = PlanItem.objects.filter(opd=r.dinkes, year=year, code="1.02.02").first()
    if existing is not None:
        return _load(p, year)
    programme = services.plan_item_create(
        actor=p.budi,
        opd=r.dinkes,
        year=year,
        level=Level.PROGRAMME,
        parent=None,
        data={
            "code": "1.02.02",
            "name": "Program Pemenuhan Upaya Kesehatan",
            "responsible_official": p.dodi_employee,
            "responsible_unit": r.dinkes_bidang,
        },
    )
    outcome = services.indicator_create(
        actor=p.budi,
        item=programme,
        data={
            "name": "Persentase puskesmas terakreditasi",
            "unit_of_measure": "%",
            "direction": "higher",
            "cumulative": False,
            "target": Decimal(80),
        },
    )
    activity = services.plan_item_create(
        actor=p.budi,
        opd=r.dinkes,
        year=year,
        level=Level.ACTIVITY,
        parent=programme,
        data={"code": "1.02.02.2.02", "name": "Penyediaan Layanan Kesehatan"},
    )
    sub = services.plan_item_create(
        actor=p.budi,
        opd=r.dinkes,
        year=year,
        level=Level.SUB_ACTIVITY,
        parent=activity,
        data={
            "code": "1.02.02.2.02.0001",
            "name": "Pengelolaan Pelayanan Kesehatan Dasar",
            "pagu": Decimal(500_000_000),
        },
    )
    output = services.indicator_create(
        actor=p.budi,
        item=sub,
        data={
            "name": "Jumlah dokumen perencanaan",
            "unit_of_measure": "dokumen",
            "direction": "higher",
            "cumulative": True,
            "target": Decimal(100),
            "renstra_target": Decimal(500),
            "renstra_until_last_year": Decimal(300),
        },
    )
    dindik = services.plan_item_create(
        actor=p.ani,
        opd=r.dindik,
        year=year,
        level=Level.PROGRAMME,
        parent=None,
        data={"code": "1.01.02", "name": "Program Pengelolaan Pendidikan"},
    )
    dindik_outcome = services.indicator_create(
        actor=p.ani,
        item=dindik,
        data={
            "name": "Angka partisipasi murni SD",
            "unit_of_measure": "%",
            "direction": "higher",
            "cumulative": False,
            "target": Decimal(98),
        },
    )
    return Plan(programme, activity, sub, outcome, output, dindik, dindik_outcome)


def _load(p, year: int) -> Plan:  # type: ignore[no-untyped-def]
    from pamong.monitoring.models import Indicator, PlanItem

    r = p.regency
    get = PlanItem.objects.get
    sub = get(opd=r.dinkes, year=year, code="1.02.02.2.02.0001")
    programme = get(opd=r.dinkes, year=year, code="1.02.02")
    dindik = get(opd=r.dindik, year=year, code="1.01.02")
    return Plan(
        programme,
        get(opd=r.dinkes, year=year, code="1.02.02.2.02"),
        sub,
        Indicator.objects.get(plan_item=programme),
        Indicator.objects.get(plan_item=sub),
        dindik,
        Indicator.objects.get(plan_item=dindik),
    )


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)
