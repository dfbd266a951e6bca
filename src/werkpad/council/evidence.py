"""Evidence from werkpad's own data for the questions of the LCR checklist (CO3).

Where werkpad's data can inform a question of the checklist, a computation
registered here for that question's id (``"5.1"``: point 5, question 1) answers
it for one municipality, live and dated: a sentence a council member reads
beside the question, the figures it rests on, and how they were computed.
Questions with no registered computation are ones werkpad cannot inform; the
answer form says so.

Every figure is an aggregate of persons or a count of records, never a person;
a count of persons under ``WERKPAD_MIN_CELL`` is withheld (``Figure.withheld``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from werkpad.core import clock
from werkpad.core.models import Municipality


@dataclass(frozen=True)
class Figure:
    """One figure of a piece of evidence: a label and its value as shown."""

    label: str
    value: str
    #: True when the value is withheld: a count of persons under the minimum.
    withheld: bool = False


@dataclass(frozen=True)
class Evidence:
    """What werkpad's data says about one question, for one municipality, at one time."""

    question_id: str
    #: One or two sentences in the user's language with the figures that matter.
    summary: str
    #: How the figures were computed: which records, which period, which rule.
    method: str
    computed_at: dt.datetime
    figures: tuple[Figure, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Context:
    """What a computation is given: the municipality, the moment, the minimum cell."""

    municipality: Municipality
    now: dt.datetime
    min_cell: int

    @property
    def today(self) -> dt.date:
        return timezone.localdate(self.now)


Computation = Callable[[Context], Evidence]

_REGISTRY: dict[str, Computation] = {}


def evidence(question_id: str) -> Callable[[Computation], Computation]:
    """Register the computation that informs the checklist question ``question_id``."""

    def register(computation: Computation) -> Computation:
        _REGISTRY[question_id] = computation
        return computation

    return register


def covered() -> frozenset[str]:
    """The ids of the questions werkpad's data can inform."""
    return frozenset(_REGISTRY)


def evidence_for(
    *, municipality: Municipality, question_ids: list[str] | None = None
) -> dict[str, Evidence]:
    """The evidence for the questions ``question_ids`` (all covered ones when None),
    computed now for ``municipality``; a question werkpad cannot inform is absent."""
    context = Context(
        municipality=municipality, now=clock.now(), min_cell=settings.WERKPAD_MIN_CELL
    )
    wanted = _REGISTRY if question_ids is None else question_ids
    return {qid: _REGISTRY[qid](context) for qid in wanted if qid in _REGISTRY}
