"""Test scores and normalised gain: pure functions, no Django.

1. A question scores one point when the set of chosen options equals the set
   of correct options exactly (so a multiple-answer question with one right
   option missing scores 0) [design: no partial credit, stated in the docs].
2. The attempt's score is points / questions × 100, two decimals, half-up.
3. Normalised gain of a participant (Hake 1998): g = (post − pre) / (max − pre);
   undefined when pre already equals the maximum.
4. The batch's gain is the gain of the averages, <g> = (mean post − mean pre) /
   (max − mean pre), over participants with both scores (Hake's class gain).
5. Bands (Hake): g ≥ 0,7 high; 0,3 ≤ g < 0,7 medium; g < 0,3 low.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MAX_SCORE = Decimal(100)


def _q(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def question_correct(chosen: Iterable[int], correct: Iterable[int]) -> bool:
    """All-or-nothing: exactly the correct options, no more, no fewer."""
    chosen_set, correct_set = set(chosen), set(correct)
    return bool(correct_set) and chosen_set == correct_set


@dataclass(frozen=True)
class AttemptScore:
    correct: int
    total: int
    score: Decimal  # 0–100


def score_attempt(answers: Mapping[int, Iterable[int]], keys: Mapping[int, Iterable[int]]) -> AttemptScore:
    """``answers`` and ``keys`` map question id → chosen / correct option ids.
    Questions without an answer count as wrong; answers to unknown questions are ignored."""
    total = len(keys)
    correct = sum(1 for qid, key in keys.items() if question_correct(answers.get(qid, ()), key))
    score = Decimal(0) if total == 0 else _q(Decimal(correct) * MAX_SCORE / Decimal(total))
    return AttemptScore(correct=correct, total=total, score=score)


def normalised_gain(pre: Decimal, post: Decimal, maximum: Decimal = MAX_SCORE) -> Decimal | None:
    """(post − pre) / (max − pre) to three decimals; None when pre is already the maximum."""
    pre, post, maximum = Decimal(pre), Decimal(post), Decimal(maximum)
    if pre >= maximum:
        return None
    return _q((post - pre) / (maximum - pre), "0.001")


def batch_gain(pairs: Iterable[tuple[Decimal, Decimal]], maximum: Decimal = MAX_SCORE) -> Decimal | None:
    """Hake's class gain over ``(pre, post)`` pairs; None with no pairs or a perfect mean pre-test."""
    pairs = list(pairs)
    if not pairs:
        return None
    mean_pre = sum((Decimal(p) for p, _ in pairs), Decimal(0)) / len(pairs)
    mean_post = sum((Decimal(q) for _, q in pairs), Decimal(0)) / len(pairs)
    return normalised_gain(mean_pre, mean_post, maximum)


def gain_band(gain: Decimal | None) -> str:
    """``high``, ``medium``, ``low``, or ``""`` when the gain is undefined."""
    if gain is None:
        return ""
    if gain >= Decimal("0.7"):
        return "high"
    if gain >= Decimal("0.3"):
        return "medium"
    return "low"


def mean(values: Iterable[Decimal]) -> Decimal | None:
    values = [Decimal(v) for v in values]
    if not values:
        return None
    return _q(sum(values, Decimal(0)) / len(values))
