"""/api/v1/complaints: filing, reading, and the handling as named sub-resources (RI2)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response

from werkpad.complaints import letters, selectors, services
from werkpad.complaints.models import Complaint, Letter
from werkpad.complaints.serializers import (
    ComplaintFileSerializer,
    ComplaintSerializer,
    ComplaintSummarySerializer,
    ComplaintVersionSerializer,
    DecisionSerializer,
    DissatisfactionSerializer,
    HearingSerializer,
    LessonInSerializer,
    PostponementSerializer,
    WithdrawalSerializer,
)
from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.errors import PermissionDeniedError
from werkpad.core.models import AuditEvent

TAGS = ["complaints"]
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The complaint's id.")
LIST_PARAMS = [
    OpenApiParameter(
        "status", str, description="A status, several separated by commas, or `open`."
    ),
    OpenApiParameter("overdue", bool, description="Only open ones past their term."),
]


def _detail(request, id: int, status: int = 200) -> Response:
    complaint = selectors.complaint_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.COMPLAINT_API
    )
    return Response(ComplaintSerializer(complaint).data, status=status)


class ComplaintListView(ListApiView[Complaint]):
    schema_tags = TAGS
    serializer_class = ComplaintSummarySerializer
    filter_backends: list[Any] = []
    query_parameters = LIST_PARAMS

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Complaint.objects.none()
        return selectors.complaint_list(
            user=self.request.user,
            filters=self.request.query_params,
            purpose=AuditEvent.Purpose.COMPLAINT_LIST_API,
        )

    @extend_schema(
        operation_id="complaintList",
        summary="List complaints",
        description="A complaint handler's: those routed to their organisation, open ones by "
        "term. A job seeker's or an employer's: their own.",
        responses={200: ComplaintSummarySerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ComplaintSummarySerializer(page, many=True).data)

    @extend_schema(
        operation_id="complaintFile",
        summary="File a complaint",
        description="A job seeker or an employer files their own (channel `web`); a "
        "municipality's complaint handler files for someone with the channel it came in by "
        "(a job seeker of the municipality, or a named person). With a trajectory, a "
        "complaint about a coach is about its provider. "
        "The municipality's rules route it; the answer names who handles it and the term.",
        request=ComplaintFileSerializer,
        responses={201: ComplaintSerializer},
    )
    def post(self, request) -> Response:
        # a caseworker takes a complaint on the file's page, which shows only who handles
        # it: the API answers with the complaint, which a caseworker may not read
        if not (
            request.user.has_perm("complaints.file_own")
            or request.user.has_perm("complaints.file_on_behalf")
        ):
            raise PermissionDeniedError(code="complaint-file-denied")
        serializer = ComplaintFileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        complaint = services.complaint_file(
            user=request.user,
            filing=services.Filing(
                subject=d["subject"],
                about_id=d["about"],
                description=d["description"],
                channel=d["channel"],
                trajectory_id=d["trajectory"],
                job_seeker_id=d["jobSeeker"],
                complainant_name=d.get("complainantName", ""),
                complainant_address=d.get("complainantAddress", ""),
                received_on=d["receivedOn"],
            ),
        )
        if request.user.has_perm("complaints.view_complaint", complaint):
            return _detail(request, complaint.pk, status=201)
        # Routed to another organisation (a complaint about a coach goes to the provider):
        # the filer cannot open it afterwards, but is answered with what they filed, who
        # handles it and the term; the handling that follows is not theirs to read.
        return Response(ComplaintSerializer(complaint).data, status=201)


class ComplaintDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="complaintRead",
        summary="Read a complaint",
        description="Its handlers and the complainant; a read of a job seeker's is audited.",
        parameters=[ID_PARAM],
        responses={200: ComplaintSerializer},
    )
    def get(self, request, id: int) -> Response:
        return _detail(request, id)


_action = ActionFamily(
    tags=TAGS, detail=_detail, response=ComplaintSerializer, parameters=[ID_PARAM]
).view


AcknowledgementView = _action(
    "complaintAcknowledge",
    serializer=ComplaintVersionSerializer,
    summary="Acknowledge the receipt",
    description="Sends the acknowledgement letter (Awb 9:5); the handler takes it on.",
    call=lambda user, id, d: services.complaint_acknowledge(
        user=user, complaint_id=id, expected_version=d["version"]
    ),
)
PostponementView = _action(
    "complaintPostpone",
    serializer=PostponementSerializer,
    summary="Postpone the term",
    description="Once, by at most 4 weeks, with a notice to the complainant (Awb 9:11(2)); a "
    "second postponement is 409, a longer one 400.",
    call=lambda user, id, d: services.complaint_postpone(
        user=user,
        complaint_id=id,
        weeks=d["weeks"],
        reason=d["reason"],
        expected_version=d["version"],
    ),
)
HearingView = _action(
    "complaintHear",
    serializer=HearingSerializer,
    summary="Record the hearing",
    description="The day it was held, or why it was skipped (Awb 9:10(2)).",
    call=lambda user, id, d: services.complaint_hear(
        user=user,
        complaint_id=id,
        held_on=d["heldOn"],
        skipped=d["skipped"],
        notes=d["notes"],
        expected_version=d["version"],
    ),
)
DecisionView = _action(
    "complaintDecide",
    serializer=DecisionSerializer,
    summary="Decide on the complaint",
    description="The written outcome with conclusions and measures (Awb 9:12); sends the letter.",
    call=lambda user, id, d: services.complaint_decide(
        user=user,
        complaint_id=id,
        outcome=d["outcome"],
        conclusions=d["conclusions"],
        measures=d["measures"],
        expected_version=d["version"],
    ),
)
DissatisfactionView = _action(
    "complaintSayDissatisfied",
    serializer=DissatisfactionSerializer,
    summary="Say one is not satisfied",
    description="The complainant, within the municipality's term after the decision.",
    call=lambda user, id, d: services.complaint_say_dissatisfied(
        user=user, complaint_id=id, text=d["text"]
    ),
)
FollowUpView = _action(
    "complaintFollowUp",
    serializer=ComplaintVersionSerializer,
    summary="Follow up a complainant who is not satisfied",
    description="As the municipality's rules say: handled again with a new term, or referred "
    "to the ombudsman.",
    call=lambda user, id, d: services.complaint_follow_up(
        user=user, complaint_id=id, expected_version=d["version"]
    ),
)
WithdrawalView = _action(
    "complaintWithdraw",
    serializer=WithdrawalSerializer,
    summary="Withdraw the complaint",
    description="Until it is decided, with the reason.",
    call=lambda user, id, d: services.complaint_withdraw(
        user=user, complaint_id=id, reason=d["reason"], expected_version=d["version"]
    ),
)
LessonView = _action(
    "complaintLessonRecord",
    serializer=LessonInSerializer,
    summary="Record a lesson",
    description="Once decided: a lesson for the organisation it was about.",
    call=lambda user, id, d: services.lesson_record(
        user=user, complaint_id=id, text=d["text"], organisation_id=d["organisation"]
    ),
)


class LetterView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="complaintLetterRead",
        summary="A letter about the complaint, as PDF",
        description="The acknowledgement, the notice of postponement or the decision, for the "
        "complainant and the handlers; every download is audited.",
        parameters=[
            ID_PARAM,
            OpenApiParameter(
                "kind",
                str,
                OpenApiParameter.PATH,
                enum=Letter.Kind.values,
                description="Which letter.",
            ),
        ],
        responses={
            (200, "application/pdf"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The letter."
            )
        },
    )
    def get(self, request, id: int, kind: str) -> HttpResponse:
        _complaint, letter = selectors.letter_get(user=request.user, complaint_id=id, kind=kind)
        response = HttpResponse(letters.letter_pdf(letter), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{letters.filename(letter)}"'
        return response
