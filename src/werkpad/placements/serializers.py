"""Referrals to vacancies and placements in the API (MA2-MA4)."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer
from werkpad.core.minimum_wage import WageCheck
from werkpad.placements.models import ContractType
from werkpad.placements.workflow import STEPS, Status


class VacancyReferralSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    vacancyId = serializers.IntegerField(source="vacancy_id")
    vacancyTitle = serializers.CharField(source="vacancy.title")
    referredOn = serializers.DateField(source="referred_on")
    support = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    conflictOfInterest = serializers.BooleanField(source="conflict_of_interest")
    conflictReason = serializers.CharField(source="conflict_reason")
    conflictConfirmed = serializers.BooleanField(source="conflict_confirmed")


class VacancyReferralCreateSerializer(StrictSerializer):
    jobSeeker = serializers.IntegerField(min_value=1, help_text="The job seeker's id.")
    vacancy = serializers.IntegerField(min_value=1, help_text="An open vacancy's id.")
    support = ParagraphField(
        max_length=4000,
        required=False,
        default="",
        allow_blank=True,
        help_text="The application support given: CV checked, letter, interview training...",
    )
    conflictConfirmed = serializers.BooleanField(
        default=False,
        help_text="Needed when the referral is a conflict of interest: you have seen it.",
    )


class VacancyReferralResultSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read; a stale one is refused with 409.",
    )
    step = serializers.ChoiceField(
        choices=sorted(STEPS),
        help_text="invite, reject or withdraw; hired comes with the placement.",
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text="Needed for reject and withdraw.",
    )


class FollowUpSerializer(serializers.Serializer):
    months = serializers.IntegerField()
    dueOn = serializers.DateField(source="due_on")
    overdue = serializers.SerializerMethodField()
    doneOn = serializers.DateField(source="done_on", allow_null=True)
    stillInWork = serializers.BooleanField(source="still_in_work", allow_null=True)
    workingFor = serializers.CharField(source="working_for")

    def get_overdue(self, obj) -> bool:
        return obj.overdue()


class PlacementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    employerId = serializers.IntegerField(source="employer_id", allow_null=True)
    employerName = serializers.CharField(source="employer_label")
    vacancyId = serializers.IntegerField(source="vacancy_id", allow_null=True)
    referralId = serializers.IntegerField(source="referral_id", allow_null=True)
    selfFound = serializers.BooleanField(source="self_found")
    jobTitle = serializers.CharField(source="job_title")
    startDate = serializers.DateField(source="start_date")
    contractType = serializers.ChoiceField(source="contract_type", choices=ContractType.choices)
    hoursPerWeek = serializers.DecimalField(source="hours_per_week", max_digits=4, decimal_places=1)
    hourlyWage = serializers.DecimalField(source="hourly_wage", max_digits=6, decimal_places=2)
    wageCheck = serializers.ChoiceField(source="wage_check", choices=WageCheck.choices)
    minimumWage = serializers.DecimalField(
        source="minimum_wage", max_digits=6, decimal_places=2, allow_null=True
    )
    belowMinimumWithSubsidy = serializers.BooleanField(source="below_minimum_with_subsidy")
    grantIds = serializers.SerializerMethodField()
    jobCoachSchedule = serializers.CharField(source="job_coach_schedule")
    aftercarePlan = serializers.SerializerMethodField(
        help_text="Not for the employer: it may touch on health."
    )
    nextContactOn = serializers.DateField(source="next_contact_on", allow_null=True)
    followUps = FollowUpSerializer(source="follow_ups.all", many=True)

    def get_aftercarePlan(self, obj) -> str | None:
        user = self.context.get("user")
        if user is None or not user.has_perm("placements.view_placement_details", obj):
            return None
        return str(obj.aftercare_plan)

    def get_grantIds(self, obj) -> list[int]:
        return sorted(g.pk for g in obj.grants.all())


class PlacementCreateSerializer(StrictSerializer):
    jobSeeker = serializers.IntegerField(min_value=1)
    referral = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="An open referral of the job seeker: it becomes hired.",
    )
    vacancy = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    employer = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="An employer of the municipality's register.",
    )
    employerName = LineField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="The employer's name for one outside the register.",
    )
    selfFound = serializers.BooleanField(default=False)
    jobTitle = LineField(max_length=200, required=False, allow_blank=True)
    startDate = serializers.DateField()
    contractType = serializers.ChoiceField(choices=ContractType.choices)
    hoursPerWeek = serializers.DecimalField(
        max_digits=4, decimal_places=1, min_value=Decimal("0.5"), max_value=Decimal(60)
    )
    hourlyWage = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text="Gross, in euro. Below the statutory minimum wage for the age on the start "
        "date only with a wage-cost subsidy among the grants; otherwise 400.",
    )
    grants = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, default=list, max_length=20
    )
    aftercarePlan = ParagraphField(max_length=4000, required=False, default="", allow_blank=True)
    jobCoachSchedule = ParagraphField(max_length=4000, required=False, default="", allow_blank=True)
    nextContactOn = serializers.DateField(required=False, allow_null=True, default=None)


class FollowUpRecordSerializer(StrictSerializer):
    stillInWork = serializers.BooleanField()
    workingFor = LineField(max_length=200, required=False, allow_blank=True)
    notes = ParagraphField(max_length=4000, required=False, default="", allow_blank=True)
    nextContactOn = serializers.DateField(required=False, allow_null=True, default=None)
