"""The plan in the API: explicit camelCase input and output."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer
from werkpad.plans.models import Approach, Kind
from werkpad.plans.workflow import Status


class PlanInstrumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField()
    name = serializers.CharField()


class PlanPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="get_full_name")


class PlanJobSeekerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")


class PlanStatusChangeSerializer(serializers.Serializer):
    fromStatus = serializers.CharField(source="from_status", help_text="Empty for the first row.")
    toStatus = serializers.ChoiceField(source="to_status", choices=Status.choices)
    changedAt = serializers.DateTimeField(source="changed_at")
    changedBy = PlanPersonSerializer(source="changed_by", allow_null=True)
    reason = serializers.CharField()


class PlanVersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Status.choices)
    kind = serializers.ChoiceField(choices=Kind.choices)
    goals = serializers.CharField()
    targetRung = serializers.IntegerField(source="target_rung", min_value=1, max_value=6)
    approach = serializers.CharField(help_text="demand, supply, or empty for an activation plan.")
    rightsAndObligations = serializers.CharField(source="rights_and_obligations")
    activities = serializers.CharField(help_text="The agreed activities.")
    instruments = PlanInstrumentSerializer(many=True, source="instruments.all")
    personalBudget = serializers.DecimalField(
        source="personal_budget",
        max_digits=8,
        decimal_places=2,
        coerce_to_string=False,
        allow_null=True,
        help_text="Personal re-integration budget in euro.",
    )
    reviewDueOn = serializers.DateField(source="review_due_on", allow_null=True)
    reason = serializers.CharField(help_text="Why this version was made.")
    createdAt = serializers.DateTimeField(source="created_at")
    createdBy = PlanPersonSerializer(source="created_by", allow_null=True)
    proposedAt = serializers.DateTimeField(source="proposed_at", allow_null=True)
    answeredAt = serializers.DateTimeField(source="answered_at", allow_null=True)
    disagreementReason = serializers.CharField(source="disagreement_reason")
    effectiveOn = serializers.DateField(source="effective_on", allow_null=True)
    history = PlanStatusChangeSerializer(many=True, source="history.all")


class PlanSummarySerializer(serializers.Serializer):
    """A row of the list. For a job seeker, ``status`` is that of the newest version shared
    with them."""

    id = serializers.IntegerField()
    jobSeeker = PlanJobSeekerSerializer(source="job_seeker")
    status = serializers.SerializerMethodField()
    latestVersion = serializers.SerializerMethodField()
    currentVersion = serializers.SerializerMethodField()
    reviewDueOn = serializers.DateField(source="review_due_on", allow_null=True)
    reviewOverdue = serializers.SerializerMethodField()
    version = serializers.IntegerField(help_text="Send it back when you change the plan.")
    updatedAt = serializers.DateTimeField(source="updated_at")

    def _staff(self, plan) -> bool:
        return self.context["request"].user.has_perm("plans.change_plan", plan)

    @extend_schema_field(serializers.ChoiceField(choices=Status.choices))
    def get_status(self, plan) -> str:
        if plan.status == Status.DRAFT and not self._staff(plan) and plan.current_version:
            return plan.current_version.status
        return plan.status

    @extend_schema_field(serializers.IntegerField())
    def get_latestVersion(self, plan) -> int:
        if plan.status == Status.DRAFT and not self._staff(plan) and plan.current_version:
            return plan.current_version.number
        return plan.latest_number

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_currentVersion(self, plan) -> int | None:
        return plan.current_version.number if plan.current_version else None

    @extend_schema_field(serializers.BooleanField())
    def get_reviewOverdue(self, plan) -> bool:
        return plan.review_overdue()


class PlanCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    versionNumber = serializers.IntegerField(source="version.number")
    author = PlanPersonSerializer(allow_null=True)
    byJobSeeker = serializers.BooleanField(source="by_job_seeker")
    text = serializers.CharField()
    createdAt = serializers.DateTimeField(source="created_at")


class PlanReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    heldOn = serializers.DateField(source="held_on")
    versionNumber = serializers.IntegerField(source="version.number")
    rungReconsidered = serializers.BooleanField(source="rung_reconsidered")
    instrumentsReconsidered = serializers.BooleanField(source="instruments_reconsidered")
    notes = serializers.CharField()
    newVersionNumber = serializers.IntegerField(source="new_version.number", allow_null=True)
    recordedBy = PlanPersonSerializer(source="recorded_by", allow_null=True)


class PlanSerializer(PlanSummarySerializer):
    """The plan as this user may see it: a job seeker never sees a draft."""

    municipality = serializers.IntegerField(source="municipality_id")
    versions = PlanVersionSerializer(many=True, source="shown_versions")
    comments = PlanCommentSerializer(many=True, source="shown_comments")
    reviews = PlanReviewSerializer(many=True, source="shown_reviews")

    @extend_schema_field(serializers.ChoiceField(choices=Status.choices))
    def get_status(self, plan) -> str:
        return plan.shown.status if plan.shown else plan.status

    @extend_schema_field(serializers.IntegerField())
    def get_latestVersion(self, plan) -> int:
        return plan.shown.number if plan.shown else plan.latest_number


#: API name -> service field name, for input.
INPUT_FIELDS = {
    "kind": "kind",
    "goals": "goals",
    "targetRung": "target_rung",
    "approach": "approach",
    "rightsAndObligations": "rights_and_obligations",
    "activities": "activities",
    "instruments": "instruments",
    "personalBudget": "personal_budget",
    "reviewDueOn": "review_due_on",
    "reason": "reason",
}


class PlanContentSerializer(StrictSerializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    goals = ParagraphField()
    targetRung = serializers.IntegerField(min_value=1, max_value=6)
    approach = serializers.ChoiceField(
        choices=[*Approach.choices, ("", "none")],
        required=False,
        allow_blank=True,
        help_text="Required for an integration plan.",
    )
    rightsAndObligations = ParagraphField()
    activities = ParagraphField()
    instruments = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Ids of active instruments of the job seeker's municipality.",
    )
    personalBudget = serializers.DecimalField(
        max_digits=8,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        coerce_to_string=False,
    )
    reviewDueOn = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Empty: the municipality's plan review period after it takes effect.",
    )
    reason = LineField(required=False, allow_blank=True, max_length=300)

    def model_data(self) -> dict:
        return {INPUT_FIELDS[k]: v for k, v in self.validated_data.items() if k in INPUT_FIELDS}


class PlanCreateSerializer(PlanContentSerializer):
    jobSeeker = serializers.IntegerField(min_value=1, help_text="The job seeker's id.")


class PlanUpdateSerializer(PlanContentSerializer):
    """A partial update of the draft; ``version`` is the plan's version you read."""

    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one is refused with 409."
    )


class VersionOnlySerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="The plan's version you read; when given, a stale one is refused with 409.",
    )


class AgreementSerializer(StrictSerializer):
    """The job seeker's answer names the plan's ``version`` they read."""

    version = serializers.IntegerField(
        min_value=1,
        help_text="The plan's `version` as you read it. When the plan changed since (a new "
        "text or a comment), the answer is refused with 409 and nothing changes: read the "
        "plan again and answer that.",
    )


class DisagreementSerializer(AgreementSerializer):
    reason = ParagraphField(help_text="Why you do not agree.")


class CommentWriteSerializer(StrictSerializer):
    text = ParagraphField()


class RevisionSerializer(VersionOnlySerializer):
    reason = LineField(max_length=300, help_text="Why a new version is needed.")


class ReviewWriteSerializer(VersionOnlySerializer):
    rungReconsidered = serializers.BooleanField()
    instrumentsReconsidered = serializers.BooleanField()
    notes = ParagraphField(required=False, allow_blank=True)
    changesNeeded = serializers.BooleanField(
        help_text="True starts a new draft version from the plan in effect."
    )
