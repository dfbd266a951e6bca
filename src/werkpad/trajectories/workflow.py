"""The trajectory lifecycle (TR2) as data, enforced in one place.

referred -> accepted | declined; accepted -> started; started <-> suspended;
started -> completed | ended early. Ending early and declining need a reason.
Every change is appended to the history (when, who, why); nothing else moves
a trajectory's status.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad.core import clock
from werkpad.core.errors import ConflictError, InvalidInputError


class Status(models.TextChoices):
    REFERRED = "referred", gettext_lazy("Referred")
    ACCEPTED = "accepted", gettext_lazy("Accepted")
    DECLINED = "declined", gettext_lazy("Declined")
    STARTED = "started", gettext_lazy("Started")
    SUSPENDED = "suspended", gettext_lazy("Suspended")
    COMPLETED = "completed", gettext_lazy("Completed")
    ENDED_EARLY = "ended_early", gettext_lazy("Ended early")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.REFERRED: frozenset({Status.ACCEPTED, Status.DECLINED}),
    Status.ACCEPTED: frozenset({Status.STARTED}),
    Status.DECLINED: frozenset(),
    Status.STARTED: frozenset({Status.SUSPENDED, Status.COMPLETED, Status.ENDED_EARLY}),
    Status.SUSPENDED: frozenset({Status.STARTED}),
    Status.COMPLETED: frozenset(),
    Status.ENDED_EARLY: frozenset(),
}

#: Transitions that need a written reason.
REASON_REQUIRED = frozenset({Status.DECLINED, Status.ENDED_EARLY, Status.SUSPENDED})

#: The provider works with the job seeker: the handover is readable and reports can be written.
RUNNING = frozenset({Status.ACCEPTED, Status.STARTED, Status.SUSPENDED})
#: Finished: the coach keeps read-only access to what they saw.
FINISHED = frozenset({Status.COMPLETED, Status.ENDED_EARLY})
#: The handover is visible to the provider in these states.
HANDOVER_VISIBLE = RUNNING | FINISHED


def may_transition(current: str, target: str) -> bool:
    return target in ALLOWED_TRANSITIONS.get(current, frozenset())


#: Named steps that reach the same status from one source only: starting is from
#: accepted, resuming from suspended.
STEP_SOURCES: dict[str, frozenset[str]] = {
    "start": frozenset({Status.ACCEPTED}),
    "resume": frozenset({Status.SUSPENDED}),
}


def check_transition(
    current: str, target: str, *, reason: str = "", step: str | None = None
) -> None:
    """Refuses a transition the table does not allow, or one without its reason."""
    if not may_transition(current, target) or (
        step is not None and current not in STEP_SOURCES[step]
    ):
        raise ConflictError(
            _("A trajectory that is %(current)s cannot become %(target)s.")
            % {"current": Status(current).label.lower(), "target": Status(target).label.lower()},
            code="trajectory-transition-refused",
        )
    if target in REASON_REQUIRED and not reason.strip():
        raise InvalidInputError({"reason": [_("Give the reason.")]})


def transition(trajectory, target: str, *, user, reason: str = "", step: str | None = None):
    """Move ``trajectory`` to ``target`` and append the history row.

    The caller holds the row locked and saves the trajectory in the same transaction.
    """
    from werkpad.trajectories.models import StatusChange

    check_transition(trajectory.status, target, reason=reason, step=step)
    change = StatusChange.objects.create(
        trajectory=trajectory,
        from_status=trajectory.status,
        to_status=target,
        changed_at=clock.now(),
        changed_by=user,
        reason=reason.strip(),
    )
    trajectory.status = target
    return change
