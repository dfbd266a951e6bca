"""Who may do what with trajectories: every role x every action, API and UI.

* a caseworker refers job seekers of their municipality, follows every trajectory
  there and may end one early, but does not act for the provider;
* the provider's coach sees referrals to their provider, accepts them, writes reports;
  a coach of another provider sees none of it;
* the job seeker reads their own trajectory and its reports and changes nothing;
* every other role sees no trajectory; without a login the API answers 401 and the UI
  sends you to the login page.

Every refusal also proves that nothing changed.
"""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.test import Client
from rest_framework.test import APIClient

from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core import privacy
from werkpad.core.api import camel
from werkpad.core.deadlines import add_months
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.trajectories.handover import DEFAULT_FIELDS
from werkpad.trajectories.models import (
    EndReport,
    Evaluation,
    ProgressReport,
    StatusChange,
    Trajectory,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]

ANONYMOUS = "anonymous"
OTHER_COACH = "coach of another provider"
ROLES = [*Role, OTHER_COACH, ANONYMOUS]
NOBODY = [
    Role.EMPLOYER_ADVISOR,
    Role.EMPLOYER,
    Role.ADVISOR,
    Role.COMPLAINT_HANDLER,
    Role.COUNCIL_MEMBER,
    Role.POLICY_OFFICER,
    Role.FUNCTIONAL_ADMIN,
]

API_ACTIONS = [
    "list",
    "read",
    "read another municipality's",
    "refer",
    "accept",
    "write progress report",
    "end early",
    "read progress reports",
    "decline",
    "start",
    "suspend",
    "resume",
    "complete",
    "evaluate",
]
#: The steps only the provider's coach takes.
COACH_STEPS = ["accept", "decline", "start", "suspend", "resume", "complete"]
_NONE_API = dict.fromkeys(API_ACTIONS, 404) | {"list": 403, "refer": 403}
API_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "refer": 201,
        **dict.fromkeys(COACH_STEPS, 403),
        "write progress report": 403,
        "end early": 200,
        "read progress reports": 200,
        "evaluate": 201,
    },
    Role.COACH: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "refer": 403,
        **dict.fromkeys(COACH_STEPS, 200),
        "write progress report": 201,
        "end early": 200,
        "read progress reports": 200,
        "evaluate": 201,
    },
    Role.JOB_SEEKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "refer": 403,
        **dict.fromkeys(COACH_STEPS, 403),
        "write progress report": 403,
        "end early": 403,
        "read progress reports": 200,
        "evaluate": 403,
    },
    OTHER_COACH: _NONE_API | {"list": 200},
    **dict.fromkeys(NOBODY, _NONE_API),
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "list",
    "read",
    "read another municipality's",
    "referral form",
    "accept",
    "report",
    "end report form",
    "complete",
    "evaluation form",
    "evaluate",
]
_NONE_UI = dict.fromkeys(UI_ACTIONS, 404) | {"list": 403, "referral form": 403}
UI_EXPECTED = {
    Role.CASEWORKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "referral form": 200,
        "accept": 403,
        "report": 403,
        "end report form": 403,
        "complete": 403,
        "evaluation form": 200,
        "evaluate": 302,
    },
    Role.COACH: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "referral form": 403,
        "accept": 302,
        "report": 302,
        "end report form": 200,
        "complete": 302,
        "evaluation form": 200,
        "evaluate": 302,
    },
    Role.JOB_SEEKER: {
        "list": 200,
        "read": 200,
        "read another municipality's": 404,
        "referral form": 403,
        "accept": 403,
        "report": 403,
        "end report form": 403,
        "complete": 403,
        "evaluation form": 403,
        "evaluate": 403,
    },
    OTHER_COACH: _NONE_UI | {"list": 200},
    **dict.fromkeys(NOBODY, _NONE_UI),
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam, zaandam, caseworker):
    provider = ProviderFactory(municipality=amsterdam)
    programme = ProgrammeFactory(provider=provider)
    person = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        phone="0612345678",
        wishes="Werken in de zorg",
        possibilities="Vier dagen",
    )
    other = TrajectoryFactory(job_seeker=JobSeekerFactory(other_municipality=True))
    return SimpleNamespace(
        provider=provider,
        programme=programme,
        person=person,
        referred=TrajectoryFactory(job_seeker=person, programme=programme),
        accepted=TrajectoryFactory(job_seeker=person, programme=programme, accepted=True),
        running=TrajectoryFactory(job_seeker=person, programme=programme, started=True),
        suspended=TrajectoryFactory(job_seeker=person, programme=programme, suspended=True),
        ended=TrajectoryFactory(job_seeker=person, programme=programme, ended_early=True),
        other=other,
    )


def user_for(role, world, caseworker):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(world.person)
    if role == Role.CASEWORKER:
        return caseworker
    if role == Role.COACH:
        return UserFactory.with_role(Role.COACH, organisation=world.provider.organisation)
    if role == OTHER_COACH:
        other = ProviderFactory(municipality=world.provider.municipality)
        return UserFactory.with_role(Role.COACH, organisation=other.organisation)
    return UserFactory.with_role(role, municipality=world.provider.municipality)


def state():
    return (
        list(Trajectory.objects.order_by("pk").values()),
        list(StatusChange.objects.order_by("pk").values()),
        list(ProgressReport.objects.order_by("pk").values()),
        list(EndReport.objects.order_by("pk").values()),
        list(Evaluation.objects.order_by("pk").values()),
    )


EVALUATION = {
    "choices_made": "Praktijkgericht.",
    "guidance_style": "Coachend.",
    "what_worked": "Vaste contactmomenten.",
    "what_did_not": "De wachttijd.",
    "job_seeker_view": "Tevreden.",
}


def call_api(client, action, world):
    base = "/api/v1/trajectories"
    match action:
        case "list":
            return client.get(base)
        case "read":
            return client.get(f"{base}/{world.referred.pk}")
        case "read another municipality's":
            return client.get(f"{base}/{world.other.pk}")
        case "refer":
            return client.post(
                base,
                {
                    "jobSeeker": world.person.pk,
                    "programme": world.programme.pk,
                    "reason": "Past bij de wensen.",
                    "handoverFields": [
                        n.split("_")[0] + "".join(p.title() for p in n.split("_")[1:])
                        for n in DEFAULT_FIELDS
                    ],
                },
                format="json",
            )
        case "accept":
            return client.post(
                f"{base}/{world.referred.pk}/acceptance", {"version": 1}, format="json"
            )
        case "write progress report":
            return client.post(
                f"{base}/{world.running.pk}/progress-reports",
                {"progress": "Voortgang."},
                format="json",
            )
        case "end early":
            return client.post(
                f"{base}/{world.running.pk}/early-end",
                {"version": 1, "reason": "Verhuisd."},
                format="json",
            )
        case "read progress reports":
            return client.get(f"{base}/{world.running.pk}/progress-reports")
        case "decline":
            return client.post(
                f"{base}/{world.referred.pk}/declination",
                {"version": 1, "reason": "Geen plek."},
                format="json",
            )
        case "start":
            return client.post(f"{base}/{world.accepted.pk}/start", {"version": 1}, format="json")
        case "suspend":
            return client.post(
                f"{base}/{world.running.pk}/suspension",
                {"version": 1, "reason": "Ziek."},
                format="json",
            )
        case "resume":
            return client.post(
                f"{base}/{world.suspended.pk}/resumption", {"version": 1}, format="json"
            )
        case "complete":
            return client.post(
                f"{base}/{world.running.pk}/completion",
                {"version": 1, "endReport": {"outcome": "none"}},
                format="json",
            )
        case "evaluate":
            return client.post(
                f"{base}/{world.ended.pk}/evaluation",
                {camel(name): text for name, text in EVALUATION.items()},
                format="json",
            )


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world, caseworker):
    user = user_for(role, world, caseworker)
    client = APIClient()
    if user is not None:
        client.force_authenticate(user=user)
    before = state()
    response = call_api(client, action, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400 or action.startswith(("read", "list")):
        assert state() == before
    else:
        assert state() != before


def call_ui(client, action, world):
    match action:
        case "list":
            return client.get("/trajecten/")
        case "read":
            return client.get(f"/trajecten/{world.referred.pk}/")
        case "read another municipality's":
            return client.get(f"/trajecten/{world.other.pk}/")
        case "referral form":
            return client.get(f"/trajecten/aanmelden/{world.person.pk}/")
        case "accept":
            return client.post(f"/trajecten/{world.referred.pk}/accepteren/", {"version": 1})
        case "report":
            return client.post(
                f"/trajecten/{world.running.pk}/rapportage/", {"progress": "Voortgang."}
            )
        case "end report form":
            return client.get(f"/trajecten/{world.running.pk}/afronden/")
        case "complete":
            return client.post(
                f"/trajecten/{world.running.pk}/afronden/", {"version": 1, "outcome": "none"}
            )
        case "evaluation form":
            return client.get(f"/trajecten/{world.ended.pk}/evaluatie/")
        case "evaluate":
            return client.post(f"/trajecten/{world.ended.pk}/evaluatie/", EVALUATION)


#: The pages that change a trajectory (answering 302 to those who may).
UI_WRITES = {"accept", "report", "complete", "evaluate"}


@pytest.mark.parametrize("action", UI_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, caseworker, settings):
    settings.WERKPAD_STAFF_2FA = False
    user = user_for(role, world, caseworker)
    client = Client()
    if user is not None:
        client.force_login(user)
    before = state()
    response = call_ui(client, action, world)
    expected = UI_EXPECTED[role][action]
    assert response.status_code == expected, (role, action)
    if role == ANONYMOUS:
        assert response["Location"].startswith("/accounts/login/?next=")
    if action in UI_WRITES and expected == 302 and role != ANONYMOUS:
        assert state() != before
    else:
        assert state() == before


def test_a_coach_reads_no_job_seeker_file(world, caseworker):
    """The coach sees the handover through the trajectory, never the file itself."""
    coach = user_for(Role.COACH, world, caseworker)
    client = APIClient()
    client.force_authenticate(user=coach)
    assert client.get(f"/api/v1/job-seekers/{world.person.pk}").status_code == 404


# --- Access ends with its purpose (TR4) ---------------------------------------------------

ENDINGS = ["completed", "ended_early", "declined"]
PHONE = "0687654321"
WISHES = "Werken bij de dierenambulance"
LIMITATION = "Kan niet tillen door een hernia."
HEALTH_SECTION = "Slaapt slecht sinds de verhuizing."
OWN_REPORT = "Twee sollicitaties verstuurd; gesprek bij de kinderboerderij."
END_SUMMARY = "Afgerond met een werkervaringsplaats."
LESSON = "De vaste contactmomenten werkten goed."
#: What the caseworker wrote at referral may speak of the job seeker: it goes with the handover.
REFERRAL_REASON = "Wil met dieren werken; de groepsaanpak past bij haar."
ALTERNATIVES_NOTE = "Tuinproject afgewezen vanwege haar rugklachten."
TARGET_GROUP_REASON = "Ouder dan de doelgroep, maar wil juist dit vak leren."
SECRETS = (
    PHONE,
    WISHES,
    LIMITATION,
    HEALTH_SECTION,
    REFERRAL_REASON,
    ALTERNATIVES_NOTE,
    TARGET_GROUP_REASON,
)


@pytest.fixture
def finished(amsterdam, caseworker):
    """``finished(status)``: a trajectory in ``status`` with consent to share health items,
    a health item in its handover and, from started on, a report with a health section, an
    end report and an evaluation written by the provider's coach."""
    provider = ProviderFactory(municipality=amsterdam)
    coach = UserFactory.with_role(Role.COACH, organisation=provider.organisation)
    programme = ProgrammeFactory(provider=provider)
    # A name no generated coach, caseworker or provider carries, so that finding it on a
    # page can only mean the job seeker's name leaked.
    person = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        first_name="Wendelmoet",
        last_name="Oudkerk-Zwanenburg",
    )

    def make(status):
        trajectory = TrajectoryFactory(
            job_seeker=person,
            programme=programme,
            coach=coach,
            health_consent=True,
            reason=REFERRAL_REASON,
            alternatives_note=ALTERNATIVES_NOTE,
            target_group_reason=TARGET_GROUP_REASON,
            handover={
                "first_name": person.first_name,
                "last_name": person.last_name,
                "phone": PHONE,
                "education_level": person.education_level,
                "ladder_rung": person.ladder_rung,
                "wishes": WISHES,
                "possibilities": "Drie dagen",
                "labour_disability": True,
                "limitations": LIMITATION,
            },
            **{status: True},
        )
        if status != "declined":
            ProgressReport.objects.create(
                trajectory=trajectory,
                written_by=coach,
                progress=OWN_REPORT,
                health_section=HEALTH_SECTION,
            )
        if status == "completed":
            EndReport.objects.create(
                trajectory=trajectory, outcome="none", summary=END_SUMMARY, written_by=coach
            )
        if status in ("completed", "ended_early"):
            Evaluation.objects.create(
                trajectory=trajectory,
                written_by=coach,
                choices_made="Praktijkgericht.",
                guidance_style="Coachend.",
                what_worked=LESSON,
                what_did_not="De wachttijd.",
                job_seeker_view="Tevreden.",
            )
        return SimpleNamespace(trajectory=trajectory, coach=coach)

    return make


def _api(user):
    client = APIClient()
    client.force_authenticate(user=user)
    return client


@pytest.mark.parametrize("status", ["started", "suspended"])
def test_while_it_runs_the_coach_reads_the_handover_and_health_items(status, finished):
    """The contrast to the end states below: with consent, the coach reads it all."""
    world = finished(status)
    body = _api(world.coach).get(f"/api/v1/trajectories/{world.trajectory.pk}").json()
    assert body["handover"]["phone"] == PHONE and body["handover"]["limitations"] == LIMITATION
    reports = _api(world.coach).get(f"/api/v1/trajectories/{world.trajectory.pk}/progress-reports")
    assert reports.json()["results"][0]["healthSection"] == HEALTH_SECTION
    assert (body["reason"], body["alternativesNote"], body["targetGroupReason"]) == (
        REFERRAL_REASON,
        ALTERNATIVES_NOTE,
        TARGET_GROUP_REASON,
    )


@pytest.mark.parametrize("status", ENDINGS)
def test_api_after_the_end_the_coach_reads_only_what_the_provider_wrote(
    status, finished, caseworker
):
    """TR4: once completed, ended early or declined, the coach no longer reads the handover,
    the needs drawn from it or any health section; the reports, end report and evaluation
    the provider wrote stay readable."""
    world = finished(status)
    base = f"/api/v1/trajectories/{world.trajectory.pk}"
    coach = _api(world.coach)
    read = coach.get(base)
    assert read.status_code == 200
    body = read.json()
    assert body["handover"] is None
    assert body["jobSeekerName"] is None
    assert body["expertiseMatch"] == []
    reports = coach.get(f"{base}/progress-reports")
    assert reports.status_code == 200
    listed = coach.get("/api/v1/trajectories").json()["results"]
    assert [row["jobSeekerName"] for row in listed] == [None]
    everything = read.content.decode() + reports.content.decode() + json.dumps(listed)
    for secret in SECRETS:
        assert secret not in everything, secret
    if status != "declined":
        assert [r["progress"] for r in reports.json()["results"]] == [OWN_REPORT]
        assert reports.json()["results"][0]["healthSection"] == ""
        assert body["evaluation"]["whatWorked"] == LESSON
    else:
        assert body["declineReason"] == "Geen plek in de groep."
    if status == "completed":
        assert body["endReport"]["summary"] == END_SUMMARY
    event = AuditEvent.objects.filter(actor=world.coach, action="read").latest("id")
    assert not set(event.fields) & {"phone", "wishes", "limitations", "first_name"}

    before = state()
    refused = coach.post(f"{base}/progress-reports", {"progress": "Nog een."}, format="json")
    assert refused.status_code in (403, 409)
    assert state() == before

    # The caseworker, the job seeker's contact person, still reads everything.
    staff = _api(caseworker).get(base).json()
    assert staff["reason"] == REFERRAL_REASON and staff["targetGroupReason"] == TARGET_GROUP_REASON
    assert staff["handover"]["phone"] == PHONE and staff["handover"]["limitations"] == LIMITATION


@pytest.mark.parametrize("status", ENDINGS)
def test_ui_after_the_end_the_coach_reads_only_what_the_provider_wrote(status, finished, settings):
    settings.WERKPAD_STAFF_2FA = False
    world = finished(status)
    client = Client()
    client.force_login(world.coach)
    page = client.get(f"/trajecten/{world.trajectory.pk}/")
    assert page.status_code == 200
    content = page.content.decode()
    for secret in SECRETS:
        assert secret not in content, secret
    assert world.trajectory.job_seeker.last_name not in content
    assert 'id="handover-closed"' in content
    if status != "declined":
        assert OWN_REPORT in content and LESSON in content
    if status == "completed":
        assert END_SUMMARY in content
    listing = client.get("/trajecten/").content.decode()
    assert world.trajectory.job_seeker.last_name not in listing

    before = state()
    response = client.post(f"/trajecten/{world.trajectory.pk}/rapportage/", {"progress": "Nog"})
    assert response.status_code in (302, 403)
    assert state() == before


def _end(world) -> dt.date:
    trajectory = world.trajectory
    return trajectory.ended_on or trajectory.referred_on


@pytest.mark.parametrize("status", ENDINGS)
def test_the_coach_keeps_what_they_wrote_as_long_as_the_privacy_page_says(
    status, finished, caseworker, time_machine, settings
):
    """Readable until PROVIDER_KEEPS_OWN_RECORDS_YEARS after the end, then not at all."""
    settings.WERKPAD_STAFF_2FA = False
    world = finished(status)
    months = 12 * privacy.PROVIDER_KEEPS_OWN_RECORDS_YEARS
    last_day = add_months(_end(world), months) - dt.timedelta(days=1)
    pk = world.trajectory.pk
    client = Client()

    time_machine.move_to(dt.datetime.combine(last_day, dt.time(12), tzinfo=AMSTERDAM))
    client.force_login(world.coach)
    assert _api(world.coach).get(f"/api/v1/trajectories/{pk}").status_code == 200
    assert client.get(f"/trajecten/{pk}/").status_code == 200

    time_machine.move_to(
        dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(12), tzinfo=AMSTERDAM)
    )
    client.force_login(world.coach)
    before = state()
    coach = _api(world.coach)
    assert coach.get(f"/api/v1/trajectories/{pk}").status_code == 404
    assert coach.get(f"/api/v1/trajectories/{pk}/progress-reports").status_code == 404
    assert coach.get("/api/v1/trajectories").json()["results"] == []
    assert client.get(f"/trajecten/{pk}/").status_code == 404
    assert coach.post(
        f"/api/v1/trajectories/{pk}/evaluation", {"choicesMade": "x"}, format="json"
    ).status_code in (400, 404)
    assert state() == before
    assert _api(caseworker).get(f"/api/v1/trajectories/{pk}").status_code == 200


def test_the_privacy_page_the_programme_page_and_the_code_say_the_same(
    finished, monkeypatch, time_machine, amsterdam
):
    """The period on both pages is the constant the rules enforce: change it, and the pages
    and the coach's access change with it."""
    world = finished("completed")
    programme = world.trajectory.programme
    client = Client()
    for years in (privacy.PROVIDER_KEEPS_OWN_RECORDS_YEARS, 3):
        monkeypatch.setattr(privacy, "PROVIDER_KEEPS_OWN_RECORDS_YEARS", years)
        expected = render_to_string(
            "includes/provider_access.html", {"provider_keeps_years": years}
        ).strip()
        assert f"{years} jaar na het einde" in expected
        privacy_page = client.get("/privacy/").content.decode()
        programme_page = client.get(f"/aanbod/{programme.slug}/").content.decode()
        assert expected in privacy_page
        assert expected in programme_page

    # With three years, the coach still reads the trajectory two and a half years on.
    later = add_months(_end(world), 30)
    time_machine.move_to(dt.datetime.combine(later, dt.time(12), tzinfo=AMSTERDAM))
    assert _api(world.coach).get(f"/api/v1/trajectories/{world.trajectory.pk}").status_code == 200
