"""/api/v1/instruments: a municipality's instruments catalogue (IN1)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionView, ApiView, ListApiView, action_schema
from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.models import Municipality
from werkpad.core.permissions import acting_municipality_id
from werkpad.instruments import selectors, services
from werkpad.instruments.filters import InstrumentFilter
from werkpad.instruments.models import Instrument
from werkpad.instruments.rules import EDITORS
from werkpad.instruments.serializers import (
    InstrumentSerializer,
    InstrumentUpdateSerializer,
    InstrumentVersionSerializer,
    InstrumentWriteSerializer,
)

ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The instrument's id.")


def municipality_for(user, municipality_id: int | None) -> Municipality:
    """The municipality whose catalogue the user adds to: their own, or the one named."""
    return Municipality.objects.get(
        pk=acting_municipality_id(
            user,
            EDITORS,
            named=municipality_id,
            ask_when_several=True,
            denied_code="instrument-create-denied",
        )
    )


class InstrumentListView(ListApiView):
    schema_tags = ["instruments"]
    serializer_class = InstrumentSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = InstrumentFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Instrument.objects.none()
        return selectors.instrument_list(user=self.request.user, filters=self.request.query_params)

    @extend_schema(
        operation_id="instrumentList",
        summary="List the instruments catalogue",
        description="Your municipality's instruments, by type and name; filter by type and active.",
        responses={200: InstrumentSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(InstrumentSerializer(page, many=True).data)

    @extend_schema(
        operation_id="instrumentCreate",
        summary="Add an instrument",
        description="Functional administrators of the municipality.",
        request=InstrumentWriteSerializer,
        responses={201: InstrumentSerializer},
    )
    def post(self, request):
        if not request.user.has_perm("instruments.add_instrument"):
            raise PermissionDeniedError(code="instrument-create-denied")
        serializer = InstrumentWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        municipality = municipality_for(request.user, serializer.validated_data.get("municipality"))
        instrument = services.instrument_create(
            user=request.user, municipality=municipality, data=serializer.model_data()
        )
        return Response(InstrumentSerializer(instrument).data, status=201)


class InstrumentDetailView(ApiView):
    schema_tags = ["instruments"]

    @extend_schema(
        operation_id="instrumentRead",
        summary="Read an instrument",
        parameters=[ID_PARAM],
        responses={200: InstrumentSerializer},
    )
    def get(self, request, id: int):
        return Response(
            InstrumentSerializer(selectors.instrument_get(user=request.user, id=id)).data
        )

    @extend_schema(
        operation_id="instrumentUpdate",
        summary="Change an instrument",
        description="Send only what changes, with the `version` you read.",
        parameters=[ID_PARAM],
        request=InstrumentUpdateSerializer,
        responses={200: InstrumentSerializer},
    )
    def patch(self, request, id: int):
        serializer = InstrumentUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "version" not in serializer.validated_data:
            raise InvalidInputError({"version": [_("Send the version you read.")]})
        instrument = services.instrument_update(
            user=request.user,
            instrument_id=id,
            expected_version=serializer.validated_data["version"],
            data=serializer.model_data(),
        )
        return Response(InstrumentSerializer(instrument).data)


@action_schema(
    operation_id="instrumentDeactivate",
    summary="Deactivate an instrument",
    parameters=[ID_PARAM],
    response=InstrumentSerializer,
)
class InstrumentDeactivationView(ActionView):
    """Take an instrument out of use; plans that already hold it keep it."""

    schema_tags = ["instruments"]
    request_serializer = InstrumentVersionSerializer

    def act(self, request, id: int, data):
        return services.instrument_deactivate(
            user=request.user, instrument_id=id, expected_version=data["version"]
        )

    def respond(self, request, id: int, result) -> Response:
        return Response(InstrumentSerializer(result).data)
