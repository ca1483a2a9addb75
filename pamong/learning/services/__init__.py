"""Every write of the learning app. Views, the API and the CLI call these; nothing else writes.

Modules: :mod:`.programmes` (catalogue, batches, sessions, question bank, status workflow),
:mod:`.enrolment`, :mod:`.attendance`, :mod:`.tests` (pre/post-test attempts),
:mod:`.feedback`, :mod:`.closing` (completion, JP credit, certificates, revocation),
:mod:`.action_plans`, :mod:`.targets` (JP targets).
"""

from .action_plans import action_plan_evaluate, action_plan_save, add_months, evaluation_due
from .attendance import attendance_checkin, attendance_import, attendance_mark, check_code, checkin_code
from .closing import CloseResult, batch_close, batch_reopen, certificate_revoke, source_ref
from .enrolment import (
    BulkResult,
    eligibility_problem,
    enrolment_allow_retake,
    enrolment_create,
    enrolment_create_bulk,
    enrolment_respond,
    enrolment_withdraw,
)
from .feedback import FeedbackSummary, feedback_submit, feedback_summary
from .programmes import (
    batch_create,
    batch_open,
    batch_start,
    batch_toggle,
    batch_update,
    programme_create,
    programme_update,
    question_create,
    question_set_active,
    session_create,
    session_delete,
    session_update,
)
from .targets import jp_target_set, targets_for
from .tests import attempt_start, attempt_submit

__all__ = [
    "BulkResult",
    "CloseResult",
    "FeedbackSummary",
    "action_plan_evaluate",
    "action_plan_save",
    "add_months",
    "attempt_start",
    "attempt_submit",
    "attendance_checkin",
    "attendance_import",
    "attendance_mark",
    "batch_close",
    "batch_create",
    "batch_open",
    "batch_reopen",
    "batch_start",
    "batch_toggle",
    "batch_update",
    "certificate_revoke",
    "check_code",
    "checkin_code",
    "eligibility_problem",
    "enrolment_allow_retake",
    "enrolment_create",
    "enrolment_create_bulk",
    "enrolment_respond",
    "enrolment_withdraw",
    "evaluation_due",
    "feedback_submit",
    "feedback_summary",
    "jp_target_set",
    "programme_create",
    "programme_update",
    "question_create",
    "question_set_active",
    "session_create",
    "session_delete",
    "session_update",
    "source_ref",
    "targets_for",
]
