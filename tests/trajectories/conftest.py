import pytest
from django.utils import translation

from tests.factories import ProgrammeFactory, ProviderFactory, UserFactory
from werkpad.core.permissions import Role
from werkpad.trajectories import services
from werkpad.trajectories.handover import DEFAULT_FIELDS


@pytest.fixture
def english():
    """Messages in English, so that tests can read them."""
    with translation.override("en"):
        yield


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkkracht BV")


@pytest.fixture
def programme(provider):
    return ProgrammeFactory(provider=provider, name="Werkfit Zorg", staff_expertise=["older"])


@pytest.fixture
def coach(provider):
    return UserFactory.with_role(
        Role.COACH, organisation=provider.organisation, username="trajectbegeleider"
    )


@pytest.fixture
def other_coach(amsterdam):
    other = ProviderFactory(municipality=amsterdam, name="Andere Aanbieder BV")
    return UserFactory.with_role(Role.COACH, organisation=other.organisation)


@pytest.fixture
def complete_job_seeker(job_seeker):
    job_seeker.phone = "0612345678"
    job_seeker.wishes = "Werken in de zorg"
    job_seeker.possibilities = "Vier dagen per week"
    job_seeker.limitations = "Kan niet lang staan."
    job_seeker.save()
    return job_seeker


@pytest.fixture
def refer(caseworker, complete_job_seeker, programme):
    """``refer(**overrides)``: a referral through the service, by the contact person."""

    def make(**overrides):
        kwargs = {
            "user": caseworker,
            "job_seeker_id": complete_job_seeker.pk,
            "programme_id": programme.pk,
            "reason": "Wil in de zorg werken; dit traject heeft een stage in de zorg.",
            "handover_fields": list(DEFAULT_FIELDS),
        } | overrides
        return services.trajectory_refer(**kwargs)

    return make


@pytest.fixture
def referral(refer):
    return refer()
