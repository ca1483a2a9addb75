"""Django admin: a read-mostly view for support. Changes go through the learning pages and services."""

from __future__ import annotations

from django.contrib import admin

from .models import Batch, Certificate, Enrolment, JpTarget, Programme, Session


class ReadOnlyAdmin(admin.ModelAdmin):
    """Writes bypassing the services would skip the audit log and the workflow checks."""

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "route", "competency_type", "is_active")
    search_fields = ("title",)


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    can_delete = False
    fields = ("date", "start_time", "end_time", "topic", "facilitator")
    readonly_fields = fields


@admin.register(Batch)
class BatchAdmin(ReadOnlyAdmin):
    list_display = ("programme", "number", "start_date", "end_date", "status", "capacity")
    list_filter = ("status",)
    inlines = [SessionInline]


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdmin):
    list_display = ("employee", "batch", "status", "completed")
    list_filter = ("status", "completed")
    search_fields = ("employee__nip", "employee__name")
    raw_id_fields = ("employee", "batch")


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("number", "holder_name", "holder_nip", "programme_title", "issued_on", "revoked_at")
    search_fields = ("number", "holder_nip", "holder_name")


@admin.register(JpTarget)
class JpTargetAdmin(ReadOnlyAdmin):
    list_display = ("status", "year_from", "hours_jp", "updated_by", "updated_at")
