"""RI3 with RI5: the advisor reads the part of the file the job seeker agreed to share with
the advisor's office, and no more; a referral asks the job seeker, a job seeker who asks
names what they share; a withdrawal takes effect on the advisor's next read."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from tests.factories import job_seeker_login
from werkpad.consents import services as consent_services
from werkpad.consents.models import Consent
from werkpad.consents.workflow import Status as ConsentStatus
from werkpad.core.errors import InvalidInputError
from werkpad.core.models import AuditEvent
from werkpad.secondopinions import selectors, services
from werkpad.secondopinions.models import SecondOpinion

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]

SKILLS = "Heftruckcertificaat en kassawerk"
WISHES = "Werken in de logistiek"
LIMITATIONS = "Geen zware lasten tillen"


@pytest.fixture
def seeker(job_seeker):
    job_seeker.skills = SKILLS
    job_seeker.wishes = WISHES
    job_seeker.limitations = LIMITATIONS
    job_seeker.save()
    return job_seeker


def ask(seeker, trajectory, shared_parts=()):
    return services.second_opinion_request(
        user=job_seeker_login(seeker),
        job_seeker_id=seeker.pk,
        question="Het traject helpt mij niet.",
        trajectory_id=trajectory.pk,
        shared_parts=shared_parts,
    )


def shown(advisor, second_opinion):
    view = selectors.advisor_file(user=advisor, second_opinion=second_opinion)
    return {str(value) for _label, value in view.rows}


def test_a_referral_asks_the_job_seeker_for_each_part_for_the_advisors_office(
    caseworker, seeker, programme, advisor
):
    so = services.second_opinion_request(
        user=caseworker, job_seeker_id=seeker.pk, question="Past dit?", programme_id=programme.pk
    )
    asked = Consent.objects.filter(job_seeker=seeker, recipient=Consent.Recipient.ADVISOR)
    assert sorted(asked.values_list("part", flat=True)) == [
        "circumstances",
        "health",
        "preferences",
        "work",
    ]
    assert set(asked.values_list("status", flat=True)) == {ConsentStatus.REQUESTED}
    assert set(asked.values_list("organisation", flat=True)) == {so.advisor_office_id}
    # until the job seeker answers, the advisor reads the basis only
    assert SKILLS not in shown(advisor, so) and seeker.last_name in shown(advisor, so)


def test_the_advisor_reads_the_parts_the_job_seeker_shares_and_no_more(seeker, trajectory, advisor):
    so = ask(seeker, trajectory, shared_parts=["work"])

    rows = shown(advisor, so)

    assert SKILLS in rows and seeker.last_name in rows
    assert WISHES not in rows and LIMITATIONS not in rows
    view = selectors.advisor_file(user=advisor, second_opinion=so)
    assert len(view.shared) == 1
    assert len(view.not_shared) == 3
    read = AuditEvent.objects.filter(
        actor=advisor, object_type="jobseeker", job_seeker_id=seeker.pk
    ).latest("pk")
    assert "skills" in read.fields and "wishes" not in read.fields


def test_a_withdrawal_takes_effect_on_the_advisors_next_read(seeker, trajectory, advisor):
    so = ask(seeker, trajectory, shared_parts=["work", "health"])
    assert {SKILLS, LIMITATIONS} <= shown(advisor, so)

    health = Consent.objects.get(job_seeker=seeker, recipient="advisor", part="health")
    consent_services.consent_withdraw(user=job_seeker_login(seeker), consent_id=health.pk)

    rows = shown(advisor, so)
    assert LIMITATIONS not in rows and SKILLS in rows


def test_only_the_assigned_advisor_reads_the_file_this_way(
    seeker, trajectory, advisor, second_advisor, caseworker
):
    so = ask(seeker, trajectory, shared_parts=["work"])
    other = second_advisor if so.advisor == advisor else advisor
    assert selectors.advisor_file(user=other, second_opinion=so) is None
    assert selectors.advisor_file(user=caseworker, second_opinion=so) is None


def test_an_unknown_part_is_refused_and_nothing_is_written(seeker, trajectory, advisor):
    with pytest.raises(InvalidInputError) as refused:
        ask(seeker, trajectory, shared_parts=["bank_account"])
    assert "shared_parts" in refused.value.errors
    assert not SecondOpinion.objects.exists()
    assert not Consent.objects.filter(recipient=Consent.Recipient.ADVISOR).exists()


def test_the_advisors_page_shows_the_shared_part_and_the_request_form_asks_for_it(
    seeker, trajectory, advisor
):
    page = Client()
    page.force_login(job_seeker_login(seeker))
    response = page.post(
        "/mijn/adviezen/aanvragen/",
        {
            "subject": f"trajectory:{trajectory.pk}",
            "question": "Het traject helpt mij niet.",
            "shared_parts": ["work"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    so = SecondOpinion.objects.get()

    desk = Client()
    desk.force_login(so.advisor)
    html = desk.get(f"/adviezen/{so.pk}/").content.decode()
    assert 'id="file"' in html and SKILLS in html and LIMITATIONS not in html
