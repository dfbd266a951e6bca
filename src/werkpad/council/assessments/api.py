"""/api/v1/council: the LCR checklist and the council's assessments with it (CO3)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.council.assessments import exports, selectors, services
from werkpad.council.assessments.serializers import (
    AssessmentCreateSerializer,
    AssessmentDetailSerializer,
    AssessmentNoBodySerializer,
    AssessmentPatchSerializer,
    AssessmentSerializer,
    AssessmentVersionSerializer,
    ChecklistSerializer,
)
from werkpad.council.checklist import checklist
from werkpad.council.models.assessments import Assessment

TAGS = ["council"]
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The assessment's id.")
FORMAT_QUERY = OpenApiParameter(
    "format", str, enum=sorted(exports.FORMATS), required=True, description="docx or pdf."
)


class ChecklistView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="councilChecklistRead",
        summary="The LCR checklist for municipal client councils",
        description="The 16 points and 56 questions of the Landelijke Cliëntenraad's checklist "
        "(June 2013), word for word, with werkpad's explanation of each point and the "
        "workbook's chapter; for council members and policy officers.",
        responses={200: ChecklistSerializer},
    )
    def get(self, request):
        if not request.user.has_perm("council.view_checklist"):
            raise PermissionDeniedError(code="checklist-denied")
        return Response(ChecklistSerializer(checklist()).data)


def _detail(request, id: int) -> Response:
    assessment = selectors.assessment_get(user=request.user, id=id)
    return Response(AssessmentDetailSerializer(assessment).data)


class AssessmentListView(ListApiView[Assessment]):
    schema_tags = TAGS
    serializer_class = AssessmentSerializer
    filter_backends: list[Any] = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Assessment.objects.none()
        return selectors.assessment_list(user=self.request.user)

    @extend_schema(
        operation_id="councilAssessmentList",
        summary="List the council's assessments",
        description="The user's council's own assessments, the final ones the other councils "
        "of the region shared, and (a policy officer) the final ones of the municipality's "
        "council; the newest first.",
        responses={200: AssessmentSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(AssessmentSerializer(page, many=True).data)

    @extend_schema(
        operation_id="councilAssessmentCreate",
        summary="Start an assessment",
        description="A draft of the user's council, following on its last final one.",
        request=AssessmentCreateSerializer,
        responses={201: AssessmentDetailSerializer},
    )
    def post(self, request) -> Response:
        serializer = AssessmentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        assessment = services.assessment_create(
            user=request.user, title=d["title"], council_id=d["council"], remarks=d["remarks"]
        )
        read = selectors.assessment_get(user=request.user, id=assessment.pk)
        return Response(AssessmentDetailSerializer(read).data, status=201)


class AssessmentDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="councilAssessmentRead",
        summary="Read an assessment with its answers",
        parameters=[ID_PARAM],
        responses={200: AssessmentDetailSerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id)

    @extend_schema(
        operation_id="councilAssessmentUpdate",
        summary="Answer questions of a draft assessment",
        description="By a member of the council, while the assessment is a draft; names the "
        "`version` read. Each answer given is saved with the evidence werkpad shows for its "
        "question now. A final assessment answers 409.",
        parameters=[ID_PARAM],
        request=AssessmentPatchSerializer,
        responses={200: AssessmentDetailSerializer},
    )
    def patch(self, request, id: int):
        serializer = AssessmentPatchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        services.answers_save(
            user=request.user,
            assessment_id=id,
            answers=[
                services.AnswerInput(
                    question_id=a["questionId"],
                    answer=a["answer"],
                    remarks=a["remarks"],
                    action_points=a["actionPoints"],
                )
                for a in d["answers"]
            ],
            expected_version=d["version"],
            remarks=d.get("remarks"),
        )
        return _detail(request, id)


_FAMILY = ActionFamily(
    tags=TAGS, detail=_detail, response=AssessmentDetailSerializer, parameters=[ID_PARAM]
)

AssessmentFinalisationView = _FAMILY.view(
    "councilAssessmentFinalise",
    serializer=AssessmentVersionSerializer,
    summary="Make an assessment final",
    description="By a member of the council, when every question is answered yes or no; "
    "it is read-only from then on, and the municipality's policy officer reads it.",
    call=lambda user, id, d: services.assessment_finalise(
        user=user, assessment_id=id, expected_version=d["version"]
    ),
)

AssessmentSharingView = _FAMILY.view(
    "councilAssessmentShare",
    serializer=AssessmentNoBodySerializer,
    summary="Share a final assessment with the region",
    description="By a member of the council; the councils of the other municipalities of "
    "the labour-market region read it and see its answers in the regional overview.",
    call=lambda user, id, d: services.assessment_share(user=user, assessment_id=id),
)


class AssessmentExportView(ApiView):
    schema_tags = TAGS
    query_parameters = [FORMAT_QUERY]

    @extend_schema(
        operation_id="councilAssessmentExport",
        summary="An assessment as DOCX or PDF",
        description="The report a council sends to its alderman: every answer, remark and "
        "action point with the evidence as saved. Another format answers 400.",
        parameters=[ID_PARAM],
        responses={
            (200, exports.DOCX): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The report as a Word document."
            ),
            (200, exports.PDF): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The report as a PDF."
            ),
        },
    )
    def get(self, request, id: int) -> HttpResponse:
        assessment = selectors.assessment_get(user=request.user, id=id)
        kind = request.query_params.get("format", "")
        if kind not in exports.FORMATS:
            raise InvalidInputError({"format": [_("Choose docx or pdf.")]})
        return exports.download(user=request.user, assessment=assessment, kind=kind)
