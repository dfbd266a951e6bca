"""Worklist sections (MA1, EM6): the contact person's search profiles that are no longer
confirmed current (their job seekers dropped out of the candidate file), and the
employer advisor's introduction requests the job seekers answered."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.core.permissions import scope_of
from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.matching.models import IntroductionRequest
from werkpad.matching.rules import ADVISORS
from werkpad.matching.selectors import confirmed_since, current_profiles
from werkpad.matching.workflow import OPEN

SHOWN = 5


def caseworker_sections(user) -> list[WorklistSection]:
    """The search profiles of the caseload to confirm as current."""
    since = confirmed_since()
    due = current_profiles().filter(
        Q(confirmed_current_on__isnull=True) | Q(confirmed_current_on__lt=since),
        job_seeker__contact_person_id=user.pk,
    )
    rows = due.select_related("job_seeker").order_by("confirmed_current_on", "job_seeker_id")
    return [
        WorklistSection(
            key="matching-profiles-to-confirm",
            title=_("Search profiles to confirm as current"),
            count=due.count(),
            items=[
                WorklistItem(
                    title=profile.job_seeker.full_name,
                    url=reverse("jobseekers:detail", args=[profile.job_seeker_id])
                    + "#search-profile",
                    detail=_("last confirmed on %(date)s")
                    % {"date": profile.confirmed_current_on.strftime("%d-%m-%Y")}
                    if profile.confirmed_current_on
                    else _("never confirmed"),
                    overdue=True,
                )
                for profile in rows[:SHOWN]
            ],
            more_url="",
            empty_text=_("Every search profile of your caseload is current."),
        )
    ]


def advisor_sections(user) -> list[WorklistSection]:
    """The introduction requests of the advisor's municipalities: those waiting for the
    job seeker's answer (by pseudonym, never a name)."""
    waiting = IntroductionRequest.objects.filter(
        municipality_id__in=scope_of(user).municipalities(*ADVISORS), status__in=OPEN
    )
    return [
        WorklistSection(
            key="matching-introductions",
            title=_("Introduction requests waiting for an answer"),
            count=waiting.count(),
            items=[
                WorklistItem(
                    title=f"{introduction.employer.name} · {introduction.pseudonym}",
                    url=reverse("matching:introductions"),
                    detail=_("asked on %(date)s")
                    % {"date": introduction.requested_at.strftime("%d-%m-%Y")},
                )
                for introduction in waiting.select_related("employer__organisation").order_by(
                    "requested_at", "id"
                )[:SHOWN]
            ],
            more_url=reverse("matching:introductions"),
            empty_text=_("No introduction request waits for an answer."),
        )
    ]
