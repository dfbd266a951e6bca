"""Matching in the API (MA1, EM6, TR4). A candidate reaches an employer-facing caller
only by pseudonym; the name and contact details only after the job seeker agreed."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.core.api import ParagraphField, StrictSerializer
from werkpad.matching.workflow import Status


class RankedCandidateSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    score = serializers.FloatField()
    explanation = serializers.CharField()
    pseudonym = serializers.CharField()
    jobSeekerId = serializers.SerializerMethodField(
        help_text="Only for who may read the files of the municipality (the caseworker)."
    )
    name = serializers.SerializerMethodField(
        help_text="Only for who may read the files of the municipality (the caseworker)."
    )
    preselected = serializers.BooleanField()

    def get_jobSeekerId(self, obj) -> int | None:
        return obj.job_seeker_id if obj.name else None

    def get_name(self, obj) -> str | None:
        return obj.name or None


class VacancyCandidatesSerializer(serializers.Serializer):
    vacancyId = serializers.IntegerField(source="vacancy.pk")
    top = serializers.IntegerField()
    candidates = RankedCandidateSerializer(many=True)


class RankedVacancySerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    score = serializers.FloatField()
    explanation = serializers.CharField()
    vacancyId = serializers.IntegerField(source="vacancy_id")
    title = serializers.CharField()
    employerName = serializers.CharField(source="employer_name")
    expiresOn = serializers.DateField(source="expires_on")


class VacancyMatchesSerializer(serializers.Serializer):
    jobSeekerId = serializers.IntegerField(source="job_seeker.pk")
    top = serializers.IntegerField()
    hasSearchProfile = serializers.BooleanField(source="has_profile")
    vacancies = RankedVacancySerializer(many=True)


class CandidateSerializer(serializers.Serializer):
    """A card of the candidate file: the parts not shared are null."""

    pseudonym = serializers.CharField()
    occupationCodes = serializers.ListField(
        child=serializers.CharField(), source="occupation_codes"
    )
    educationLevel = serializers.CharField(source="education_level")
    regions = serializers.ListField(child=serializers.CharField())
    minHours = serializers.DecimalField(source="min_hours", max_digits=4, decimal_places=1)
    maxHours = serializers.DecimalField(source="max_hours", max_digits=4, decimal_places=1)
    proposedFor = serializers.ListField(
        child=serializers.CharField(),
        source="proposed_for",
        help_text="Your vacancies the employer service proposed this candidate for.",
    )
    sharedParts = serializers.SerializerMethodField()
    skills = serializers.SerializerMethodField()
    knowledge = serializers.SerializerMethodField()
    competences = serializers.SerializerMethodField()
    preferences = serializers.SerializerMethodField()
    wishes = serializers.SerializerMethodField()

    def _part(self, obj, part: str, value):
        return value if part in obj.shared_parts else None

    def get_sharedParts(self, obj) -> list[str]:
        return sorted(obj.shared_parts)

    def get_skills(self, obj) -> list[str] | None:
        return self._part(obj, "work", list(obj.skills))

    def get_knowledge(self, obj) -> str | None:
        return self._part(obj, "work", obj.knowledge)

    def get_competences(self, obj) -> str | None:
        return self._part(obj, "work", obj.competences)

    def get_preferences(self, obj) -> list[str] | None:
        return self._part(obj, "preferences", list(obj.preferences))

    def get_wishes(self, obj) -> str | None:
        return self._part(obj, "preferences", obj.wishes)


class DisclosedCandidateSerializer(CandidateSerializer):
    """What the employer reads once the job seeker agreed: with the name and the contact
    details chosen; empty before."""

    name = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)


class IntroductionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    pseudonym = serializers.CharField()
    employerName = serializers.CharField(source="employer.name")
    vacancyId = serializers.IntegerField(source="vacancy_id", allow_null=True)
    message = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    requestedAt = serializers.DateTimeField(source="requested_at")
    answeredAt = serializers.DateTimeField(source="answered_at", allow_null=True)
    candidate = serializers.SerializerMethodField()

    @extend_schema_field(DisclosedCandidateSerializer(allow_null=True))
    def get_candidate(self, obj) -> dict | None:
        card = self.context.get("card")
        return DisclosedCandidateSerializer(card).data if card is not None else None


class IntroductionCreateSerializer(StrictSerializer):
    message = ParagraphField(
        max_length=2000, help_text="Who you are and why you would like to meet."
    )
    vacancyId = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="One of your own open vacancies.",
    )


class IntroductionVersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read; a stale one is refused with 409.",
    )


class IntroductionAgreementSerializer(IntroductionVersionSerializer):
    shareEmail = serializers.BooleanField(default=False, help_text="Share your e-mail address.")
    sharePhone = serializers.BooleanField(default=False, help_text="Share your phone number.")
