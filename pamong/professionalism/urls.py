from django.urls import path

from . import views

app_name = "ipasn"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("me/", views.me, name="me"),
    path("employees/<int:pk>/", views.employee, name="employee"),
    path("units/<int:pk>/", views.unit, name="unit"),
    path("units/<int:pk>/target/", views.unit_target, name="unit_target"),
    path("units/<int:pk>/report.pdf", views.unit_report_pdf, name="unit_report_pdf"),
    path("units/<int:pk>/report.xlsx", views.unit_report_xlsx, name="unit_report_xlsx"),
    path("simulate/", views.simulate, name="simulate"),
    path("measurements/", views.measurements, name="measurements"),
    path("rules/", views.rules, name="rules"),
    path("rules/<int:pk>/", views.rule_detail, name="rule_detail"),
    path("rules/<int:pk>/copy/", views.rule_copy, name="rule_copy"),
    path("rules/<int:pk>/edit/", views.rule_edit, name="rule_edit"),
]
