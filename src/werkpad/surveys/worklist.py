"""Worklist sections (RI6), shown only when something waits: for the two parties, the
proposals waiting for their approval and the approved surveys the municipality can open; for a job seeker or an employer, the
surveys they are invited to answer (the employer's home shows them)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.surveys.models import Survey
from werkpad.surveys.rules import party_of, staff_municipalities
from werkpad.surveys.selectors import own_invitations
from werkpad.surveys.workflow import Party, Status

SHOWN = 5


def party_sections(user) -> list[WorklistSection]:
    waiting = [
        s
        for s in Survey.objects.filter(
            municipality_id__in=staff_municipalities(user),
            status__in=(Status.PROPOSED, Status.APPROVED),
        ).order_by("created_at", "pk")
        if (s.status == Status.PROPOSED and party_of(user, s.municipality_id) == s.approver)
        or (s.status == Status.APPROVED and party_of(user, s.municipality_id) == Party.MUNICIPALITY)
    ]
    if not waiting:
        return []
    return [
        WorklistSection(
            key="surveys",
            title=_("Satisfaction surveys"),
            count=len(waiting),
            items=[
                WorklistItem(
                    title=s.title,
                    url=reverse("surveys:detail", args=[s.pk]),
                    detail=_("to approve") if s.status == Status.PROPOSED else _("to open"),
                )
                for s in waiting[:SHOWN]
            ],
            more_url=reverse("surveys:list"),
        )
    ]


def respondent_sections(user) -> list[WorklistSection]:
    waiting = own_invitations(user=user)
    invitations = list(waiting[:SHOWN])
    if not invitations:
        return []
    return [
        WorklistSection(
            key="survey-invitations",
            title=_("Surveys to answer"),
            count=waiting.count() if len(invitations) == SHOWN else len(invitations),
            items=[
                WorklistItem(
                    title=i.survey.title,
                    url=reverse("surveys:answer", args=[i.token]),
                    detail=_("until %(date)s") % {"date": i.survey.closes_on.strftime("%d-%m-%Y")},
                    due_on=i.survey.closes_on,
                )
                for i in invitations
            ],
        )
    ]
