"""Django admin: for BKD administrators only, always behind two factors.

The admin log-in goes through allauth (so TOTP applies), and the admin site
admits only active staff users who hold a BKD administrator role; everyone else
gets a 404-like refusal from the middleware or the site itself.
"""

from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .middleware import has_totp
from .models import ApiToken, RoleAssignment, User
from .scope import scope_for


def _admin_has_permission(request) -> bool:  # type: ignore[no-untyped-def]
    user = request.user
    return bool(user.is_active and user.is_staff and scope_for(user).is_bkd_admin and has_totp(user))


admin.site.has_permission = _admin_has_permission  # type: ignore[method-assign]
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "pamong"


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["org_unit"]


@admin.register(User)
class PamongUserAdmin(UserAdmin):
    inlines = [RoleAssignmentInline]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "org_unit", "include_subtree", "valid_from", "valid_until"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "org_unit"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "hint", "created_at", "expires_at", "revoked_at"]
    readonly_fields = ["digest", "hint", "created_at", "last_used_at"]
