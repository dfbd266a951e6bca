"""The staff profile (WT2): away until a date, with a colleague as stand-in."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conversations.conftest import MONDAY

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]


def test_a_caseworker_sets_away_and_a_stand_in(client, caseworker, colleague, coach, settings):
    settings.WERKPAD_STAFF_2FA = False
    client.force_login(caseworker)
    page = client.get("/accounts/profiel/").content.decode()
    assert "Afwezigheid en vervanging" in page
    # only a colleague with the same role is offered; the coach is not
    assert colleague.get_full_name() in page and coach.get_full_name() not in page
    response = client.post(
        "/accounts/profiel/", {"away_until": "2026-11-27", "stand_in": colleague.pk}
    )
    assert response.status_code == 302
    caseworker.refresh_from_db()
    assert (caseworker.away_until, caseworker.stand_in) == (dt.date(2026, 11, 27), colleague)
    page = client.get("/accounts/profiel/").content.decode()
    assert "U bent afwezig tot en met 27 november 2026" in page


def test_a_stand_in_is_needed_while_away(client, caseworker, settings):
    settings.WERKPAD_STAFF_2FA = False
    client.force_login(caseworker)
    response = client.post("/accounts/profiel/", {"away_until": "2026-11-27", "stand_in": ""})
    assert response.status_code == 400
    assert "Kies een vervanger voor als u afwezig bent." in response.content.decode()
    caseworker.refresh_from_db()
    assert caseworker.away_until is None


def test_the_header_links_to_messages(client, job_seeker_user, caseworker):
    client.force_login(job_seeker_user)
    page = client.get("/mijn/").content.decode()
    assert 'href="/mijn/berichten/"' in page and "Berichten" in page
    assert "Mijn profiel" not in page
