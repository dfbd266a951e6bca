import contextlib
import os
from pathlib import Path

import pytest
from django.test import Client
from django.urls import Resolver404
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


@pytest.fixture(scope="session", autouse=True)
def _documents_in_a_temporary_directory(tmp_path_factory):
    """Every test, the demo and the browser tests included, stores documents in a
    directory of its own session, never in the repository's ``var/``."""
    from django.conf import settings
    from django.test import override_settings

    storages = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path_factory.mktemp("documents"))},
        },
    }
    with override_settings(STORAGES=storages, CLAMAV_URL=""):
        yield


@pytest.fixture
def document_dir(tmp_path, settings):
    """An empty documents storage of this test alone; returns its directory."""
    location = tmp_path / "documents"
    location.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
    }
    return location


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


# --- Which views the access matrices request (tests/test_access_coverage.py) -------------

#: The URL names (``api:job-seeker-list``) the ``access_matrix`` tests of this session
#: requested, and the node ids of those tests that ran.
REQUESTED = pytest.StashKey[set[str]]()
MATRIX_RAN = pytest.StashKey[set[str]]()
#: The ``access_matrix`` tests selected in this session, and those deselected.
MATRIX_SELECTED = pytest.StashKey[set[str]]()
MATRIX_DESELECTED = pytest.StashKey[set[str]]()
#: When set, the requested names are written to this file at the end of the session
#: (the coverage test runs the matrices in a subprocess and reads them from there).
RECORD_FILE_ENV = "WERKPAD_ACCESS_MATRIX_RECORD"
#: The test that judges the coverage: it runs after every access-matrix test.
COVERAGE_TEST = "test_access_coverage.py::test_every_view_is_covered_by_an_access_matrix"


def _is_matrix(item) -> bool:
    return item.get_closest_marker("access_matrix") is not None


def pytest_configure(config):
    config.stash[REQUESTED] = set()
    config.stash[MATRIX_RAN] = set()
    config.stash[MATRIX_SELECTED] = set()
    config.stash[MATRIX_DESELECTED] = set()


def pytest_deselected(items):
    for item in items:
        if _is_matrix(item):
            item.config.stash[MATRIX_DESELECTED].add(item.nodeid)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The coverage test last, after every access-matrix test it judges."""
    config.stash[MATRIX_SELECTED] = {item.nodeid for item in items if _is_matrix(item)}
    items.sort(key=lambda item: item.nodeid.endswith(COVERAGE_TEST))


@pytest.fixture(autouse=True)
def _record_requested_views(request):
    """In an access-matrix test, note the URL name of every response the test client gets
    (the API client goes through the same method); a path that resolves to no view is left
    out."""
    if not _is_matrix(request.node):
        yield
        return
    requested = request.config.stash[REQUESTED]
    original = Client.request

    def recording(client, **kwargs):
        response = original(client, **kwargs)
        with contextlib.suppress(Resolver404):
            requested.add(response.resolver_match.view_name)
        return response

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "request", recording)
        yield
    request.config.stash[MATRIX_RAN].add(request.node.nodeid)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The coverage test's subprocess makes a test database of its own, so that it leaves
    the one of the session that started it alone (SQLite's is in memory anyway)."""
    if os.environ.get(RECORD_FILE_ENV):
        from django.conf import settings

        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.sqlite3":
            test = database.setdefault("TEST", {})
            test["NAME"] = f"{test.get('NAME') or 'test_' + database['NAME']}_access_matrix"


def pytest_sessionfinish(session):
    target = os.environ.get(RECORD_FILE_ENV)
    if target:
        names = sorted(session.config.stash.get(REQUESTED, set()))
        Path(target).write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
