"""Worklist section (MA3): the contact person's follow-ups of placements that fall due
within two weeks, overdue ones first."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.placements.models import FollowUp, Placement
from werkpad.placements.rules import CASEWORKERS

SHOWN = 5
#: How far ahead a follow-up enters the worklist.
LEAD = dt.timedelta(days=14)


def caseworker_sections(user) -> list[WorklistSection]:
    today = clock.today()
    due = (
        FollowUp.objects.filter(
            Q(placement__job_seeker__contact_person_id=user.pk),
            done_on__isnull=True,
            due_on__lte=today + LEAD,
        )
        .filter(placement__in=Placement.objects.filter(CASEWORKERS.q(user)).values("pk"))
        .select_related("placement__job_seeker")
        .order_by("due_on", "id")
    )
    return [
        WorklistSection(
            key="placements-follow-ups",
            title=_("Follow-ups of placements"),
            count=due.count(),
            items=[
                WorklistItem(
                    title=_("%(name)s · still in work after %(months)s months?")
                    % {"name": f.placement.job_seeker.full_name, "months": f.months},
                    url=reverse("placements:follow-up", args=[f.placement_id, f.pk]),
                    detail=_("due on %(date)s") % {"date": f.due_on.strftime("%d-%m-%Y")},
                    overdue=f.overdue(today),
                    due_on=f.due_on,
                )
                for f in due[:SHOWN]
            ],
            more_url=reverse("placements:list") + "?followUp=due",
            empty_text=_("No follow-up of a placement is due."),
        )
    ]
