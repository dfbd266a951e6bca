"""/api/v1/job-seekers/{id}/consents and /api/v1/consents/{id}: a job seeker's consents
(RI5, TR4); giving, withdrawing and refusing are named sub-resources
(``/consents/{id}/giving``, ``/withdrawal``, ``/refusal``). A step the lifecycle does not
allow answers 409."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.consents import selectors, services
from werkpad.consents.models import Consent
from werkpad.consents.serializers import (
    ConsentActionSerializer,
    ConsentCreateSerializer,
    ConsentDetailSerializer,
    ConsentSerializer,
)
from werkpad.consents.workflow import Status
from werkpad.core.api import ActionView, ApiView, ListApiView, action_schema
from werkpad.core.models import AuditEvent, Organisation

TAGS = ["consents"]
JOB_SEEKER_PARAM = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The job seeker's id."
)
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The consent's id.")


def _detail(request, id: int, status: int = 200) -> Response:
    consent = selectors.consent_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.CONSENTS_API
    )
    return Response(ConsentDetailSerializer(consent).data, status=status)


class JobSeekerConsentListView(ListApiView):
    schema_tags = TAGS
    serializer_class = ConsentSerializer
    filter_backends: list = []
    schema_write_errors = {404: "No job seeker with this id is visible to you."}

    @extend_schema(
        operation_id="consentList",
        summary="A job seeker's consents",
        description="Which parts of the file may go to each trajectory's provider, an "
        "independent advisor and employers, for the job seeker and the caseworkers of their "
        "municipality. The basis goes to a trajectory's provider by law, not by consent.",
        parameters=[JOB_SEEKER_PARAM],
        responses={200: ConsentSerializer(many=True)},
    )
    def get(self, request, id: int):
        consents = selectors.consent_list(
            user=request.user, job_seeker_id=id, purpose=AuditEvent.Purpose.CONSENTS_API
        )
        page = self.paginate_queryset(consents)
        return self.get_paginated_response(ConsentSerializer(page, many=True).data)

    @extend_schema(
        operation_id="consentCreate",
        summary="Record or ask for a consent",
        description="`status: given`: a caseworker records a consent the job seeker gave on "
        "paper, at the desk or by phone (`channel` required), or the job seeker gives one "
        "on their own. `status: requested`: a caseworker asks the job seeker, who answers "
        "on their own pages; asking again for a part asked or given changes nothing.",
        parameters=[JOB_SEEKER_PARAM],
        request=ConsentCreateSerializer,
        responses={201: ConsentDetailSerializer},
    )
    def post(self, request, id: int):
        serializer = ConsentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data["status"] == Status.GIVEN:
            consent = services.consent_give(
                user=request.user,
                job_seeker_id=id,
                recipient=data["recipient"],
                organisation_id=data["organisation"],
                part=data["part"],
                channel=data["channel"],
                reason=data["reason"],
            )
        else:
            job_seeker = selectors.consent_job_seeker(user=request.user, job_seeker_id=id)
            # The service checks the organisation (kind, municipality) by its id.
            organisation = Organisation(pk=data["organisation"]) if data["organisation"] else None
            [consent] = services.consent_request(
                user=request.user,
                job_seeker=job_seeker,
                recipient=data["recipient"],
                organisation=organisation,
                parts=[data["part"]],
                reason=data["reason"],
            )
        return _detail(request, consent.pk, status=201)


class ConsentDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="consentRead",
        summary="Read a consent with its history",
        description="Who recorded each change, when and how it was given.",
        parameters=[ID_PARAM],
        responses={200: ConsentDetailSerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id)


def _action_view(name: str, *, summary: str, description: str, service):
    @action_schema(
        operation_id=name,
        summary=summary,
        description=description + " A step the lifecycle does not allow answers 409.",
        parameters=[ID_PARAM],
        response=ConsentDetailSerializer,
    )
    class View(ActionView):
        schema_tags = TAGS
        request_serializer = ConsentActionSerializer

        def act(self, request, id: int, data):
            return service(
                user=request.user,
                consent_id=id,
                channel=data["channel"],
                reason=data["reason"],
                expected_version=data["version"],
            )

        def respond(self, request, id: int, result: Consent) -> Response:
            return _detail(request, id)

    View.__name__ = View.__qualname__ = name[0].upper() + name[1:] + "View"
    return View


GivingView = _action_view(
    "consentGive",
    summary="Give the consent",
    description="The job seeker says yes (asked, or again after refusing or withdrawing), or "
    "a caseworker records that they did on paper, at the desk or by phone.",
    service=services.consent_give,
)
WithdrawalView = _action_view(
    "consentWithdraw",
    summary="Withdraw the consent",
    description="Takes effect at once: the recipient's next read no longer contains the part.",
    service=services.consent_withdraw,
)
RefusalView = _action_view(
    "consentRefuse",
    summary="Refuse the consent asked for",
    description="The job seeker says no to a question (or a caseworker records that they did).",
    service=services.consent_refuse,
)
