"""The monev pages under /monev/ (see README.md for who may use each)."""

from django.urls import path

from .views import evaluation, imports, realisation, reports, structure

urlpatterns = [
    path("", structure.home, name="monev_home"),
    path("opd/<int:opd_id>/", structure.opd_plan, name="monev_opd"),
    path("opd/<int:opd_id>/items/new/", structure.item_create, name="monev_item_create"),
    path("opd/<int:opd_id>/reopen/", realisation.reopen, name="monev_reopen"),
    path("opd/<int:opd_id>/renja.xlsx", reports.renja_xlsx, name="monev_renja_xlsx"),
    path("opd/<int:opd_id>/renja.pdf", reports.renja_pdf, name="monev_renja_pdf"),
    path("items/<int:pk>/", structure.item_detail, name="monev_item"),
    path("items/<int:pk>/edit/", structure.item_edit, name="monev_item_edit"),
    path("items/<int:pk>/indicators/new/", structure.indicator_create, name="monev_indicator_create"),
    path("items/<int:pk>/quarters/<int:quarter>/", realisation.entry, name="monev_entry"),
    path("indicators/<int:pk>/edit/", structure.indicator_edit, name="monev_indicator_edit"),
    path("realisations/<int:pk>/", realisation.realisation_detail, name="monev_realisation"),
    path("realisations/<int:pk>/submit/", realisation.realisation_submit, name="monev_realisation_submit"),
    path("realisations/<int:pk>/verify/", realisation.realisation_verify, name="monev_realisation_verify"),
    path("realisations/<int:pk>/return/", realisation.realisation_return, name="monev_realisation_return"),
    path("realisations/<int:pk>/evidence/", realisation.evidence_upload, name="monev_evidence_upload"),
    path("evidence/<int:pk>/", realisation.evidence_download, name="monev_evidence"),
    path("evidence/<int:pk>/delete/", realisation.evidence_delete, name="monev_evidence_delete"),
    path("verification/", realisation.verification_queue, name="monev_verification"),
    path("ranking/", evaluation.ranking, name="monev_ranking"),
    path("warnings/", evaluation.warnings_list, name="monev_warnings"),
    path("notifications/", evaluation.notifications, name="monev_notifications"),
    path("notifications/<int:pk>/open/", evaluation.notification_open, name="monev_notification_open"),
    path("summary.pdf", reports.summary_pdf, name="monev_summary_pdf"),
    path("import/", imports.import_upload, name="monev_import"),
    path("import/<str:token>/", imports.import_mapping, name="monev_import_mapping"),
    path("settings/<int:year>/", structure.period_settings, name="monev_settings"),
]
