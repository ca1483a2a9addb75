"""Certificates of a full batch: close a batch of 35 and render its 35 certificates as one ZIP.

    .venv/bin/python bench/bench_certificates.py [--participants 35] [--repeat 3]

1. A fresh SQLite database in a temporary directory: migrate, one regency with a BKD,
   35 administrators, the Personal Transformation Program and a running batch of six
   sessions that everyone attended.
2. Time ``batch_close`` (completion, 35 JP records, 35 numbered certificates, one transaction).
3. Time ``certificates_zip`` for the 35 certificates (WeasyPrint, A4 landscape, emblem and QR
   code each), ``--repeat`` times; print the best and the mean beside the 5-second target.

Prints figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 5.0


def setup(participants: int):  # type: ignore[no-untyped-def]
    data_dir = tempfile.mkdtemp(prefix="pamong-bench-cert-")
    os.environ["PAMONG_DATA_DIR"] = data_dir
    os.environ["PAMONG_DATABASE_URL"] = f"sqlite:///{data_dir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pamong.test_settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from pamong.learning import services
    from pamong.learning.models import Enrolment
    from pamong.people.models import Employee, OrgUnit, Position, PositionType, UnitKind
    from pamong.people.nip import build_nip

    root = OrgUnit.objects.create(code="35.99", name="Kabupaten Contoh", kind=UnitKind.PEMDA)
    bkd = OrgUnit.objects.create(code="35.99.02", name="Badan Kepegawaian Daerah", kind=UnitKind.BADAN, parent=root)
    bkd.opd = bkd
    bkd.save(update_fields=["opd"])
    employees = []
    for i in range(participants):
        unit = OrgUnit.objects.create(
            code=f"35.99.{10 + i}", name=f"Dinas Contoh {i + 1}", kind=UnitKind.DINAS, parent=root
        )
        post = Position.objects.create(
            name=f"Sekretaris Dinas Contoh {i + 1}", position_type=PositionType.ADMINISTRATOR, org_unit=unit
        )
        employees.append(
            Employee.objects.create(
                nip=build_nip(
                    birth_date=dt.date(1978, 1 + i % 12, 1 + i % 28), start=dt.date(2003, 3, 1), sex="L", serial=i + 1
                ),
                name=f"Peserta Nomor {i + 1}",
                front_title="Dr." if i % 5 == 0 else "",
                back_title="S.E., M.M.",
                sex="L",
                birth_date=dt.date(1978, 1 + i % 12, 1 + i % 28),
                status="pns",
                golongan="III/d",
                org_unit=unit,
                position=post,
            )
        )
    programme = services.programme_create(
        actor=None,
        data={
            "title": "Program Transformasi Personal",
            "kind": "workshop",
            "competency_type": "socio_cultural",
            "target_position_types": ["administrator"],
            "owner_unit": bkd,
        },
    )
    start = dt.date(2026, 11, 23)
    batch = services.batch_create(
        actor=None,
        programme=programme,
        data={
            "start_date": start,
            "end_date": start + dt.timedelta(days=2),
            "capacity": participants,
            "signatory_name": "Drs. Hendra Kusuma, M.Si.",
            "signatory_position": "Kepala Badan Kepegawaian Daerah",
            "signatory_nip": "197203041998031005",
        },
    )
    for day in range(3):
        for begin, end in ((dt.time(8), dt.time(11, 45)), (dt.time(13), dt.time(15, 15))):
            services.session_create(
                actor=None,
                batch=batch,
                data={"date": start + dt.timedelta(days=day), "start_time": begin, "end_time": end, "topic": "Sesi"},
            )
    services.batch_open(actor=None, batch=batch)
    services.enrolment_create_bulk(actor=None, batch=batch, employees=employees)
    for enrolment in Enrolment.objects.filter(batch=batch):
        services.enrolment_respond(actor=None, enrolment=enrolment, accept=True)
    services.batch_start(actor=None, batch=batch)
    from pamong.learning.importing import AttendanceRow

    rows = [
        AttendanceRow(enrolment=e, session=s, present=True, reason="bench")
        for e in Enrolment.objects.filter(batch=batch).select_related("employee")
        for s in batch.sessions.all()
    ]
    services.attendance_import(actor=None, batch=batch, rows=rows, file_name="bench")
    return batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=35)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    batch = setup(args.participants)
    from pamong.learning import services
    from pamong.learning.certificates import certificates_zip
    from pamong.learning.models import Certificate

    started = time.perf_counter()
    result = services.batch_close(actor=None, batch=batch)
    close_seconds = time.perf_counter() - started
    print(
        f"batch_close: {result.completed} completed, {result.certificates} certificates numbered "
        f"in {close_seconds:.2f} s"
    )

    certificates = list(Certificate.objects.filter(enrolment__batch=batch).order_by("number"))
    certificates_zip(certificates[:1])  # warm up: fonts, the emblem, template loading
    timings = []
    size = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        data = certificates_zip(certificates)
        timings.append(time.perf_counter() - started)
        size = len(data)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        files = len(archive.namelist())
    best, mean = min(timings), statistics.mean(timings)
    print(
        f"certificates_zip: {files} PDFs, {size / 2**20:.2f} MiB; best {best:.2f} s, mean {mean:.2f} s "
        f"over {args.repeat} runs ({best / files * 1000:.0f} ms per certificate); "
        f"target {TARGET_SECONDS:.1f} s → {best / TARGET_SECONDS:.2f} of target"
    )


if __name__ == "__main__":
    main()
