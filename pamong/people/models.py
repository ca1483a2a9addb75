"""The organisation and its people: org units (a tree), positions, employees, histories."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from tree_queries.models import TreeNode
from tree_queries.query import TreeQuerySet

from . import reference

models.CharField.register_lookup(Length)


class UnitKind(models.TextChoices):
    PEMDA = "pemda", _("Pemerintah kabupaten")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    SATPOL = "satpol", _("Satuan")
    KECAMATAN = "kecamatan", _("Kecamatan")
    RSUD = "rsud", _("RSUD")
    BAGIAN = "bagian", _("Bagian")
    BIDANG = "bidang", _("Bidang")
    SUBBAGIAN = "subbagian", _("Subbagian / seksi")
    UPT = "upt", _("UPT")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    SEKOLAH = "sekolah", _("Sekolah")
    KELURAHAN = "kelurahan", _("Kelurahan")


# Kinds that are an OPD (perangkat daerah) when they sit directly under the regency.
OPD_KINDS = {
    UnitKind.SEKRETARIAT,
    UnitKind.INSPEKTORAT,
    UnitKind.DINAS,
    UnitKind.BADAN,
    UnitKind.SATPOL,
    UnitKind.KECAMATAN,
    UnitKind.RSUD,
}


class OrgUnitQuerySet(TreeQuerySet):
    def active(self) -> OrgUnitQuerySet:
        """Units in force today."""
        today = timezone.localdate()
        return self.filter(Q(active_until__isnull=True) | Q(active_until__gte=today))

    def opds(self) -> OrgUnitQuerySet:
        """The regency's departments: units whose OPD is themselves."""
        return self.filter(opd_id=models.F("id"))

    def search(self, text: str | None) -> OrgUnitQuerySet:
        """Part of the name, or the start of the code."""
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(code__istartswith=text))

    def subtree_ids(self, unit_id: int) -> list[int]:
        """Ids of ``unit_id`` and everything under it (recursive CTE)."""
        root = self.model.objects.get(pk=unit_id)
        return list(root.descendants(include_self=True).values_list("id", flat=True))


class OrgUnit(TreeNode):
    """A unit of the regency: the regency itself at the root, OPD, bidang, UPT …

    ``opd`` points to the OPD the unit belongs to (itself for an OPD, empty for
    the root); services keep it right when a unit moves, so "by OPD" counts need
    no tree walk.
    """

    code = models.CharField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=UnitKind.choices)
    opd = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    head_position = models.ForeignKey(
        "Position",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("jabatan kepala"),
    )
    active_from = models.DateField(_("aktif sejak"), null=True, blank=True)
    active_until = models.DateField(_("aktif sampai"), null=True, blank=True)

    objects = OrgUnitQuerySet.as_manager(with_tree_fields=False)
    history = HistoricalRecords(excluded_fields=["opd"])

    class Meta:
        ordering = ["code"]
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")

    def __str__(self) -> str:
        return self.name

    @property
    def is_opd(self) -> bool:
        return self.opd_id == self.pk


class PositionType(models.TextChoices):
    JPT_UTAMA = "jpt_utama", _("JPT utama")
    JPT_MADYA = "jpt_madya", _("JPT madya")
    JPT_PRATAMA = "jpt_pratama", _("JPT pratama")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    PELAKSANA = "pelaksana", _("Pelaksana")
    FUNGSIONAL = "fungsional", _("Fungsional")


class FunctionalLevel(models.TextChoices):
    AHLI_PERTAMA = "ahli_pertama", _("Ahli pertama")
    AHLI_MUDA = "ahli_muda", _("Ahli muda")
    AHLI_MADYA = "ahli_madya", _("Ahli madya")
    AHLI_UTAMA = "ahli_utama", _("Ahli utama")
    PEMULA = "pemula", _("Pemula")
    TERAMPIL = "terampil", _("Terampil")
    MAHIR = "mahir", _("Mahir")
    PENYELIA = "penyelia", _("Penyelia")


ESELON: dict[str, str] = {
    PositionType.JPT_UTAMA: "I.a",
    PositionType.JPT_MADYA: "I.b",
    PositionType.JPT_PRATAMA: "II",
    PositionType.ADMINISTRATOR: "III",
    PositionType.PENGAWAS: "IV",
}
STRUCTURAL_TYPES = set(ESELON)


class PositionQuerySet(models.QuerySet):
    def structural(self) -> PositionQuerySet:
        return self.filter(position_type__in=STRUCTURAL_TYPES)


class Position(models.Model):
    """A post in a unit. Several employees may hold the same functional or pelaksana post."""

    name = models.CharField(_("nama jabatan"), max_length=200)
    position_type = models.CharField(_("jenis jabatan"), max_length=20, choices=PositionType.choices)
    functional_level = models.CharField(
        _("jenjang fungsional"), max_length=20, choices=FunctionalLevel.choices, blank=True
    )
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="positions", verbose_name=_("unit"))

    objects = PositionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["org_unit__code", "name"]
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        constraints = [
            models.CheckConstraint(
                condition=Q(position_type="fungsional") | Q(functional_level=""),
                name="functional_level_only_for_fungsional",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def eselon(self) -> str:
        return ESELON.get(self.position_type, "")

    @property
    def is_structural(self) -> bool:
        return self.position_type in STRUCTURAL_TYPES


class EmployeeStatus(models.TextChoices):
    PNS = "pns", _("PNS")
    CPNS = "cpns", _("CPNS")
    PPPK = "pppk", _("PPPK")


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class InactiveReason(models.TextChoices):
    RETIRED = "retired", _("Pensiun")
    MOVED = "moved", _("Pindah instansi")
    DECEASED = "deceased", _("Meninggal dunia")
    DISMISSED = "dismissed", _("Diberhentikan")
    OTHER = "other", _("Lainnya")


GOLONGAN_CHOICES = [(g, f"{g} — {p}") for g, p in reference.PNS_GOLONGAN.items()] + [
    (g, f"{g} (PPPK)") for g in reference.PPPK_GOLONGAN
]


class EmployeeQuerySet(models.QuerySet):
    def active(self) -> EmployeeQuerySet:
        return self.filter(is_active=True)

    def in_units(self, unit_ids) -> EmployeeQuerySet:  # type: ignore[no-untyped-def]
        """Employees placed in any of these units."""
        return self.filter(org_unit_id__in=unit_ids)

    def in_subtree(self, unit: OrgUnit) -> EmployeeQuerySet:
        """Employees of ``unit`` and every unit under it."""
        return self.in_units(OrgUnit.objects.subtree_ids(unit.pk))

    def search(self, text: str) -> EmployeeQuerySet:
        """Match a NIP prefix when ``text`` is digits, else part of the name."""
        text = text.strip()
        if not text:
            return self
        if text.isdigit():
            return self.filter(nip__startswith=text)
        return self.filter(name__icontains=text)

    def filtered(
        self,
        *,
        q: str | None = None,
        unit_id: int | None = None,
        status: str | None = None,
        golongan: str | None = None,
        position_type: str | None = None,
        active: bool | None = None,
    ) -> EmployeeQuerySet:
        """The list filters shared by the web page and the API; ``None`` means "any".
        ``unit_id`` takes the unit and everything under it (an unknown unit matches nobody)."""
        qs = self.search(q or "")
        if unit_id is not None:
            if not OrgUnit.objects.filter(pk=unit_id).exists():
                return qs.none()
            qs = qs.in_units(OrgUnit.objects.subtree_ids(unit_id))
        if status:
            qs = qs.filter(status=status)
        if golongan:
            qs = qs.filter(golongan=golongan)
        if position_type:
            qs = qs.filter(position__position_type=position_type)
        if active is not None:
            qs = qs.filter(is_active=active)
        return qs

    def for_list(self) -> EmployeeQuerySet:
        """What the list page and API show, in one query."""
        return self.select_related("org_unit", "position").order_by("name", "id")


class Employee(models.Model):
    """A civil servant (PNS, CPNS or PPPK) of the regency."""

    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    name = models.CharField(_("nama"), max_length=150, db_index=True)
    front_title = models.CharField(_("gelar depan"), max_length=40, blank=True)
    back_title = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("tanggal lahir"))
    birth_place = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    status = models.CharField(_("status kepegawaian"), max_length=4, choices=EmployeeStatus.choices)
    golongan = models.CharField(_("golongan"), max_length=6, choices=GOLONGAN_CHOICES, blank=True)
    tmt_golongan = models.DateField(_("TMT golongan"), null=True, blank=True)
    tmt_start = models.DateField(_("TMT CPNS/PPPK"), null=True, blank=True)
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="employees", verbose_name=_("unit"))
    position = models.ForeignKey(
        Position,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="holders",
        verbose_name=_("jabatan"),
    )
    tmt_position = models.DateField(_("TMT jabatan"), null=True, blank=True)
    supervisor_override = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("atasan langsung (ditetapkan)"),
    )
    email_gov = models.EmailField(_("email dinas"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    inactive_reason = models.CharField(
        _("alasan tidak aktif"), max_length=12, choices=InactiveReason.choices, blank=True
    )
    inactive_since = models.DateField(_("tidak aktif sejak"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
        verbose_name=_("akun pengguna"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmployeeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        indexes = [models.Index(fields=["org_unit", "is_active"]), models.Index(fields=["status", "golongan"])]
        constraints = [
            models.CheckConstraint(condition=Q(nip__length=18), name="employee_nip_18_chars"),
            models.CheckConstraint(
                condition=Q(is_active=True, inactive_reason="") | Q(is_active=False) & ~Q(inactive_reason=""),
                name="employee_inactive_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """Name with academic titles: ``Dr. Siti Rahayu, S.E., M.M.``"""
        name = f"{self.front_title} {self.name}".strip()
        return f"{name}, {self.back_title}" if self.back_title else name

    @property
    def is_pns(self) -> bool:
        return self.status == EmployeeStatus.PNS

    @property
    def pangkat(self) -> str:
        return reference.pangkat_for(self.golongan)

    def direct_supervisor(self) -> Employee | None:
        """1. The explicit override, if set. 2. Else the holder of the unit's head
        post. 3. If the employee *is* that head (or the post is empty), walk up
        to the parent unit's head."""
        if self.supervisor_override_id:
            return self.supervisor_override
        unit: OrgUnit | None = self.org_unit
        while unit is not None:
            if unit.head_position_id:
                head = (
                    Employee.objects.active()
                    .filter(position_id=unit.head_position_id)
                    .exclude(pk=self.pk)
                    .order_by("id")
                    .first()
                )
                if head is not None and self.position_id != unit.head_position_id:
                    return head
            unit = unit.parent
        return None


class EducationRecord(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="education")
    level = models.CharField(
        _("jenjang"), max_length=4, choices=[(k, v) for k, v in reference.EDUCATION_LABELS.items()]
    )
    institution = models.CharField(_("institusi"), max_length=200, blank=True)
    major = models.CharField(_("jurusan"), max_length=200, blank=True)
    graduation_year = models.PositiveSmallIntegerField(_("tahun lulus"), null=True, blank=True)

    class Meta:
        ordering = ["-graduation_year"]
        verbose_name = _("riwayat pendidikan")
        verbose_name_plural = _("riwayat pendidikan")
        constraints = [
            models.UniqueConstraint(fields=["employee", "level", "institution", "major"], name="education_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.major} {self.institution}".strip()

    @property
    def rank(self) -> int:
        return reference.EDUCATION_LEVELS.index(self.level)


class LeadershipLevel(models.TextChoices):
    PKN_I = "pkn_i", _("PKN tingkat I / Diklatpim I")
    PKN_II = "pkn_ii", _("PKN tingkat II / Diklatpim II")
    PKA = "pka", _("PKA / Diklatpim III")
    PKP = "pkp", _("PKP / Diklatpim IV")


class CompetencyType(models.TextChoices):
    MANAGERIAL = "managerial", _("Manajerial")
    TECHNICAL = "technical", _("Teknis")
    FUNCTIONAL = "functional", _("Fungsional")
    SOCIO_CULTURAL = "socio_cultural", _("Sosial kultural")


class TrainingRecordQuerySet(models.QuerySet):
    def in_year(self, year: int) -> TrainingRecordQuerySet:
        """Records that ended in ``year`` (the JP ledger counts a course in the year it ends)."""
        return self.filter(end_date__year=year)


class TrainingRecord(models.Model):
    """One competency-development record: the JP ledger of an employee.

    External records come from SIASN (``rw-diklat`` / ``rw-kursus``) or are typed
    in; internal ones are written by pamong when a batch it ran is closed, with
    ``source_ref`` naming the batch (e.g. ``learning.batch:12``) so a re-close
    never credits twice.
    """

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="trainings")
    kind = models.CharField(_("jenis"), max_length=30, choices=list(reference.TRAINING_KINDS.items()))
    name = models.CharField(_("nama pelatihan"), max_length=250)
    organizer = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    hours_jp = models.DecimalField(_("jumlah JP"), max_digits=6, decimal_places=2)
    certificate_number = models.CharField(_("nomor sertifikat"), max_length=100, blank=True)
    leadership_level = models.CharField(
        _("tingkat diklat kepemimpinan"), max_length=8, choices=LeadershipLevel.choices, blank=True
    )
    competency_type = models.CharField(_("jenis kompetensi"), max_length=16, choices=CompetencyType.choices, blank=True)
    source_ref = models.CharField(_("sumber internal"), max_length=60, blank=True, db_index=True)

    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("riwayat pelatihan")
        verbose_name_plural = _("riwayat pelatihan")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="training_dates_ordered"),
            models.CheckConstraint(condition=Q(hours_jp__gte=0), name="training_jp_not_negative"),
            models.UniqueConstraint(fields=["employee", "kind", "name", "start_date"], name="training_unique"),
            models.UniqueConstraint(
                fields=["employee", "source_ref"], condition=~Q(source_ref=""), name="training_internal_once"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_classical(self) -> bool:
        return self.kind in reference.CLASSICAL_TRAINING


class SanctionLevel(models.TextChoices):
    """Disciplinary sanction levels of PP 94/2021."""

    RINGAN = "ringan", _("Ringan")
    SEDANG = "sedang", _("Sedang")
    BERAT = "berat", _("Berat")


class SanctionRecord(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="sanctions")
    level = models.CharField(_("tingkat hukuman"), max_length=6, choices=SanctionLevel.choices)
    kind = models.CharField(_("jenis hukuman"), max_length=200)
    decree_number = models.CharField(_("nomor SK"), max_length=100, blank=True)
    start_date = models.DateField(_("berlaku mulai"))
    end_date = models.DateField(_("berlaku sampai"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("riwayat hukuman disiplin")
        verbose_name_plural = _("riwayat hukuman disiplin")
        constraints = [
            models.UniqueConstraint(fields=["employee", "level", "start_date"], name="sanction_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.kind}"


class Predikat(models.TextChoices):
    """Performance verdict of PermenPANRB 6/2022."""

    SANGAT_BAIK = "sangat_baik", _("Sangat Baik")
    BAIK = "baik", _("Baik")
    BUTUH_PERBAIKAN = "butuh_perbaikan", _("Butuh Perbaikan")
    KURANG = "kurang", _("Kurang")
    SANGAT_KURANG = "sangat_kurang", _("Sangat Kurang")


class PerformanceRecord(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="performance")
    year = models.PositiveSmallIntegerField(_("tahun"))
    predikat = models.CharField(_("predikat kinerja"), max_length=16, choices=Predikat.choices)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("riwayat kinerja")
        verbose_name_plural = _("riwayat kinerja")
        constraints = [models.UniqueConstraint(fields=["employee", "year"], name="performance_one_per_year")]

    def __str__(self) -> str:
        return f"{self.year}: {self.get_predikat_display()}"
