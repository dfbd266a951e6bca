"""The action's lifecycle (WT1) as data: open -> done, or open -> awaiting approval ->
done when the plan says that "done" waits for the other party's approval; the approver
may send it back (open again, with the reason). Open or awaiting, an action may be
cancelled with the reason. Every change is appended to the history by
``core.lifecycle.transition``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy

from werkpad.core.lifecycle import Lifecycle

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Status(models.TextChoices):
    OPEN = "open", gettext_lazy("Open")
    AWAITING_APPROVAL = "awaiting_approval", gettext_lazy("Done, awaiting approval")
    DONE = "done", gettext_lazy("Done")
    CANCELLED = "cancelled", gettext_lazy("Cancelled")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.OPEN: frozenset({Status.DONE, Status.AWAITING_APPROVAL, Status.CANCELLED}),
    # The approver approves (done) or sends it back (open, with the reason).
    Status.AWAITING_APPROVAL: frozenset({Status.DONE, Status.OPEN, Status.CANCELLED}),
    Status.DONE: frozenset(),
    Status.CANCELLED: frozenset(),
}

#: Still to be done by its owner or waiting for the approver: in worklists and terms.
OPEN = frozenset({Status.OPEN, Status.AWAITING_APPROVAL})
#: Finished: nothing more happens to it.
CLOSED = frozenset({Status.DONE, Status.CANCELLED})

_CLOSED: dict[str, StrOrPromise] = {
    Status.DONE: gettext_lazy("This action is done already."),
    Status.CANCELLED: gettext_lazy("This action was cancelled."),
}

LIFECYCLE = Lifecycle(
    name="action",
    statuses=Status,
    transitions=ALLOWED_TRANSITIONS,
    refused_code="action-transition-refused",
    fallback=gettext_lazy("An action that is %(current)s cannot become %(target)s."),
    reason_required=frozenset({Status.CANCELLED}),
    step_sources={
        "complete": frozenset({Status.OPEN}),
        "approve": frozenset({Status.AWAITING_APPROVAL}),
        "send_back": frozenset({Status.AWAITING_APPROVAL}),
    },
    refusals={
        "complete": {
            Status.AWAITING_APPROVAL: gettext_lazy(
                "This action is marked done already and awaits approval."
            ),
            **_CLOSED,
        },
        "approve": {
            Status.OPEN: gettext_lazy(
                "This action is not marked done: there is nothing to approve."
            ),
            **_CLOSED,
        },
        "send_back": {
            Status.OPEN: gettext_lazy(
                "This action is not marked done: there is nothing to approve."
            ),
            **_CLOSED,
        },
        "cancel": dict(_CLOSED),
    },
    step_to={Status.CANCELLED: "cancel"},
    lower_labels=True,
)
