import os

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


#: The Redis database the RQ tests use (never the default 0).
TEST_REDIS_URL = os.environ.get("WERKPAD_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def _redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=0.5).ping())
    except Exception:
        return False


@pytest.fixture(params=["database", "rq"])
def tasks_backend(request, settings):
    """Each task test runs on the database backend and on RQ with Redis.

    Without Redis the RQ run is skipped, unless ``WERKPAD_REQUIRE_REDIS`` is set
    (CI sets it), where it fails.
    """
    backend = request.param
    settings.TASKS_BACKEND = backend
    settings.TASKS = {
        "default": {"BACKEND": settings.TASK_BACKENDS[backend], "QUEUES": ["default"]}
    }
    if backend != "rq":
        yield backend
        return
    if not _redis_answers():
        if os.environ.get("WERKPAD_REQUIRE_REDIS"):
            pytest.fail(f"Redis does not answer at {TEST_REDIS_URL}")
        pytest.skip(f"Redis does not answer at {TEST_REDIS_URL}")
    import redis

    settings.RQ_QUEUES = {"default": {"URL": TEST_REDIS_URL, "DEFAULT_TIMEOUT": 60}}
    connection = redis.Redis.from_url(TEST_REDIS_URL)
    connection.flushdb()
    yield backend
    connection.flushdb()


@pytest.fixture
def run_worker(db, monkeypatch):
    """``run_worker()``: ``werkpad worker --batch --no-sweep`` (``sweep=True``: with the
    sweeps), in this process and this test's transaction; its output.

    The database worker closes connections it finds obsolete between tasks; inside a
    test's transaction that would close the test's own connection (on PostgreSQL; an
    in-memory SQLite database is never closed), so here it leaves them open.
    """
    from io import StringIO

    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run(*, sweep: bool = False) -> str:
        out = StringIO()
        call_command("worker", "--batch", *([] if sweep else ["--no-sweep"]), stdout=out)
        return out.getvalue()

    return run
