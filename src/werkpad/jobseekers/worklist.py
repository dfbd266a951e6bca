"""The caseworker's worklist sections that come from job seekers' files."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.jobseekers.models import current_q, profile_overdue_q
from werkpad.jobseekers.selectors import jobseeker_scope


def caseworker_sections(user) -> list[WorklistSection]:
    caseload = jobseeker_scope(user=user).filter(current_q(), contact_person_id=user.pk)
    overdue = caseload.filter(profile_overdue_q(clock.today()))
    first = overdue.select_related("municipality__settings").order_by("profile_reviewed_on", "id")[
        :5
    ]
    list_url = reverse("jobseekers:list")
    return [
        WorklistSection(
            key="profile-review",
            title=_("Profiles due for review"),
            count=overdue.count(),
            items=[
                WorklistItem(
                    title=js.full_name,
                    url=reverse("jobseekers:detail", args=[js.pk]),
                    detail=_("last reviewed on %(date)s")
                    % {"date": js.profile_reviewed_on.strftime("%d-%m-%Y")},
                    overdue=True,
                    due_on=js.profile_review_due(),
                )
                for js in first
            ],
            more_url=f"{list_url}?contactPerson={user.pk}&profileOverdue=true",
            empty_text=_("Every profile in your caseload was reviewed in time."),
        ),
        WorklistSection(
            key="caseload",
            title=_("My caseload"),
            count=caseload.count(),
            more_url=f"{list_url}?contactPerson={user.pk}",
            empty_text=_("No job seekers have you as their contact person."),
        ),
    ]
