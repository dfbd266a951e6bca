"""The plan's lifecycle as data (PL3): one table, enforced in one place.

A version is written as a draft, shared with the job seeker (proposed), answered
by them (agreed, or their disagreement recorded) and then takes effect. When a
newer version takes effect, the one before it is superseded. Every change of
status is appended to ``PlanStatusChange`` by ``core.lifecycle.transition`` with
``LIFECYCLE``; none is ever edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


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


#: The step that leads to each status.
STEP_TO: dict[str, str] = {
    Status.PROPOSED: "propose",
    Status.DRAFT: "withdraw",
    Status.AGREED: "agree",
    Status.DISAGREEMENT_RECORDED: "disagree",
    Status.IN_EFFECT: "take_effect",
    Status.SUPERSEDED: "supersede",
}
_ANSWERED = (Status.AGREED, Status.DISAGREEMENT_RECORDED, Status.IN_EFFECT)

#: Why a step is refused, per step and per current status of the version: each in its own
#: words. The job seeker's steps (agree, disagree) speak to them.
REFUSALS: dict[str, dict[str, StrOrPromise]] = {
    "propose": {
        Status.PROPOSED: gettext_lazy("This version has been shared with the job seeker already."),
        **dict.fromkeys(
            _ANSWERED,
            gettext_lazy(
                "The job seeker has answered this version already. Start a new version to "
                "change the plan."
            ),
        ),
        Status.SUPERSEDED: gettext_lazy(
            "A newer version replaced this one; it can no longer be shared."
        ),
    },
    "withdraw": {
        Status.DRAFT: gettext_lazy(
            "This version has not been shared yet, so there is nothing to take back."
        ),
        **dict.fromkeys(
            _ANSWERED,
            gettext_lazy(
                "The job seeker has answered this version already; it can no longer be taken "
                "back. Start a new version to change the plan."
            ),
        ),
        Status.SUPERSEDED: gettext_lazy(
            "A newer version replaced this one; it can no longer be taken back."
        ),
    },
    "agree": {
        Status.DRAFT: gettext_lazy("There is no new plan for you to agree to."),
        **dict.fromkeys(
            _ANSWERED,
            gettext_lazy(
                "You already answered this plan. Would you like to change your answer? Write a "
                "comment or call your contact person."
            ),
        ),
        Status.SUPERSEDED: gettext_lazy(
            "This plan has been replaced by a newer one. You cannot agree to it any more."
        ),
    },
    "disagree": {
        Status.DRAFT: gettext_lazy("There is no new plan waiting for your answer."),
        **dict.fromkeys(
            _ANSWERED,
            gettext_lazy(
                "You already answered this plan. Do you no longer agree with it? Write a "
                "comment or call your contact person."
            ),
        ),
        Status.SUPERSEDED: gettext_lazy(
            "This plan has been replaced by a newer one. You cannot answer it any more."
        ),
    },
    "take_effect": dict.fromkeys(
        (Status.DRAFT, Status.PROPOSED, Status.IN_EFFECT, Status.SUPERSEDED),
        gettext_lazy("Only a version the job seeker has answered takes effect."),
    ),
    "supersede": {
        **dict.fromkeys(
            (Status.DRAFT, Status.PROPOSED, Status.AGREED, Status.DISAGREEMENT_RECORDED),
            gettext_lazy("Only the version in effect is replaced by a newer one."),
        ),
        Status.SUPERSEDED: gettext_lazy("A newer version replaced this one already."),
    },
}


LIFECYCLE = Lifecycle(
    name="plan version",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="plan-transition-refused",
    fallback=gettext_lazy("A plan that is “%(current)s” cannot become “%(target)s”."),
    step_to=STEP_TO,
    refusals=REFUSALS,
)
