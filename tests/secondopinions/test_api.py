"""RI3 in the API: the decision contract, problem+json naming `motivation`, the lifecycle
as 409, the list's query count."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import JobSeekerFactory
from tests.secondopinions.factories import ADVICE, MOTIVATION, SecondOpinionFactory
from werkpad.secondopinions.models import SecondOpinion

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]


@pytest.fixture
def discussed(job_seeker, advisor):
    return SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, discussed=True)


def decide(api, user, so, body):
    return api.as_user(user).post(f"/api/v1/second-opinions/{so.pk}/decision", body, format="json")


def test_a_rejection_without_motivation_is_400_naming_motivation(api, caseworker, discussed):
    """RI3: `POST /decision` with rejects and no motivation answers 400 problem+json."""
    response = decide(api, caseworker, discussed, {"decision": "rejects"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert [p["name"] for p in body["invalidParams"]] == ["motivation"]
    assert body["invalidParams"][0]["code"] == "motivation-required"
    discussed.refresh_from_db()
    assert discussed.status == "discussed" and discussed.decision == ""


@pytest.mark.parametrize(
    ("decision", "motivation", "code"),
    [
        ("rejects", "Niet akkoord, conform beleid.", "motivation-boilerplate"),
        ("partly_follows", "Deels. Zie dossier voor de rest.", "motivation-too-short"),
    ],
)
def test_boilerplate_and_short_motivations_are_400(
    api, caseworker, discussed, decision, motivation, code
):
    response = decide(api, caseworker, discussed, {"decision": decision, "motivation": motivation})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0] == {
        "name": "motivation",
        "code": code,
        "reason": response.json()["invalidParams"][0]["reason"],
    }


def test_a_rejection_with_a_motivation_is_accepted(api, caseworker, discussed):
    response = decide(api, caseworker, discussed, {"decision": "rejects", "motivation": MOTIVATION})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "decided" and body["decision"] == "rejects"
    assert body["motivation"] == MOTIVATION
    assert body["advice"] == ADVICE


def test_deciding_before_the_meeting_is_409(api, caseworker, job_seeker, advisor):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, advised=True)
    response = decide(api, caseworker, so, {"decision": "follows"})
    assert response.status_code == 409
    assert response.json()["code"] == "second-opinion-transition-refused"


def test_an_unknown_field_is_refused(api, caseworker, discussed):
    response = decide(api, caseworker, discussed, {"decision": "follows", "reason": "x"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "reason"


def test_the_whole_way_through_the_api(api, caseworker, job_seeker, programme, advisor):
    created = api.as_user(caseworker).post(
        "/api/v1/second-opinions",
        {"jobSeeker": job_seeker.pk, "programme": programme.pk, "question": "Past dit?"},
        format="json",
    )
    assert created.status_code == 201, created.content
    so = created.json()
    assert so["status"] == "assigned" and so["termEndsOn"] == "2026-12-07"
    assert so["advisorId"] == advisor.pk
    advised = api.as_user(advisor).post(
        f"/api/v1/second-opinions/{so['id']}/advice", {"advice": ADVICE}, format="json"
    )
    assert advised.json()["status"] == "advised" and advised.json()["termMet"] is True
    met = api.as_user(caseworker).post(
        f"/api/v1/second-opinions/{so['id']}/meeting",
        {"heldOn": "2026-11-23", "present": "Werkzoekende, klantmanager", "notes": "Besproken."},
        format="json",
    )
    assert met.json()["meeting"]["heldOn"] == "2026-11-23"
    done = api.as_user(caseworker).post(
        f"/api/v1/second-opinions/{so['id']}/decision",
        {"decision": "partly_follows", "motivation": MOTIVATION},
        format="json",
    )
    assert done.json()["decision"] == "partly_follows"


def test_the_list_query_count_does_not_grow(
    api, caseworker, advisor, amsterdam, django_assert_max_num_queries
):
    def count_queries():
        with django_assert_max_num_queries(12) as captured:
            response = api.as_user(caseworker).get("/api/v1/second-opinions")
        assert response.status_code == 200
        return len(captured)

    SecondOpinionFactory(job_seeker=JobSeekerFactory(municipality=amsterdam), advisor=advisor)
    count_queries()  # the first request of a session also reads what stays cached
    one = count_queries()
    for _ in range(9):
        SecondOpinionFactory(job_seeker=JobSeekerFactory(municipality=amsterdam), advisor=advisor)
    assert count_queries() == one
    assert SecondOpinion.objects.count() == 10


def test_the_advisors_page_list_query_count_does_not_grow(
    client, advisor, amsterdam, django_assert_max_num_queries, settings
):
    """RI3: the advisor's own list, overdue first, with a bounded number of queries."""
    settings.WERKPAD_STAFF_2FA = False
    client.force_login(advisor)

    def count_queries():
        with django_assert_max_num_queries(20) as captured:
            assert client.get("/adviezen/").status_code == 200
        return len(captured)

    SecondOpinionFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam), advisor=advisor, assigned=True
    )
    count_queries()  # the first request of a session also reads what stays cached
    one = count_queries()
    for n in range(9):
        SecondOpinionFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam),
            advisor=advisor,
            assigned=True,
            term_ends_on=dt.date(2026, 11, 10 + n),
        )
    assert count_queries() == one
    html = client.get("/adviezen/").content.decode()
    # the earliest term (overdue) leads
    assert html.index("10-11-2026") < html.index("30-11-2026")
