"""/api/v1/trajectories: referrals, their lifecycle as named sub-resources, progress reports."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ID_QUERY_SCHEMA, ActionView, ApiView, ListApiView, action_schema, camel
from werkpad.core.errors import DomainError, InvalidInputError
from werkpad.core.models import AuditEvent
from werkpad.trajectories import selectors, services
from werkpad.trajectories.handover import SHAREABLE_FIELDS
from werkpad.trajectories.models import ProgressReport, Trajectory
from werkpad.trajectories.serializers import (
    EvaluationInSerializer,
    ProgressReportInSerializer,
    ProgressReportSerializer,
    TrajectoryCompletionSerializer,
    TrajectoryOptionalReasonSerializer,
    TrajectoryReasonSerializer,
    TrajectoryReferralSerializer,
    TrajectorySerializer,
    TrajectoryStartSerializer,
    TrajectorySummarySerializer,
    TrajectoryVersionSerializer,
)

TAGS = ["trajectories"]
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The trajectory's id.")
FROM_API = {camel(name): name for name in SHAREABLE_FIELDS}
LIST_PARAMS = [
    OpenApiParameter("status", str, description="One status or several separated by commas."),
    OpenApiParameter(
        "jobSeeker", ID_QUERY_SCHEMA, description="Only this job seeker's trajectories."
    ),
    OpenApiParameter("programme", ID_QUERY_SCHEMA, description="Only referrals to this programme."),
    OpenApiParameter("provider", ID_QUERY_SCHEMA, description="Only referrals to this provider."),
    OpenApiParameter("reportOverdue", bool, description="Only running ones with a report overdue."),
]


def _detail(request, id: int, purpose: str) -> Response:
    trajectory = selectors.trajectory_get(user=request.user, id=id, purpose=purpose)
    return Response(TrajectorySerializer(trajectory, context={"request": request}).data)


class TrajectoryListView(ListApiView):
    schema_tags = TAGS
    schema_write_errors = {404: "No job seeker or programme with this id is visible to you."}
    serializer_class = TrajectorySummarySerializer
    filter_backends: list = []
    query_parameters = LIST_PARAMS

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Trajectory.objects.none()
        return selectors.trajectory_list(
            user=self.request.user,
            filters=self.request.query_params,
            purpose=AuditEvent.Purpose.TRAJECTORY_LIST_API,
        )

    @extend_schema(
        operation_id="trajectoryList",
        summary="List trajectories",
        description="A caseworker's municipality, a coach's provider, a job seeker's own.",
        responses={200: TrajectorySummarySerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(
            TrajectorySummarySerializer(page, many=True, context={"request": request}).data
        )

    @extend_schema(
        operation_id="trajectoryRefer",
        summary="Refer a job seeker to a programme",
        description=(
            "Sends the handover to the provider. The required handover fields must be chosen "
            "and filled in the file; health items go in only with `healthConsent` (the job seeker "
            "is asked for consent; the provider reads them once given) or a health consent "
            "given before. A job "
            "seeker outside the programme's target group needs `targetGroupReason`."
        ),
        request=TrajectoryReferralSerializer,
        responses={201: TrajectorySerializer},
    )
    def post(self, request):
        serializer = TrajectoryReferralSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        trajectory = services.trajectory_refer(
            user=request.user,
            job_seeker_id=data["jobSeeker"],
            programme_id=data["programme"],
            reason=data["reason"],
            handover_fields=[FROM_API[name] for name in data["handoverFields"]],
            ask_health_consent=data["healthConsent"],
            alternative_ids=data["alternatives"],
            alternatives_note=data["alternativesNote"],
            activity_format=data["activityFormat"],
            group_alternative=data["groupAlternative"],
            target_group_reason=data["targetGroupReason"],
        )
        response = _detail(request, trajectory.pk, AuditEvent.Purpose.REFERRAL_API)
        response.status_code = 201
        return response


class TrajectoryDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="trajectoryRead",
        summary="Read a trajectory",
        description="A coach sees the handover from acceptance on; every read is audited.",
        parameters=[ID_PARAM],
        responses={200: TrajectorySerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id, AuditEvent.Purpose.TRAJECTORY_API)


def _within(prefix: str, call):
    """Runs ``call``; a refusal naming fields names them inside ``prefix`` (the body's
    nested object), as the serializer does for its own checks."""
    try:
        return call()
    except InvalidInputError as error:
        raise InvalidInputError(
            {f"{prefix}.{name}": messages for name, messages in error.errors.items()},
            codes={f"{prefix}.{name}": code for name, code in error.codes.items()},
        ) from error
    except DomainError as error:
        if error.field:
            error.field = f"{prefix}.{error.field}"
        raise


def _transition_view(name: str, *, serializer, summary: str, description: str, call):
    """An action on a trajectory (a step of its lifecycle) as an ``ActionView``; the answer
    is the trajectory as it is now."""

    @action_schema(
        operation_id=name,
        summary=summary,
        description=description + " A transition the lifecycle does not allow answers 409.",
        parameters=[ID_PARAM],
        response=TrajectorySerializer,
    )
    class View(ActionView):
        schema_tags = TAGS
        request_serializer = serializer

        def act(self, request, id: int, data):
            return call(request.user, id, data)

        def respond(self, request, id: int, result) -> Response:
            return _detail(request, id, AuditEvent.Purpose.TRAJECTORY_CHANGED_API)

    View.__name__ = View.__qualname__ = name[0].upper() + name[1:] + "View"
    return View


AcceptanceView = _transition_view(
    "trajectoryAccept",
    serializer=TrajectoryVersionSerializer,
    summary="Accept the referral",
    description="The provider's coach acknowledges the referral and takes it on.",
    call=lambda user, id, d: services.trajectory_accept(
        user=user, trajectory_id=id, expected_version=d["version"]
    ),
)
DeclinationView = _transition_view(
    "trajectoryDecline",
    serializer=TrajectoryReasonSerializer,
    summary="Decline the referral",
    description="With the reason.",
    call=lambda user, id, d: services.trajectory_decline(
        user=user, trajectory_id=id, expected_version=d["version"], reason=d["reason"]
    ),
)
StartView = _transition_view(
    "trajectoryStart",
    serializer=TrajectoryStartSerializer,
    summary="Start the trajectory",
    description="The first progress report falls due one report interval after the start.",
    call=lambda user, id, d: services.trajectory_start(
        user=user, trajectory_id=id, expected_version=d["version"], started_on=d["startedOn"]
    ),
)
SuspensionView = _transition_view(
    "trajectorySuspend",
    serializer=TrajectoryReasonSerializer,
    summary="Suspend the trajectory",
    description="With the reason; no report falls due while suspended.",
    call=lambda user, id, d: services.trajectory_suspend(
        user=user, trajectory_id=id, expected_version=d["version"], reason=d["reason"]
    ),
)
ResumptionView = _transition_view(
    "trajectoryResume",
    serializer=TrajectoryOptionalReasonSerializer,
    summary="Resume the trajectory",
    description="Back to started.",
    call=lambda user, id, d: services.trajectory_resume(
        user=user, trajectory_id=id, expected_version=d["version"], reason=d["reason"]
    ),
)
CompletionView = _transition_view(
    "trajectoryComplete",
    serializer=TrajectoryCompletionSerializer,
    summary="Complete the trajectory",
    description=(
        "With the end report. For work, the hourly wage must be at least the statutory "
        "minimum wage for the job seeker's age on the start date; a start date after the "
        "minimum-wage table is recorded with its wage check waiting for that date's rate. "
        "The work cannot start before the trajectory started. A rung change adds the "
        "new rung to the job seeker's ladder history."
    ),
    call=lambda user, id, d: _within(
        "endReport",
        lambda: services.trajectory_complete(
            user=user, trajectory_id=id, expected_version=d["version"], end_report=d["endReport"]
        ),
    ),
)
EarlyEndView = _transition_view(
    "trajectoryEndEarly",
    serializer=TrajectoryReasonSerializer,
    summary="End the trajectory early",
    description="By the coach or the caseworker, with the reason.",
    call=lambda user, id, d: services.trajectory_end_early(
        user=user, trajectory_id=id, expected_version=d["version"], reason=d["reason"]
    ),
)


class EvaluationView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="trajectoryEvaluate",
        summary="Evaluate the ended trajectory",
        description="The lessons: choices made, guidance style, what worked and what did not, "
        "and the job seeker's view.",
        parameters=[ID_PARAM],
        request=EvaluationInSerializer,
        responses={201: TrajectorySerializer},
    )
    def post(self, request, id: int):
        serializer = EvaluationInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.trajectory_evaluate(
            user=request.user, trajectory_id=id, data=serializer.validated_data
        )
        response = _detail(request, id, AuditEvent.Purpose.EVALUATION_API)
        response.status_code = 201
        return response


class ProgressReportListView(ListApiView):
    schema_tags = TAGS
    serializer_class = ProgressReportSerializer
    filter_backends: list = []

    @extend_schema(
        operation_id="progressReportList",
        summary="The progress reports of a trajectory",
        parameters=[ID_PARAM],
        responses={200: ProgressReportSerializer(many=True)},
    )
    def get(self, request, id: int):
        trajectory = selectors.trajectory_get(
            user=request.user, id=id, purpose=AuditEvent.Purpose.PROGRESS_REPORTS_API
        )
        reports = selectors.progress_report_list(user=request.user, trajectory=trajectory)
        # DRF pages a list as well as a query set; the stub asks for a QuerySet.
        page: list[ProgressReport] | None = self.paginate_queryset(reports)  # type: ignore[arg-type]
        return self.get_paginated_response(ProgressReportSerializer(page, many=True).data)

    @extend_schema(
        operation_id="progressReportCreate",
        summary="Write a progress report",
        description="By the provider's coach while the trajectory runs; the next report falls "
        "due one interval later. The health section only with the job seeker's consent.",
        parameters=[ID_PARAM],
        request=ProgressReportInSerializer,
        responses={201: ProgressReportSerializer},
    )
    def post(self, request, id: int):
        serializer = ProgressReportInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = services.progress_report_create(
            user=request.user,
            trajectory_id=id,
            progress=data["progress"],
            activities=data["activities"],
            next_steps=data["nextSteps"],
            health_section=data["healthSection"],
        )
        return Response(ProgressReportSerializer(report).data, status=201)
