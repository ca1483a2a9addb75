"""Users, roles and role assignments scoped to org units, and personal API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class User(AbstractUser):
    """A person who logs in. Employees are linked through ``Employee.user``."""

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    BKD_ADMIN = "bkd_admin", _("Administrator BKD")
    OPERATOR = "operator", _("Operator unit")
    LEADER = "leader", _("Pimpinan (baca saja)")
    FACILITATOR = "facilitator", _("Fasilitator")


class RoleAssignmentQuerySet(models.QuerySet):
    def current(self) -> RoleAssignmentQuerySet:
        """Assignments in force today."""
        today = timezone.localdate()
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today), valid_from__lte=today)


class RoleAssignment(models.Model):
    """A role held by a user over an org unit (and, optionally, everything under it).

    A user may hold several. ``org_unit`` empty means the whole regency; only
    BKD administrators and leaders may hold a regency-wide role.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    org_unit = models.ForeignKey(
        "people.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit"),
    )
    include_subtree = models.BooleanField(_("termasuk unit di bawahnya"), default=True)
    valid_from = models.DateField(_("berlaku mulai"), default=timezone.localdate)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)

    objects = RoleAssignmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("penugasan peran")
        verbose_name_plural = _("penugasan peran")
        constraints = [
            models.CheckConstraint(
                condition=Q(org_unit__isnull=False) | Q(role__in=["bkd_admin", "leader"]),
                name="role_regency_wide_only_for_admin_or_leader",
            ),
        ]

    def __str__(self) -> str:
        where = self.org_unit or _("seluruh kabupaten")
        return f"{self.user} — {self.get_role_display()} — {where}"


def _token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
        )

    def authenticate(self, raw: str) -> ApiToken | None:
        """The active token with this secret, or None. Only the digest is stored."""
        return self.active().select_related("user").filter(digest=_token_digest(raw)).first()


class ApiToken(models.Model):
    """A personal API token; it acts with exactly its owner's role assignments."""

    PREFIX = "pmg_"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nama"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("kedaluwarsa"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @staticmethod
    def new_secret() -> str:
        return ApiToken.PREFIX + secrets.token_urlsafe(32)

    @staticmethod
    def digest_of(raw: str) -> str:
        return _token_digest(raw)

    @property
    def is_active(self) -> bool:
        if self.revoked_at:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()
