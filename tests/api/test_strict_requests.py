"""Every request is read strictly and never answered with a server error.

The operations come from the OpenAPI document as the schema generator builds it,
so a list or a body added later is covered without editing this file: unknown
query keys, bad ``page`` and ``pageSize``, integers beyond 64 bits in queries and
bodies, booleans that are neither true nor false, a search over its maxLength.
"""

from __future__ import annotations

import functools
import json
import re

import pytest
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver
from drf_spectacular.generators import SchemaGenerator

from tests.actions.factories import ActionFactory
from tests.api.test_schema import api_routes
from tests.council.advice.factories import AdviceRequestFactory
from tests.council.assessments.factories import AssessmentFactory, CouncilFactory
from tests.documents.factories import make_document
from tests.factories import (
    EmployerFactory,
    InstrumentFactory,
    JobSeekerFactory,
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    VacancyFactory,
)
from tests.grants.factories import GrantFactory
from tests.matching.factories import IntroductionFactory
from tests.notifications.factories import NotificationFactory
from tests.placements.factories import PlacementFactory, VacancyReferralFactory
from tests.secondopinions.factories import MediationFactory, SecondOpinionFactory
from werkpad.accounts.models import Membership
from werkpad.consents.models import Consent
from werkpad.conversations import services as conversations
from werkpad.core.api import StrictQueryMixin
from werkpad.core.filters import MAX_INT64
from werkpad.core.models import Organisation
from werkpad.core.parsers import MAX_JSON_DEPTH
from werkpad.core.permissions import Role
from werkpad.urls import handler400

PROBLEM = "application/problem+json"
BASE = "/api/v1"
HUGE = 2**64
pytestmark = pytest.mark.django_db


@functools.cache
def document() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def operations(methods=("get", "post", "put", "patch", "delete")):
    for path, item in sorted(document()["paths"].items()):
        for method, operation in item.items():
            if method in methods:
                yield path, method, operation


def query_parameters(operation):
    return [p for p in operation.get("parameters", []) if p["in"] == "query"]


def scalar(schema: dict) -> dict:
    return schema.get("items", schema) if schema.get("type") == "array" else schema


def resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = document()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def integer_fields(schema: dict, prefix: str = ""):
    """(dotted name, whether it is an array) for every integer in a request body."""
    for name, field in resolve(schema).get("properties", {}).items():
        if field.get("readOnly"):
            continue
        field = resolve(field) if "$ref" in field else field
        dotted = f"{prefix}.{name}" if prefix else name
        if field.get("type") == "integer":
            yield dotted, False
        elif field.get("type") == "array" and resolve(field.get("items", {})).get("type") == (
            "integer"
        ):
            yield dotted, True
        elif field.get("type") == "object" or "properties" in field:
            yield from integer_fields(field, dotted)


def nest(dotted: str, value) -> dict:
    body: dict = {}
    target = body
    *parents, last = dotted.split(".")
    for parent in parents:
        target = target.setdefault(parent, {})
    target[last] = value
    return body


def body_schema(operation) -> dict:
    content = operation.get("requestBody", {}).get("content", {})
    return content.get("application/json", {}).get("schema", {})


LISTS = [
    (path, operation)
    for path, method, operation in operations(("get",))
    if any(p["name"] == "page" for p in query_parameters(operation))
]
QUERY_INTEGERS = [
    (path, p["name"])
    for path, method, operation in operations(("get",))
    for p in query_parameters(operation)
    if scalar(p["schema"]).get("type") == "integer"
]
QUERY_BOOLEANS = [
    (path, p["name"])
    for path, method, operation in operations(("get",))
    for p in query_parameters(operation)
    if scalar(p["schema"]).get("type") == "boolean"
]
QUERY_STRINGS_WITH_LIMIT = [
    (path, p["name"], scalar(p["schema"])["maxLength"])
    for path, method, operation in operations(("get",))
    for p in query_parameters(operation)
    if "maxLength" in scalar(p["schema"])
]
BODY_INTEGERS = [
    (path, method, name, is_array)
    for path, method, operation in operations(("post", "put", "patch"))
    for name, is_array in integer_fields(body_schema(operation))
]


@pytest.fixture
def world(amsterdam):
    """A user who may list everything in Amsterdam, and one row of every kind."""
    user = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam, username="alles")
    organisation = Organisation.objects.get(
        municipality=amsterdam, kind=Organisation.Kind.MUNICIPALITY
    )
    for role in (
        Role.POLICY_OFFICER,
        Role.FUNCTIONAL_ADMIN,
        Role.COMPLAINT_HANDLER,
        Role.EMPLOYER_ADVISOR,
    ):
        Membership.objects.create(user=user, organisation=organisation, role=role)
    employer = EmployerFactory(municipality=amsterdam)
    Membership.objects.create(user=user, organisation=employer.organisation, role=Role.EMPLOYER)
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=user)
    provider = ProviderFactory(municipality=amsterdam)
    programme = ProgrammeFactory(provider=provider)
    rows = {
        "job-seekers": job_seeker,
        "plans": PlanFactory(job_seeker=job_seeker),
        "trajectories": TrajectoryFactory(job_seeker=job_seeker, programme=programme, started=True),
        "providers": provider,
        "programmes": programme,
        "instruments": InstrumentFactory(municipality=amsterdam),
        "notifications": NotificationFactory(recipient=user),
        "municipalities": amsterdam,
        "second-opinions": SecondOpinionFactory(job_seeker=job_seeker),
        "mediations": MediationFactory(trajectory=TrajectoryFactory(job_seeker=job_seeker)),
        "complaints": _complaint(user, organisation),
    }
    rows["consents"] = Consent.objects.filter(job_seeker=job_seeker).first()
    rows["actions"] = ActionFactory(plan=rows["plans"])
    rows["employers"] = EmployerFactory(municipality=amsterdam)
    rows["vacancies"] = VacancyFactory(employer=rows["employers"])
    rows["conversations"] = conversations.message_start(
        user=user, job_seeker_id=job_seeker.pk, body="Hoi"
    ).conversation
    rows["documents"] = make_document(user=user, job_seeker=job_seeker)
    rows["vacancies"] = VacancyFactory(employer=employer)
    rows["introductions"] = IntroductionFactory(employer=employer)
    rows["grants"] = GrantFactory(job_seeker=job_seeker, instrument=rows["instruments"])
    rows["placements"] = PlacementFactory(job_seeker=job_seeker, employer=employer)
    rows["vacancy-referrals"] = VacancyReferralFactory(
        job_seeker=job_seeker, vacancy=VacancyFactory(employer=employer)
    )
    # The council's kinds: a final assessment of Amsterdam's council (which the policy
    # officer reads) and an advice request sent to it, whose member the user is too.
    council = CouncilFactory(municipality=amsterdam)
    Membership.objects.create(user=user, organisation=council, role=Role.COUNCIL_MEMBER)
    rows["council/assessments"] = AssessmentFactory(council=council, final=True)
    rows["council/advice-requests"] = AdviceRequestFactory(
        municipality=amsterdam, council=council, sent=True
    )
    return user, rows


def _complaint(user, organisation):
    from werkpad.complaints import services

    return services.complaint_file(
        user=user,
        filing=services.Filing(
            subject="other",
            about_id=organisation.pk,
            description="Aan de balie gemeld.",
            channel="desk",
            complainant_name="Bas Timmerhuis-Oost",
        ),
    )


def url(path: str, rows: dict) -> str:
    """The path with ``{id}`` filled in by a row of the kind its first segment names (and
    a budget's year and instrument, a follow-up's months)."""
    path = path.replace("{year}", "2026").replace("{months}", "6")
    path = path.replace("{instrumentId}", str(rows["instruments"].pk))
    if "{id}" not in path:
        return BASE + path
    kind = path.split("/")[1]
    if kind == "council":  # the council's kinds sit one level down
        kind = "/".join(path.split("/")[1:3])
    return BASE + path.replace("{id}", str(rows[kind].pk))


def client_for(api, user):
    client = api.as_user(user)
    client.raise_request_exception = False
    return client


def refused(response, status=400) -> list[str]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert body["status"] == status
    return sorted(p["name"] for p in body.get("invalidParams", []))


def test_the_document_yields_every_list_and_parameter_kind():
    """The parametrisation below is not empty: it found the lists, ids, booleans and bodies."""
    paths = {path for path, _ in LISTS}
    assert {
        "/job-seekers",
        "/job-seekers/{id}/access-log",
        "/plans",
        "/trajectories",
        "/trajectories/{id}/progress-reports",
        "/programmes",
        "/providers",
        "/instruments",
        "/notifications",
    } <= paths
    assert ("/plans", "jobSeeker") in QUERY_INTEGERS
    assert ("/insights/composition", "municipality") in QUERY_INTEGERS
    assert ("/job-seekers", "profileOverdue") in QUERY_BOOLEANS
    assert ("/notifications", "unread") in QUERY_BOOLEANS
    assert {name for _, name, _ in QUERY_STRINGS_WITH_LIMIT} == {"search"}
    body_arrays = {name for _, _, name, is_array in BODY_INTEGERS if is_array}
    assert {"instruments", "alternatives", "subcontractors", "affiliatedOrganisations"} <= (
        body_arrays
    )


def test_every_api_view_refuses_what_it_does_not_declare():
    """A view added later inherits the check, or this fails."""
    loose = [path for path, view in api_routes().items() if not issubclass(view, StrictQueryMixin)]
    assert loose == []


@pytest.mark.parametrize(("path", "method"), [(p, m) for p, m, _ in operations()])
def test_an_unknown_query_key_is_refused_by_every_operation(api, world, path, method):
    """API conventions: ?foo=1 answers 400 naming foo, on lists, sub-resources and actions."""
    user, rows = world
    client = client_for(api, user)
    response = getattr(client, method)(f"{url(path, rows)}?foo=1", {}, format="json")
    assert refused(response) == ["foo"]


def test_an_unknown_query_key_is_named_as_it_was_sent(api, world):
    user, _ = world
    response = client_for(api, user).get(f"{BASE}/plans", {"job_seeker": 1, "Foo-Bar": 2})
    assert refused(response) == ["Foo-Bar", "job_seeker"]


@pytest.mark.parametrize(("path", "operation"), LISTS, ids=[p for p, _ in LISTS])
def test_every_list_answers_a_plain_request(api, world, path, operation):
    user, rows = world
    response = client_for(api, user).get(url(path, rows), {"page": 1, "pageSize": 100})
    assert response.status_code == 200, response.content
    assert set(response.json()) == {"count", "next", "previous", "results"}


@pytest.mark.parametrize(("path", "operation"), LISTS, ids=[p for p, _ in LISTS])
@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("page", "0"),
        ("page", "-1"),
        ("page", "two"),
        ("page", ""),
        ("page", "²"),
        ("page", "999999"),
        ("page", str(HUGE)),
        ("page", "9" * 5000),
        ("pageSize", "0"),
        ("pageSize", "-5"),
        ("pageSize", "ten"),
        ("pageSize", "101"),
        ("pageSize", str(HUGE)),
    ],
)
def test_a_bad_page_or_page_size_is_refused_naming_it(api, world, path, operation, key, value):
    user, rows = world
    assert refused(client_for(api, user).get(url(path, rows), {key: value})) == [key]


@pytest.mark.parametrize(("path", "name"), QUERY_INTEGERS)
def test_an_integer_beyond_64_bits_in_a_query_is_refused_naming_it(api, world, path, name):
    user, rows = world
    client = client_for(api, user)
    for value in (HUGE, MAX_INT64 + 1, -HUGE):
        assert refused(client.get(url(path, rows), {name: str(value)})) == [name]


@pytest.mark.parametrize(("path", "name"), QUERY_BOOLEANS)
def test_a_boolean_that_is_neither_true_nor_false_is_refused(api, world, path, name):
    user, rows = world
    client = client_for(api, user)
    for value in ("maybe", "2", "yes"):
        assert refused(client.get(url(path, rows), {name: value})) == [name]
    for value in ("true", "false"):
        assert client.get(url(path, rows), {name: value}).status_code == 200


@pytest.mark.parametrize(("path", "name", "limit"), QUERY_STRINGS_WITH_LIMIT)
def test_a_search_over_its_limit_is_refused(api, world, path, name, limit):
    user, rows = world
    client = client_for(api, user)
    assert client.get(url(path, rows), {name: "a" * limit}).status_code == 200
    assert refused(client.get(url(path, rows), {name: "a" * (limit + 1)})) == [name]


@pytest.mark.parametrize(("path", "method", "name", "is_array"), BODY_INTEGERS)
def test_an_integer_beyond_64_bits_in_a_body_is_refused_naming_it(
    api, world, path, method, name, is_array
):
    user, rows = world
    client = client_for(api, user)
    value = [HUGE] if is_array else HUGE
    response = getattr(client, method)(url(path, rows), nest(name, value), format="json")
    assert (f"{name}.0" if is_array else name) in refused(response)


def test_path_ids_beyond_64_bits_are_not_found(api, world):
    user, _ = world
    client = client_for(api, user)
    for path, _method, _ in operations(("get",)):
        if "{id}" in path:
            response = client.get(BASE + path.replace("{id}", str(HUGE)))
            assert response.status_code == 404, path
            assert response["Content-Type"] == PROBLEM


class TestFormat:
    """`format` is the programme list's filter; the framework's format override is off."""

    def test_format_filters_the_programme_list(self, api, world):
        user, rows = world
        provider = rows["providers"]
        ProgrammeFactory(provider=provider, name="Samen sterk", format="group")
        ProgrammeFactory(provider=provider, name="Eén op één", format="individual")
        client = client_for(api, user)
        response = client.get(f"{BASE}/programmes", {"format": "individual"})
        assert response.status_code == 200
        formats = {row["format"] for row in response.json()["results"]}
        names = {row["name"] for row in response.json()["results"]}
        assert "Eén op één" in names and "Samen sterk" not in names
        assert formats <= {"individual", "both"}
        assert refused(client.get(f"{BASE}/programmes", {"format": "json"})) == ["format"]

    def test_content_negotiation_still_works(self, api, world):
        user, _ = world
        client = client_for(api, user)
        assert client.get(f"{BASE}/programmes", HTTP_ACCEPT="application/json").status_code == 200
        refused(client.get(f"{BASE}/programmes", HTTP_ACCEPT="text/html"), 406)

    def test_the_document_is_still_served_as_json(self, client):
        response = client.get(f"{BASE}/openapi.json")
        assert response.status_code == 200
        assert json.loads(response.content)["openapi"].startswith("3.")


class TestBodies:
    def post(self, api, user, body: str, content_type="application/json"):
        client = client_for(api, user)
        return client.post(f"{BASE}/job-seekers", body, content_type=content_type)

    def test_json_nested_deeper_than_the_limit_is_refused(self, api, world):
        user, _ = world
        for depth in (MAX_JSON_DEPTH + 1, 100_000):
            response = self.post(api, user, "[" * depth + "]" * depth)
            refused(response)
            assert response.json()["code"] == "too-deep"
        deep_field = (
            '{"firstName": ' + "[" * (MAX_JSON_DEPTH - 1) + "]" * (MAX_JSON_DEPTH - 1) + "}"
        )
        response = self.post(api, user, deep_field)
        assert "firstName" in refused(response)
        assert response.json()["code"] == "invalid"

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
    def test_a_body_over_the_limit_is_413_problem_json(self, api, world):
        user, _ = world
        response = self.post(api, user, json.dumps({"firstName": "x" * 2000}))
        refused(response, 413)
        assert response.json()["code"] == "too-large"
        assert "1000" in response.json()["detail"]

    @pytest.mark.parametrize("error", [RequestDataTooBig, TooManyFieldsSent])
    def test_a_body_django_refuses_before_any_view_is_413_problem_json(self, rf, error):
        """Where Django itself refuses a body (outside DRF), the API still answers problem+json."""
        response = handler400(rf.post(f"{BASE}/job-seekers"), error("too big"))
        assert response.status_code == 413
        assert response["Content-Type"] == PROBLEM
        assert json.loads(response.content)["code"] == "too-large"
        assert handler400(rf.get(f"{BASE}/job-seekers"), SuspiciousOperation()).status_code == 400

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
    def test_a_page_answers_a_body_over_the_limit_with_a_dutch_page(self, world):
        user, _ = world
        browser = Client(raise_request_exception=False)
        browser.force_login(user)
        response = browser.post("/werkzoekenden/nieuw/", {"first_name": "x" * 2000})
        assert response.status_code == 413
        assert response["Content-Type"].startswith("text/html")
        assert "te groot" in response.content.decode()

    @override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=10)
    def test_a_page_answers_too_many_fields_with_a_dutch_page(self, world):
        user, _ = world
        browser = Client(raise_request_exception=False)
        browser.force_login(user)
        response = browser.post("/werkzoekenden/nieuw/", {f"f{n}": "1" for n in range(20)})
        assert response.status_code == 413
        assert "te groot" in response.content.decode()


class TestHtmlListFilters:
    """The pages share the filters: a huge number or an unknown boolean is a form error,
    never a server error."""

    @pytest.mark.parametrize(
        "query",
        [
            {"contactPerson": HUGE},
            {"labourDisability": "maybe"},
            {"search": "a" * 101},
        ],
    )
    def test_job_seeker_list(self, world, query):
        self.check(world, "/werkzoekenden/", query)

    @pytest.mark.parametrize(
        "query",
        [
            {"provider": HUGE},
            {"maxWeeks": HUGE},
            {"rung": HUGE},
            {"active": "2"},
            {"search": "a" * 101},
        ],
    )
    def test_programme_catalogue(self, world, query):
        self.check(world, "/trajectaanbod/", query)

    @pytest.mark.parametrize(
        "query", [{"programme": HUGE}, {"jobSeeker": "²"}, {"provider": -HUGE}]
    )
    def test_trajectory_list(self, world, query):
        self.check(world, "/trajecten/", query)

    def test_instrument_list(self, world):
        self.check(world, "/instrumenten/", {"active": "maybe"})

    @pytest.mark.parametrize("path", ["/inzicht/samenstelling/", "/inzicht/hiaten/"])
    def test_insights_with_a_municipality_that_is_no_id(self, world, path):
        user, _ = world
        browser = Client(raise_request_exception=False)
        browser.force_login(user)
        for value in (HUGE, "²"):
            assert browser.get(path, {"municipality": value}).status_code == 200

    def check(self, world, path, query):
        user, _ = world
        browser = Client(raise_request_exception=False)
        browser.force_login(user)
        response = browser.get(path, query)
        assert response.status_code == 200
        page = response.content.decode()
        assert "niet geldig" in page


def page_routes_with_ids():
    """Every page route outside the API with an ``<int:...>`` part, as a path with a huge id."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "api":
                    yield from walk(pattern.url_patterns, route)
            elif "<int:" in route:
                yield "/" + re.sub(
                    r"<int:\w+>", str(HUGE), re.sub(r"<(?:str|slug):\w+>", "x", route)
                )

    return sorted(set(walk(get_resolver().url_patterns)))


def test_pages_with_an_id_beyond_64_bits_are_not_found(world):
    user, _ = world
    browser = Client(raise_request_exception=False)
    browser.force_login(user)
    paths = page_routes_with_ids()
    assert "/werkzoekenden/" + str(HUGE) + "/" in paths
    for path in paths:
        assert browser.get(path).status_code in (404, 405), path
        assert browser.post(path, {"version": "1"}).status_code in (403, 404, 405), path
