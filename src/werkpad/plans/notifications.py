"""Plans in notifications: the periodic review nearing and passed (PL4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.selectors import role_holders
from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import Term, register_topic

PLAN_REVIEW = "plan-review"


def plan_review_terms(*, municipality_id: int, since: dt.date, until: dt.date) -> Iterator[Term]:
    """Plans in effect whose review falls due between ``since`` and ``until``, for the
    job seeker's contact person while a caseworker of the municipality; not for a job
    seeker who left the file."""
    from werkpad.plans.models import Plan

    rows = Plan.objects.filter(
        municipality_id=municipality_id,
        current_version__isnull=False,
        review_due_on__range=(since, until),
        job_seeker__left_on__isnull=True,
        job_seeker__contact_person_id__in=role_holders(
            role=Role.CASEWORKER, municipality_id=municipality_id
        ),
    ).values_list("pk", "job_seeker__contact_person_id", "review_due_on")
    for pk, person, due in rows.iterator():
        assert due is not None  # in the range asked for
        yield Term(
            recipient_id=person, object_id=pk, due_on=due, url=reverse("plans:detail", args=[pk])
        )


def register() -> None:
    register_topic(
        PLAN_REVIEW,
        texts={
            Kind.TERM_NEAR: _("A plan is due for review on %(date)s."),
            Kind.TERM_PASSED: _("A plan was due for review on %(date)s."),
        },
        terms=plan_review_terms,
    )
