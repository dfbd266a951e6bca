"""RI5, TR4: the consents in the API: camelCase, problem+json on bad input, 409 on a step
out of turn, the list's query count."""

from __future__ import annotations

import pytest

from tests.factories import ProviderFactory, give_consent
from werkpad.consents.models import Consent

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def test_the_caseworker_records_a_paper_consent_and_the_job_seeker_withdraws_it(
    api, seeker, provider, caseworker
):
    api.as_user(caseworker)
    created = api.post(
        f"/api/v1/job-seekers/{seeker.pk}/consents",
        {
            "recipient": "provider",
            "organisation": provider.organisation_id,
            "part": "health",
            "status": "given",
            "channel": "paper",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["status"], body["channel"], body["part"]) == ("given", "paper", "health")
    assert body["fileFields"] == ["limitations", "attentionPsychological"]
    assert body["history"][0]["channel"] == "paper"
    api.force_authenticate(user=seeker.user)
    listed = api.get(f"/api/v1/job-seekers/{seeker.pk}/consents").json()
    assert [c["id"] for c in listed["results"]] == [body["id"]]
    withdrawn = api.post(f"/api/v1/consents/{body['id']}/withdrawal", {}, format="json")
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn"
    assert withdrawn.json()["history"][-1]["channel"] == "portal"


def test_bad_input_is_a_problem_naming_the_field(api, seeker, provider, caseworker, zaandam):
    api.as_user(caseworker)
    url = f"/api/v1/job-seekers/{seeker.pk}/consents"
    cases = [
        ({"recipient": "provider", "part": "nose", "status": "given"}, "part"),
        (
            {
                "recipient": "provider",
                "organisation": provider.organisation_id,
                "part": "work",
                "status": "given",
            },
            "channel",
        ),
        (
            {
                "recipient": "provider",
                "organisation": ProviderFactory(municipality=zaandam).organisation_id,
                "part": "work",
                "status": "given",
                "channel": "desk",
            },
            "organisation",
        ),
        ({"recipient": "employers", "part": "health", "status": "requested"}, "part"),
        ({"recipient": "employers", "part": "work", "status": "given", "extra": 1}, "extra"),
    ]
    for data, field in cases:
        response = api.post(url, data, format="json")
        assert response.status_code == 400, (data, response.content)
        assert response["Content-Type"] == PROBLEM
        assert field in str(response.json()["invalidParams"]), (data, response.json())
    assert not Consent.objects.exists()


def test_a_step_out_of_turn_is_409_and_changes_nothing(api, seeker, provider):
    consent = give_consent(seeker, part="work", organisation=provider.organisation)
    api.as_user(seeker.user)
    response = api.post(f"/api/v1/consents/{consent.pk}/refusal", {}, format="json")
    assert response.status_code == 409 and response["Content-Type"] == PROBLEM
    stale = api.post(f"/api/v1/consents/{consent.pk}/withdrawal", {"version": 5}, format="json")
    assert stale.status_code == 409
    consent.refresh_from_db()
    assert (consent.status, consent.version) == ("given", 1)


@pytest.mark.parametrize("count", [1, 12])
def test_the_list_costs_the_same_queries_at_any_length(
    count, api, seeker, caseworker, amsterdam, django_assert_max_num_queries
):
    for _index in range(count):
        organisation = ProviderFactory(municipality=amsterdam).organisation
        for part in ("work", "health"):
            give_consent(seeker, part=part, organisation=organisation)
    api.as_user(caseworker)
    with django_assert_max_num_queries(8):
        response = api.get(f"/api/v1/job-seekers/{seeker.pk}/consents?pageSize=50")
    assert response.status_code == 200 and len(response.json()["results"]) == 2 * count
