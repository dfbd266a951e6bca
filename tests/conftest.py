import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import JobSeekerFactory, MunicipalityFactory, UserFactory, job_seeker_login
from werkpad.core.permissions import Role


@pytest.fixture
def amsterdam(db):
    return MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")


@pytest.fixture
def zaandam(db):
    return MunicipalityFactory(name="Zaanstad", cbs_code="GM0479")


@pytest.fixture
def caseworker(amsterdam):
    return UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="klantmanager")


@pytest.fixture
def job_seeker(amsterdam, caseworker):
    return JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)


@pytest.fixture
def job_seeker_user(job_seeker):
    return job_seeker_login(job_seeker)


@pytest.fixture
def api():
    """An API client logged in as ``user`` with ``api.as_user(user)``."""

    class Api(APIClient):
        def as_user(self, user):
            self.force_authenticate(user=user)
            return self

    return Api()


@pytest.fixture
def browser_client():
    return Client()


@pytest.fixture
def role_user(amsterdam):
    """``role_user(Role.X)``: a fresh user holding role X in Amsterdam."""

    def make(role, municipality=None, **kwargs):
        return UserFactory.with_role(role, municipality=municipality or amsterdam, **kwargs)

    return make


@pytest.fixture
def colleague(amsterdam):
    """A second caseworker of Amsterdam: may see the file, is not its contact person."""
    return UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="collega")


@pytest.fixture
def zaandam_caseworker(zaandam):
    return UserFactory.with_role(
        Role.CASEWORKER, municipality=zaandam, username="klantmanager-zaanstad"
    )


@pytest.fixture
def token_api(db):
    """``token_api(user)``: an API client that sends ``Authorization: Token <key>``."""
    from werkpad.accounts.services import token_issue

    def make(user):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
        return client

    return make


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hash test passwords cheaply; the production hasher is not what these tests are about."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
