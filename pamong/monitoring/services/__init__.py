"""Writes to monitoring and evaluation. Views, API, import and commands all call these.

Each service checks the business rules (raising ``ValidationError`` with field
names), writes, and records an audit entry (``monev.*``) in the same
transaction. Who may call them is decided by :mod:`.access` before the call.
Changes of a report's state are conditional UPDATEs whose row count is checked,
so two verifiers clicking at once verify once.
"""

from __future__ import annotations

from .imports import ImportCounts, ImportRejected, renja_import
from .notifications import notification_read, notify
from .realisation import (
    EVIDENCE_MAX_FILES,
    SIGNATURES,
    auto_sources_refresh,
    automatic_value,
    evidence_add,
    evidence_delete,
    evidence_folder,
    evidence_max_bytes,
    evidence_path,
    missing_for_submission,
    realisation_return,
    realisation_save,
    realisation_submit,
    realisation_verify,
    sniff,
)
from .structure import (
    indicator_create,
    indicator_errors,
    indicator_update,
    period_setting_update,
    plan_item_create,
    plan_item_errors,
    plan_item_update,
)
from .window import QuarterWindow, quarter_reopen, quarter_window

__all__ = [
    "EVIDENCE_MAX_FILES",
    "SIGNATURES",
    "ImportCounts",
    "ImportRejected",
    "QuarterWindow",
    "auto_sources_refresh",
    "automatic_value",
    "evidence_add",
    "evidence_delete",
    "evidence_folder",
    "evidence_max_bytes",
    "evidence_path",
    "indicator_create",
    "indicator_errors",
    "indicator_update",
    "missing_for_submission",
    "notification_read",
    "notify",
    "period_setting_update",
    "plan_item_create",
    "plan_item_errors",
    "plan_item_update",
    "quarter_reopen",
    "quarter_window",
    "realisation_return",
    "realisation_save",
    "realisation_submit",
    "realisation_verify",
    "renja_import",
    "sniff",
]
