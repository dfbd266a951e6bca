"""The complaint handler's worklist sections (RI2): open complaints by term (overdue
first), receipts still to acknowledge, complainants not satisfied."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.complaints import selectors
from werkpad.complaints.models import Complaint
from werkpad.core import clock
from werkpad.core.worklist import WorklistItem, WorklistSection


def _item(complaint: Complaint, detail: str, due=None) -> WorklistItem:
    today = clock.today()
    return WorklistItem(
        title=f"{complaint.reference} · {complaint.get_subject_display()}",
        url=reverse("complaints:detail", args=[complaint.pk]),
        detail=detail,
        overdue=complaint.overdue(today),
        due_on=due or complaint.term_ends_on,
    )


def handler_sections(user) -> list[WorklistSection]:
    list_url = reverse("complaints:list")
    count, first = selectors.open_by_term(user=user)
    open_items = [
        _item(c, _("to be decided by %(date)s") % {"date": c.term_ends_on.strftime("%d-%m-%Y")})
        for c in first
    ]
    ack_count, ack_first = selectors.awaiting_acknowledgement(user=user)
    ack_items = [
        _item(c, _("received on %(date)s") % {"date": c.received_on.strftime("%d-%m-%Y")})
        for c in ack_first
    ]
    follow_count, follow_first = selectors.awaiting_follow_up(user=user)
    follow_items = [
        _item(
            c,
            _("not satisfied since %(date)s")
            % {"date": (c.dissatisfied_on or c.received_on).strftime("%d-%m-%Y")},
            due=c.dissatisfied_on,
        )
        for c in follow_first
    ]
    return [
        WorklistSection(
            key="complaints-open",
            title=_("Complaints to decide"),
            count=count,
            items=open_items,
            more_url=f"{list_url}?status=open",
            empty_text=_("No complaint is waiting for a decision."),
        ),
        WorklistSection(
            key="complaints-acknowledge",
            title=_("Receipts to acknowledge"),
            count=ack_count,
            items=ack_items,
            more_url=f"{list_url}?status=received",
            empty_text=_("Every complaint's receipt is acknowledged."),
        ),
        WorklistSection(
            key="complaints-dissatisfied",
            title=_("Complainants not satisfied"),
            count=follow_count,
            items=follow_items,
            more_url=f"{list_url}?status=dissatisfied",
            empty_text=_("No complainant is waiting for an answer to their dissatisfaction."),
        ),
    ]
