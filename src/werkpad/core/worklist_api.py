"""/api/v1/worklist: the user's worklist as on the home page, overdue items first."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from werkpad.core.api import ApiView
from werkpad.core.worklist import WorklistItem, WorklistSection, worklist_for


class WorklistItemSerializer(serializers.Serializer[WorklistItem]):
    title = serializers.CharField()
    url = serializers.CharField(help_text="The path of the page to act on.")
    detail = serializers.CharField(allow_blank=True)
    overdue = serializers.BooleanField()
    dueOn = serializers.DateField(
        source="due_on", allow_null=True, help_text="When it falls or fell due, if it has a date."
    )


class WorklistSectionSerializer(serializers.Serializer[WorklistSection]):
    key = serializers.CharField(help_text="Stable name of the section, e.g. `plan-review`.")
    title = serializers.CharField()
    count = serializers.IntegerField(help_text="How many there are; `items` holds the first few.")
    items = WorklistItemSerializer(many=True)
    moreUrl = serializers.CharField(source="more_url", allow_blank=True)
    emptyText = serializers.CharField(source="empty_text", allow_blank=True)


class WorklistSerializer(serializers.Serializer[dict[str, list[WorklistSection]]]):
    sections = WorklistSectionSerializer(many=True)


class WorklistView(ApiView):
    schema_tags = ["worklist"]

    @extend_schema(
        operation_id="worklistRead",
        summary="Read your worklist",
        description=(
            "The sections of the roles you hold, in the order of the home page; within "
            "each, the overdue items first."
        ),
        responses={200: WorklistSerializer},
    )
    def get(self, request: Request) -> Response:
        return Response(WorklistSerializer({"sections": worklist_for(request.user)}).data)
