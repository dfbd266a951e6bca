"""Mediations in notifications (RI4): the caseworker hears that a job seeker asked for
mediation; the job seeker and the provider's coaches hear that a mediator is appointed
and that the mediation is concluded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from werkpad.core.permissions import Role
from werkpad.notifications.models import Kind
from werkpad.notifications.registry import register_topic
from werkpad.notifications.services import notify

if TYPE_CHECKING:
    from werkpad.accounts.models import User
    from werkpad.mediations.models import MediationRequest

REQUESTED = "mediation-requested"
CHANGED = "mediation"


def notify_requested(mediation: MediationRequest, *, actor: User) -> None:
    notify(
        recipient_id=mediation.job_seeker.contact_person_id,
        topic=REQUESTED,
        url=reverse("mediations:detail", args=[mediation.pk]),
        key=f"{REQUESTED}:{mediation.pk}",
        actor=actor,
    )


def notify_parties(mediation: MediationRequest, *, actor: User) -> None:
    from werkpad.accounts.models import Membership

    key = f"{CHANGED}:{mediation.status}:{mediation.pk}"
    notify(
        recipient_id=mediation.job_seeker.user_id,
        topic=CHANGED,
        url=reverse("mymediations:detail", args=[mediation.pk]),
        key=key,
        actor=actor,
    )
    coaches = Membership.objects.filter(
        role=Role.COACH,
        is_active=True,
        user__is_active=True,
        organisation_id=mediation.trajectory.provider.organisation_id,
    ).values_list("user_id", flat=True)
    for coach in coaches:
        notify(
            recipient_id=coach,
            topic=CHANGED,
            url=reverse("mediations:detail", args=[mediation.pk]),
            key=key,
            actor=actor,
        )


def register() -> None:
    register_topic(
        REQUESTED, texts={Kind.ASSIGNED: _("Mediation was asked for: appoint a mediator.")}
    )
    register_topic(CHANGED, texts={Kind.ASSIGNED: _("A mediation you take part in has news.")})
