"""A municipality's settings in the API: camelCase, each with its bounds and source."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from werkpad.core.api import AnyField, LineField, StrictSerializer, WebAddressField
from werkpad.core.models import DissatisfactionRoute, MunicipalitySettings


def _setting(name: str, description: str) -> serializers.IntegerField:
    low, high = (v.limit_value for v in MunicipalitySettings.bounds(name))
    return serializers.IntegerField(
        source=name,
        min_value=low,
        max_value=high,
        required=False,
        help_text=f"{description} From {low} to {high}.",
    )


class _Settings(StrictSerializer[MunicipalitySettings]):
    profileReviewMonths = _setting(
        "profile_review_months",
        "Months after its last review that a job seeker's profile is flagged. No statutory "
        "term (the VNG's participation ladder is measured at least twice a year).",
    )
    planReviewMonths = _setting(
        "plan_review_months",
        "Months after a plan takes effect, or its last review, that the next review is due. "
        "Participatiewet art. 44a requires evaluation moments but sets no term.",
    )
    reportIntervalWeeks = _setting(
        "report_interval_weeks",
        "Weeks between progress reports, for programmes without an interval of their own. "
        "No statutory term.",
    )
    notificationLeadWorkingDays = _setting(
        "notification_lead_working_days",
        "Working days before a term ends that its owner is reminded. No statutory term.",
    )
    complaintTermWeeks = _setting(
        "complaint_term_weeks",
        "Weeks from receipt within which a complaint is handled. Awb art. 9:11(1): at most 6.",
    )
    complaintCommitteeTermWeeks = _setting(
        "complaint_committee_term_weeks",
        "The complaint term when an advisory committee handles it. Awb art. 9:11(1) with "
        "section 9.3: at most 10.",
    )
    usesComplaintCommittee = serializers.BooleanField(
        source="uses_complaint_committee",
        required=False,
        help_text="Whether an advisory committee handles complaints: the committee's term "
        "then applies (Awb section 9.3).",
    )
    complaintDissatisfactionWeeks = _setting(
        "complaint_dissatisfaction_weeks",
        "Weeks after a complaint's outcome within which the complainant may say they are not "
        "satisfied. Municipal policy (the ombudsman takes complaints up to a year, Awb 9:24).",
    )
    complaintDissatisfactionRoute = serializers.ChoiceField(
        source="complaint_dissatisfaction_route",
        choices=DissatisfactionRoute.values,
        required=False,
        help_text="What follows when a complainant is not satisfied: `reopen` (handled again) "
        "or `ombudsman` (pointed to the ombudsman, Awb 9:18 and following).",
    )
    ombudsmanName = LineField(
        source="ombudsman_name", max_length=200, required=False, help_text="The ombudsman."
    )
    ombudsmanAddress = LineField(
        source="ombudsman_address",
        max_length=300,
        required=False,
        help_text="The ombudsman's postal address.",
    )
    ombudsmanWebsite = WebAddressField(
        source="ombudsman_website",
        max_length=300,
        required=False,
        help_text="The ombudsman's website.",
    )
    secondOpinionTermWeeks = _setting(
        "second_opinion_term_weeks",
        "Weeks from referral within which the independent labour advisor gives their advice. "
        "Municipal policy, not statute.",
    )
    councilAdviceDays = _setting(
        "council_advice_days",
        "Days within which the client council answers an advice request. Set in the "
        "municipality's client-participation regulation (Participatiewet art. 47).",
    )
    employerAnswerHours = _setting(
        "employer_answer_hours",
        "Hours from a vacancy intake within which the employer hears the possibilities and "
        "the term (the LCR workbook's 72 hours at most).",
    )


class MunicipalitySettingsSerializer(_Settings):
    """A municipality's settings as they are (the defaults until first changed)."""

    municipality = serializers.IntegerField(source="municipality_id", help_text="Its id.")
    version = serializers.IntegerField(
        help_text="Send it back with a change; 1 while the municipality has the defaults."
    )

    def get_fields(self) -> dict[str, AnyField]:
        fields = super().get_fields()
        for field in fields.values():
            field.required = True
        return fields


class MunicipalitySettingsUpdateSerializer(_Settings):
    """A change: only the settings that change, with the ``version`` you read."""

    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one is refused with 409."
    )

    def model_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.validated_data.items() if k != "version"}
