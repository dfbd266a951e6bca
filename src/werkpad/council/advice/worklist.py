"""Worklist sections of advice requests (CO1): for the council members, the requests
awaiting their advice with the term (overdue first); for the policy officer, the advice
to respond to."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.permissions import AnyUser, Role, scope_of
from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.council.advice.selectors import advice_request_scope
from werkpad.council.advice.workflow import Status
from werkpad.council.rules import councils_of

SHOWN = 5


def council_sections(user: AnyUser) -> list[WorklistSection]:
    today = clock.today()
    waiting = advice_request_scope(user).filter(
        council_id__in=councils_of(user), status=Status.SENT
    )
    items = []
    for request in waiting.order_by("due_on", "id")[:SHOWN]:
        assert request.due_on is not None
        overdue = request.due_on < today
        items.append(
            WorklistItem(
                title=request.title,
                url=reverse("council:advice-detail", args=[request.pk]),
                detail=(_("advice was due on %(date)s") if overdue else _("advice by %(date)s"))
                % {"date": request.due_on.strftime("%d-%m-%Y")},
                overdue=overdue,
                due_on=request.due_on,
            )
        )
    return [
        WorklistSection(
            key="council-advice-requests",
            title=_("Advice requests awaiting advice"),
            count=waiting.count(),
            items=items,
            more_url=reverse("council:advice-list") + "?status=sent",
            empty_text=_("No advice request awaits the council's advice."),
        )
    ]


def policy_officer_sections(user: AnyUser) -> list[WorklistSection]:
    waiting = advice_request_scope(user).filter(
        municipality_id__in=scope_of(user).municipalities(Role.POLICY_OFFICER),
        status=Status.ADVISED,
    )
    items = [
        WorklistItem(
            title=request.title,
            url=reverse("council:advice-detail", args=[request.pk]),
            detail=_("advice received on %(date)s")
            % {"date": timezone.localtime(request.advised_at).strftime("%d-%m-%Y")}
            if request.advised_at
            else "",
            due_on=None,
        )
        for request in waiting.order_by("advised_at", "id")[:SHOWN]
    ]
    return [
        WorklistSection(
            key="council-advice-to-respond",
            title=_("Council advice to respond to"),
            count=waiting.count(),
            items=items,
            more_url=reverse("council:advice-list") + "?status=advised",
            empty_text=_("No advice of the council awaits a response."),
        )
    ]
