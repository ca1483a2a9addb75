from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Employee, OrgUnit, Position


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent", "head_position"]
    readonly_fields = ["opd"]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "position_type", "functional_level", "org_unit"]
    list_filter = ["position_type"]
    search_fields = ["name"]
    autocomplete_fields = ["org_unit"]


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = ["nip", "name", "status", "golongan", "org_unit", "is_active"]
    list_filter = ["status", "is_active"]
    search_fields = ["nip", "name"]
    autocomplete_fields = ["org_unit", "position", "supervisor_override", "user"]
