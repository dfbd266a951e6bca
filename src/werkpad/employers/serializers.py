"""The employer service in the API (EM1-EM5)."""

from __future__ import annotations

from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer
from werkpad.employers.models import Channel, Distribution, Size, UpdateKind
from werkpad.employers.services import CONDITIONS
from werkpad.employers.workflow import Status
from werkpad.jobseekers.models import EducationLevel


class EmployerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    name = serializers.CharField()
    kvkNumber = serializers.CharField(source="kvk_number")
    sbiSection = serializers.CharField(source="sbi_section")
    sbiDivision = serializers.CharField(source="sbi_division")
    size = serializers.ChoiceField(choices=Size.choices)
    region = serializers.CharField(source="region.code")
    contactPersonId = serializers.IntegerField(source="contact_person_id", allow_null=True)
    networks = serializers.CharField()
    csr = serializers.BooleanField()
    caoObligation = serializers.BooleanField(source="cao_obligation")
    sroiObligation = serializers.BooleanField(source="sroi_obligation")
    banenafspraak = serializers.BooleanField()
    willingToHire = serializers.BooleanField(source="willing_to_hire")
    registeredOn = serializers.DateField(source="registered_on")


class EmployerWriteSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="On a change: the version you read; a stale one is refused with 409.",
    )
    name = LineField(max_length=200)
    kvkNumber = serializers.CharField(
        max_length=8, help_text="8 digits; unique in the municipality."
    )
    sbiSection = serializers.CharField(max_length=1, help_text="SBI 2008 section, A-U.")
    sbiDivision = serializers.CharField(
        max_length=2, help_text="A two-digit division of the section."
    )
    size = serializers.ChoiceField(choices=Size.choices)
    region = serializers.CharField(
        max_length=10, help_text="The labour-market region's code, e.g. AM20."
    )
    networks = ParagraphField(max_length=2000, required=False, allow_blank=True)
    csr = serializers.BooleanField(required=False)
    caoObligation = serializers.BooleanField(required=False)
    sroiObligation = serializers.BooleanField(required=False)
    banenafspraak = serializers.BooleanField(required=False)


class VacancySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    employerId = serializers.IntegerField(source="employer_id", allow_null=True)
    employerName = serializers.CharField(source="shown_employer_name")
    title = serializers.CharField()
    description = serializers.CharField()
    occupationCode = serializers.CharField(source="occupation_code")
    skills = serializers.ListField(child=serializers.CharField())
    minEducationLevel = serializers.ChoiceField(
        source="min_education_level", choices=EducationLevel.choices
    )
    region = serializers.CharField(source="region.code")
    hoursPerWeek = serializers.DecimalField(source="hours_per_week", max_digits=4, decimal_places=1)
    conditions = serializers.ListField(child=serializers.CharField())
    positions = serializers.IntegerField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    distribution = serializers.ChoiceField(choices=Distribution.choices)
    preselection = serializers.BooleanField()
    expiresOn = serializers.DateField(source="expires_on")
    origin = serializers.CharField(source="source", help_text="`own` or `imported`.")
    externalReference = serializers.CharField(source="external_reference")
    status = serializers.ChoiceField(choices=Status.choices)
    receivedAt = serializers.DateTimeField(source="received_at")
    answerDueAt = serializers.DateTimeField(source="answer_due_at")
    answeredAt = serializers.DateTimeField(source="answered_at", allow_null=True)
    expectedFillBy = serializers.DateField(source="expected_fill_by", allow_null=True)


class VacancyCreateSerializer(StrictSerializer):
    employer = serializers.IntegerField(min_value=1, help_text="The employer's id.")
    channel = serializers.ChoiceField(
        choices=[c for c in Channel.choices if c[0] != Channel.IMPORT],
        help_text="`web` for an employer reporting its own; e-mail, phone or visit for an "
        "employer advisor's intake.",
    )
    title = LineField(max_length=200)
    description = ParagraphField(max_length=4000, required=False, allow_blank=True, default="")
    occupationCode = serializers.CharField(max_length=4, help_text="ISCO-08 unit group.")
    skills = serializers.ListField(
        child=LineField(max_length=100), required=False, default=list, max_length=50
    )
    minEducationLevel = serializers.ChoiceField(
        choices=EducationLevel.choices, required=False, default=EducationLevel.NONE
    )
    region = serializers.CharField(
        max_length=10, required=False, help_text="Default: the employer's region."
    )
    hoursPerWeek = serializers.DecimalField(max_digits=4, decimal_places=1)
    conditions = serializers.ListField(
        child=serializers.ChoiceField(choices=[(c, c) for c in CONDITIONS]),
        required=False,
        default=list,
    )
    positions = serializers.IntegerField(min_value=1, max_value=999, required=False, default=1)
    expiresOn = serializers.DateField()
    distribution = serializers.ChoiceField(
        choices=Distribution.choices,
        required=False,
        default=Distribution.REGION,
        help_text="Intake only.",
    )
    preselection = serializers.BooleanField(required=False, default=True, help_text="Intake only.")


class VacancyVersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read; a stale one is refused with 409.",
    )


class VacancyAnswerSerializer(VacancyVersionSerializer):
    text = ParagraphField(max_length=4000, help_text="The fill possibilities told to the employer.")
    expectedFillBy = serializers.DateField(help_text="By when it can be filled.")


class VacancyUpdateCreateSerializer(VacancyVersionSerializer):
    kind = serializers.ChoiceField(
        choices=[c for c in UpdateKind.choices if c[0] != UpdateKind.ANSWER]
    )
    text = ParagraphField(max_length=4000)


class VacancyUpdateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=UpdateKind.choices)
    text = serializers.CharField()
    writtenAt = serializers.DateTimeField(source="written_at")


class VacancyFillingSerializer(VacancyVersionSerializer):
    text = ParagraphField(
        max_length=4000,
        required=False,
        allow_blank=True,
        default="",
        help_text="The after-care agreed, sent to the employer.",
    )


class VacancyClosingSerializer(VacancyVersionSerializer):
    reason = ParagraphField(max_length=2000)
    advice = ParagraphField(max_length=4000)


class VacancyWithdrawalSerializer(VacancyVersionSerializer):
    reason = ParagraphField(max_length=2000)
