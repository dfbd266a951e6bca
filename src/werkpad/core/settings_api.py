"""/api/v1/municipalities/{id}/settings: a municipality's periods and terms, read and
changed by its functional administrator."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from werkpad.core import selectors, services
from werkpad.core.api import ApiView
from werkpad.core.serializers import (
    MunicipalitySettingsSerializer,
    MunicipalitySettingsUpdateSerializer,
)

ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The municipality's id.")


class MunicipalitySettingsView(ApiView):
    schema_tags = ["municipalities"]

    @extend_schema(
        operation_id="municipalitySettingsRead",
        summary="Read a municipality's settings",
        description=(
            "The functional administrator of the municipality. Someone else who works "
            "there gets 403; a municipality you do not work in or for is 404."
        ),
        parameters=[ID_PARAM],
        responses={200: MunicipalitySettingsSerializer},
    )
    def get(self, request: Request, id: int) -> Response:
        settings = selectors.municipality_settings_get(user=request.user, id=id)
        return Response(MunicipalitySettingsSerializer(settings).data)

    @extend_schema(
        operation_id="municipalitySettingsUpdate",
        summary="Change a municipality's settings",
        description=(
            "Send only the settings that change, with the `version` you read. Each is a "
            "whole number within its bounds; a term with a statutory maximum is refused "
            "above it. Every change is recorded in the audit log."
        ),
        parameters=[ID_PARAM],
        request=MunicipalitySettingsUpdateSerializer,
        responses={200: MunicipalitySettingsSerializer},
    )
    def patch(self, request: Request, id: int) -> Response:
        serializer = MunicipalitySettingsUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        settings = services.municipality_settings_update(
            user=request.user,
            municipality_id=id,
            expected_version=serializer.validated_data["version"],
            data=serializer.model_data(),
        )
        return Response(MunicipalitySettingsSerializer(settings).data)
