"""The trajectory pages: referral form, actions with reasons, end report, evaluation."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.factories import ProgrammeFactory, TrajectoryFactory
from werkpad.core.minimum_wage import minimum_wage_add
from werkpad.core.worklist import worklist_for
from werkpad.trajectories.handover import DEFAULT_FIELDS
from werkpad.trajectories.models import EndReport, Evaluation, Trajectory
from werkpad.trajectories.workflow import Status

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]


@pytest.fixture(autouse=True)
def _english(client, settings):
    settings.WERKPAD_STAFF_2FA = False
    client.cookies["django_language"] = "en"


def test_referral_form_shows_expertise_against_needs_and_refers(
    client, caseworker, complete_job_seeker, programme
):
    """TR1, TR9."""
    complete_job_seeker.attention_older = True
    complete_job_seeker.save()
    client.force_login(caseworker)
    url = f"/trajecten/aanmelden/{complete_job_seeker.pk}/"
    page = client.get(url).content.decode()
    assert "Werkfit Zorg" in page and "older job seeker: expertise" in page
    response = client.post(
        url,
        {
            "programme": programme.pk,
            "reason": "Past goed.",
            "activity_format": "individual",
            "handover_fields": list(DEFAULT_FIELDS),
        },
    )
    trajectory = Trajectory.objects.get()
    assert response.status_code == 302 and response.url == f"/trajecten/{trajectory.pk}/"
    assert trajectory.reason == "Past goed."


def test_referral_form_names_missing_required_fields(
    client, caseworker, complete_job_seeker, programme
):
    client.force_login(caseworker)
    response = client.post(
        f"/trajecten/aanmelden/{complete_job_seeker.pk}/",
        {
            "programme": programme.pk,
            "reason": "Past goed.",
            "activity_format": "individual",
            "handover_fields": ["first_name"],
        },
    )
    assert response.status_code == 400
    assert "wishes" in response.content.decode()
    assert not Trajectory.objects.exists()


def test_decline_needs_a_reason(client, coach, referral):
    client.force_login(coach)
    client.post(f"/trajecten/{referral.pk}/afwijzen/", {"version": 1, "reason": ""})
    referral.refresh_from_db()
    assert referral.status == Status.REFERRED
    client.post(f"/trajecten/{referral.pk}/afwijzen/", {"version": 1, "reason": "Vol."})
    referral.refresh_from_db()
    assert referral.status == Status.DECLINED and referral.decline_reason == "Vol."


def test_end_report_form_refuses_a_wage_under_the_minimum_then_completes(
    client, coach, complete_job_seeker, programme
):
    trajectory = TrajectoryFactory(
        job_seeker=complete_job_seeker,
        programme=programme,
        started=True,
        started_on=dt.date(2026, 4, 6),
    )
    client.force_login(coach)
    url = f"/trajecten/{trajectory.pk}/afronden/"
    assert client.get(url).status_code == 200
    data = {
        "version": 1,
        "outcome": "work",
        "contract_type": "fixed_term",
        "hours_per_week": "32",
        "hourly_wage": "12.00",
        "employer_name": "Zorggroep Noord",
        "work_start_date": "2026-06-01",
        "cao_conform": "true",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "14.71" in response.content.decode() or "14,71" in response.content.decode()
    assert not EndReport.objects.exists()
    response = client.post(url, data | {"hourly_wage": "15.10"})
    assert response.status_code == 302
    trajectory.refresh_from_db()
    assert trajectory.status == Status.COMPLETED
    assert str(trajectory.end_report.minimum_wage) == "14.71"
    page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert "Zorggroep Noord" in page and "Write the evaluation" in page


def test_evaluation_form(client, caseworker, complete_job_seeker, programme):
    trajectory = TrajectoryFactory(
        job_seeker=complete_job_seeker, programme=programme, completed=True
    )
    client.force_login(caseworker)
    url = f"/trajecten/{trajectory.pk}/evaluatie/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"choices_made": "Stage."}).status_code == 400
    response = client.post(
        url,
        {
            "choices_made": "Stage.",
            "guidance_style": "Coachend.",
            "what_worked": "De stage.",
            "what_did_not": "Groepen.",
            "job_seeker_view": "Tevreden.",
        },
    )
    assert response.status_code == 302
    assert Evaluation.objects.get().what_did_not == "Groepen."


def test_job_seeker_sees_reason_and_reports_on_own_pages(
    client, job_seeker_user, complete_job_seeker, programme
):
    trajectory = TrajectoryFactory(
        job_seeker=complete_job_seeker,
        programme=programme,
        started=True,
        reason="Omdat u in de zorg wilt werken.",
    )
    trajectory.progress_reports.create(progress="Eerste weken gaan goed.")
    client.force_login(job_seeker_user)
    home = client.get("/mijn/").content.decode()
    assert "Omdat u in de zorg wilt werken." in home
    page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert "Eerste weken gaan goed." in page and "Reports about you" in page


def test_caseworker_file_page_lists_trajectories(
    client, caseworker, complete_job_seeker, programme
):
    TrajectoryFactory(job_seeker=complete_job_seeker, programme=programme)
    client.force_login(caseworker)
    page = client.get(f"/werkzoekenden/{complete_job_seeker.pk}/").content.decode()
    assert "Werkfit Zorg" in page and "Refer to a programme" in page


def test_the_caseworker_sees_the_waiting_wage_check_then_the_finding(
    client, caseworker, coach, complete_job_seeker, programme
):
    """TR6: work after the table is recorded; the trajectory page says the check waits for
    the rate of that date, and once the rate is entered a wage under it is a finding."""
    trajectory = TrajectoryFactory(
        job_seeker=complete_job_seeker, programme=programme, started=True
    )
    client.force_login(coach)
    response = client.post(
        f"/trajecten/{trajectory.pk}/afronden/",
        {
            "version": 1,
            "outcome": "work",
            "contract_type": "fixed_term",
            "hours_per_week": "32",
            "hourly_wage": "14.80",
            "employer_name": "Zorggroep Noord",
            "work_start_date": "2026-11-02",
            "cao_conform": "true",
        },
    )
    assert response.status_code == 302
    client.force_login(caseworker)
    page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert "The wage check is waiting for the statutory minimum wage from 01-07-2026" in page
    assert "Finding" not in page
    minimum_wage_add(valid_from=dt.date(2026, 7, 1), adult_hourly=Decimal("15.00"), source="SZW")
    page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert "Finding: the wage is below the statutory minimum wage." in page
    assert "below the statutory minimum wage of € 15.00 that applies from 01-07-2026" in page
    assert "is waiting" not in page
    client.cookies["django_language"] = "nl"
    page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert "Bevinding: het loon ligt onder het wettelijk minimumloon." in page


def test_starting_a_suspended_trajectory_says_to_resume_it(client, coach, referral):
    """TR2: each refused step has its own message on the page, and nothing changes."""
    referral.status = Status.SUSPENDED
    referral.save(update_fields=["status"])
    client.force_login(coach)
    response = client.post(f"/trajecten/{referral.pk}/starten/", {"version": 1}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "This trajectory is suspended: resume it instead of starting it again."
    ]
    referral.refresh_from_db()
    assert referral.status == Status.SUSPENDED and referral.version == 1


def test_the_referral_form_says_why_a_programme_is_outside_the_target_group(
    client, caseworker, coach, complete_job_seeker, provider
):
    """TR1: the form shows why, asks for a reason, and the provider sees it on the
    trajectory, in its list and in its inbox."""
    youth = ProgrammeFactory(provider=provider, name="Jongerenloket", target_groups=["young"])
    complete_job_seeker.birth_date = dt.date(1967, 5, 17)
    complete_job_seeker.save()
    client.force_login(caseworker)
    url = f"/trajecten/aanmelden/{complete_job_seeker.pk}/"
    page = client.get(url).content.decode()
    assert "outside the target group: age 59, programme for Young people (under 27)" in page
    data = {
        "programme": youth.pk,
        "reason": "Wil in de jeugdzorg werken.",
        "activity_format": "individual",
        "handover_fields": list(DEFAULT_FIELDS),
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert refused.context["form"].errors["target_group_reason"]
    assert not Trajectory.objects.exists()

    done = client.post(url, {**data, "target_group_reason": "Was jarenlang gastouder."})
    assert done.status_code == 302
    trajectory = Trajectory.objects.get()

    client.force_login(coach)
    detail = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    assert 'id="target-group-reason"' in detail and "Was jarenlang gastouder." in detail
    assert "outside the target group" in client.get("/trajecten/").content.decode()
    with translation.override("en"):
        inbox = next(s for s in worklist_for(coach) if s.key == "referrals-inbox")
    assert inbox.items[0].detail.endswith("outside the target group")
