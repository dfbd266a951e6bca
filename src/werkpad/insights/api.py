from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from werkpad.core.errors import InvalidInputError
from werkpad.insights.selectors import composition_get
from werkpad.insights.serializers import CompositionSerializer


class CompositionView(APIView):
    schema_tags = ["insights"]

    @extend_schema(
        operation_id="compositionRead",
        summary="Composition of the job-seeker population (JS6)",
        parameters=[
            OpenApiParameter(
                "municipality", int, description=("Municipality id; defaults to your own.")
            )
        ],
        responses={200: CompositionSerializer},
    )
    def get(self, request):
        raw = request.query_params.get("municipality")
        if raw is not None and not raw.isdigit():
            raise InvalidInputError({"municipality": [_("Give a municipality id (a number).")]})
        composition = composition_get(user=request.user, municipality_id=int(raw) if raw else None)
        return Response(CompositionSerializer(composition).data)
