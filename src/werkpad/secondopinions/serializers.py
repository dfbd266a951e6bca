"""Second opinions in the API: explicit camelCase input and output."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer
from werkpad.secondopinions.models import Decision, OtherExpertMode, RequestedBy
from werkpad.secondopinions.workflow import Status


class SecondOpinionAdvisorOfficeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class SecondOpinionSummarySerializer(serializers.Serializer):
    """A row of the list."""

    id = serializers.IntegerField()
    version = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Status.choices)
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    jobSeekerName = serializers.CharField(source="job_seeker.full_name")
    programmeId = serializers.IntegerField(source="programme_id", allow_null=True)
    trajectoryId = serializers.IntegerField(source="trajectory_id", allow_null=True)
    subject = serializers.CharField(source="subject_name")
    requestedBy = serializers.ChoiceField(source="requested_by", choices=RequestedBy.choices)
    requestedOn = serializers.DateField(source="requested_on")
    termEndsOn = serializers.DateField(
        source="term_ends_on", help_text="The last day for the advice (Atw applied)."
    )
    overdue = serializers.BooleanField(help_text="Waiting for the advice past its term.")
    advisorId = serializers.IntegerField(source="advisor_id", allow_null=True)
    decision = serializers.ChoiceField(choices=Decision.choices, allow_blank=True)


class SecondOpinionOtherExpertSerializer(serializers.Serializer):
    name = serializers.CharField(source="other_expert_name")
    organisation = serializers.CharField(source="other_expert_organisation")
    role = serializers.CharField(source="other_expert_role")
    mode = serializers.ChoiceField(source="other_expert_mode", choices=OtherExpertMode.choices)
    advice = serializers.CharField(source="other_expert_advice")


class SecondOpinionMeetingSerializer(serializers.Serializer):
    heldOn = serializers.DateField(source="meeting_held_on")
    present = serializers.CharField(source="meeting_with")
    notes = serializers.CharField(source="meeting_notes")


class SecondOpinionSerializer(SecondOpinionSummarySerializer):
    """One second opinion with the advice, the other expert, the meeting and the decision."""

    question = serializers.CharField()
    advisorOffice = SecondOpinionAdvisorOfficeSerializer(source="advisor_office")
    advice = serializers.CharField(help_text="Empty until the advice is given.")
    adviceByOtherExpert = serializers.BooleanField(source="advice_by_other_expert")
    advisedAt = serializers.DateTimeField(source="advised_at", allow_null=True)
    termMet = serializers.BooleanField(
        source="term_met", allow_null=True, help_text="Null while the advice has not come."
    )
    otherExpert = serializers.SerializerMethodField()
    meeting = serializers.SerializerMethodField()
    motivation = serializers.CharField()
    decidedOn = serializers.DateField(source="decided_on", allow_null=True)
    withdrawalReason = serializers.CharField(source="withdrawal_reason")

    @extend_schema_field(SecondOpinionOtherExpertSerializer(allow_null=True))
    def get_otherExpert(self, obj):
        return SecondOpinionOtherExpertSerializer(obj).data if obj.other_expert_mode else None

    @extend_schema_field(SecondOpinionMeetingSerializer(allow_null=True))
    def get_meeting(self, obj):
        return SecondOpinionMeetingSerializer(obj).data if obj.meeting_held_on else None


class SecondOpinionCreateSerializer(StrictSerializer):
    jobSeeker = serializers.IntegerField(min_value=1)
    programme = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The programme offered; give this or `trajectory`.",
    )
    trajectory = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The trajectory; give this or `programme`.",
    )
    question = ParagraphField(help_text="What the job seeker doubts or disagrees with.")


class SecondOpinionVersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read; a stale one is refused with 409.",
    )


class SecondOpinionAssignmentSerializer(SecondOpinionVersionSerializer):
    advisor = serializers.IntegerField(min_value=1, help_text="An advisor of the office.")


class SecondOpinionAdviceSerializer(SecondOpinionVersionSerializer):
    advice = ParagraphField()


class SecondOpinionOtherExpertInSerializer(SecondOpinionVersionSerializer):
    name = LineField()
    organisation = LineField(required=False, allow_blank=True)
    role = LineField()
    mode = serializers.ChoiceField(choices=OtherExpertMode.choices)
    advice = ParagraphField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Required with `instead`: the expert's advice becomes the advice.",
    )


class SecondOpinionMeetingInSerializer(SecondOpinionVersionSerializer):
    heldOn = serializers.DateField()
    present = LineField()
    notes = ParagraphField()


class SecondOpinionDecisionSerializer(SecondOpinionVersionSerializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    motivation = ParagraphField(
        required=False,
        allow_blank=True,
        default="",
        help_text=(
            "Required for partly_follows and rejects: a real paragraph that answers the "
            "advice (at least 150 characters, 20 words and 2 sentences, no stock phrases, "
            "taking up terms of the advice)."
        ),
    )


class SecondOpinionWithdrawalSerializer(SecondOpinionVersionSerializer):
    reason = ParagraphField()
