"""Demo complaints (RI2): every state, about providers and about the municipality, one
postponed, one handled again after the complainant was not satisfied, one from the
employer; ``klachtbehandelaar`` has work waiting (to acknowledge, to hear, to decide,
one past its term, a complainant not satisfied), and the complaint handler of the
``coach``'s provider (``klachten-werkbrug``) has the complaints about its coaches.

Each complaint goes through the services, as the people would, and is then moved back
to the day it came in: every date shifts by the same number of days and the terms are
computed again from the new receipt (``complaints.services.term_end``), so the dates
stay in order and the terms follow the Algemene termijnenwet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from werkpad.accounts.models import User
from werkpad.complaints import services
from werkpad.complaints.models import Channel, Complaint, Letter, Subject
from werkpad.core import clock
from werkpad.core.deadlines import add_weeks
from werkpad.core.models import DissatisfactionRoute, MunicipalitySettings, Organisation
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import Trajectory


@dataclass(frozen=True)
class Case:
    """One demo complaint: what it says, how far it got, and how many days ago it came in."""

    subject: str
    text: str
    days_ago: int
    until: (
        str  # received, acknowledged, heard, decided, dissatisfied, reopened, referred, withdrawn
    )
    about_provider: bool = False
    channel: str = Channel.WEB
    postpone: bool = False
    outcome: str = "partly_founded"


CASES = (
    Case(
        Subject.MUNICIPALITY_CONDUCT,
        "Ik werd aan de balie onvriendelijk te woord gestaan.",
        2,
        "received",
    ),
    Case(
        Subject.TRAJECTORY,
        "Mijn traject sluit niet aan op wat in mijn plan staat.",
        5,
        "received",
        channel=Channel.PHONE,
    ),
    Case(
        Subject.MUNICIPALITY_CONDUCT,
        "Mijn klantmanager belde niet terug, drie weken lang.",
        12,
        "acknowledged",
    ),
    Case(
        Subject.MUNICIPALITY_CONDUCT,
        "Ik kreeg geen antwoord op mijn brief over de reiskosten.",
        60,
        "acknowledged",
        postpone=True,
        channel=Channel.LETTER,
    ),
    Case(
        Subject.OTHER,
        "De informatie op de website klopte niet met wat mij verteld is.",
        47,
        "acknowledged",
        channel=Channel.EMAIL,
    ),
    Case(
        Subject.MUNICIPALITY_CONDUCT,
        "Mijn afspraak werd twee keer verzet zonder bericht.",
        26,
        "heard",
    ),
    Case(
        Subject.MUNICIPALITY_CONDUCT,
        "Er werd over mij gepraat waar anderen bij stonden.",
        70,
        "decided",
        outcome="founded",
    ),
    Case(
        Subject.TRAJECTORY,
        "Ik moest wachten op de start van mijn traject.",
        95,
        "decided",
        outcome="unfounded",
    ),
    Case(
        Subject.MUNICIPALITY_CONDUCT,
        "Mijn vragen over de regels werden niet beantwoord.",
        80,
        "dissatisfied",
    ),
    Case(
        Subject.MUNICIPALITY_CONDUCT,
        "Ik werd niet serieus genomen bij het gesprek over mijn plan.",
        120,
        "reopened",
    ),
    Case(
        Subject.MUNICIPALITY_CONDUCT,
        "Ik werd onheus bejegend bij het intakegesprek.",
        150,
        "referred",
    ),
    Case(
        Subject.OTHER,
        "Klacht over de wachttijd aan de telefoon.",
        20,
        "withdrawn",
        channel=Channel.PHONE,
    ),
    Case(
        Subject.PROVIDER_CONDUCT,
        "Mijn coach kwam twee keer niet opdagen.",
        4,
        "received",
        about_provider=True,
    ),
    Case(
        Subject.PROVIDER_CONDUCT,
        "De coach sprak mij aan op een toon die ik niet prettig vond.",
        30,
        "acknowledged",
        about_provider=True,
    ),
    Case(
        Subject.PROVIDER_CONDUCT,
        "In de groepstraining werd niet naar mij geluisterd.",
        75,
        "decided",
        about_provider=True,
    ),
)
#: The employer's complaint about the employer service.
EMPLOYER_CASE = Case(
    Subject.EMPLOYER_SERVICE,
    "Wij hoorden niet binnen de afgesproken tijd over onze vacature.",
    16,
    "acknowledged",
)
STEPS = ("received", "acknowledged", "heard", "decided", "dissatisfied")


def _advance(complaint: Complaint, case: Case, handler: User, complainant: User | None) -> None:
    cid = complaint.pk
    if case.until == "withdrawn":
        services.complaint_withdraw(
            user=handler, complaint_id=cid, reason="De klager heeft het telefonisch opgelost."
        )
        return
    target = "dissatisfied" if case.until in ("reopened", "referred") else case.until
    for step in STEPS[1 : STEPS.index(target) + 1]:
        if step == "acknowledged":
            services.complaint_acknowledge(user=handler, complaint_id=cid)
            if case.postpone:
                services.complaint_postpone(
                    user=handler,
                    complaint_id=cid,
                    weeks=4,
                    reason="Wij willen eerst met de betrokken medewerker en een getuige spreken.",
                )
        elif step == "heard":
            services.complaint_hear(
                user=handler,
                complaint_id=cid,
                held_on=clock.today(),
                notes="Gesprek met de klager; de klacht is toegelicht.",
            )
        elif step == "decided":
            services.complaint_decide(
                user=handler,
                complaint_id=cid,
                outcome=case.outcome,
                conclusions="Wij hebben de klager en de betrokken medewerker gehoord. De afspraken zijn niet nagekomen zoals had gemoeten.",
                measures="De medewerker bespreekt dit in het teamoverleg; terugbellen gebeurt voortaan binnen twee werkdagen.",
            )
            services.lesson_record(
                user=handler,
                complaint_id=cid,
                text="Afspraken met klanten schriftelijk bevestigen.",
            )
        elif step == "dissatisfied" and complainant is not None:
            services.complaint_say_dissatisfied(
                user=complainant, complaint_id=cid, text="Er is voor mij niets veranderd."
            )
    if case.until in ("reopened", "referred"):
        settings = MunicipalitySettings.for_id(complaint.municipality_id)
        route = (
            DissatisfactionRoute.REOPEN
            if case.until == "reopened"
            else DissatisfactionRoute.OMBUDSMAN
        )
        kept = settings.complaint_dissatisfaction_route
        settings.complaint_dissatisfaction_route = route
        settings.save(update_fields=["complaint_dissatisfaction_route"])
        services.complaint_follow_up(user=handler, complaint_id=cid)
        settings.complaint_dissatisfaction_route = kept
        settings.save(update_fields=["complaint_dissatisfaction_route"])


def _shift(day: dt.date | None, days: int) -> dt.date | None:
    return day - dt.timedelta(days=days) if day is not None else None


def _backdate(complaint_id: int, days: int) -> None:
    """Move a complaint ``days`` into the past, its terms computed again from its receipt."""
    complaint = Complaint.objects.get(pk=complaint_id)
    settings = MunicipalitySettings.for_id(complaint.municipality_id)
    for name in (
        "received_on",
        "acknowledged_on",
        "postponed_on",
        "hearing_held_on",
        "decided_on",
        "dissatisfied_on",
        "reopened_on",
    ):
        setattr(complaint, name, _shift(getattr(complaint, name), days))
    start = complaint.reopened_on or complaint.received_on
    original, _committee = services.term_end(start, settings)
    complaint.original_term_ends_on = original
    complaint.term_ends_on = (
        services.postponed_end(original, 4) if complaint.postponed_on else original
    )
    if complaint.decided_on is not None:
        complaint.dissatisfaction_ends_on = add_weeks(
            complaint.decided_on, settings.complaint_dissatisfaction_weeks
        )
    complaint.save()
    moved = dt.timedelta(days=days)
    for change in complaint.history.all():
        change.changed_at -= moved
        change.save(update_fields=["changed_at"])
    for letter in complaint.letters.all():
        letter.sent_on = letter.sent_on - moved
        body = dict(letter.body)
        body.update(
            received_on=complaint.received_on.isoformat(),
            term_ends_on=complaint.term_ends_on.isoformat(),
            original_term_ends_on=complaint.original_term_ends_on.isoformat(),
        )
        if complaint.decided_on and letter.kind == Letter.Kind.DECISION:
            body.update(
                decided_on=complaint.decided_on.isoformat(),
                dissatisfaction_ends_on=(
                    complaint.dissatisfaction_ends_on or complaint.decided_on
                ).isoformat(),
            )
        letter.body = body
        letter.save(update_fields=["sent_on", "body"])
    complaint.lessons.update(recorded_at=clock.now() - moved)


def create_complaints(*, municipality_organisation: Organisation, users: dict[str, User]) -> int:
    """The main municipality's demo complaints; how many were made."""
    handler = users["klachtbehandelaar"]
    provider_handler = users["klachten-werkbrug"]
    provider_org = provider_handler.memberships.get().organisation
    municipality_id = municipality_organisation.municipality_id
    in_trajectory = list(
        Trajectory.objects.filter(
            municipality_id=municipality_id, provider__organisation=provider_org
        )
        .exclude(job_seeker__user__isnull=True)
        .values_list("job_seeker_id", flat=True)
        .distinct()[:3]
    )
    with_login = list(
        JobSeeker.objects.filter(
            municipality_id=municipality_id, user__isnull=False, left_on__isnull=True
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:12]
    )
    made = 0
    for index, case in enumerate(CASES):
        if case.about_provider:
            if not in_trajectory:
                continue
            seeker = JobSeeker.objects.select_related("user").get(
                pk=in_trajectory[index % len(in_trajectory)]
            )
        else:
            seeker = JobSeeker.objects.select_related("user").get(
                pk=with_login[index % len(with_login)]
            )
        about = provider_org if case.about_provider else municipality_organisation
        if case.channel == Channel.WEB and seeker.user is not None:
            complaint = services.complaint_file(
                user=seeker.user,
                filing=services.Filing(
                    subject=case.subject, about_id=about.pk, description=case.text
                ),
            )
        else:
            complaint = services.complaint_file(
                user=handler,
                municipality_id=municipality_id,
                filing=services.Filing(
                    subject=case.subject,
                    about_id=about.pk,
                    description=case.text,
                    channel=case.channel,
                    job_seeker_id=seeker.pk,
                ),
            )
        works = provider_handler if complaint.routed_to_id == provider_org.pk else handler
        _advance(complaint, case, works, seeker.user)
        _backdate(complaint.pk, case.days_ago)
        made += 1
    employer = users["werkgever"]
    complaint = services.complaint_file(
        user=employer,
        filing=services.Filing(
            subject=EMPLOYER_CASE.subject,
            about_id=municipality_organisation.pk,
            description=EMPLOYER_CASE.text,
        ),
    )
    _advance(complaint, EMPLOYER_CASE, handler, employer)
    _backdate(complaint.pk, EMPLOYER_CASE.days_ago)
    return made + 1
