"""The introduction request's lifecycle (EM6, TR4) as data.

requested (an employer asked to meet a job seeker of the candidate file) -> agreed (the
job seeker said yes: the employer now sees the name and the contact details the job
seeker chose to share) | declined (the job seeker said no) | withdrawn (the employer
took the request back before an answer). Every change is appended to the history by
``core.lifecycle.transition``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle


class Status(models.TextChoices):
    REQUESTED = "requested", gettext_lazy("Requested, awaiting the job seeker's answer")
    AGREED = "agreed", gettext_lazy("Agreed")
    DECLINED = "declined", gettext_lazy("Declined")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.REQUESTED: frozenset({Status.AGREED, Status.DECLINED, Status.WITHDRAWN}),
    Status.AGREED: frozenset(),
    Status.DECLINED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

#: Waiting for the job seeker's answer.
OPEN = frozenset({Status.REQUESTED})

LIFECYCLE = Lifecycle(
    name="introduction",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="introduction-transition-refused",
    fallback=gettext_lazy("An introduction request that is %(current)s cannot become %(target)s."),
    lower_labels=True,
)
