"""RI3 terms through the platform: the advisor's advice term in their worklist (overdue
first) and in the sweep's notifications; the caseworker's advice received."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.factories import JobSeekerFactory
from tests.secondopinions.factories import SecondOpinionFactory
from werkpad.core import clock
from werkpad.core.worklist import worklist_for
from werkpad.notifications import terms
from werkpad.notifications.models import Kind, Notification

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]


def section(user, key):
    with translation.override("en"):
        return next(s for s in worklist_for(user) if s.key == key)


def test_the_advisor_sees_their_terms_overdue_first(amsterdam, advisor, second_advisor):
    def so(due, who=advisor):
        return SecondOpinionFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam),
            advisor=who,
            assigned=True,
            term_ends_on=due,
        )

    later = so(dt.date(2026, 12, 4))
    overdue = so(dt.date(2026, 11, 20))
    so(dt.date(2026, 11, 19), who=second_advisor)
    mine = section(advisor, "second-opinions-to-advise")
    assert mine.count == 2
    assert [i.url for i in mine.items] == [f"/adviezen/{overdue.pk}/", f"/adviezen/{later.pk}/"]
    assert mine.items[0].overdue and not mine.items[1].overdue
    assert "overdue since 20-11-2026" in mine.items[0].detail


def test_the_caseworker_hears_the_advice_is_there(job_seeker, caseworker, colleague, advisor):
    advised = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, advised=True)
    discussed = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, discussed=True)
    SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, assigned=True)
    mine = section(caseworker, "second-opinions-caseworker")
    assert mine.count == 2
    details = {i.url: i.detail for i in mine.items}
    assert "discuss it" in details[f"/adviezen/{advised.pk}/"]
    assert "take the decision" in details[f"/adviezen/{discussed.pk}/"]
    assert section(colleague, "second-opinions-caseworker").count == 0


def test_the_sweep_notifies_the_advisor_of_the_term(amsterdam, advisor):
    near = SecondOpinionFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam),
        advisor=advisor,
        assigned=True,
        term_ends_on=dt.date(2026, 11, 26),
    )
    passed = SecondOpinionFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam),
        advisor=advisor,
        assigned=True,
        term_ends_on=dt.date(2026, 11, 20),
    )
    SecondOpinionFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam),
        advisor=advisor,
        advised=True,
        term_ends_on=dt.date(2026, 11, 20),
    )
    terms.sweep(today=clock.today())
    found = Notification.objects.filter(recipient=advisor).order_by("due_on")
    assert [(n.topic, n.kind, n.url) for n in found] == [
        ("second-opinion-advice-term", Kind.TERM_PASSED, f"/adviezen/{passed.pk}/"),
        ("second-opinion-advice-term", Kind.TERM_NEAR, f"/adviezen/{near.pk}/"),
    ]
