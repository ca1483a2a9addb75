"""The monev API under ``/api/v1/monev/``: structure and targets, quarterly realisation, evaluation, warnings.

Every query starts from :mod:`.access`, so a token sees and changes exactly
what its owner may on the web: the structure is read by whoever may see the
OPD and written by its planning staff (operator, BKD administrator); a quarter
is entered by the item's responsible official or the planning staff, and
verified or returned by the planning staff, never by its submitter. Not found
and not allowed are the same 404. Writes go through :mod:`.services` with
``source=api``. Decimal figures are JSON strings (``"95.00"``), as pydantic
writes them, so no precision is lost.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from pamong.accounts.api import AUTH_ERRORS, ErrorOut, PageQuery, page_of, renamed
from pamong.core.models import Source
from pamong.people.models import Employee, OrgUnit

from . import access, evaluation, services
from . import achievement as calc
from .models import EarlyWarning, Level, PlanItem, Realisation

router = Router(tags=["monev"])

READ_ERRORS = {**AUTH_ERRORS, 422: ErrorOut}
DETAIL_ERRORS = {**AUTH_ERRORS, 404: ErrorOut}
WRITE_ERRORS = {**AUTH_ERRORS, 404: ErrorOut, 422: ErrorOut}
RENAME = {
    "responsible_unit": "responsible_unit_id",
    "responsible_official": "responsible_official_id",
    "parent": "parent_id",
    "source_unit": "source_unit_id",
}


# --- Schemas ---------------------------------------------------------------------------------------------


class IndicatorOut(Schema):
    id: int
    plan_item_id: int
    name: str
    unit_of_measure: str
    direction: Literal["higher", "lower"]
    cumulative: bool
    target: Decimal
    revised_target: Decimal | None
    target_q1: Decimal | None
    target_q2: Decimal | None
    target_q3: Decimal | None
    target_q4: Decimal | None
    renstra_target: Decimal | None
    renstra_until_last_year: Decimal | None
    auto_source: str
    source_unit_id: int | None


class PlanItemOut(Schema):
    id: int
    opd_id: int
    year: int
    level: Level
    parent_id: int | None
    code: str
    name: str
    is_budget: bool
    responsible_unit_id: int | None
    responsible_official_id: int | None
    pagu: Decimal | None
    revised_pagu: Decimal | None
    indicators: list[IndicatorOut]

    @staticmethod
    def resolve_indicators(obj: Any) -> list[Any]:
        return list(obj.indicators.all())


class PlanItemList(Schema):
    count: int
    limit: int
    offset: int
    items: list[PlanItemOut]


class PlanItemFilter(PageQuery):
    year: int | None = Field(None, ge=2000, le=2100, description="Tahun anggaran.")
    opd: int | None = Field(None, description="Id unit OPD.")
    level: Level | None = None
    parent: int | None = Field(None, description="Hanya anak langsung dari item ini.")


class PlanItemIn(Schema):
    opd_id: int = Field(description="OPD pemilik; harus OPD yang boleh Anda ubah.")
    year: int = Field(ge=2000, le=2100)
    level: Level
    parent_id: int | None = Field(
        None, description="Wajib untuk kegiatan (induk program) dan sub kegiatan (induk kegiatan)."
    )
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=300)
    is_budget: bool = True
    responsible_unit_id: int | None = None
    responsible_official_id: int | None = None
    pagu: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)
    revised_pagu: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)


class PlanItemPatch(Schema):
    """Only the fields sent change."""

    code: str = Field(None, min_length=1, max_length=40)  # type: ignore[assignment]
    name: str = Field(None, min_length=1, max_length=300)  # type: ignore[assignment]
    is_budget: bool = None  # type: ignore[assignment]
    responsible_unit_id: int | None = None
    responsible_official_id: int | None = None
    pagu: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)
    revised_pagu: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)


class IndicatorIn(Schema):
    name: str = Field(min_length=1, max_length=300)
    unit_of_measure: str = Field(min_length=1, max_length=60)
    direction: Literal["higher", "lower"] = "higher"
    cumulative: bool = True
    target: Decimal = Field(gt=0, max_digits=18, decimal_places=4)
    revised_target: Decimal | None = Field(None, gt=0, max_digits=18, decimal_places=4)
    target_q1: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    target_q2: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    target_q3: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    target_q4: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    renstra_target: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    renstra_until_last_year: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    auto_source: str = Field("", max_length=60)
    source_unit_id: int | None = None


class IndicatorPatch(Schema):
    name: str = Field(None, min_length=1, max_length=300)  # type: ignore[assignment]
    unit_of_measure: str = Field(None, min_length=1, max_length=60)  # type: ignore[assignment]
    direction: Literal["higher", "lower"] = None  # type: ignore[assignment]
    cumulative: bool = None  # type: ignore[assignment]
    target: Decimal = Field(None, gt=0, max_digits=18, decimal_places=4)  # type: ignore[assignment]
    revised_target: Decimal | None = Field(None, gt=0, max_digits=18, decimal_places=4)
    target_q1: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    target_q2: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    target_q3: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    target_q4: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    renstra_target: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    renstra_until_last_year: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    auto_source: str = Field(None, max_length=60)  # type: ignore[assignment]
    source_unit_id: int | None = None


class ValueOut(Schema):
    indicator_id: int
    value: Decimal | None
    is_automatic: bool


class EvidenceOut(Schema):
    id: int
    name: str = Field(alias="original_name")
    content_type: str
    size: int
    sha256: str


class RealisationOut(Schema):
    id: int
    plan_item_id: int
    quarter: int
    status: str
    budget_spent: Decimal | None
    drivers: str
    obstacles: str
    follow_up: str
    return_note: str
    submitted_by_id: int | None
    submitted_at: dt.datetime | None
    reviewed_by_id: int | None
    reviewed_at: dt.datetime | None
    values: list[ValueOut]
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_values(obj: Any) -> list[Any]:
        return list(obj.values.all())

    @staticmethod
    def resolve_evidence(obj: Any) -> list[Any]:
        return list(obj.evidence.all())


class RealisationList(Schema):
    count: int
    limit: int
    offset: int
    items: list[RealisationOut]


class RealisationFilter(PageQuery):
    year: int | None = Field(None, ge=2000, le=2100)
    quarter: int | None = Field(None, ge=1, le=4)
    opd: int | None = None
    status: Literal["draft", "submitted", "returned", "verified"] | None = None


class ValueIn(Schema):
    indicator_id: int
    value: Decimal | None = Field(None, max_digits=18, decimal_places=4)


class RealisationIn(Schema):
    values: list[ValueIn] = Field(default_factory=list, description="Volume per indikator; null = belum diisi.")
    budget_spent: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2, description="Hanya sub kegiatan.")
    drivers: str = Field("", max_length=5000)
    obstacles: str = Field("", max_length=5000)
    follow_up: str = Field("", max_length=5000)
    submit: bool = Field(False, description="Sekaligus ajukan untuk verifikasi.")


class ReturnIn(Schema):
    note: str = Field(min_length=1, max_length=2000)


class IndicatorResultOut(Schema):
    id: int
    name: str
    unit_of_measure: str
    target: Decimal
    quarters: list[Decimal | None]
    realisation: Decimal | None
    achievement: Decimal | None = Field(description="Persen, dibulatkan 2 desimal.")
    band: calc.Band | None
    renstra_progress: Decimal | None


class ItemResultOut(Schema):
    id: int
    parent_id: int | None
    level: Level
    code: str
    name: str
    is_budget: bool
    ceiling: Decimal | None
    spent: Decimal | None
    absorption: Decimal | None
    indicators: list[IndicatorResultOut]


class EvaluationOut(Schema):
    opd_id: int
    year: int
    quarter: int
    average: Decimal | None
    band: calc.Band | None
    ceiling: Decimal | None
    spent: Decimal | None
    absorption: Decimal | None
    items: list[ItemResultOut]


class EvaluationQuery(Schema):
    opd: int
    year: int = Field(ge=2000, le=2100)
    quarter: int = Field(4, ge=1, le=4, description="Sampai triwulan ini.")


class PeriodQuery(Schema):
    year: int = Field(ge=2000, le=2100)
    quarter: int = Field(ge=1, le=4)


class RankOut(Schema):
    rank: int | None
    opd_id: int
    opd_name: str
    average: Decimal | None
    band: calc.Band | None
    indicators: int
    reported: int
    absorption: Decimal | None


class WarningOut(Schema):
    id: int
    plan_item_id: int
    plan_item_code: str
    opd_id: int
    indicator_id: int | None
    kind: Literal["volume", "budget"]
    year: int
    quarter: int
    expected: Decimal
    reached: Decimal | None
    percent: Decimal | None
    margin: Decimal
    detected_at: dt.datetime


class WarningList(Schema):
    count: int
    limit: int
    offset: int
    items: list[WarningOut]


class WarningFilter(PageQuery):
    year: int = Field(ge=2000, le=2100)
    quarter: int = Field(ge=1, le=4)
    opd: int | None = None


# --- Helpers ------------------------------------------------------------------------------------------------


def _pct(value: Decimal | None) -> Decimal | None:
    return calc.round_percent(value) if value is not None else None


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _opd_unit(opd: OrgUnit, unit_id: int | None, field: str, errors: dict[str, list[str]]) -> OrgUnit | None:
    if unit_id is None:
        return None
    unit = access.assignable_units(opd).filter(pk=unit_id).first()
    if unit is None:
        errors[field] = [_("Unit tidak ditemukan di OPD ini.")]
    return unit


def _official(opd: OrgUnit, employee_id: int | None, errors: dict[str, list[str]]) -> Employee | None:
    if employee_id is None:
        return None
    employee = access.assignable_officials(opd).filter(pk=employee_id).first()
    if employee is None:
        errors["responsible_official_id"] = [_("Pegawai tidak ditemukan di OPD ini.")]
    return employee


def _with_related(qs):  # type: ignore[no-untyped-def]
    return qs.prefetch_related("indicators").order_by("year", "opd__code", "code", "id")


def _realisation(user: Any, pk: int) -> Realisation:
    return access.get_realisation_for_user(user, pk)


def _fresh(realisation: Realisation) -> Realisation:
    return Realisation.objects.prefetch_related("values", "evidence").get(pk=realisation.pk)


# --- Structure and targets ----------------------------------------------------------------------------------


@router.get("/monev/plan-items", response={200: PlanItemList, **READ_ERRORS}, summary="Daftar program/kegiatan")
def plan_item_list(request: HttpRequest, filters: Query[PlanItemFilter]) -> dict[str, Any]:
    """Programmes, activities and sub-activities you may read, with their indicators and targets."""
    items = access.plan_items_visible_to(request.auth)  # type: ignore[attr-defined]
    if filters.year is not None:
        items = items.filter(year=filters.year)
    if filters.opd is not None:
        items = items.filter(opd_id=filters.opd)
    if filters.level:
        items = items.filter(level=filters.level)
    if filters.parent is not None:
        items = items.filter(parent_id=filters.parent)
    return page_of(_with_related(items), filters)


@router.get(
    "/monev/plan-items/{int:item_id}", response={200: PlanItemOut, **DETAIL_ERRORS}, summary="Detail program/kegiatan"
)
def plan_item_detail(request: HttpRequest, item_id: int) -> PlanItem:
    return access.get_plan_item_for_user(request.auth, item_id)  # type: ignore[attr-defined]


@router.post("/monev/plan-items", response={201: PlanItemOut, **WRITE_ERRORS}, summary="Tambah program/kegiatan")
def plan_item_create(request: HttpRequest, payload: PlanItemIn) -> Status:
    """For the OPD's planning staff (its operator) and the BKD administrator."""
    user = request.auth  # type: ignore[attr-defined]
    errors: dict[str, list[str]] = {}
    opd = access.opds_writable_by(user).filter(pk=payload.opd_id).first()
    if opd is None:
        errors["opd_id"] = [_("OPD tidak ditemukan.")]
        _raise(errors)
    assert opd is not None
    parent = None
    if payload.parent_id is not None:
        parent = access.plan_items_writable_by(user).filter(pk=payload.parent_id, opd=opd).first()
        if parent is None:
            errors["parent_id"] = [_("Induk tidak ditemukan.")]
    data = {
        "code": payload.code,
        "name": payload.name,
        "is_budget": payload.is_budget,
        "responsible_unit": _opd_unit(opd, payload.responsible_unit_id, "responsible_unit_id", errors),
        "responsible_official": _official(opd, payload.responsible_official_id, errors),
        "pagu": payload.pagu,
        "revised_pagu": payload.revised_pagu,
    }
    _raise(errors)
    try:
        item = services.plan_item_create(
            actor=user, opd=opd, year=payload.year, level=payload.level, parent=parent, data=data, source=Source.API
        )
    except ValidationError as exc:
        raise renamed(exc, RENAME) from None
    return Status(201, PlanItem.objects.prefetch_related("indicators").get(pk=item.pk))


@router.patch(
    "/monev/plan-items/{int:item_id}", response={200: PlanItemOut, **WRITE_ERRORS}, summary="Ubah program/kegiatan"
)
def plan_item_update(request: HttpRequest, item_id: int, payload: PlanItemPatch) -> PlanItem:
    user = request.auth  # type: ignore[attr-defined]
    item = access.get_plan_item_for_user(user, item_id, write=True)
    sent = payload.dict(exclude_unset=True)
    errors: dict[str, list[str]] = {}
    data: dict[str, Any] = {k: v for k, v in sent.items() if k in ("code", "name", "is_budget", "pagu", "revised_pagu")}
    if "responsible_unit_id" in sent:
        data["responsible_unit"] = _opd_unit(item.opd, sent["responsible_unit_id"], "responsible_unit_id", errors)
    if "responsible_official_id" in sent:
        data["responsible_official"] = _official(item.opd, sent["responsible_official_id"], errors)
    _raise(errors)
    try:
        services.plan_item_update(actor=user, item=item, data=data, source=Source.API)
    except ValidationError as exc:
        raise renamed(exc, RENAME) from None
    return PlanItem.objects.prefetch_related("indicators").get(pk=item.pk)


def _indicator_data(item: PlanItem, sent: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    data = {k: v for k, v in sent.items() if k != "source_unit_id"}
    if "source_unit_id" in sent:
        unit_id = sent["source_unit_id"]
        if unit_id is None:
            data["source_unit"] = None
        else:
            data["source_unit"] = OrgUnit.objects.filter(pk=unit_id).first()
            if data["source_unit"] is None:
                errors["source_unit_id"] = [_("Unit tidak ditemukan.")]
    _raise(errors)
    return data


@router.post(
    "/monev/plan-items/{int:item_id}/indicators",
    response={201: IndicatorOut, **WRITE_ERRORS},
    summary="Tambah indikator",
)
def indicator_create(request: HttpRequest, item_id: int, payload: IndicatorIn) -> Status:
    user = request.auth  # type: ignore[attr-defined]
    item = access.get_plan_item_for_user(user, item_id, write=True)
    try:
        indicator = services.indicator_create(
            actor=user, item=item, data=_indicator_data(item, payload.dict()), source=Source.API
        )
    except ValidationError as exc:
        raise renamed(exc, RENAME) from None
    indicator.refresh_from_db()
    return Status(201, indicator)


@router.patch(
    "/monev/indicators/{int:indicator_id}", response={200: IndicatorOut, **WRITE_ERRORS}, summary="Ubah indikator"
)
def indicator_update(request: HttpRequest, indicator_id: int, payload: IndicatorPatch) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    indicator = access.get_indicator_for_user(user, indicator_id, write=True)
    try:
        services.indicator_update(
            actor=user,
            indicator=indicator,
            data=_indicator_data(indicator.plan_item, payload.dict(exclude_unset=True)),
            source=Source.API,
        )
    except ValidationError as exc:
        raise renamed(exc, RENAME) from None
    indicator.refresh_from_db()
    return indicator


# --- Quarterly realisation ----------------------------------------------------------------------------------


@router.get("/monev/realisations", response={200: RealisationList, **READ_ERRORS}, summary="Daftar realisasi triwulan")
def realisation_list(request: HttpRequest, filters: Query[RealisationFilter]) -> dict[str, Any]:
    items = access.plan_items_visible_to(request.auth)  # type: ignore[attr-defined]
    reports = Realisation.objects.filter(plan_item__in=items).prefetch_related("values", "evidence")
    if filters.year is not None:
        reports = reports.filter(plan_item__year=filters.year)
    if filters.quarter is not None:
        reports = reports.filter(quarter=filters.quarter)
    if filters.opd is not None:
        reports = reports.filter(plan_item__opd_id=filters.opd)
    if filters.status:
        reports = reports.filter(status=filters.status)
    return page_of(reports.order_by("plan_item__year", "plan_item__code", "quarter", "id"), filters)


@router.get(
    "/monev/realisations/{int:realisation_id}",
    response={200: RealisationOut, **DETAIL_ERRORS},
    summary="Detail realisasi triwulan",
)
def realisation_detail(request: HttpRequest, realisation_id: int) -> Realisation:
    return _fresh(_realisation(request.auth, realisation_id))  # type: ignore[attr-defined]


@router.put(
    "/monev/plan-items/{int:item_id}/quarters/{int:quarter}",
    response={200: RealisationOut, **WRITE_ERRORS},
    summary="Isi realisasi triwulan",
)
def realisation_put(request: HttpRequest, item_id: int, quarter: int, payload: RealisationIn) -> Realisation:
    """By the item's responsible official or the OPD's planning staff, while the quarter is open; a
    submitted or verified report cannot be changed. With ``submit`` the report is also submitted."""
    user = request.auth  # type: ignore[attr-defined]
    item = access.get_plan_item_for_entry(user, item_id)
    if quarter not in (1, 2, 3, 4):
        raise Http404
    own = {i.pk for i in item.indicators.all()}
    unknown = [v.indicator_id for v in payload.values if v.indicator_id not in own]
    if unknown:
        raise ValidationError({"values": [_("Indikator %(ids)s bukan milik item ini.") % {"ids": unknown}]})
    data: dict[str, Any] = {"drivers": payload.drivers, "obstacles": payload.obstacles, "follow_up": payload.follow_up}
    if item.level == Level.SUB_ACTIVITY or payload.budget_spent is not None:
        data["budget_spent"] = payload.budget_spent
    saved = services.realisation_save(
        actor=user,
        item=item,
        quarter=quarter,
        values={v.indicator_id: v.value for v in payload.values},
        data=data,
        source=Source.API,
    )
    if payload.submit:
        services.realisation_submit(actor=user, realisation=saved, source=Source.API)
    return _fresh(saved)


def _entry_realisation(user: Any, pk: int) -> Realisation:
    realisation = _realisation(user, pk)
    if not access.can_enter_realisation(user, realisation.plan_item):
        raise Http404
    return realisation


def _verifiable(user: Any, pk: int) -> Realisation:
    realisation = _realisation(user, pk)
    if not access.is_planning_staff(user, realisation.plan_item):
        raise Http404
    return realisation


@router.post(
    "/monev/realisations/{int:realisation_id}/submit",
    response={200: RealisationOut, **WRITE_ERRORS},
    summary="Ajukan realisasi",
)
def realisation_submit(request: HttpRequest, realisation_id: int) -> Realisation:
    user = request.auth  # type: ignore[attr-defined]
    realisation = _entry_realisation(user, realisation_id)
    return _fresh(services.realisation_submit(actor=user, realisation=realisation, source=Source.API))


@router.post(
    "/monev/realisations/{int:realisation_id}/verify",
    response={200: RealisationOut, **WRITE_ERRORS},
    summary="Verifikasi realisasi",
)
def realisation_verify(request: HttpRequest, realisation_id: int) -> Realisation:
    """By the OPD's planning staff or the BKD administrator; never by the person who submitted it."""
    user = request.auth  # type: ignore[attr-defined]
    realisation = _verifiable(user, realisation_id)
    return _fresh(services.realisation_verify(actor=user, realisation=realisation, source=Source.API))


@router.post(
    "/monev/realisations/{int:realisation_id}/return",
    response={200: RealisationOut, **WRITE_ERRORS},
    summary="Kembalikan realisasi dengan catatan",
)
def realisation_return(request: HttpRequest, realisation_id: int, payload: ReturnIn) -> Realisation:
    user = request.auth  # type: ignore[attr-defined]
    realisation = _verifiable(user, realisation_id)
    return _fresh(
        services.realisation_return(actor=user, realisation=realisation, note=payload.note, source=Source.API)
    )


# --- Evaluation and early warnings --------------------------------------------------------------------------


@router.get("/monev/evaluation", response={200: EvaluationOut, **WRITE_ERRORS}, summary="Hasil evaluasi satu OPD")
def evaluation_detail(request: HttpRequest, query: Query[EvaluationQuery]) -> dict[str, Any]:
    """Achievement per indicator, budget absorption per item and the OPD's average, up to a quarter
    (reports submitted or verified). A responsible official gets only the items they answer for."""
    user = request.auth  # type: ignore[attr-defined]
    opd = access.get_opd_for_user(user, query.opd)
    items = access.plan_items_visible_to(user).filter(opd=opd, year=query.year).for_tree()
    result = evaluation.evaluate_opd(items, year=query.year, quarter=query.quarter)
    rows = []
    for node in result.items():
        rows.append(
            {
                "id": node.item.pk,
                "parent_id": node.item.parent_id,
                "level": node.item.level,
                "code": node.item.code,
                "name": node.item.name,
                "is_budget": node.item.is_budget,
                "ceiling": node.ceiling,
                "spent": node.spent,
                "absorption": _pct(node.absorption),
                "indicators": [
                    {
                        "id": r.indicator.pk,
                        "name": r.indicator.name,
                        "unit_of_measure": r.indicator.unit_of_measure,
                        "target": r.target,
                        "quarters": r.quarters,
                        "realisation": r.realisation,
                        "achievement": _pct(r.achievement),
                        "band": r.band,
                        "renstra_progress": _pct(r.renstra_progress),
                    }
                    for r in node.indicators
                ],
            }
        )
    return {
        "opd_id": opd.pk,
        "year": query.year,
        "quarter": query.quarter,
        "average": _pct(result.average),
        "band": result.band,
        "ceiling": result.ceiling,
        "spent": result.spent,
        "absorption": _pct(result.absorption),
        "items": rows,
    }


@router.get("/monev/ranking", response={200: list[RankOut], **READ_ERRORS}, summary="Peringkat OPD")
def ranking(request: HttpRequest, query: Query[PeriodQuery]) -> list[dict[str, Any]]:
    """OPD by average achievement; ranks are over the whole regency, rows are the OPD you read."""
    user = request.auth  # type: ignore[attr-defined]
    visible = set(access.opds_visible_to(user).values_list("pk", flat=True))
    return [
        {
            "rank": row.rank,
            "opd_id": row.opd.pk,  # type: ignore[attr-defined]
            "opd_name": row.opd.name,  # type: ignore[attr-defined]
            "average": _pct(row.average),
            "band": row.band,
            "indicators": row.indicators,
            "reported": row.reported,
            "absorption": _pct(row.absorption),
        }
        for row in evaluation.ranking(year=query.year, quarter=query.quarter)
        if row.opd.pk in visible  # type: ignore[attr-defined]
    ]


@router.get("/monev/warnings", response={200: WarningList, **READ_ERRORS}, summary="Peringatan dini")
def warning_list(request: HttpRequest, filters: Query[WarningFilter]) -> dict[str, Any]:
    """Open early warnings on the items you read (run daily by ``pamong monev_warnings``)."""
    items = access.plan_items_visible_to(request.auth)  # type: ignore[attr-defined]
    warnings = EarlyWarning.objects.open().for_period(filters.year, filters.quarter).filter(plan_item__in=items)
    if filters.opd is not None:
        warnings = warnings.filter(plan_item__opd_id=filters.opd)
    page = page_of(warnings.for_list(), filters)
    page["items"] = [
        {
            "id": w.pk,
            "plan_item_id": w.plan_item_id,
            "plan_item_code": w.plan_item.code,
            "opd_id": w.plan_item.opd_id,
            "indicator_id": w.indicator_id,
            "kind": w.kind,
            "year": w.year,
            "quarter": w.quarter,
            "expected": w.expected,
            "reached": w.reached,
            "percent": w.percent,
            "margin": w.margin,
            "detected_at": w.detected_at,
        }
        for w in page["items"]
    ]
    return page
