"""Trajectories in the API: explicit camelCase input and output."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer, camel
from werkpad.core.minimum_wage import WageCheck
from werkpad.jobseekers.models import LadderRung
from werkpad.trajectories import handover, selectors
from werkpad.trajectories.models import ActivityFormat, ContractType, Outcome
from werkpad.trajectories.workflow import Status


class TrajectoryRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class TrajectorySummarySerializer(serializers.Serializer):
    """A row of the list."""

    id = serializers.IntegerField()
    version = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Status.choices)
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    jobSeekerName = serializers.SerializerMethodField(
        help_text="Null for a provider until it accepted the referral."
    )
    programme = TrajectoryRefSerializer()
    provider = TrajectoryRefSerializer()
    referredOn = serializers.DateField(source="referred_on")
    startedOn = serializers.DateField(source="started_on", allow_null=True)
    endedOn = serializers.DateField(source="ended_on", allow_null=True)
    nextReportDue = serializers.DateField(source="next_report_due", allow_null=True)
    reportOverdue = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_jobSeekerName(self, obj) -> str | None:
        user = self.context["request"].user
        if user.has_perm("trajectories.view_handover", obj) or obj.job_seeker.user_id == user.pk:
            return obj.job_seeker.full_name
        return None

    @extend_schema_field(serializers.BooleanField())
    def get_reportOverdue(self, obj) -> bool:
        return selectors.report_overdue(obj)


class EndReportSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    summary = ParagraphField(required=False, allow_blank=True)
    contractType = serializers.ChoiceField(
        source="contract_type", choices=ContractType.choices, required=False, allow_blank=True
    )
    hoursPerWeek = serializers.DecimalField(
        source="hours_per_week",
        max_digits=4,
        decimal_places=1,
        min_value=0,
        max_value=60,
        required=False,
        allow_null=True,
    )
    hourlyWage = serializers.DecimalField(
        source="hourly_wage",
        max_digits=6,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        help_text=("Gross, in euro; at least the statutory minimum wage where its rate is known."),
    )
    employerName = LineField(
        source="employer_name", max_length=200, required=False, allow_blank=True
    )
    workStartDate = serializers.DateField(source="work_start_date", required=False, allow_null=True)
    caoConform = serializers.BooleanField(source="cao_conform", required=False, allow_null=True)
    workingConditionIncidents = ParagraphField(
        source="working_condition_incidents", required=False, allow_blank=True
    )
    cvContribution = ParagraphField(source="cv_contribution", required=False, allow_blank=True)
    schooling = LineField(max_length=200, required=False, allow_blank=True)
    rungAfter = serializers.ChoiceField(
        source="rung_after", choices=LadderRung.choices, required=False, allow_null=True
    )
    volunteerOrganisation = LineField(
        source="volunteer_organisation", max_length=200, required=False, allow_blank=True
    )
    jobGuaranteeRealised = serializers.BooleanField(source="job_guarantee_realised", required=False)


class EndReportOutSerializer(EndReportSerializer):
    minimumWage = serializers.DecimalField(
        source="minimum_wage",
        max_digits=6,
        decimal_places=2,
        allow_null=True,
        help_text="The statutory minimum the wage was checked against; null while waiting.",
    )
    wageCheck = serializers.ChoiceField(
        source="wage_check",
        choices=WageCheck.choices,
        help_text=(
            "passed; below_minimum (a finding: the rate entered later is above the wage); "
            "waiting_for_rate (the rate of minimumWageDate is not yet entered; the check "
            "runs again when it is); not_applicable (no work)."
        ),
    )
    minimumWageDate = serializers.DateField(
        source="minimum_wage_date",
        allow_null=True,
        help_text="The indexation date whose rate applies on the work start date.",
    )
    wageCheckedAt = serializers.DateTimeField(source="wage_checked_at", allow_null=True)
    jobGuaranteePromised = serializers.BooleanField(source="job_guarantee_promised")
    writtenAt = serializers.DateTimeField(source="written_at")


class EvaluationSerializer(serializers.Serializer):
    choicesMade = ParagraphField(source="choices_made")
    guidanceStyle = ParagraphField(source="guidance_style")
    whatWorked = ParagraphField(source="what_worked")
    whatDidNot = ParagraphField(source="what_did_not")
    jobSeekerView = ParagraphField(source="job_seeker_view")


class EvaluationOutSerializer(EvaluationSerializer):
    writtenAt = serializers.DateTimeField(source="written_at")


class TrajectoryNeedMatchSerializer(serializers.Serializer):
    need = serializers.CharField()
    # A declared field, which DRF takes out of the class; the stub sees Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    covered = serializers.BooleanField(help_text="The programme's staff has this expertise.")


class TrajectoryStatusChangeSerializer(serializers.Serializer):
    fromStatus = serializers.CharField(source="from_status")
    toStatus = serializers.ChoiceField(source="to_status", choices=Status.choices)
    changedAt = serializers.DateTimeField(source="changed_at")
    changedBy = serializers.SerializerMethodField()
    reason = serializers.CharField()

    @extend_schema_field(serializers.CharField())
    def get_changedBy(self, obj) -> str:
        return obj.changed_by.get_full_name() if obj.changed_by else ""


class TrajectorySerializer(TrajectorySummarySerializer):
    reason = serializers.CharField(help_text="Why the caseworker chose this programme.")
    alternatives = serializers.SerializerMethodField()
    alternativesNote = serializers.CharField(source="alternatives_note")
    targetGroupReason = serializers.CharField(
        source="target_group_reason",
        help_text="Why the job seeker was referred although outside the programme's target "
        "group (rungs or target groups such as an age range); empty when inside it.",
    )
    healthConsent = serializers.SerializerMethodField(
        help_text="Whether the job seeker consents now to share their health information "
        "with this trajectory's provider (GET/POST /job-seekers/{id}/consents)."
    )
    activityFormat = serializers.ChoiceField(
        source="activity_format", choices=ActivityFormat.choices
    )
    groupAlternative = serializers.CharField(source="group_alternative")
    coach = serializers.SerializerMethodField()
    declineReason = serializers.CharField(source="decline_reason")
    endReason = serializers.CharField(source="end_reason")
    handover = serializers.SerializerMethodField(
        help_text="The shared job-seeker fields; null until the provider accepted."
    )
    expertiseMatch = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()
    endReport = serializers.SerializerMethodField()
    evaluation = serializers.SerializerMethodField()
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")

    @extend_schema_field(TrajectoryRefSerializer(many=True))
    def get_alternatives(self, obj) -> list[dict]:
        return [{"id": p.pk, "name": p.name} for p in obj.alternatives.all()]

    @extend_schema_field(serializers.BooleanField())
    def get_healthConsent(self, obj) -> bool:
        return selectors.health_consented(obj)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_coach(self, obj) -> str | None:
        return obj.coach.get_full_name() if obj.coach else None

    #: Written by the caseworker at referral; empty for the provider once the trajectory ended.
    REFERRAL_TEXT = ("reason", "alternativesNote", "targetGroupReason")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not selectors.referral_reasons_visible(self.context["request"].user, instance):
            data.update(dict.fromkeys(self.REFERRAL_TEXT, ""))
        return data

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_handover(self, obj) -> dict | None:
        user = self.context["request"].user
        if not user.has_perm("trajectories.view_handover", obj):
            return None
        readable = selectors.readable_fields(user, obj)
        return {camel(name): value for name, value in obj.handover.items() if name in readable}

    @extend_schema_field(TrajectoryNeedMatchSerializer(many=True))
    def get_expertiseMatch(self, obj) -> list[dict]:
        matches = selectors.needs_match(user=self.context["request"].user, trajectory=obj)
        return [{"need": m.need, "label": m.label, "covered": m.covered} for m in matches]

    @extend_schema_field(TrajectoryStatusChangeSerializer(many=True))
    def get_history(self, obj) -> list:
        # many=True makes a ListSerializer, whose data is a list; the stub types it as one row.
        return TrajectoryStatusChangeSerializer(  # type: ignore[return-value]
            selectors.history_list(trajectory=obj), many=True
        ).data

    @extend_schema_field(EndReportOutSerializer(allow_null=True))
    def get_endReport(self, obj):
        report = getattr(obj, "end_report", None) if hasattr(obj, "end_report") else None
        return EndReportOutSerializer(report).data if report else None

    @extend_schema_field(EvaluationOutSerializer(allow_null=True))
    def get_evaluation(self, obj):
        evaluation = getattr(obj, "evaluation", None) if hasattr(obj, "evaluation") else None
        return EvaluationOutSerializer(evaluation).data if evaluation else None


class TrajectoryReferralSerializer(StrictSerializer):
    jobSeeker = serializers.IntegerField(min_value=1)
    programme = serializers.IntegerField(min_value=1)
    reason = ParagraphField(help_text="Why this programme fits the job seeker.")
    alternatives = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        default=list,
        help_text="Programmes also considered.",
    )
    alternativesNote = ParagraphField(required=False, allow_blank=True, default="")
    handoverFields = serializers.ListField(
        child=serializers.ChoiceField(
            choices=[(camel(f), camel(f)) for f in handover.SHAREABLE_FIELDS]
        ),
        help_text="The job-seeker fields shared with the provider. Required: "
        + ", ".join(camel(f) for f in handover.REQUIRED_FIELDS)
        + ".",
    )
    healthConsent = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Ask the job seeker for consent to share their health information with the "
        "provider; they answer on their own pages. The other chosen parts of the file are "
        "recorded as consented at referral (at the desk).",
    )
    activityFormat = serializers.ChoiceField(
        choices=ActivityFormat.choices, required=False, default=ActivityFormat.INDIVIDUAL
    )
    groupAlternative = ParagraphField(required=False, allow_blank=True, default="")
    targetGroupReason = ParagraphField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Required when the job seeker's rung or target group (age, for example) "
        "lies outside the programme's (400 `target-group-reason-required` without it); the "
        "provider reads it. Not kept for a job seeker inside the target group.",
    )


class TrajectoryVersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one is refused with 409."
    )


class TrajectoryReasonSerializer(TrajectoryVersionSerializer):
    reason = ParagraphField()


class TrajectoryOptionalReasonSerializer(TrajectoryVersionSerializer):
    reason = ParagraphField(required=False, allow_blank=True, default="")


class TrajectoryStartSerializer(TrajectoryVersionSerializer):
    startedOn = serializers.DateField(required=False, allow_null=True, default=None)


class EndReportInSerializer(EndReportSerializer, StrictSerializer):
    pass


class TrajectoryCompletionSerializer(TrajectoryVersionSerializer):
    endReport = EndReportInSerializer()


class EvaluationInSerializer(EvaluationSerializer, StrictSerializer):
    pass


class ProgressReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    dueOn = serializers.DateField(source="due_on", allow_null=True)
    writtenAt = serializers.DateTimeField(source="written_at")
    writtenBy = serializers.SerializerMethodField()
    onTime = serializers.BooleanField(source="on_time")
    progress = serializers.CharField()
    activities = serializers.CharField()
    nextSteps = serializers.CharField(source="next_steps")
    healthSection = serializers.CharField(
        source="health_section",
        help_text="Empty unless you may read it (the job seeker consented to share it).",
    )

    @extend_schema_field(serializers.CharField())
    def get_writtenBy(self, obj) -> str:
        return obj.written_by.get_full_name() if obj.written_by else ""


class ProgressReportInSerializer(StrictSerializer):
    progress = ParagraphField()
    activities = ParagraphField(required=False, allow_blank=True, default="")
    nextSteps = ParagraphField(required=False, allow_blank=True, default="")
    healthSection = ParagraphField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Only with the job seeker's consent; never shown to an employer.",
    )
