"""A notification, and its e-mail, goes out only after the transaction of the service
that caused it commits, and not at all when that transaction rolls back (issue 7).
JS3: the contact person assigned; TR1: a referral for the provider's coaches."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.factories import JobSeekerFactory
from tests.jobseekers.test_services import NOW, intake
from werkpad.jobseekers import services as jobseekers
from werkpad.notifications.models import Kind, Notification
from werkpad.trajectories import services as trajectories
from werkpad.trajectories.handover import DEFAULT_FIELDS


class Boom(Exception):
    pass


def hand_over(job_seeker, *, by, to):
    return jobseekers.jobseeker_update(
        user=by,
        job_seeker_id=job_seeker.pk,
        expected_version=job_seeker.version,
        data={"contact_person": to},
    )


@pytest.mark.django_db(transaction=True)
def test_nothing_is_enqueued_before_the_commit_and_all_of_it_after(
    tasks_backend, run_worker, amsterdam, caseworker, colleague, mailoutbox
):
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    with transaction.atomic():
        hand_over(job_seeker, by=caseworker, to=colleague)
        run_worker()  # a worker running now finds nothing: the change is not committed
        assert not Notification.objects.exists() and not mailoutbox
    run_worker()
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind, notification.topic, notification.url) == (
        colleague,
        Kind.ASSIGNED,
        "jobseeker-contact-person",
        f"/werkzoekenden/{job_seeker.pk}/",
    )
    assert [m.to for m in mailoutbox] == [[colleague.email]]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_notifies_no_one(
    tasks_backend, run_worker, amsterdam, caseworker, colleague, mailoutbox
):
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    with pytest.raises(Boom), transaction.atomic():
        hand_over(job_seeker, by=caseworker, to=colleague)
        raise Boom
    run_worker()
    assert not Notification.objects.exists() and not mailoutbox
    job_seeker.refresh_from_db()
    assert job_seeker.contact_person == caseworker


def test_nobody_is_notified_of_what_they_did_themselves(
    amsterdam, caseworker, colleague, django_capture_on_commit_callbacks
):
    """Taking a file whose contact person is gone makes you its contact person: no
    notification to yourself."""
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=None)
    with django_capture_on_commit_callbacks() as callbacks:
        hand_over(job_seeker, by=colleague, to=colleague)
    assert callbacks == []


@pytest.mark.time_machine(NOW, tick=False)
def test_a_new_contact_person_at_registration_is_notified(
    amsterdam, caseworker, colleague, django_capture_on_commit_callbacks, run_worker
):
    with django_capture_on_commit_callbacks(execute=True):
        job_seeker = jobseekers.jobseeker_create(
            user=caseworker,
            municipality=amsterdam,
            data=intake(contact_person=colleague),
        )
    run_worker()
    assert list(Notification.objects.values_list("recipient", "url")) == [
        (colleague.pk, f"/werkzoekenden/{job_seeker.pk}/")
    ]


@pytest.mark.usefixtures("db")
def test_a_referral_notifies_the_providers_coaches_after_commit(
    amsterdam, caseworker, coach, programme, django_capture_on_commit_callbacks, run_worker
):
    job_seeker = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        phone="0612345678",
        wishes="Werken in de zorg",
        possibilities="Vier dagen per week",
    )
    with django_capture_on_commit_callbacks(execute=True):
        trajectory = trajectories.trajectory_refer(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            programme_id=programme.pk,
            reason="Past bij de wens om in de zorg te werken.",
            handover_fields=DEFAULT_FIELDS,
        )
        assert not Notification.objects.exists()
    run_worker()
    notification = Notification.objects.get()
    assert (notification.recipient, notification.topic, notification.url) == (
        coach,
        "referral-answer",
        f"/trajecten/{trajectory.pk}/",
    )


def test_delivering_twice_records_once(caseworker, run_worker, mailoutbox):
    """The task is idempotent: a retry sends nothing twice."""
    from werkpad.notifications.tasks import deliver

    for _ in range(2):
        deliver.call(
            recipient_id=caseworker.pk, topic="plan-review", kind=Kind.ASSIGNED, url="/", key="k"
        )
    assert Notification.objects.count() == 1 and len(mailoutbox) == 1
