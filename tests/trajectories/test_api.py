"""/api/v1/trajectories: referral, lifecycle sub-resources, progress reports, query counts."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import JobSeekerFactory, TrajectoryFactory
from werkpad.core.minimum_wage import minimum_wage_add
from werkpad.core.models import AuditEvent
from werkpad.trajectories.handover import DEFAULT_FIELDS
from werkpad.trajectories.models import ProgressReport, Trajectory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]
BASE = "/api/v1/trajectories"


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def referral_body(job_seeker, programme, **extra):
    return {
        "jobSeeker": job_seeker.pk,
        "programme": programme.pk,
        "reason": "Wil in de zorg werken.",
        "handoverFields": [camel(f) for f in DEFAULT_FIELDS],
    } | extra


def test_refer_accept_start_report_and_read(api, caseworker, coach, complete_job_seeker, programme):
    response = api.as_user(caseworker).post(
        BASE, referral_body(complete_job_seeker, programme), format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "referred" and body["reason"] == "Wil in de zorg werken."
    assert body["handover"]["wishes"] == "Werken in de zorg"
    assert body["referredOn"] == "2026-11-23"
    tid = body["id"]

    coach_api = api.as_user(coach)
    before = coach_api.get(f"{BASE}/{tid}").json()
    assert before["handover"] is None and before["jobSeekerName"] is None
    assert before["expertiseMatch"] == []
    accepted = coach_api.post(f"{BASE}/{tid}/acceptance", {"version": 1}, format="json")
    assert accepted.status_code == 200, accepted.json()
    assert accepted.json()["handover"]["firstName"] == complete_job_seeker.first_name
    started = coach_api.post(f"{BASE}/{tid}/start", {"version": 2}, format="json").json()
    assert started["status"] == "started" and started["nextReportDue"] == "2026-12-21"
    report = coach_api.post(
        f"{BASE}/{tid}/progress-reports", {"progress": "Goed begonnen."}, format="json"
    )
    assert report.status_code == 201, report.json()
    listed = coach_api.get(f"{BASE}/{tid}/progress-reports").json()
    assert listed["count"] == 1 and listed["results"][0]["progress"] == "Goed begonnen."


def test_an_illegal_transition_answers_409_problem_json(api, coach, referral):
    response = api.as_user(coach).post(
        f"{BASE}/{referral.pk}/completion",
        {"version": 1, "endReport": {"outcome": "none"}},
        format="json",
    )
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "trajectory-transition-refused"
    referral.refresh_from_db()
    assert referral.status == "referred" and referral.version == 1


def test_a_stale_version_answers_409(api, coach, referral):
    response = api.as_user(coach).post(
        f"{BASE}/{referral.pk}/acceptance", {"version": 5}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "stale-edit"


def test_missing_handover_fields_answer_400_naming_them(
    api, caseworker, complete_job_seeker, programme
):
    response = api.as_user(caseworker).post(
        BASE,
        referral_body(complete_job_seeker, programme, handoverFields=["firstName"]),
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    params = response.json()["invalidParams"]
    assert params[0]["name"] == "handoverFields"
    assert "wishes" in params[0]["reason"] or "wensen" in params[0]["reason"]
    assert not Trajectory.objects.exists()


def test_unknown_fields_are_refused(api, caseworker, complete_job_seeker, programme):
    response = api.as_user(caseworker).post(
        BASE, referral_body(complete_job_seeker, programme, ethnicity="x"), format="json"
    )
    assert response.status_code == 400


def test_early_end_needs_a_reason(api, caseworker, complete_job_seeker):
    trajectory = TrajectoryFactory(job_seeker=complete_job_seeker, started=True)
    response = api.as_user(caseworker).post(
        f"{BASE}/{trajectory.pk}/early-end", {"version": 1, "reason": ""}, format="json"
    )
    assert response.status_code == 400
    response = api.as_user(caseworker).post(
        f"{BASE}/{trajectory.pk}/early-end", {"version": 1, "reason": "Verhuisd."}, format="json"
    )
    assert response.status_code == 200 and response.json()["endReason"] == "Verhuisd."


def test_the_health_section_reaches_only_who_may_read_it(
    api, caseworker, colleague, complete_job_seeker, coach, programme
):
    """TR4: written with consent; the contact person reads it, another caseworker does not."""
    trajectory = TrajectoryFactory(
        job_seeker=complete_job_seeker, programme=programme, started=True, health_consent=True
    )
    api.as_user(coach).post(
        f"{BASE}/{trajectory.pk}/progress-reports",
        {"progress": "Gaat goed.", "healthSection": "Slaapt slecht."},
        format="json",
    )
    seen = api.as_user(caseworker).get(f"{BASE}/{trajectory.pk}/progress-reports").json()
    assert seen["results"][0]["healthSection"] == "Slaapt slecht."
    other = api.as_user(colleague).get(f"{BASE}/{trajectory.pk}/progress-reports").json()
    assert other["results"][0]["healthSection"] == ""


def test_list_filters(api, caseworker, complete_job_seeker):
    TrajectoryFactory(job_seeker=complete_job_seeker)
    overdue = TrajectoryFactory(job_seeker=complete_job_seeker, report_overdue=True)
    client = api.as_user(caseworker)
    assert client.get(BASE).json()["count"] == 2
    assert [r["id"] for r in client.get(f"{BASE}?reportOverdue=true").json()["results"]] == [
        overdue.pk
    ]
    assert client.get(f"{BASE}?status=referred").json()["count"] == 1
    assert client.get(f"{BASE}?status=nonsense").status_code == 400
    assert AuditEvent.objects.filter(object_type="trajectory", action="search").exists()


@pytest.mark.parametrize("path", ["", "/progress-reports"])
def test_query_counts_are_flat(api, caseworker, amsterdam, path):
    counts = []
    client = api.as_user(caseworker)
    client.get(BASE)  # reads the user's memberships once
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    target = TrajectoryFactory(job_seeker=job_seeker, started=True)
    made = 1
    for size in (1, 10, 50):
        while made < size:
            if path:
                ProgressReport.objects.create(trajectory=target, progress="Verslag")
            else:
                TrajectoryFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
            made += 1
        url = f"{BASE}/{target.pk}{path}?pageSize=100" if path else f"{BASE}?pageSize=100"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2], counts


def test_the_end_report_says_its_wage_check_waits_then_finds(
    api, caseworker, coach, job_seeker, programme
):
    """TR6 in the API: completion with work after the table answers 200; the end report
    carries ``wageCheck`` and ``minimumWageDate``, and after the rate the finding."""
    trajectory = TrajectoryFactory(job_seeker=job_seeker, programme=programme, started=True)
    response = api.as_user(coach).post(
        f"{BASE}/{trajectory.pk}/completion",
        {
            "version": 1,
            "endReport": {
                "outcome": "work",
                "contractType": "permanent",
                "hoursPerWeek": "36",
                "hourlyWage": "14.90",
                "employerName": "Bakkerij Zuid",
                "workStartDate": "2026-10-05",
                "caoConform": True,
            },
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    report = response.json()["endReport"]
    assert report["wageCheck"] == "waiting_for_rate"
    assert report["minimumWageDate"] == "2026-07-01" and report["minimumWage"] is None
    minimum_wage_add(valid_from=dt.date(2026, 7, 1), adult_hourly=Decimal("15.00"), source="SZW")
    report = api.as_user(caseworker).get(f"{BASE}/{trajectory.pk}").json()["endReport"]
    assert (report["wageCheck"], report["minimumWage"]) == ("below_minimum", "15.00")


def test_resuming_an_accepted_trajectory_says_it_has_not_started(api, coach, referral):
    """TR2: the refusal speaks of the step that was tried, in Dutch by default."""
    client = api.as_user(coach)
    accepted = client.post(f"{BASE}/{referral.pk}/acceptance", {"version": 1}, format="json")
    assert accepted.status_code == 200
    response = client.post(f"{BASE}/{referral.pk}/resumption", {"version": 2}, format="json")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "trajectory-transition-refused"
    assert body["detail"] == (
        "Dit traject is nog niet gestart, dus hervatten kan niet: start het traject."
    )
    referral.refresh_from_db()
    assert referral.status == "accepted" and referral.version == 2


def test_a_referral_outside_the_target_group_answers_400_with_a_stable_code(
    api, caseworker, coach, complete_job_seeker, provider
):
    """TR1: the reason is required outside the target group, and the provider reads it."""
    from tests.factories import ProgrammeFactory

    complete_job_seeker.birth_date = dt.date(1967, 5, 17)
    complete_job_seeker.save()
    youth = ProgrammeFactory(provider=provider, target_groups=["young"])
    body = {
        "jobSeeker": complete_job_seeker.pk,
        "programme": youth.pk,
        "reason": "Wil in de jeugdzorg werken.",
        "handoverFields": [camel(f) for f in DEFAULT_FIELDS],
    }
    client = api.as_user(caseworker)
    refused = client.post(BASE, body, format="json")
    assert refused.status_code == 400 and refused["Content-Type"] == "application/problem+json"
    assert [(p["name"], p["code"]) for p in refused.json()["invalidParams"]] == [
        ("targetGroupReason", "target-group-reason-required")
    ]
    assert not Trajectory.objects.exists()
    created = client.post(BASE, {**body, "targetGroupReason": "Ervaren als oppas."}, format="json")
    assert created.status_code == 201, created.content
    tid = created.json()["id"]
    read = api.__class__().as_user(coach).get(f"{BASE}/{tid}").json()
    assert read["targetGroupReason"] == "Ervaren als oppas."


def test_end_report_refusals_name_the_fields_in_camel_case(api, coach, refer, time_machine):
    """invalidParams names the body's fields, inside endReport, never the model's names."""
    from werkpad.trajectories import services

    time_machine.move_to(dt.datetime(2026, 5, 4, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))
    referral = refer()
    services.trajectory_accept(user=coach, trajectory_id=referral.pk, expected_version=1)
    services.trajectory_start(
        user=coach, trajectory_id=referral.pk, expected_version=2, started_on=None
    )
    url = f"{BASE}/{referral.pk}/completion"
    missing = api.as_user(coach).post(
        url, {"version": 3, "endReport": {"outcome": "work"}}, format="json"
    )
    assert missing.status_code == 400
    assert {p["name"] for p in missing.json()["invalidParams"]} == {
        "endReport.contractType",
        "endReport.hoursPerWeek",
        "endReport.hourlyWage",
        "endReport.employerName",
        "endReport.workStartDate",
        "endReport.caoConform",
    }
    low = api.as_user(coach).post(
        url,
        {
            "version": 3,
            "endReport": {
                "outcome": "work",
                "contractType": "permanent",
                "hoursPerWeek": "32.0",
                "hourlyWage": "5.00",
                "employerName": "Zorggroep Noord",
                "workStartDate": "2026-06-01",
                "caoConform": True,
            },
        },
        format="json",
    )
    assert low.status_code == 400
    assert [p["name"] for p in low.json()["invalidParams"]] == ["endReport.hourlyWage"]
    referral.refresh_from_db()
    assert referral.status == "started"


@pytest.mark.parametrize("value", ["1", "0", "yes", "TRUE", "maybe"])
def test_report_overdue_takes_true_or_false_only(api, caseworker, value):
    """Like every boolean filter of the API (``labourDisability``, ``profileOverdue``)."""
    response = api.as_user(caseworker).get(f"{BASE}?reportOverdue={value}")
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["reportOverdue"]
