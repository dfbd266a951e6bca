"""The API against its own OpenAPI document, fuzzed with schemathesis.

Every operation, as the caseworker, the coach, the job seeker and the
functional administrator (token authentication), with valid and invalid input generated from the document:
no answer may be a server error, and every answer must be one the document
documents (status code, content type, headers, body schema). The run is
bounded and deterministic (``derandomize``), so that it takes a few minutes
and fails the same way every time.
"""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import (
    InstrumentFactory,
    JobSeekerFactory,
    MunicipalityFactory,
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.permissions import Role

pytestmark = [pytest.mark.django_db, pytest.mark.schemathesis]

#: Examples per operation (each sent as every role): enough to reach every field
#: and status, few enough that the whole run stays within a few minutes.
MAX_EXAMPLES = 12
ROLES = ("caseworker", "coach", "job_seeker", "functional_admin")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def _document() -> dict:
    """The document as /api/v1/openapi.json serves it, as plain JSON."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(json.dumps(generated, default=str))


schema = schemathesis.openapi.from_dict(_document())
schema.config.generation.update(deterministic=True)
APP = get_wsgi_application()


class World:
    """A municipality with one record of each kind in the states that matter, and
    a token for each role. Ids of path parameters are drawn from these records
    half of the time, so that operations act on records that exist."""

    def __init__(self):
        amsterdam = MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
        caseworker = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
        provider = ProviderFactory(municipality=amsterdam)
        coach = UserFactory.with_role(Role.COACH, organisation=provider.organisation)
        programme = ProgrammeFactory(provider=provider)
        job_seeker = JobSeekerFactory(
            municipality=amsterdam, contact_person=caseworker, phone="0612345678"
        )
        person = job_seeker_login(job_seeker)
        admin = UserFactory.with_role(Role.FUNCTIONAL_ADMIN, municipality=amsterdam)
        trajectories = [
            TrajectoryFactory(job_seeker=job_seeker, programme=programme, coach=coach, **state)
            for state in ({}, {"accepted": True}, {"started": True}, {"completed": True})
        ]
        plans = [
            PlanFactory(job_seeker=job_seeker),
            PlanFactory(job_seeker=JobSeekerFactory(municipality=amsterdam), in_effect=True),
        ]
        from werkpad.notifications.models import Notification

        notifications = [
            Notification.objects.create(
                recipient=user, kind="term_near", topic="plan-review", url="/", key="k"
            )
            for user in (caseworker, coach, person)
        ]
        self.ids = {
            "notifications": [n.pk for n in notifications],
            "job-seekers": [job_seeker.pk],
            "trajectories": [t.pk for t in trajectories],
            "plans": [p.pk for p in plans],
            "programmes": [programme.pk],
            "providers": [provider.pk],
            "instruments": [InstrumentFactory(municipality=amsterdam).pk],
            "municipalities": [amsterdam.pk],
        }
        from werkpad.accounts.services import token_issue

        self.tokens = {
            role: token_issue(user=user)
            for role, user in zip(ROLES, (caseworker, coach, person, admin), strict=True)
        }

    def existing_id(self, path: str, generated) -> object:
        kind = path.strip("/").split("/")[0]
        known = self.ids.get(kind)
        if not known or not isinstance(generated, int) or generated % 2:
            return generated
        return known[generated // 2 % len(known)]


@pytest.fixture
def world(db, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))
    return World()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, world):
    if "id" in (case.path_parameters or {}):
        case.path_parameters["id"] = world.existing_id(case.path, case.path_parameters["id"])
    for role in ROLES:
        response = case.call(app=APP, headers={"Authorization": f"Token {world.tokens[role]}"})
        case.validate_response(response, checks=CHECKS)
