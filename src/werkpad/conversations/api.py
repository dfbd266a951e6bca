"""/api/v1/conversations: the user's conversations, one conversation, and its messages
(read, and a new one written) (WT2). No message is ever changed or deleted."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.conversations import selectors, services
from werkpad.conversations.models import Conversation
from werkpad.conversations.serializers import (
    ConversationDetailSerializer,
    ConversationSerializer,
    ConversationStartSerializer,
    MessageCreateSerializer,
    MessageSerializer,
)
from werkpad.core.api import ApiView, ListApiView
from werkpad.core.errors import InvalidInputError
from werkpad.core.filters import parse_id
from werkpad.core.models import AuditEvent

TAGS = ["conversations"]
PURPOSE = AuditEvent.Purpose.CONVERSATION_API
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The conversation's id.")


class ConversationListView(ListApiView):
    schema_tags = TAGS
    schema_write_errors = {
        404: "No job seeker, or no trajectory of theirs, with this id is visible to you."
    }
    serializer_class = ConversationSerializer
    filter_backends: list = []
    query_parameters = [
        OpenApiParameter(
            "jobSeeker",
            int,
            description="Every conversation of this job seeker you may read, not only yours.",
        )
    ]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Conversation.objects.none()
        job_seeker_id = None
        if "jobSeeker" in self.request.query_params:
            job_seeker_id = parse_id(self.request.query_params["jobSeeker"])
            if job_seeker_id is None:
                raise InvalidInputError({"jobSeeker": [_("Not a valid id.")]})
        return selectors.conversation_list(
            user=self.request.user, job_seeker_id=job_seeker_id, purpose=PURPOSE
        )

    @extend_schema(
        operation_id="conversationList",
        summary="List your conversations",
        description=(
            "A job seeker's own; a caseworker's as contact person, as stand-in and those "
            "joined; a coach's of running trajectories. Unread first."
        ),
        responses={200: ConversationSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ConversationSerializer(page, many=True).data)

    @extend_schema(
        operation_id="conversationStart",
        summary="Write to the contact person or the coach",
        description=(
            "A message in the job seeker's conversation with their contact person, or with "
            "the coach of a running trajectory (`trajectory`); the conversation is started "
            "when there is none yet. Answers the conversation."
        ),
        request=ConversationStartSerializer,
        responses={201: ConversationDetailSerializer},
    )
    def post(self, request):
        serializer = ConversationStartSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        message = services.message_start(
            user=request.user,
            job_seeker_id=data["jobSeeker"],
            trajectory_id=data["trajectory"],
            body=data["body"],
            attachment=services.Attachment(document_id=data["document"])
            if data["document"]
            else None,
        )
        conversation = message.conversation
        state = selectors.conversation_state(user=request.user, conversation=conversation)
        return Response(ConversationDetailSerializer(conversation, context=state).data, status=201)


def _conversation(request, id: int, *, for_action: str | None = None) -> Conversation:
    return selectors.conversation_get(
        user=request.user, id=id, purpose=PURPOSE, for_action=for_action
    )


class ConversationDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="conversationRead",
        summary="Read a conversation",
        description="Its kind, trajectory, unread count and whether you may write in it.",
        parameters=[ID_PARAM],
        responses={200: ConversationDetailSerializer},
    )
    def get(self, request, id: int):
        conversation = _conversation(request, id)
        state = selectors.conversation_state(user=request.user, conversation=conversation)
        return Response(ConversationDetailSerializer(conversation, context=state).data)


class ConversationMessagesView(ApiView):
    schema_tags = TAGS
    schema_write_errors = {
        403: "You may read this conversation but not write in it (a caseworker who has not "
        "joined the coach's, a coach once the trajectory ended).",
    }

    @extend_schema(
        operation_id="conversationMessageList",
        summary="Read the messages of a conversation",
        description="Oldest first; reading marks them read for you.",
        parameters=[ID_PARAM],
        responses={200: MessageSerializer(many=True)},
    )
    def get(self, request, id: int):
        conversation = _conversation(request, id)
        thread = list(selectors.conversation_messages(conversation=conversation))
        services.conversation_mark_read(user=request.user, conversation=conversation)
        readable = selectors.readable_attachments(user=request.user, thread=thread)
        return Response(MessageSerializer(thread, many=True, context={"readable": readable}).data)

    @extend_schema(
        operation_id="conversationMessageCreate",
        summary="Write a message",
        description=(
            "Added to the conversation; it cannot be changed or deleted afterwards (a "
            "correction is a new message). The others hear of it without its text."
        ),
        parameters=[ID_PARAM],
        request=MessageCreateSerializer,
        responses={201: MessageSerializer},
    )
    def post(self, request, id: int):
        _conversation(request, id, for_action="write")
        serializer = MessageCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = serializer.validated_data["document"]
        message = services.message_send(
            user=request.user,
            conversation_id=id,
            body=serializer.validated_data["body"],
            attachment=services.Attachment(document_id=document) if document else None,
        )
        readable = {message.attachment_id} if message.attachment_id else set()
        return Response(MessageSerializer(message, context={"readable": readable}).data, status=201)
