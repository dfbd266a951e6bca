"""The lifecycle of a referral to a vacancy (MA2) as data: pending -> invited -> hired,
or rejected or withdrawn on the way. Recording a placement from a referral takes it to
hired. Every change is appended to the history by ``core.lifecycle.transition``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle


class Status(models.TextChoices):
    PENDING = "pending", gettext_lazy("Pending")
    INVITED = "invited", gettext_lazy("Invited for an interview")
    HIRED = "hired", gettext_lazy("Hired")
    REJECTED = "rejected", gettext_lazy("Rejected")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PENDING: frozenset({Status.INVITED, Status.HIRED, Status.REJECTED, Status.WITHDRAWN}),
    Status.INVITED: frozenset({Status.HIRED, Status.REJECTED, Status.WITHDRAWN}),
    Status.HIRED: frozenset(),
    Status.REJECTED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

#: Still waiting for the employer's answer.
OPEN = frozenset({Status.PENDING, Status.INVITED})
#: The result steps a person takes on a referral; hired is reached by recording the placement.
STEPS = {
    "invite": Status.INVITED,
    "reject": Status.REJECTED,
    "withdraw": Status.WITHDRAWN,
}

LIFECYCLE = Lifecycle(
    name="vacancy referral",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="referral-transition-refused",
    fallback=gettext_lazy("A referral that is %(current)s cannot become %(target)s."),
    reason_required=frozenset({Status.REJECTED, Status.WITHDRAWN}),
    lower_labels=True,
)
