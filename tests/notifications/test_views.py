"""The notifications in the pages (issue 7): the unread count in the header, the list
whose items open what they are about, and the choice of e-mail per kind."""

from __future__ import annotations

import pytest

from tests.notifications.conftest import MONDAY
from tests.notifications.factories import NotificationFactory
from werkpad.notifications.mail import notification_email
from werkpad.notifications.models import Kind

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]


@pytest.fixture
def logged_in(browser_client):
    def login(user):
        browser_client.force_login(user)
        return browser_client

    return login


def test_the_header_counts_the_unread_ones(logged_in, caseworker, colleague):
    NotificationFactory.create_batch(3, recipient=caseworker)
    NotificationFactory(recipient=caseworker, read=True)
    NotificationFactory(recipient=colleague)
    page = logged_in(caseworker).get("/").content.decode()
    assert '<span class="wp-count-badge">3</span>' in page
    assert "Meldingen" in page


def test_no_count_without_unread_ones(logged_in, caseworker):
    NotificationFactory(recipient=caseworker, read=True)
    page = logged_in(caseworker).get("/").content.decode()
    assert "wp-count-badge" not in page


def test_the_header_costs_one_query(logged_in, caseworker, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = logged_in(caseworker)
    client.get("/privacy/")  # the session settles
    with CaptureQueriesContext(connection) as without:
        client.get("/privacy/")
    NotificationFactory.create_batch(5, recipient=caseworker)
    with CaptureQueriesContext(connection) as with_five:
        client.get("/privacy/")
    assert len(with_five) == len(without)
    assert sum("notifications_notification" in q["sql"] for q in with_five) == 1


def test_the_list_shows_the_users_own_and_opening_one_marks_it_read(
    logged_in, caseworker, colleague
):
    mine = NotificationFactory(recipient=caseworker, url="/plannen/7/")
    theirs = NotificationFactory(recipient=colleague, topic="progress-report")
    client = logged_in(caseworker)
    page = client.get("/meldingen/").content.decode()
    assert "Een plan moet op" in page and "voortgangsrapportage" not in page
    response = client.get(f"/meldingen/{mine.pk}/")
    assert response.status_code == 302 and response["Location"] == "/plannen/7/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert client.get(f"/meldingen/{theirs.pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_unread_ones_alone_and_all_read_at_once(logged_in, caseworker, colleague):
    NotificationFactory(recipient=caseworker, read=True, topic="progress-report")
    NotificationFactory(recipient=caseworker)
    theirs = NotificationFactory(recipient=colleague)
    client = logged_in(caseworker)
    page = client.get("/meldingen/?unread=true").content.decode()
    assert "Een plan moet op" in page and "voortgangsrapportage" not in page
    assert client.post("/meldingen/gelezen/").status_code == 302
    assert (
        "U hebt geen ongelezen meldingen." in client.get("/meldingen/?unread=true").content.decode()
    )
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_link_elsewhere_is_never_followed(logged_in, caseworker):
    odd = NotificationFactory(recipient=caseworker, url="https://elders.example/")
    response = logged_in(caseworker).get(f"/meldingen/{odd.pk}/")
    assert response["Location"] == "/meldingen/"


def test_without_a_login_to_the_login_page(browser_client):
    assert browser_client.get("/meldingen/").status_code == 302
    assert browser_client.get("/meldingen/voorkeuren/").status_code == 302


def test_e_mail_follows_the_choice_per_kind(logged_in, caseworker, mailoutbox):
    client = logged_in(caseworker)
    page = client.get("/meldingen/voorkeuren/").content.decode()
    assert "Een termijn nadert" in page and "checked" in page
    response = client.post("/meldingen/voorkeuren/", {"assigned": "on", "term_passed": "on"})
    assert response.status_code == 302
    near = NotificationFactory(recipient=caseworker, kind=Kind.TERM_NEAR)
    passed = NotificationFactory(recipient=caseworker, kind=Kind.TERM_PASSED)
    assert notification_email(near.pk) is False
    assert notification_email(passed.pk) is True
    assert notification_email(passed.pk) is False  # once
    assert len(mailoutbox) == 1
    near.refresh_from_db()
    assert near.emailed_at is None
