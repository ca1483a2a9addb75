"""The IP ASN API: results per employee, aggregates per unit, rule sets, measurements.

Scoped exactly like the web (:mod:`.access`): an employee reads their own results; operators and
leaders read the employees and units in their scope; rule sets are readable by anyone who may see a
result and changed only by BKD administrators. Not found and not allowed are the same 404. Writes go
through :mod:`.services` with ``source=api``. Mounted by ``pamong.api`` with
``api.add_router("", ipasn_router)``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from pamong.accounts.api import AUTH_ERRORS, ErrorOut, PageQuery, page_of
from pamong.core.models import Source
from pamong.people.access import employees_visible_to

from . import figures, ipasn, services
from .access import (
    get_employee_results_for_user,
    get_unit_results_for_user,
    own_employee,
    require_bkd_admin,
    require_results_reader,
)
from .models import Measurement, Result, RuleSet

router = Router(tags=["ipasn"])

READ_ERRORS = {**AUTH_ERRORS, 422: ErrorOut}
DETAIL_ERRORS = {**AUTH_ERRORS, 404: ErrorOut}
WRITE_ERRORS = {**AUTH_ERRORS, 404: ErrorOut, 422: ErrorOut}


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


# --- Results --------------------------------------------------------------------------------------------------


class FactsOut(Schema):
    """The inputs the result was computed from (``null`` = unknown), named as the CSV columns."""

    status: str | None
    position_type: str | None
    education_level: str | None
    leadership_training_matches_position: bool | None
    functional_training_matches_position: bool | None
    technical_jp_last_year: Decimal | None
    seminar_last_2_years: bool | None
    predikat_last_year: str | None
    sanction_level: str | None


class ResultOut(Schema):
    year: int
    employee_id: int | None
    nip: str
    name: str
    org_unit_id: int | None
    position_type: str = Field(description="Jenis jabatan pamong saat diukur (jpt_pratama, administrator, …).")
    state: str = Field(description="scored | incomplete | excluded")
    kualifikasi: Decimal | None
    kompetensi: Decimal | None
    kinerja: Decimal | None
    disiplin: Decimal | None
    total: Decimal | None
    category: str = Field(description="sangat_tinggi … sangat_rendah, atau incomplete / excluded")
    missing: list[str]
    rule_set_version: int
    facts: FactsOut

    @staticmethod
    def resolve_year(obj: Result) -> int:
        return obj.measurement.year

    @staticmethod
    def resolve_missing(obj: Result) -> list[str]:
        return obj.missing_list

    @staticmethod
    def resolve_rule_set_version(obj: Result) -> int:
        return obj.measurement.rule_set.version

    @staticmethod
    def resolve_facts(obj: Result) -> dict[str, Any]:
        facts = obj.facts
        return {f: getattr(facts, f) for f in ipasn.FACT_FIELDS}


class ResultList(Schema):
    count: int
    limit: int
    offset: int
    items: list[ResultOut]


class ResultFilter(PageQuery):
    year: int | None = Field(None, description="Tahun pengukuran (bawaan: yang terbaru).")
    unit: int | None = Field(None, description="Hanya unit ini beserta sub-unitnya.")
    state: str | None = Field(None, pattern="^(scored|incomplete|excluded)$")


def _results() -> Any:
    return Result.objects.select_related("measurement__rule_set")


@router.get("/ipasn/me", response={200: list[ResultOut], **DETAIL_ERRORS}, summary="IP ASN saya (semua tahun)")
def my_results(request: HttpRequest) -> Any:
    """Your own results, newest year first; 404 when your account is not linked to an employee."""
    employee = own_employee(_user(request))
    if employee is None:
        raise Http404
    return _results().filter(employee=employee).order_by("-measurement__year")


@router.get(
    "/ipasn/employees/{int:employee_id}/results",
    response={200: list[ResultOut], **DETAIL_ERRORS},
    summary="IP ASN seorang pegawai (semua tahun)",
)
def employee_results(request: HttpRequest, employee_id: int) -> Any:
    employee = get_employee_results_for_user(_user(request), employee_id)
    return _results().filter(employee=employee).order_by("-measurement__year")


@router.get("/ipasn/results", response={200: ResultList, **READ_ERRORS}, summary="Hasil IP ASN per pegawai")
def result_list(request: HttpRequest, filters: Query[ResultFilter]) -> dict[str, Any]:
    """Results of one measurement for the employees you may see, ordered by unit and name."""
    user = _user(request)
    measurement = figures.measurement_for(filters.year)
    if measurement is None:
        return {"count": 0, "limit": filters.limit, "offset": filters.offset, "items": []}
    results = _results().of_measurement(measurement).for_employees(employees_visible_to(user))
    if filters.unit is not None:
        results = results.in_subtree(get_unit_results_for_user(user, filters.unit))
    if filters.state:
        results = results.filter(state=filters.state)
    return page_of(results.order_by("org_unit__code", "name", "id"), filters)


# --- Aggregates -----------------------------------------------------------------------------------------------


class AggregateOut(Schema):
    scored: int
    incomplete: int
    excluded: int
    mean_total: Decimal | None
    means: dict[str, Decimal | None]
    categories: dict[str, int]
    category: str
    lowest_dimension: str


class UnitRowOut(Schema):
    unit_id: int
    name: str
    aggregate: AggregateOut
    target: Decimal | None
    gap: Decimal | None


class UnitAggregateOut(Schema):
    unit_id: int
    name: str
    year: int
    as_of: dt.date
    rule_set_version: int
    aggregate: AggregateOut
    target: Decimal | None
    gap: Decimal | None
    comparison: list[UnitRowOut] = Field(description="Setiap OPD (untuk kabupaten) atau sub-unit langsung.")
    trend: dict[int, Decimal | None] = Field(description="IP ASN rata-rata per tahun pengukuran.")


def _aggregate(agg: ipasn.Aggregate) -> dict[str, Any]:
    return {
        "scored": agg.scored,
        "incomplete": agg.incomplete,
        "excluded": agg.excluded,
        "mean_total": agg.mean_total,
        "means": agg.means,
        "categories": agg.categories,
        "category": agg.category,
        "lowest_dimension": agg.lowest_dimension,
    }


class YearQuery(Schema):
    year: int | None = Field(None, description="Tahun pengukuran (bawaan: yang terbaru).")


@router.get(
    "/ipasn/units/{int:unit_id}/aggregate",
    response={200: UnitAggregateOut, **DETAIL_ERRORS},
    summary="IP ASN unit: rata-rata, dimensi, kategori, tren, target",
)
def unit_aggregate(request: HttpRequest, unit_id: int, query: Query[YearQuery]) -> dict[str, Any]:
    unit = get_unit_results_for_user(_user(request), unit_id)
    measurement = figures.measurement_for(query.year)
    if measurement is None:
        raise Http404
    page = figures.unit_page(unit, measurement)
    return {
        "unit_id": unit.pk,
        "name": unit.name,
        "year": measurement.year,
        "as_of": measurement.as_of,
        "rule_set_version": measurement.rule_set.version,
        "aggregate": _aggregate(page["aggregate"]),
        "target": page["target"],
        "gap": page["gap"],
        "comparison": [
            {
                "unit_id": r.unit.pk,
                "name": r.unit.name,
                "aggregate": _aggregate(r.aggregate),
                "target": r.target,
                "gap": r.gap,
            }
            for r in page["comparison"]
        ],
        "trend": {year: agg.mean_total for year, agg in page["trend"]},
    }


# --- Rule sets ------------------------------------------------------------------------------------------------


class RuleSetOut(Schema):
    id: int
    name: str
    version: int
    effective_from: dt.date
    digest: str
    note: str
    based_on_id: int | None
    locked: bool = Field(description="Sudah dipakai pengukuran: tidak dapat diubah, hanya disalin.")
    document: dict[str, Any]

    @staticmethod
    def resolve_locked(obj: RuleSet) -> bool:
        return obj.is_locked


class RuleSetSummary(Schema):
    id: int
    name: str
    version: int
    effective_from: dt.date


class RuleSetCopyIn(Schema):
    name: str = Field("", max_length=200)
    effective_from: dt.date | None = None


class RuleSetPatch(Schema):
    """Only the fields sent change; ``document`` is the whole rule document (validated as a whole)."""

    name: str = Field(None, min_length=1, max_length=200)  # type: ignore[assignment]
    effective_from: dt.date = None  # type: ignore[assignment]
    note: str = Field(None, max_length=2000)  # type: ignore[assignment]
    document: dict[str, Any] = None  # type: ignore[assignment]


@router.get("/ipasn/rule-sets", response={200: list[RuleSetSummary], **DETAIL_ERRORS}, summary="Daftar aturan IP ASN")
def rule_set_list(request: HttpRequest) -> Any:
    require_results_reader(_user(request))
    return RuleSet.objects.newest_first()


@router.get(
    "/ipasn/rule-sets/{int:rule_set_id}", response={200: RuleSetOut, **DETAIL_ERRORS}, summary="Detail aturan IP ASN"
)
def rule_set_detail(request: HttpRequest, rule_set_id: int) -> RuleSet:
    require_results_reader(_user(request))
    return get_object_or_404(RuleSet, pk=rule_set_id)


@router.post(
    "/ipasn/rule-sets/{int:rule_set_id}/copy",
    response={201: RuleSetOut, **WRITE_ERRORS},
    summary="Salin aturan menjadi versi baru",
)
def rule_set_copy(request: HttpRequest, rule_set_id: int, payload: RuleSetCopyIn) -> Status:
    user = _user(request)
    require_bkd_admin(user)
    rule_set = get_object_or_404(RuleSet, pk=rule_set_id)
    copy = services.ruleset_copy(
        actor=user, rule_set=rule_set, name=payload.name, effective_from=payload.effective_from, source=Source.API
    )
    return Status(201, copy)


@router.patch("/ipasn/rule-sets/{int:rule_set_id}", response={200: RuleSetOut, **WRITE_ERRORS}, summary="Ubah aturan")
def rule_set_update(request: HttpRequest, rule_set_id: int, payload: RuleSetPatch) -> RuleSet:
    """Refused (422) for a rule set a measurement has used; errors in the document name their path."""
    user = _user(request)
    require_bkd_admin(user)
    rule_set = get_object_or_404(RuleSet, pk=rule_set_id)
    data = payload.dict(exclude_unset=True)
    return services.ruleset_update(
        actor=user,
        rule_set=rule_set,
        document=data.get("document", rule_set.document),
        name=data.get("name"),
        effective_from=data.get("effective_from"),
        note=data.get("note"),
        source=Source.API,
    )


# --- Measurements ---------------------------------------------------------------------------------------------


class MeasurementOut(Schema):
    id: int
    year: int
    as_of: dt.date
    rule_set_version: int
    scored: int
    incomplete: int
    excluded: int
    mean_total: Decimal | None
    result_digest: str
    computed_at: dt.datetime

    @staticmethod
    def resolve_rule_set_version(obj: Measurement) -> int:
        return obj.rule_set.version


class MeasurementIn(Schema):
    year: int = Field(ge=2000, le=2100)
    as_of: dt.date | None = None


class JobOut(Schema):
    job_id: int
    status: str


@router.get("/ipasn/measurements", response={200: list[MeasurementOut], **DETAIL_ERRORS}, summary="Pengukuran")
def measurement_list(request: HttpRequest) -> Any:
    require_bkd_admin(_user(request))
    return Measurement.objects.latest_first()


@router.post(
    "/ipasn/measurements", response={202: JobOut, **WRITE_ERRORS}, summary="Jalankan pengukuran (latar belakang)"
)
def measurement_create(request: HttpRequest, payload: MeasurementIn) -> Status:
    user = _user(request)
    require_bkd_admin(user)
    if payload.as_of is not None and payload.as_of.year != payload.year:
        raise ValidationError({"as_of": [_("Tanggal pengukuran harus dalam tahun yang diukur.")]})
    job = services.measurement_start(actor=user, year=payload.year, as_of=payload.as_of)
    job.refresh_from_db()
    return Status(202, {"job_id": job.pk, "status": job.status})
