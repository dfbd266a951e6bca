"""Grants, budgets, referrals to vacancies and placements in the demo (IN2, MA2-MA4).

This year's budget for every instrument of the main municipality, with the reasons;
grants, some for job seekers without a benefit, one budget overspent; referrals by
``klantmanager`` in every state, one a conflict of interest (the job seeker's provider
is affiliated with ``employer-3``); a placement for every filled vacancy, from its hired
referral; a self-found job with job coaching; a job under the minimum wage with a
wage-cost subsidy whose 6-month follow-up is overdue; one whose follow-up falls due in a
few days (in ``klantmanager``'s worklist); one at ``werkgever``'s bakery whose 6-month
follow-up is done; and a route to self-employment. Everyone placed or referred has at
least the education the vacancy asks, and not far more.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.deadlines import add_months
from werkpad.core.models import Municipality
from werkpad.employers.models import Employer, Vacancy
from werkpad.employers.models import StatusChange as VacancyStatusChange
from werkpad.employers.workflow import Status as VacancyStatus
from werkpad.grants.models import Budget, BudgetChange, Grant
from werkpad.grants.models import Status as GrantStatus
from werkpad.grants.selectors import spending_of
from werkpad.instruments.models import Instrument, InstrumentType
from werkpad.jobseekers.models import BenefitType, EducationLevel, JobSeeker, current_q
from werkpad.placements.models import (
    FOLLOW_UP_MONTHS,
    FollowUp,
    Placement,
    ReferralStatusChange,
    SelfEmploymentRoute,
    VacancyReferral,
)
from werkpad.placements.services import referral_conflict, wage_check_of
from werkpad.placements.workflow import Status
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

LEVELS = list(EducationLevel.values)

#: This year's budget per instrument type (euro); the types left out get DEFAULT_BUDGET.
BUDGETS: dict[str, Decimal] = {
    InstrumentType.WAGE_COST_SUBSIDY_LASTING: Decimal("450000"),
    InstrumentType.WAGE_COST_SUBSIDY_TEMPORARY: Decimal("120000"),
    InstrumentType.JOB_COACHING: Decimal("85000"),
    InstrumentType.SCHOOLING: Decimal("60000"),
    InstrumentType.APPLICATION_TRAINING: Decimal("25000"),
    InstrumentType.WORKPLACE_ADAPTATION: Decimal("30000"),
    # small on purpose: the demo's two grants go beyond it
    InstrumentType.PERSONAL_BUDGET: Decimal("1500"),
}
DEFAULT_BUDGET = Decimal("10000")
REASONS = (
    "Vastgesteld op basis van de uitgaven van vorig jaar en de verwachte instroom. "
    "Het deel voor niet-uitkeringsgerechtigden volgt het aandeel in het bestand (ongeveer "
    "15 procent), zoals de raad bij de begroting vroeg."
)
REASONS_SPECIAL: dict[str, str] = {
    InstrumentType.WAGE_COST_SUBSIDY_LASTING: (
        "Verhoogd met 10 procent: meer plaatsingen via de banenafspraak verwacht. "
        "Loonkostensubsidie blijft het grootste instrument; het budget is een stuurgetal."
    ),
    InstrumentType.PERSONAL_BUDGET: (
        "Proef met een persoonsgebonden re-integratiebudget: bewust klein gehouden tot de "
        "evaluatie in het voorjaar."
    ),
}


def _level(value: str) -> int:
    return LEVELS.index(value)


class _People:
    """Job seekers handed out once each, by the fit asked: the caseworker's own first,
    then the municipality's others (a small caseload may not hold every kind)."""

    def __init__(self, *, municipality: Municipality, caseworker: User, today: dt.date) -> None:
        running = Trajectory.objects.filter(status__in=RUNNING).values("job_seeker_id")
        people = [
            js
            for js in JobSeeker.objects.filter(current_q(), municipality=municipality)
            .exclude(pk__in=running)
            .order_by("pk")
            if 23 <= js.age_on(today) <= 58
        ]
        own = [js for js in people if js.contact_person_id == caseworker.pk]
        self.pool = own + [js for js in people if js.contact_person_id != caseworker.pk]
        self.taken: set[int] = set()
        self.caseworker_id = caseworker.pk

    def take(
        self, *, education: str | None = None, benefit: str | None = None, own: bool = False
    ) -> JobSeeker:
        """The first free job seeker; for a vacancy (``education``) one with at least
        that education and at most two levels above it (nobody with a university degree
        in the warehouse)."""
        for js in self.pool:
            if js.pk in self.taken or (own and js.contact_person_id != self.caseworker_id):
                continue
            if education is not None and not (
                _level(education) <= _level(js.education_level) <= _level(education) + 2
            ):
                continue
            if benefit is not None and (js.benefit_type == BenefitType.NONE) != (
                benefit == BenefitType.NONE
            ):
                continue
            self.taken.add(js.pk)
            return js
        raise LookupError(f"no free job seeker with education {education}")


def create_budgets(
    *, municipality: Municipality, policy_officer: User, year: int
) -> dict[str, Instrument]:
    """This year's budget of every active instrument, set in January with the reasons."""
    instruments: dict[str, Instrument] = {}
    set_at = clock.now().replace(month=1, day=12, hour=10, minute=0)
    for instrument in Instrument.objects.filter(municipality=municipality, active=True).order_by(
        "pk"
    ):
        instruments.setdefault(instrument.type, instrument)
        amount = BUDGETS.get(instrument.type, DEFAULT_BUDGET)
        non_benefit = (amount * Decimal("0.15")).quantize(Decimal("1"))
        reasons = REASONS_SPECIAL.get(instrument.type, REASONS)
        budget = Budget.objects.create(
            municipality=municipality,
            instrument=instrument,
            year=year,
            amount=amount,
            non_benefit_amount=non_benefit,
            reasons=reasons,
            set_by=policy_officer,
            created_at=set_at,
            updated_at=set_at,
        )
        BudgetChange.objects.create(
            budget=budget,
            amount=amount,
            non_benefit_amount=non_benefit,
            reasons=reasons,
            changed_at=set_at,
            changed_by=policy_officer,
        )
    return instruments


def _grant(
    *,
    job_seeker: JobSeeker,
    instrument: Instrument,
    granted_on: dt.date,
    amount: str,
    reason: str,
    caseworker: User,
    cancelled: str = "",
) -> Grant:
    line = spending_of(instrument_id=instrument.pk, year=granted_on.year)
    non_benefit = job_seeker.benefit_type == BenefitType.NONE
    remaining = line.non_benefit_remaining if non_benefit else line.remaining
    grant = Grant.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        instrument=instrument,
        granted_on=granted_on,
        year=granted_on.year,
        amount=Decimal(amount),
        reason=reason,
        non_benefit=non_benefit,
        over_budget=line.budget is None or Decimal(amount) > remaining,
        granted_by=caseworker,
    )
    if cancelled:
        grant.status = GrantStatus.CANCELLED
        grant.cancel_reason = cancelled
        grant.cancelled_by = caseworker
        grant.cancelled_at = clock.now() - dt.timedelta(days=3)
        grant.version = 2
        grant.save()
    return grant


def _at(day: dt.date) -> dt.datetime:
    return clock.now().replace(year=day.year, month=day.month, day=day.day, hour=11, minute=0)


def _refer(
    *,
    job_seeker: JobSeeker,
    vacancy: Vacancy,
    on: dt.date,
    steps: tuple[tuple[str, int, str], ...],
    user: User,
    support: str,
) -> VacancyReferral:
    """A referral made ``on`` that took ``steps`` (status, days after, reason)."""
    conflict = referral_conflict(job_seeker=job_seeker, vacancy=vacancy)
    referral = VacancyReferral.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        vacancy=vacancy,
        referred_on=on,
        referred_by=user,
        support=support,
        conflict_of_interest=conflict.found,
        conflict_reason=conflict.reason,
        conflict_confirmed=conflict.found,
        created_at=_at(on),
        updated_at=_at(on),
    )
    changes = [
        ReferralStatusChange(
            referral=referral, to_status=Status.PENDING, changed_at=_at(on), changed_by=user
        )
    ]
    current: str = Status.PENDING
    for status, days, reason in steps:
        changes.append(
            ReferralStatusChange(
                referral=referral,
                from_status=current,
                to_status=status,
                changed_at=_at(on + dt.timedelta(days=days)),
                changed_by=user,
                reason=reason,
            )
        )
        current = status
    ReferralStatusChange.objects.bulk_create(changes)
    referral.status = current
    referral.version = len(changes)
    referral.save(update_fields=["status", "version"])
    return referral


def _place(
    *,
    job_seeker: JobSeeker,
    start: dt.date,
    job_title: str,
    contract: str,
    hours: int,
    wage: str,
    user: User,
    employer: Employer | None = None,
    employer_name: str = "",
    vacancy: Vacancy | None = None,
    referral: VacancyReferral | None = None,
    self_found: bool = False,
    grants: tuple[Grant, ...] = (),
    aftercare: str = "",
    coach_schedule: str = "",
) -> Placement:
    check = wage_check_of(
        job_seeker=job_seeker, hourly_wage=Decimal(wage), start_date=start, grants=grants
    )
    placement = Placement.objects.create(
        municipality_id=job_seeker.municipality_id,
        job_seeker=job_seeker,
        employer=employer,
        employer_name=employer_name,
        vacancy=vacancy,
        referral=referral,
        self_found=self_found,
        job_title=job_title,
        start_date=start,
        contract_type=contract,
        hours_per_week=Decimal(hours),
        hourly_wage=Decimal(wage),
        aftercare_plan=aftercare,
        job_coach_schedule=coach_schedule,
        next_contact_on=clock.today() + dt.timedelta(days=21),
        created_by=user,
        created_at=_at(min(start, clock.today())),
        updated_at=_at(min(start, clock.today())),
        **check,
    )
    placement.grants.set(grants)
    FollowUp.objects.bulk_create(
        FollowUp(placement=placement, months=m, due_on=add_months(start, m))
        for m in FOLLOW_UP_MONTHS
    )
    return placement


def _filled_on(vacancy: Vacancy) -> dt.date:
    change = (
        VacancyStatusChange.objects.filter(vacancy=vacancy, to_status=VacancyStatus.FILLED)
        .order_by("-changed_at")
        .first()
    )
    return timezone.localdate(change.changed_at) if change else clock.today()


#: The hourly wage of a demo placement by the education its vacancy asks.
WAGES = {"none": "15.20", "vmbo": "15.60", "mbo1": "15.90", "mbo2": "16.40", "mbo3": "17.80"}


def create_placements(
    *,
    municipality: Municipality,
    vacancies: list[Vacancy],
    employers: dict[str, Employer],
    caseworker: User,
    advisor: User,
    policy_officer: User,
) -> dict[str, int]:
    """Everything above; returns the counts."""
    today = clock.today()
    instruments = create_budgets(
        municipality=municipality, policy_officer=policy_officer, year=today.year
    )
    people = _People(municipality=municipality, caseworker=caseworker, today=today)
    by_title = {v.title: v for v in vacancies}
    support = "Cv nagekeken, motivatiebrief samen geschreven en het gesprek geoefend."

    # Referrals in every state; every filled vacancy hired one (below).
    open_steps: dict[str, tuple[tuple[str, int, str], ...]] = {
        "Verkoopmedewerker winkel": (),
        "Helpende zorg en welzijn": ((Status.INVITED, 4, ""),),
        "Receptionist hotel": (
            (Status.INVITED, 3, ""),
            (Status.REJECTED, 9, "De werkgever koos een kandidaat met hotelervaring."),
        ),
        "Hovenier": (
            (Status.WITHDRAWN, 6, "De werkzoekende zag op tegen de reistijd naar Diemen."),
        ),
    }
    referrals = []
    for index, (title, steps) in enumerate(open_steps.items()):
        vacancy = by_title[title]
        referrals.append(
            _refer(
                job_seeker=people.take(education=vacancy.min_education_level),
                vacancy=vacancy,
                on=today - dt.timedelta(days=3 + 7 * index),
                steps=steps,
                user=caseworker if index % 2 == 0 else advisor,
                support=support,
            )
        )
    # The conflict of interest: a job seeker whose running trajectory is with the provider
    # affiliated with employer-3, referred to its orderpicker vacancy and confirmed.
    orderpicker = by_title["Orderpicker"]
    affiliated = (
        Trajectory.objects.filter(
            status__in=RUNNING,
            municipality=municipality,
            provider__affiliated_organisations=orderpicker.employer.organisation,  # type: ignore[union-attr]
            job_seeker__education_level__in=LEVELS[:3],
        )
        .select_related("job_seeker")
        .order_by("pk")
        .first()
    )
    if affiliated is not None:
        referrals.append(
            _refer(
                job_seeker=affiliated.job_seeker,
                vacancy=orderpicker,
                on=today - dt.timedelta(days=2),
                steps=(),
                user=advisor,
                support="Voorgesteld na de voorselectie; kennismaking op de vloer afgesproken.",
            )
        )

    placements = []
    for vacancy in vacancies:
        if vacancy.status != VacancyStatus.FILLED:
            continue
        filled = _filled_on(vacancy)
        # Longer ago: the contract became permanent; the wage is above the minimum of its
        # day, more for a job that asks more education.
        contract = "permanent" if (today - filled).days > 180 else "fixed_term"
        wage = WAGES.get(vacancy.min_education_level, "16.40")
        person = people.take(education=vacancy.min_education_level)
        referral = _refer(
            job_seeker=person,
            vacancy=vacancy,
            on=filled - dt.timedelta(days=21),
            steps=((Status.INVITED, 5, ""), (Status.HIRED, 21, "")),
            user=caseworker,
            support=support,
        )
        referrals.append(referral)
        placements.append(
            _place(
                job_seeker=person,
                start=min(filled + dt.timedelta(days=7), today),
                job_title=vacancy.title,
                contract=contract,
                hours=int(vacancy.hours_per_week),
                wage=wage,
                user=caseworker,
                employer=vacancy.employer,
                vacancy=vacancy,
                referral=referral,
                aftercare="De eerste drie maanden elke maand een gesprek met werknemer en "
                "leidinggevende.",
                coach_schedule="De eerste maand elke week; daarna om de twee weken.",
            )
        )

    # A self-found job with job coaching: its 6-month follow-up falls due in a few days.
    self_found = people.take(own=True)
    start = add_months(today, -6) + dt.timedelta(days=4)
    coaching = _grant(
        job_seeker=self_found,
        instrument=instruments[InstrumentType.JOB_COACHING],
        granted_on=start - dt.timedelta(days=10),
        amount="3200.00",
        reason="Jobcoaching bij zelf gevonden werk: een half jaar begeleiding op de werkplek.",
        caseworker=caseworker,
    )
    placements.append(
        _place(
            job_seeker=self_found,
            start=start,
            job_title="Medewerker fietsenwerkplaats",
            contract="fixed_term",
            hours=28,
            wage="15.05",
            user=caseworker,
            employer_name="Fietsenmakerij De Spaak",
            self_found=True,
            grants=(coaching,),
            aftercare="Contact met de jobcoach; bij twijfel over verlenging eerder een gesprek.",
            coach_schedule="Om de twee weken op donderdag.",
        )
    )
    # Under the minimum wage with a lasting wage-cost subsidy: the follow-up is overdue.
    subsidised = people.take(own=True)
    start = add_months(today, -6) - dt.timedelta(days=12)
    subsidy = _grant(
        job_seeker=subsidised,
        instrument=instruments[InstrumentType.WAGE_COST_SUBSIDY_LASTING],
        granted_on=start - dt.timedelta(days=14),
        amount="9800.00",
        reason="Loonwaarde vastgesteld op 75 procent; loonkostensubsidie voor het verschil.",
        caseworker=caseworker,
    )
    placements.append(
        _place(
            job_seeker=subsidised,
            start=start,
            job_title="Medewerker linnenkamer",
            contract="fixed_term",
            hours=24,
            wage="11.50",
            user=caseworker,
            employer=employers["employer-4"],
            grants=(subsidy,),
            aftercare="Elk kwartaal de loonwaarde bespreken met de werkgever.",
            coach_schedule="Eens per maand.",
        )
    )
    # At werkgever's bakery for over a year: the 6-month follow-up is done.
    baker = people.take(own=True)
    start = add_months(today, -13)
    bakery = _place(
        job_seeker=baker,
        start=start,
        job_title="Medewerker bakkerij",
        contract="permanent",
        hours=32,
        wage="15.00",
        user=caseworker,
        employer=employers["employer-1"],
        aftercare="Na zes en twaalf maanden navragen hoe het gaat.",
        coach_schedule="Geen jobcoach nodig.",
    )
    six = bakery.follow_ups.get(months=6)
    six.done_on = six.due_on + dt.timedelta(days=3)
    six.done_by = caseworker
    six.still_in_work = True
    six.working_for = employers["employer-1"].name
    six.notes = "Werkt naar tevredenheid; contract omgezet naar vast."
    six.save()
    placements.append(bakery)

    # Grants for job seekers without a benefit, one cancelled, and a budget overspent.
    for benefit_instrument, amount, reason in (
        (InstrumentType.APPLICATION_TRAINING, "650.00", "Sollicitatietraining in groepsverband."),
        (InstrumentType.SCHOOLING, "2400.00", "Opleiding orderpicker met VCA-certificaat."),
    ):
        _grant(
            job_seeker=people.take(benefit=BenefitType.NONE),
            instrument=instruments[benefit_instrument],
            granted_on=today - dt.timedelta(days=40),
            amount=amount,
            reason=reason,
            caseworker=caseworker,
        )
    for days in (60, 20):
        _grant(
            job_seeker=people.take(),
            instrument=instruments[InstrumentType.PERSONAL_BUDGET],
            granted_on=today - dt.timedelta(days=days),
            amount="1000.00",
            reason="Persoonsgebonden budget voor een zelf gekozen cursus.",
            caseworker=caseworker,
        )
    _grant(
        job_seeker=people.take(),
        instrument=instruments[InstrumentType.WORKPLACE_ADAPTATION],
        granted_on=today - dt.timedelta(days=30),
        amount="1800.00",
        reason="Aangepaste werkplek bij een proefplaatsing.",
        caseworker=caseworker,
        cancelled="De proefplaatsing ging niet door.",
    )

    # A route to self-employment through the Bbz desk.
    starter = people.take()
    SelfEmploymentRoute.objects.create(
        municipality=municipality,
        job_seeker=starter,
        information_given_on=today - dt.timedelta(days=50),
        bbz_referred_on=today - dt.timedelta(days=35),
        notes="Wil een eigen schoonmaakbedrijf beginnen; ondernemingsplan in de maak met het "
        "Bbz-loket.",
        created_by=caseworker,
    )
    return {
        "budgets": Budget.objects.filter(municipality=municipality, year=today.year).count(),
        "grants": Grant.objects.filter(municipality=municipality).count(),
        "referrals": len(referrals),
        "placements": len(placements),
    }
