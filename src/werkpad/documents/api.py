"""/api/v1/documents: the list with its filters and the upload (multipart), a document's
details and its content, every read audited (WT3)."""

from __future__ import annotations

from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from werkpad.core.api import ApiView, ListApiView
from werkpad.core.errors import InvalidInputError
from werkpad.core.filters import parse_id
from werkpad.core.models import AuditEvent
from werkpad.documents import selectors, services
from werkpad.documents.models import Document, Type
from werkpad.documents.serializers import DocumentSerializer, DocumentUploadSerializer

TAGS = ["documents"]
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The document's id.")
ID_FILTERS = {"jobSeeker": "job_seeker_id", "plan": "plan_id", "trajectory": "trajectory_id"}


def _filters(query) -> dict[str, object]:
    found: dict[str, object] = {}
    errors: dict[str, list[str]] = {}
    for key, name in ID_FILTERS.items():
        if key in query:
            value = parse_id(query[key])
            if value is None:
                errors[key] = [_("Not a valid id.")]
            found[name] = value
    if "type" in query:
        if query["type"] not in Type.values:
            errors["type"] = [_("Unknown type.")]
        found["type"] = query["type"]
    if errors:
        raise InvalidInputError(errors)
    return found


class DocumentListView(ListApiView):
    schema_tags = TAGS
    schema_write_errors = {
        404: "No job seeker with this id is visible to you.",
        413: "The file is larger than `WERKPAD_DOCUMENT_MAX_BYTES` (10 MiB by default).",
        415: "The file is not a PDF, DOCX, ODT, JPG, PNG or plain text file, by its name "
        "and by its content.",
        503: "`CLAMAV_URL` is set and the scanner did not answer: nothing was stored.",
    }
    serializer_class = DocumentSerializer
    filter_backends: list = []
    parser_classes = [MultiPartParser]
    query_parameters = [
        OpenApiParameter("jobSeeker", OpenApiTypes.INT64, description="A job seeker's id."),
        OpenApiParameter("plan", OpenApiTypes.INT64, description="A plan's id."),
        OpenApiParameter("trajectory", OpenApiTypes.INT64, description="A trajectory's id."),
        OpenApiParameter(
            "type",
            str,
            description="The type of document: cv, diploma, certificate, letter, other.",
        ),
    ]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Document.objects.none()
        return selectors.document_list(
            user=self.request.user,
            purpose=AuditEvent.Purpose.DOCUMENTS_API,
            **_filters(self.request.query_params),
        )

    @extend_schema(
        operation_id="documentList",
        summary="List documents",
        description=(
            "The documents you may see, newest first: a job seeker's own; a caseworker's "
            "municipality (health documents only for the contact person); a coach's, of "
            "running trajectories at their provider, as the job seeker's consent allows. "
            "Reading a job seeker's list is recorded in their access log."
        ),
        responses={200: DocumentSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(DocumentSerializer(page, many=True).data)

    @extend_schema(
        operation_id="documentUpload",
        summary="Upload a document",
        description=(
            "A `multipart/form-data` upload for a job seeker's file, a plan or a trajectory "
            "(not both): the job seeker their own, a caseworker of the municipality, a coach "
            "on a running trajectory of their provider. Refused with nothing stored: over "
            "the size limit (413), a kind of file not accepted by name or content (415), "
            "malware (400, `document-infected`), or a scanner that does not answer (503)."
        ),
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: DocumentSerializer},
    )
    def post(self, request):
        serializer = DocumentUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        document = services.document_upload(
            user=request.user,
            job_seeker_id=data["jobSeeker"],
            upload=data["file"],
            type=data["type"],
            health=data["health"],
            plan_id=data["plan"],
            trajectory_id=data["trajectory"],
            description=data.get("description", ""),
        )
        return Response(DocumentSerializer(document).data, status=201)


class DocumentDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="documentRead",
        summary="Read a document's details",
        description="Its type, name, size, checksum and malware check; not its content.",
        parameters=[ID_PARAM],
        responses={200: DocumentSerializer},
    )
    def get(self, request, id: int):
        document = selectors.document_get(
            user=request.user, id=id, purpose=AuditEvent.Purpose.DOCUMENTS_API
        )
        return Response(DocumentSerializer(document).data)


class DocumentContentView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="documentContentRead",
        summary="Download a document",
        description=(
            "The content, as an attachment with its own content type; every download is "
            "recorded in the job seeker's access log. There is no other way to the content."
        ),
        parameters=[ID_PARAM],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The document's content."
            )
        },
    )
    def get(self, request, id: int) -> FileResponse:
        document, content = selectors.document_open(
            user=request.user, id=id, purpose=AuditEvent.Purpose.DOCUMENT_DOWNLOAD_API
        )
        response = FileResponse(
            content,
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
