"""Writes of the IP ASN app: rule sets, measurements, targets. Each audits what it changes.

The engine (:mod:`.ipasn`) is pure; the functions here gather its inputs from
the people app's histories (the JP ledger is ``people.TrainingRecord``), call
it, and store the results with the rule set that produced them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.jobs import job_create
from pamong.core.models import Job, Source
from pamong.people.importing.writing import bulk_session, insert_rows
from pamong.people.models import EducationRecord, Employee, PerformanceRecord, SanctionRecord, TrainingRecord

from . import ipasn
from .models import Measurement, Result, ResultState, RuleSet, UnitTarget

MEASURE_JOB_KIND = "ipasn.measure"


def rule_errors(exc: ipasn.RulesError) -> ValidationError:
    """The engine's schema errors as a Django ``ValidationError`` on ``document``, translated."""
    return ValidationError({"document": [e.text(_) for e in exc.errors]})


# --- Rule sets ------------------------------------------------------------------------------------------------


def ruleset_in_force(day: dt.date) -> RuleSet:
    rule_set = RuleSet.objects.in_force_on(day)
    if rule_set is None:
        raise ValidationError(
            _("Tidak ada aturan IP ASN yang berlaku pada %(day)s.") % {"day": day.isoformat()}, code="no_rules"
        )
    return rule_set


def flatten(document: Any, prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` → ``{"a.b": 1}``; lists stay whole (they are compared as values)."""
    if not isinstance(document, dict):
        return {prefix: document}
    flat: dict[str, Any] = {}
    for key, value in document.items():
        flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def _next_version() -> int:
    return (RuleSet.objects.aggregate(v=Max("version"))["v"] or 0) + 1


@transaction.atomic
def ruleset_copy(
    *, actor: Any, rule_set: RuleSet, name: str = "", effective_from: dt.date | None = None, source: str = Source.WEB
) -> RuleSet:
    """A new version with the same rules, editable until a measurement uses it."""
    copy = RuleSet.objects.create(
        name=name or _("Salinan dari %(name)s") % {"name": rule_set.name},
        version=_next_version(),
        effective_from=effective_from or rule_set.effective_from,
        document=rule_set.document,
        digest=rule_set.digest,
        based_on=rule_set,
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="ipasn.ruleset.created",
        source=source,
        obj=copy,
        changes={"based_on": [None, rule_set.pk], "version": [None, copy.version]},
    )
    return copy


@transaction.atomic
def ruleset_update(
    *,
    actor: Any,
    rule_set: RuleSet,
    document: dict[str, Any],
    name: str | None = None,
    effective_from: dt.date | None = None,
    note: str | None = None,
    source: str = Source.WEB,
) -> RuleSet:
    """Change a rule set that no measurement has used yet. 1. Refuse a locked set. 2. Validate the document
    with the engine's schema. 3. Save and audit each changed value by its path (``competency.jpt.seminar.points``)."""
    rule_set = RuleSet.objects.select_for_update().get(pk=rule_set.pk)
    if rule_set.is_locked:
        raise ValidationError(
            _("Aturan ini sudah dipakai pengukuran dan tidak dapat diubah; salin untuk membuat versi baru."),
            code="locked",
        )
    try:
        ipasn.parse_rules(document)
    except ipasn.RulesError as exc:
        raise rule_errors(exc) from None
    document = {k: v for k, v in document.items() if k != "meta"}
    before = flatten(rule_set.document)
    after = flatten(document)
    changes: dict[str, list[Any]] = {
        path: [before.get(path), after.get(path)]
        for path in sorted(set(before) | set(after))
        if before.get(path) != after.get(path)
    }
    fields = ["document", "digest"]
    for field, value in (("name", name), ("effective_from", effective_from), ("note", note)):
        if value is not None and getattr(rule_set, field) != value:
            changes[field] = [getattr(rule_set, field), value]
            setattr(rule_set, field, value)
            fields.append(field)
    rule_set.document = document
    rule_set.digest = ipasn.document_digest(document)
    rule_set.save(update_fields=fields)
    rule_set.__dict__.pop("rules", None)
    if changes:
        audit_record(actor=actor, action="ipasn.ruleset.updated", source=source, obj=rule_set, changes=changes)
    return rule_set


def export_document(rule_set: RuleSet) -> dict[str, Any]:
    """The document with a ``meta`` object naming the version (``parse_rules`` ignores ``meta``)."""
    return {
        "meta": {
            "name": rule_set.name,
            "version": rule_set.version,
            "effective_from": rule_set.effective_from.isoformat(),
            "digest": rule_set.digest,
        },
        **rule_set.document,
    }


# --- Gathering the facts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """What a result row keeps about the employee besides the facts."""

    employee_id: int
    nip: str
    name: str
    org_unit_id: int
    opd_id: int | None
    status: str
    position_type: str
    position_name: str


def _full_name(front: str, name: str, back: str) -> str:
    text = f"{front} {name}".strip()
    return f"{text}, {back}" if back else text


def gather_facts(*, as_of: dt.date, rules: ipasn.Rules, employees: Any = None) -> list[tuple[Person, ipasn.Facts]]:
    """Every active employee (or those of ``employees``) with their facts as of ``as_of``, ordered by id.

    Five queries, whatever the number of employees: employees, education, training (the JP ledger),
    performance of the predikat year, sanctions; grouped in Python, then
    :func:`pamong.professionalism.ipasn.facts_from_history` per employee."""
    people = Employee.objects.active() if employees is None else employees.filter(is_active=True)
    rows = list(
        people.order_by("id").values_list(
            "id",
            "nip",
            "front_title",
            "name",
            "back_title",
            "org_unit_id",
            "org_unit__opd_id",
            "status",
            "position__position_type",
            "position__name",
        )
    )
    scope: dict[str, Any] = {"employee__is_active": True} if employees is None else {"employee__in": people}
    education: dict[int, list[str]] = defaultdict(list)
    for employee_id, level, year in EducationRecord.objects.filter(**scope).values_list(
        "employee_id", "level", "graduation_year"
    ):
        if year is None or year <= as_of.year:
            education[employee_id].append(level)
    trainings: dict[int, list[ipasn.TrainingItem]] = defaultdict(list)
    for employee_id, kind, end, hours, level, ctype in (
        TrainingRecord.objects.filter(**scope, end_date__lte=as_of)
        .order_by("employee_id", "end_date", "id")
        .values_list("employee_id", "kind", "end_date", "hours_jp", "leadership_level", "competency_type")
    ):
        trainings[employee_id].append(ipasn.TrainingItem(kind, end, hours, level, ctype))
    year = as_of.year - rules.predikat_year_offset
    predikat: dict[int, dict[int, str]] = defaultdict(dict)
    for employee_id, value in PerformanceRecord.objects.filter(**scope, year=year).values_list(
        "employee_id", "predikat"
    ):
        predikat[employee_id][year] = value
    sanctions: dict[int, list[ipasn.SanctionItem]] = defaultdict(list)
    for employee_id, level, start, end in SanctionRecord.objects.filter(**scope, start_date__lte=as_of).values_list(
        "employee_id", "level", "start_date", "end_date"
    ):
        sanctions[employee_id].append(ipasn.SanctionItem(level, start, end))

    out = []
    for pk, nip, front, name, back, unit_id, opd_id, status, ptype, pname in rows:
        facts = ipasn.facts_from_history(
            status=status,
            position_type=ptype,
            education_levels=education.get(pk, ()),
            trainings=trainings.get(pk, ()),
            predikat_by_year=predikat.get(pk, {}),
            sanctions=sanctions.get(pk, ()),
            as_of=as_of,
            rules=rules,
        )
        person = Person(pk, nip, _full_name(front, name, back), unit_id, opd_id, status, ptype or "", pname or "")
        out.append((person, facts))
    return out


def facts_for_employee(employee: Employee, *, as_of: dt.date, rules: ipasn.Rules) -> ipasn.Facts:
    """One employee's facts today (the employee page's "if measured now")."""
    found = gather_facts(as_of=as_of, rules=rules, employees=Employee.objects.filter(pk=employee.pk))
    if not found:
        raise ValidationError(_("Pegawai tidak aktif tidak diukur."))
    return found[0][1]


# --- Measurements ---------------------------------------------------------------------------------------------


# The columns a result row is written with (attnames), in order; see :func:`_result_values`.
RESULT_FIELDS = (
    "measurement_id",
    "employee_id",
    "nip",
    "name",
    "org_unit_id",
    "opd_id",
    "employee_status",
    "position_type",
    "position_name",
    "education_level",
    "leadership_training",
    "functional_training",
    "technical_jp",
    "seminar",
    "predikat",
    "sanction_level",
    "state",
    "kualifikasi",
    "kompetensi",
    "kinerja",
    "disiplin",
    "total",
    "category",
    "missing",
)


def _result_values(person: Person, facts: ipasn.Facts, score: ipasn.Score) -> tuple[Any, ...]:
    """One result row without its measurement id, in :data:`RESULT_FIELDS` order."""
    return (
        person.employee_id,
        person.nip,
        person.name[:260],
        person.org_unit_id,
        person.opd_id,
        person.status,
        person.position_type,
        person.position_name[:200],
        facts.education_level,
        facts.leadership_training_matches_position,
        facts.functional_training_matches_position,
        facts.technical_jp_last_year,
        facts.seminar_last_2_years,
        facts.predikat_last_year,
        facts.sanction_level,
        score.state,
        score.kualifikasi,
        score.kompetensi,
        score.kinerja,
        score.disiplin,
        score.total,
        score.category,
        ";".join(score.missing),
    )


def results_digest(rows: Iterable[tuple[Any, ...]]) -> str:
    """sha256 over result rows (:func:`_result_values`) in employee order: equal snapshots, equal digests.
    Numbers are hashed at two decimals, so a value read back from either database hashes the same."""
    digest = hashlib.sha256()
    for row in sorted(rows, key=lambda r: (r[0] or 0, r[1])):
        cells = [f"{v:.2f}" if isinstance(v, Decimal) else "" if v is None else str(v) for v in row]
        digest.update(("\x1f".join(cells) + "\x1e").encode("utf-8"))
    return digest.hexdigest()


def stored_digest(measurement: Measurement) -> str:
    """:func:`results_digest` of the rows stored for ``measurement`` (one query)."""
    return results_digest(measurement.results.values_list(*RESULT_FIELDS[1:]))


def default_as_of(year: int, today: dt.date) -> dt.date:
    """31 December of ``year``, or today while that year is still running."""
    return min(dt.date(year, 12, 31), today)


@transaction.atomic
def measurement_run(
    *,
    actor: Any,
    year: int,
    as_of: dt.date | None = None,
    source: str = Source.WEB,
    progress: Callable[[int, int | None, str], None] | None = None,
) -> Measurement:
    """Measure every active employee for ``year`` and store the snapshot.

    1. The measurement date is ``as_of`` (default: 31 December of the year, or today while it runs);
       the rule set is the one in force on that date.
    2. Gather the facts (:func:`gather_facts`) and score each employee with the pure engine.
    3. Compare with the stored snapshot of the year: the same results (same digest) keep the stored rows;
       otherwise the rows are replaced. Either way the run is audited with both digests, so a re-run with
       the same inputs and rule set provably gives the same snapshot.
    """
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Tahun tidak masuk akal.")})
    as_of = as_of or default_as_of(year, timezone.localdate())
    if as_of.year != year:
        raise ValidationError({"as_of": _("Tanggal pengukuran harus dalam tahun yang diukur.")})
    rule_set = ruleset_in_force(as_of)
    rules = rule_set.rules
    report = progress or (lambda done, total, message: None)
    report(0, None, _("Mengumpulkan data pegawai"))
    gathered = gather_facts(as_of=as_of, rules=rules)
    input_digest = hashlib.sha256(
        f"{rule_set.digest}|{as_of.isoformat()}|".encode()
        + ipasn.facts_digest(((p.employee_id, p.org_unit_id, p.position_type), f) for p, f in gathered).encode()
    ).hexdigest()
    report(0, len(gathered), _("Menghitung"))
    scores = [ipasn.score(facts, rules) for _person, facts in gathered]
    aggregate = ipasn.aggregate(scores, rules)

    measurement = Measurement.objects.select_for_update().filter(year=year).first()
    created = measurement is None
    previous = {"rule_set": None, "input_digest": "", "result_digest": ""}
    if measurement is None:
        measurement = Measurement(year=year)
    else:
        previous = {
            "rule_set": measurement.rule_set_id,
            "input_digest": measurement.input_digest,
            "result_digest": measurement.result_digest,
        }
    measurement.as_of = as_of
    measurement.rule_set = rule_set
    measurement.input_digest = input_digest
    measurement.scored = aggregate.scored
    measurement.incomplete = aggregate.incomplete
    measurement.excluded = aggregate.excluded
    measurement.mean_total = aggregate.mean_total
    measurement.computed_at = timezone.now()
    measurement.computed_by = actor if getattr(actor, "pk", None) else None
    if created:
        measurement.result_digest = ""
        measurement.save(force_insert=True)
    rows = [_result_values(p, f, s) for (p, f), s in zip(gathered, scores, strict=True)]
    result_digest = results_digest(rows)
    replaced = result_digest != measurement.result_digest
    if replaced:
        Result.objects.filter(measurement=measurement).delete()
        with bulk_session():
            insert_rows(Result, RESULT_FIELDS, [(measurement.pk, *row) for row in rows], when=timezone.now())
    measurement.result_digest = result_digest
    measurement.save()
    report(len(rows), len(rows), _("Selesai"))
    audit_record(
        actor=actor,
        action="ipasn.measurement.run",
        source=source,
        obj=measurement,
        changes={
            "rule_set": [previous["rule_set"], rule_set.pk],
            "input_digest": [previous["input_digest"], input_digest],
            "result_digest": [previous["result_digest"], result_digest],
            "results_replaced": [None, replaced],
        },
    )
    return measurement


def measurement_start(*, actor: Any, year: int, as_of: dt.date | None = None) -> Job:
    """Queue a measurement in the background worker; the job's page shows its progress."""
    from .tasks import measure_task

    as_of = as_of or default_as_of(year, timezone.localdate())
    ruleset_in_force(as_of)  # fail now, not in the worker
    job = job_create(kind=MEASURE_JOB_KIND, actor=actor, params={"year": year, "as_of": as_of.isoformat()})
    measure_task.enqueue(job.pk)
    return job


@dataclass(frozen=True)
class Mismatch:
    nip: str
    stored: tuple[Any, ...]
    recomputed: tuple[Any, ...]


def measurement_verify(measurement: Measurement) -> list[Mismatch]:
    """Recompute every stored result from its stored facts with the measurement's own rule set; list any
    that differ (an empty list: the snapshot is exactly reproducible)."""
    from .ipasn_polars import score_tuple

    rules = measurement.rule_set.rules
    mismatches = []
    for row in measurement.results.order_by("id").iterator(chunk_size=2000):
        fresh = score_tuple(ipasn.score(row.facts, rules))
        if fresh != row.outcome():
            mismatches.append(Mismatch(row.nip, row.outcome(), fresh))
    return mismatches


# --- Targets --------------------------------------------------------------------------------------------------


@transaction.atomic
def target_set(*, actor: Any, unit: Any, year: int, target: Decimal, source: str = Source.WEB) -> UnitTarget:
    """Set (or change) a unit's IP ASN target for a year."""
    target = Decimal(target)
    if not Decimal(0) <= target <= Decimal(100):
        raise ValidationError({"target": _("Target harus antara 0 dan 100.")})
    existing = UnitTarget.objects.select_for_update().filter(org_unit=unit, year=year).first()
    before = existing.target if existing else None
    if existing is None:
        existing = UnitTarget.objects.create(
            org_unit=unit, year=year, target=target, set_by=actor, set_at=timezone.now()
        )
    else:
        existing.target, existing.set_by, existing.set_at = target, actor, timezone.now()
        existing.save(update_fields=["target", "set_by", "set_at"])
    if before != target:
        audit_record(
            actor=actor,
            action="ipasn.target.set",
            source=source,
            obj=existing,
            changes={"target": [before, target], "year": [None, year], "org_unit": [None, unit.pk]},
        )
    return existing


__all__ = [
    "MEASURE_JOB_KIND",
    "Person",
    "ResultState",
    "export_document",
    "facts_for_employee",
    "gather_facts",
    "measurement_run",
    "measurement_start",
    "measurement_verify",
    "results_digest",
    "ruleset_copy",
    "ruleset_in_force",
    "ruleset_update",
    "stored_digest",
    "target_set",
]
