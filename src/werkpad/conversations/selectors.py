"""Every read of conversations (WT2). Opening a conversation is audited in the job
seeker's log, so it shows in "who looked at my file"."""

from __future__ import annotations

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models import When as WhenCase
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.conversations.models import Conversation, Kind, Message, Participant
from werkpad.conversations.rules import CONVERSATION_VISIBILITY
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import FILE_ROLES, Role, scope_of, visible_for
from werkpad.documents.selectors import document_scope
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

OBJECT_TYPE = "conversation"

ACTION_PERMISSIONS = {"write": "conversations.write", "join": "conversations.join"}


def conversation_scope(*, user: User) -> QuerySet[Conversation]:
    """The same definition as the ``conversations.view_conversation`` rule."""
    return Conversation.objects.filter(CONVERSATION_VISIBILITY.q(user))


def _mine(user: User) -> Q:
    """The conversations a user takes part in: their own (a job seeker); those with the
    job seekers they are the contact person of, or stand in for, and those they joined
    (a caseworker); those of the trajectories they coach, or stand in for, or that have
    no coach yet (a coach)."""
    scope = scope_of(user)
    today = clock.today()
    query = Q(pk__in=[])
    if scope.has(Role.JOB_SEEKER):
        query |= Q(job_seeker__user_id=user.pk)
    if scope.has(*FILE_ROLES):
        query |= Q(kind=Kind.CONTACT) & (
            Q(job_seeker__contact_person_id=user.pk)
            | Q(
                job_seeker__contact_person__stand_in_id=user.pk,
                job_seeker__contact_person__away_until__gte=today,
            )
        )
        query |= Q(
            pk__in=Participant.objects.filter(user_id=user.pk, joined_at__isnull=False).values(
                "conversation_id"
            )
        )
    if scope.has(Role.COACH):
        query |= Q(kind=Kind.TRAJECTORY) & (
            Q(trajectory__coach_id=user.pk)
            | Q(trajectory__coach__isnull=True)
            | Q(trajectory__coach__stand_in_id=user.pk, trajectory__coach__away_until__gte=today)
        )
    return query


def _with_unread(queryset: QuerySet[Conversation], *, user: User) -> QuerySet[Conversation]:
    read_upto = Participant.objects.filter(conversation=OuterRef("pk"), user_id=user.pk).values(
        "last_read_id"
    )[:1]
    return queryset.annotate(
        read_upto=Coalesce(Subquery(read_upto), Value(0)),
        unread=Count(
            "messages",
            filter=Q(messages__id__gt=F("read_upto")) & ~Q(messages__author_id=user.pk),
        ),
    )


def conversation_list(
    *, user: User, job_seeker_id: int | None = None, purpose: str = ""
) -> QuerySet[Conversation]:
    """The user's conversations (``_mine``), unread first, then the latest; with
    ``job_seeker_id`` every conversation of that file the user may read."""
    if not user.has_perm("conversations.list_conversation"):
        raise PermissionDeniedError(code="conversation-list-denied")
    queryset = conversation_scope(user=user)
    if job_seeker_id is not None:
        queryset = queryset.filter(job_seeker_id=job_seeker_id)
    else:
        queryset = queryset.filter(_mine(user))
    primary = scope_of(user).primary
    audit_record(
        user=user,
        action=AuditEvent.Action.SEARCH,
        object_type=OBJECT_TYPE,
        purpose=purpose,
        fields=["job_seeker"] if job_seeker_id is not None else [],
        job_seeker_id=job_seeker_id,
        municipality_id=primary.municipality_id if primary else None,
    )
    return (
        _with_unread(queryset, user=user)
        .select_related("job_seeker", "trajectory__programme", "trajectory__coach")
        .order_by(
            Case(WhenCase(unread__gt=0, then=0), default=1, output_field=IntegerField()),
            F("last_message_at").desc(nulls_last=True),
            "-id",
        )
    )


def conversation_get(
    *, user: User, id: int, purpose: str = "", for_action: str | None = None
) -> Conversation:
    conversation = visible_for(
        user,
        conversation_scope(user=user)
        .select_related("job_seeker__contact_person", "trajectory__programme", "trajectory__coach")
        .filter(pk=id)
        .first(),
        kind="conversation",
        view="conversations.view_conversation",
        actions=ACTION_PERMISSIONS,
        for_action=for_action,
    )
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=conversation.pk,
        job_seeker_id=conversation.job_seeker_id,
        municipality_id=conversation.job_seeker.municipality_id,
        purpose=purpose,
    )
    return conversation


def conversation_messages(*, conversation: Conversation) -> QuerySet[Message]:
    """The thread of a conversation obtained through ``conversation_get``, oldest first."""
    return conversation.messages.select_related("author", "attachment").order_by("id")


def readable_attachments(*, user: User, thread: list[Message]) -> set[int]:
    """Which of the thread's attachments the user may open (``documents.view_document``:
    a health document, for one, only with the consent): one query for the thread."""
    ids = {message.attachment_id for message in thread if message.attachment_id}
    if not ids:
        return set()
    return set(document_scope(user=user).filter(pk__in=ids).values_list("pk", flat=True))


def job_seeker_conversations(*, user: User, job_seeker_id: int) -> QuerySet[Conversation]:
    """The conversations of one file the user may read, with their unread counts (for the
    file page and the job seeker's own pages; the page around them is audited)."""
    return (
        _with_unread(conversation_scope(user=user).filter(job_seeker_id=job_seeker_id), user=user)
        .select_related("trajectory__programme", "trajectory__coach")
        .order_by("kind", "-id")
    )


def unread_count(*, user: User | None) -> int:
    """The unread messages in the user's conversations (the header's count)."""
    if user is None or not user.is_authenticated:
        return 0
    if not user.has_perm("conversations.list_conversation"):
        return 0
    read_upto = Participant.objects.filter(
        conversation=OuterRef("conversation"), user_id=user.pk
    ).values("last_read_id")[:1]
    conversations = conversation_scope(user=user).filter(_mine(user)).values("pk")
    return (
        Message.objects.filter(conversation__in=conversations)
        .exclude(author_id=user.pk)
        .annotate(read_upto=Coalesce(Subquery(read_upto), Value(0)))
        .filter(id__gt=F("read_upto"))
        .count()
    )


def has_joined(*, user: User, conversation: Conversation) -> bool:
    return Participant.objects.filter(
        conversation=conversation, user_id=user.pk, joined_at__isnull=False
    ).exists()


def conversation_targets(
    *, user: User, job_seeker_id: int, own: bool = False, purpose: str = ""
) -> tuple[JobSeeker, list[tuple[str, str]]]:
    """Whom the user may write a new message to about one job seeker: the contact person
    (``"contact"``) and the coaches of the running trajectories (their ids), each where
    ``conversations.write`` lets them. 404 for a job seeker whose conversations the user
    may not read at all, 403 when they may read but write to nobody. Audited."""
    job_seeker = JobSeeker.objects.select_related("contact_person").filter(pk=job_seeker_id).first()
    if job_seeker is None:
        raise NotFoundError(code="job-seeker-not-found")
    existing = {c.trajectory_id: c for c in Conversation.objects.filter(job_seeker=job_seeker)}
    candidates: list[tuple[str, Conversation, str]] = [
        (
            "contact",
            existing.get(None) or Conversation(job_seeker=job_seeker, kind=Kind.CONTACT),
            str(
                _("Your contact person (%(name)s)")
                % {"name": job_seeker.contact_person.get_full_name()}
                if own and job_seeker.contact_person
                else _("The contact person")
            ),
        )
    ]
    running = Trajectory.objects.filter(job_seeker=job_seeker, status__in=RUNNING).select_related(
        "programme", "provider"
    )
    for trajectory in running:
        conversation = existing.get(trajectory.pk) or Conversation(
            job_seeker=job_seeker,
            kind=Kind.TRAJECTORY,
            trajectory=trajectory,
            provider_organisation_id=trajectory.provider.organisation_id,
        )
        label = _("The coach of %(programme)s") % {"programme": trajectory.programme.name}
        candidates.append((str(trajectory.pk), conversation, str(label)))
    seen = [c for c in candidates if user.has_perm("conversations.view_conversation", c[1])]
    if not seen:
        raise NotFoundError(code="job-seeker-not-found")
    choices = [
        (value, label) for value, c, label in seen if user.has_perm("conversations.write", c)
    ]
    if not choices:
        raise PermissionDeniedError(code="conversation-write-denied")
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        purpose=purpose,
        fields=["recipients"],
    )
    return job_seeker, choices


def conversation_state(*, user: User, conversation: Conversation) -> dict[str, object]:
    """The reader's side of a conversation obtained through ``conversation_get``: their
    unread count, whether they may write in it and whether they joined it."""
    participant = Participant.objects.filter(conversation=conversation, user_id=user.pk).first()
    read_upto = participant.last_read_id if participant else 0
    return {
        "unread": conversation.messages.filter(id__gt=read_upto).exclude(author_id=user.pk).count(),
        "can_write": user.has_perm("conversations.write", conversation),
        "joined": participant is not None and participant.joined_at is not None,
    }
