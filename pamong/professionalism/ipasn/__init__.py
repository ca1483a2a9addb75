"""The IP ASN engine: rule-set schema, per-employee scoring, aggregates. Pure Python, no Django.

A package of small modules re-exported here, so callers write ``ipasn.score`` / ``ipasn.parse_rules``:
:mod:`.vocabulary`, :mod:`.rules` (the default document, provenance, schema), :mod:`.engine` (score,
categories, aggregates, actions), :mod:`.history` (facts from histories), :mod:`.simulation`.

Basis: PermenPANRB 38/2018 and Perban BKN 8/2019 (RULES.md §1). Every number
that a ministry may change is data in a rule set (:data:`DEFAULT_DOCUMENT`),
validated by :func:`parse_rules`; nothing here reads a clock, a database or
settings. The vectorised twin of :func:`score` over a whole population is
:mod:`.ipasn_polars`; both read their points from the same :class:`Rules`, and
a test holds them equal row for row.

Vocabulary (shared with the ``pamong ipasn compute`` CSV contract, so a missing
field has one name everywhere): :data:`FACT_FIELDS`.

Messages are Indonesian source text marked with :func:`gettext_noop`; the
Django side translates them when it shows them.
"""

from __future__ import annotations

from .engine import (
    ACTIONS,
    Action,
    Aggregate,
    Facts,
    Indicator,
    Score,
    aggregate,
    apply_action,
    category_for,
    missing_facts,
    score,
)
from .history import (
    SanctionItem,
    TrainingItem,
    add_months,
    facts_digest,
    facts_from_history,
    is_technical,
    window_start,
)
from .rules import (
    CATEGORY_LABELS,
    COMMON,
    DEFAULT_DOCUMENT,
    DEFAULT_RULES,
    DESIGN,
    FIRM,
    PROVENANCE,
    ROW_KEYS,
    TOP_KEYS,
    Band,
    CompetencyRow,
    RuleError,
    Rules,
    RulesError,
    canonical_json,
    document_digest,
    parse_rules,
)
from .simulation import (
    LACKING,
    Member,
    Simulation,
    lacks,
    simulate,
)
from .vocabulary import (
    CATEGORIES,
    CENT,
    COMPETENCY_INDICATORS,
    COMPETENCY_TYPES,
    DIMENSIONS,
    EDUCATION_LEVELS,
    EXCLUDED,
    FACT_FIELDS,
    INCOMPLETE,
    INDICATOR_DIMENSION,
    INDICATOR_FACT,
    LEADERSHIP_LEVELS,
    POSITION_GROUP,
    POSITION_TYPES,
    PREDIKATS,
    SANCTION_LEVELS,
    SANCTION_WINDOWS,
    SCORED,
    STATUSES,
    STRUCTURAL,
    TRAINING_KINDS,
    gettext_noop,
    half_up,
)

__all__ = [
    "ACTIONS",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "CENT",
    "COMMON",
    "COMPETENCY_INDICATORS",
    "COMPETENCY_TYPES",
    "DEFAULT_DOCUMENT",
    "DEFAULT_RULES",
    "DESIGN",
    "DIMENSIONS",
    "EDUCATION_LEVELS",
    "EXCLUDED",
    "FACT_FIELDS",
    "FIRM",
    "INCOMPLETE",
    "INDICATOR_DIMENSION",
    "INDICATOR_FACT",
    "LACKING",
    "LEADERSHIP_LEVELS",
    "POSITION_GROUP",
    "POSITION_TYPES",
    "PREDIKATS",
    "PROVENANCE",
    "ROW_KEYS",
    "SANCTION_LEVELS",
    "SANCTION_WINDOWS",
    "SCORED",
    "STATUSES",
    "STRUCTURAL",
    "TOP_KEYS",
    "TRAINING_KINDS",
    "Action",
    "Aggregate",
    "Band",
    "CompetencyRow",
    "Facts",
    "Indicator",
    "Member",
    "RuleError",
    "Rules",
    "RulesError",
    "SanctionItem",
    "Score",
    "Simulation",
    "TrainingItem",
    "add_months",
    "aggregate",
    "apply_action",
    "canonical_json",
    "category_for",
    "document_digest",
    "facts_digest",
    "facts_from_history",
    "gettext_noop",
    "half_up",
    "is_technical",
    "lacks",
    "missing_facts",
    "parse_rules",
    "score",
    "simulate",
    "window_start",
]
