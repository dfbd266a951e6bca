"""/api/v1/plans: list, create, read, change a draft, and the lifecycle as sub-resources.

State changes are POSTs on named sub-resources: ``proposal`` and ``withdrawal``
(the caseworker), ``agreement`` and ``disagreement`` (the job seeker),
``comments`` (both), ``versions`` (a new version) and ``reviews`` (PL4). A
transition the lifecycle does not allow answers 409.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import (
    ID_QUERY_SCHEMA,
    ActionView,
    ApiView,
    ListApiView,
    StrictSerializer,
    action_schema,
)
from werkpad.core.errors import InvalidInputError
from werkpad.core.models import AuditEvent
from werkpad.instruments.models import Instrument
from werkpad.plans import selectors, services
from werkpad.plans.models import Plan
from werkpad.plans.serializers import (
    AgreementSerializer,
    CommentWriteSerializer,
    DisagreementSerializer,
    PlanCommentSerializer,
    PlanCreateSerializer,
    PlanSerializer,
    PlanSummarySerializer,
    PlanUpdateSerializer,
    ReviewWriteSerializer,
    RevisionSerializer,
    VersionOnlySerializer,
)
from werkpad.plans.workflow import Status

ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The plan's id.")
LIST_PARAMS = [
    OpenApiParameter(
        "jobSeeker", ID_QUERY_SCHEMA, description="Only the plan of this job seeker (id)."
    ),
    OpenApiParameter(
        "status", str, enum=Status.values, description="Only plans whose latest version has it."
    ),
]


def _instruments(data: dict) -> dict:
    """Instrument ids as rows; an unknown id is refused."""
    if "instruments" not in data:
        return data
    ids = list(dict.fromkeys(data["instruments"]))
    rows = list(Instrument.objects.filter(pk__in=ids))
    if len(rows) != len(ids):
        missing = sorted(set(ids) - {row.pk for row in rows})
        raise InvalidInputError(
            {
                "instruments": [
                    _("Unknown instrument: %(ids)s.") % {"ids": ", ".join(map(str, missing))}
                ]
            }
        )
    return {**data, "instruments": rows}


def _read(request, id: int, purpose: str) -> Response:
    plan = selectors.plan_get(user=request.user, id=id, purpose=purpose)
    return Response(PlanSerializer(plan, context={"request": request}).data)


class PlanListView(ListApiView):
    schema_write_errors = {
        409: "The job seeker already has an open plan.",
        404: "No job seeker with this id is visible to you.",
    }
    schema_tags = ["plans"]
    serializer_class = PlanSummarySerializer
    filter_backends: list = []  # the selector filters
    query_parameters = LIST_PARAMS

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Plan.objects.none()
        return selectors.plan_list(
            user=self.request.user,
            filters=self.request.query_params,
            purpose=AuditEvent.Purpose.PLAN_LIST_API,
        )

    @extend_schema(
        operation_id="planList",
        summary="List plans",
        description="The plans you may see, most urgent review first, 25 a page.",
        responses={200: PlanSummarySerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(
            PlanSummarySerializer(page, many=True, context={"request": request}).data
        )

    @extend_schema(
        operation_id="planCreate",
        summary="Start a job seeker's plan (a draft)",
        request=PlanCreateSerializer,
        responses={201: PlanSerializer},
    )
    def post(self, request):
        serializer = PlanCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = services.plan_create(
            user=request.user,
            job_seeker_id=serializer.validated_data["jobSeeker"],
            data=_instruments(serializer.model_data()),
        )
        response = _read(request, plan.pk, AuditEvent.Purpose.PLAN_CREATED_API)
        response.status_code = 201
        return response


class PlanDetailView(ApiView):
    schema_tags = ["plans"]

    @extend_schema(
        operation_id="planRead",
        summary="Read a plan with its versions, comments and reviews",
        parameters=[ID_PARAM],
        responses={200: PlanSerializer},
    )
    def get(self, request, id: int):
        return _read(request, id, AuditEvent.Purpose.PLAN_API)

    @extend_schema(
        operation_id="planUpdate",
        summary="Change the draft version",
        description="Send only what changes, with the plan's `version` you read. Only a draft "
        "changes; a plan that was shared changes through a new version.",
        parameters=[ID_PARAM],
        request=PlanUpdateSerializer,
        responses={200: PlanSerializer},
    )
    def patch(self, request, id: int):
        serializer = PlanUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "version" not in serializer.validated_data:
            raise InvalidInputError({"version": [_("Send the version you read.")]})
        services.plan_update(
            user=request.user,
            plan_id=id,
            expected_version=serializer.validated_data["version"],
            data=_instruments(serializer.model_data()),
        )
        return _read(request, id, AuditEvent.Purpose.PLAN_CHANGED_API)


class _PlanAction(ActionView):
    """An action on a plan; the answer is the plan as it is now."""

    schema_tags = ["plans"]
    request_serializer: type[StrictSerializer] = VersionOnlySerializer

    def respond(self, request, id: int, result) -> Response:
        return _read(request, id, AuditEvent.Purpose.PLAN_CHANGED_API)


@action_schema(
    operation_id="planPropose",
    summary="Share the draft with the job seeker",
    parameters=[ID_PARAM],
    response=PlanSerializer,
)
class PlanProposalView(_PlanAction):
    def act(self, request, id, data):
        return services.plan_propose(
            user=request.user, plan_id=id, expected_version=data.get("version")
        )


@action_schema(
    operation_id="planWithdraw",
    summary="Take an unanswered proposal back into draft",
    parameters=[ID_PARAM],
    response=PlanSerializer,
)
class PlanWithdrawalView(_PlanAction):
    def act(self, request, id, data):
        return services.plan_withdraw(
            user=request.user, plan_id=id, expected_version=data.get("version")
        )


_ANSWER_DESCRIPTION = (
    "Send the plan's `version` you read: the answer is bound to that text. When the plan "
    "changed since, the answer is refused with 409 (`plan-changed`) and nothing changes."
)


@action_schema(
    operation_id="planAgree",
    summary="The job seeker agrees to the proposed version; it takes effect",
    description=_ANSWER_DESCRIPTION,
    parameters=[ID_PARAM],
    response=PlanSerializer,
)
class PlanAgreementView(_PlanAction):
    request_serializer = AgreementSerializer

    def act(self, request, id, data):
        return services.plan_agree(user=request.user, plan_id=id, expected_version=data["version"])


@action_schema(
    operation_id="planDisagree",
    summary="The job seeker records their disagreement; the version takes effect",
    description=_ANSWER_DESCRIPTION,
    parameters=[ID_PARAM],
    response=PlanSerializer,
)
class PlanDisagreementView(_PlanAction):
    request_serializer = DisagreementSerializer

    def act(self, request, id, data):
        return services.plan_disagree(
            user=request.user,
            plan_id=id,
            expected_version=data["version"],
            reason=data["reason"],
        )


@action_schema(
    operation_id="planRevise",
    summary="Start a new draft version from the latest one",
    parameters=[ID_PARAM],
    response=PlanSerializer,
)
class PlanVersionsView(_PlanAction):
    request_serializer = RevisionSerializer

    def act(self, request, id, data):
        return services.plan_revise(
            user=request.user,
            plan_id=id,
            reason=data["reason"],
            expected_version=data.get("version"),
        )


@action_schema(
    operation_id="planReview",
    summary="Record the periodic review of the plan in effect",
    parameters=[ID_PARAM],
    response=PlanSerializer,
)
class PlanReviewsView(_PlanAction):
    request_serializer = ReviewWriteSerializer

    def act(self, request, id, data):
        return services.plan_review(
            user=request.user,
            plan_id=id,
            rung_reconsidered=data["rungReconsidered"],
            instruments_reconsidered=data["instrumentsReconsidered"],
            notes=data.get("notes", ""),
            changes_needed=data["changesNeeded"],
            expected_version=data.get("version"),
        )


class PlanCommentsView(ApiView):
    schema_tags = ["plans"]

    @extend_schema(
        operation_id="planComment",
        summary="Comment on the plan (the job seeker or the caseworker)",
        parameters=[ID_PARAM],
        request=CommentWriteSerializer,
        responses={201: PlanCommentSerializer},
    )
    def post(self, request, id: int):
        serializer = CommentWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.plan_comment(
            user=request.user, plan_id=id, text=serializer.validated_data["text"]
        )
        return Response(PlanCommentSerializer(comment).data, status=201)
