"""Factories, one trait per business state.

``JobSeekerFactory()`` is a job seeker of the default municipality with a
caseworker as contact person; ``UserFactory.with_role(Role.X)`` gives a user
holding that role in an organisation of the right kind.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from werkpad.accounts.models import Membership, User
from werkpad.consents import parts as file_parts
from werkpad.consents.models import Consent, ConsentChange
from werkpad.core import clock
from werkpad.core.deadlines import add_months
from werkpad.core.models import (
    LabourMarketRegion,
    Municipality,
    MunicipalitySettings,
    Organisation,
)
from werkpad.core.permissions import Role
from werkpad.employers.models import Channel, Employer, Size, Vacancy
from werkpad.instruments.models import Instrument
from werkpad.jobseekers.bsn import make_bsn
from werkpad.jobseekers.models import JobSeeker, LadderRungChange
from werkpad.plans.models import Plan, PlanStatusChange, PlanVersion
from werkpad.plans.workflow import Status as PlanStatus
from werkpad.providers.models import Programme, Provider
from werkpad.trajectories.models import StatusChange, Trajectory

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
    # Six characters, as the field holds: each test starts from an empty table, so a code
    # may come back in a later test.
    cbs_code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    region = factory.SubFactory(RegionFactory)


class MunicipalitySettingsFactory(DjangoModelFactory):
    """A municipality's own settings row; without one a municipality has the defaults."""

    class Meta:
        model = MunicipalitySettings
        django_get_or_create = ("municipality",)

    municipality = factory.SubFactory(MunicipalityFactory)


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
        left = factory.Trait(left_on=dt.date(2026, 10, 1), leave_reason="work")
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


class ProviderFactory(DjangoModelFactory):
    class Meta:
        model = Provider

    municipality = factory.LazyFunction(
        lambda: MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
    )
    organisation = factory.LazyAttribute(
        lambda p: OrganisationFactory(
            municipality=p.municipality, kind=Organisation.Kind.PROVIDER, name=p.name
        )
    )
    name = factory.Sequence(lambda n: f"Re-integratiebureau {n}")
    kvk_number = factory.Sequence(lambda n: f"{n + 60000000:08d}")
    certified = True
    certification_expires_on = dt.date(2027, 12, 31)

    class Params:
        # Blik op Werk on 23 November 2026, the date the provider tests freeze.
        certification_expiring = factory.Trait(certification_expires_on=dt.date(2026, 12, 20))
        certification_expired = factory.Trait(certification_expires_on=dt.date(2026, 10, 30))
        certification_long_expired = factory.Trait(certification_expires_on=dt.date(2026, 8, 1))
        uncertified = factory.Trait(certified=False, certification_expires_on=None)


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    provider = factory.SubFactory(ProviderFactory)
    municipality = factory.LazyAttribute(lambda p: p.provider.municipality)
    slug = factory.Sequence(lambda n: f"programma-{n}")
    name = factory.Sequence(lambda n: f"Werkfit {n}")
    lot = 1
    goal = "Binnen zes maanden aan het werk."
    content = "Sollicitatietraining, werkervaring en begeleiding."
    plain_summary = "Samen met een coach zoekt u werk dat bij u past."
    target_groups = factory.LazyFunction(lambda: ["everyone"])
    rung_from = 2
    rung_to = 6
    duration_weeks = 26
    price = Decimal("2500.00")
    format = "individual"
    staff_expertise = factory.LazyFunction(lambda: ["older"])
    report_interval_weeks = 4

    class Params:
        group_only = factory.Trait(format="group")
        with_job_guarantee = factory.Trait(job_guarantee=True)


class TrajectoryFactory(DjangoModelFactory):
    """A referral; one trait per state: accepted, declined, started, suspended, completed,
    ended_early."""

    class Meta:
        model = Trajectory
        skip_postgeneration_save = True

    job_seeker = factory.SubFactory(JobSeekerFactory)
    municipality = factory.LazyAttribute(lambda t: t.job_seeker.municipality)
    programme = factory.LazyAttribute(
        lambda t: ProgrammeFactory(provider=ProviderFactory(municipality=t.job_seeker.municipality))
    )
    provider = factory.LazyAttribute(lambda t: t.programme.provider)
    status = "referred"
    referred_on = dt.date(2026, 9, 1)
    reason = "Past bij de wens om in de zorg te werken."
    handover = factory.LazyAttribute(
        lambda t: {
            "first_name": t.job_seeker.first_name,
            "last_name": t.job_seeker.last_name,
            "phone": "0612345678",
            "education_level": t.job_seeker.education_level,
            "ladder_rung": t.job_seeker.ladder_rung,
            "wishes": "Werken in de zorg",
            "possibilities": "Fulltime beschikbaar",
        }
    )

    class Params:
        accepted = factory.Trait(status="accepted")
        started = factory.Trait(
            status="started", started_on=dt.date(2026, 9, 14), next_report_due=dt.date(2026, 10, 12)
        )
        suspended = factory.Trait(
            status="suspended",
            started_on=dt.date(2026, 9, 14),
            next_report_due=dt.date(2026, 10, 12),
        )
        completed = factory.Trait(
            status="completed", started_on=dt.date(2026, 9, 14), ended_on=dt.date(2026, 11, 2)
        )
        ended_early = factory.Trait(
            status="ended_early",
            started_on=dt.date(2026, 9, 14),
            ended_on=dt.date(2026, 10, 20),
            end_reason="Verhuisd",
        )
        declined = factory.Trait(
            status="declined", decline_reason="Geen plek in de groep.", ended_on=dt.date(2026, 9, 4)
        )
        report_overdue = factory.Trait(
            status="started", started_on=dt.date(2026, 9, 14), next_report_due=dt.date(2026, 10, 12)
        )

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if not create:
            return
        path = {
            "referred": ["referred"],
            "accepted": ["referred", "accepted"],
            "declined": ["referred", "declined"],
            "started": ["referred", "accepted", "started"],
            "suspended": ["referred", "accepted", "started", "suspended"],
            "completed": ["referred", "accepted", "started", "completed"],
            "ended_early": ["referred", "accepted", "started", "ended_early"],
        }[self.status]
        previous = ""
        for status in path:
            StatusChange.objects.create(trajectory=self, from_status=previous, to_status=status)
            previous = status

    @factory.post_generation
    def health_consent(self, create, extracted, **kwargs):
        """The job seeker's consents for the provider, as a referral records them: the
        handover's parts given at the desk; with ``health_consent=True`` the health part
        given as well."""
        if not create:
            return
        wanted = [p for p in file_parts.parts_of(list(self.handover)) if p != file_parts.HEALTH]
        if extracted:
            wanted.append(file_parts.HEALTH)
        for part in wanted:
            give_consent(
                self.job_seeker, part=part, organisation=self.provider.organisation, channel="desk"
            )


def give_consent(
    job_seeker, *, part, organisation=None, recipient=None, channel="desk", status="given"
):
    """A consent of the job seeker in ``status`` (given unless named), with its history;
    an existing one for the same recipient and part is left as it is."""
    recipient = recipient or ("provider" if organisation is not None else "employers")
    consent, created = Consent.objects.get_or_create(
        job_seeker=job_seeker,
        recipient=recipient,
        organisation=organisation,
        part=part,
        defaults={
            "municipality_id": job_seeker.municipality_id,
            "status": status,
            "channel": "" if status == "requested" else channel,
        },
    )
    if created:
        ConsentChange.objects.create(
            consent=consent,
            from_status="",
            to_status=status,
            channel=consent.channel,
        )
    return consent


class InstrumentFactory(DjangoModelFactory):
    class Meta:
        model = Instrument

    municipality = factory.LazyFunction(
        lambda: MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
    )
    type = "job_coaching"
    name = factory.Sequence(lambda n: f"Jobcoaching {n}")

    class Params:
        inactive = factory.Trait(active=False)


#: The lifecycle rows a version in each status has behind it.
_PLAN_PATHS = {
    PlanStatus.DRAFT: [PlanStatus.DRAFT],
    PlanStatus.PROPOSED: [PlanStatus.DRAFT, PlanStatus.PROPOSED],
    PlanStatus.IN_EFFECT: [
        PlanStatus.DRAFT,
        PlanStatus.PROPOSED,
        PlanStatus.AGREED,
        PlanStatus.IN_EFFECT,
    ],
}


class PlanFactory(DjangoModelFactory):
    """A job seeker's plan with version 1; one trait per state: ``proposed``,
    ``in_effect`` (review due 1 March 2027) and ``review_overdue`` (due 1 October 2026)."""

    class Meta:
        model = Plan
        skip_postgeneration_save = True

    job_seeker = factory.SubFactory(JobSeekerFactory)
    municipality = factory.LazyAttribute(lambda p: p.job_seeker.municipality)
    created_by = factory.LazyAttribute(lambda p: p.job_seeker.contact_person)
    status = PlanStatus.DRAFT

    class Params:
        proposed = factory.Trait(status=PlanStatus.PROPOSED)
        in_effect = factory.Trait(status=PlanStatus.IN_EFFECT, review_due_on=dt.date(2027, 3, 1))
        review_overdue = factory.Trait(
            status=PlanStatus.IN_EFFECT, review_due_on=dt.date(2026, 10, 1)
        )

    @factory.post_generation
    def first_version(self, create, extracted, **kwargs):
        if not create:
            return
        in_effect = self.status == PlanStatus.IN_EFFECT
        version = PlanVersion.objects.create(
            plan=self,
            number=1,
            status=self.status,
            kind="activation",
            goals="Vrijwilligerswerk bij de voedselbank.",
            target_rung=4,
            rights_and_obligations="U komt naar afspraken; de gemeente biedt een jobcoach.",
            activities="Twee ochtenden per week meedoen.",
            created_by=self.created_by,
            review_due_on=self.review_due_on,
            effective_on=add_months(self.review_due_on, -6) if in_effect else None,
            answered_at=self.created_at if in_effect else None,
            **kwargs,
        )
        previous = ""
        for status in _PLAN_PATHS[self.status]:
            PlanStatusChange.objects.create(
                version=version, from_status=previous, to_status=status, changed_by=self.created_by
            )
            previous = status
        if in_effect:
            self.current_version = version
            self.save(update_fields=["current_version"])


class EmployerFactory(DjangoModelFactory):
    """An employer in the register of the default municipality, in care of an employer
    advisor, willing to hire through the banenafspraak."""

    class Meta:
        model = Employer

    municipality = factory.LazyFunction(
        lambda: MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
    )
    organisation = factory.SubFactory(
        OrganisationFactory,
        kind=Organisation.Kind.EMPLOYER,
        municipality=factory.SelfAttribute("..municipality"),
        name=factory.Sequence(lambda n: f"Werkgever {n} B.V."),
    )
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    sbi_section = "N"
    sbi_division = "81"
    size = Size.SME
    region = factory.SelfAttribute("municipality.region")
    contact_person = factory.LazyAttribute(
        lambda e: UserFactory.with_role(Role.EMPLOYER_ADVISOR, municipality=e.municipality)
    )
    banenafspraak = True


class VacancyFactory(DjangoModelFactory):
    """An open vacancy for a cleaner (ISCO 9112), 24 hours a week, taken in by phone now."""

    class Meta:
        model = Vacancy

    employer = factory.SubFactory(EmployerFactory)
    municipality = factory.SelfAttribute("employer.municipality")
    title = "Schoonmaker kantoren"
    occupation_code = "9112"
    skills = factory.LazyFunction(lambda: ["schoonmaken", "zelfstandig werken"])
    region = factory.SelfAttribute("employer.region")
    hours_per_week = Decimal("24")
    conditions = factory.LazyFunction(lambda: ["standing"])
    channel = Channel.PHONE
    expires_on = factory.LazyFunction(lambda: clock.today() + dt.timedelta(days=60))
    handled_by = factory.SelfAttribute("employer.contact_person")
