"""The mediation's lifecycle (RI4) as data: requested -> mediator appointed -> in progress
(the first session held) -> concluded (with the outcome); withdrawn before the end, with
the reason. Every change is appended to the history by ``core.lifecycle.transition``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Status(models.TextChoices):
    REQUESTED = "requested", gettext_lazy("Requested")
    MEDIATOR_APPOINTED = "mediator_appointed", gettext_lazy("Mediator appointed")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    CONCLUDED = "concluded", gettext_lazy("Concluded")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.REQUESTED: frozenset({Status.MEDIATOR_APPOINTED, Status.WITHDRAWN}),
    Status.MEDIATOR_APPOINTED: frozenset({Status.IN_PROGRESS, Status.WITHDRAWN}),
    Status.IN_PROGRESS: frozenset({Status.CONCLUDED, Status.WITHDRAWN}),
    Status.CONCLUDED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

OPEN = frozenset({Status.REQUESTED, Status.MEDIATOR_APPOINTED, Status.IN_PROGRESS})
#: Sessions are held once a mediator is appointed, until the end.
SESSIONS_OPEN = frozenset({Status.MEDIATOR_APPOINTED, Status.IN_PROGRESS})

_ENDED: dict[str, StrOrPromise] = {
    Status.CONCLUDED: gettext_lazy("This mediation has been concluded; it is closed."),
    Status.WITHDRAWN: gettext_lazy("This mediation was withdrawn; it is closed."),
}

LIFECYCLE = Lifecycle(
    name="mediation",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="mediation-transition-refused",
    fallback=gettext_lazy("A mediation that is %(current)s cannot become %(target)s."),
    reason_required=frozenset({Status.WITHDRAWN}),
    step_to={
        Status.MEDIATOR_APPOINTED: "appoint",
        Status.IN_PROGRESS: "session",
        Status.CONCLUDED: "conclude",
        Status.WITHDRAWN: "withdraw",
    },
    refusals={
        "appoint": {
            Status.MEDIATOR_APPOINTED: gettext_lazy("A mediator has been appointed already."),
            Status.IN_PROGRESS: gettext_lazy("A mediator has been appointed already."),
            **_ENDED,
        },
        "session": {
            Status.REQUESTED: gettext_lazy("Appoint a mediator before recording a session."),
            **_ENDED,
        },
        "conclude": {
            Status.REQUESTED: gettext_lazy(
                "No mediator is appointed yet; there is nothing to conclude."
            ),
            Status.MEDIATOR_APPOINTED: gettext_lazy(
                "No session has been held yet: record the sessions before the outcome."
            ),
            **_ENDED,
        },
        "withdraw": dict(_ENDED),
    },
    lower_labels=True,
)
