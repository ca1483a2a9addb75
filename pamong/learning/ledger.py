"""The JP ledger, read side: per employee per year, per unit, and the SIASN-shaped export.

The ledger is ``people.TrainingRecord``: records written by closing a batch and external
records (imported from SIASN or typed in) count alike. A record counts in the year it ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from pamong.people import reference
from pamong.people.models import CompetencyType, Employee, EmployeeQuerySet, TrainingRecord

from . import jp
from .models import COMMON_DEFAULTS
from .services.targets import targets_for

ZERO = Decimal("0.00")


@dataclass
class EmployeeYear:
    employee: Employee
    year: int
    records: list[TrainingRecord]
    summary: jp.JpSummary
    target: Decimal
    target_is_default: bool
    compliance: jp.Compliance

    @property
    def target_is_common(self) -> bool:
        """The default target of a status whose default is common practice, not regulation."""
        return self.target_is_default and self.employee.status in COMMON_DEFAULTS

    @property
    def by_competency(self) -> list[tuple[str, Decimal]]:
        labels = dict(CompetencyType.choices)
        return [
            (str(labels.get(key, "")) or "Belum diklasifikasikan", value)
            for key, value in sorted(self.summary.by_competency.items(), key=lambda kv: kv[0] or "~")
        ]


def _entry(record: TrainingRecord) -> jp.LedgerEntry:
    return jp.LedgerEntry(
        hours_jp=record.hours_jp,
        competency_type=record.competency_type,
        classical=record.kind in reference.CLASSICAL_TRAINING,
    )


def employee_year(
    employee: Employee, year: int, targets: dict[str, tuple[Decimal, bool]] | None = None
) -> EmployeeYear:
    """Total JP of ``employee`` in ``year``, split by competency type and route, against the target."""
    targets = targets if targets is not None else targets_for(year)
    records = list(TrainingRecord.objects.in_year(year).filter(employee=employee).order_by("end_date", "id"))
    summary = jp.summarise(_entry(r) for r in records)
    target, is_default = targets.get(employee.status, (ZERO, True))
    return EmployeeYear(
        employee=employee,
        year=year,
        records=records,
        summary=summary,
        target=target,
        target_is_default=is_default,
        compliance=jp.compliance(summary.total, target),
    )


@dataclass
class EmployeeRow:
    employee: Employee
    total: Decimal
    target: Decimal
    compliance: jp.Compliance


@dataclass
class UnitCompliance:
    year: int
    rows: list[EmployeeRow] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def compliant(self) -> int:
        return sum(1 for r in self.rows if r.compliance.met)

    @property
    def share(self) -> Decimal | None:
        return jp.share(self.compliant, self.count)

    @property
    def behind(self) -> list[EmployeeRow]:
        """Those below their target, furthest behind first."""
        return sorted(
            (r for r in self.rows if not r.compliance.met),
            key=lambda r: (-r.compliance.shortfall, r.employee.name, r.employee.pk),
        )


def with_year_jp(employees: EmployeeQuerySet, year: int) -> EmployeeQuerySet:
    """Employees annotated with ``jp_total``: the sum of their records ending in ``year`` (one query)."""
    return employees.annotate(
        jp_total=Coalesce(
            Sum("trainings__hours_jp", filter=Q(trainings__end_date__year=year)),
            Decimal("0"),
            output_field=TrainingRecord._meta.get_field("hours_jp"),
        )
    )


def unit_compliance(employees: EmployeeQuerySet, year: int) -> UnitCompliance:
    """Compliance of the active ``employees`` in ``year``."""
    targets = targets_for(year)
    result = UnitCompliance(year=year)
    queryset = with_year_jp(employees.active(), year).select_related("org_unit", "position").order_by("name", "id")
    for employee in queryset:
        target = targets.get(employee.status, (ZERO, True))[0]
        total = Decimal(employee.jp_total)  # type: ignore[attr-defined]
        result.rows.append(EmployeeRow(employee, jp.quantize(total), target, jp.compliance(total, target)))
    return result


# --- SIASN-shaped export ---------------------------------------------------------------------------------------------

SIASN_COLUMNS = [
    "nip_baru",
    "nama",
    "jenis_diklat",
    "nama_diklat",
    "tanggal_mulai",
    "tanggal_selesai",
    "jumlah_jam",
    "nomor_sertifikat",
    "penyelenggara",
]
COMPLIANCE_COLUMNS = ["nip_baru", "nama", "unor_nama", "status", "jumlah_jp", "target_jp", "kekurangan_jp", "memenuhi"]


def _dmy(value: Any) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def siasn_rows(employees: EmployeeQuerySet, year: int, chunk: int = 2000) -> Iterator[list[Any]]:
    """One row per training record ending in ``year``, in SIASN's rw-diklat shape
    (dates dd-mm-yyyy, the kind by its SIASN name, JP as a number)."""
    records = (
        TrainingRecord.objects.in_year(year)
        .filter(employee__in=employees.active())
        .select_related("employee")
        .order_by("employee__nip", "start_date", "id")
    )
    for record in records.iterator(chunk_size=chunk):
        employee = record.employee
        yield [
            employee.nip,
            employee.full_name,
            reference.TRAINING_KINDS.get(record.kind, record.kind),
            record.name,
            _dmy(record.start_date),
            _dmy(record.end_date),
            float(record.hours_jp),
            record.certificate_number,
            record.organizer,
        ]


def compliance_rows(result: UnitCompliance) -> Iterable[list[Any]]:
    for row in result.rows:
        employee = row.employee
        yield [
            employee.nip,
            employee.full_name,
            employee.org_unit.name,
            employee.get_status_display(),
            float(row.total),
            float(row.target),
            float(row.compliance.shortfall),
            "ya" if row.compliance.met else "tidak",
        ]


def ledger_xlsx(employees: EmployeeQuerySet, year: int) -> bytes:
    """The year's ledger: sheet ``rw-diklat`` (importable as SIASN training history) and
    sheet ``kepatuhan-jp`` (every employee's total against the target)."""
    from pamong.core.xlsx import write_xlsx

    result = unit_compliance(employees, year)
    return write_xlsx(
        [
            ("rw-diklat", SIASN_COLUMNS, siasn_rows(employees, year)),
            ("kepatuhan-jp", COMPLIANCE_COLUMNS, compliance_rows(result)),
        ]
    )
