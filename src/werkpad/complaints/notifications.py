"""Complaints in notifications (RI2): the handler hears of a new complaint, of a
complainant who is not satisfied and of a term nearing and passed; the complainant
hears that their complaint was acknowledged, postponed or decided."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.selectors import role_holders
from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import Term, register_topic
from werkpad.notifications.services import notify

if TYPE_CHECKING:
    from werkpad.accounts.models import User
    from werkpad.complaints.models import Complaint

COMPLAINT = "complaint"
COMPLAINT_DISSATISFIED = "complaint-dissatisfied"
#: The complainant's topics, one per letter.
COMPLAINANT_TOPICS = {
    "acknowledgement": "complaint-acknowledged",
    "postponement": "complaint-postponed",
    "decision": "complaint-decided",
}


def handler_url(complaint_id: int) -> str:
    return reverse("complaints:detail", args=[complaint_id])


def complainant_url(complaint: Complaint) -> str:
    if complaint.employer_id is not None:
        return reverse("complaints:employer-detail", args=[complaint.pk])
    return reverse("complaints:own-detail", args=[complaint.pk])


def _handlers(organisation_id: int) -> list[int]:
    return list(
        role_holders(role=Role.COMPLAINT_HANDLER, organisation_id=organisation_id).values_list(
            "user_id", flat=True
        )
    )


def notify_filed(complaint: Complaint, *, actor: User) -> None:
    """After commit: the handlers of the organisation it is routed to hear of it."""
    for handler in _handlers(complaint.routed_to_id):
        notify(
            recipient_id=handler,
            topic=COMPLAINT,
            url=handler_url(complaint.pk),
            key=f"{COMPLAINT}:assigned:{complaint.pk}",
            actor=actor,
        )


def notify_handlers(complaint: Complaint, *, actor: User) -> None:
    """After commit: the handlers hear that the complainant is not satisfied."""
    recipients = [complaint.handler_id] if complaint.handler_id else []
    for handler in recipients or _handlers(complaint.routed_to_id):
        notify(
            recipient_id=handler,
            topic=COMPLAINT_DISSATISFIED,
            url=handler_url(complaint.pk),
            key=f"{COMPLAINT_DISSATISFIED}:{complaint.pk}:{complaint.version}",
            actor=actor,
        )


def notify_complainant(complaint: Complaint, letter: str, *, actor: User) -> None:
    """After commit: the complainant with a login hears of the letter on their pages."""
    if complaint.job_seeker_id is not None:
        recipient = complaint.job_seeker.user_id if complaint.job_seeker else None
    elif complaint.employer_id is not None:
        recipient = complaint.filed_by_id
    else:
        recipient = None
    topic = COMPLAINANT_TOPICS[letter]
    notify(
        recipient_id=recipient,
        topic=topic,
        url=complainant_url(complaint),
        key=f"{topic}:{complaint.pk}:{complaint.version}",
        actor=actor,
    )


def complaint_terms(*, municipality_id: int, since: dt.date, until: dt.date) -> Iterator[Term]:
    """Open complaints whose term ends between ``since`` and ``until``: for their handler,
    or every handler of the organisation while nobody took it on."""
    from werkpad.complaints.selectors import complaints_due_between

    rows = list(
        complaints_due_between(
            municipality_id=municipality_id, since=since, until=until
        ).values_list("pk", "routed_to_id", "handler_id", "term_ends_on")
    )
    handlers: dict[int, list[int]] = {}
    for pk, organisation, handler, due in rows:
        if organisation not in handlers:
            handlers[organisation] = _handlers(organisation)
        current = handlers[organisation]
        for recipient in [handler] if handler in current else current:
            yield Term(recipient_id=recipient, object_id=pk, due_on=due, url=handler_url(pk))


def register() -> None:
    register_topic(
        COMPLAINT,
        texts={
            Kind.ASSIGNED: _("A new complaint is waiting for you."),
            Kind.TERM_NEAR: _("A complaint is to be decided by %(date)s."),
            Kind.TERM_PASSED: _("A complaint was to be decided by %(date)s and is still open."),
        },
        terms=complaint_terms,
    )
    register_topic(
        COMPLAINT_DISSATISFIED,
        texts={Kind.ASSIGNED: _("A complainant is not satisfied with the outcome.")},
    )
    register_topic(
        COMPLAINANT_TOPICS["acknowledgement"],
        texts={Kind.ASSIGNED: _("We received your complaint. Read the letter on your page.")},
    )
    register_topic(
        COMPLAINANT_TOPICS["postponement"],
        texts={Kind.ASSIGNED: _("Your complaint takes longer. Read the letter on your page.")},
    )
    register_topic(
        COMPLAINANT_TOPICS["decision"],
        texts={Kind.ASSIGNED: _("There is a decision on your complaint. Read it on your page.")},
    )
