"""Second opinions in notifications (RI3): the advisor hears a second opinion is
assigned to them and when its term nears and passes; the caseworker and the job seeker
hear the advice is there; the job seeker hears the decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.notifications.models import Kind
from werkpad.notifications.registry import Term, register_topic
from werkpad.notifications.services import notify

if TYPE_CHECKING:
    from werkpad.accounts.models import User
    from werkpad.secondopinions.models import SecondOpinion

#: The advisor's: assigned, the term nearing and passed.
ADVICE_TERM = "second-opinion-advice-term"
#: The caseworker's and the job seeker's: the advice is there.
ADVICE_GIVEN = "second-opinion-advice"
#: The job seeker's: the decision is there.
DECISION = "second-opinion-decision"


def staff_url(pk: int) -> str:
    return reverse("secondopinions:detail", args=[pk])


def own_url(pk: int) -> str:
    return reverse("mysecondopinions:detail", args=[pk])


def notify_assigned(second_opinion: SecondOpinion, *, actor: User) -> None:
    notify(
        recipient_id=second_opinion.advisor_id,
        topic=ADVICE_TERM,
        url=staff_url(second_opinion.pk),
        key=f"{ADVICE_TERM}:assigned:{second_opinion.pk}:{second_opinion.advisor_id}",
        actor=actor,
    )


def notify_advice(second_opinion: SecondOpinion, *, actor: User) -> None:
    notify(
        recipient_id=second_opinion.job_seeker.contact_person_id,
        topic=ADVICE_GIVEN,
        url=staff_url(second_opinion.pk),
        key=f"{ADVICE_GIVEN}:{second_opinion.pk}",
        actor=actor,
    )
    notify(
        recipient_id=second_opinion.job_seeker.user_id,
        topic=ADVICE_GIVEN,
        url=own_url(second_opinion.pk),
        key=f"{ADVICE_GIVEN}:{second_opinion.pk}",
        actor=actor,
    )


def notify_decision(second_opinion: SecondOpinion, *, actor: User) -> None:
    notify(
        recipient_id=second_opinion.job_seeker.user_id,
        topic=DECISION,
        url=own_url(second_opinion.pk),
        key=f"{DECISION}:{second_opinion.pk}",
        actor=actor,
    )


def advice_terms(*, municipality_id: int, since: dt.date, until: dt.date) -> Iterator[Term]:
    """Second opinions waiting for their advisor's advice, due between the dates."""
    from werkpad.secondopinions.models import SecondOpinion
    from werkpad.secondopinions.workflow import Status

    rows = SecondOpinion.objects.filter(
        municipality_id=municipality_id,
        status=Status.ASSIGNED,
        advisor__isnull=False,
        term_ends_on__range=(since, until),
    ).values_list("pk", "advisor_id", "term_ends_on")
    for pk, advisor, due in rows:
        yield Term(recipient_id=advisor, object_id=pk, due_on=due, url=staff_url(pk))


def register() -> None:
    register_topic(
        ADVICE_TERM,
        texts={
            Kind.ASSIGNED: _("A second opinion is assigned to you."),
            Kind.TERM_NEAR: _("The advice on a second opinion is due on %(date)s."),
            Kind.TERM_PASSED: _("The advice on a second opinion was due on %(date)s."),
        },
        terms=advice_terms,
    )
    register_topic(
        ADVICE_GIVEN,
        texts={Kind.ASSIGNED: _("The advice on a second opinion is there.")},
    )
    register_topic(
        DECISION,
        texts={Kind.ASSIGNED: _("The decision on a second opinion is there.")},
    )
