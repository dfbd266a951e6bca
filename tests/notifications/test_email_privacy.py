"""An e-mail holds one Dutch sentence and a link, never personal details or
special-category content (issue 7; DESIGN.md "Privacy by design"; JS4)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import JobSeekerFactory, PlanFactory, TrajectoryFactory
from tests.notifications.conftest import MONDAY
from werkpad.core import clock
from werkpad.core.deadlines import add_months
from werkpad.core.models import PROFILE_REVIEW_MONTHS
from werkpad.notifications import terms
from werkpad.notifications.mail import notification_email, render_email
from werkpad.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]

SENSITIVE = {
    "first_name": "Wilhelmina",
    "last_name": "Zwanenburg",
    "limitations": "Zware depressie, kan niet reizen",
    "competence_test_results": "Uitslag psychologisch onderzoek",
    "wishes": "Werken in de zorg",
    "phone": "0612345678",
    "email": "wilhelmina@example.nl",
    "postcode": "1011AB",
    "attention_psychological": True,
}


def test_no_e_mail_body_holds_a_detail_of_the_file(
    amsterdam, caseworker, coach, programme, mailoutbox
):
    js = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        profile_reviewed_on=add_months(dt.date(2026, 11, 24), -PROFILE_REVIEW_MONTHS),
        **SENSITIVE,
    )
    PlanFactory(job_seeker=js, in_effect=True, review_due_on=dt.date(2026, 11, 20))
    TrajectoryFactory(
        job_seeker=js,
        programme=programme,
        coach=coach,
        started=True,
        next_report_due=dt.date(2026, 11, 25),
    )
    TrajectoryFactory(job_seeker=js, programme=programme, referred_on=dt.date(2026, 11, 13))
    created = terms.sweep(today=clock.today())
    topics = set(Notification.objects.values_list("topic", flat=True))
    assert topics == {"profile-review", "plan-review", "progress-report", "referral-answer"}
    for notification_id in created:
        notification_email(notification_id)
    assert len(mailoutbox) == len(created) >= 5
    forbidden = [str(v) for v in SENSITIVE.values() if isinstance(v, str)] + [
        js.bsn,
        programme.name,
        programme.provider.name,
    ]
    for message in mailoutbox:
        text = f"{message.subject}\n{message.body}"
        for value in forbidden:
            assert value not in text, (value, text)
        # one sentence, a link, and the lines about privacy and the choice of e-mail
        sentence = message.body.strip().splitlines()[0]
        assert sentence.endswith(".") and sentence.count(".") == 1
        assert "http://127.0.0.1:8000/" in message.body
        assert message.subject == "werkpad: een melding voor u"


def test_the_e_mail_is_dutch_whatever_the_language_of_the_request(caseworker):
    from django.utils import translation

    from tests.notifications.factories import NotificationFactory

    notification = NotificationFactory(recipient=caseworker, due_on=dt.date(2026, 11, 26))
    with translation.override("en"):
        subject, body = render_email(notification)
    assert subject == "werkpad: een melding voor u"
    assert body.startswith("Een plan moet op 26-11-2026 worden geëvalueerd.")
    assert f"http://127.0.0.1:8000{notification.url}" in body
    assert "/meldingen/voorkeuren/" in body
