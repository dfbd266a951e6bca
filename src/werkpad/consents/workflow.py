"""The lifecycle of a consent (RI5, TR4).

requested -> given | refused; given -> withdrawn; refused and withdrawn -> given (the
job seeker may say yes again at any time) or requested (asked again). A consent the job
seeker gives unasked starts as given. Every change is appended to the history with who
recorded it and how it was given (``Channel``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Status(models.TextChoices):
    REQUESTED = "requested", gettext_lazy("Asked")
    GIVEN = "given", gettext_lazy("Given")
    REFUSED = "refused", gettext_lazy("Refused")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


class Channel(models.TextChoices):
    """How a consent (or its withdrawal) reached the municipality."""

    PORTAL = "portal", gettext_lazy("on their own pages")
    PAPER = "paper", gettext_lazy("on paper")
    DESK = "desk", gettext_lazy("at the desk")
    PHONE = "phone", gettext_lazy("by phone")
    REFERRAL = "referral", gettext_lazy("recorded at referral")


#: What a caseworker may name when recording a consent the job seeker gave elsewhere.
RECORDED_CHANNELS = (Channel.PAPER, Channel.DESK, Channel.PHONE)
#: The channels the API takes: the job seeker's own pages and what a caseworker records.
INPUT_CHANNEL_CHOICES = [(c.value, c.label) for c in (Channel.PORTAL, *RECORDED_CHANNELS)]
#: What a consent may be created as in the API: given (recorded) or asked for.
CREATE_STATUS_CHOICES = [
    (Status.GIVEN.value, Status.GIVEN.label),
    (Status.REQUESTED.value, Status.REQUESTED.label),
]

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.REQUESTED: frozenset({Status.GIVEN, Status.REFUSED}),
    Status.GIVEN: frozenset({Status.WITHDRAWN}),
    Status.REFUSED: frozenset({Status.GIVEN, Status.REQUESTED}),
    Status.WITHDRAWN: frozenset({Status.GIVEN, Status.REQUESTED}),
}

STEP_TO: dict[str, str] = {
    Status.GIVEN: "give",
    Status.REFUSED: "refuse",
    Status.WITHDRAWN: "withdraw",
    Status.REQUESTED: "request",
}

REFUSALS: dict[str, dict[str, StrOrPromise]] = {
    "give": {Status.GIVEN: gettext_lazy("This consent has been given already.")},
    "refuse": {
        Status.GIVEN: gettext_lazy(
            "This consent has been given; withdraw it instead of refusing it."
        ),
        Status.REFUSED: gettext_lazy("This consent has been refused already."),
        Status.WITHDRAWN: gettext_lazy("This consent has been withdrawn; nothing is shared."),
    },
    "withdraw": {
        Status.REQUESTED: gettext_lazy(
            "This consent has not been given yet, so it cannot be withdrawn: refuse it."
        ),
        Status.REFUSED: gettext_lazy("This consent was refused; nothing is shared."),
        Status.WITHDRAWN: gettext_lazy("This consent has been withdrawn already."),
    },
    "request": {
        Status.REQUESTED: gettext_lazy("The job seeker has been asked already."),
        Status.GIVEN: gettext_lazy("The job seeker has given this consent already."),
    },
}

LIFECYCLE = Lifecycle(
    name="consent",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="consent-transition-refused",
    fallback=gettext_lazy("A consent that is %(current)s cannot become %(target)s."),
    step_to=STEP_TO,
    refusals=REFUSALS,
    lower_labels=True,
)
