"""/api/v1: instrument grants and the budgets they are paid from (IN2)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.clock import today
from werkpad.core.errors import InvalidInputError
from werkpad.core.models import AuditEvent
from werkpad.grants import selectors, services
from werkpad.grants.models import Grant
from werkpad.grants.serializers import (
    BudgetSerializer,
    BudgetSetSerializer,
    GrantCancellationSerializer,
    GrantCreatedSerializer,
    GrantCreateSerializer,
    GrantSerializer,
    SpendingSerializer,
)

TAGS = ["grants"]
BUDGET_TAGS = ["budgets"]
PURPOSE = AuditEvent.Purpose.GRANTS_API
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The grant's id.")
YEAR_QUERY = OpenApiParameter("year", int, description="The budget year; this year by default.")


def _detail(request, id: int) -> Response:
    grant = selectors.grant_get(user=request.user, id=id, purpose=PURPOSE)
    return Response(GrantSerializer(grant).data)


class GrantListView(ListApiView[Grant]):
    schema_tags = TAGS
    serializer_class = GrantSerializer
    filter_backends: list[Any] = []
    query_parameters = [
        OpenApiParameter("jobSeeker", int, description="Only this job seeker's grants."),
        OpenApiParameter("year", int, description="Only grants of this budget year."),
    ]
    schema_write_errors = {404: "No job seeker with this id is visible to you."}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Grant.objects.none()
        return selectors.grant_list(
            user=self.request.user, filters=self.request.query_params, purpose=PURPOSE
        )

    @extend_schema(
        operation_id="grantList",
        summary="List instrument grants",
        description="For the caseworkers of the municipality; the newest first.",
        responses={200: GrantSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(GrantSerializer(page, many=True).data)

    @extend_schema(
        operation_id="grantCreate",
        summary="Grant an instrument to a job seeker",
        description="By a caseworker of the job seeker's municipality. A grant beyond the "
        "budget that remains is made all the same, marked `overBudget`, and the answer's "
        "`warning` says so: a budget steers, it does not refuse. Whether the job seeker had "
        "no benefit is taken from the file.",
        request=GrantCreateSerializer,
        responses={201: GrantCreatedSerializer},
    )
    def post(self, request) -> Response:
        serializer = GrantCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        result = services.grant_award(
            user=request.user,
            job_seeker_id=d["jobSeeker"],
            instrument_id=d["instrument"],
            amount=d["amount"],
            reason=d["reason"],
            granted_on=d["grantedOn"],
            year=d["year"],
        )
        grant = selectors.grant_get(user=request.user, id=result.grant.pk, purpose=PURPOSE)
        grant.warning = result.warning  # type: ignore[attr-defined]
        return Response(GrantCreatedSerializer(grant).data, status=201)


class GrantDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="grantRead",
        summary="Read an instrument grant",
        parameters=[ID_PARAM],
        responses={200: GrantSerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id)


GrantCancellationView = ActionFamily(
    tags=TAGS, detail=_detail, response=GrantSerializer, parameters=[ID_PARAM]
).view(
    "grantCancel",
    serializer=GrantCancellationSerializer,
    summary="Cancel a grant",
    description="By a caseworker of the municipality, with the reason; what it took from "
    "the budget returns to it.",
    call=lambda user, id, d: services.grant_cancel(
        user=user, grant_id=id, reason=d["reason"], expected_version=d["version"]
    ),
)


def _year(raw: str | None) -> int:
    if not raw:
        return today().year
    if raw.isdigit() and 2000 <= int(raw) <= 2100:
        return int(raw)
    raise InvalidInputError({"year": [_("Give a year, for example 2026.")]})


class BudgetListView(ApiView):
    schema_tags = BUDGET_TAGS
    query_parameters = [YEAR_QUERY]

    @extend_schema(
        operation_id="budgetList",
        summary="Spending against the budget per instrument",
        description="For the policy officers, functional administrators and caseworkers of "
        "the municipality: per instrument the budget of the year, what was granted from it "
        "and what remains, and the line for non-benefit job seekers separately. A negative "
        "remainder is overspending.",
        responses={200: SpendingSerializer(many=True)},
    )
    def get(self, request):
        year = _year(request.query_params.get("year"))
        rows = selectors.budget_spending(user=request.user, year=year)
        return Response(SpendingSerializer(rows, many=True).data)


class BudgetDetailView(ApiView):
    schema_tags = BUDGET_TAGS

    @extend_schema(
        operation_id="budgetSet",
        summary="Set the budget of an instrument for a year",
        description="By a policy officer of the municipality, with the reasons for the "
        "choices. Changing a budget names the `version` read. Each setting is kept in the "
        "budget's history.",
        parameters=[
            OpenApiParameter("year", int, OpenApiParameter.PATH, description="The year."),
            OpenApiParameter(
                "instrumentId", int, OpenApiParameter.PATH, description="The instrument's id."
            ),
        ],
        request=BudgetSetSerializer,
        responses={200: BudgetSerializer},
    )
    def put(self, request, year: int, instrumentId: int):
        serializer = BudgetSetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        budget = services.budget_set(
            user=request.user,
            instrument_id=instrumentId,
            year=year,
            amount=d["amount"],
            non_benefit_amount=d["nonBenefitAmount"],
            reasons=d["reasons"],
            expected_version=d["version"],
        )
        return Response(BudgetSerializer(budget).data)
