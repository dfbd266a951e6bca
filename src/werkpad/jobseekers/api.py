"""/api/v1/job-seekers: list, create, read, update, access log."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from werkpad.core.api import ActionView, ApiView, ListApiView, StrictSerializer, action_schema
from werkpad.core.errors import InvalidInputError
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.permissions import FILE_ROLES, acting_municipality_id
from werkpad.jobseekers import selectors, services
from werkpad.jobseekers.bsn import validate_bsn
from werkpad.jobseekers.filters import JobSeekerFilter
from werkpad.jobseekers.models import JobSeeker, LeaveReason
from werkpad.jobseekers.serializers import (
    AccessLogEntrySerializer,
    JobSeekerSerializer,
    JobSeekerSummarySerializer,
    JobSeekerUpdateSerializer,
    JobSeekerWriteSerializer,
)

ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The job seeker's id.")


class JobSeekerListView(ListApiView):
    schema_tags = ["job-seekers"]
    serializer_class = JobSeekerSummarySerializer
    # Documents the query keys; the selector applies the same FilterSet.
    filter_backends = [DjangoFilterBackend]
    filterset_class = JobSeekerFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # The schema generator asks for the model only, without a user.
            return JobSeeker.objects.none()
        self.known_count = selectors.jobseeker_list_count(
            user=self.request.user, filters=self.request.query_params
        )
        return selectors.jobseeker_list(
            user=self.request.user,
            filters=self.request.query_params,
            purpose=AuditEvent.Purpose.JOB_SEEKER_LIST_API,
        )

    @extend_schema(
        operation_id="jobSeekerList",
        summary="List job seekers",
        description="The job seekers you may see, 25 a page; the BSN is masked.",
        responses={200: JobSeekerSummarySerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(JobSeekerSummarySerializer.rows(page))

    @extend_schema(
        operation_id="jobSeekerCreate",
        summary="Register a job seeker",
        request=JobSeekerWriteSerializer,
        responses={201: JobSeekerSerializer},
    )
    def post(self, request):
        serializer = JobSeekerWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        municipality = _municipality_for(
            request.user, serializer.validated_data.get("municipality")
        )
        job_seeker = services.jobseeker_create(
            user=request.user, municipality=municipality, data=serializer.model_data()
        )
        return Response(
            JobSeekerSerializer(job_seeker, context={"request": request}).data, status=201
        )


def _municipality_for(user, municipality_id: int | None) -> Municipality:
    return Municipality.objects.get(
        pk=acting_municipality_id(
            user,
            FILE_ROLES,
            named=municipality_id,
            ask_when_several=True,
            denied_code="jobseeker-create-denied",
        )
    )


class JobSeekerDetailView(ApiView):
    schema_tags = ["job-seekers"]

    @extend_schema(
        operation_id="jobSeekerRead",
        summary="Read a job seeker's file",
        parameters=[ID_PARAM],
        responses={200: JobSeekerSerializer},
    )
    def get(self, request, id: int):
        job_seeker = selectors.jobseeker_get(
            user=request.user, id=id, purpose=AuditEvent.Purpose.FILE_API
        )
        return Response(JobSeekerSerializer(job_seeker, context={"request": request}).data)

    @extend_schema(
        operation_id="jobSeekerUpdate",
        summary="Change a job seeker's file",
        description="Send only what changes, with the `version` you read.",
        parameters=[ID_PARAM],
        request=JobSeekerUpdateSerializer,
        responses={200: JobSeekerSerializer},
    )
    def patch(self, request, id: int):
        serializer = JobSeekerUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "version" not in serializer.validated_data:
            raise InvalidInputError({"version": [_("Send the version you read.")]})
        job_seeker = services.jobseeker_update(
            user=request.user,
            job_seeker_id=id,
            expected_version=serializer.validated_data["version"],
            data=serializer.model_data(),
            rung_reason=serializer.validated_data.get("rungReason", ""),
        )
        return Response(JobSeekerSerializer(job_seeker, context={"request": request}).data)


class AccessLogView(ListApiView):
    schema_tags = ["job-seekers"]
    serializer_class = AccessLogEntrySerializer
    filter_backends: list = []  # paged, not filtered

    @extend_schema(
        operation_id="jobSeekerAccessLog",
        summary="Who read or changed this file",
        parameters=[ID_PARAM],
        responses={200: AccessLogEntrySerializer(many=True)},
    )
    def get(self, request, id: int):
        events = selectors.access_log_list(user=request.user, job_seeker_id=id)
        page = self.paginate_queryset(events)
        return self.get_paginated_response(AccessLogEntrySerializer(page, many=True).data)


class BsnLookupSerializer(StrictSerializer):
    bsn = serializers.CharField(min_length=9, max_length=9, validators=[validate_bsn])


class JobSeekerBsnLookupView(ApiView):
    """A BSN is personal data that must not travel in an address: look it up in the body."""

    schema_tags = ["job-seekers"]
    schema_write_errors = {404: "No job seeker with this BSN is visible to you."}

    @extend_schema(
        operation_id="jobSeekerBsnLookup",
        summary="Find a job seeker's file by BSN",
        description="The BSN goes in the request body, never in the address. Audited as a read.",
        request=BsnLookupSerializer,
        responses={200: JobSeekerSerializer},
    )
    def post(self, request):
        serializer = BsnLookupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job_seeker = selectors.jobseeker_get_by_bsn(
            user=request.user,
            bsn=serializer.validated_data["bsn"],
            purpose=AuditEvent.Purpose.BSN_LOOKUP_API,
        )
        return Response(JobSeekerSerializer(job_seeker, context={"request": request}).data)


class VersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one is refused with 409."
    )


class FileActionView(ActionView):
    """An action on a job seeker's file; the answer is the file as it is now (a read,
    audited with ``purpose``)."""

    schema_tags = ["job-seekers"]
    purpose: AuditEvent.Purpose

    def respond(self, request, id: int, result) -> Response:
        job_seeker = selectors.jobseeker_get(user=request.user, id=id, purpose=self.purpose)
        return Response(JobSeekerSerializer(job_seeker, context={"request": request}).data)


@action_schema(
    operation_id="jobSeekerProfileReview",
    summary="Record that the profile was reviewed today",
    parameters=[ID_PARAM],
    response=JobSeekerSerializer,
)
class ProfileReviewView(FileActionView):
    """JS1: the profile was reviewed with the job seeker today."""

    request_serializer = VersionSerializer
    purpose = AuditEvent.Purpose.PROFILE_REVIEW

    def act(self, request, id: int, data):
        return services.jobseeker_profile_review(
            user=request.user, job_seeker_id=id, expected_version=data["version"]
        )


class OutflowSerializer(VersionSerializer):
    leftOn = serializers.DateField(
        help_text="The day the job seeker left the file; today or earlier, not before the "
        "file was made nor before the last trajectory ended."
    )
    reason = serializers.ChoiceField(choices=LeaveReason.choices)


@action_schema(
    operation_id="jobSeekerOutflow",
    summary="Record that the job seeker left the file",
    parameters=[ID_PARAM],
    response=JobSeekerSerializer,
)
class OutflowView(FileActionView):
    """Outflow: the job seeker leaves the file. Lists, caseloads, the worklist and the
    council's figures leave them out; their finished trajectories go on counting as
    evidence of what works."""

    schema_write_errors = {409: "Stale version, the file already left, or a trajectory is open."}
    request_serializer = OutflowSerializer
    purpose = AuditEvent.Purpose.OUTFLOW_API

    def act(self, request, id: int, data):
        return services.jobseeker_leave(
            user=request.user,
            job_seeker_id=id,
            expected_version=data["version"],
            left_on=data["leftOn"],
            reason=data["reason"],
        )


@action_schema(
    operation_id="jobSeekerReentry",
    summary="Take a job seeker who left back into the file",
    parameters=[ID_PARAM],
    response=JobSeekerSerializer,
)
class ReentryView(FileActionView):
    """The job seeker comes back into the file."""

    schema_write_errors = {409: "Stale version, or the job seeker is in the file."}
    request_serializer = VersionSerializer
    purpose = AuditEvent.Purpose.OUTFLOW_API

    def act(self, request, id: int, data):
        return services.jobseeker_reenter(
            user=request.user, job_seeker_id=id, expected_version=data["version"]
        )
