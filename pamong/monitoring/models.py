"""Monitoring and evaluation: the Renja structure, indicators and targets, quarterly realisation,
early warnings and notifications (RULES.md §5; Permendagri 86/2017).

Structure: one :class:`PlanItem` model for the three levels (program → kegiatan →
sub kegiatan) of one OPD and year, so a tree, a report and the import walk one
table. Programmes outside the budget structure (the transformation programme)
are plan items with ``is_budget`` false.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import achievement as calc
from .periods import default_deadline

QUARTERS = (1, 2, 3, 4)


class Level(models.TextChoices):
    PROGRAMME = "program", _("Program")
    ACTIVITY = "kegiatan", _("Kegiatan")
    SUB_ACTIVITY = "sub_kegiatan", _("Sub kegiatan")


CHILD_LEVEL = {Level.PROGRAMME: Level.ACTIVITY, Level.ACTIVITY: Level.SUB_ACTIVITY}


class Direction(models.TextChoices):
    HIGHER = calc.Direction.HIGHER.value, _("Makin tinggi makin baik")
    LOWER = calc.Direction.LOWER.value, _("Makin rendah makin baik")


class BandChoice(models.TextChoices):
    SANGAT_TINGGI = calc.Band.SANGAT_TINGGI.value, _("Sangat Tinggi")
    TINGGI = calc.Band.TINGGI.value, _("Tinggi")
    SEDANG = calc.Band.SEDANG.value, _("Sedang")
    RENDAH = calc.Band.RENDAH.value, _("Rendah")
    SANGAT_RENDAH = calc.Band.SANGAT_RENDAH.value, _("Sangat Rendah")


class PeriodSetting(models.Model):
    """Per year: the deadline of each quarter's realisation and the early-warning margin.

    A missing deadline is the default: ten days after the quarter's end."""

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    deadline_q1 = models.DateField(_("batas TW I"), null=True, blank=True)
    deadline_q2 = models.DateField(_("batas TW II"), null=True, blank=True)
    deadline_q3 = models.DateField(_("batas TW III"), null=True, blank=True)
    deadline_q4 = models.DateField(_("batas TW IV"), null=True, blank=True)
    warning_margin = models.DecimalField(
        _("ambang peringatan dini (poin persen)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(10),
        help_text=_("Indikator ditandai bila capaian s.d. triwulan tertinggal lebih dari sekian poin dari 100%."),
    )

    class Meta:
        verbose_name = _("pengaturan periode monev")
        verbose_name_plural = _("pengaturan periode monev")
        constraints = [
            models.CheckConstraint(
                condition=Q(warning_margin__gte=0, warning_margin__lte=100), name="monev_margin_0_100"
            )
        ]

    def __str__(self) -> str:
        return str(self.year)

    def deadline(self, quarter: int) -> dt.date:
        own = getattr(self, f"deadline_q{quarter}")
        return own or default_deadline(self.year, quarter)


DEFAULT_MARGIN = Decimal(10)


def period_setting(year: int) -> PeriodSetting:
    """The year's settings, or the defaults (unsaved) when none are stored."""
    return PeriodSetting.objects.filter(year=year).first() or PeriodSetting(year=year, warning_margin=DEFAULT_MARGIN)


class PlanItemQuerySet(models.QuerySet):
    def for_year(self, year: int) -> PlanItemQuerySet:
        """Items of one budget year."""
        return self.filter(year=year)

    def in_opds(self, opd_ids) -> PlanItemQuerySet:  # type: ignore[no-untyped-def]
        """Items of these OPD (ids)."""
        return self.filter(opd_id__in=opd_ids)

    def programmes(self) -> PlanItemQuerySet:
        """Top-level items only."""
        return self.filter(level=Level.PROGRAMME)

    def budget(self) -> PlanItemQuerySet:
        """Items of the budget structure (not the transformation programme and its like)."""
        return self.filter(is_budget=True)

    def outside_budget(self) -> PlanItemQuerySet:
        """Items of programmes outside the budget structure."""
        return self.filter(is_budget=False)

    def with_official_user(self, user) -> PlanItemQuerySet:  # type: ignore[no-untyped-def]
        """Items whose responsible official, or that of a parent or grandparent, is this user's employee."""
        return self.filter(
            Q(responsible_official__user=user)
            | Q(parent__responsible_official__user=user)
            | Q(parent__parent__responsible_official__user=user)
        )

    def for_tree(self) -> PlanItemQuerySet:
        """What a tree page shows, ordered by code, in one query (indicators come by prefetch)."""
        return self.select_related("opd", "responsible_unit", "responsible_official").order_by("code", "id")


class PlanItem(models.Model):
    """A programme, activity or sub-activity of one OPD's Renja for one year."""

    opd = models.ForeignKey(
        "people.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("perangkat daerah")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    level = models.CharField(_("tingkat"), max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", verbose_name=_("induk")
    )
    code = models.CharField(_("kode"), max_length=40, help_text=_("Kode nomenklatur nasional, mis. 1.02.02.2.01.0001."))
    name = models.CharField(_("nama"), max_length=300)
    is_budget = models.BooleanField(
        _("dalam struktur anggaran"),
        default=True,
        help_text=_("Kosongkan untuk program di luar APBD, mis. Program Transformasi Personal."),
    )
    responsible_unit = models.ForeignKey(
        "people.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit penanggung jawab"),
    )
    responsible_official = models.ForeignKey(
        "people.Employee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pejabat penanggung jawab"),
    )
    pagu = models.DecimalField(_("pagu (Rp)"), max_digits=18, decimal_places=2, null=True, blank=True)
    revised_pagu = models.DecimalField(_("pagu perubahan (Rp)"), max_digits=18, decimal_places=2, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["opd", "year", "code"]
        verbose_name = _("program/kegiatan")
        verbose_name_plural = _("program/kegiatan")
        constraints = [
            models.UniqueConstraint(fields=["opd", "year", "code"], name="monev_item_code_unique"),
            models.CheckConstraint(
                condition=Q(level="program", parent__isnull=True) | (~Q(level="program") & Q(parent__isnull=False)),
                name="monev_item_only_programmes_are_roots",
            ),
            models.CheckConstraint(
                condition=Q(level="sub_kegiatan") | Q(pagu__isnull=True, revised_pagu__isnull=True),
                name="monev_item_pagu_only_on_sub_activities",
            ),
            models.CheckConstraint(
                condition=(Q(pagu__isnull=True) | Q(pagu__gte=0))
                & (Q(revised_pagu__isnull=True) | Q(revised_pagu__gte=0)),
                name="monev_item_pagu_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["year", "opd", "level"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def ceiling(self) -> Decimal | None:
        """The budget ceiling in force: the revised pagu after the budget change, else the original."""
        return self.revised_pagu if self.revised_pagu is not None else self.pagu

    @property
    def indicator_kind(self) -> str:
        return str(_("Outcome")) if self.level == Level.PROGRAMME else str(_("Output"))

    @property
    def child_level(self) -> str | None:
        return CHILD_LEVEL.get(Level(self.level))


class Indicator(models.Model):
    """A performance indicator of a plan item (outcome for a programme, output below) with its targets."""

    plan_item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indikator"), max_length=300)
    unit_of_measure = models.CharField(_("satuan"), max_length=60)
    direction = models.CharField(_("arah"), max_length=6, choices=Direction.choices, default=Direction.HIGHER)
    cumulative = models.BooleanField(
        _("kumulatif"),
        default=True,
        help_text=_(
            "Realisasi tahunan = jumlah triwulan. Kosongkan untuk persentase, indeks atau rasio: "
            "realisasi tahunan = nilai triwulan terakhir."
        ),
    )
    target = models.DecimalField(_("target tahunan"), max_digits=18, decimal_places=4)
    revised_target = models.DecimalField(
        _("target perubahan"),
        max_digits=18,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Setelah perubahan anggaran; target awal tetap disimpan."),
    )
    target_q1 = models.DecimalField(_("target TW I"), max_digits=18, decimal_places=4, null=True, blank=True)
    target_q2 = models.DecimalField(_("target TW II"), max_digits=18, decimal_places=4, null=True, blank=True)
    target_q3 = models.DecimalField(_("target TW III"), max_digits=18, decimal_places=4, null=True, blank=True)
    target_q4 = models.DecimalField(_("target TW IV"), max_digits=18, decimal_places=4, null=True, blank=True)
    renstra_target = models.DecimalField(
        _("target Renstra (akhir periode)"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    renstra_until_last_year = models.DecimalField(
        _("realisasi Renstra s.d. tahun lalu"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    auto_source = models.CharField(
        _("sumber otomatis"),
        max_length=60,
        blank=True,
        help_text=_("Realisasi diambil otomatis dari data pamong."),
    )
    source_unit = models.ForeignKey(
        "people.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit sumber data"),
        help_text=_("Unit yang datanya dihitung; kosong berarti seluruh kabupaten."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["plan_item", "order", "id"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        constraints = [
            models.CheckConstraint(condition=Q(target__gt=0), name="monev_indicator_target_positive"),
            models.CheckConstraint(
                condition=Q(revised_target__isnull=True) | Q(revised_target__gt=0),
                name="monev_indicator_revised_target_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def effective_target(self) -> Decimal:
        """The target in force: the revised one after the budget change, else the original."""
        return self.revised_target if self.revised_target is not None else self.target

    @property
    def quarterly_targets(self) -> list[Decimal | None]:
        return [getattr(self, f"target_q{q}") for q in QUARTERS]

    @property
    def is_automatic(self) -> bool:
        return bool(self.auto_source)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    RETURNED = "returned", _("Dikembalikan")
    VERIFIED = "verified", _("Terverifikasi")


EDITABLE = (Status.DRAFT, Status.RETURNED)
# Reports whose figures the evaluation pages and reports count: put forward by the official [design].
COUNTED = (Status.SUBMITTED, Status.VERIFIED)


class RealisationQuerySet(models.QuerySet):
    def for_year(self, year: int) -> RealisationQuerySet:
        """Reports of plan items of one year."""
        return self.filter(plan_item__year=year)

    def awaiting_verification(self) -> RealisationQuerySet:
        """Reports submitted and not yet verified or returned."""
        return self.filter(status=Status.SUBMITTED)

    def for_list(self) -> RealisationQuerySet:
        """What a list of reports shows, in one query."""
        return self.select_related(
            "plan_item", "plan_item__opd", "plan_item__responsible_official", "submitted_by"
        ).order_by("plan_item__opd__code", "plan_item__code", "quarter")


class Realisation(models.Model):
    """One quarter's realisation of a plan item: indicator volumes, budget spent, evidence and evaluation.

    State: draft → submitted → verified, or → returned (with a note) → submitted again.
    Changes of state are conditional UPDATEs in :mod:`.services`."""

    plan_item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="realisations")
    quarter = models.PositiveSmallIntegerField(_("triwulan"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    budget_spent = models.DecimalField(
        _("realisasi anggaran (Rp)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    drivers = models.TextField(_("faktor pendorong"), blank=True)
    obstacles = models.TextField(_("faktor penghambat"), blank=True)
    follow_up = models.TextField(_("tindak lanjut triwulan berikutnya"), blank=True)
    return_note = models.TextField(_("catatan pengembalian"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RealisationQuerySet.as_manager()

    class Meta:
        ordering = ["plan_item", "quarter"]
        verbose_name = _("realisasi triwulan")
        verbose_name_plural = _("realisasi triwulan")
        constraints = [
            models.UniqueConstraint(fields=["plan_item", "quarter"], name="monev_realisation_once_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="monev_realisation_quarter_1_4"),
            models.CheckConstraint(
                condition=Q(budget_spent__isnull=True) | Q(budget_spent__gte=0), name="monev_budget_spent_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_item} — TW {self.quarter}"

    @property
    def is_editable_state(self) -> bool:
        return self.status in EDITABLE


class RealisationValue(models.Model):
    """The volume an indicator reached in one quarter (``is_automatic`` when taken from a source)."""

    realisation = models.ForeignKey(Realisation, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("realisasi"), max_digits=18, decimal_places=4, null=True, blank=True)
    is_automatic = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("nilai realisasi")
        verbose_name_plural = _("nilai realisasi")
        constraints = [
            models.UniqueConstraint(fields=["realisation", "indicator"], name="monev_value_once_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class Evidence(models.Model):
    """A file backing a quarter's realisation, stored under MEDIA_ROOT/monev with a random name."""

    realisation = models.ForeignKey(Realisation, on_delete=models.CASCADE, related_name="evidence")
    original_name = models.CharField(_("nama berkas"), max_length=200)
    stored_name = models.CharField(max_length=80, unique=True)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")

    def __str__(self) -> str:
        return self.original_name


class Reopening(models.Model):
    """A BKD administrator reopened a locked quarter of one OPD until a date (audited)."""

    opd = models.ForeignKey("people.OrgUnit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"))
    open_until = models.DateField(_("dibuka sampai"))
    reason = models.TextField(_("alasan"))
    reopened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reopened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reopened_at"]
        verbose_name = _("pembukaan kembali triwulan")
        verbose_name_plural = _("pembukaan kembali triwulan")
        constraints = [
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="monev_reopening_quarter_1_4")
        ]

    def __str__(self) -> str:
        return f"{self.opd} {self.year} TW {self.quarter} → {self.open_until}"


class WarningKind(models.TextChoices):
    VOLUME = "volume", _("Capaian kinerja")
    BUDGET = "budget", _("Penyerapan anggaran")


class EarlyWarningQuerySet(models.QuerySet):
    def open(self) -> EarlyWarningQuerySet:
        """Warnings still standing (the lag was not made up at a later run)."""
        return self.filter(resolved_at__isnull=True)

    def for_period(self, year: int, quarter: int) -> EarlyWarningQuerySet:
        return self.filter(year=year, quarter=quarter)

    def for_list(self) -> EarlyWarningQuerySet:
        """What a list of warnings shows, in one query."""
        return self.select_related(
            "plan_item", "plan_item__opd", "plan_item__responsible_official", "indicator"
        ).order_by("plan_item__opd__code", "plan_item__code", "kind", "indicator_id")


class EarlyWarning(models.Model):
    """An indicator (volume) or a sub-activity (budget) lagging its plan at a quarter's end.

    Written by ``pamong monev_warnings``; a later run that finds the lag made up
    sets ``resolved_at`` (the row stays, so the history is kept)."""

    plan_item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="warnings")
    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="warnings")
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"))
    kind = models.CharField(_("jenis"), max_length=6, choices=WarningKind.choices)
    expected = models.DecimalField(_("rencana s.d. triwulan"), max_digits=18, decimal_places=4)
    reached = models.DecimalField(_("realisasi s.d. triwulan"), max_digits=18, decimal_places=4, null=True)
    percent = models.DecimalField(_("capaian/penyerapan (%)"), max_digits=9, decimal_places=2, null=True)
    margin = models.DecimalField(_("ambang (poin)"), max_digits=5, decimal_places=2)
    detected_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = EarlyWarningQuerySet.as_manager()

    class Meta:
        verbose_name = _("peringatan dini")
        verbose_name_plural = _("peringatan dini")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "quarter"],
                condition=Q(kind="volume"),
                name="monev_warning_volume_once",
            ),
            models.UniqueConstraint(
                fields=["plan_item", "year", "quarter"],
                condition=Q(kind="budget"),
                name="monev_warning_budget_once",
            ),
            models.CheckConstraint(
                condition=Q(kind="budget", indicator__isnull=True) | Q(kind="volume", indicator__isnull=False),
                name="monev_warning_volume_has_indicator",
            ),
        ]

    def __str__(self) -> str:
        subject = self.indicator or self.plan_item
        return f"{subject} — TW {self.quarter} {self.year}"


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app message to one user (early warnings, returned reports); also sent by e-mail."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monev_notifications")
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), blank=True)
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")

    def __str__(self) -> str:
        return self.title
