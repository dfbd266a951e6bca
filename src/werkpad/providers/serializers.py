"""Providers and programmes in the API: explicit camelCase input and output."""

from __future__ import annotations

import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.core import clock
from werkpad.core.api import (
    EmailAddressField,
    LineField,
    ParagraphField,
    StrictSerializer,
    WebAddressField,
)
from werkpad.providers.models import CertificationStatus, Expertise, Format, Lot, TargetGroup


def snake(name: str) -> str:
    """``rungFrom`` -> ``rung_from``: the API speaks camelCase, services model names."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class RefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ProviderRefSerializer(RefSerializer):
    """A provider as a programme names it."""


class MunicipalityNameSerializer(RefSerializer):
    """The municipality whose catalogue holds the record."""


# --- providers ---------------------------------------------------------------


class ProviderSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    organisation = serializers.IntegerField(source="organisation_id")
    municipality = serializers.IntegerField(source="municipality_id")
    name = serializers.CharField()
    kvkNumber = serializers.CharField(source="kvk_number")
    certified = serializers.BooleanField(help_text="Blik op Werk certified.")
    certificationExpiresOn = serializers.DateField(
        source="certification_expires_on", allow_null=True
    )
    certificationStatus = serializers.SerializerMethodField(
        help_text="valid; expiring (within 60 days); expired; none."
    )
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField()
    website = serializers.URLField(allow_blank=True)
    complaintRegulation = serializers.CharField(source="complaint_regulation")
    privacyStatement = serializers.CharField(source="privacy_statement")
    subcontractors = RefSerializer(many=True)
    affiliatedOrganisations = RefSerializer(
        source="affiliated_organisations",
        many=True,
        help_text="Affiliated temp agencies and employers: placing with them is a conflict of interest.",
    )
    version = serializers.IntegerField()

    @extend_schema_field(serializers.ChoiceField(choices=CertificationStatus.choices))
    def get_certificationStatus(self, obj) -> str:
        return obj.certification_status(clock.today())


class ProviderWriteSerializer(StrictSerializer):
    organisation = serializers.IntegerField(
        help_text="Id of the provider's organisation (kind provider).", min_value=1
    )
    name = LineField(max_length=200, required=False)
    kvkNumber = LineField(max_length=8, required=False)
    certified = serializers.BooleanField(required=False)
    certificationExpiresOn = serializers.DateField(required=False, allow_null=True)
    email = EmailAddressField(required=False, allow_blank=True)
    phone = LineField(max_length=20, required=False, allow_blank=True)
    website = WebAddressField(
        required=False, allow_blank=True, help_text="An http or https address."
    )
    complaintRegulation = ParagraphField(required=False, allow_blank=True)
    privacyStatement = ParagraphField(required=False, allow_blank=True)
    subcontractors = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Provider ids.",
    )
    affiliatedOrganisations = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Organisation ids of affiliated temp agencies and employers.",
    )

    def model_data(self) -> dict:
        return {
            snake(k): v
            for k, v in self.validated_data.items()
            if k not in ("organisation", "version")
        }


class ProviderUpdateSerializer(ProviderWriteSerializer):
    """A partial update; ``version`` is the version you read (optimistic locking)."""

    # DRF leaves out an inherited field set to None; the stubs know only the field.
    organisation = None  # type: ignore[assignment]
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one is refused with 409."
    )


# --- programmes --------------------------------------------------------------


class InstrumentRefSerializer(RefSerializer):
    type = serializers.CharField()


class ProgrammeSummarySerializer(serializers.Serializer):
    """A row of the catalogue."""

    id = serializers.IntegerField()
    slug = serializers.CharField(help_text="The address name of its public page.")
    name = serializers.CharField()
    provider = ProviderRefSerializer()
    lot = serializers.ChoiceField(choices=Lot.choices)
    goal = serializers.CharField()
    plainSummary = serializers.CharField(source="plain_summary")
    targetGroups = serializers.ListField(
        source="target_groups", child=serializers.ChoiceField(choices=TargetGroup.choices)
    )
    rungFrom = serializers.IntegerField(source="rung_from", min_value=1, max_value=6)
    rungTo = serializers.IntegerField(source="rung_to", min_value=1, max_value=6)
    durationWeeks = serializers.IntegerField(source="duration_weeks")
    price = serializers.DecimalField(max_digits=9, decimal_places=2, help_text="In euros.")
    format = serializers.ChoiceField(choices=Format.choices)
    schoolingLevel = serializers.CharField(source="schooling_level")
    jobGuarantee = serializers.BooleanField(source="job_guarantee")
    staffExpertise = serializers.ListField(
        source="staff_expertise", child=serializers.ChoiceField(choices=Expertise.choices)
    )
    active = serializers.BooleanField(help_text="Open for referrals.")
    version = serializers.IntegerField()


class ProgrammeSerializer(ProgrammeSummarySerializer):
    """A programme with everything the catalogue holds about it."""

    municipality = MunicipalityNameSerializer()
    content = serializers.CharField()
    jobGuaranteeTerms = serializers.CharField(source="job_guarantee_terms")
    reportIntervalWeeks = serializers.IntegerField(
        source="report_interval_weeks",
        allow_null=True,
        help_text="The programme's own interval; null: it follows its municipality's.",
    )
    reportIntervalWeeksInEffect = serializers.IntegerField(
        source="report_interval_in_effect",
        help_text="Weeks between progress reports: its own interval, or its municipality's.",
    )
    instruments = InstrumentRefSerializer(many=True)
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")


class ProgrammeWriteSerializer(StrictSerializer):
    provider = serializers.IntegerField(min_value=1, help_text="The provider's id.")
    name = LineField(max_length=200)
    lot = serializers.ChoiceField(choices=Lot.choices)
    goal = ParagraphField()
    content = ParagraphField()
    plainSummary = ParagraphField(
        help_text="What a job seeker reads first, in plain language (B1)."
    )
    targetGroups = serializers.ListField(
        child=serializers.ChoiceField(choices=TargetGroup.choices), required=False
    )
    rungFrom = serializers.IntegerField(min_value=1, max_value=6)
    rungTo = serializers.IntegerField(min_value=1, max_value=6)
    durationWeeks = serializers.IntegerField(min_value=1, max_value=520)
    price = serializers.DecimalField(max_digits=9, decimal_places=2, min_value=0)
    format = serializers.ChoiceField(choices=Format.choices)
    schoolingLevel = LineField(max_length=100, required=False, allow_blank=True)
    jobGuarantee = serializers.BooleanField(required=False)
    jobGuaranteeTerms = ParagraphField(required=False, allow_blank=True)
    staffExpertise = serializers.ListField(
        child=serializers.ChoiceField(choices=Expertise.choices), required=False
    )
    reportIntervalWeeks = serializers.IntegerField(
        min_value=1,
        max_value=26,
        required=False,
        allow_null=True,
        help_text="Null or left out: the programme follows its municipality's interval.",
    )
    instruments = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        help_text="Ids from the municipality's instruments catalogue.",
    )
    active = serializers.BooleanField(required=False)

    def model_data(self) -> dict:
        return {
            snake(k): v for k, v in self.validated_data.items() if k not in ("provider", "version")
        }


class ProgrammeUpdateSerializer(ProgrammeWriteSerializer):
    """A partial update; ``version`` is the version you read (optimistic locking)."""

    # DRF leaves out an inherited field set to None; the stubs know only the field.
    provider = None  # type: ignore[assignment]
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one is refused with 409."
    )
