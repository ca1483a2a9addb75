"""What a unit's and the population's means would be if a group took an action (nothing is stored)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .engine import Action, Aggregate, Facts, Score, aggregate, apply_action, score
from .rules import DEFAULT_RULES, Rules
from .vocabulary import SCORED

# --- Simulation of a group's action ---------------------------------------------------------------------------

LACKING = ("", "technical", "seminar", "leadership", "functional")


def lacks(facts: Facts, indicator: str, rules: Rules = DEFAULT_RULES) -> bool:
    """The employee is scored and has not earned ``indicator`` (a row that applies to their position)."""
    result = score(facts, rules)
    return result.state == SCORED and any(i.key == indicator and not i.earned for i in result.indicators)


@dataclass(frozen=True)
class Member:
    facts: Facts
    in_unit: bool  # inside the unit being looked at (its mean is reported before and after)
    in_group: bool  # takes the action


@dataclass(frozen=True)
class Simulation:
    group_size: int
    affected: int  # members of the group whose total changes
    unit_before: Aggregate
    unit_after: Aggregate
    all_before: Aggregate
    all_after: Aggregate


def simulate(members: Iterable[Member], action: Action, rules: Rules = DEFAULT_RULES) -> Simulation:
    """What the unit's and the whole population's means would be if the group took ``action``.

    1. Score everyone as they are. 2. Apply the action to the group's facts and score them again.
    3. Aggregate the unit and the population before and after. Nobody's stored result changes."""
    before: list[Score] = []
    after: list[Score] = []
    unit_flags: list[bool] = []
    group_size = affected = 0
    for member in members:
        now = score(member.facts, rules)
        then = score(apply_action(member.facts, action), rules) if member.in_group else now
        if member.in_group:
            group_size += 1
            affected += then.total != now.total
        before.append(now)
        after.append(then)
        unit_flags.append(member.in_unit)
    unit = [i for i, flag in enumerate(unit_flags) if flag]
    return Simulation(
        group_size=group_size,
        affected=affected,
        unit_before=aggregate((before[i] for i in unit), rules),
        unit_after=aggregate((after[i] for i in unit), rules),
        all_before=aggregate(before, rules),
        all_after=aggregate(after, rules),
    )
