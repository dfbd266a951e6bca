"""The sweep of terms (issue 7): a notification when a term nears (3 working days
before, by default) and when it has passed; running it twice sends nothing twice.
PL4, JS1, TR1, TR3."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import (
    JobSeekerFactory,
    MunicipalitySettingsFactory,
    PlanFactory,
    TrajectoryFactory,
)
from tests.notifications.conftest import MONDAY
from werkpad.core import clock
from werkpad.core.deadlines import add_months
from werkpad.core.models import NOTIFICATION_LEAD_WORKING_DAYS, PROFILE_REVIEW_MONTHS
from werkpad.notifications import terms
from werkpad.notifications.models import Kind, Notification
from werkpad.notifications.tasks import sweep_terms

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]

D = dt.date


@pytest.fixture
def plan_due(amsterdam, caseworker):
    def make(due: dt.date):
        js = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
        return PlanFactory(job_seeker=js, in_effect=True, review_due_on=due)

    return make


def notes(user=None, **filters):
    queryset = Notification.objects.filter(**filters)
    if user is not None:
        queryset = queryset.filter(recipient=user)
    return list(queryset.order_by("due_on", "id"))


def test_a_plan_review_three_working_days_ahead_nears_and_one_before_today_passed(
    plan_due, caseworker
):
    """PL4: due Thursday 26 (3 working days ahead) nears, due Friday 20 has passed;
    due Friday 27 is not near yet, and one passed weeks ago is not announced any more."""
    near = plan_due(D(2026, 11, 26))
    passed = plan_due(D(2026, 11, 20))
    plan_due(D(2026, 11, 27))
    plan_due(D(2026, 10, 1))
    terms.sweep(today=clock.today())
    found = notes(caseworker)
    assert [(n.topic, n.kind, n.due_on, n.url) for n in found] == [
        ("plan-review", Kind.TERM_PASSED, D(2026, 11, 20), f"/plannen/{passed.pk}/"),
        ("plan-review", Kind.TERM_NEAR, D(2026, 11, 26), f"/plannen/{near.pk}/"),
    ]


def test_a_sweep_run_twice_notifies_once_and_e_mails_once(
    plan_due, caseworker, mailoutbox, run_worker
):
    plan_due(D(2026, 11, 25))
    assert sweep_terms.call() == 1
    assert sweep_terms.call() == 0
    run_worker()  # the e-mail is a task of its own
    assert Notification.objects.count() == 1
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [caseworker.email]


def test_the_database_holds_each_term_once_per_recipient(plan_due, caseworker):
    """The key (topic, kind, object, term date) is unique per recipient in the database,
    so two sweeps at the same moment cannot both record it."""
    from django.db import IntegrityError, transaction

    plan_due(D(2026, 11, 25))
    terms.sweep(today=clock.today())
    existing = Notification.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            recipient=caseworker,
            kind=existing.kind,
            topic=existing.topic,
            url="/",
            key=existing.key,
        )


def test_a_moved_term_is_announced_anew(plan_due, caseworker):
    plan = plan_due(D(2026, 11, 25))
    terms.sweep(today=clock.today())
    plan.review_due_on = D(2026, 11, 26)
    plan.save()
    terms.sweep(today=clock.today())
    assert [n.due_on for n in notes(caseworker)] == [D(2026, 11, 25), D(2026, 11, 26)]


def test_a_nearing_term_that_passes_gets_its_second_notification(
    plan_due, caseworker, time_machine
):
    plan_due(D(2026, 11, 25))
    terms.sweep(today=clock.today())
    time_machine.move_to(MONDAY + dt.timedelta(days=3))
    terms.sweep(today=clock.today())
    assert [n.kind for n in notes(caseworker)] == [Kind.TERM_NEAR, Kind.TERM_PASSED]


def test_working_days_not_calendar_days(amsterdam, caseworker, plan_due, time_machine):
    """On Thursday 24 December 2026 a review due Wednesday 30 nears: Christmas, Boxing
    Day and the weekend do not count. One due Thursday 31 does not yet."""
    time_machine.move_to(dt.datetime(2026, 12, 24, 9, tzinfo=MONDAY.tzinfo))
    plan_due(D(2026, 12, 30))
    plan_due(D(2026, 12, 31))
    terms.sweep(today=clock.today())
    assert [n.due_on for n in notes(caseworker)] == [D(2026, 12, 30)]


def test_the_lead_time_is_the_municipalitys_setting(amsterdam, plan_due, caseworker):
    """3 working days by default; a municipality that sets 5 hears of a term sooner."""
    assert terms.lead_working_days(amsterdam.pk) == NOTIFICATION_LEAD_WORKING_DAYS == 3
    plan_due(D(2026, 11, 30))
    terms.sweep(today=clock.today())
    assert notes(caseworker) == []
    MunicipalitySettingsFactory(municipality=amsterdam, notification_lead_working_days=5)
    terms.sweep(today=clock.today())
    assert [n.due_on for n in notes(caseworker)] == [D(2026, 11, 30)]


def test_profile_reviews_reach_the_contact_person(amsterdam, caseworker, colleague):
    """JS1: the profile is due its period after the last review."""
    months = PROFILE_REVIEW_MONTHS
    js = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        profile_reviewed_on=add_months(D(2026, 11, 24), -months),
    )
    JobSeekerFactory(
        municipality=amsterdam,
        contact_person=colleague,
        profile_reviewed_on=add_months(D(2026, 12, 24), -months),
    )
    terms.sweep(today=clock.today())
    assert [(n.topic, n.kind, n.url) for n in notes(caseworker)] == [
        ("profile-review", Kind.TERM_NEAR, f"/werkzoekenden/{js.pk}/")
    ]
    assert notes(colleague) == []


def test_progress_reports_reach_the_coach_and_the_caseworker(
    amsterdam, caseworker, coach, programme
):
    """TR3: overdue reports are flagged to caseworker and provider."""
    trajectory = TrajectoryFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
        programme=programme,
        coach=coach,
        started=True,
        next_report_due=D(2026, 11, 19),
    )
    terms.sweep(today=clock.today())
    for user in (coach, caseworker):
        assert [(n.topic, n.kind, n.url) for n in notes(user)] == [
            ("progress-report", Kind.TERM_PASSED, f"/trajecten/{trajectory.pk}/")
        ]


def test_a_referral_waiting_for_an_answer_reaches_the_providers_coaches(
    amsterdam, caseworker, coach, programme
):
    """TR1: the provider answers within five working days; after that it has passed."""
    TrajectoryFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
        programme=programme,
        referred_on=D(2026, 11, 13),
    )
    terms.sweep(today=clock.today())
    assert [(n.topic, n.kind, n.due_on) for n in notes(coach)] == [
        ("referral-answer", Kind.TERM_PASSED, D(2026, 11, 20))
    ]
    assert notes(caseworker) == []


def test_someone_no_longer_a_caseworker_there_is_not_notified(
    plan_due, caseworker, zaandam_caseworker, amsterdam
):
    from werkpad.accounts.models import Membership

    plan_due(D(2026, 11, 25))
    Membership.objects.filter(user=caseworker).update(is_active=False)
    terms.sweep(today=clock.today())
    assert Notification.objects.count() == 0


def test_every_topic_with_terms_is_registered():
    from werkpad.notifications.registry import topics

    with_terms = {code for code, topic in topics().items() if topic.terms is not None}
    assert with_terms == {
        "profile-review",
        "plan-review",
        "progress-report",
        "referral-answer",
        "second-opinion-advice-term",
        "complaint",
        "action-term",
        "vacancy-answer-term",
        "council-advice-term",
    }


def test_the_worker_runs_the_sweep_twice_and_notifies_once(
    tasks_backend, run_worker, plan_due, caseworker, mailoutbox
):
    """The sweep as the worker runs it, on the database backend and on RQ."""
    plan_due(D(2026, 11, 25))
    run_worker(sweep=True)
    run_worker(sweep=True)
    assert len(notes(caseworker)) == 1
    assert len(mailoutbox) == 1


def test_no_terms_for_a_job_seeker_who_left_the_file(amsterdam, caseworker):
    """Outflow: a file that left has no profile or plan review coming; nobody is reminded."""
    months = PROFILE_REVIEW_MONTHS
    left = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        profile_reviewed_on=add_months(D(2026, 11, 24), -months),
        left_on=D(2026, 11, 1),
        leave_reason="work",
    )
    PlanFactory(job_seeker=left, in_effect=True, review_due_on=D(2026, 11, 24))
    terms.sweep(today=clock.today())
    assert notes(caseworker) == []
