import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import EmployerFactory, UserFactory, job_seeker_login
from tests.matching.factories import SearchProfileFactory, in_candidate_file
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)


@pytest.fixture
def employer(amsterdam):
    return EmployerFactory(municipality=amsterdam)


@pytest.fixture
def employer_user(employer):
    # Names no job seeker has: the tests look for the candidate's name on the employer's
    # pages, where the employer's own name stands in the header.
    return UserFactory.with_role(
        Role.EMPLOYER,
        organisation=employer.organisation,
        first_name="Werkgeversaccount",
        last_name="Bakkerij",
    )


@pytest.fixture
def advisor(employer):
    return employer.contact_person


@pytest.fixture
def profile(job_seeker):
    job_seeker.first_name, job_seeker.last_name = "Fenna", "Zwartveen"
    job_seeker.email, job_seeker.phone = "fenna.zwartveen@example.nl", "0612345678"
    job_seeker.knowledge = "Kent de HACCP-regels."
    job_seeker.wishes = "Graag werken in de ochtend."
    job_seeker.limitations = "Rugklachten bij tillen boven tien kilo."
    job_seeker.save()
    return SearchProfileFactory(job_seeker=job_seeker, limitations=["no_heavy_lifting"])


@pytest.fixture
def candidate(profile):
    return in_candidate_file(profile)


@pytest.fixture
def seeker(job_seeker):
    return job_seeker_login(job_seeker)
