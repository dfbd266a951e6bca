"""Mediations in the API."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer
from werkpad.mediations.models import Outcome, RequestedBy
from werkpad.mediations.workflow import Status


class MediationSessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    heldOn = serializers.DateField(source="held_on")
    notes = serializers.CharField(
        allow_null=True, help_text="Null for the provider, the other party."
    )


class MediationSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Status.choices)
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    trajectoryId = serializers.IntegerField(source="trajectory_id")
    requestedBy = serializers.ChoiceField(source="requested_by", choices=RequestedBy.choices)
    requestedOn = serializers.DateField(source="requested_on")
    outcome = serializers.SerializerMethodField(help_text="Null until concluded.")

    @extend_schema_field(serializers.ChoiceField(choices=Outcome.choices, allow_null=True))
    def get_outcome(self, obj) -> str | None:
        return obj.outcome or None


class MediationSerializer(MediationSummarySerializer):
    reason = serializers.CharField()
    mediatorName = serializers.CharField(source="mediator_name")
    mediatorOrganisation = serializers.CharField(source="mediator_organisation")
    appointedOn = serializers.DateField(source="appointed_on", allow_null=True)
    outcomeText = serializers.CharField(source="outcome_text")
    concludedOn = serializers.DateField(source="concluded_on", allow_null=True)
    withdrawalReason = serializers.CharField(source="withdrawal_reason")
    sessions = serializers.SerializerMethodField()

    @extend_schema_field(MediationSessionSerializer(many=True))
    def get_sessions(self, obj):
        return MediationSessionSerializer(self.context["sessions"], many=True).data


class MediationCreateSerializer(StrictSerializer):
    trajectory = serializers.IntegerField(min_value=1)
    reason = ParagraphField(help_text="What the disagreement is about.")


class MediationVersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read; a stale one is refused with 409.",
    )


class MediatorAppointmentSerializer(MediationVersionSerializer):
    name = LineField()
    organisation = LineField(help_text="Not the municipality, not the provider.")


class MediationSessionInSerializer(MediationVersionSerializer):
    heldOn = serializers.DateField()
    notes = ParagraphField()


class MediationOutcomeSerializer(MediationVersionSerializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    text = ParagraphField()


class MediationWithdrawalSerializer(MediationVersionSerializer):
    reason = ParagraphField()
