"""A new message notifies with Kind.MESSAGE, and its e-mail never holds the message's
text (WT2); the lists read in a fixed number of queries, whatever their length."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conversations.conftest import MONDAY
from tests.factories import JobSeekerFactory, job_seeker_login
from werkpad.conversations import selectors, services
from werkpad.notifications.models import Kind, Notification

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]

SECRET = "Mijn schuldhulpverlener belt morgen over de beslaglegging"


def test_the_e_mail_says_there_is_a_message_and_never_what_it_says(
    job_seeker,
    job_seeker_user,
    caseworker,
    coach,
    trajectory,
    mailoutbox,
    run_worker,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.message_start(user=job_seeker_user, job_seeker_id=job_seeker.pk, body=SECRET)
        services.message_start(
            user=job_seeker_user,
            job_seeker_id=job_seeker.pk,
            trajectory_id=trajectory.pk,
            body=SECRET,
        )
        services.message_start(user=caseworker, job_seeker_id=job_seeker.pk, body=SECRET)
    run_worker()
    assert set(Notification.objects.values_list("recipient_id", "kind")) == {
        (caseworker.pk, Kind.MESSAGE),
        (coach.pk, Kind.MESSAGE),
        (job_seeker_user.pk, Kind.MESSAGE),
    }
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [caseworker.email, coach.email, job_seeker_user.email]
    )
    for mail in mailoutbox:
        text = mail.subject + mail.body + "".join(str(a[0]) for a in mail.alternatives)
        assert "nieuw bericht" in text
        for forbidden in (SECRET, "schuld", job_seeker.first_name, job_seeker.last_name):
            assert forbidden not in text
        assert caseworker.last_name not in text and coach.last_name not in text


def _conversations(n, amsterdam, caseworker):
    for _ in range(n):
        person = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
        services.message_start(user=job_seeker_login(person), job_seeker_id=person.pk, body="Vraag")


@pytest.mark.parametrize("rows", [1, 10, 50])
def test_the_staff_list_and_the_header_count_read_flat(
    rows, amsterdam, caseworker, django_assert_max_num_queries, settings
):
    settings.WERKPAD_STAFF_2FA = False
    _conversations(rows, amsterdam, caseworker)
    client = Client()
    client.force_login(caseworker)
    with django_assert_max_num_queries(14):
        page = client.get("/berichten/")
    assert page.status_code == 200
    assert page.content.decode().count('class="wp-count-badge"') == min(rows, 25) + 1
    assert selectors.unread_count(user=caseworker) == rows


@pytest.mark.parametrize("rows", [1, 10, 50])
def test_the_api_list_reads_flat(rows, amsterdam, caseworker, api, django_assert_max_num_queries):
    _conversations(rows, amsterdam, caseworker)
    with django_assert_max_num_queries(8):
        response = api.as_user(caseworker).get("/api/v1/conversations")
    assert response.status_code == 200
    assert response.json()["count"] == rows


@pytest.mark.parametrize("rows", [1, 10, 50])
def test_a_thread_reads_flat(
    rows, job_seeker, job_seeker_user, caseworker, django_assert_max_num_queries, settings
):
    message = services.message_start(user=job_seeker_user, job_seeker_id=job_seeker.pk, body="1")
    for n in range(rows):
        services.message_send(user=caseworker, conversation_id=message.conversation_id, body=f"{n}")
    client = Client()
    client.force_login(job_seeker_user)
    with django_assert_max_num_queries(22):
        page = client.get(f"/mijn/berichten/{message.conversation_id}/")
    assert page.status_code == 200
    assert selectors.unread_count(user=job_seeker_user) == 0
