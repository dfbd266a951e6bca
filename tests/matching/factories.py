"""Factories of matching's models."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tests.factories import JobSeekerFactory, give_consent
from werkpad.consents import parts
from werkpad.matching.models import IntroductionChange, IntroductionRequest, SearchProfile
from werkpad.matching.workflow import Status


class SearchProfileFactory(DjangoModelFactory):
    """A profile seeking cleaning work (ISCO 9112) in the municipality's region, 16-32
    hours, confirmed current on 1 November 2026."""

    class Meta:
        model = SearchProfile

    job_seeker = factory.SubFactory(JobSeekerFactory)
    municipality = factory.SelfAttribute("job_seeker.municipality")
    pseudonym = factory.Sequence(lambda n: f"K-T{n:03d}")
    occupation_codes = factory.LazyFunction(lambda: ["9112"])
    skills = factory.LazyFunction(lambda: ["schoonmaken"])
    regions = factory.LazyAttribute(lambda p: [p.job_seeker.municipality.region.code])
    min_hours = Decimal("16")
    max_hours = Decimal("32")
    limitations = factory.LazyFunction(list)
    preferences = factory.LazyFunction(list)
    confirmed_current_on = dt.date(2026, 11, 1)


def in_candidate_file(profile: SearchProfile, *, shared=parts.EMPLOYER_PARTS) -> SearchProfile:
    """Give the job seeker's consent to employers for ``shared``."""
    for part in shared:
        give_consent(profile.job_seeker, part=part)
    return profile


class IntroductionFactory(DjangoModelFactory):
    class Meta:
        model = IntroductionRequest
        skip_postgeneration_save = True

    job_seeker = factory.SelfAttribute("profile.job_seeker")
    municipality = factory.SelfAttribute("job_seeker.municipality")
    pseudonym = factory.SelfAttribute("profile.pseudonym")
    message = "Wij zoeken een collega voor de schoonmaak van ons kantoor."
    status = Status.REQUESTED

    class Params:
        profile = factory.SubFactory(SearchProfileFactory)

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            IntroductionChange.objects.create(
                introduction=self, from_status="", to_status=Status.REQUESTED
            )
