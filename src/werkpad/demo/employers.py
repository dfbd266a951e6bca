"""Employers and vacancies in the demo (EM1-EM3): the register entries of the demo's
employers, in the care of ``werkgeversadviseur``, and their vacancies in every state.

Terms count from now, not from the demo's anchor, so that the 72-hour answer is really
waiting: one vacancy of ``werkgever``'s bakery came in yesterday and is still to be
answered, one of another employer is past its term; the rest were answered, filled or
closed with advice over the past months.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.models import Municipality, Organisation
from werkpad.employers.models import (
    ANSWER_TERM,
    Channel,
    Employer,
    Size,
    Source,
    StatusChange,
    UpdateKind,
    Vacancy,
    VacancyUpdate,
)
from werkpad.employers.workflow import Status
from werkpad.jobseekers.models import EducationLevel


@dataclass(frozen=True)
class DemoEmployer:
    key: str  # a DemoOrganisation key
    sbi_section: str
    sbi_division: str
    size: str
    networks: str
    csr: bool = False
    cao_obligation: bool = False
    sroi_obligation: bool = False
    banenafspraak: bool = False


EMPLOYERS = (
    DemoEmployer(
        "employer-1", "C", "10", Size.SME, "Ondernemersvereniging Oost", banenafspraak=True
    ),
    DemoEmployer(
        "employer-2",
        "N",
        "81",
        Size.LARGE,
        "Branchevereniging Schoonmaak",
        csr=True,
        cao_obligation=True,
        banenafspraak=True,
    ),
    DemoEmployer(
        "employer-3", "H", "52", Size.LARGE, "Logistiek Platform Amsterdam", sroi_obligation=True
    ),
    DemoEmployer(
        "employer-4",
        "Q",
        "87",
        Size.LARGE,
        "Zorg Werkt Amstel",
        csr=True,
        cao_obligation=True,
        banenafspraak=True,
    ),
    DemoEmployer("employer-5", "I", "55", Size.SME, "Horeca Netwerk Centrum"),
    DemoEmployer(
        "employer-6", "N", "81", Size.SME, "Ondernemersclub Diemen", csr=True, sroi_obligation=True
    ),
    DemoEmployer("employer-7", "G", "47", Size.SME, "Winkeliersvereniging Oost", csr=True),
    DemoEmployer(
        "employer-8", "F", "43", Size.LARGE, "Bouwend Nederland Amsterdam", sroi_obligation=True
    ),
    DemoEmployer("employer-9", "C", "25", Size.SME, "Metaalunie Noord-Holland"),
)


@dataclass(frozen=True)
class DemoVacancy:
    employer: str
    title: str
    occupation_code: str  # ISCO-08
    skills: tuple[str, ...]
    education: str
    hours: int
    conditions: tuple[str, ...]
    channel: str
    status: str
    received_days_ago: float
    preselection: bool = True
    positions: int = 1
    #: The advice of a vacancy closed not filled, with the reason before " | ".
    advice: str = ""


VACANCIES = (
    # Waiting for the 72-hour answer: one in time (werkgever's own), one past its term.
    DemoVacancy(
        "employer-1",
        "Medewerker bakkerij (ochtend)",
        "7512",
        ("deeg bereiden", "hygiëne", "samenwerken"),
        EducationLevel.NONE,
        24,
        ("standing",),
        Channel.WEB,
        Status.RECEIVED,
        1,
    ),
    DemoVacancy(
        "employer-5",
        "Afwasser / keukenhulp",
        "9412",
        ("schoonmaken", "samenwerken"),
        EducationLevel.NONE,
        20,
        ("standing", "night_work"),
        Channel.PHONE,
        Status.RECEIVED,
        4,
    ),
    # Answered and open for candidates.
    DemoVacancy(
        "employer-1",
        "Verkoopmedewerker winkel",
        "5223",
        ("klantvriendelijk", "kassa", "samenwerken"),
        EducationLevel.VMBO,
        20,
        ("customer_contact", "standing"),
        Channel.VISIT,
        Status.IN_PROGRESS,
        12,
    ),
    DemoVacancy(
        "employer-1",
        "Leerling-monteur productielijn (BBL)",
        "7233",
        ("techniek", "machines onderhouden", "veilig werken"),
        EducationLevel.MBO1,
        16,
        ("standing",),
        Channel.VISIT,
        Status.IN_PROGRESS,
        10,
    ),
    DemoVacancy(
        "employer-2",
        "Schoonmaker kantoren",
        "9112",
        ("schoonmaken", "zelfstandig werken"),
        EducationLevel.NONE,
        16,
        ("standing",),
        Channel.EMAIL,
        Status.IN_PROGRESS,
        20,
        positions=3,
    ),
    DemoVacancy(
        "employer-3",
        "Orderpicker",
        "9333",
        ("orderpicken", "scanner", "samenwerken"),
        EducationLevel.NONE,
        32,
        ("heavy_lifting", "standing"),
        Channel.PHONE,
        Status.IN_PROGRESS,
        9,
        positions=2,
    ),
    DemoVacancy(
        "employer-3",
        "Heftruckchauffeur",
        "8344",
        ("heftruck", "vca"),
        EducationLevel.MBO1,
        38,
        ("driving",),
        Channel.EMAIL,
        Status.IN_PROGRESS,
        15,
    ),
    DemoVacancy(
        "employer-4",
        "Helpende zorg en welzijn",
        "5321",
        ("verzorgen", "klantvriendelijk", "samenwerken"),
        EducationLevel.MBO2,
        24,
        ("customer_contact", "heavy_lifting"),
        Channel.VISIT,
        Status.IN_PROGRESS,
        25,
    ),
    DemoVacancy(
        "employer-4",
        "Medewerker facilitaire dienst",
        "9112",
        ("schoonmaken", "klantvriendelijk"),
        EducationLevel.NONE,
        24,
        ("standing",),
        Channel.WEB,
        Status.IN_PROGRESS,
        6,
    ),
    DemoVacancy(
        "employer-5",
        "Receptionist hotel",
        "4224",
        ("klantvriendelijk", "engels", "computervaardig"),
        EducationLevel.MBO3,
        32,
        ("customer_contact", "night_work"),
        Channel.EMAIL,
        Status.IN_PROGRESS,
        18,
    ),
    DemoVacancy(
        "employer-6",
        "Hovenier",
        "6113",
        ("tuinonderhoud", "snoeien", "rijbewijs b"),
        EducationLevel.MBO2,
        36,
        ("heavy_lifting", "driving"),
        Channel.VISIT,
        Status.IN_PROGRESS,
        30,
    ),
    DemoVacancy(
        "employer-6",
        "Medewerker groenonderhoud",
        "9214",
        ("tuinonderhoud", "samenwerken"),
        EducationLevel.NONE,
        28,
        ("heavy_lifting",),
        Channel.PHONE,
        Status.IN_PROGRESS,
        11,
        preselection=False,
        positions=2,
    ),
    # Finished.
    DemoVacancy(
        "employer-2",
        "Schoonmaker ziekenhuis",
        "9112",
        ("schoonmaken", "hygiëne"),
        EducationLevel.NONE,
        24,
        ("standing",),
        Channel.PHONE,
        Status.FILLED,
        75,
    ),
    DemoVacancy(
        "employer-3",
        "Magazijnmedewerker",
        "4321",
        ("voorraadbeheer", "scanner"),
        EducationLevel.VMBO,
        32,
        ("heavy_lifting",),
        Channel.EMAIL,
        Status.FILLED,
        110,
    ),
    DemoVacancy(
        "employer-7",
        "Vakkenvuller",
        "9334",
        ("samenwerken", "klantvriendelijk"),
        EducationLevel.NONE,
        20,
        ("standing", "heavy_lifting"),
        Channel.WEB,
        Status.IN_PROGRESS,
        16,
        positions=2,
    ),
    DemoVacancy(
        "employer-8",
        "Hulp timmerman",
        "9313",
        ("timmeren", "vca", "samenwerken"),
        EducationLevel.MBO1,
        38,
        ("heavy_lifting", "outdoor_work", "working_at_height"),
        Channel.VISIT,
        Status.IN_PROGRESS,
        22,
    ),
    # More than a year ago: the metal sector asked for people then, not now.
    DemoVacancy(
        "employer-9",
        "Productiemedewerker metaal",
        "8121",
        ("machines bedienen", "vca"),
        EducationLevel.MBO2,
        38,
        ("standing", "shift_work"),
        Channel.PHONE,
        Status.FILLED,
        420,
    ),
    DemoVacancy(
        "employer-9",
        "Lasser",
        "7212",
        ("lassen", "vca"),
        EducationLevel.MBO2,
        38,
        ("shift_work",),
        Channel.EMAIL,
        Status.NOT_FILLED,
        450,
        advice="Geen lassers met certificaat beschikbaar. | Ons advies: neem een kandidaat aan "
        "zonder certificaat en laat hem de opleiding volgen met een leerwerkplek.",
    ),
    DemoVacancy(
        "employer-5",
        "Nachtportier",
        "9629",
        ("beveiliging", "engels"),
        EducationLevel.MBO2,
        36,
        ("night_work",),
        Channel.PHONE,
        Status.NOT_FILLED,
        90,
    ),
)

ANSWER = (
    "Wij hebben {n} passende kandidaten in beeld. Wij verwachten de vacature binnen "
    "{weeks} weken te vervullen en sturen u eerst een voorselectie."
)


def create_employers(
    *,
    municipality: Municipality,
    organisations: dict[str, Organisation],
    advisor: User,
    employer_user: User,
) -> dict[str, Employer]:
    """The register entries of the demo's employers, all in ``advisor``'s care."""
    today = clock.today()
    made = {}
    for index, spec in enumerate(EMPLOYERS):
        organisation = organisations[spec.key]
        made[spec.key] = Employer.objects.create(
            municipality=municipality,
            organisation=organisation,
            kvk_number=organisation.kvk_number,
            sbi_section=spec.sbi_section,
            sbi_division=spec.sbi_division,
            size=spec.size,
            region=municipality.region,
            contact_person=advisor,
            networks=spec.networks,
            csr=spec.csr,
            cao_obligation=spec.cao_obligation,
            sroi_obligation=spec.sroi_obligation,
            banenafspraak=spec.banenafspraak,
            registered_on=today - dt.timedelta(days=700 - 30 * index),
        )
    return made


def create_vacancies(
    *, employers: dict[str, Employer], advisor: User, employer_user: User
) -> list[Vacancy]:
    """The vacancies, each with its history and what the employer was told."""
    now = clock.now()
    made = []
    for spec in VACANCIES:
        employer = employers[spec.employer]
        received = now - dt.timedelta(days=spec.received_days_ago)
        reporter = (
            employer_user
            if spec.channel == Channel.WEB and spec.employer == "employer-1"
            else advisor
        )
        vacancy = Vacancy.objects.create(
            municipality=employer.municipality,
            employer=employer,
            title=spec.title,
            occupation_code=spec.occupation_code,
            skills=list(spec.skills),
            min_education_level=spec.education,
            region=employer.region,
            hours_per_week=Decimal(spec.hours),
            conditions=list(spec.conditions),
            positions=spec.positions,
            channel=spec.channel,
            preselection=spec.preselection,
            expires_on=(received + dt.timedelta(days=90)).date(),
            status=Status.RECEIVED,
            received_at=received,
            answer_due_at=received + ANSWER_TERM,
            handled_by=advisor,
            reported_by=reporter,
        )
        StatusChange.objects.create(
            vacancy=vacancy, to_status=Status.RECEIVED, changed_at=received, changed_by=reporter
        )
        if spec.status != Status.RECEIVED:
            _answer(vacancy, advisor, received)
        if spec.status in (Status.FILLED, Status.NOT_FILLED):
            _finish(vacancy, advisor, spec.status, received, advice=spec.advice)
        made.append(vacancy)
    return made + _imported(employers=employers, advisor=advisor)


@dataclass(frozen=True)
class ImportedVacancy:
    reference: str
    employer_name: str
    title: str
    occupation_code: str
    skills: tuple[str, ...]
    education: str
    hours: int
    conditions: tuple[str, ...]
    received_days_ago: int
    employer: str = ""  # a demo employer this row's KvK number links to


#: External vacancies in the regional file, as ``werkpad import vacancies`` brings them in.
IMPORTED = (
    ImportedVacancy(
        "UWV-2026-0412",
        "Hotel De Amstel",
        "Kamermeisje / roomattendant",
        "9112",
        ("schoonmaken", "zelfstandig werken"),
        EducationLevel.NONE,
        24,
        ("standing",),
        14,
    ),
    ImportedVacancy(
        "UWV-2026-0431",
        "Bouwbedrijf Noord B.V.",
        "Hulp in de bouw",
        "9313",
        ("samenwerken", "vca"),
        EducationLevel.NONE,
        38,
        ("heavy_lifting", "outdoor_work"),
        8,
    ),
    ImportedVacancy(
        "UWV-2026-0457",
        "Transportbedrijf Oostpoort",
        "Magazijnmedewerker nachtdienst",
        "4321",
        ("voorraadbeheer", "scanner"),
        EducationLevel.VMBO,
        32,
        ("night_work", "heavy_lifting"),
        3,
        employer="employer-3",
    ),
)


def _imported(*, employers: dict[str, Employer], advisor: User) -> list[Vacancy]:
    municipality = next(iter(employers.values())).municipality
    now = clock.now()
    made = []
    for spec in IMPORTED:
        received = now - dt.timedelta(days=spec.received_days_ago)
        vacancy = Vacancy.objects.create(
            municipality=municipality,
            employer=employers[spec.employer] if spec.employer else None,
            employer_name=spec.employer_name,
            title=spec.title,
            occupation_code=spec.occupation_code,
            skills=list(spec.skills),
            min_education_level=spec.education,
            region=municipality.region,
            hours_per_week=Decimal(spec.hours),
            conditions=list(spec.conditions),
            channel=Channel.IMPORT,
            source=Source.IMPORTED,
            external_reference=spec.reference,
            preselection=False,
            expires_on=(received + dt.timedelta(days=60)).date(),
            status=Status.IN_PROGRESS,
            received_at=received,
            answer_due_at=received + ANSWER_TERM,
            reported_by=advisor,
        )
        StatusChange.objects.create(
            vacancy=vacancy,
            to_status=Status.IN_PROGRESS,
            changed_at=received,
            changed_by=advisor,
            reason="Geïmporteerd",
        )
        made.append(vacancy)
    return made


def _answer(vacancy: Vacancy, advisor: User, received: dt.datetime) -> None:
    answered = received + dt.timedelta(hours=30)
    weeks = 4 if vacancy.min_education_level == EducationLevel.NONE else 6
    VacancyUpdate.objects.create(
        vacancy=vacancy,
        kind=UpdateKind.ANSWER,
        text=ANSWER.format(n=3 + vacancy.positions, weeks=weeks),
        written_at=answered,
        written_by=advisor,
    )
    StatusChange.objects.create(
        vacancy=vacancy,
        from_status=Status.RECEIVED,
        to_status=Status.IN_PROGRESS,
        changed_at=answered,
        changed_by=advisor,
    )
    vacancy.status = Status.IN_PROGRESS
    vacancy.answered_at = answered
    vacancy.expected_fill_by = (answered + dt.timedelta(weeks=weeks)).date()
    vacancy.save(update_fields=["status", "answered_at", "expected_fill_by"])


def _finish(
    vacancy: Vacancy, advisor: User, status: str, received: dt.datetime, *, advice: str = ""
) -> None:
    finished = received + dt.timedelta(days=35)
    if status == Status.FILLED:
        kind, text, reason = (
            UpdateKind.AFTERCARE,
            "De kandidaat is gestart. Wij bellen u over vier weken hoe het gaat; de jobcoach "
            "komt de eerste maand elke week langs.",
            "",
        )
    else:
        kind, text, reason = (
            UpdateKind.ADVICE,
            "Wij vinden geen kandidaat voor nachtdiensten van 36 uur. Ons advies: splits de "
            "functie in twee deeltijdbanen en laat de eis van vloeiend Engels vallen.",
            "Geen kandidaten voor de gevraagde uren en eisen.",
        )
        if advice:
            reason, text = (part.strip() for part in advice.split("|", 1))
    VacancyUpdate.objects.create(
        vacancy=vacancy, kind=kind, text=text, written_at=finished, written_by=advisor
    )
    StatusChange.objects.create(
        vacancy=vacancy,
        from_status=Status.IN_PROGRESS,
        to_status=status,
        changed_at=finished,
        changed_by=advisor,
        reason=reason,
    )
    vacancy.status = status
    vacancy.save(update_fields=["status"])
