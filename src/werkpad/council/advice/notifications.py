"""Advice requests in notifications (CO1): the council members hear that a request was
sent, the policy officers that advice arrived, the council that the response arrived;
the council members are reminded before the advice term ends and when it has passed
(a term the notification sweep knows). Sentences name nobody and carry no content."""

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
    from werkpad.council.models import AdviceRequest

REQUEST = "council-advice-request"
ADVICE = "council-advice"
RESPONSE = "council-advice-response"
TERM = "council-advice-term"


def _member_ids(**memberships: object) -> list[int]:
    from werkpad.accounts.models import Membership

    return list(
        Membership.objects.filter(is_active=True, user__is_active=True, **memberships)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def council_member_ids(council_id: int) -> list[int]:
    return _member_ids(organisation_id=council_id, role=Role.COUNCIL_MEMBER)


def policy_officer_ids(municipality_id: int) -> list[int]:
    return _member_ids(organisation__municipality_id=municipality_id, role=Role.POLICY_OFFICER)


def _url(request: AdviceRequest) -> str:
    return reverse("council:advice-detail", args=[request.pk])


def notify_sent(request: AdviceRequest, *, actor: User) -> None:
    for recipient in council_member_ids(request.council_id):
        notify(
            recipient_id=recipient,
            topic=REQUEST,
            url=_url(request),
            key=f"{REQUEST}:{request.pk}",
            due_on=request.due_on,
            actor=actor,
        )


def notify_advised(request: AdviceRequest, *, actor: User) -> None:
    for recipient in policy_officer_ids(request.municipality_id):
        notify(
            recipient_id=recipient,
            topic=ADVICE,
            url=_url(request),
            key=f"{ADVICE}:{request.pk}",
            actor=actor,
        )


def notify_answered(request: AdviceRequest, *, actor: User) -> None:
    for recipient in council_member_ids(request.council_id):
        notify(
            recipient_id=recipient,
            topic=RESPONSE,
            url=_url(request),
            key=f"{RESPONSE}:{request.pk}",
            actor=actor,
        )


def advice_terms(*, municipality_id: int, since: dt.date, until: dt.date) -> Iterator[Term]:
    """Sent requests of the municipality awaiting advice whose term ends between
    ``since`` and ``until``, for every member of the addressed council."""
    from werkpad.council.advice.workflow import Status
    from werkpad.council.models import AdviceRequest

    rows = AdviceRequest.objects.filter(
        municipality_id=municipality_id, status=Status.SENT, due_on__range=(since, until)
    ).only("pk", "council_id", "due_on")
    members: dict[int, list[int]] = {}
    for request in rows.iterator():
        if request.council_id not in members:
            members[request.council_id] = council_member_ids(request.council_id)
        assert request.due_on is not None
        for recipient in members[request.council_id]:
            yield Term(
                recipient_id=recipient,
                object_id=request.pk,
                due_on=request.due_on,
                url=_url(request),
            )


def register() -> None:
    register_topic(
        REQUEST,
        texts={Kind.ASSIGNED: _("The municipality asks the client council for advice.")},
    )
    register_topic(ADVICE, texts={Kind.ASSIGNED: _("The client council sent its advice.")})
    register_topic(
        RESPONSE,
        texts={Kind.ASSIGNED: _("The municipality responded to the council's advice.")},
    )
    register_topic(
        TERM,
        texts={
            Kind.TERM_NEAR: _("An advice request is to be answered by %(date)s."),
            Kind.TERM_PASSED: _("An advice request was to be answered by %(date)s."),
        },
        terms=advice_terms,
    )
