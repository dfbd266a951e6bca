"""The complaint lifecycle (RI2, Awb chapter 9) as data, enforced in one place.

received -> acknowledged (the receipt confirmed in writing, art. 9:5) -> heard (the
hearing held, or the reason it was skipped recorded, art. 9:10) -> decided (the written
outcome with its conclusions, art. 9:12). A complainant not satisfied says so within
the municipality's term (dissatisfied); the municipality's rules then reopen the
complaint (reopened, heard and decided again) or point to the ombudsman (referred,
art. 9:18 ff.). A complaint may be withdrawn until it is decided. Postponing the term
(art. 9:11(2)) is no step: it changes the term, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Status(models.TextChoices):
    RECEIVED = "received", gettext_lazy("Received")
    ACKNOWLEDGED = "acknowledged", gettext_lazy("Being handled")
    HEARD = "heard", gettext_lazy("Heard")
    DECIDED = "decided", gettext_lazy("Decided")
    DISSATISFIED = "dissatisfied", gettext_lazy("Not satisfied")
    REOPENED = "reopened", gettext_lazy("Handled again")
    REFERRED = "referred", gettext_lazy("Referred to the ombudsman")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset({Status.ACKNOWLEDGED, Status.WITHDRAWN}),
    Status.ACKNOWLEDGED: frozenset({Status.HEARD, Status.WITHDRAWN}),
    Status.HEARD: frozenset({Status.DECIDED, Status.WITHDRAWN}),
    Status.DECIDED: frozenset({Status.DISSATISFIED}),
    Status.DISSATISFIED: frozenset({Status.REOPENED, Status.REFERRED}),
    Status.REOPENED: frozenset({Status.HEARD, Status.WITHDRAWN}),
    Status.REFERRED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

#: Withdrawing needs the reason the complainant gave.
REASON_REQUIRED = frozenset({Status.WITHDRAWN})
#: Being handled: the term runs.
OPEN = frozenset({Status.RECEIVED, Status.ACKNOWLEDGED, Status.HEARD, Status.REOPENED})
#: The term may be postponed while the complaint is being handled.
POSTPONABLE = OPEN
#: The outcome is written: the complainant reads the decision.
HAS_DECISION = frozenset({Status.DECIDED, Status.DISSATISFIED, Status.REOPENED, Status.REFERRED})

STEP_TO: dict[str, str] = {
    Status.ACKNOWLEDGED: "acknowledge",
    Status.HEARD: "hear",
    Status.DECIDED: "decide",
    Status.DISSATISFIED: "dissatisfaction",
    Status.REOPENED: "follow_up",
    Status.REFERRED: "follow_up",
    Status.WITHDRAWN: "withdraw",
}

REFUSALS: dict[str, dict[str, StrOrPromise]] = {
    "acknowledge": {
        status: gettext_lazy("The receipt of this complaint was acknowledged already.")
        for status in Status
        if status != Status.RECEIVED
    },
    "hear": {
        Status.RECEIVED: gettext_lazy(
            "Acknowledge the receipt first; then hear the complainant or record why not."
        ),
        Status.HEARD: gettext_lazy("The hearing of this complaint is recorded already."),
        Status.DECIDED: gettext_lazy("This complaint is decided; the hearing is over."),
    },
    "decide": {
        Status.RECEIVED: gettext_lazy(
            "Hear the complainant first, or record why the hearing was skipped (Awb art. 9:10)."
        ),
        Status.ACKNOWLEDGED: gettext_lazy(
            "Hear the complainant first, or record why the hearing was skipped (Awb art. 9:10)."
        ),
        Status.REOPENED: gettext_lazy(
            "Hear the complainant again first, or record why the hearing was skipped."
        ),
        Status.DECIDED: gettext_lazy("This complaint is decided already."),
    },
    "dissatisfaction": {
        Status.DISSATISFIED: gettext_lazy("You said already that you are not satisfied."),
    },
    "follow_up": {
        Status.DECIDED: gettext_lazy("The complainant has not said they are not satisfied."),
    },
    "withdraw": {
        Status.DECIDED: gettext_lazy("This complaint is decided; it can no longer be withdrawn."),
        Status.WITHDRAWN: gettext_lazy("This complaint was withdrawn already."),
    },
}

LIFECYCLE = Lifecycle(
    name="complaint",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="complaint-transition-refused",
    fallback=gettext_lazy("A complaint that is %(current)s cannot become %(target)s."),
    reason_required=REASON_REQUIRED,
    step_to=STEP_TO,
    refusals=REFUSALS,
    lower_labels=True,
)
