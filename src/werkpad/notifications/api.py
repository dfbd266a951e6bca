"""/api/v1/notifications: the user's own notifications, and marking one read."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionView, ListApiView, StrictSerializer, action_schema
from werkpad.notifications import selectors, services
from werkpad.notifications.filters import NotificationFilter
from werkpad.notifications.models import Notification
from werkpad.notifications.serializers import NotificationSerializer

TAGS = ["notifications"]
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The notification's id.")


class NotificationListView(ListApiView):
    schema_tags = TAGS
    serializer_class = NotificationSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = NotificationFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Notification.objects.none()
        return selectors.notification_list(user=self.request.user)

    @extend_schema(
        operation_id="notificationList",
        summary="List your notifications",
        description="Your own notifications, newest first; `unread=true` for the unread ones.",
        responses={200: NotificationSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(NotificationSerializer(page, many=True).data)


@action_schema(
    operation_id="notificationRead",
    summary="Mark a notification read",
    description="Only your own: anyone else's is not found (404).",
    parameters=[ID_PARAM],
    response=NotificationSerializer,
    body=False,
)
class NotificationReadView(ActionView):
    """Mark one of your notifications read; again changes nothing."""

    schema_tags = TAGS
    #: It takes no body: any field in one is refused, not ignored.
    request_serializer = StrictSerializer

    def act(self, request, id: int, data):
        return services.notification_mark_read(user=request.user, notification_id=id)

    def respond(self, request, id: int, result) -> Response:
        return Response(NotificationSerializer(result).data)
