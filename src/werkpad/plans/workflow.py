"""The plan's lifecycle as data (PL3): one table, enforced in one place.

A version is written as a draft, shared with the job seeker (proposed), answered
by them (agreed, or their disagreement recorded) and then takes effect. When a
newer version takes effect, the one before it is superseded. Every change of
status is appended to ``PlanStatusChange``; none is ever edited.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad.core.errors import ConflictError


class Status(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    PROPOSED = "proposed", gettext_lazy("Proposed to the job seeker")
    AGREED = "agreed", gettext_lazy("Agreed by the job seeker")
    DISAGREEMENT_RECORDED = "disagreement_recorded", gettext_lazy("Disagreement recorded")
    IN_EFFECT = "in_effect", gettext_lazy("In effect")
    SUPERSEDED = "superseded", gettext_lazy("Superseded")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.PROPOSED}),
    # The caseworker may take a proposal back to change it before it is answered.
    Status.PROPOSED: frozenset({Status.AGREED, Status.DISAGREEMENT_RECORDED, Status.DRAFT}),
    Status.AGREED: frozenset({Status.IN_EFFECT}),
    Status.DISAGREEMENT_RECORDED: frozenset({Status.IN_EFFECT}),
    Status.IN_EFFECT: frozenset({Status.SUPERSEDED}),
    Status.SUPERSEDED: frozenset(),
}

#: Statuses of a version that is still being worked on (at most one per plan).
OPEN = frozenset({Status.DRAFT, Status.PROPOSED})
#: Statuses the job seeker sees: everything that was shared with them.
SHARED = frozenset(set(Status) - {Status.DRAFT})


class TransitionRefusedError(ConflictError):
    code = "plan-transition-refused"

    def __init__(self, *, current: str, target: str):
        self.current, self.target = current, target
        super().__init__(
            _("A plan that is “%(current)s” cannot become “%(target)s”.")
            % {"current": Status(current).label, "target": Status(target).label}
        )


def is_allowed(current: str, target: str) -> bool:
    return target in ALLOWED_TRANSITIONS.get(current, frozenset())


def check_transition(current: str, target: str) -> None:
    """Raise ``TransitionRefusedError`` unless the table allows ``current`` -> ``target``."""
    if not is_allowed(current, target):
        raise TransitionRefusedError(current=current, target=target)
