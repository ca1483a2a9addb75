"""IP ASN rule sets, yearly measurements (snapshots) and their per-employee results, and unit targets.

A :class:`RuleSet` is a versioned JSON document (validated by
:func:`pamong.professionalism.ipasn.parse_rules`) with an effective date. A
:class:`Measurement` is the snapshot of one year: it names the rule set that
produced it, and each :class:`Result` keeps the facts it was computed from, so
an old figure can be recomputed exactly (``services.measurement_verify``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pamong.people.models import OrgUnit

from . import ipasn


class RuleSetQuerySet(models.QuerySet):
    def in_force_on(self, day: dt.date) -> RuleSet | None:
        """The rule set that applies on ``day``: the latest effective date not after it, then the highest
        version (a later copy with the same date replaces an earlier one)."""
        return self.filter(effective_from__lte=day).order_by("-effective_from", "-version").first()

    def newest_first(self) -> RuleSetQuerySet:
        """All versions, the newest effective date first."""
        return self.order_by("-effective_from", "-version")


class RuleSet(models.Model):
    """One version of the IP ASN points tables (RULES.md §1). Editable until a measurement uses it."""

    name = models.CharField(_("nama"), max_length=200)
    version = models.PositiveIntegerField(_("versi"), unique=True)
    effective_from = models.DateField(_("berlaku mulai"))
    document = models.JSONField(_("aturan"))
    digest = models.CharField(max_length=64, editable=False)
    note = models.TextField(_("catatan perubahan"), blank=True)
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("disalin dari")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RuleSetQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from", "-version"]
        verbose_name = _("aturan IP ASN")
        verbose_name_plural = _("aturan IP ASN")

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @cached_property
    def rules(self) -> ipasn.Rules:
        return ipasn.parse_rules(self.document)

    @property
    def is_locked(self) -> bool:
        """A rule set that produced a stored measurement never changes: copy it to change the rules."""
        return self.measurements.exists()


class MeasurementQuerySet(models.QuerySet):
    def latest_first(self) -> MeasurementQuerySet:
        """Measurements, newest year first, with their rule set."""
        return self.select_related("rule_set").order_by("-year")


class Measurement(models.Model):
    """The IP ASN snapshot of one year for the whole regency: re-running it replaces the results only
    when they differ; the digests show whether inputs or results changed."""

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    as_of = models.DateField(_("tanggal pengukuran"))
    rule_set = models.ForeignKey(
        RuleSet, on_delete=models.PROTECT, related_name="measurements", verbose_name=_("aturan")
    )
    input_digest = models.CharField(max_length=64)
    result_digest = models.CharField(max_length=64)
    scored = models.PositiveIntegerField(_("diukur"), default=0)
    incomplete = models.PositiveIntegerField(_("data tidak lengkap"), default=0)
    excluded = models.PositiveIntegerField(_("tidak diukur"), default=0)
    mean_total = models.DecimalField(_("IP ASN rata-rata"), max_digits=5, decimal_places=2, null=True, blank=True)
    computed_at = models.DateTimeField(_("dihitung pada"))
    computed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("pengukuran IP ASN")
        verbose_name_plural = _("pengukuran IP ASN")

    def __str__(self) -> str:
        return f"IP ASN {self.year}"


class ResultState(models.TextChoices):
    SCORED = ipasn.SCORED, _("Diukur")
    INCOMPLETE = ipasn.INCOMPLETE, _("Data tidak lengkap")
    EXCLUDED = ipasn.EXCLUDED, _("Tidak diukur")


class ResultQuerySet(models.QuerySet):
    def of_measurement(self, measurement: Measurement) -> ResultQuerySet:
        return self.filter(measurement=measurement)

    def in_units(self, unit_ids: Any) -> ResultQuerySet:
        """Results of employees who were placed in these units when measured."""
        return self.filter(org_unit_id__in=unit_ids)

    def in_subtree(self, unit: OrgUnit) -> ResultQuerySet:
        """Results of employees who were in ``unit`` or under it when measured."""
        if unit.parent_id is None:
            return self
        return self.in_units(OrgUnit.objects.subtree_ids(unit.pk))

    def for_employees(self, employees: Any) -> ResultQuerySet:
        """Results of the given employees (a queryset from ``employees_visible_to``)."""
        return self.filter(employee__in=employees)

    def scored(self) -> ResultQuerySet:
        return self.filter(state=ResultState.SCORED)

    def incomplete(self) -> ResultQuerySet:
        return self.filter(state=ResultState.INCOMPLETE)

    def aggregate_rows(self) -> list[tuple[Any, ...]]:
        """``(state, kualifikasi, kompetensi, kinerja, disiplin, total, category)`` per result, the shape
        :func:`pamong.professionalism.ipasn.aggregate` reads (one query, no model instances)."""
        return list(self.values_list("state", *ipasn.DIMENSIONS, "total", "category"))

    def for_table(self) -> ResultQuerySet:
        """What result lists and reports show, in one query."""
        return self.select_related("org_unit").order_by("org_unit__code", "name", "id")


class Result(models.Model):
    """One employee's IP ASN in one measurement, with the facts it was computed from."""

    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="results")
    employee = models.ForeignKey(
        "people.Employee", null=True, blank=True, on_delete=models.SET_NULL, related_name="ipasn_results"
    )
    # Who and where at measurement time: a later transfer does not move an old result.
    nip = models.CharField(_("NIP"), max_length=18)
    name = models.CharField(_("nama"), max_length=260)
    org_unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    opd = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    employee_status = models.CharField(_("status kepegawaian"), max_length=4)
    position_type = models.CharField(_("jenis jabatan"), max_length=20, blank=True)
    position_name = models.CharField(_("jabatan"), max_length=200, blank=True)
    # The facts (ipasn.Facts), None = unknown.
    education_level = models.CharField(_("pendidikan terakhir"), max_length=4, null=True, blank=True)
    leadership_training = models.BooleanField(_("diklatpim sesuai jabatan"), null=True, blank=True)
    functional_training = models.BooleanField(_("diklat fungsional sesuai jabatan"), null=True, blank=True)
    technical_jp = models.DecimalField(_("JP teknis"), max_digits=8, decimal_places=2, null=True, blank=True)
    seminar = models.BooleanField(_("seminar/workshop/kursus"), null=True, blank=True)
    predikat = models.CharField(_("predikat kinerja"), max_length=16, null=True, blank=True)
    sanction_level = models.CharField(_("hukuman disiplin"), max_length=6, null=True, blank=True)
    # The outcome.
    state = models.CharField(_("keadaan"), max_length=10, choices=ResultState.choices)
    kualifikasi = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    kompetensi = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    kinerja = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    disiplin = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    total = models.DecimalField(_("IP ASN"), max_digits=5, decimal_places=2, null=True, blank=True)
    category = models.CharField(_("kategori"), max_length=16)
    missing = models.CharField(_("data yang kurang"), max_length=300, blank=True)

    objects = ResultQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("hasil IP ASN")
        verbose_name_plural = _("hasil IP ASN")
        indexes = [
            models.Index(fields=["measurement", "org_unit"]),
            models.Index(fields=["measurement", "opd"]),
            models.Index(fields=["measurement", "employee"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="scored", total__isnull=False) | ~Q(state="scored") & Q(total__isnull=True),
                name="ipasn_result_total_only_when_scored",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.measurement_id}: {self.total}"

    @property
    def facts(self) -> ipasn.Facts:
        return ipasn.Facts(
            status=self.employee_status,
            position_type=ipasn.POSITION_GROUP.get(self.position_type),
            education_level=self.education_level,
            leadership_training_matches_position=self.leadership_training,
            functional_training_matches_position=self.functional_training,
            technical_jp_last_year=self.technical_jp,
            seminar_last_2_years=self.seminar,
            predikat_last_year=self.predikat,
            sanction_level=self.sanction_level,
        )

    @property
    def missing_list(self) -> list[str]:
        return [m for m in self.missing.split(";") if m]

    def outcome(self) -> tuple[Any, ...]:
        """What :func:`pamong.professionalism.ipasn_polars.score_tuple` gives for a fresh score."""
        return (
            self.state,
            *[getattr(self, d) for d in ipasn.DIMENSIONS],
            self.total,
            self.category,
            tuple(self.missing_list),
        )


class UnitTarget(models.Model):
    """The IP ASN a unit aims for in a year; the unit page shows the gap to it."""

    org_unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("tahun"))
    target = models.DecimalField(
        _("target IP ASN"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    set_at = models.DateTimeField()

    class Meta:
        verbose_name = _("target IP ASN unit")
        verbose_name_plural = _("target IP ASN unit")
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "year"], name="ipasn_target_one_per_unit_year"),
            models.CheckConstraint(condition=Q(target__gte=0) & Q(target__lte=100), name="ipasn_target_0_100"),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit} {self.year}: {self.target}"
