"""Worklist sections from trajectories (TR3): referrals to answer, reports due, overdue first."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.permissions import Role, scope_of
from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.trajectories.models import Trajectory, referral_answer_due
from werkpad.trajectories.rules import CASEWORKERS
from werkpad.trajectories.workflow import Status

#: A report shows in the worklist this many days before it falls due.
DUE_SOON_DAYS = 7


def _reports_section(
    key: str, trajectories: QuerySet[Trajectory], more_url: str
) -> WorklistSection:
    today = clock.today()
    due = trajectories.filter(
        status=Status.STARTED, next_report_due__lte=today + dt.timedelta(days=DUE_SOON_DAYS)
    )
    first = due.select_related("job_seeker", "programme").order_by("next_report_due", "id")[:5]
    items = []
    for trajectory in first:
        assert trajectory.next_report_due is not None  # the filter above asks for a date
        overdue = trajectory.next_report_due < today
        date = trajectory.next_report_due.strftime("%d-%m-%Y")
        items.append(
            WorklistItem(
                title=f"{trajectory.job_seeker.full_name} · {trajectory.programme.name}",
                url=reverse("trajectories:detail", args=[trajectory.pk]),
                detail=(_("overdue since %(date)s") if overdue else _("due on %(date)s"))
                % {"date": date},
                overdue=overdue,
                due_on=trajectory.next_report_due,
            )
        )
    return WorklistSection(
        key=key,
        title=_("Progress reports due"),
        count=due.count(),
        items=items,
        more_url=more_url,
        empty_text=_("No progress report is due in the coming week."),
    )


def coach_sections(user) -> list[WorklistSection]:
    organisations = scope_of(user).organisations(Role.COACH)
    mine = Trajectory.objects.filter(provider__organisation_id__in=organisations)
    inbox = mine.filter(status=Status.REFERRED)
    list_url = reverse("trajectories:list")
    today = clock.today()
    items = []
    for t in inbox.select_related("programme").order_by("referred_on", "id")[:5]:
        due = referral_answer_due(t.referred_on)
        items.append(
            WorklistItem(
                title=t.programme.name,
                url=reverse("trajectories:detail", args=[t.pk]),
                detail=_("referred on %(date)s") % {"date": t.referred_on.strftime("%d-%m-%Y")}
                + (f" · {_('outside the target group')}" if t.target_group_reason else ""),
                overdue=due < today,
                due_on=due,
            )
        )
    return [
        WorklistSection(
            key="referrals-inbox",
            title=_("New referrals"),
            count=inbox.count(),
            items=items,
            more_url=f"{list_url}?status=referred",
            empty_text=_("No referral is waiting for an answer."),
        ),
        _reports_section("coach-reports", mine, f"{list_url}?status=started"),
    ]


def caseworker_sections(user) -> list[WorklistSection]:
    # The caseload within the municipalities the caseworker works for now: a file of a
    # municipality they left is no longer theirs to see, even while they are still named
    # as its contact person.
    caseload = Trajectory.objects.filter(CASEWORKERS.q(user), job_seeker__contact_person_id=user.pk)
    return [
        _reports_section(
            "caseload-reports",
            caseload,
            f"{reverse('trajectories:list')}?reportOverdue=true",
        )
    ]
