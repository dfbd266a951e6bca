"""Worklist sections from second opinions (RI3): the advisor's advice to write by its
term, overdue first; the caseworker's advice received (meeting to hold, decision to
take) and requests without an advisor."""

from __future__ import annotations

from django.urls import reverse
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.secondopinions.models import SecondOpinion
from werkpad.secondopinions.rules import CASEWORKERS
from werkpad.secondopinions.workflow import Status

SHOWN = 5


def advisor_sections(user) -> list[WorklistSection]:
    waiting = SecondOpinion.objects.filter(advisor_id=user.pk, status=Status.ASSIGNED)
    today = clock.today()
    items = []
    for so in waiting.select_related("programme", "trajectory__programme").order_by(
        "term_ends_on", "id"
    )[:SHOWN]:
        overdue = so.term_ends_on < today
        date = so.term_ends_on.strftime("%d-%m-%Y")
        items.append(
            WorklistItem(
                title=_("Advice about %(subject)s") % {"subject": so.subject_name},
                url=reverse("secondopinions:detail", args=[so.pk]),
                detail=(_("overdue since %(date)s") if overdue else _("due on %(date)s"))
                % {"date": date},
                overdue=overdue,
                due_on=so.term_ends_on,
            )
        )
    return [
        WorklistSection(
            key="second-opinions-to-advise",
            title=_("Second opinions to advise on"),
            count=waiting.count(),
            items=items,
            more_url=reverse("secondopinions:list"),
            empty_text=_("No second opinion waits for your advice."),
        )
    ]


def caseworker_sections(user) -> list[WorklistSection]:
    mine = SecondOpinion.objects.filter(
        CASEWORKERS.q(user),
        job_seeker__contact_person_id=user.pk,
        status__in=[Status.REQUESTED, Status.ADVISED, Status.DISCUSSED],
    ).exclude(status=Status.REQUESTED, advisor__isnull=False)
    what = {
        Status.REQUESTED: _("no advisor yet: assign one"),
        Status.ADVISED: _("advice received: discuss it with the job seeker"),
        Status.DISCUSSED: _("advice discussed: take the decision"),
    }
    items = []
    for so in mine.select_related("job_seeker", "programme", "trajectory__programme").order_by(
        "advised_at", "term_ends_on", "id"
    )[:SHOWN]:
        due = localdate(so.advised_at) if so.advised_at else so.term_ends_on
        items.append(
            WorklistItem(
                title=f"{so.job_seeker.full_name} · {so.subject_name}",
                url=reverse("secondopinions:detail", args=[so.pk]),
                detail=what[Status(so.status)],
                overdue=so.status == Status.REQUESTED and so.term_ends_on < clock.today(),
                due_on=due,
            )
        )
    return [
        WorklistSection(
            key="second-opinions-caseworker",
            title=_("Second opinions"),
            count=mine.count(),
            items=items,
            more_url=reverse("secondopinions:list"),
            empty_text=_("No second opinion waits for you."),
        )
    ]
