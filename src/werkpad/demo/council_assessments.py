"""The demo's assessments with the LCR checklist (CO3).

Amsterdam's council: a final assessment of about a year ago (all 56 questions answered,
a realistic mix, remarks in Dutch) and a draft now, about half answered, some answers
changed since last year. Diemen's and Ouder-Amstel's councils: each a final assessment
shared with the region, so that the regional overview has answers to show.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from werkpad.accounts.models import User
from werkpad.core.models import Organisation
from werkpad.council.checklist import checklist
from werkpad.council.models.assessments import (
    Answer,
    AnswerValue,
    Assessment,
    AssessmentStatus,
    AssessmentStatusChange,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

YES_REMARKS = (
    "Dit gaat goed; graag zo houden.",
    "Positief, maar de informatie kwam laat in het jaar.",
    "Ja, en de gemeente heeft de raad er ook actief over verteld.",
    "In orde volgens het uitvoeringsplan.",
)
NO_REMARKS = (
    "Vraag aan de wethouder: wanneer wordt dit geregeld?",
    "De raad heeft hier geen stukken over gezien; graag toelichting.",
    "Niet te zien in het beleidsplan. De raad wil hierover in gesprek.",
    "Afspraken ontbreken nog; de raad vraagt om een planning.",
    "Onvoldoende: werkzoekenden merken hier in de praktijk weinig van.",
)
ACTION_POINTS = (
    "Nieuwsbrief van de LCR volgen en elk kwartaal bespreken.",
    "Twee keer per jaar overleg met de raden in de regio en de cliëntenraad van UWV.",
)


def _moment(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=AMSTERDAM)


def _answers(
    assessment: Assessment,
    *,
    rng: random.Random,
    share: float,
    yes_rate: float,
    by: User,
    at: dt.datetime,
    previous: dict[str, str] | None = None,
) -> dict[str, str]:
    """Answer a ``share`` of the questions (in order), about ``yes_rate`` of them yes; with
    ``previous`` mostly as then, some changed."""
    questions = checklist().questions
    count = round(len(questions) * share)
    given: dict[str, str] = {}
    rows = []
    for question in questions[:count]:
        if previous and question.id in previous and rng.random() > 0.25:
            value = previous[question.id]
        else:
            value = AnswerValue.YES if rng.random() < yes_rate else AnswerValue.NO
        given[question.id] = value
        text = rng.choice(YES_REMARKS if value == AnswerValue.YES else NO_REMARKS)
        if question.asks_action_points:
            remarks, action_points = "", rng.choice(ACTION_POINTS)
        else:
            remarks, action_points = (text if rng.random() < 0.7 else ""), ""
        rows.append(
            Answer(
                assessment=assessment,
                question_id=question.id,
                answer=value,
                remarks=remarks,
                action_points=action_points,
                updated_at=at,
                updated_by=by,
            )
        )
    Answer.objects.bulk_create(rows)
    return given


def _assessment(
    council: Organisation,
    *,
    title: str,
    by: User,
    created: dt.datetime,
    final: dt.datetime | None = None,
    shared: bool = False,
    previous: Assessment | None = None,
) -> Assessment:
    assessment = Assessment.objects.create(
        council=council,
        municipality_id=council.municipality_id,
        checklist_version=checklist().version,
        title=title,
        status=AssessmentStatus.FINAL if final else AssessmentStatus.DRAFT,
        previous=previous,
        created_at=created,
        updated_at=final or created,
        created_by=by,
        finalised_at=final,
        finalised_by=by if final else None,
        shared_with_region=shared,
        shared_at=final if shared else None,
        shared_by=by if shared else None,
    )
    AssessmentStatusChange.objects.create(
        assessment=assessment, to_status="draft", changed_at=created, changed_by=by
    )
    if final:
        AssessmentStatusChange.objects.create(
            assessment=assessment,
            from_status="draft",
            to_status="final",
            changed_at=final,
            changed_by=by,
        )
    return assessment


def create_council_assessments(
    *,
    organisations: dict[str, Organisation],
    council_members: dict[int, list[User]],
    anchor: dt.date,
    seed: int,
) -> int:
    """The demo's assessments; returns how many were made."""
    rng = random.Random(seed * 31 + 3)
    made = 0
    year_ago = anchor - dt.timedelta(days=365)
    amsterdam = organisations["council"]
    member = council_members[amsterdam.pk][0]
    last = _assessment(
        amsterdam,
        title=f"Beoordeling {year_ago.year}",
        by=member,
        created=_moment(year_ago - dt.timedelta(days=40)),
        final=_moment(year_ago),
    )
    then = _answers(last, rng=rng, share=1.0, yes_rate=0.55, by=member, at=_moment(year_ago))
    draft = _assessment(
        amsterdam,
        title=f"Beoordeling {anchor.year}",
        by=member,
        created=_moment(anchor - dt.timedelta(days=10)),
        previous=last,
    )
    _answers(
        draft,
        rng=rng,
        share=0.5,
        yes_rate=0.6,
        by=member,
        at=_moment(anchor - dt.timedelta(days=2)),
        previous=then,
    )
    made += 2
    for key, days in (("council-diemen", 60), ("council-ouder-amstel", 120)):
        council = organisations[key]
        by = council_members[council.pk][0]
        day = anchor - dt.timedelta(days=days)
        shared = _assessment(
            council,
            title=f"Beoordeling {day.year}",
            by=by,
            created=_moment(day - dt.timedelta(days=30)),
            final=_moment(day),
            shared=True,
        )
        _answers(shared, rng=rng, share=1.0, yes_rate=0.5, by=by, at=_moment(day))
        made += 1
    return made
