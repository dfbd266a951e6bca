"""Every write on conversations (WT2): one transaction each, the conversation locked,
audited in it, notifications after commit. Messages are only ever added: a correction
is a new message."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.conversations import notifications
from werkpad.conversations.models import Conversation, Kind, Message, Participant
from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import FILE_ROLES, Role, scope_of
from werkpad.documents import selectors as document_selectors
from werkpad.documents import services as document_services
from werkpad.documents.models import Document, Type, document_storage
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

#: The longest message, in characters.
BODY_MAX_LENGTH = 5000


def _check_body(body: str) -> str:
    text = body.strip()
    if not text:
        raise InvalidInputError({"body": [_("Write a message.")]})
    if len(text) > BODY_MAX_LENGTH:
        raise InvalidInputError(
            {"body": [_("A message has at most %(n)s characters.") % {"n": BODY_MAX_LENGTH}]}
        )
    return text


def _role_in(user: User, conversation: Conversation) -> str:
    if conversation.job_seeker.user_id == user.pk and scope_of(user).has(Role.JOB_SEEKER):
        return Role.JOB_SEEKER
    if conversation.job_seeker.municipality_id in scope_of(user).municipalities(*FILE_ROLES):
        return Role.CASEWORKER
    return Role.COACH


def _audit(*, user: User, conversation: Conversation, action: str, fields: list[str]) -> None:
    audit_record(
        user=user,
        action=action,
        object_type="conversation",
        object_id=conversation.pk,
        job_seeker_id=conversation.job_seeker_id,
        municipality_id=conversation.job_seeker.municipality_id,
        fields=fields,
    )


def _locked(*, user: User, conversation_id: int, permission: str) -> Conversation:
    conversation = (
        Conversation.objects.select_for_update(of=("self",))
        .select_related("job_seeker__contact_person", "trajectory__coach")
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None or not user.has_perm("conversations.view_conversation", conversation):
        raise NotFoundError(code="conversation-not-found")
    if not user.has_perm(permission, conversation):
        raise PermissionDeniedError(code=f"conversation-{permission.split('.')[1]}-denied")
    return conversation


def _mark_read(*, user: User, conversation: Conversation, upto: int) -> None:
    participant, _created = Participant.objects.get_or_create(
        conversation=conversation, user_id=user.pk
    )
    if participant.last_read_id < upto:
        participant.last_read_id = upto
        participant.save(update_fields=["last_read_id"])


@dataclass(frozen=True)
class Attachment:
    """A document sent with a message: a new upload (``upload`` with its ``type`` and
    whether it is health information), or one already in the file (``document_id``)."""

    upload: UploadedFile | None = None
    type: str = Type.OTHER
    health: bool = False
    document_id: int | None = None


def _attach(*, user: User, conversation: Conversation, attachment: Attachment) -> Document:
    """The document of a message: uploaded on the conversation's trajectory (so its coach
    reads it while the trajectory runs) or, with the contact person, on the file; an
    existing one must be of the same file and readable by the author."""
    if attachment.upload is not None:
        return document_services.document_upload(
            user=user,
            job_seeker_id=conversation.job_seeker_id,
            upload=attachment.upload,
            type=attachment.type,
            health=attachment.health,
            trajectory_id=conversation.trajectory_id,
        )
    assert attachment.document_id is not None
    try:
        document = document_selectors.document_get(
            user=user, id=attachment.document_id, purpose=AuditEvent.Purpose.CONVERSATION
        )
    except NotFoundError:
        document = None
    if document is None or document.job_seeker_id != conversation.job_seeker_id:
        raise InvalidInputError(
            {"document": [_("Attach a document of this job seeker's file.")]},
            codes={"document": "attachment-other-file"},
        )
    return document


def _append(
    *, user: User, conversation: Conversation, body: str, attachment: Attachment | None = None
) -> Message:
    document = None
    if attachment is not None:
        document = _attach(user=user, conversation=conversation, attachment=attachment)
    try:
        return _record(user=user, conversation=conversation, body=body, document=document)
    except BaseException:
        # A refused message leaves no file behind (the row goes with the transaction).
        if document is not None and attachment is not None and attachment.upload is not None:
            document_storage().delete(document.file.name)
        raise


def _record(
    *, user: User, conversation: Conversation, body: str, document: Document | None
) -> Message:
    message = Message.objects.create(
        conversation=conversation,
        author=user,
        author_role=_role_in(user, conversation),
        body=body,
        sent_at=clock.now(),
        attachment=document,
    )
    conversation.last_message_at = message.sent_at
    conversation.save(update_fields=["last_message_at"])
    _mark_read(user=user, conversation=conversation, upto=message.pk)
    _audit(
        user=user,
        conversation=conversation,
        action=AuditEvent.Action.CREATE,
        fields=["message", *(["attachment"] if document else [])],
    )
    notifications.notify_message(message, actor=user)
    return message


@transaction.atomic
def message_send(
    *, user: User, conversation_id: int, body: str, attachment: Attachment | None = None
) -> Message:
    """A new message in a conversation the user may write in, with a document if given."""
    conversation = _locked(
        user=user, conversation_id=conversation_id, permission="conversations.write"
    )
    return _append(
        user=user, conversation=conversation, body=_check_body(body), attachment=attachment
    )


@transaction.atomic
def message_start(
    *,
    user: User,
    job_seeker_id: int,
    body: str,
    trajectory_id: int | None = None,
    attachment: Attachment | None = None,
) -> Message:
    """A message to the contact person (no ``trajectory_id``) or in the conversation of a
    running trajectory with its coach; the conversation is started if there is none."""
    job_seeker = (
        JobSeeker.objects.select_for_update(of=("self",))
        .select_related("contact_person")
        .filter(pk=job_seeker_id)
        .first()
    )
    if job_seeker is None:
        raise NotFoundError(code="job-seeker-not-found")
    trajectory = None
    if trajectory_id is not None:
        trajectory = (
            Trajectory.objects.select_related("provider", "coach")
            .filter(pk=trajectory_id, job_seeker=job_seeker)
            .first()
        )
        if trajectory is None:
            raise NotFoundError(code="trajectory-not-found")
    conversation = (
        Conversation.objects.filter(job_seeker=job_seeker, kind=Kind.CONTACT).first()
        if trajectory is None
        else Conversation.objects.filter(trajectory=trajectory).first()
    )
    if conversation is None:
        conversation = Conversation(
            job_seeker=job_seeker,
            kind=Kind.CONTACT if trajectory is None else Kind.TRAJECTORY,
            trajectory=trajectory,
            provider_organisation_id=trajectory.provider.organisation_id if trajectory else None,
        )
    if not user.has_perm("conversations.view_conversation", conversation):
        raise NotFoundError(code="job-seeker-not-found")
    if not user.has_perm("conversations.write", conversation):
        raise PermissionDeniedError(code="conversation-write-denied")
    text = _check_body(body)
    if conversation.pk is None:
        if trajectory is not None and trajectory.status not in RUNNING:
            raise PermissionDeniedError(code="conversation-write-denied")
        try:
            with transaction.atomic():
                conversation.save()
        except IntegrityError:  # started at the same moment by someone else
            conversation = Conversation.objects.get(
                job_seeker=job_seeker, kind=conversation.kind, trajectory=trajectory
            )
        conversation.job_seeker = job_seeker
    return _append(user=user, conversation=conversation, body=text, attachment=attachment)


@transaction.atomic
def conversation_mark_read(*, user: User, conversation: Conversation) -> None:
    """The user read the thread up to its last message (a conversation obtained through
    ``selectors.conversation_get``)."""
    last = conversation.messages.order_by("-id").values_list("id", flat=True).first()
    if last is not None:
        _mark_read(user=user, conversation=conversation, upto=last)


@transaction.atomic
def conversation_join(*, user: User, conversation_id: int) -> Participant:
    """A caseworker of the file joins the coach's conversation: they may write in it and
    hear of its new messages."""
    conversation = _locked(
        user=user, conversation_id=conversation_id, permission="conversations.join"
    )
    participant, _created = Participant.objects.get_or_create(
        conversation=conversation, user_id=user.pk
    )
    if participant.joined_at is None:
        participant.joined_at = clock.now()
        participant.save(update_fields=["joined_at"])
        _audit(
            user=user,
            conversation=conversation,
            action=AuditEvent.Action.UPDATE,
            fields=["participants"],
        )
    return participant
