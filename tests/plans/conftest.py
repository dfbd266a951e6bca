import pytest
from django.utils import translation

from tests.factories import InstrumentFactory, job_seeker_login


@pytest.fixture
def instrument(amsterdam):
    return InstrumentFactory(municipality=amsterdam, name="Jobcoach Amsterdam")


@pytest.fixture
def content(instrument):
    """What a caseworker writes in a first plan, as the services take it."""
    return {
        "kind": "integration",
        "goals": "Binnen een jaar betaald werk in de logistiek.",
        "target_rung": 5,
        "approach": "supply",
        "rights_and_obligations": "U solliciteert twee keer per week; de gemeente betaalt de training.",
        "activities": "Sollicitatietraining volgen.",
        "instruments": [instrument],
    }


@pytest.fixture
def seeker_user(job_seeker):
    return job_seeker_login(job_seeker)


@pytest.fixture
def english():
    """Messages in English, so that tests can read them."""
    with translation.override("en"):
        yield
