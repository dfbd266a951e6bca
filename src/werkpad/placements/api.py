"""/api/v1: referrals to vacancies with their result, placements and their follow-ups
(MA2-MA4)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.models import AuditEvent
from werkpad.placements import selectors, services
from werkpad.placements.models import Placement, VacancyReferral
from werkpad.placements.serializers import (
    FollowUpRecordSerializer,
    PlacementCreateSerializer,
    PlacementSerializer,
    VacancyReferralCreateSerializer,
    VacancyReferralResultSerializer,
    VacancyReferralSerializer,
)

REFERRAL_TAGS = ["vacancy-referrals"]
PLACEMENT_TAGS = ["placements"]
PURPOSE = AuditEvent.Purpose.PLACEMENTS_API
REFERRAL_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The referral's id.")
PLACEMENT_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The placement's id.")
JOB_SEEKER_QUERY = OpenApiParameter("jobSeeker", int, description="Only this job seeker's.")


def _referral(request, id: int, status: int = 200) -> Response:
    referral = selectors.referral_get(user=request.user, id=id, purpose=PURPOSE)
    return Response(VacancyReferralSerializer(referral).data, status=status)


def _placement(request, id: int, status: int = 200) -> Response:
    placement = selectors.placement_get(user=request.user, id=id, purpose=PURPOSE)
    return Response(
        PlacementSerializer(placement, context={"user": request.user}).data, status=status
    )


class VacancyReferralListView(ListApiView[VacancyReferral]):
    schema_tags = REFERRAL_TAGS
    serializer_class = VacancyReferralSerializer
    filter_backends: list[Any] = []
    query_parameters = [
        JOB_SEEKER_QUERY,
        OpenApiParameter("status", str, description="A result, several separated by commas."),
    ]
    schema_write_errors = {404: "No job seeker with this id is visible to you."}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return VacancyReferral.objects.none()
        return selectors.referral_list(
            user=self.request.user, filters=self.request.query_params, purpose=PURPOSE
        )

    @extend_schema(
        operation_id="vacancyReferralList",
        summary="List referrals to vacancies",
        description="For the caseworkers of the municipality and the employer advisors of "
        "the employers' municipality; the newest first.",
        responses={200: VacancyReferralSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(VacancyReferralSerializer(page, many=True).data)

    @extend_schema(
        operation_id="vacancyReferralCreate",
        summary="Refer a job seeker to a vacancy",
        description="By a caseworker, or an employer advisor of the employer's municipality. "
        "When the vacancy's employer is affiliated with the provider of the job seeker's "
        "running trajectory the referral is a conflict of interest: it is refused (400, "
        "field `conflictConfirmed`) until `conflictConfirmed` is true, then recorded with "
        "the reason.",
        request=VacancyReferralCreateSerializer,
        responses={201: VacancyReferralSerializer},
    )
    def post(self, request) -> Response:
        serializer = VacancyReferralCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        referral = services.referral_create(
            user=request.user,
            job_seeker_id=d["jobSeeker"],
            vacancy_id=d["vacancy"],
            support=d["support"],
            conflict_confirmed=d["conflictConfirmed"],
        )
        return _referral(request, referral.pk, status=201)


class VacancyReferralDetailView(ApiView):
    schema_tags = REFERRAL_TAGS

    @extend_schema(
        operation_id="vacancyReferralRead",
        summary="Read a referral to a vacancy",
        parameters=[REFERRAL_ID],
        responses={200: VacancyReferralSerializer},
    )
    def get(self, request, id: int):
        return _referral(request, id)


VacancyReferralResultView = ActionFamily(
    tags=REFERRAL_TAGS,
    detail=_referral,
    response=VacancyReferralSerializer,
    parameters=[REFERRAL_ID],
).view(
    "vacancyReferralResult",
    serializer=VacancyReferralResultSerializer,
    summary="Record the employer's answer to a referral",
    description="Invited, rejected or withdrawn (these two with the reason); hired is "
    "recorded with the placement.",
    call=lambda user, id, d: services.referral_result(
        user=user, referral_id=id, step=d["step"], reason=d["reason"], expected_version=d["version"]
    ),
)


class PlacementListView(ListApiView[Placement]):
    schema_tags = PLACEMENT_TAGS
    serializer_class = PlacementSerializer
    filter_backends: list[Any] = []
    query_parameters = [JOB_SEEKER_QUERY]
    schema_write_errors = {404: "No job seeker with this id is visible to you."}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Placement.objects.none()
        return selectors.placement_list(
            user=self.request.user, filters=self.request.query_params, purpose=PURPOSE
        ).prefetch_related("grants")

    @extend_schema(
        operation_id="placementList",
        summary="List placements",
        description="For the caseworkers of the municipality, the employer advisors of the "
        "employers' municipality, and an employer (its own, without the after-care plan).",
        responses={200: PlacementSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(
            PlacementSerializer(page, many=True, context={"user": request.user}).data
        )

    @extend_schema(
        operation_id="placementCreate",
        summary="Record a placement",
        description="By a caseworker of the municipality. The hourly wage is checked against "
        "the statutory minimum wage for the job seeker's age on the start date: below it is "
        "refused (400, `below-minimum-wage`) unless a wage-cost subsidy granted to the job "
        "seeker is among `grants`. From a referral, the referral becomes hired. The "
        "follow-ups at 6 and 12 months are made with it.",
        request=PlacementCreateSerializer,
        responses={201: PlacementSerializer},
    )
    def post(self, request) -> Response:
        serializer = PlacementCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        result = services.placement_create(
            user=request.user,
            job_seeker_id=d["jobSeeker"],
            data=services.PlacementInput(
                referral_id=d["referral"],
                vacancy_id=d["vacancy"],
                employer_id=d["employer"],
                employer_name=d.get("employerName", ""),
                self_found=d["selfFound"],
                job_title=d.get("jobTitle", ""),
                start_date=d["startDate"],
                contract_type=d["contractType"],
                hours_per_week=d["hoursPerWeek"],
                hourly_wage=d["hourlyWage"],
                grant_ids=d["grants"],
                aftercare_plan=d["aftercarePlan"],
                job_coach_schedule=d["jobCoachSchedule"],
                next_contact_on=d["nextContactOn"],
            ),
        )
        return _placement(request, result.placement.pk, status=201)


class PlacementDetailView(ApiView):
    schema_tags = PLACEMENT_TAGS

    @extend_schema(
        operation_id="placementRead",
        summary="Read a placement with its follow-ups",
        parameters=[PLACEMENT_ID],
        responses={200: PlacementSerializer},
    )
    def get(self, request, id: int):
        return _placement(request, id)


class FollowUpView(ApiView):
    schema_tags = PLACEMENT_TAGS

    @extend_schema(
        operation_id="placementFollowUpRecord",
        summary="Record a follow-up of a placement",
        description="By a caseworker: still in work after 6 or 12 months, with whom, notes. "
        "A follow-up recorded already answers 409.",
        parameters=[
            PLACEMENT_ID,
            OpenApiParameter(
                "months", int, OpenApiParameter.PATH, description="6 or 12: months after the start."
            ),
        ],
        request=FollowUpRecordSerializer,
        responses={200: PlacementSerializer},
    )
    def post(self, request, id: int, months: int):
        serializer = FollowUpRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        services.follow_up_record(
            user=request.user,
            placement_id=id,
            months=months,
            still_in_work=d["stillInWork"],
            working_for=d.get("workingFor", ""),
            notes=d["notes"],
            next_contact_on=d["nextContactOn"],
        )
        return _placement(request, id)
