"""The second opinion's lifecycle (RI3, seed 004) as data, enforced in one place.

requested -> assigned (an advisor of the office takes it on) -> advised -> discussed
(the job seeker and the caseworker talked about the advice) -> decided. A job seeker who
consults another expert *instead* of the advisor (a union official, say) goes from
requested or assigned straight to advised with that expert's advice. Before the decision
the second opinion can be withdrawn, with the reason. Every change is appended to the
history by ``core.lifecycle.transition`` with ``LIFECYCLE``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Status(models.TextChoices):
    REQUESTED = "requested", gettext_lazy("Requested")
    ASSIGNED = "assigned", gettext_lazy("With the advisor")
    ADVISED = "advised", gettext_lazy("Advice given")
    DISCUSSED = "discussed", gettext_lazy("Advice discussed")
    DECIDED = "decided", gettext_lazy("Decided")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.REQUESTED: frozenset({Status.ASSIGNED, Status.ADVISED, Status.WITHDRAWN}),
    Status.ASSIGNED: frozenset({Status.ADVISED, Status.WITHDRAWN}),
    Status.ADVISED: frozenset({Status.DISCUSSED, Status.WITHDRAWN}),
    Status.DISCUSSED: frozenset({Status.DECIDED, Status.WITHDRAWN}),
    Status.DECIDED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

#: Still waiting for the advice: the term runs.
WAITING_FOR_ADVICE = frozenset({Status.REQUESTED, Status.ASSIGNED})
#: Open: not decided, not withdrawn.
OPEN = frozenset({Status.REQUESTED, Status.ASSIGNED, Status.ADVISED, Status.DISCUSSED})
#: Closed.
CLOSED = frozenset({Status.DECIDED, Status.WITHDRAWN})

STEP_TO: dict[str, str] = {
    Status.ASSIGNED: "assign",
    Status.ADVISED: "advise",
    Status.DISCUSSED: "meet",
    Status.DECIDED: "decide",
    Status.WITHDRAWN: "withdraw",
}

_ENDED: dict[str, StrOrPromise] = {
    Status.DECIDED: gettext_lazy("This second opinion has been decided; it is closed."),
    Status.WITHDRAWN: gettext_lazy("This second opinion was withdrawn; it is closed."),
}

REFUSALS: dict[str, dict[str, StrOrPromise]] = {
    "assign": {
        Status.ASSIGNED: gettext_lazy("An advisor has taken this second opinion on already."),
        Status.ADVISED: gettext_lazy("The advice has been given already."),
        Status.DISCUSSED: gettext_lazy("The advice has been given and discussed already."),
        **_ENDED,
    },
    "advise": {
        Status.REQUESTED: gettext_lazy("No advisor has taken this second opinion on yet."),
        Status.ADVISED: gettext_lazy("The advice has been given already."),
        Status.DISCUSSED: gettext_lazy("The advice has been given and discussed already."),
        **_ENDED,
    },
    "meet": {
        Status.REQUESTED: gettext_lazy("There is no advice yet to discuss."),
        Status.ASSIGNED: gettext_lazy("There is no advice yet to discuss."),
        Status.DISCUSSED: gettext_lazy("The meeting about the advice has been recorded already."),
        **_ENDED,
    },
    "decide": {
        Status.REQUESTED: gettext_lazy(
            "There is no advice yet: decide after the advice and the meeting about it."
        ),
        Status.ASSIGNED: gettext_lazy(
            "There is no advice yet: decide after the advice and the meeting about it."
        ),
        Status.ADVISED: gettext_lazy(
            "Discuss the advice with the job seeker first and record the meeting; then decide."
        ),
        **_ENDED,
    },
    "withdraw": dict(_ENDED),
}

LIFECYCLE = Lifecycle(
    name="second-opinion",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="second-opinion-transition-refused",
    fallback=gettext_lazy("A second opinion that is %(current)s cannot become %(target)s."),
    reason_required=frozenset({Status.WITHDRAWN}),
    step_to=STEP_TO,
    # The advisor advises what was assigned to them; another expert's advice instead of
    # the advisor's may be recorded before or after an advisor took it on.
    step_sources={"advise": frozenset({Status.ASSIGNED})},
    refusals=REFUSALS,
    lower_labels=True,
)
