"""The trajectory lifecycle (TR2) as data, enforced in one place.

referred -> accepted | declined; accepted -> started; started <-> suspended;
started -> completed | ended early. Ending early and declining need a reason.
Once ended (completed, ended early, declined) the provider's access has served its
purpose: it keeps only what it wrote itself, for a limited time (``ENDED``).
Every change is appended to the history (when, who, why) by
``core.lifecycle.transition`` with ``LIFECYCLE``; nothing else moves a
trajectory's status.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core import clock, privacy
from werkpad.core.deadlines import add_months
from werkpad.core.lifecycle import Lifecycle

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


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
#: Ended: the purpose of the provider's access is over. Its coach no longer reads the
#: handover or any health section; it keeps what the provider wrote itself (reports
#: without their health section, the end report, the evaluation) for
#: ``core.privacy.PROVIDER_KEEPS_OWN_RECORDS_YEARS`` years after the end.
ENDED = frozenset({Status.COMPLETED, Status.ENDED_EARLY, Status.DECLINED})
#: Finished after running: evaluated, and counted in the outcomes.
FINISHED = frozenset({Status.COMPLETED, Status.ENDED_EARLY})


def provider_records_cutoff(today: dt.date) -> dt.date:
    """An ended trajectory whose end lies on or before this day is closed to its provider."""
    return add_months(today, -12 * privacy.PROVIDER_KEEPS_OWN_RECORDS_YEARS)


class _Ends(Protocol):
    """What the end of the provider's purpose is read from: a ``Trajectory`` (the models
    import this module, so it is named by what it has)."""

    @property
    def status(self) -> str: ...
    @property
    def ended_on(self) -> dt.date | None: ...
    @property
    def referred_on(self) -> dt.date: ...


def ended_on(trajectory: _Ends) -> dt.date | None:
    """The day the provider's purpose ended: the end, or for a declined referral without an
    end date the day it was referred."""
    if trajectory.status not in ENDED:
        return None
    return trajectory.ended_on or trajectory.referred_on


def provider_access_open(trajectory: _Ends, today: dt.date | None = None) -> bool:
    """Whether the provider still reads this trajectory: until
    ``PROVIDER_KEEPS_OWN_RECORDS_YEARS`` after its end."""
    end = ended_on(trajectory)
    return end is None or end > provider_records_cutoff(today or clock.today())


def provider_access_open_q(today: dt.date | None = None) -> models.Q:
    """``provider_access_open`` for a queryset: not ended on or before the cutoff (an ended
    referral without an end date ended the day it was referred)."""
    cutoff = provider_records_cutoff(today or clock.today())
    closed = models.Q(status__in=ENDED) & (
        models.Q(ended_on__lte=cutoff) | models.Q(ended_on__isnull=True, referred_on__lte=cutoff)
    )
    return ~closed


#: Named steps that reach the same status from one source only: starting is from
#: accepted, resuming from suspended.
STEP_SOURCES: dict[str, frozenset[str]] = {
    "start": frozenset({Status.ACCEPTED}),
    "resume": frozenset({Status.SUSPENDED}),
}
#: The step that leads to each status, unless the caller names it (start or resume).
STEP_TO: dict[str, str] = {
    Status.ACCEPTED: "accept",
    Status.DECLINED: "decline",
    Status.STARTED: "start",
    Status.SUSPENDED: "suspend",
    Status.COMPLETED: "complete",
    Status.ENDED_EARLY: "end_early",
}

#: Why a step is refused, per step and per current status: each in its own words.
#: ``%(status)s`` is the current status.
REFUSALS: dict[str, dict[str, StrOrPromise]] = {
    "accept": {
        Status.ACCEPTED: gettext_lazy("This referral has been accepted already."),
        Status.STARTED: gettext_lazy("This trajectory has started; it was accepted before."),
        Status.SUSPENDED: gettext_lazy("This trajectory has started; it was accepted before."),
        Status.DECLINED: gettext_lazy("This referral was declined; it can no longer be accepted."),
        Status.COMPLETED: gettext_lazy(
            "This trajectory has ended (%(status)s); it can no longer be accepted."
        ),
    },
    "decline": {
        Status.ACCEPTED: gettext_lazy(
            "This referral has been accepted already; it can no longer be declined."
        ),
        Status.STARTED: gettext_lazy("This trajectory has started; it can no longer be declined."),
        Status.SUSPENDED: gettext_lazy(
            "This trajectory has started; it can no longer be declined."
        ),
        Status.DECLINED: gettext_lazy("This referral has been declined already."),
        Status.COMPLETED: gettext_lazy(
            "This trajectory has ended (%(status)s); it can no longer be declined."
        ),
    },
    "start": {
        Status.REFERRED: gettext_lazy(
            "This referral has not been accepted yet: accept it first, then start the trajectory."
        ),
        Status.STARTED: gettext_lazy("This trajectory has started already."),
        Status.SUSPENDED: gettext_lazy(
            "This trajectory is suspended: resume it instead of starting it again."
        ),
        Status.DECLINED: gettext_lazy("This referral was declined; the trajectory cannot start."),
        Status.COMPLETED: gettext_lazy(
            "This trajectory has ended (%(status)s); it cannot start again."
        ),
    },
    "suspend": {
        Status.REFERRED: gettext_lazy(
            "This referral has not been accepted yet; only a trajectory that has started can "
            "be suspended."
        ),
        Status.ACCEPTED: gettext_lazy(
            "This trajectory has not started yet, so it cannot be suspended."
        ),
        Status.SUSPENDED: gettext_lazy("This trajectory is suspended already."),
        Status.DECLINED: gettext_lazy(
            "This referral was declined; there is no trajectory to suspend."
        ),
        Status.COMPLETED: gettext_lazy(
            "This trajectory has ended (%(status)s); it can no longer be suspended."
        ),
    },
    "resume": {
        Status.REFERRED: gettext_lazy(
            "This referral has not been accepted yet; there is nothing to resume."
        ),
        Status.ACCEPTED: gettext_lazy(
            "This trajectory has not started yet, so it cannot be resumed: start it instead."
        ),
        Status.STARTED: gettext_lazy(
            "This trajectory is running; only a suspended trajectory is resumed."
        ),
        Status.DECLINED: gettext_lazy(
            "This referral was declined; there is no trajectory to resume."
        ),
        Status.COMPLETED: gettext_lazy(
            "This trajectory has ended (%(status)s); it can no longer be resumed."
        ),
    },
    "complete": {
        Status.REFERRED: gettext_lazy(
            "This referral has not been accepted yet; there is no trajectory to complete."
        ),
        Status.ACCEPTED: gettext_lazy(
            "This trajectory has not started yet, so it cannot be completed."
        ),
        Status.SUSPENDED: gettext_lazy(
            "This trajectory is suspended: resume it before you complete it."
        ),
        Status.DECLINED: gettext_lazy(
            "This referral was declined; there is no trajectory to complete."
        ),
        Status.COMPLETED: gettext_lazy(
            "This trajectory has ended already (%(status)s); it cannot be completed again."
        ),
    },
    "end_early": {
        Status.REFERRED: gettext_lazy(
            "This referral has not been accepted yet, so it cannot be ended early; the "
            "provider can decline it."
        ),
        Status.ACCEPTED: gettext_lazy(
            "This trajectory has not started yet, so it cannot be ended early."
        ),
        Status.SUSPENDED: gettext_lazy(
            "This trajectory is suspended; only a trajectory that is running can be ended early."
        ),
        Status.DECLINED: gettext_lazy("This referral was declined; there is no trajectory to end."),
        Status.COMPLETED: gettext_lazy(
            "This trajectory has ended already (%(status)s); it cannot be ended early."
        ),
    },
}
# An early end refuses the same steps as a completion, in the same words.
for _refusals in REFUSALS.values():
    _refusals.setdefault(Status.ENDED_EARLY, _refusals[Status.COMPLETED])
del _refusals


LIFECYCLE = Lifecycle(
    name="trajectory",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="trajectory-transition-refused",
    fallback=gettext_lazy("A trajectory that is %(current)s cannot become %(target)s."),
    reason_required=REASON_REQUIRED,
    step_to=STEP_TO,
    step_sources=STEP_SOURCES,
    refusals=REFUSALS,
    lower_labels=True,
)
