"""The caseworker's worklist (RI4): mediations asked for, waiting for a mediator."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.mediations.models import MediationRequest
from werkpad.mediations.rules import CASEWORKERS
from werkpad.mediations.workflow import Status


def caseworker_sections(user) -> list[WorklistSection]:
    waiting = MediationRequest.objects.filter(
        CASEWORKERS.q(user), job_seeker__contact_person_id=user.pk, status=Status.REQUESTED
    )
    items = [
        WorklistItem(
            title=f"{m.job_seeker.full_name} · {m.trajectory.programme.name}",
            url=reverse("mediations:detail", args=[m.pk]),
            detail=_("mediation requested on %(date)s: appoint a mediator")
            % {"date": m.requested_on.strftime("%d-%m-%Y")},
            due_on=m.requested_on,
        )
        for m in waiting.select_related("job_seeker", "trajectory__programme").order_by(
            "requested_on", "id"
        )[:5]
    ]
    return [
        WorklistSection(
            key="mediations-requested",
            title=_("Mediation requested"),
            count=waiting.count(),
            items=items,
            more_url=reverse("mediations:list") + "?status=requested",
            empty_text=_("No mediation waits for a mediator."),
        )
    ]
