"""Grants and budgets in the API (IN2)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from werkpad.core.api import ParagraphField, StrictSerializer
from werkpad.grants.models import Status


def _money(**kwargs: Any) -> serializers.DecimalField:
    """An amount in euro as a string with two decimals."""
    return serializers.DecimalField(max_digits=12, decimal_places=2, **kwargs)


class GrantSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    instrumentId = serializers.IntegerField(source="instrument_id")
    instrumentName = serializers.CharField(source="instrument.name")
    instrumentType = serializers.CharField(source="instrument.type")
    grantedOn = serializers.DateField(source="granted_on")
    year = serializers.IntegerField()
    amount = _money()
    reason = serializers.CharField()
    nonBenefit = serializers.BooleanField(
        source="non_benefit", help_text="The job seeker had no benefit when it was granted."
    )
    overBudget = serializers.BooleanField(
        source="over_budget", help_text="Less budget remained than this grant when it was made."
    )
    status = serializers.ChoiceField(choices=Status.choices)
    cancelledAt = serializers.DateTimeField(source="cancelled_at", allow_null=True)
    cancelReason = serializers.CharField(source="cancel_reason")


class GrantCreatedSerializer(GrantSerializer):
    warning = serializers.CharField(
        help_text="Why the grant goes beyond the budget; empty when it fits."
    )


class GrantCreateSerializer(StrictSerializer):
    jobSeeker = serializers.IntegerField(min_value=1, help_text="The job seeker's id.")
    instrument = serializers.IntegerField(
        min_value=1, help_text="An active instrument of the job seeker's municipality."
    )
    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=Decimal(0), help_text="Euro."
    )
    reason = ParagraphField(max_length=4000)
    grantedOn = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Today when left out."
    )
    year = serializers.IntegerField(
        min_value=2000,
        max_value=2100,
        required=False,
        allow_null=True,
        default=None,
        help_text="The budget year; the year of the grant date when left out.",
    )


class GrantCancellationSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read; a stale one is refused with 409.",
    )
    reason = ParagraphField(max_length=2000)


class SpendingSerializer(serializers.Serializer):
    instrumentId = serializers.IntegerField(source="instrument.pk")
    instrumentName = serializers.CharField(source="instrument.name")
    year = serializers.IntegerField()
    budgetVersion = serializers.SerializerMethodField()
    amount = _money()
    granted = _money()
    remaining = _money()
    grants = serializers.IntegerField(help_text="How many grants were made from it.")
    nonBenefitAmount = _money(source="non_benefit_amount")
    nonBenefitGranted = _money(source="non_benefit_granted")
    nonBenefitRemaining = _money(source="non_benefit_remaining")
    overspent = serializers.BooleanField()
    reasons = serializers.SerializerMethodField()

    def get_budgetVersion(self, obj) -> int | None:
        return obj.budget.version if obj.budget else None

    def get_reasons(self, obj) -> str:
        return obj.budget.reasons if obj.budget else ""


class BudgetSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    instrumentId = serializers.IntegerField(source="instrument_id")
    year = serializers.IntegerField()
    amount = _money()
    nonBenefitAmount = _money(source="non_benefit_amount")
    reasons = serializers.CharField()


class BudgetSetSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The version you read when changing a budget; a stale one is refused with "
        "409. Leave it out to set a new one.",
    )
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal(0))
    nonBenefitAmount = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=Decimal(0),
        help_text="Of the amount, for job seekers without a benefit.",
    )
    reasons = ParagraphField(max_length=4000, help_text="The reasons for the budget choices.")
