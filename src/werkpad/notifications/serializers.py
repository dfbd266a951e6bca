"""Notifications in the API: camelCase, read-only."""

from __future__ import annotations

from rest_framework import serializers

from werkpad.notifications.models import Kind


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    topic = serializers.CharField(help_text="What it is about, e.g. `plan-review`.")
    text = serializers.CharField(help_text="One sentence, in the language of the request.")
    url = serializers.CharField(help_text="The path of the page it is about.")
    dueOn = serializers.DateField(source="due_on", allow_null=True)
    createdAt = serializers.DateTimeField(source="created_at")
    read = serializers.SerializerMethodField()
    readAt = serializers.DateTimeField(source="read_at", allow_null=True)

    def get_read(self, notification) -> bool:
        return notification.read_at is not None
