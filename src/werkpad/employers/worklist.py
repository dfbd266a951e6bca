"""Worklist sections of the employer advisor (EM3): the vacancies to answer within their
72-hour term, those past it first; and open vacancies past their expiry date."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.worklist import WorklistItem, WorklistSection
from werkpad.employers.models import Vacancy
from werkpad.employers.rules import VACANCY_ADVISORS
from werkpad.employers.selectors import expired_q
from werkpad.employers.workflow import Status

SHOWN = 5


def _to_answer(user) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(VACANCY_ADVISORS.q(user), status=Status.RECEIVED)


def advisor_sections(user) -> list[WorklistSection]:
    now = clock.now()
    waiting = _to_answer(user)
    items = []
    for v in waiting.select_related("employer__organisation").order_by("answer_due_at", "id")[
        :SHOWN
    ]:
        due = timezone.localtime(v.answer_due_at)
        items.append(
            WorklistItem(
                title=f"{v.shown_employer_name} · {v.title}",
                url=reverse("vacancies:detail", args=[v.pk]),
                detail=(
                    _("answer was due on %(when)s (72 hours)")
                    if v.answer_due_at < now
                    else _("answer by %(when)s (72 hours)")
                )
                % {"when": due.strftime("%d-%m-%Y %H:%M")},
                overdue=v.answer_due_at < now,
                due_on=due.date(),
            )
        )
    expired = Vacancy.objects.filter(VACANCY_ADVISORS.q(user)).filter(expired_q())
    expired_items = [
        WorklistItem(
            title=f"{v.shown_employer_name} · {v.title}",
            url=reverse("vacancies:detail", args=[v.pk]),
            detail=_("expired on %(date)s") % {"date": v.expires_on.strftime("%d-%m-%Y")},
            overdue=True,
            due_on=v.expires_on,
        )
        for v in expired.select_related("employer__organisation").order_by("expires_on", "id")[
            :SHOWN
        ]
    ]
    return [
        WorklistSection(
            key="vacancies-to-answer",
            title=_("Vacancies to answer"),
            count=waiting.count(),
            items=items,
            more_url=reverse("vacancies:list") + "?status=received",
            empty_text=_("No vacancy waits for its answer."),
        ),
        WorklistSection(
            key="vacancies-expired",
            title=_("Vacancies past their expiry date"),
            count=expired.count(),
            items=expired_items,
            more_url=reverse("vacancies:list") + "?status=received,in_progress",
            empty_text=_("No open vacancy is past its expiry date."),
        ),
    ]
