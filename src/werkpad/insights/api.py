from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ID_QUERY_SCHEMA, ApiView
from werkpad.core.errors import InvalidInputError
from werkpad.core.filters import parse_id
from werkpad.insights.selectors import composition_get
from werkpad.insights.serializers import CompositionSerializer


class CompositionView(ApiView):
    schema_tags = ["insights"]
    query_parameters = [
        OpenApiParameter(
            "municipality", ID_QUERY_SCHEMA, description="Municipality id; defaults to your own."
        )
    ]

    @extend_schema(
        operation_id="compositionRead",
        summary="Composition of the job-seeker population (JS6)",
        responses={200: CompositionSerializer},
    )
    def get(self, request):
        raw = request.query_params.get("municipality")
        municipality_id = None if raw is None else parse_id(raw)
        if raw is not None and municipality_id is None:
            raise InvalidInputError({"municipality": [_("Give a municipality id (a number).")]})
        composition = composition_get(user=request.user, municipality_id=municipality_id)
        return Response(CompositionSerializer(composition).data)
