"""Agreed actions in the API (WT1)."""

from __future__ import annotations

from rest_framework import serializers

from werkpad.actions.models import Owner
from werkpad.actions.workflow import Status
from werkpad.core.api import LineField, ParagraphField, StrictSerializer


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    planId = serializers.IntegerField(source="plan_id", allow_null=True)
    trajectoryId = serializers.IntegerField(source="trajectory_id", allow_null=True)
    description = serializers.CharField()
    owner = serializers.ChoiceField(choices=Owner.choices)
    dueOn = serializers.DateField(source="due_on")
    overdue = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=Status.choices)
    needsApproval = serializers.BooleanField(source="needs_approval")
    completedAt = serializers.DateTimeField(source="completed_at", allow_null=True)
    approvedAt = serializers.DateTimeField(source="approved_at", allow_null=True)
    cancelledAt = serializers.DateTimeField(source="cancelled_at", allow_null=True)
    cancelReason = serializers.CharField(source="cancel_reason")

    def get_overdue(self, obj) -> bool:
        return obj.overdue()


class ActionCreateSerializer(StrictSerializer):
    description = LineField(max_length=300, help_text="What is to be done, in plain words.")
    owner = serializers.ChoiceField(
        choices=Owner.choices, help_text="The coach only on a trajectory."
    )
    dueOn = serializers.DateField(help_text="Not in the past.")


class ActionVersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read; a stale one is refused with 409.",
    )


class ActionCompletionSerializer(ActionVersionSerializer):
    pass


class ActionApprovalSerializer(ActionVersionSerializer):
    approved = serializers.BooleanField(
        default=True, help_text="False sends the action back: open again, with the reason."
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text="Why it is not done yet; needed when approved is false.",
    )


class ActionCancellationSerializer(ActionVersionSerializer):
    reason = ParagraphField(max_length=2000)
