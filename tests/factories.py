"""Factories, one trait per business state.

``JobSeekerFactory()`` is a job seeker of the default municipality with a
caseworker as contact person; ``UserFactory.with_role(Role.X)`` gives a user
holding that role in an organisation of the right kind.
"""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from werkpad.accounts.models import Membership, User
from werkpad.core.models import LabourMarketRegion, Municipality, Organisation
from werkpad.core.permissions import Role
from werkpad.jobseekers.bsn import make_bsn
from werkpad.jobseekers.models import JobSeeker, LadderRungChange

ORGANISATION_KIND = {
    Role.JOB_SEEKER: Organisation.Kind.MUNICIPALITY,
    Role.CASEWORKER: Organisation.Kind.MUNICIPALITY,
    Role.COACH: Organisation.Kind.PROVIDER,
    Role.EMPLOYER_ADVISOR: Organisation.Kind.MUNICIPALITY,
    Role.EMPLOYER: Organisation.Kind.EMPLOYER,
    Role.ADVISOR: Organisation.Kind.ADVISOR_OFFICE,
    Role.COMPLAINT_HANDLER: Organisation.Kind.MUNICIPALITY,
    Role.COUNCIL_MEMBER: Organisation.Kind.COUNCIL,
    Role.POLICY_OFFICER: Organisation.Kind.MUNICIPALITY,
    Role.FUNCTIONAL_ADMIN: Organisation.Kind.MUNICIPALITY,
}


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = LabourMarketRegion
        django_get_or_create = ("code",)

    code = "AM10"
    name = "Groot Amsterdam"
    data_version = "2024"
    source = "CBS"


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("cbs_code",)

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n + 9000:04d}")
    region = factory.SubFactory(RegionFactory)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = Organisation.Kind.MUNICIPALITY
    municipality = factory.SubFactory(MunicipalityFactory)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    password = factory.django.Password("werkpad-test-1")

    @classmethod
    def with_role(
        cls,
        role: str,
        *,
        municipality: Municipality | None = None,
        organisation: Organisation | None = None,
        **kwargs,
    ) -> User:
        user = cls(**kwargs)
        if organisation is None:
            municipality = municipality or MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
            kind = ORGANISATION_KIND[role]
            organisation = Organisation.objects.filter(
                municipality=municipality, kind=kind
            ).first() or OrganisationFactory(
                municipality=municipality, kind=kind, name=f"{kind} {municipality.name}"
            )
        Membership.objects.create(user=user, organisation=organisation, role=role)
        return user


class JobSeekerFactory(DjangoModelFactory):
    class Meta:
        model = JobSeeker
        skip_postgeneration_save = True

    municipality = factory.LazyFunction(
        lambda: MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
    )
    bsn = factory.Sequence(make_bsn)
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    birth_date = dt.date(1980, 5, 17)
    gender = "female"
    education_level = "mbo2"
    benefit_type = "participatiewet"
    unemployed_since = dt.date(2023, 1, 9)
    ladder_rung = 3
    profile_reviewed_on = dt.date(2026, 9, 1)
    contact_person = None

    class Params:
        with_login = factory.Trait(
            user=factory.SubFactory(UserFactory),
        )
        sheltered = factory.Trait(sheltered_work=True, labour_disability=True, ladder_rung=4)
        young = factory.Trait(birth_date=dt.date(2004, 3, 1))
        profile_overdue = factory.Trait(profile_reviewed_on=dt.date(2025, 1, 15))
        restricted_items = factory.Trait(
            limitations="Kan niet langer dan twee uur achter elkaar staan.",
            attention_psychological=True,
        )
        other_municipality = factory.Trait(
            municipality=factory.LazyFunction(
                lambda: MunicipalityFactory(name="Zaanstad", cbs_code="GM0479")
            )
        )

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            LadderRungChange.objects.create(
                job_seeker=self, from_rung=None, to_rung=self.ladder_rung, reason="intake"
            )


def job_seeker_login(job_seeker: JobSeeker) -> User:
    """Give a job seeker a login and the job-seeker role."""
    user = UserFactory()
    job_seeker.user = user
    job_seeker.save(update_fields=["user"])
    organisation = Organisation.objects.filter(
        municipality=job_seeker.municipality, kind=Organisation.Kind.MUNICIPALITY
    ).first() or OrganisationFactory(municipality=job_seeker.municipality)
    Membership.objects.create(user=user, organisation=organisation, role=Role.JOB_SEEKER)
    return user
