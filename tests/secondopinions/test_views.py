"""RI3 pages: the decision beside the advice, refused in Dutch without a motivation; the
file's section; the job seeker's outcome; the figures with small cells withheld."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import JobSeekerFactory, job_seeker_login
from tests.secondopinions.factories import ADVICE, MOTIVATION, SecondOpinionFactory
from werkpad.core.permissions import Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.WERKPAD_STAFF_2FA = False


def test_the_decision_form_shows_the_advice_and_refuses_in_dutch(
    client, caseworker, job_seeker, advisor
):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, discussed=True)
    client.force_login(caseworker)
    page = client.get(f"/adviezen/{so.pk}/besluit/")
    assert ADVICE[:60] in page.content.decode()
    refused = client.post(f"/adviezen/{so.pk}/besluit/", {"decision": "rejects"})
    assert refused.status_code == 400
    assert "Geef de motivering" in refused.content.decode()
    so.refresh_from_db()
    assert so.status == "discussed"
    accepted = client.post(
        f"/adviezen/{so.pk}/besluit/", {"decision": "rejects", "motivation": MOTIVATION}
    )
    assert accepted.status_code == 302
    so.refresh_from_db()
    assert (so.status, so.decision) == ("decided", "rejects")


def test_the_job_seeker_reads_the_advice_and_the_decision(job_seeker, advisor, caseworker, client):
    so = SecondOpinionFactory(
        job_seeker=job_seeker,
        advisor=advisor,
        decided=True,
        decision="rejects",
        motivation=MOTIVATION,
    )
    client.force_login(job_seeker_login(job_seeker))
    html = client.get(f"/mijn/adviezen/{so.pk}/").content.decode()
    assert ADVICE[:60] in html and MOTIVATION[:60] in html


def test_the_file_shows_the_second_opinions_and_the_referral(
    client, caseworker, job_seeker, advisor
):
    SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, assigned=True)
    client.force_login(caseworker)
    html = client.get(f"/werkzoekenden/{job_seeker.pk}/").content.decode()
    assert 'id="second-opinions"' in html
    assert f"/adviezen/doorverwijzen/{job_seeker.pk}/" in html
    assert 'id="mediations"' in html


def test_the_figures_count_decisions_and_terms(client, role_user, amsterdam, advisor, settings):
    settings.WERKPAD_MIN_CELL = 3
    for decision in ["follows"] * 4 + ["rejects"] * 2:
        SecondOpinionFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam),
            advisor=advisor,
            decided=True,
            decision=decision,
        )
    client.force_login(role_user(Role.POLICY_OFFICER))
    policy = client.get("/adviezen/cijfers/").context["f"]
    assert policy.requested.count == 6
    assert [(f.key, f.count) for f in policy.decided] == [
        ("follows", 4),
        ("partly_follows", 0),
        ("rejects", 2),
    ]
    assert policy.term_met.count == 6
    client.force_login(role_user(Role.COUNCIL_MEMBER))
    council = client.get("/adviezen/cijfers/").context["f"]
    assert council.suppressed
    # 2 rejections are under 3: withheld, and the 4 followed with them, so neither can be
    # worked out from the total
    assert [(f.key, f.count) for f in council.decided] == [
        ("follows", None),
        ("partly_follows", 0),
        ("rejects", None),
    ]
    assert council.requested.count == 6
