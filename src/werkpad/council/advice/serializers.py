"""Advice requests in the API (CO1): camelCase, strict bodies."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer
from werkpad.council.advice.workflow import Status
from werkpad.council.models import AdviceRequest, Recommendation

_VERSION_HELP = "The version you read; a stale one is refused with 409."


def _version() -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None, help_text=_VERSION_HELP
    )


class AdviceAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    contentType = serializers.CharField(source="content_type")
    size = serializers.IntegerField()


class RecommendationSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    text = serializers.CharField()
    explanation = serializers.CharField()
    response = serializers.ChoiceField(
        choices=Recommendation.Response.choices, allow_blank=True, help_text="Empty until answered."
    )
    responseReasons = serializers.CharField(source="response_reasons")


class AdviceExtensionSerializer(serializers.Serializer):
    until = serializers.DateField()
    reason = serializers.CharField()
    requestedAt = serializers.DateTimeField(source="requested_at")
    granted = serializers.BooleanField(allow_null=True, help_text="Null while undecided.")
    decidedAt = serializers.DateTimeField(source="decided_at", allow_null=True)


class AdviceRequestSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    municipalityId = serializers.IntegerField(source="municipality_id")
    councilId = serializers.IntegerField(source="council_id")
    councilName = serializers.CharField(source="council.name")
    kind = serializers.ChoiceField(choices=AdviceRequest.Kind.choices)
    title = serializers.CharField()
    question = serializers.CharField()
    unasked = serializers.BooleanField(help_text="Advice on the council's own initiative.")
    status = serializers.ChoiceField(choices=Status.choices)
    decisionOn = serializers.DateField(source="decision_on", allow_null=True)
    sentAt = serializers.DateTimeField(source="sent_at", allow_null=True)
    termDays = serializers.IntegerField(source="term_days", allow_null=True)
    dueOn = serializers.DateField(source="due_on", allow_null=True)
    consultedInTime = serializers.BooleanField(
        source="consulted_in_time",
        allow_null=True,
        help_text="Sent with at least the term left before the decision date; null until sent.",
    )
    advisedAt = serializers.DateTimeField(source="advised_at", allow_null=True)
    advisedLate = serializers.BooleanField(source="advised_late")
    answeredAt = serializers.DateTimeField(source="answered_at", allow_null=True)
    createdAt = serializers.DateTimeField(source="created_at")


class AdviceRequestDetailSerializer(AdviceRequestSummarySerializer):
    adviceIntroduction = serializers.CharField(source="advice_introduction")
    recommendations = RecommendationSerializer(many=True, source="recommendations.all")
    responseLetter = serializers.CharField(source="response_letter")
    attachments = AdviceAttachmentSerializer(many=True, source="attachments.all")
    extensions = AdviceExtensionSerializer(many=True, source="extensions.all")

    def to_representation(self, instance: AdviceRequest) -> dict:
        """The council's advice is its own until it sends it: before that, only the council
        reads its draft (``council.read_advice``); anyone else gets it empty."""
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not request.user.has_perm("council.read_advice", instance):
            data["adviceIntroduction"] = ""
            data["recommendations"] = []
        return data


class RecommendationInputSerializer(StrictSerializer):
    text = ParagraphField(max_length=4000)
    explanation = ParagraphField(max_length=8000, required=False, allow_blank=True, default="")


class AdviceRequestCreateSerializer(StrictSerializer):
    """A policy officer's request to the council (``question``, ``decisionOn``), or, with
    ``unasked``, a council member's advice on its own initiative (``introduction``,
    ``recommendations``, ``send``): no question, no decision date, no term."""

    REQUEST_ONLY = ("question", "decisionOn", "municipality")
    UNASKED_ONLY = ("introduction", "recommendations", "send", "council")

    unasked = serializers.BooleanField(
        default=False, help_text="Advice the council gives on its own initiative."
    )
    kind = serializers.ChoiceField(choices=AdviceRequest.Kind.choices)
    title = LineField(max_length=200)
    question = ParagraphField(
        max_length=8000, required=False, help_text="Required for a request to the council."
    )
    decisionOn = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="The date the municipality intends to decide; required for a request.",
    )
    municipality = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text="Only for a policy officer of more than one municipality.",
    )
    introduction = ParagraphField(max_length=20000, required=False, allow_blank=True)
    recommendations = RecommendationInputSerializer(many=True, required=False)
    send = serializers.BooleanField(
        required=False, help_text="Unasked advice: send it now (true) or keep it as a draft."
    )
    council = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="Unasked advice: only for a member of more than one council.",
    )

    def validate(self, data: dict) -> dict:
        wrong = self.REQUEST_ONLY if data["unasked"] else self.UNASKED_ONLY
        errors = {
            name: [
                _("Not part of unasked advice.")
                if data["unasked"]
                else _("Only for unasked advice.")
            ]
            for name in wrong
            if name in self.initial_data
        }
        if errors:
            raise serializers.ValidationError(errors)
        return data


class AdviceSendingSerializer(StrictSerializer):
    version = _version()


class AdviceWithdrawalSerializer(StrictSerializer):
    version = _version()
    reason = ParagraphField(max_length=2000)


class AdviceWriteSerializer(StrictSerializer):
    version = _version()
    introduction = ParagraphField(max_length=20000, required=False, allow_blank=True, default="")
    recommendations = RecommendationInputSerializer(many=True, required=False, default=list)
    send = serializers.BooleanField(
        default=True, help_text="Send the advice now (true) or keep it as a draft (false)."
    )


class ResponseItemSerializer(StrictSerializer):
    number = serializers.IntegerField(min_value=1, max_value=1000)
    response = serializers.ChoiceField(choices=Recommendation.Response.choices)
    reasons = ParagraphField(max_length=8000, required=False, allow_blank=True, default="")


class ResponseSerializer(StrictSerializer):
    version = _version()
    letter = ParagraphField(max_length=20000)
    responses = ResponseItemSerializer(many=True)


class ExtensionRequestSerializer(StrictSerializer):
    until = serializers.DateField()
    reason = ParagraphField(max_length=2000)


class ExtensionDecisionSerializer(StrictSerializer):
    granted = serializers.BooleanField()
