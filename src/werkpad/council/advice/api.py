"""/api/v1/council/advice-requests: the municipality's requests for advice to its client
council, the council's advice and the municipality's response (CO1)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.errors import PermissionDeniedError
from werkpad.council.advice import selectors, services
from werkpad.council.advice.serializers import (
    AdviceRequestCreateSerializer,
    AdviceRequestDetailSerializer,
    AdviceRequestSummarySerializer,
    AdviceSendingSerializer,
    AdviceWithdrawalSerializer,
    AdviceWriteSerializer,
    ExtensionDecisionSerializer,
    ExtensionRequestSerializer,
    ResponseSerializer,
)
from werkpad.council.models import AdviceRequest

TAGS = ["council"]
ID_PARAM = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The advice request's id."
)


def _detail(request, id: int) -> Response:
    found = selectors.advice_request_get(user=request.user, id=id)
    return Response(AdviceRequestDetailSerializer(found, context={"request": request}).data)


class AdviceRequestListView(ListApiView[AdviceRequest]):
    schema_tags = TAGS
    serializer_class = AdviceRequestSummarySerializer
    filter_backends: list[Any] = []
    query_parameters = [
        OpenApiParameter("status", str, description="Only these statuses, comma separated."),
        OpenApiParameter("unasked", bool, description="Only unasked advice (true) or not."),
    ]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AdviceRequest.objects.none()
        return selectors.advice_request_list(
            user=self.request.user, filters=self.request.query_params
        )

    @extend_schema(
        operation_id="adviceRequestList",
        summary="List advice requests",
        description="For the members of the addressed council (sent requests and their own "
        "unasked advice), the municipality's policy officers and functional administrators; "
        "the newest first.",
        responses={200: AdviceRequestSummarySerializer(many=True)},
    )
    def get(self, request):
        if not request.user.has_perm("council.list_advicerequest"):
            raise PermissionDeniedError(code="advice-request-list-denied")
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(AdviceRequestSummarySerializer(page, many=True).data)

    @extend_schema(
        operation_id="adviceRequestCreate",
        summary="Prepare an advice request, or give unasked advice",
        description="By a policy officer, to the municipality's client council, as a draft; "
        "`sending` starts the council's term. With `unasked`, by a council member: advice on "
        "the council's own initiative, kept as a draft unless `send` (then `advice` sends it).",
        request=AdviceRequestCreateSerializer,
        responses={201: AdviceRequestDetailSerializer},
    )
    def post(self, request) -> Response:
        serializer = AdviceRequestCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        if d["unasked"]:
            created = services.unasked_advice_create(
                user=request.user,
                kind=d["kind"],
                title=d["title"],
                introduction=d.get("introduction", ""),
                recommendations=[
                    services.RecommendationInput(text=r["text"], explanation=r["explanation"])
                    for r in d.get("recommendations", [])
                ],
                send=d.get("send", False),
                council_id=d.get("council"),
            )
        else:
            created = services.advice_request_create(
                user=request.user,
                kind=d["kind"],
                title=d["title"],
                question=d.get("question", ""),
                decision_on=d.get("decisionOn"),
                municipality_id=d.get("municipality"),
            )
        found = selectors.advice_request_get(user=request.user, id=created.pk)
        return Response(
            AdviceRequestDetailSerializer(found, context={"request": request}).data, status=201
        )


class AdviceRequestDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="adviceRequestRead",
        summary="Read an advice request",
        description="With its documents, the council's advice, the response per "
        "recommendation and any longer term asked.",
        parameters=[ID_PARAM],
        responses={200: AdviceRequestDetailSerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id)


_FAMILY = ActionFamily(
    tags=TAGS, detail=_detail, response=AdviceRequestDetailSerializer, parameters=[ID_PARAM]
)

SendingView = _FAMILY.view(
    "adviceRequestSend",
    serializer=AdviceSendingSerializer,
    summary="Send the request to the council",
    description="By a policy officer: the council's term (the municipality's setting, in "
    "days, ending on a working day) starts today; whether the council is consulted in time "
    "is recorded.",
    call=lambda user, id, d: services.advice_request_send(
        user=user, request_id=id, expected_version=d["version"]
    ),
)
WithdrawalView = _FAMILY.view(
    "adviceRequestWithdraw",
    serializer=AdviceWithdrawalSerializer,
    summary="Withdraw the request",
    description="By a policy officer, while a draft or sent, with the reason.",
    call=lambda user, id, d: services.advice_request_withdraw(
        user=user, request_id=id, reason=d["reason"], expected_version=d["version"]
    ),
)
AdviceView = _FAMILY.view(
    "adviceRequestAdvise",
    serializer=AdviceWriteSerializer,
    summary="Write and send the council's advice",
    description="By a member of the addressed council: the introduction and the numbered "
    "recommendations with their explanation replace what was saved; `send` sends it. "
    "Advice sent after the due date is recorded as late.",
    call=lambda user, id, d: services.advice_save(
        user=user,
        request_id=id,
        introduction=d["introduction"],
        recommendations=[
            services.RecommendationInput(r["text"], r["explanation"]) for r in d["recommendations"]
        ],
        send=d["send"],
        expected_version=d["version"],
    ),
)
ResponseView = _FAMILY.view(
    "adviceRequestRespond",
    serializer=ResponseSerializer,
    summary="Respond to the council's advice",
    description="By a policy officer: every recommendation adopted, partly or not (the "
    "last two with reasons), and the response letter.",
    call=lambda user, id, d: services.advice_respond(
        user=user,
        request_id=id,
        letter=d["letter"],
        responses={
            r["number"]: services.ResponseInput(r["response"], r["reasons"]) for r in d["responses"]
        },
        expected_version=d["version"],
    ),
)
ExtensionRequestView = _FAMILY.view(
    "adviceRequestExtensionAsk",
    serializer=ExtensionRequestSerializer,
    summary="Ask for a longer term",
    description="By a member of the addressed council, while the request awaits advice.",
    call=lambda user, id, d: services.extension_request(
        user=user, request_id=id, until=d["until"], reason=d["reason"]
    ),
)
ExtensionDecisionView = _FAMILY.view(
    "adviceRequestExtensionDecide",
    serializer=ExtensionDecisionSerializer,
    summary="Grant or refuse the longer term asked",
    description="By a policy officer; granted, the due date moves to the date asked.",
    call=lambda user, id, d: services.extension_decide(
        user=user, request_id=id, granted=d["granted"]
    ),
)
