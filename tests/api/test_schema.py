"""The OpenAPI document at /api/v1/openapi.json (NL GOV API Design Rules)."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

from tests.factories import JobSeekerFactory

OPENAPI = "/api/v1/openapi.json"
ACCEPT_JSON = "application/vnd.oai.openapi+json, application/json"
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
LOWER_CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")
KEBAB_SEGMENT = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*|\{[a-z][a-zA-Z0-9]*\})$")
METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def document(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get(OPENAPI, HTTP_ACCEPT=ACCEPT_JSON)
    assert response.status_code == 200
    return json.loads(response.content)


def api_routes() -> dict[str, object]:
    """Every route under the ``api`` namespace, as an OpenAPI path, with its view class."""
    (api,) = [
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.namespace == "api"
    ]

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and pattern.name != "openapi":
                path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
                yield path, pattern.callback.view_class

    return dict(walk(api.url_patterns))


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from all_subclasses(sub)


def schema_validator(document, schema):
    return OAS30Validator({"allOf": [schema], "components": document["components"]})


class TestServing:
    def test_the_document_is_served_as_json_without_login(self, client):
        """A plain GET, with no token and no Accept header, gets the JSON document."""
        response = client.get(OPENAPI)
        assert response.status_code == 200
        assert "json" in response["Content-Type"]
        assert json.loads(response.content)["openapi"].startswith("3.")

    def test_the_document_may_be_read_from_any_origin(self, client):
        response = client.get(OPENAPI, HTTP_ACCEPT=ACCEPT_JSON, HTTP_ORIGIN="https://example.org")
        assert response["Access-Control-Allow-Origin"] == "*"

    def test_the_document_carries_the_api_version_it_describes(self, client, document):
        response = client.get(OPENAPI, HTTP_ACCEPT=ACCEPT_JSON)
        assert response["API-Version"] == settings.API_VERSION == document["info"]["version"]
        assert SEMVER.match(document["info"]["version"])


class TestContent:
    def test_it_is_a_valid_openapi_3_document(self, document):
        assert document["openapi"].startswith("3.")
        validate(document)

    def test_it_names_a_contact(self, document):
        contact = document["info"]["contact"]
        assert contact["name"]
        assert contact["url"].startswith("https://")
        assert re.match(r"^[^@\s]+@[^@\s]+\.[a-z]+$", contact["email"])

    def test_it_is_served_under_api_v1(self, document):
        assert [server["url"] for server in document["servers"]] == ["/api/v1"]

    def test_every_route_under_api_v1_is_documented_and_nothing_else(self, document):
        routes = api_routes()
        assert set(routes) == set(document["paths"])
        assert "/job-seekers/{id}/access-log" in routes

    def test_every_method_a_view_answers_is_documented(self, document):
        for path, view in api_routes().items():
            answered = {m for m in METHODS if hasattr(view, m)}
            documented = {m for m in document["paths"][path] if m in METHODS}
            assert answered == documented, path

    def test_paths_are_kebab_case_without_trailing_slash_or_bsn(self, document):
        for path in document["paths"]:
            assert not path.endswith("/")
            for segment in path.strip("/").split("/"):
                assert KEBAB_SEGMENT.match(segment), path
            assert "bsn" not in path.lower()

    def test_operation_ids_are_unique_lower_camel_case(self, document):
        ids = [operation["operationId"] for _path, _method, operation in operations(document)]
        assert len(ids) == len(set(ids))
        assert all(LOWER_CAMEL.match(i) for i in ids), ids

    def test_query_keys_and_fields_are_lower_camel_case(self, document):
        for path, _method, operation in operations(document):
            for parameter in operation.get("parameters", []):
                assert LOWER_CAMEL.match(parameter["name"]), (path, parameter["name"])
        for name, schema in document["components"]["schemas"].items():
            for field in schema.get("properties", {}):
                assert LOWER_CAMEL.match(field), (name, field)

    def test_every_operation_documents_its_errors_as_problem_json(self, document):
        for path, method, operation in operations(document):
            responses = operation["responses"]
            expected = {"400", "401", "403"}  # 400: every operation refuses unknown query keys
            if "{" in path:
                expected.add("404")
            if "requestBody" in operation:
                expected |= {"413", "415"}
            if method in ("put", "patch", "delete") or (method == "post" and "{" in path):
                expected.add("409")
            assert expected <= set(responses), (path, method, expected - set(responses))
            for code, response in responses.items():
                assert "API-Version" in response.get("headers", {}), (path, code)
                if code.startswith("4"):
                    assert list(response["content"]) == ["application/problem+json"]

    def test_a_conflict_is_documented_only_where_one_can_happen(self, document):
        """409 for writes with a version, on a record or in a lifecycle; not for reads,
        nor for a lookup or a create that cannot conflict."""
        documented = {
            (path, method)
            for path, method, operation in operations(document)
            if "409" in operation["responses"]
        }
        assert not {(p, m) for p, m in documented if m == "get"}
        assert ("/job-seekers/lookup", "post") not in documented
        assert ("/job-seekers", "post") not in documented
        assert ("/plans", "post") in documented  # one open plan per job seeker
        assert ("/trajectories/{id}/acceptance", "post") in documented
        assert ("/job-seekers/{id}", "patch") in documented

    def test_request_bodies_refuse_properties_they_do_not_name(self, document):
        schemas = document["components"]["schemas"]
        bodies = set()
        for _path, _method, operation in operations(document):
            for media in operation.get("requestBody", {}).get("content", {}).values():
                bodies.add(media["schema"]["$ref"].rsplit("/", 1)[-1])
        assert {"JobSeekerWriteRequest", "TrajectoryCompletionRequest"} <= bodies
        bodies.add("EndReportInRequest")  # nested in the completion's body
        for name in bodies:
            assert schemas[name]["additionalProperties"] is False, name
        assert "additionalProperties" not in schemas["JobSeeker"]

    def test_request_fields_say_whether_they_may_be_empty_or_null(self, document):
        """Each field of each request body, compared with the serializer that reads it."""
        from rest_framework.serializers import CharField

        from werkpad.core.api import StrictSerializer

        schemas = document["components"]["schemas"]
        serializers = {
            cls.__name__.removesuffix("Serializer") + "Request": cls
            for cls in all_subclasses(StrictSerializer)
        }
        checked = 0
        for name, cls in serializers.items():
            if name not in schemas:
                continue
            properties = schemas[name]["properties"]
            for field_name, field in cls().fields.items():
                prop = properties[field_name]
                assert prop.get("nullable", False) == field.allow_null, (name, field_name)
                if not isinstance(field, CharField):
                    checked += 1
                    continue
                if field.allow_blank:
                    assert "minLength" not in prop, (name, field_name)
                    assert "oneOf" not in prop, (name, field_name)
                    if "anyOf" in prop:
                        assert {"type": "string", "maxLength": 0} in prop["anyOf"]
                else:
                    assert prop.get("minLength", 0) >= 1, (name, field_name)
                checked += 1
        assert checked > 100

    def test_every_free_text_field_of_a_request_has_a_maximum_length(self, document):
        schemas = document["components"]["schemas"]
        strings = 0
        for name, schema in schemas.items():
            if not name.endswith("Request"):
                continue
            for field, prop in schema.get("properties", {}).items():
                inner = prop.get("anyOf", [prop])[0]
                if inner.get("type") != "string" or "enum" in inner or "format" in inner:
                    continue
                strings += 1
                assert "maxLength" in inner, (name, field)
        assert strings > 40

    def test_one_line_fields_document_what_they_refuse(self, document):
        properties = document["components"]["schemas"]["JobSeekerWriteRequest"]["properties"]
        last_name = properties["lastName"]
        assert last_name["maxLength"] == 150
        assert last_name["pattern"] == "^[^\\u0000-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069]+$"
        assert "pattern" not in properties["wishes"] and properties["wishes"]["maxLength"] == 4000
        website = document["components"]["schemas"]["ProviderWriteRequest"]["properties"]["website"]
        assert website["anyOf"] == [
            {"type": "string", "format": "uri", "maxLength": 200},
            {"type": "string", "maxLength": 0},
        ]

    @pytest.mark.parametrize("path", ["/job-seekers", "/job-seekers/{id}/access-log"])
    def test_lists_document_paging_and_the_list_shape(self, document, path):
        operation = document["paths"][path]["get"]
        names = {p["name"] for p in operation.get("parameters", [])}
        assert {"page", "pageSize"} <= names
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        resolved = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        assert {"count", "next", "previous", "results"} <= set(resolved["properties"])
        assert resolved["properties"]["results"]["type"] == "array"

    def test_the_job_seeker_list_documents_its_filters(self, document):
        operation = document["paths"]["/job-seekers"]["get"]
        names = {p["name"] for p in operation.get("parameters", [])}
        assert {
            "search",
            "ladderRung",
            "benefitType",
            "contactPerson",
            "profileOverdue",
        } <= names

    def test_the_job_seeker_fields_of_the_issue_are_documented(self, document):
        """JS1 in the API: the fields and their code lists."""
        schemas = document["components"]["schemas"]
        properties = schemas["JobSeeker"]["properties"]
        assert {
            "id",
            "bsn",
            "firstName",
            "lastName",
            "birthDate",
            "gender",
            "educationLevel",
            "benefitType",
            "unemployedSince",
            "ladderRung",
            "labourDisability",
            "shelteredWork",
            "contactPerson",
        } <= set(properties)
        assert set(schemas["GenderEnum"]["enum"]) == {"male", "female", "x", "unknown"}
        assert set(schemas["BenefitTypeEnum"]["enum"]) == {
            "participatiewet",
            "ww",
            "anw",
            "ioaw",
            "ioaz",
            "wia",
            "wajong",
            "none",
            "other",
        }
        assert set(schemas["EducationLevelEnum"]["enum"]) == {
            "none",
            "primary",
            "vmbo",
            "mbo1",
            "mbo2",
            "mbo3",
            "mbo4",
            "havo_vwo",
            "hbo",
            "wo",
        }


@pytest.mark.django_db
def test_enums_named_by_their_values_in_the_settings_list_the_models_values(document):
    """Where a serializer names its choices by value only, the document's enum is named in
    ``SPECTACULAR_SETTINGS``; those lists must stay the model's own."""
    from werkpad.complaints.models import Channel
    from werkpad.complaints.workflow import Status

    schemas = document["components"]["schemas"]
    assert schemas["ComplaintStatusEnum"]["enum"] == list(Status.values)
    assert schemas["ComplaintChannelEnum"]["enum"] == list(Channel.values)


class TestResponsesMatchTheDocument:
    """What the API answers is what the document says it answers."""

    def check(self, document, path, method, status, body):
        response = document["paths"][path][method]["responses"][str(status)]
        media = "application/problem+json" if status >= 400 else "application/json"
        schema = response["content"][media]["schema"]
        errors = list(schema_validator(document, schema).iter_errors(body))
        assert errors == [], [(list(e.absolute_path), e.message) for e in errors]

    def test_list_read_update_access_log_and_composition(self, document, api, caseworker):
        job_seeker = JobSeekerFactory(contact_person=caseworker, restricted_items=True)
        client = api.as_user(caseworker)
        listed = client.get("/api/v1/job-seekers")
        self.check(document, "/job-seekers", "get", 200, listed.json())
        read = client.get(f"/api/v1/job-seekers/{job_seeker.pk}")
        self.check(document, "/job-seekers/{id}", "get", 200, read.json())
        patched = client.patch(
            f"/api/v1/job-seekers/{job_seeker.pk}", {"version": 1, "city": "Diemen"}, format="json"
        )
        self.check(document, "/job-seekers/{id}", "patch", 200, patched.json())
        log = client.get(f"/api/v1/job-seekers/{job_seeker.pk}/access-log")
        self.check(document, "/job-seekers/{id}/access-log", "get", 200, log.json())
        composition = client.get("/api/v1/insights/composition")
        self.check(document, "/insights/composition", "get", 200, composition.json())

    def test_a_read_by_a_colleague_with_restricted_items_withheld(
        self, document, api, caseworker, colleague
    ):
        job_seeker = JobSeekerFactory(contact_person=caseworker, restricted_items=True)
        read = api.as_user(colleague).get(f"/api/v1/job-seekers/{job_seeker.pk}")
        assert read.json()["limitations"] is None
        self.check(document, "/job-seekers/{id}", "get", 200, read.json())

    def test_create_and_its_refusal(self, document, api, caseworker):
        client = api.as_user(caseworker)
        body = {
            "bsn": "123456782",
            "firstName": "Sanne",
            "lastName": "de Vries",
            "birthDate": "1988-06-02",
            "educationLevel": "mbo3",
            "benefitType": "participatiewet",
            "unemployedSince": "2024-03-01",
            "ladderRung": 2,
        }
        created = client.post("/api/v1/job-seekers", body, format="json")
        assert created.status_code == 201
        self.check(document, "/job-seekers", "post", 201, created.json())
        refused = client.post("/api/v1/job-seekers", {**body, "ladderRung": 7}, format="json")
        assert refused.status_code == 400
        self.check(document, "/job-seekers", "post", 400, refused.json())

    def test_empty_and_null_values_match_the_document(self, document, api, caseworker, amsterdam):
        """A provider without e-mail or website, a referral whose handover the coach may
        not see yet (null): the document says these values may be empty or null."""
        from tests.factories import ProviderFactory, TrajectoryFactory, UserFactory
        from werkpad.core.permissions import Role

        provider = ProviderFactory(municipality=amsterdam, email="", website="")
        read = api.as_user(caseworker).get(f"/api/v1/providers/{provider.pk}")
        assert read.status_code == 200 and read.json()["website"] == ""
        self.check(document, "/providers/{id}", "get", 200, read.json())
        job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
        job_seeker.email = ""
        job_seeker.save()
        read = api.as_user(caseworker).get(f"/api/v1/job-seekers/{job_seeker.pk}")
        self.check(document, "/job-seekers/{id}", "get", 200, read.json())
        trajectory = TrajectoryFactory(job_seeker=job_seeker)
        coach = UserFactory.with_role(Role.COACH, organisation=trajectory.provider.organisation)
        read = api.as_user(coach).get(f"/api/v1/trajectories/{trajectory.pk}")
        assert read.status_code == 200 and read.json()["handover"] is None
        self.check(document, "/trajectories/{id}", "get", 200, read.json())
