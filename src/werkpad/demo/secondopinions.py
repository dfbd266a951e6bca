"""Demo second opinions (RI3) and mediations (RI4) in the main municipality.

Over the past year, second opinions asked for by job seekers and referred by their
caseworkers, each advised by the independent advisor and decided: most followed, some
partly followed and some rejected, each of those with a motivation that answers the
advice (``secondopinions.motivation.check`` accepts every one; the demo's test checks
it). Open now: three with the ``adviseur`` login waiting for the advice (one near its
term, one just in), one advised waiting for the meeting (the ``werkzoekende`` login's,
so the job seeker reads the advice) and one discussed waiting for ``klantmanager``'s
decision. Mediations: one concluded with an agreement, one in progress, one just asked
for waiting for ``klantmanager`` to appoint a mediator. Dates are in order: request,
advice, meeting, decision; the same seed and anchor give the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from werkpad.accounts.models import User
from werkpad.consents.models import Consent, ConsentChange
from werkpad.consents.workflow import Channel as ConsentChannel
from werkpad.consents.workflow import Status as ConsentStatus
from werkpad.core import clock
from werkpad.core.deadlines import add_weeks, add_working_days
from werkpad.core.models import MunicipalitySettings, Organisation
from werkpad.jobseekers.models import JobSeeker
from werkpad.mediations.models import MediationRequest, Outcome, Session
from werkpad.mediations.models import StatusChange as MediationStatusChange
from werkpad.mediations.workflow import Status as MediationStatus
from werkpad.secondopinions.models import Decision, RequestedBy, SecondOpinion, StatusChange
from werkpad.secondopinions.workflow import Status
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import Status as TrajectoryStatus

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

QUESTIONS = (
    "Ik twijfel of een groepstraject bij mij past; ik leer beter één op één.",
    "Het traject is vooral sollicitatiebrieven schrijven in een groep. Ik wil een echte baan.",
    "Ik heb ervaring in de zorg en wil liever een opleiding dan een werkervaringsplek.",
    "Door mijn rugklachten kan ik het fysieke werk in dit traject niet goed doen.",
)

#: (advice, motivation for partly following, motivation for rejecting): every
#: motivation takes up what its advice recommends.
CASES = (
    (
        "Ik adviseer een individueel traject in plaats van het groepstraject {programme}. "
        "Betrokkene functioneert beter met één vaste begeleider, en een individuele "
        "competentietest maakt duidelijk welke scholing bij haar past.",
        "Wij volgen het advies deels: de individuele competentietest laten wij nu afnemen, "
        "zodat duidelijk wordt welke scholing past. Het groepstraject {programme} blijft, "
        "omdat daar een vaste begeleider aan de groep is verbonden en betrokkene twee "
        "individuele gesprekken per maand krijgt.",
        "Wij volgen het advies voor een individueel traject niet. Het groepstraject "
        "{programme} heeft sinds dit jaar een vaste begeleider per deelnemer, zodat het "
        "bezwaar van de wisselende begeleiding is weggenomen. Een competentietest is vorig "
        "jaar al afgenomen en de uitslag wijst niet op een andere scholing.",
    ),
    (
        "Ik adviseer om naast {programme} actief te bemiddelen naar echte vacatures bij "
        "werkgevers in de regio. Alleen sollicitatiebrieven schrijven in groepsverband is "
        "voor deze werkzoekende onvoldoende; een werkgeversnetwerk en een proefplaatsing "
        "liggen meer voor de hand.",
        "Wij volgen het advies deels. De werkgeversadviseur gaat gericht bemiddelen naar "
        "vacatures in de logistiek in de regio. Een proefplaatsing zetten wij pas in na "
        "zes weken {programme}, omdat betrokkene eerst een certificaat heftruck haalt dat "
        "werkgevers vragen.",
        "Wij volgen het advies om nu al te bemiddelen naar vacatures niet. Betrokkene heeft "
        "eerst het certificaat nodig dat werkgevers in de regio vragen; dat haalt hij in "
        "{programme}. Na het certificaat start de werkgeversadviseur met bemiddeling en "
        "een proefplaatsing bij een werkgever uit het netwerk.",
    ),
    (
        "Ik adviseer scholing tot helpende zorg en welzijn (niveau 2) in plaats van "
        "{programme}. Betrokkene heeft ervaring als mantelzorger en de scholing vergroot "
        "haar kansen op de arbeidsmarkt structureel; een werkervaringsplek voegt weinig toe "
        "aan haar cv.",
        "Wij volgen het advies deels: de scholing tot helpende zorg en welzijn zetten wij "
        "in, met een studiebudget uit het re-integratiebudget. De werkervaringsplek in "
        "{programme} loopt twee dagen per week door, omdat de opleiding een praktijkdeel "
        "vraagt dat daar kan worden gedaan.",
        "Wij volgen het advies voor scholing nu niet. De opleiding tot helpende zorg en "
        "welzijn start pas in september en de wachtlijst is lang. Tot dan biedt de "
        "werkervaringsplek in {programme} ervaring die de opleiding als vrijstelling "
        "erkent, zodat het cv wel degelijk sterker wordt.",
    ),
)

#: The decisions of the past year: mostly followed.
DECISIONS = (
    Decision.FOLLOWS,
    Decision.FOLLOWS,
    Decision.PARTLY_FOLLOWS,
    Decision.FOLLOWS,
    Decision.REJECTS,
    Decision.FOLLOWS,
    Decision.PARTLY_FOLLOWS,
    Decision.FOLLOWS,
    Decision.REJECTS,
    Decision.FOLLOWS,
    Decision.FOLLOWS,
    Decision.PARTLY_FOLLOWS,
)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=AMSTERDAM)


def _history(second_opinion: SecondOpinion, steps: list[tuple[str, dt.datetime, User | None]]):
    previous = ""
    for status, at, by in steps:
        StatusChange.objects.create(
            second_opinion=second_opinion,
            from_status=previous,
            to_status=status,
            changed_at=at,
            changed_by=by,
        )
        previous = status


def create_second_opinions(
    *,
    office: Organisation,
    advisor: User,
    caseworker: User,
    job_seeker_login: User,
    seed: int,
    anchor: dt.date,
) -> list[SecondOpinion]:
    """The second opinions of the past year and those open now (module docstring)."""
    rng = random.Random(seed + 404)
    municipality = office.municipality
    weeks = MunicipalitySettings.of(municipality).second_opinion_term_weeks
    trajectories = list(
        Trajectory.objects.filter(
            municipality=municipality,
            job_seeker__contact_person=caseworker,
            job_seeker__left_on__isnull=True,
        )
        .exclude(job_seeker__user=job_seeker_login)
        .select_related("programme", "job_seeker")
        .order_by("id")
    )
    rng.shuffle(trajectories)
    created: list[SecondOpinion] = []

    def make(
        trajectory: Trajectory, requested_on: dt.date, status: str, **values: object
    ) -> SecondOpinion:
        by_job_seeker = rng.random() < 0.4
        second_opinion = SecondOpinion.objects.create(
            municipality=municipality,
            job_seeker=trajectory.job_seeker,
            trajectory=trajectory,
            question=rng.choice(QUESTIONS),
            requested_by=RequestedBy.JOB_SEEKER if by_job_seeker else RequestedBy.CASEWORKER,
            requested_by_user=trajectory.job_seeker.user if by_job_seeker else caseworker,
            requested_on=requested_on,
            term_ends_on=add_weeks(requested_on, weeks),
            advisor_office=office,
            advisor=advisor,
            status=status,
            created_at=_at(requested_on, 9),
            updated_at=_at(requested_on, 9),
            **values,
        )
        created.append(second_opinion)
        return second_opinion

    # The past year: advised, discussed and decided.
    motivated = 0
    for index, decision in enumerate(DECISIONS):
        trajectory = trajectories[index]
        requested_on = anchor - dt.timedelta(days=350 - 27 * index)
        # each motivation the caseworker writes is another: no case and kind twice
        case = index if decision == Decision.FOLLOWS else motivated
        motivated += decision != Decision.FOLLOWS
        advice, partly, rejects = CASES[case % len(CASES)]
        # most advice within the term; now and then a few days late
        advised_on = requested_on + dt.timedelta(days=9 if index % 5 else 17)
        met_on = add_working_days(advised_on, 3)
        decided_on = add_working_days(met_on, 2)
        motivation = {Decision.PARTLY_FOLLOWS: partly, Decision.REJECTS: rejects}.get(decision, "")
        name = trajectory.programme.name
        second_opinion = make(
            trajectory,
            requested_on,
            Status.DECIDED,
            advice=advice.format(programme=name),
            advised_at=_at(advised_on, 15),
            advised_by=advisor,
            meeting_held_on=met_on,
            meeting_with="De werkzoekende en de klantmanager",
            meeting_notes="Het advies samen doorgenomen; de werkzoekende gaf haar reactie.",
            decision=decision,
            motivation=motivation.format(programme=name),
            decided_on=decided_on,
            decided_by=caseworker,
        )
        _history(
            second_opinion,
            [
                (Status.REQUESTED, _at(requested_on, 9), caseworker),
                (Status.ASSIGNED, _at(requested_on, 9), caseworker),
                (Status.ADVISED, _at(advised_on, 15), advisor),
                (Status.DISCUSSED, _at(met_on, 11), caseworker),
                (Status.DECIDED, _at(decided_on, 14), caseworker),
            ],
        )

    today = clock.today()
    offset = len(DECISIONS)
    # Waiting for the advisor: one near its term, one half-way, one just in.
    for index, days_ago in enumerate((weeks * 7 - 2, weeks * 4, 1)):
        requested_on = today - dt.timedelta(days=days_ago)
        second_opinion = make(trajectories[offset + index], requested_on, Status.ASSIGNED)
        _history(
            second_opinion,
            [
                (Status.REQUESTED, _at(requested_on, 9), caseworker),
                (Status.ASSIGNED, _at(requested_on, 9), caseworker),
            ],
        )
    # Discussed, waiting for klantmanager's decision.
    advice = CASES[1][0].format(programme=trajectories[offset + 3].programme.name)
    requested_on = today - dt.timedelta(days=16)
    advised_on, met_on = requested_on + dt.timedelta(days=8), today - dt.timedelta(days=2)
    second_opinion = make(
        trajectories[offset + 3],
        requested_on,
        Status.DISCUSSED,
        advice=advice,
        advised_at=_at(advised_on, 15),
        advised_by=advisor,
        meeting_held_on=met_on,
        meeting_with="De werkzoekende, haar vakbondsconsulent en de klantmanager",
        meeting_notes="De werkzoekende wil graag dat het advies wordt gevolgd.",
        other_expert_name="Petra Jansen",
        other_expert_organisation="FNV",
        other_expert_role="vakbondsconsulent",
        other_expert_mode="as_well",
        other_expert_advice="Sluit zich aan bij het advies van de arbeidsadviseur.",
    )
    _history(
        second_opinion,
        [
            (Status.REQUESTED, _at(requested_on, 9), caseworker),
            (Status.ASSIGNED, _at(requested_on, 9), caseworker),
            (Status.ADVISED, _at(advised_on, 15), advisor),
            (Status.DISCUSSED, _at(met_on, 11), caseworker),
        ],
    )
    # The werkzoekende login's own: advised, the meeting still to come.
    own = JobSeeker.objects.get(user=job_seeker_login)
    subject = Trajectory.objects.filter(job_seeker=own).order_by("-referred_on").first()
    requested_on = today - dt.timedelta(days=10)
    advised_on = today - dt.timedelta(days=3)
    values = {
        "advice": CASES[0][0].format(
            programme=subject.programme.name if subject else "het aangeboden programma"
        ),
        "advised_at": _at(advised_on, 15),
        "advised_by": advisor,
    }
    if subject is not None:
        second_opinion = make(subject, requested_on, Status.ADVISED, **values)
    else:
        from werkpad.providers.models import Programme

        programme = Programme.objects.filter(municipality=municipality, active=True).order_by("id")[
            0
        ]
        second_opinion = SecondOpinion.objects.create(
            municipality=municipality,
            job_seeker=own,
            programme=programme,
            question=QUESTIONS[0],
            requested_by=RequestedBy.JOB_SEEKER,
            requested_by_user=job_seeker_login,
            requested_on=requested_on,
            term_ends_on=add_weeks(requested_on, weeks),
            advisor_office=office,
            advisor=advisor,
            status=Status.ADVISED,
            **values,
        )
        created.append(second_opinion)
    second_opinion.requested_by = RequestedBy.JOB_SEEKER
    second_opinion.requested_by_user = job_seeker_login
    second_opinion.save(update_fields=["requested_by", "requested_by_user"])
    _history(
        second_opinion,
        [
            (Status.REQUESTED, _at(requested_on, 9), job_seeker_login),
            (Status.ASSIGNED, _at(requested_on, 9), job_seeker_login),
            (Status.ADVISED, _at(advised_on, 15), advisor),
        ],
    )
    _advisor_consents(created)
    return created


#: The parts of the file demo job seekers share with the advisor's office: most share
#: their work and wishes, some their circumstances, few their health.
ADVISOR_PART_SHARES = {"work": 0.9, "preferences": 0.8, "circumstances": 0.4, "health": 0.15}


def _advisor_consents(second_opinions: list[SecondOpinion]) -> None:
    """The consents that let the advisor read part of each job seeker's file, given on the
    day of the request: on their own pages when the job seeker asked, at the desk when the
    caseworker referred."""
    rng = random.Random(len(second_opinions))
    consents: list[Consent] = []
    changes: list[tuple[Consent, ConsentChange]] = []
    seen: set[tuple[int, int, str]] = set()
    for second_opinion in second_opinions:
        given_at = _at(second_opinion.requested_on, 10)
        own = second_opinion.requested_by == RequestedBy.JOB_SEEKER
        channel = ConsentChannel.PORTAL if own else ConsentChannel.DESK
        for part, share in ADVISOR_PART_SHARES.items():
            key = (second_opinion.job_seeker_id, second_opinion.advisor_office_id, part)
            if key in seen or rng.random() >= share:
                continue
            seen.add(key)
            consent = Consent(
                municipality_id=second_opinion.municipality_id,
                job_seeker_id=second_opinion.job_seeker_id,
                recipient=Consent.Recipient.ADVISOR,
                organisation_id=second_opinion.advisor_office_id,
                part=part,
                status=ConsentStatus.GIVEN,
                channel=channel,
                created_at=given_at,
                updated_at=given_at,
            )
            consents.append(consent)
            changes.append(
                (
                    consent,
                    ConsentChange(
                        from_status="",
                        to_status=ConsentStatus.GIVEN,
                        changed_at=given_at,
                        changed_by_id=second_opinion.requested_by_user_id,
                        channel=channel,
                        reason="Voor de second opinion.",
                    ),
                )
            )
    Consent.objects.bulk_create(consents, batch_size=2_000)
    for consent, change in changes:
        change.consent = consent
    ConsentChange.objects.bulk_create([change for _consent, change in changes], batch_size=2_000)


def create_mediations(*, caseworker: User, seed: int, anchor: dt.date) -> list[MediationRequest]:
    """One mediation concluded with an agreement, one in progress, one just asked for."""
    rng = random.Random(seed + 4)
    running = list(
        Trajectory.objects.filter(
            job_seeker__contact_person=caseworker,
            status=TrajectoryStatus.STARTED,
            mediations__isnull=True,
        )
        .select_related("job_seeker", "provider")
        .order_by("id")
    )
    rng.shuffle(running)
    today = clock.today()
    plans = (
        (MediationStatus.CONCLUDED, today - dt.timedelta(days=60)),
        (MediationStatus.IN_PROGRESS, today - dt.timedelta(days=20)),
        (MediationStatus.REQUESTED, today - dt.timedelta(days=2)),
    )
    reasons = (
        "De werkzoekende vindt de verplichte groepsdagen niet passend bij haar "
        "mantelzorgtaken; de aanbieder houdt vast aan vier dagen per week.",
        "De werkzoekende en de trajectbegeleider zijn het oneens over de stageplek die de "
        "aanbieder heeft geregeld.",
        "De werkzoekende wil het traject tijdelijk aanpassen omdat hij een opleiding volgt.",
    )
    created = []
    for (status, requested_on), reason, trajectory in zip(plans, reasons, running, strict=False):
        appointed_on = requested_on + dt.timedelta(days=5)
        mediation = MediationRequest.objects.create(
            municipality_id=trajectory.municipality_id,
            job_seeker=trajectory.job_seeker,
            trajectory=trajectory,
            reason=reason,
            requested_by="job_seeker",
            requested_by_user=trajectory.job_seeker.user,
            requested_on=requested_on,
            status=status,
            created_at=_at(requested_on, 9),
            updated_at=_at(requested_on, 9),
        )
        steps = [(MediationStatus.REQUESTED, requested_on)]
        if status != MediationStatus.REQUESTED:
            mediation.mediator_name = "Mr. Joost de Boer"
            mediation.mediator_organisation = "Mediationpraktijk Amstelland"
            mediation.appointed_on = appointed_on
            steps += [(MediationStatus.MEDIATOR_APPOINTED, appointed_on)]
            first = appointed_on + dt.timedelta(days=7)
            Session.objects.create(
                mediation=mediation,
                held_on=first,
                notes="Kennismaking; beide partijen legden hun standpunt uit.",
                recorded_by=caseworker,
            )
            steps += [(MediationStatus.IN_PROGRESS, first)]
        if status == MediationStatus.CONCLUDED:
            second = appointed_on + dt.timedelta(days=21)
            Session.objects.create(
                mediation=mediation,
                held_on=second,
                notes="Afspraken gemaakt over de dagen en de begeleiding.",
                recorded_by=caseworker,
            )
            mediation.outcome = Outcome.AGREEMENT
            mediation.outcome_text = (
                "Drie groepsdagen per week in plaats van vier; de vierde dag werkt de "
                "werkzoekende thuis aan haar opdrachten, met wekelijks contact met de begeleider."
            )
            mediation.concluded_on = second
            steps += [(MediationStatus.CONCLUDED, second)]
        mediation.save()
        previous = ""
        for step, day in steps:
            MediationStatusChange.objects.create(
                mediation=mediation,
                from_status=previous,
                to_status=step,
                changed_at=_at(day, 10),
                changed_by=caseworker,
            )
            previous = step
        created.append(mediation)
    return created
