"""Audit log and job records: the two things every other app writes through."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    WEB = "web", _("Web")
    API = "api", _("API")
    CLI = "cli", _("Baris perintah")
    IMPORT = "import", _("Impor")
    SYSTEM = "system", _("Sistem")


class AppendOnlyQuerySet(models.QuerySet):
    """Audit rows are never changed or removed through the ORM."""

    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("the audit log is append-only")

    def delete(self):  # type: ignore[no-untyped-def]
        raise PermissionError("the audit log is append-only")

    def for_object(self, object_type: str, object_id: object) -> AppendOnlyQuerySet:
        """Entries about one object, newest first."""
        return self.filter(object_type=object_type, object_id=str(object_id)).order_by("-seq")


class AuditEntry(models.Model):
    """One meaningful change. ``hash`` covers the entry and the previous hash.

    Written only by :func:`pamong.core.audit.audit_record`; ``pamong audit_verify``
    recomputes the chain and names the first entry that does not match.
    """

    seq = models.PositiveBigIntegerField(unique=True, editable=False)
    at = models.DateTimeField(db_index=True)
    # The actor is kept as id and text, not a foreign key: deleting a user must
    # never rewrite (or block) the history of what they did.
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_repr = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=100, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("catatan audit")
        verbose_name_plural = _("log audit")

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """A single row holding the chain's tip; locking it serialises writers."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit head #{self.last_seq}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Menunggu")
    RUNNING = "running", _("Berjalan")
    SUCCEEDED = "succeeded", _("Selesai")
    FAILED = "failed", _("Gagal")


class JobQuerySet(models.QuerySet):
    def visible_to(self, user) -> JobQuerySet:  # type: ignore[no-untyped-def]
        """A user sees the jobs they started."""
        return self.filter(created_by=user)

    def stale(self, before) -> JobQuerySet:  # type: ignore[no-untyped-def]
        """Running jobs whose worker has not reported since ``before``."""
        return self.filter(status=JobStatus.RUNNING, heartbeat_at__lt=before)


class Job(models.Model):
    """Our own record of a background job: django-tasks keeps no progress or retries."""

    kind = models.CharField(max_length=60)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=500, blank=True)
    params = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pekerjaan latar")
        verbose_name_plural = _("pekerjaan latar")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 100 if self.status == JobStatus.SUCCEEDED else 0
        return min(100, round(100 * self.progress_done / self.progress_total))

    @property
    def is_finished(self) -> bool:
        return self.status in {JobStatus.SUCCEEDED, JobStatus.FAILED}


class WorkerHeartbeatQuerySet(models.QuerySet):
    def seen_since(self, since) -> WorkerHeartbeatQuerySet:  # type: ignore[no-untyped-def]
        """Workers that reported at or after ``since``."""
        return self.filter(last_seen__gte=since)


class WorkerHeartbeat(models.Model):
    """A running ``pamong worker`` process, refreshed every 15 seconds.

    ``/health`` reads the newest ``last_seen``: a worker that stopped cleanly
    removes its row ("missing"); one that crashed or hangs leaves it to age ("stale").
    """

    name = models.CharField(max_length=64, unique=True)  # hostname:pid, also the db_worker worker id
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("detak pekerja latar")
        verbose_name_plural = _("detak pekerja latar")

    def __str__(self) -> str:
        return f"{self.name} ({self.last_seen:%Y-%m-%d %H:%M:%S})"
