"""The employer service in notifications (EM3-EM5): the employer hears that the answer
or an update on its vacancy was sent; the employer advisor hears that a vacancy's
72-hour answer nears and has passed (a term the sweep knows). Sentences name nobody and
carry no content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import Term, register_topic
from werkpad.notifications.services import notify

if TYPE_CHECKING:
    from werkpad.accounts.models import User
    from werkpad.employers.models import Vacancy

ANSWERED = "vacancy-answer"
UPDATE = "vacancy-update"
TERM = "vacancy-answer-term"


def employer_user_ids(vacancy: Vacancy) -> list[int]:
    """The employer's users: the members of its organisation with the role employer."""
    from werkpad.accounts.models import Membership

    if vacancy.employer is None:
        return []
    return list(
        Membership.objects.filter(
            organisation_id=vacancy.employer.organisation_id,
            role=Role.EMPLOYER,
            is_active=True,
            user__is_active=True,
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def _tell_employer(vacancy: Vacancy, *, topic: str, key: str, actor: User) -> None:
    url = reverse("myemployer:detail", args=[vacancy.pk])
    for recipient in employer_user_ids(vacancy):
        notify(recipient_id=recipient, topic=topic, url=url, key=key, actor=actor)


def notify_answered(vacancy: Vacancy, *, actor: User) -> None:
    _tell_employer(vacancy, topic=ANSWERED, key=f"{ANSWERED}:{vacancy.pk}", actor=actor)


def notify_update(vacancy: Vacancy, *, update_id: int, actor: User) -> None:
    _tell_employer(vacancy, topic=UPDATE, key=f"{UPDATE}:{update_id}", actor=actor)


def answer_terms(*, municipality_id: int, since: dt.date, until: dt.date) -> Iterator[Term]:
    """Vacancies of the municipality still to be answered whose 72-hour term falls
    between ``since`` and ``until``, for the advisor handling them (else the employer's
    contact person)."""
    from werkpad.employers.models import Vacancy
    from werkpad.employers.workflow import Status

    rows = (
        Vacancy.objects.filter(
            municipality_id=municipality_id,
            status=Status.RECEIVED,
            answer_due_at__date__range=(since, until),
        )
        .select_related("employer")
        .only("pk", "answer_due_at", "handled_by_id", "employer__contact_person_id")
    )
    for vacancy in rows.iterator():
        recipient = vacancy.handled_by_id or (
            vacancy.employer.contact_person_id if vacancy.employer else None
        )
        if recipient is not None:
            yield Term(
                recipient_id=recipient,
                object_id=vacancy.pk,
                due_on=vacancy.answer_due_at.date(),
                url=reverse("vacancies:detail", args=[vacancy.pk]),
            )


def register() -> None:
    register_topic(
        ANSWERED,
        texts={Kind.ASSIGNED: _("The employer service answered your vacancy.")},
    )
    register_topic(
        UPDATE, texts={Kind.ASSIGNED: _("There is news from the employer service on your vacancy.")}
    )
    register_topic(
        TERM,
        texts={
            Kind.TERM_NEAR: _("A vacancy is to be answered by %(date)s (72 hours)."),
            Kind.TERM_PASSED: _("A vacancy was to be answered by %(date)s (72 hours)."),
        },
        terms=answer_terms,
    )
