from django.urls import include, path

from .views import audit, employees, units

urlpatterns = [
    path("units/", units.unit_tree, name="unit_tree"),
    path("units/new/", units.unit_create_view, name="unit_create"),
    path("units/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("units/<int:pk>/edit/", units.unit_edit, name="unit_edit"),
    path("units/<int:pk>/positions/new/", units.position_create_view, name="position_create"),
    path("positions/<int:pk>/edit/", units.position_edit, name="position_edit"),
    path("employees/", employees.employee_list, name="employee_list"),
    path("employees/new/", employees.employee_create_view, name="employee_create"),
    path("employees/<int:pk>/", employees.employee_detail, name="employee_detail"),
    path("employees/<int:pk>/edit/", employees.employee_edit, name="employee_edit"),
    path("employees/<int:pk>/history/<str:kind>/new/", employees.history_add_view, name="history_add"),
    path("audit/", audit.audit_log, name="audit_log"),
    path("import/", include("pamong.people.views.imports")),
]
