"""Conversations in the API."""

from __future__ import annotations

from rest_framework import serializers

from werkpad.conversations.models import Kind
from werkpad.conversations.services import BODY_MAX_LENGTH
from werkpad.core.api import ParagraphField, StrictSerializer


class ConversationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(
        choices=Kind.choices, help_text="With the contact person, or with the coach."
    )
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    trajectoryId = serializers.IntegerField(
        source="trajectory_id", allow_null=True, help_text="Null for the contact person's."
    )
    title = serializers.CharField()
    lastMessageAt = serializers.DateTimeField(source="last_message_at", allow_null=True)
    unread = serializers.IntegerField(help_text="Messages of others you have not read.")


class ConversationDetailSerializer(ConversationSerializer):
    """With the reader's state from ``selectors.conversation_state`` as its context."""

    unread = serializers.SerializerMethodField(  # type: ignore[assignment]
        help_text="Messages of others you have not read."
    )
    canWrite = serializers.SerializerMethodField(help_text="Whether you may write in it.")
    joined = serializers.SerializerMethodField(
        help_text="Whether you joined it (a caseworker in the coach's conversation)."
    )

    def get_unread(self, obj) -> int:
        return self.context["unread"]

    def get_canWrite(self, obj) -> bool:
        return self.context["can_write"]

    def get_joined(self, obj) -> bool:
        return self.context["joined"]


class AttachmentSerializer(serializers.Serializer):
    """A message's document: its details only for a reader who may open it (the context's
    ``readable``, from ``selectors.readable_attachments``)."""

    id = serializers.IntegerField()
    readable = serializers.SerializerMethodField(
        help_text="Whether you may open it: a health document, for one, only with consent."
    )
    name = serializers.SerializerMethodField(help_text="Null when you may not open it.")
    type = serializers.SerializerMethodField(help_text="Null when you may not open it.")

    def _readable(self, obj) -> bool:
        return obj.pk in self.context.get("readable", ())

    def get_readable(self, obj) -> bool:
        return self._readable(obj)

    def get_name(self, obj) -> str | None:
        return obj.original_name if self._readable(obj) else None

    def get_type(self, obj) -> str | None:
        return obj.type if self._readable(obj) else None


class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    authorId = serializers.IntegerField(source="author_id")
    authorName = serializers.SerializerMethodField()
    authorRole = serializers.ChoiceField(
        source="author_role",
        choices=[("job_seeker", "job seeker"), ("caseworker", "caseworker"), ("coach", "coach")],
    )
    body = serializers.CharField()
    sentAt = serializers.DateTimeField(source="sent_at")
    attachment = AttachmentSerializer(
        allow_null=True,
        help_text="A document sent with it; open it at /api/v1/documents/{id}/content.",
    )

    def get_authorName(self, obj) -> str:
        return obj.author.get_full_name() or obj.author.get_username()


class MessageCreateSerializer(StrictSerializer):
    body = ParagraphField(max_length=BODY_MAX_LENGTH, help_text="Plain text; never changed.")
    document = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text=(
            "A document of this file to send with it, uploaded first at /api/v1/documents "
            "(on the trajectory for the coach's conversation)."
        ),
    )


class ConversationStartSerializer(MessageCreateSerializer):
    """The first message to the contact person (no ``trajectory``) or to the coach of a
    running trajectory; the conversation is started when there is none yet."""

    jobSeeker = serializers.IntegerField(min_value=1)
    trajectory = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="A running trajectory of the job seeker: the conversation with its coach.",
    )
