"""The consents in the API (RI5, TR4): camelCase fields, explicit input serializers."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.consents import parts as file_parts
from werkpad.consents.models import Consent
from werkpad.consents.workflow import CREATE_STATUS_CHOICES, INPUT_CHANNEL_CHOICES, Status
from werkpad.core.api import ParagraphField, StrictSerializer, camel


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ConsentChangeSerializer(serializers.Serializer):
    fromStatus = serializers.CharField(source="from_status")
    toStatus = serializers.ChoiceField(source="to_status", choices=Status.choices)
    changedAt = serializers.DateTimeField(source="changed_at")
    changedBy = serializers.SerializerMethodField()
    channel = serializers.CharField(help_text="How it was given; empty for a question.")
    reason = serializers.CharField()

    @extend_schema_field(serializers.CharField())
    def get_changedBy(self, obj) -> str:
        return obj.changed_by.get_full_name() if obj.changed_by else ""


class ConsentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    jobSeeker = serializers.IntegerField(source="job_seeker_id")
    recipient = serializers.ChoiceField(choices=Consent.Recipient.choices)
    organisation = serializers.SerializerMethodField()
    part = serializers.ChoiceField(choices=file_parts.CHOICES)
    fileFields = serializers.SerializerMethodField(
        help_text="The fields of the job seeker's file this part holds."
    )
    status = serializers.ChoiceField(choices=Status.choices)
    channel = serializers.CharField(
        help_text="How the current status was given: portal (own pages), paper, desk, phone, "
        "referral; empty for a question."
    )
    requestedReason = serializers.CharField(source="requested_reason")
    version = serializers.IntegerField()
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")

    @extend_schema_field(OrganisationRefSerializer(allow_null=True))
    def get_organisation(self, obj) -> dict | None:
        if obj.organisation is None:
            return None
        return {"id": obj.organisation.pk, "name": obj.organisation.name}

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_fileFields(self, obj) -> list[str]:
        return [camel(name) for name in file_parts.PARTS[obj.part].fields]


class ConsentDetailSerializer(ConsentSerializer):
    history = serializers.SerializerMethodField()

    @extend_schema_field(ConsentChangeSerializer(many=True))
    def get_history(self, obj) -> list:
        # many=True makes a ListSerializer, whose data is a list; the stub types it as one row.
        return ConsentChangeSerializer(  # type: ignore[return-value]
            obj.history.select_related("changed_by").order_by("changed_at", "id"), many=True
        ).data


class ConsentCreateSerializer(StrictSerializer):
    recipient = serializers.ChoiceField(choices=Consent.Recipient.choices)
    organisation = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The provider's or advisor office's organisation id; none for employers.",
    )
    part = serializers.ChoiceField(choices=file_parts.CHOICES)
    status = serializers.ChoiceField(
        choices=CREATE_STATUS_CHOICES,
        help_text="`given`: record a consent (a caseworker names the `channel`); `requested`: "
        "ask the job seeker (a caseworker).",
    )
    channel = serializers.ChoiceField(
        choices=INPUT_CHANNEL_CHOICES,
        required=False,
        allow_blank=True,
        default="",
        help_text="How the job seeker gave it: paper, desk or phone (a caseworker); the job "
        "seeker's own answers are `portal`.",
    )
    reason = ParagraphField(required=False, allow_blank=True, default="")


class ConsentActionSerializer(StrictSerializer):
    channel = serializers.ChoiceField(
        choices=INPUT_CHANNEL_CHOICES,
        required=False,
        allow_blank=True,
        default="",
        help_text="How the job seeker told you: paper, desk or phone (required for a "
        "caseworker); the job seeker leaves it out.",
    )
    reason = ParagraphField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read; a stale one is refused with 409.",
    )
