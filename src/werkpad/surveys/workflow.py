"""The survey lifecycle (RI6) as data, enforced in one place.

draft (made by the municipality's policy officer or by a member of its client council)
-> proposed (to the other party) -> approved (by the other party: the council approves
the municipality's questions, the municipality the council's) -> open (the invitations
sent) -> closed. The other party may send a proposal back to draft with its remarks;
the party that made it may withdraw it while it is a draft or proposed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from werkpad.core.lifecycle import Lifecycle

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Status(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    PROPOSED = "proposed", pgettext_lazy("survey status", "Proposed")
    APPROVED = "approved", gettext_lazy("Approved")
    OPEN = "open", pgettext_lazy("survey status", "Open")
    CLOSED = "closed", gettext_lazy("Closed")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


class Party(models.TextChoices):
    """Who set up or approved a survey: the municipality or its client council."""

    MUNICIPALITY = "municipality", gettext_lazy("the municipality")
    COUNCIL = "council", gettext_lazy("the client council")


class Audience(models.TextChoices):
    JOB_SEEKERS = "job_seekers", gettext_lazy("Job seekers")
    EMPLOYERS = "employers", gettext_lazy("Employers")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.PROPOSED, Status.WITHDRAWN}),
    Status.PROPOSED: frozenset({Status.APPROVED, Status.DRAFT, Status.WITHDRAWN}),
    Status.APPROVED: frozenset({Status.OPEN}),
    Status.OPEN: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

#: Sending a proposal back and withdrawing say why.
REASON_REQUIRED = frozenset({Status.DRAFT, Status.WITHDRAWN})
#: Held: invitations went out (RI6 evidence counts these).
HELD = frozenset({Status.OPEN, Status.CLOSED})

STEP_TO: dict[str, str] = {
    Status.PROPOSED: "propose",
    Status.APPROVED: "approve",
    Status.DRAFT: "return",
    Status.OPEN: "open",
    Status.CLOSED: "close",
    Status.WITHDRAWN: "withdraw",
}


def _only_from(allowed: frozenset[str], message: StrOrPromise) -> dict[str, StrOrPromise]:
    """A step's refusal from every status but those it starts from."""
    return {status: message for status in Status if status not in allowed}


REFUSALS: dict[str, dict[str, StrOrPromise]] = {
    "propose": _only_from(
        frozenset({Status.DRAFT}),
        gettext_lazy("This survey is %(status)s: only a draft can be proposed."),
    ),
    "approve": _only_from(
        frozenset({Status.PROPOSED}),
        gettext_lazy("This survey is %(status)s: only a proposal can be approved."),
    ),
    "return": _only_from(
        frozenset({Status.PROPOSED}),
        gettext_lazy("This survey is %(status)s: only a proposal can be sent back."),
    ),
    "open": _only_from(
        frozenset({Status.APPROVED}),
        gettext_lazy("This survey is %(status)s: it opens only once the other party approved it."),
    ),
    "close": _only_from(
        frozenset({Status.OPEN}),
        gettext_lazy("This survey is %(status)s: only an open survey can be closed."),
    ),
    "withdraw": _only_from(
        frozenset({Status.DRAFT, Status.PROPOSED}),
        gettext_lazy("This survey is %(status)s: only a draft or a proposal can be withdrawn."),
    ),
}

LIFECYCLE = Lifecycle(
    name="survey",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="survey-transition-refused",
    fallback=gettext_lazy("A survey that is %(current)s cannot become %(target)s."),
    reason_required=REASON_REQUIRED,
    step_to=STEP_TO,
    refusals=REFUSALS,
    lower_labels=True,
)
