"""Competency development: programmes, batches, sessions, enrolment, attendance, tests,
feedback, certificates, action plans and the JP targets.

The JP ledger itself is ``people.TrainingRecord``: closing a batch writes one
record per completed participant (``source_ref="learning.batch:<id>"``).
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pamong.people import reference
from pamong.people.models import CompetencyType, EmployeeStatus, PositionType

from . import jp as jp_calc

# --- Programmes ----------------------------------------------------------------------------------


class Route(models.TextChoices):
    CLASSICAL = "classical", _("Klasikal")
    NON_CLASSICAL = "non_classical", _("Nonklasikal")


def route_of_kind(kind: str) -> str:
    return Route.CLASSICAL if kind in reference.CLASSICAL_TRAINING else Route.NON_CLASSICAL


DEFAULT_CERTIFICATE_FORMAT = "800/{seq:03d}/35.03.406/{year}"


class ProgrammeQuerySet(models.QuerySet):
    def active(self) -> ProgrammeQuerySet:
        return self.filter(is_active=True)


class Programme(models.Model):
    """A learning programme in the catalogue, e.g. the Personal Transformation Program."""

    title = models.CharField(_("judul"), max_length=200)
    description = models.TextField(_("deskripsi"), blank=True)
    goals = models.TextField(_("tujuan pembelajaran"), blank=True)
    kind = models.CharField(_("jenis pelatihan"), max_length=30, choices=list(reference.TRAINING_KINDS.items()))
    route = models.CharField(_("jalur"), max_length=14, choices=Route.choices)
    competency_type = models.CharField(_("jenis kompetensi"), max_length=16, choices=CompetencyType.choices)
    target_position_types = models.JSONField(
        _("jenis jabatan sasaran"),
        default=list,
        blank=True,
        help_text=_("Kosong berarti semua jenis jabatan."),
    )
    hours_jp = models.DecimalField(
        _("JP"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("JP program; kosong berarti dihitung dari menit sesi tiap angkatan (45 menit = 1 JP)."),
    )
    value_framework = models.CharField(
        _("kerangka nilai"),
        max_length=40,
        blank=True,
        help_text=_("Kode kerangka nilai yang disasar, mis. revolusi_mental (untuk penilaian 360°)."),
    )
    owner_unit = models.ForeignKey(
        "people.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit penyelenggara")
    )
    certificate_number_format = models.CharField(
        _("format nomor sertifikat"),
        max_length=80,
        default=DEFAULT_CERTIFICATE_FORMAT,
        help_text=_("Gunakan {seq} (nomor urut, mis. {seq:03d}) dan {year}. Contoh: 800/{seq:03d}/35.03.406/{year}"),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("program pembelajaran")
        verbose_name_plural = _("program pembelajaran")

    def __str__(self) -> str:
        return self.title

    def target_position_labels(self) -> list[str]:
        labels = dict(PositionType.choices)
        return [str(labels.get(value, value)) for value in self.target_position_types]


# --- Batches and sessions ------------------------------------------------------------------------


class BatchStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    OPEN = "open", _("Pendaftaran dibuka")
    RUNNING = "running", _("Berjalan")
    CLOSED = "closed", _("Ditutup")


class BatchQuerySet(models.QuerySet):
    def with_counts(self) -> BatchQuerySet:
        """Each batch with ``seats_taken`` (invited + confirmed) and ``waitlisted``."""
        return self.annotate(
            seats_taken=Count("enrolments", filter=Q(enrolments__status__in=SEAT_STATUSES), distinct=True),
            waitlisted=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITLISTED), distinct=True),
        )

    def for_list(self) -> BatchQuerySet:
        return self.select_related("programme").with_counts().order_by("-start_date", "-id")


class Batch(models.Model):
    """One run (angkatan) of a programme."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="batches")
    number = models.PositiveIntegerField(_("angkatan ke"))
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    venue = models.CharField(_("tempat"), max_length=200, blank=True)
    online_url = models.URLField(_("tautan daring"), blank=True)
    capacity = models.PositiveIntegerField(_("kapasitas"), default=35, validators=[MinValueValidator(1)])
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_batches", verbose_name=_("fasilitator")
    )
    status = models.CharField(_("status"), max_length=8, choices=BatchStatus.choices, default=BatchStatus.DRAFT)
    hours_jp = models.DecimalField(
        _("JP (ditetapkan)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Kosong: JP program, atau dihitung dari menit sesi (45 menit = 1 JP)."),
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("kehadiran minimal (%)"), default=80, validators=[MaxValueValidator(100)]
    )
    pass_score = models.DecimalField(
        _("nilai lulus post-test"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_("Kosong: post-test tidak menjadi syarat kelulusan."),
    )
    feedback_required = models.BooleanField(_("umpan balik wajib"), default=False)
    test_minutes = models.PositiveSmallIntegerField(_("batas waktu tes (menit)"), default=20)
    pre_test_open = models.BooleanField(_("pre-test dibuka"), default=False)
    post_test_open = models.BooleanField(_("post-test dibuka"), default=False)
    feedback_open = models.BooleanField(_("umpan balik dibuka"), default=False)
    evaluation_months = models.PositiveSmallIntegerField(
        _("evaluasi rencana aksi (bulan setelah angkatan)"), default=3, validators=[MaxValueValidator(24)]
    )
    signatory_name = models.CharField(_("nama penandatangan"), max_length=150, blank=True)
    signatory_position = models.CharField(_("jabatan penandatangan"), max_length=200, blank=True)
    signatory_nip = models.CharField(_("NIP penandatangan"), max_length=18, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BatchQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="learning_batch_number_unique"),
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="learning_batch_dates"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="learning_batch_capacity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.programme.title} — {self.label}"

    @property
    def label(self) -> str:
        return str(_("Angkatan %(n)s") % {"n": self.number})

    def effective_jp(self, session_minutes: list[int] | None = None) -> Decimal:
        """The batch's JP: set on the batch, else on the programme, else from its sessions' minutes."""
        explicit = self.hours_jp if self.hours_jp is not None else self.programme.hours_jp
        if explicit is not None:
            return jp_calc.batch_jp([], explicit)
        if session_minutes is None:
            session_minutes = [s.minutes for s in self.sessions.all()]
        return jp_calc.batch_jp(session_minutes)

    def is_full(self) -> bool:
        return self.enrolments.filter(status__in=SEAT_STATUSES).count() >= self.capacity

    @property
    def is_closed(self) -> bool:
        return self.status == BatchStatus.CLOSED

    def completion_rules(self):  # type: ignore[no-untyped-def]
        from .completion import Rules

        return Rules(
            min_attendance_percent=self.min_attendance_percent,
            pass_score=self.pass_score,
            feedback_required=self.feedback_required,
        )


class Session(models.Model):
    """One agenda item of a batch."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("tanggal"))
    start_time = models.TimeField(_("mulai"))
    end_time = models.TimeField(_("selesai"))
    topic = models.CharField(_("topik"), max_length=200)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("fasilitator"),
    )

    class Meta:
        ordering = ["date", "start_time", "id"]
        verbose_name = _("sesi")
        verbose_name_plural = _("sesi")
        constraints = [
            models.CheckConstraint(condition=Q(end_time__gt=models.F("start_time")), name="learning_session_times"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.start_time:%H.%M}–{self.end_time:%H.%M} {self.topic}"

    @property
    def minutes(self) -> int:
        start = self.start_time.hour * 60 + self.start_time.minute
        end = self.end_time.hour * 60 + self.end_time.minute
        return end - start


# --- Enrolment -------------------------------------------------------------------------------------


class EnrolmentStatus(models.TextChoices):
    INVITED = "invited", _("Diundang")
    CONFIRMED = "confirmed", _("Terkonfirmasi")
    WAITLISTED = "waitlisted", _("Daftar tunggu")
    DECLINED = "declined", _("Menolak")
    WITHDRAWN = "withdrawn", _("Mengundurkan diri")


SEAT_STATUSES = (EnrolmentStatus.INVITED, EnrolmentStatus.CONFIRMED)


class EnrolmentQuerySet(models.QuerySet):
    def holding_seats(self) -> EnrolmentQuerySet:
        """Invited or confirmed: they count against the capacity."""
        return self.filter(status__in=SEAT_STATUSES)

    def confirmed(self) -> EnrolmentQuerySet:
        return self.filter(status=EnrolmentStatus.CONFIRMED)

    def waitlist(self) -> EnrolmentQuerySet:
        """Waiting, first come first served."""
        return self.filter(status=EnrolmentStatus.WAITLISTED).order_by("created_at", "id")

    def for_list(self) -> EnrolmentQuerySet:
        return self.select_related("employee", "employee__org_unit", "employee__position").order_by(
            "employee__name", "id"
        )


class Enrolment(models.Model):
    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="enrolments")
    employee = models.ForeignKey("people.Employee", on_delete=models.PROTECT, related_name="enrolments")
    status = models.CharField(_("status"), max_length=10, choices=EnrolmentStatus.choices)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)
    pre_attempts_allowed = models.PositiveSmallIntegerField(default=1)
    post_attempts_allowed = models.PositiveSmallIntegerField(default=1)
    # Settled when the batch is closed.
    completed = models.BooleanField(null=True, blank=True)
    completion_missing = models.JSONField(default=list, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")
        constraints = [
            models.UniqueConstraint(fields=["batch", "employee"], name="learning_enrolment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.batch}"

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_STATUSES

    @property
    def is_confirmed(self) -> bool:
        return self.status == EnrolmentStatus.CONFIRMED


# --- Attendance ------------------------------------------------------------------------------------


class AttendanceMethod(models.TextChoices):
    QR = "qr", _("Pindai kode QR")
    MANUAL = "manual", _("Dicatat fasilitator")
    IMPORT = "import", _("Impor")


class Attendance(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendances")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    method = models.CharField(_("cara"), max_length=8, choices=AttendanceMethod.choices)
    checked_in_at = models.DateTimeField(_("waktu hadir"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("alasan"), max_length=300, blank=True)

    class Meta:
        ordering = ["session__date", "session__start_time"]
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "session"], name="learning_attendance_once"),
            models.CheckConstraint(condition=Q(method="qr") | ~Q(reason=""), name="learning_attendance_manual_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment.employee} @ {self.session}"


# --- Question bank and tests -------------------------------------------------------------------------


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Pilihan ganda (satu jawaban)")
    MULTIPLE = "multiple", _("Pilihan ganda (beberapa jawaban)")
    TRUE_FALSE = "true_false", _("Benar/salah")


class QuestionQuerySet(models.QuerySet):
    def active(self) -> QuestionQuerySet:
        return self.filter(is_active=True)


class Question(models.Model):
    """A question in a programme's bank; pre- and post-test draw the same active questions."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("pertanyaan"))
    kind = models.CharField(_("jenis"), max_length=10, choices=QuestionKind.choices)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("soal")
        verbose_name_plural = _("soal")

    def __str__(self) -> str:
        return self.text[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("pilihan"), max_length=300)
    is_correct = models.BooleanField(_("benar"), default=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("pilihan jawaban")
        verbose_name_plural = _("pilihan jawaban")

    def __str__(self) -> str:
        return self.text


class AttemptKind(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Post-test")


class TestAttemptQuerySet(models.QuerySet):
    def submitted(self) -> TestAttemptQuerySet:
        return self.filter(submitted_at__isnull=False)


class TestAttempt(models.Model):
    """One sitting of a pre- or post-test; the question and option order are fixed at the start."""

    __test__ = False  # not a pytest class, despite the name

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    kind = models.CharField(_("jenis tes"), max_length=4, choices=AttemptKind.choices)
    number = models.PositiveSmallIntegerField(_("percobaan ke"), default=1)
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    layout = models.JSONField(default=list)  # [[question_id, [choice_id, ...]], ...] in display order
    answers = models.JSONField(default=dict, blank=True)  # {"question_id": [choice_id, ...]}
    correct = models.PositiveSmallIntegerField(default=0)
    total = models.PositiveSmallIntegerField(default=0)
    score = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, null=True, blank=True)
    late = models.BooleanField(default=False)

    objects = TestAttemptQuerySet.as_manager()

    class Meta:
        ordering = ["enrolment", "kind", "number"]
        verbose_name = _("percobaan tes")
        verbose_name_plural = _("percobaan tes")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "kind", "number"], name="learning_attempt_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.number} {self.enrolment}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


# --- Feedback (anonymous) ------------------------------------------------------------------------------


class FeedbackSubmission(models.Model):
    """Only that a participant has answered: no time, and nothing that leads to the answer."""

    # The enrolment is the key: no id of its own whose order could follow the answers'.
    enrolment = models.OneToOneField(
        Enrolment, primary_key=True, on_delete=models.CASCADE, related_name="feedback_submission"
    )

    class Meta:
        verbose_name = _("tanda sudah mengisi umpan balik")
        verbose_name_plural = _("tanda sudah mengisi umpan balik")

    def __str__(self) -> str:
        return str(self.enrolment)


RATING = [MinValueValidator(1), MaxValueValidator(5)]


class FeedbackResponse(models.Model):
    """An anonymous reaction: a random id, the batch, the date, the ratings and comments.

    Nothing here joins to the participant: no enrolment, no sequential id, no time of day.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="feedback")
    submitted_on = models.DateField()
    content = models.PositiveSmallIntegerField(_("materi"), validators=RATING)
    facilitators = models.PositiveSmallIntegerField(_("fasilitator"), validators=RATING)
    organisation = models.PositiveSmallIntegerField(_("penyelenggaraan"), validators=RATING)
    relevance = models.PositiveSmallIntegerField(_("relevansi dengan pekerjaan"), validators=RATING)
    comments = models.TextField(_("saran dan komentar"), blank=True)

    class Meta:
        ordering = ["submitted_on", "id"]  # the random id, so storage order says nothing
        verbose_name = _("umpan balik")
        verbose_name_plural = _("umpan balik")
        constraints = [
            models.CheckConstraint(
                condition=Q(content__range=(1, 5))
                & Q(facilitators__range=(1, 5))
                & Q(organisation__range=(1, 5))
                & Q(relevance__range=(1, 5)),
                name="learning_feedback_ratings_1_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.batch} {self.submitted_on}"


# --- Certificates ---------------------------------------------------------------------------------------


class CertificateCounter(models.Model):
    """The last certificate sequence number used in a year (numbering restarts each year)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("nomor urut sertifikat")
        verbose_name_plural = _("nomor urut sertifikat")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class CertificateQuerySet(models.QuerySet):
    def valid(self) -> CertificateQuerySet:
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    """Issued when a batch is closed. What it says is copied in, so later changes to the
    employee or the programme do not change a certificate already issued."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.PROTECT, related_name="certificate")
    number = models.CharField(_("nomor"), max_length=100, unique=True)
    issued_on = models.DateField(_("tanggal terbit"))
    holder_name = models.CharField(_("nama"), max_length=250)
    holder_nip = models.CharField(_("NIP"), max_length=18)
    holder_position = models.CharField(_("jabatan"), max_length=200, blank=True)
    holder_unit = models.CharField(_("unit"), max_length=200, blank=True)
    programme_title = models.CharField(_("program"), max_length=200)
    issuer_name = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    batch_label = models.CharField(_("angkatan"), max_length=50)
    start_date = models.DateField()
    end_date = models.DateField()
    hours_jp = models.DecimalField(max_digits=6, decimal_places=2)
    signatory_name = models.CharField(max_length=150)
    signatory_position = models.CharField(max_length=200)
    signatory_nip = models.CharField(max_length=18, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(_("alasan pencabutan"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""), name="learning_certificate_revoke_reason"
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None


# --- Action plans -----------------------------------------------------------------------------------------


class ActionPlan(models.Model):
    """A participant's change project (rencana aksi perubahan), evaluated by the direct supervisor."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="action_plan")
    title = models.CharField(_("judul proyek perubahan"), max_length=200)
    description = models.TextField(_("masalah dan perubahan yang dituju"), blank=True)
    supervisor = models.ForeignKey(
        "people.Employee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervised_action_plans",
        verbose_name=_("atasan langsung"),
    )
    evaluation_due = models.DateField(_("jatuh tempo evaluasi"))
    evaluated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["evaluation_due", "id"]
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")

    def __str__(self) -> str:
        return self.title


class MilestoneProgress(models.TextChoices):
    NOT_STARTED = "not_started", _("Belum dimulai")
    IN_PROGRESS = "in_progress", _("Sedang berjalan")
    DONE = "done", _("Tercapai")


class Milestone(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="milestones")
    description = models.CharField(_("tonggak capaian"), max_length=300)
    measure = models.CharField(_("ukuran keberhasilan"), max_length=300)
    target_date = models.DateField(_("target tanggal"))
    progress = models.CharField(_("capaian"), max_length=12, choices=MilestoneProgress.choices, blank=True)
    evidence = models.TextField(_("bukti"), blank=True)
    supervisor_note = models.TextField(_("catatan atasan"), blank=True)
    evaluated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["target_date", "id"]
        verbose_name = _("tonggak capaian")
        verbose_name_plural = _("tonggak capaian")

    def __str__(self) -> str:
        return self.description


# --- JP targets (a small settings table) ---------------------------------------------------------------------


DEFAULT_TARGETS: dict[str, Decimal] = {
    EmployeeStatus.PNS: Decimal(20),  # PP 11/2017 art. 203(4) [firm]
    EmployeeStatus.CPNS: Decimal(20),  # as PNS [common]
    EmployeeStatus.PPPK: Decimal(24),  # many agencies' practice [common]
}
COMMON_DEFAULTS = {EmployeeStatus.CPNS, EmployeeStatus.PPPK}


class JpTarget(models.Model):
    """The yearly JP target of an employee status, from a year on; without a row the default applies."""

    status = models.CharField(_("status kepegawaian"), max_length=4, choices=EmployeeStatus.choices)
    year_from = models.PositiveSmallIntegerField(_("berlaku mulai tahun"))
    hours_jp = models.DecimalField(
        _("target JP per tahun"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["status", "-year_from"]
        verbose_name = _("target JP")
        verbose_name_plural = _("target JP")
        constraints = [
            models.UniqueConstraint(fields=["status", "year_from"], name="learning_jp_target_once"),
            models.CheckConstraint(condition=Q(hours_jp__gte=0), name="learning_jp_target_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.year_from}: {self.hours_jp}"
