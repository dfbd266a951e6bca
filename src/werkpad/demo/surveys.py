"""Demo satisfaction surveys (RI6), in the main municipality:

* a job-seeker survey the client council proposed and the municipality approved, held
  about three months ago and closed about two months ago, with some hundred anonymous
  responses whose answers lean towards satisfied (as such surveys do), with open remarks;
* an employers' survey the municipality proposed and the council approved, closed about
  five months ago: a register of a handful of employers, so most figures stay withheld;
* a job-seeker survey open now, to which ``werkzoekende`` is invited (real work waiting),
  told by a notification.

The past surveys are written as they stood, their history dated; the open one went out
today. Responses carry only the day, as the app stores them.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from django.urls import reverse
from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.models import Municipality
from werkpad.employers.models import Employer
from werkpad.jobseekers.models import JobSeeker, current_q
from werkpad.notifications.models import Kind, Notification
from werkpad.surveys.models import (
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyStatusChange,
)
from werkpad.surveys.notifications import INVITED
from werkpad.surveys.workflow import Audience, Party, Status

BATCH = 2_000
#: The share of those invited who answer, and the bounds of a demo survey's responses.
RESPONSE_RATE = 0.14
FEWEST, MOST = 60, 400

SCALE_LEANS_SATISFIED = (0.05, 0.11, 0.26, 0.39, 0.19)
SCALE_MIXED = (0.09, 0.17, 0.31, 0.30, 0.13)

#: (text, kind, weights: five for a scale, the chance of yes for yes/no)
JOB_SEEKER_QUESTIONS = (
    ("Hoe tevreden bent u over het contact met uw klantmanager?", "scale", SCALE_LEANS_SATISFIED),
    ("Hoe duidelijk is voor u waarvoor uw traject is?", "scale", SCALE_MIXED),
    ("Weet u waar u terechtkunt met een klacht?", "yes_no", 0.58),
    ("Voelt u zich serieus genomen door de gemeente?", "yes_no", 0.71),
    ("Hoe tevreden bent u over het re-integratiebedrijf?", "scale", SCALE_MIXED),
    ("Wat kan de gemeente beter doen?", "open", 0.35),
)
EMPLOYER_QUESTIONS = (
    ("Hoe tevreden bent u over het werkgeversservicepunt?", "scale", SCALE_LEANS_SATISFIED),
    ("Kreeg u binnen 72 uur antwoord op uw vacature?", "yes_no", 0.8),
    ("Hoe goed pasten de voorgestelde kandidaten bij de vacature?", "scale", SCALE_MIXED),
    ("Wat kunnen wij verbeteren?", "open", 0.5),
)
OPEN_REMARKS = (
    "Mijn klantmanager belt terug wanneer dat is afgesproken, dat waardeer ik.",
    "Ik wist lang niet wat er van mij verwacht werd.",
    "Sneller terugbellen zou veel schelen.",
    "Meer persoonlijk contact, minder brieven.",
    "De brieven zijn moeilijk te lezen.",
    "Het traject hielp me echt om weer ritme te krijgen.",
    "Ik had graag eerder gehoord dat ik een tweede mening kon vragen.",
    "Fijn dat ik zelf mocht meedenken over mijn plan.",
    "Wisselende klantmanagers, steeds opnieuw mijn verhaal doen.",
    "Meer hulp bij het vinden van een opleiding.",
    "Duidelijker uitleggen wat de regels zijn rond bijverdienen.",
    "Goed geholpen, dank u.",
)
EMPLOYER_REMARKS = (
    "Eén vast aanspreekpunt werkt prettig.",
    "Kandidaten kwamen soms zonder goede voorbereiding op gesprek.",
    "Snellere terugkoppeling na een gesprek.",
)


def _at(day: dt.date) -> dt.datetime:
    """Ten in the morning of ``day``, in the time zone of the municipality."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _draw_scale(rng: random.Random, weights: object) -> int:
    assert isinstance(weights, tuple)
    return rng.choices(range(1, 6), weights=weights)[0]


def _survey(
    *,
    municipality: Municipality,
    audience: str,
    title: str,
    introduction: str,
    origin: str,
    maker: User,
    approver: User,
    opened_on: dt.date,
    closed_on: dt.date,
    questions: Sequence[tuple[str, str, object]],
) -> tuple[Survey, list[Question]]:
    """A closed survey as it stood, with its history dated."""
    survey = Survey.objects.create(
        municipality=municipality,
        audience=audience,
        title=title,
        introduction=introduction,
        origin=origin,
        approved_by_party=Party.COUNCIL if origin == Party.MUNICIPALITY else Party.MUNICIPALITY,
        status=Status.CLOSED,
        closes_on=closed_on,
        opened_on=opened_on,
        closed_on=closed_on,
        created_by=maker,
        created_at=_at(opened_on - dt.timedelta(days=30)),
    )
    steps = [
        ("", Status.DRAFT, 30, maker),
        (Status.DRAFT, Status.PROPOSED, 21, maker),
        (Status.PROPOSED, Status.APPROVED, 10, approver),
        (Status.APPROVED, Status.OPEN, 0, approver if origin == Party.COUNCIL else maker),
    ]
    municipality_user = maker if origin == Party.MUNICIPALITY else approver
    SurveyStatusChange.objects.bulk_create(
        [
            SurveyStatusChange(
                survey=survey,
                from_status=a,
                to_status=b,
                changed_at=_at(opened_on - dt.timedelta(days=days)),
                changed_by=who,
            )
            for a, b, days, who in steps
        ]
        + [
            SurveyStatusChange(
                survey=survey,
                from_status=Status.OPEN,
                to_status=Status.CLOSED,
                changed_at=_at(closed_on),
                changed_by=municipality_user,
            )
        ]
    )
    made = Question.objects.bulk_create(
        Question(survey=survey, order=n, text=text, kind=kind)
        for n, (text, kind, _weights) in enumerate(questions, start=1)
    )
    return survey, made


def _invite(survey: Survey, *, job_seekers=None, employers=None) -> list[Invitation]:
    rows = (
        [Invitation(survey=survey, job_seeker_id=pk) for pk in job_seekers]
        if job_seekers is not None
        else [Invitation(survey=survey, employer_id=pk) for pk in employers]
    )
    return Invitation.objects.bulk_create(rows, batch_size=BATCH)


def _respond(
    rng: random.Random,
    survey: Survey,
    questions: list[Question],
    specs: Sequence[tuple[str, str, object]],
    invitations: list[Invitation],
    count: int,
    remarks: Sequence[str],
) -> int:
    """``count`` of the invitations answered on days within the survey's period; their
    anonymous responses, drawn from each question's distribution."""
    assert survey.opened_on is not None and survey.closed_on is not None
    days = (survey.closed_on - survey.opened_on).days
    used = rng.sample(invitations, min(count, len(invitations)))
    answers = []
    for invitation in used:
        # most answer in the first days after the invitation, some after the reminder
        day = survey.opened_on + dt.timedelta(days=min(days, int(rng.expovariate(1 / 6))))
        invitation.used_on = day
        response = Response.objects.create(survey=survey, submitted_on=day)
        for question, (_text, kind, weights) in zip(questions, specs, strict=True):
            if kind == QuestionKind.SCALE:
                answers.append(
                    Answer(response=response, question=question, number=_draw_scale(rng, weights))
                )
            elif kind == QuestionKind.YES_NO:
                number = 1 if rng.random() < float(weights) else 0  # type: ignore[arg-type]
                answers.append(Answer(response=response, question=question, number=number))
            elif rng.random() < float(weights):  # type: ignore[arg-type]
                answers.append(
                    Answer(response=response, question=question, text=rng.choice(remarks))
                )
    Invitation.objects.bulk_update(used, ["used_on"], batch_size=BATCH)
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    return len(used)


def create_surveys(
    *,
    municipality: Municipality,
    policy_officer: User,
    council_member: User,
    job_seeker_user: User,
    seed: int,
    anchor: dt.date,
) -> dict[str, int]:
    """The demo's surveys; returns the numbers made, for the summary."""
    rng = random.Random(seed * 31 + 6)
    current = list(
        JobSeeker.objects.filter(current_q(), municipality=municipality)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    job_seekers, questions = _survey(
        municipality=municipality,
        audience=Audience.JOB_SEEKERS,
        title="Klanttevredenheid werkzoekenden",
        introduction=(
            "De cliëntenraad en de gemeente willen weten hoe u de begeleiding naar werk "
            "ervaart. Invullen duurt vijf minuten en is anoniem."
        ),
        origin=Party.COUNCIL,
        maker=council_member,
        approver=policy_officer,
        opened_on=anchor - dt.timedelta(days=92),
        closed_on=anchor - dt.timedelta(days=61),
        questions=JOB_SEEKER_QUESTIONS,
    )
    invited = _invite(job_seekers, job_seekers=current)
    count = max(FEWEST, min(MOST, round(len(invited) * RESPONSE_RATE)))
    answered = _respond(
        rng, job_seekers, questions, JOB_SEEKER_QUESTIONS, invited, count, OPEN_REMARKS
    )

    employer_ids = list(
        Employer.objects.filter(municipality=municipality)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    employers, employer_questions = _survey(
        municipality=municipality,
        audience=Audience.EMPLOYERS,
        title="Tevredenheid werkgevers over het werkgeversservicepunt",
        introduction="Hoe ervaart u onze dienstverlening? Vier vragen, anoniem.",
        origin=Party.MUNICIPALITY,
        maker=policy_officer,
        approver=council_member,
        opened_on=anchor - dt.timedelta(days=170),
        closed_on=anchor - dt.timedelta(days=150),
        questions=EMPLOYER_QUESTIONS,
    )
    employer_invitations = _invite(employers, employers=employer_ids)
    employers_answered = _respond(
        rng,
        employers,
        employer_questions,
        EMPLOYER_QUESTIONS,
        employer_invitations,
        round(len(employer_invitations) * 0.6),
        EMPLOYER_REMARKS,
    )

    running = Survey.objects.create(
        municipality=municipality,
        audience=Audience.JOB_SEEKERS,
        title="Hoe ervaart u uw re-integratietraject?",
        introduction="Drie korte vragen over uw traject. Anoniem; u kunt stoppen wanneer u wilt.",
        origin=Party.MUNICIPALITY,
        approved_by_party=Party.COUNCIL,
        status=Status.OPEN,
        closes_on=clock.today() + dt.timedelta(days=21),
        opened_on=clock.today(),
        created_by=policy_officer,
    )
    for before, status, who, days in (
        ("", Status.DRAFT, policy_officer, 20),
        (Status.DRAFT, Status.PROPOSED, policy_officer, 14),
        (Status.PROPOSED, Status.APPROVED, council_member, 6),
        (Status.APPROVED, Status.OPEN, policy_officer, 0),
    ):
        running.history.create(
            from_status=before,
            to_status=status,
            changed_by=who,
            changed_at=clock.now() - dt.timedelta(days=days),
        )
    Question.objects.bulk_create(
        [
            Question(survey=running, order=1, text=JOB_SEEKER_QUESTIONS[1][0], kind="scale"),
            Question(survey=running, order=2, text=JOB_SEEKER_QUESTIONS[4][0], kind="scale"),
            Question(survey=running, order=3, text="Wat zou uw traject beter maken?", kind="open"),
        ]
    )
    _invite(running, job_seekers=current)
    own = Invitation.objects.filter(survey=running, job_seeker__user=job_seeker_user).first()
    if own is not None:
        Notification.objects.record(
            recipient_id=job_seeker_user.pk,
            topic=INVITED,
            kind=Kind.ASSIGNED,
            url=reverse("surveys:answer", args=[own.token]),
            key=f"{INVITED}:{own.pk}",
        )
    return {
        "surveys": 3,
        "job-seeker responses": answered,
        "employer responses": employers_answered,
    }
