"""RI5, TR4: every role x every consent page and endpoint.

The job seeker reads and answers their own consents; the caseworkers of their
municipality read them and record or ask for one; every other role is refused (403 on
the job seeker's pages, 404 where the file is not theirs to see), an anonymous visitor
is sent to the login page (401 in the API). A refused request changes nothing.
"""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import give_consent
from werkpad.consents.models import Consent, ConsentChange
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role

pytestmark = [pytest.mark.django_db, pytest.mark.access_matrix]

ANONYMOUS = "anonymous"
ROLES = [*Role, ANONYMOUS]
OTHERS = [r for r in Role if r not in (Role.JOB_SEEKER, Role.CASEWORKER)]


def row(job_seeker, caseworker, others, anonymous):
    return {
        Role.JOB_SEEKER: job_seeker,
        Role.CASEWORKER: caseworker,
        **dict.fromkeys(OTHERS, others),
        ANONYMOUS: anonymous,
    }


#: name -> (method, path (filled in), body for a caseworker, body for the job seeker, expected)
ENDPOINTS = {
    "page": ("get", "/mijn/toestemming/", None, None, row(200, 403, 403, 302)),
    "page give": (
        "post",
        "/mijn/toestemming/geven/",
        {"recipient": "employers", "part": "preferences"},
        {"recipient": "employers", "part": "preferences"},
        row(302, 403, 403, 302),
    ),
    "page withdraw": (
        "post",
        "/mijn/toestemming/{given}/intrekken/",
        {},
        {},
        row(302, 403, 403, 302),
    ),
    "page refuse": (
        "post",
        "/mijn/toestemming/{asked}/weigeren/",
        {},
        {},
        row(302, 403, 403, 302),
    ),
    "record": (
        "post",
        "/toestemming/{job_seeker}/vastleggen/",
        {
            "action": "withdraw",
            "recipient": "provider:{organisation}",
            "part": "work",
            "channel": "paper",
        },
        {
            "action": "withdraw",
            "recipient": "provider:{organisation}",
            "part": "work",
            "channel": "paper",
        },
        row(404, 302, 404, 302),
    ),
    "api list": (
        "get",
        "/api/v1/job-seekers/{job_seeker}/consents",
        None,
        None,
        row(200, 200, 404, 401),
    ),
    "api create": (
        "post",
        "/api/v1/job-seekers/{job_seeker}/consents",
        {
            "recipient": "provider",
            "organisation": "{organisation}",
            "part": "circumstances",
            "status": "requested",
        },
        {
            "recipient": "provider",
            "organisation": "{organisation}",
            "part": "circumstances",
            "status": "requested",
        },
        row(403, 201, 404, 401),
    ),
    "api read": ("get", "/api/v1/consents/{given}", None, None, row(200, 200, 404, 401)),
    "api giving": (
        "post",
        "/api/v1/consents/{asked}/giving",
        {"channel": "desk"},
        {},
        row(200, 200, 404, 401),
    ),
    "api withdrawal": (
        "post",
        "/api/v1/consents/{given}/withdrawal",
        {"channel": "phone"},
        {},
        row(200, 200, 404, 401),
    ),
    "api refusal": (
        "post",
        "/api/v1/consents/{asked}/refusal",
        {"channel": "phone"},
        {},
        row(200, 200, 404, 401),
    ),
}


def test_the_table_covers_every_role_and_endpoint():
    assert all(set(spec[4]) == set(ROLES) for spec in ENDPOINTS.values())


def state():
    return (
        list(Consent.objects.order_by("pk").values("pk", "status", "version")),
        ConsentChange.objects.count(),
    )


def fill(value, ids):
    if isinstance(value, dict):
        return {k: fill(v, ids) for k, v in value.items()}
    if isinstance(value, str):
        filled = value.format(**ids)
        return int(filled) if filled.isdigit() and value.startswith("{") else filled
    return value


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("role", ROLES)
def test_consent_access(role, endpoint, seeker, provider, role_user):
    method, path, body, own_body, expected = ENDPOINTS[endpoint]
    given = give_consent(seeker, part="work", organisation=provider.organisation)
    asked = give_consent(
        seeker, part="health", organisation=provider.organisation, status="requested"
    )
    ids = {
        "job_seeker": seeker.pk,
        "organisation": provider.organisation_id,
        "given": given.pk,
        "asked": asked.pk,
    }
    api = path.startswith("/api/")
    client = APIClient() if api else Client()
    if role == Role.JOB_SEEKER:
        user = seeker.user
    elif role != ANONYMOUS:
        user = role_user(role)
    if role != ANONYMOUS:
        if api:
            client.force_authenticate(user=user)
        else:
            client.force_login(user)
    data = fill(own_body if role == Role.JOB_SEEKER else body, ids)
    before = state()
    url = fill(path, ids)
    if method == "get":
        response = client.get(url)
    elif api:
        response = client.post(url, data, format="json")
    else:
        response = client.post(url, data)
    assert response.status_code == expected[role], (role, endpoint, response.content[:300])
    if response.status_code >= 300 and not (response.status_code == 302 and role != ANONYMOUS):
        assert state() == before
    if method == "post" and response.status_code in (200, 201, 302) and role != ANONYMOUS:
        assert state() != before
        assert AuditEvent.objects.filter(job_seeker_id=seeker.pk, purpose="consent change").exists()
