"""/api/v1/mediations: the request, the mediator's appointment, the sessions, the outcome
and the withdrawal as named sub-resources (RI4)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.models import AuditEvent
from werkpad.mediations import selectors, services
from werkpad.mediations.models import MediationRequest
from werkpad.mediations.serializers import (
    MediationCreateSerializer,
    MediationOutcomeSerializer,
    MediationSerializer,
    MediationSessionInSerializer,
    MediationSummarySerializer,
    MediationWithdrawalSerializer,
    MediatorAppointmentSerializer,
)

TAGS = ["mediations"]
PURPOSE = AuditEvent.Purpose.MEDIATION_API
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The mediation's id.")


def _detail(request, id: int) -> Response:
    mediation = selectors.mediation_get(user=request.user, id=id, purpose=PURPOSE)
    sessions = selectors.mediation_sessions(user=request.user, mediation=mediation)
    return Response(MediationSerializer(mediation, context={"sessions": sessions}).data)


class MediationListView(ListApiView):
    schema_tags = TAGS
    schema_write_errors = {
        404: "No trajectory with this id is visible to you.",
        409: "A mediation about this trajectory is open already.",
    }
    serializer_class = MediationSummarySerializer
    filter_backends: list = []
    query_parameters = [
        OpenApiParameter("status", str, description="One status or several separated by commas.")
    ]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MediationRequest.objects.none()
        return selectors.mediation_list(
            user=self.request.user, filters=self.request.query_params, purpose=PURPOSE
        )

    @extend_schema(
        operation_id="mediationList",
        summary="List mediations",
        description=(
            "A caseworker's municipality, a job seeker's own, those about trajectories at a "
            "coach's provider."
        ),
        responses={200: MediationSummarySerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(MediationSummarySerializer(page, many=True).data)

    @extend_schema(
        operation_id="mediationCreate",
        summary="Ask for mediation about a trajectory",
        description="By the job seeker about their own trajectory, or by a caseworker.",
        request=MediationCreateSerializer,
        responses={201: MediationSerializer},
    )
    def post(self, request):
        serializer = MediationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mediation = services.mediation_request(
            user=request.user,
            trajectory_id=serializer.validated_data["trajectory"],
            reason=serializer.validated_data["reason"],
        )
        response = _detail(request, mediation.pk)
        response.status_code = 201
        return response


class MediationDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="mediationRead",
        summary="Read a mediation",
        description="The provider's coach reads it without the session notes.",
        parameters=[ID_PARAM],
        responses={200: MediationSerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id)


_action_view = ActionFamily(
    tags=TAGS, detail=_detail, response=MediationSerializer, parameters=[ID_PARAM]
).view


MediatorAppointmentView = _action_view(
    "mediationAppointMediator",
    serializer=MediatorAppointmentSerializer,
    summary="Appoint the mediator",
    description="Independent: not of the municipality, not of the provider.",
    call=lambda user, id, d: services.mediation_appoint_mediator(
        user=user,
        mediation_id=id,
        name=d["name"],
        organisation=d["organisation"],
        expected_version=d["version"],
    ),
)
SessionsView = _action_view(
    "mediationRecordSession",
    serializer=MediationSessionInSerializer,
    summary="Record a session",
    description="The first one puts the mediation in progress.",
    call=lambda user, id, d: services.mediation_record_session(
        user=user,
        mediation_id=id,
        held_on=d["heldOn"],
        notes=d["notes"],
        expected_version=d["version"],
    ),
)
OutcomeView = _action_view(
    "mediationConclude",
    serializer=MediationOutcomeSerializer,
    summary="Record the outcome",
    description="Agreement, partial agreement or none, with what was agreed.",
    call=lambda user, id, d: services.mediation_conclude(
        user=user,
        mediation_id=id,
        outcome=d["outcome"],
        text=d["text"],
        expected_version=d["version"],
    ),
)
WithdrawalView = _action_view(
    "mediationWithdraw",
    serializer=MediationWithdrawalSerializer,
    summary="Withdraw the mediation",
    description="With the reason.",
    call=lambda user, id, d: services.mediation_withdraw(
        user=user, mediation_id=id, reason=d["reason"], expected_version=d["version"]
    ),
)
