"""Factories of referrals to vacancies and placements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tests.factories import EmployerFactory, JobSeekerFactory, VacancyFactory
from werkpad.core.deadlines import add_months
from werkpad.placements.models import FOLLOW_UP_MONTHS, FollowUp, Placement, VacancyReferral


class VacancyReferralFactory(DjangoModelFactory):
    """A pending referral of a job seeker to a vacancy of the same municipality."""

    class Meta:
        model = VacancyReferral

    vacancy = factory.SubFactory(VacancyFactory)
    job_seeker = factory.SubFactory(
        JobSeekerFactory, municipality=factory.SelfAttribute("..vacancy.municipality")
    )
    municipality = factory.SelfAttribute("job_seeker.municipality")
    referred_on = dt.date(2026, 11, 2)
    support = "CV nagekeken en sollicitatiebrief geschreven."


class PlacementFactory(DjangoModelFactory):
    """A permanent job of 24 hours at 15.00 an hour with a registered employer, started on
    1 March 2026, with its follow-ups at 6 and 12 months."""

    class Meta:
        model = Placement
        skip_postgeneration_save = True

    employer = factory.SubFactory(EmployerFactory)
    job_seeker = factory.SubFactory(
        JobSeekerFactory, municipality=factory.SelfAttribute("..employer.municipality")
    )
    municipality = factory.SelfAttribute("job_seeker.municipality")
    job_title = "Medewerker productie"
    start_date = dt.date(2026, 3, 1)
    contract_type = "permanent"
    hours_per_week = Decimal("24")
    hourly_wage = Decimal("15.00")
    minimum_wage = Decimal("14.71")
    aftercare_plan = "Maandelijks contact met de jobcoach."
    job_coach_schedule = "Elke twee weken op dinsdag."

    @factory.post_generation
    def follow_ups(self, create, extracted, **kwargs):
        if create:
            FollowUp.objects.bulk_create(
                FollowUp(placement=self, months=m, due_on=add_months(self.start_date, m))
                for m in FOLLOW_UP_MONTHS
            )
