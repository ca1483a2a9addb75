from django.urls import path

from .views import attendance, batches, certificates, enrolment, ledger, plans, programmes, reports, selfservice

app_name = "learning"

urlpatterns = [
    path("", selfservice.learning_home, name="home"),
    # Self-service
    path("me/", selfservice.my_learning, name="my_learning"),
    path("me/enrolments/<int:pk>/", selfservice.my_enrolment, name="my_enrolment"),
    path("me/enrolments/<int:pk>/respond/", selfservice.enrolment_respond, name="enrolment_respond"),
    path("me/enrolments/<int:pk>/test/<str:kind>/", selfservice.test_take, name="test_take"),
    path("me/enrolments/<int:pk>/feedback/", selfservice.feedback_form, name="feedback_form"),
    path("me/enrolments/<int:pk>/action-plan/", selfservice.action_plan_edit, name="action_plan_edit"),
    path("checkin/<int:pk>/<str:code>/", attendance.attendance_checkin, name="attendance_checkin"),
    # Catalogue
    path("programmes/", programmes.programme_list, name="programme_list"),
    path("programmes/new/", programmes.programme_create, name="programme_create"),
    path("programmes/<int:pk>/", programmes.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/edit/", programmes.programme_edit, name="programme_edit"),
    path("programmes/<int:pk>/questions/new/", programmes.question_create, name="question_create"),
    path("questions/<int:pk>/toggle/", programmes.question_toggle, name="question_toggle"),
    path("programmes/<int:pk>/batches/new/", batches.batch_create, name="batch_create"),
    # Batches
    path("batches/", batches.batch_list, name="batch_list"),
    path("batches/<int:pk>/", batches.batch_detail, name="batch_detail"),
    path("batches/<int:pk>/edit/", batches.batch_edit, name="batch_edit"),
    path("batches/<int:pk>/status/", batches.batch_status, name="batch_status"),
    path("batches/<int:pk>/toggle/", batches.batch_toggle, name="batch_toggle"),
    path("batches/<int:pk>/sessions/new/", batches.session_create, name="session_create"),
    path("batches/<int:pk>/nominate/", enrolment.enrolment_nominate, name="enrolment_nominate"),
    path("batches/<int:pk>/certificates.zip", certificates.certificate_zip, name="certificate_zip"),
    path("batches/<int:pk>/report.pdf", reports.report_pdf, name="batch_report_pdf"),
    path("batches/<int:pk>/report.xlsx", reports.report_xlsx, name="batch_report_xlsx"),
    path("sessions/<int:pk>/edit/", batches.session_edit, name="session_edit"),
    path("sessions/<int:pk>/delete/", batches.session_delete, name="session_delete"),
    path("sessions/<int:pk>/qr/", attendance.session_qr, name="session_qr"),
    path("sessions/<int:pk>/qr/code/", attendance.session_qr_code, name="session_qr_code"),
    path("sessions/<int:pk>/attendance/", attendance.attendance_manual, name="attendance_manual"),
    path("enrolments/<int:pk>/withdraw/", enrolment.enrolment_withdraw, name="enrolment_withdraw"),
    path("enrolments/<int:pk>/retake/", enrolment.enrolment_retake, name="enrolment_retake"),
    # Certificates
    path("certificates/<int:pk>/", certificates.certificate_download, name="certificate_download"),
    path("certificates/<int:pk>/revoke/", certificates.certificate_revoke, name="certificate_revoke"),
    path("verify/<str:token>/", certificates.certificate_verify, name="certificate_verify"),
    # Action plans
    path("action-plans/", plans.plan_board, name="plan_board"),
    path("action-plans/<int:pk>/evaluate/", plans.plan_evaluate, name="plan_evaluate"),
    # JP ledger
    path("jp/", ledger.jp_ledger, name="jp_ledger"),
    path("jp/export.xlsx", ledger.jp_ledger_export, name="jp_ledger_export"),
    path("jp/employees/<int:pk>/", ledger.jp_employee, name="jp_employee"),
    path("jp/targets/", ledger.jp_targets, name="jp_targets"),
]
