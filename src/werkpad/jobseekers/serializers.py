"""The job seeker in the API: explicit camelCase input and output."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.core.api import (
    EmailAddressField,
    LineField,
    ParagraphField,
    StrictSerializer,
)
from werkpad.core.models import AuditEvent
from werkpad.jobseekers.bsn import validate_bsn
from werkpad.jobseekers.models import BenefitType, EducationLevel, Gender, LeaveReason

User = get_user_model()


class ContactPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="get_full_name")
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField()


class MunicipalityRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    cbsCode = serializers.CharField(source="cbs_code")


class JobSeekerSummarySerializer(serializers.Serializer):
    """A row of the list: the BSN masked, no profile."""

    id = serializers.IntegerField()
    bsn = serializers.CharField(
        source="masked_bsn", help_text="Masked: only the last three digits."
    )
    firstName = serializers.CharField(source="first_name")
    lastName = serializers.CharField(source="last_name")
    birthDate = serializers.DateField(source="birth_date")
    gender = serializers.ChoiceField(choices=Gender.choices)
    educationLevel = serializers.ChoiceField(
        source="education_level", choices=EducationLevel.choices
    )
    benefitType = serializers.ChoiceField(source="benefit_type", choices=BenefitType.choices)
    unemployedSince = serializers.DateField(source="unemployed_since")
    ladderRung = serializers.IntegerField(source="ladder_rung", min_value=1, max_value=6)
    labourDisability = serializers.BooleanField(source="labour_disability")
    shelteredWork = serializers.BooleanField(source="sheltered_work")
    contactPerson = ContactPersonSerializer(source="contact_person", allow_null=True)
    municipality = MunicipalityRefSerializer()
    leftOn = serializers.DateField(
        source="left_on",
        allow_null=True,
        help_text="The day the job seeker left the file (outflow); null while in the file.",
    )
    leaveReason = serializers.ChoiceField(
        source="leave_reason_or_none",
        choices=LeaveReason.choices,
        allow_null=True,
        help_text="Why the job seeker left the file; null while in the file.",
    )
    version = serializers.IntegerField()

    @staticmethod
    def rows(job_seekers) -> list[dict]:
        """The same output as ``JobSeekerSummarySerializer(job_seekers, many=True).data``,
        built directly: a page of the list is the API's hottest path. A test keeps the two equal.
        """
        result = []
        for js in job_seekers:
            person = js.contact_person
            municipality = js.municipality
            result.append(
                {
                    "id": js.pk,
                    "bsn": js.masked_bsn,
                    "firstName": js.first_name,
                    "lastName": js.last_name,
                    "birthDate": js.birth_date.isoformat(),
                    "gender": js.gender,
                    "educationLevel": js.education_level,
                    "benefitType": js.benefit_type,
                    "unemployedSince": js.unemployed_since.isoformat(),
                    "ladderRung": js.ladder_rung,
                    "labourDisability": js.labour_disability,
                    "shelteredWork": js.sheltered_work,
                    "contactPerson": None
                    if person is None
                    else {
                        "id": person.pk,
                        "name": person.get_full_name(),
                        "email": person.email,
                        "phone": person.phone,
                    },
                    "municipality": {
                        "id": municipality.pk,
                        "name": municipality.name,
                        "cbsCode": municipality.cbs_code,
                    },
                    "leftOn": js.left_on.isoformat() if js.left_on else None,
                    "leaveReason": js.leave_reason or None,
                    "version": js.version,
                }
            )
        return result


class JobSeekerSerializer(JobSeekerSummarySerializer):
    """The whole file as this user may see it; restricted items only for those who may."""

    bsn = serializers.CharField()
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField()
    postcode = serializers.CharField()
    city = serializers.CharField()
    workExperience = serializers.CharField(source="work_experience")
    workExperienceYears = serializers.IntegerField(source="work_experience_years", allow_null=True)
    profileReviewedOn = serializers.DateField(source="profile_reviewed_on")
    profileReviewOverdue = serializers.SerializerMethodField()
    wishes = serializers.CharField()
    knowledge = serializers.CharField()
    skills = serializers.CharField()
    possibilities = serializers.CharField()
    limitations = serializers.CharField(
        allow_null=True,
        help_text=("Special category: null unless you are the contact person or the job seeker."),
    )
    competenceTestResults = serializers.CharField(source="competence_test_results")
    prefersNoGroupActivities = serializers.BooleanField(source="prefers_no_group_activities")
    coachPreference = serializers.CharField(source="coach_preference")
    attentionOlder = serializers.BooleanField(source="attention_older")
    attentionHigherEducated = serializers.BooleanField(source="attention_higher_educated")
    attentionPsychological = serializers.BooleanField(
        source="attention_psychological", allow_null=True
    )
    uwvRegistered = serializers.BooleanField(source="uwv_registered")
    uwvRegistrationHelp = serializers.BooleanField(source="uwv_registration_help")
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")

    @extend_schema_field(serializers.BooleanField())
    def get_profileReviewOverdue(self, obj) -> bool:
        return obj.profile_overdue()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        user = self.context["request"].user
        if not user.has_perm("jobseekers.view_restricted", instance):
            data["limitations"] = None
            data["attentionPsychological"] = None
        return data


#: API name -> model field name, for input.
INPUT_FIELDS = {
    "bsn": "bsn",
    "firstName": "first_name",
    "lastName": "last_name",
    "birthDate": "birth_date",
    "gender": "gender",
    "email": "email",
    "phone": "phone",
    "postcode": "postcode",
    "city": "city",
    "educationLevel": "education_level",
    "workExperience": "work_experience",
    "workExperienceYears": "work_experience_years",
    "benefitType": "benefit_type",
    "unemployedSince": "unemployed_since",
    "ladderRung": "ladder_rung",
    "labourDisability": "labour_disability",
    "shelteredWork": "sheltered_work",
    "contactPerson": "contact_person",
    "wishes": "wishes",
    "knowledge": "knowledge",
    "skills": "skills",
    "possibilities": "possibilities",
    "limitations": "limitations",
    "competenceTestResults": "competence_test_results",
    "prefersNoGroupActivities": "prefers_no_group_activities",
    "coachPreference": "coach_preference",
    "attentionOlder": "attention_older",
    "attentionHigherEducated": "attention_higher_educated",
    "attentionPsychological": "attention_psychological",
    "uwvRegistered": "uwv_registered",
    "uwvRegistrationHelp": "uwv_registration_help",
}


class JobSeekerWriteSerializer(StrictSerializer):
    bsn = serializers.CharField(max_length=9, validators=[validate_bsn])
    firstName = LineField(max_length=100)
    lastName = LineField(max_length=150)
    birthDate = serializers.DateField()
    gender = serializers.ChoiceField(choices=Gender.choices, default=Gender.UNKNOWN)
    email = EmailAddressField(required=False, allow_blank=True)
    phone = LineField(required=False, allow_blank=True, max_length=20)
    postcode = LineField(required=False, allow_blank=True, max_length=7)
    city = LineField(required=False, allow_blank=True, max_length=100)
    educationLevel = serializers.ChoiceField(choices=EducationLevel.choices)
    workExperience = ParagraphField(required=False, allow_blank=True)
    workExperienceYears = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=60
    )
    benefitType = serializers.ChoiceField(choices=BenefitType.choices)
    unemployedSince = serializers.DateField()
    ladderRung = serializers.IntegerField(min_value=1, max_value=6)
    labourDisability = serializers.BooleanField(default=False)
    shelteredWork = serializers.BooleanField(default=False)
    contactPerson = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(),
        required=False,
        allow_null=True,
        help_text="User id of a caseworker of the job seeker's municipality.",
    )
    wishes = ParagraphField(required=False, allow_blank=True)
    knowledge = ParagraphField(required=False, allow_blank=True)
    skills = ParagraphField(required=False, allow_blank=True)
    possibilities = ParagraphField(required=False, allow_blank=True)
    limitations = ParagraphField(required=False, allow_blank=True)
    competenceTestResults = ParagraphField(required=False, allow_blank=True)
    prefersNoGroupActivities = serializers.BooleanField(required=False)
    coachPreference = LineField(required=False, allow_blank=True, max_length=200)
    attentionOlder = serializers.BooleanField(required=False)
    attentionHigherEducated = serializers.BooleanField(required=False)
    attentionPsychological = serializers.BooleanField(required=False)
    uwvRegistered = serializers.BooleanField(required=False)
    uwvRegistrationHelp = serializers.BooleanField(required=False)
    municipality = serializers.IntegerField(
        required=False, help_text="Municipality id; needed only when you work for several."
    )

    def model_data(self) -> dict:
        return {INPUT_FIELDS[k]: v for k, v in self.validated_data.items() if k in INPUT_FIELDS}


class JobSeekerUpdateSerializer(JobSeekerWriteSerializer):
    """A partial update; ``version`` is the version you read (optimistic locking)."""

    version = serializers.IntegerField(
        min_value=1,
        help_text=(
            "The version you read. When someone changed the file since, the update is refused with 409."
        ),
    )
    rungReason = LineField(
        required=False,
        allow_blank=True,
        max_length=300,
        help_text="Why the rung changed; kept in the rung history.",
    )
    # DRF leaves out an inherited field set to None; the stubs know only the field.
    municipality = None  # type: ignore[assignment]


class AccessLogEntrySerializer(serializers.Serializer):
    occurredAt = serializers.DateTimeField(source="occurred_at")
    actor = serializers.CharField(source="actor_label")
    organisation = serializers.CharField(source="actor_organisation")
    role = serializers.CharField(source="actor_role")
    action = serializers.ChoiceField(choices=AuditEvent.Action.choices)
    origin = serializers.ChoiceField(choices=AuditEvent.Origin.choices)
    purpose = serializers.ChoiceField(
        source="purpose_code",
        choices=AuditEvent.Purpose.choices,
        allow_blank=True,
        help_text="Why the file was read, as a code; empty for an event without one (a change).",
    )
    purposeLabel = serializers.CharField(
        source="purpose_label",
        help_text="The purpose as the access log shows it: Dutch, or English when chosen.",
    )
    # DRF's metaclass takes declared fields off the class; the stubs see Serializer.fields.
    fields = serializers.ListField(child=serializers.CharField())  # type: ignore[assignment]
