"""Trajectories in notifications: a new referral for the provider's coaches (TR1), the
answer to a referral and the progress reports nearing and passed (TR1, TR3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.selectors import role_holders
from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import Term, register_topic
from werkpad.notifications.services import notify

REFERRAL_ANSWER = "referral-answer"
PROGRESS_REPORT = "progress-report"


def trajectory_url(trajectory_id: int) -> str:
    return reverse("trajectories:detail", args=[trajectory_id])


def _coaches(organisation_ids) -> dict[int, set[int]]:
    """Organisation -> the users who are its coaches now."""
    found: dict[int, set[int]] = {}
    from werkpad.accounts.models import Membership

    rows = Membership.objects.filter(
        role=Role.COACH, is_active=True, user__is_active=True, organisation_id__in=organisation_ids
    ).values_list("organisation_id", "user_id")
    for organisation, user in rows:
        found.setdefault(organisation, set()).add(user)
    return found


def notify_referral(trajectory, *, actor) -> None:
    """After commit: every coach of the provider hears that a referral waits for them."""
    for coach in _coaches([trajectory.provider.organisation_id]).get(
        trajectory.provider.organisation_id, ()
    ):
        notify(
            recipient_id=coach,
            topic=REFERRAL_ANSWER,
            url=trajectory_url(trajectory.pk),
            key=f"{REFERRAL_ANSWER}:assigned:{trajectory.pk}",
            actor=actor,
        )


def referral_answer_terms(
    *, municipality_id: int, since: dt.date, until: dt.date
) -> Iterator[Term]:
    """Referrals still waiting for the provider's answer, for the provider's coaches."""
    from werkpad.trajectories.models import Trajectory, referral_answer_due
    from werkpad.trajectories.workflow import Status

    rows = list(
        Trajectory.objects.filter(
            municipality_id=municipality_id,
            status=Status.REFERRED,
            # the answer is due a few working days after the referral
            referred_on__range=(since - dt.timedelta(days=21), until),
        ).values_list("pk", "provider__organisation_id", "referred_on")
    )
    coaches = _coaches({organisation for _pk, organisation, _on in rows})
    for pk, organisation, referred_on in rows:
        for coach in coaches.get(organisation, ()):
            yield Term(
                recipient_id=coach,
                object_id=pk,
                due_on=referral_answer_due(referred_on),
                url=trajectory_url(pk),
            )


def progress_report_terms(
    *, municipality_id: int, since: dt.date, until: dt.date
) -> Iterator[Term]:
    """Progress reports of running trajectories falling due between ``since`` and
    ``until``: for the coach who writes them and the caseworker who reads them (TR3)."""
    from werkpad.trajectories.models import Trajectory
    from werkpad.trajectories.workflow import Status

    rows = list(
        Trajectory.objects.filter(
            municipality_id=municipality_id,
            status=Status.STARTED,
            next_report_due__range=(since, until),
        ).values_list(
            "pk",
            "next_report_due",
            "coach_id",
            "provider__organisation_id",
            "job_seeker__contact_person_id",
        )
    )
    coaches = _coaches({organisation for _pk, _due, _coach, organisation, _cp in rows})
    caseworkers = set(
        role_holders(role=Role.CASEWORKER, municipality_id=municipality_id).values_list(
            "user_id", flat=True
        )
    )
    for pk, due, coach, organisation, contact_person in rows:
        assert due is not None  # in the range asked for
        for recipient in (coach, contact_person):
            allowed = coaches.get(organisation, set()) if recipient == coach else caseworkers
            if recipient is not None and recipient in allowed:
                yield Term(recipient_id=recipient, object_id=pk, due_on=due, url=trajectory_url(pk))


def register() -> None:
    register_topic(
        REFERRAL_ANSWER,
        texts={
            Kind.ASSIGNED: _("A new referral is waiting for your answer."),
            Kind.TERM_NEAR: _("A referral is waiting for your answer; answer it by %(date)s."),
            Kind.TERM_PASSED: _("A referral was to be answered by %(date)s and still waits."),
        },
        terms=referral_answer_terms,
    )
    register_topic(
        PROGRESS_REPORT,
        texts={
            Kind.TERM_NEAR: _("A progress report is due on %(date)s."),
            Kind.TERM_PASSED: _("A progress report was due on %(date)s and is overdue."),
        },
        terms=progress_report_terms,
    )
