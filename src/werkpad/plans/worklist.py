"""The caseworker's worklist sections that come from plans (PL4)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.plans.models import Plan
from werkpad.plans.selectors import plan_overdue_reviews


def _overdue_item(plan: Plan) -> WorklistItem:
    assert plan.review_due_on is not None  # an overdue review has a date
    return WorklistItem(
        title=plan.job_seeker.full_name,
        url=reverse("plans:detail", args=[plan.pk]),
        detail=_("review due on %(date)s") % {"date": plan.review_due_on.strftime("%d-%m-%Y")},
        overdue=True,
        due_on=plan.review_due_on,
    )


def caseworker_sections(user) -> list[WorklistSection]:
    count, first = plan_overdue_reviews(user=user)
    return [
        WorklistSection(
            key="plan-review",
            title=_("Plan reviews overdue"),
            count=count,
            items=[_overdue_item(plan) for plan in first],
            more_url=f"{reverse('plans:list')}?status=in_effect",
            empty_text=_("Every plan in your caseload was reviewed in time."),
        )
    ]
