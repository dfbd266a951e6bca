"""The job seeker's file in notifications: the contact person assigned (JS3) and the
profile's periodic review nearing and passed (JS1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.selectors import role_holders
from werkpad.core.deadlines import add_months
from werkpad.core.models import MunicipalitySettings
from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import Term, register_topic
from werkpad.notifications.services import notify

CONTACT_PERSON = "jobseeker-contact-person"
PROFILE_REVIEW = "profile-review"


def file_url(job_seeker_id: int) -> str:
    return reverse("jobseekers:detail", args=[job_seeker_id])


def notify_contact_person(job_seeker, *, actor) -> None:
    """After commit: the new contact person hears that the file is theirs now."""
    notify(
        recipient_id=job_seeker.contact_person_id,
        topic=CONTACT_PERSON,
        url=file_url(job_seeker.pk),
        key=f"{CONTACT_PERSON}:{job_seeker.pk}:v{job_seeker.version}",
        actor=actor,
    )


def profile_review_terms(*, municipality_id: int, since: dt.date, until: dt.date) -> Iterator[Term]:
    """Profiles of the municipality's file due for review between ``since`` and ``until``,
    for their contact person while a caseworker there; not of job seekers who left."""
    months = MunicipalitySettings.for_id(municipality_id).profile_review_months
    from werkpad.jobseekers.models import JobSeeker, current_q

    rows = JobSeeker.objects.filter(
        current_q(),
        municipality_id=municipality_id,
        # a few days' margin either side for months of unequal length
        profile_reviewed_on__gte=add_months(since, -months) - dt.timedelta(days=3),
        profile_reviewed_on__lte=add_months(until, -months) + dt.timedelta(days=3),
        contact_person_id__in=role_holders(role=Role.CASEWORKER, municipality_id=municipality_id),
    ).values_list("pk", "contact_person_id", "profile_reviewed_on")
    for pk, person, reviewed in rows.iterator():
        yield Term(
            recipient_id=person,
            object_id=pk,
            due_on=add_months(reviewed, months),
            url=file_url(pk),
        )


def register() -> None:
    register_topic(
        CONTACT_PERSON,
        texts={Kind.ASSIGNED: _("You are now the contact person of a job seeker.")},
    )
    register_topic(
        PROFILE_REVIEW,
        texts={
            Kind.TERM_NEAR: _("A job seeker's profile is due for review on %(date)s."),
            Kind.TERM_PASSED: _("A job seeker's profile was due for review on %(date)s."),
        },
        terms=profile_review_terms,
    )
