"""The checklist and assessments in the API (CO3)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer
from werkpad.council.assessments.selectors import progress_of
from werkpad.council.models.assessments import AnswerValue, AssessmentStatus

TEXT = 10000


class QuestionSerializer(serializers.Serializer):
    id = serializers.CharField(help_text='"<point>.<n>", in the checklist\'s order.')
    text = serializers.CharField(help_text="The question, word for word.")


class PointSerializer(serializers.Serializer):
    """A point of the checklist, in exactly the shape other systems read: number, title,
    explanation and questions (id and text), nothing more."""

    number = serializers.IntegerField()
    title = serializers.CharField(help_text="The point's question, word for word.")
    explanation = serializers.CharField(help_text="What the council should look at.")
    questions = QuestionSerializer(many=True)


class ChecklistSerializer(serializers.Serializer):
    points = PointSerializer(many=True)


class EvidenceFigureSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]
    value = serializers.CharField()
    withheld = serializers.BooleanField()


class EvidenceSnapshotSerializer(serializers.Serializer):
    summary = serializers.CharField()
    method = serializers.CharField()
    computedAt = serializers.DateTimeField()
    figures = EvidenceFigureSerializer(many=True)


class AnswerSerializer(serializers.Serializer):
    questionId = serializers.CharField(source="question_id")
    answer = serializers.ChoiceField(choices=AnswerValue.choices)
    remarks = serializers.CharField(help_text="Remarks or questions to the municipality.")
    actionPoints = serializers.CharField(
        source="action_points", help_text="The council's action points (15.1, 16.1)."
    )
    evidence = serializers.SerializerMethodField(
        help_text="The evidence werkpad showed when the answer was saved; null when none."
    )
    updatedAt = serializers.DateTimeField(source="updated_at")

    @extend_schema_field(EvidenceSnapshotSerializer(allow_null=True))
    def get_evidence(self, answer: Any) -> dict[str, Any] | None:
        return answer.evidence_snapshot or None


class AssessmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    title = serializers.CharField()
    councilId = serializers.IntegerField(source="council_id")
    councilName = serializers.CharField(source="council.name")
    municipalityId = serializers.IntegerField(source="municipality_id")
    municipalityName = serializers.CharField(source="municipality.name")
    checklistVersion = serializers.CharField(source="checklist_version")
    status = serializers.ChoiceField(choices=AssessmentStatus.choices)
    previousId = serializers.IntegerField(source="previous_id", allow_null=True)
    remarks = serializers.CharField()
    createdAt = serializers.DateTimeField(source="created_at")
    finalisedAt = serializers.DateTimeField(source="finalised_at", allow_null=True)
    sharedWithRegion = serializers.BooleanField(source="shared_with_region")
    sharedAt = serializers.DateTimeField(source="shared_at", allow_null=True)
    answered = serializers.SerializerMethodField()
    total = serializers.SerializerMethodField()

    def get_answered(self, assessment: Any) -> int:
        return progress_of(assessment).answered

    def get_total(self, assessment: Any) -> int:
        return progress_of(assessment).total


class AssessmentDetailSerializer(AssessmentSerializer):
    answers = AnswerSerializer(many=True)


class AssessmentCreateSerializer(StrictSerializer):
    title = LineField(max_length=200)
    council = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The council's id; needed only by a member of more than one council.",
    )
    remarks = ParagraphField(max_length=TEXT, required=False, allow_blank=True, default="")


class AnswerInputSerializer(StrictSerializer):
    questionId = serializers.CharField(max_length=10)
    answer = serializers.ChoiceField(choices=AnswerValue.choices)
    remarks = ParagraphField(max_length=TEXT, required=False, allow_blank=True, default="")
    actionPoints = ParagraphField(max_length=TEXT, required=False, allow_blank=True, default="")


class AssessmentPatchSerializer(StrictSerializer):
    version = serializers.IntegerField(min_value=1, help_text="The version read.")
    answers = AnswerInputSerializer(many=True, required=False, default=list)
    remarks = ParagraphField(max_length=TEXT, required=False, allow_blank=True)


class AssessmentVersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None, help_text="The version read."
    )


class AssessmentNoBodySerializer(StrictSerializer):
    pass
