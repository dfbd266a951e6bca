"""Messages (WT2): threads, append-only messages, unread counts, joining, access that
ends with the trajectory, audited reads and writes, away and stand-in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.conversations.conftest import MONDAY
from tests.factories import UserFactory
from werkpad.accounts import services as accounts
from werkpad.accounts.selectors import addressee
from werkpad.conversations import selectors, services
from werkpad.conversations.models import AppendOnlyError, Conversation, Message
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.jobseekers.selectors import access_log_list

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]


def test_one_contact_conversation_per_job_seeker_and_one_per_trajectory(
    job_seeker, job_seeker_user, caseworker, coach, trajectory
):
    first = services.message_start(user=job_seeker_user, job_seeker_id=job_seeker.pk, body="Hoi")
    again = services.message_start(user=caseworker, job_seeker_id=job_seeker.pk, body="Dag")
    assert first.conversation_id == again.conversation_id
    with_coach = services.message_start(
        user=coach, job_seeker_id=job_seeker.pk, trajectory_id=trajectory.pk, body="Welkom"
    )
    answer = services.message_start(
        user=job_seeker_user, job_seeker_id=job_seeker.pk, trajectory_id=trajectory.pk, body="Dank"
    )
    assert with_coach.conversation_id == answer.conversation_id != first.conversation_id
    assert Conversation.objects.count() == 2
    assert [m.author_role for m in Message.objects.order_by("id")] == [
        Role.JOB_SEEKER,
        Role.CASEWORKER,
        Role.COACH,
        Role.JOB_SEEKER,
    ]


def test_messages_cannot_be_changed_or_deleted(job_seeker, job_seeker_user):
    message = services.message_start(user=job_seeker_user, job_seeker_id=job_seeker.pk, body="Hoi")
    message.body = "Anders"
    with pytest.raises(AppendOnlyError):
        message.save()
    with pytest.raises(AppendOnlyError):
        message.delete()
    with pytest.raises(AppendOnlyError):
        Message.objects.filter(pk=message.pk).update(body="Anders")
    with pytest.raises(AppendOnlyError):
        Message.objects.filter(pk=message.pk).delete()
    assert Message.objects.get().body == "Hoi"


def test_an_empty_or_too_long_message_is_refused(job_seeker, job_seeker_user):
    with pytest.raises(InvalidInputError):
        services.message_start(user=job_seeker_user, job_seeker_id=job_seeker.pk, body="  ")
    with pytest.raises(InvalidInputError):
        services.message_start(user=job_seeker_user, job_seeker_id=job_seeker.pk, body="x" * 5001)
    assert not Conversation.objects.exists()


def test_unread_counts_follow_what_each_reader_read(
    job_seeker, job_seeker_user, caseworker, coach, trajectory
):
    services.message_start(user=caseworker, job_seeker_id=job_seeker.pk, body="Een")
    services.message_start(user=caseworker, job_seeker_id=job_seeker.pk, body="Twee")
    services.message_start(
        user=coach, job_seeker_id=job_seeker.pk, trajectory_id=trajectory.pk, body="Drie"
    )
    assert selectors.unread_count(user=job_seeker_user) == 3
    assert selectors.unread_count(user=caseworker) == 0
    contact = Conversation.objects.get(kind="contact")
    services.conversation_mark_read(user=job_seeker_user, conversation=contact)
    assert selectors.unread_count(user=job_seeker_user) == 1
    services.message_send(user=job_seeker_user, conversation_id=contact.pk, body="Vier")
    assert selectors.unread_count(user=caseworker) == 1
    listed = list(selectors.conversation_list(user=job_seeker_user))
    assert [(c.kind, c.unread) for c in listed] == [("trajectory", 1), ("contact", 0)]


def test_the_contact_person_reads_the_coachs_conversation_and_writes_once_joined(
    job_seeker, caseworker, coach, trajectory
):
    message = services.message_start(
        user=coach, job_seeker_id=job_seeker.pk, trajectory_id=trajectory.pk, body="Welkom"
    )
    conversation_id = message.conversation_id
    assert selectors.conversation_get(user=caseworker, id=conversation_id)
    with pytest.raises(PermissionDeniedError):
        services.message_send(user=caseworker, conversation_id=conversation_id, body="Hallo")
    assert selectors.unread_count(user=caseworker) == 0  # not theirs until joined
    services.conversation_join(user=caseworker, conversation_id=conversation_id)
    assert selectors.unread_count(user=caseworker) == 1
    services.message_send(user=caseworker, conversation_id=conversation_id, body="Hallo")
    assert Message.objects.filter(conversation_id=conversation_id).count() == 2
    with pytest.raises(PermissionDeniedError):
        services.conversation_join(user=coach, conversation_id=conversation_id)


def test_the_coach_loses_the_conversation_when_the_trajectory_ends(
    job_seeker, job_seeker_user, coach, trajectory
):
    message = services.message_start(
        user=coach, job_seeker_id=job_seeker.pk, trajectory_id=trajectory.pk, body="Welkom"
    )
    trajectory.status = "completed"
    trajectory.ended_on = dt.date(2026, 11, 20)
    trajectory.save()
    with pytest.raises(NotFoundError):
        selectors.conversation_get(user=coach, id=message.conversation_id)
    with pytest.raises(NotFoundError):
        services.message_send(user=coach, conversation_id=message.conversation_id, body="Nog")
    assert list(selectors.conversation_list(user=coach)) == []
    assert selectors.unread_count(user=coach) == 0
    # the job seeker keeps reading it, and cannot start a new one with an ended trajectory
    assert selectors.conversation_get(user=job_seeker_user, id=message.conversation_id)
    assert Message.objects.count() == 1


def test_another_providers_coach_sees_nothing(job_seeker, coach, trajectory, amsterdam):
    from tests.factories import ProviderFactory

    other = UserFactory.with_role(
        Role.COACH, organisation=ProviderFactory(municipality=amsterdam).organisation
    )
    message = services.message_start(
        user=coach, job_seeker_id=job_seeker.pk, trajectory_id=trajectory.pk, body="Welkom"
    )
    with pytest.raises(NotFoundError):
        selectors.conversation_get(user=other, id=message.conversation_id)
    with pytest.raises(NotFoundError):
        services.message_start(
            user=other, job_seeker_id=job_seeker.pk, trajectory_id=trajectory.pk, body="Hoi"
        )


def test_reads_and_writes_show_in_who_looked_at_the_file(job_seeker, job_seeker_user, caseworker):
    message = services.message_start(user=job_seeker_user, job_seeker_id=job_seeker.pk, body="Hoi")
    selectors.conversation_get(
        user=caseworker, id=message.conversation_id, purpose=AuditEvent.Purpose.CONVERSATION
    )
    events = AuditEvent.objects.filter(job_seeker_id=job_seeker.pk, object_type="conversation")
    assert {(e.actor_id, e.action) for e in events} == {
        (job_seeker_user.pk, AuditEvent.Action.CREATE),
        (caseworker.pk, AuditEvent.Action.READ),
    }
    log = access_log_list(user=job_seeker_user, job_seeker_id=job_seeker.pk)
    assert any(e.actor_id == caseworker.pk for e in log)


def test_a_message_to_someone_away_reaches_their_stand_in(
    job_seeker,
    job_seeker_user,
    caseworker,
    colleague,
    run_worker,
    django_capture_on_commit_callbacks,
):
    accounts.profile_set_away(
        user=caseworker, away_until=dt.date(2026, 11, 27), stand_in_id=colleague.pk
    )
    caseworker.refresh_from_db()
    assert addressee(caseworker) == colleague
    with django_capture_on_commit_callbacks(execute=True):
        message = services.message_start(
            user=job_seeker_user, job_seeker_id=job_seeker.pk, body="Hoi"
        )
    run_worker()
    from werkpad.notifications.models import Kind, Notification

    assert list(Notification.objects.values_list("recipient_id", "kind", "url")) == [
        (
            colleague.pk,
            Kind.MESSAGE,
            reverse("conversations:detail", args=[message.conversation_id]),
        )
    ]
    # the stand-in finds it among their conversations, with its unread count, and answers
    assert selectors.unread_count(user=colleague) == 1
    assert [c.pk for c in selectors.conversation_list(user=colleague)] == [message.conversation_id]
    services.message_send(user=colleague, conversation_id=message.conversation_id, body="Ik help")
    # back: the contact person again
    accounts.profile_set_away(user=caseworker, away_until=None, stand_in_id=colleague.pk)
    caseworker.refresh_from_db()
    assert addressee(caseworker) == caseworker
    assert selectors.unread_count(user=colleague) == 0


def test_the_stand_in_is_a_colleague_with_the_same_role(caseworker, coach):
    with pytest.raises(InvalidInputError) as refused:
        accounts.profile_set_away(
            user=caseworker, away_until=dt.date(2026, 11, 27), stand_in_id=coach.pk
        )
    assert "stand_in" in refused.value.errors
    with pytest.raises(InvalidInputError) as refused:
        accounts.profile_set_away(
            user=caseworker, away_until=dt.date(2026, 11, 1), stand_in_id=None
        )
    assert set(refused.value.errors) == {"away_until", "stand_in"}
    caseworker.refresh_from_db()
    assert caseworker.away_until is None and caseworker.stand_in is None
