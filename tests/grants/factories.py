"""Factories of grants and budgets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tests.factories import InstrumentFactory, JobSeekerFactory
from werkpad.grants.models import Budget, Grant


class GrantFactory(DjangoModelFactory):
    """A job-coaching grant of 1,000 euro to a job seeker with a benefit, this year."""

    class Meta:
        model = Grant

    job_seeker = factory.SubFactory(JobSeekerFactory)
    municipality = factory.SelfAttribute("job_seeker.municipality")
    instrument = factory.SubFactory(
        InstrumentFactory, municipality=factory.SelfAttribute("..job_seeker.municipality")
    )
    granted_on = dt.date(2026, 11, 2)
    year = 2026
    amount = Decimal("1000.00")
    reason = "Begeleiding op de werkplek in de eerste maanden."
    non_benefit = factory.LazyAttribute(lambda o: o.job_seeker.benefit_type == "none")


class BudgetFactory(DjangoModelFactory):
    """A budget of 10,000 euro for 2026, 2,000 of it for non-benefit job seekers."""

    class Meta:
        model = Budget

    instrument = factory.SubFactory(InstrumentFactory)
    municipality = factory.SelfAttribute("instrument.municipality")
    year = 2026
    amount = Decimal("10000.00")
    non_benefit_amount = Decimal("2000.00")
    reasons = "Op basis van de uitgaven van vorig jaar."
