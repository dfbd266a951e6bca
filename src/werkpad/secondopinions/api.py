"""/api/v1/second-opinions: referral or request, the advice, the other expert, the
meeting, the decision and the withdrawal as named sub-resources (RI3)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import (
    ID_QUERY_SCHEMA,
    ActionFamily,
    ApiView,
    ListApiView,
)
from werkpad.core.models import AuditEvent
from werkpad.secondopinions import selectors, services
from werkpad.secondopinions.models import SecondOpinion
from werkpad.secondopinions.serializers import (
    SecondOpinionAdviceSerializer,
    SecondOpinionAssignmentSerializer,
    SecondOpinionCreateSerializer,
    SecondOpinionDecisionSerializer,
    SecondOpinionMeetingInSerializer,
    SecondOpinionOtherExpertInSerializer,
    SecondOpinionSerializer,
    SecondOpinionSummarySerializer,
    SecondOpinionWithdrawalSerializer,
)

TAGS = ["second-opinions"]
PURPOSE = AuditEvent.Purpose.SECOND_OPINION_API
ID_PARAM = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The second opinion's id."
)
LIST_PARAMS = [
    OpenApiParameter("status", str, description="One status or several separated by commas."),
    OpenApiParameter("jobSeeker", ID_QUERY_SCHEMA, description="Only this job seeker's."),
]


def _detail(request, id: int) -> Response:
    second_opinion = selectors.second_opinion_get(user=request.user, id=id, purpose=PURPOSE)
    return Response(SecondOpinionSerializer(second_opinion).data)


class SecondOpinionListView(ListApiView):
    schema_tags = TAGS
    schema_write_errors = {
        404: "No job seeker with this id is visible to you.",
        409: "A second opinion about this subject is open already, or there is no office.",
    }
    serializer_class = SecondOpinionSummarySerializer
    filter_backends: list = []
    query_parameters = LIST_PARAMS

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SecondOpinion.objects.none()
        return selectors.second_opinion_list(
            user=self.request.user, filters=self.request.query_params, purpose=PURPOSE
        )

    @extend_schema(
        operation_id="secondOpinionList",
        summary="List second opinions",
        description=(
            "A caseworker's municipality, an advisor's own assignments only, a job seeker's "
            "own; open ones first by their term."
        ),
        responses={200: SecondOpinionSummarySerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(SecondOpinionSummarySerializer(page, many=True).data)

    @extend_schema(
        operation_id="secondOpinionCreate",
        summary="Refer to the independent advisor, or ask for a second opinion",
        description=(
            "A caseworker refers a job seeker of their municipality; a job seeker asks for "
            "themselves. About a programme offered or a trajectory. The advice is due within "
            "the municipality's term; the office's least busy advisor is assigned."
        ),
        request=SecondOpinionCreateSerializer,
        responses={201: SecondOpinionSerializer},
    )
    def post(self, request):
        serializer = SecondOpinionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        second_opinion = services.second_opinion_request(
            user=request.user,
            job_seeker_id=data["jobSeeker"],
            question=data["question"],
            programme_id=data["programme"],
            trajectory_id=data["trajectory"],
        )
        response = _detail(request, second_opinion.pk)
        response.status_code = 201
        return response


class SecondOpinionDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="secondOpinionRead",
        summary="Read a second opinion",
        description="Every read is audited in the job seeker's log.",
        parameters=[ID_PARAM],
        responses={200: SecondOpinionSerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id)


_action_view = ActionFamily(
    tags=TAGS, detail=_detail, response=SecondOpinionSerializer, parameters=[ID_PARAM]
).view


AssignmentView = _action_view(
    "secondOpinionAssign",
    serializer=SecondOpinionAssignmentSerializer,
    summary="Assign the second opinion to an advisor",
    description="The caseworker assigns it, or hands it over, to an advisor of the office.",
    call=lambda user, id, d: services.second_opinion_assign(
        user=user, second_opinion_id=id, advisor_id=d["advisor"], expected_version=d["version"]
    ),
)
AdviceView = _action_view(
    "secondOpinionAdvise",
    serializer=SecondOpinionAdviceSerializer,
    summary="Give the advice",
    description="The advisor it is assigned to writes the advice.",
    call=lambda user, id, d: services.second_opinion_advise(
        user=user, second_opinion_id=id, advice=d["advice"], expected_version=d["version"]
    ),
)
OtherExpertView = _action_view(
    "secondOpinionOtherExpert",
    serializer=SecondOpinionOtherExpertInSerializer,
    summary="Record another expert consulted",
    description=(
        "As well as the advisor, or instead: then the expert's advice is the advice and the "
        "second opinion is advised."
    ),
    call=lambda user, id, d: services.second_opinion_other_expert(
        user=user,
        second_opinion_id=id,
        name=d["name"],
        organisation=d.get("organisation", ""),
        role=d["role"],
        mode=d["mode"],
        advice=d["advice"],
        expected_version=d["version"],
    ),
)
MeetingView = _action_view(
    "secondOpinionMeeting",
    serializer=SecondOpinionMeetingInSerializer,
    summary="Record the meeting about the advice",
    description="The job seeker and the caseworker discussed the advice.",
    call=lambda user, id, d: services.second_opinion_record_meeting(
        user=user,
        second_opinion_id=id,
        held_on=d["heldOn"],
        present=d["present"],
        notes=d["notes"],
        expected_version=d["version"],
    ),
)
DecisionView = _action_view(
    "secondOpinionDecide",
    serializer=SecondOpinionDecisionSerializer,
    summary="Decide on the advice",
    description=(
        "follows, partly_follows or rejects. Partly following or rejecting needs a "
        "`motivation` that answers the advice; without it the answer is 400 naming "
        "`motivation`."
    ),
    call=lambda user, id, d: services.second_opinion_decide(
        user=user,
        second_opinion_id=id,
        decision=d["decision"],
        motivation=d["motivation"],
        expected_version=d["version"],
    ),
)
WithdrawalView = _action_view(
    "secondOpinionWithdraw",
    serializer=SecondOpinionWithdrawalSerializer,
    summary="Withdraw the second opinion",
    description="Before the decision, with the reason.",
    call=lambda user, id, d: services.second_opinion_withdraw(
        user=user, second_opinion_id=id, reason=d["reason"], expected_version=d["version"]
    ),
)
