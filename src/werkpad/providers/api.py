"""/api/v1/providers and /api/v1/programmes: the register and the catalogue."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ApiView, ListApiView
from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from werkpad.core.models import Organisation
from werkpad.providers import selectors, services
from werkpad.providers.filters import ProgrammeFilter, ProviderFilter
from werkpad.providers.models import Programme, Provider
from werkpad.providers.serializers import (
    ProgrammeSerializer,
    ProgrammeSummarySerializer,
    ProgrammeUpdateSerializer,
    ProgrammeWriteSerializer,
    ProviderSerializer,
    ProviderUpdateSerializer,
    ProviderWriteSerializer,
)

PROVIDER_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The provider's id.")
PROGRAMME_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The programme's id.")


def _need_version(validated: dict) -> int:
    if "version" not in validated:
        raise InvalidInputError({"version": [_("Send the version you read.")]})
    return validated["version"]


class ProviderListView(ListApiView):
    schema_tags = ["providers"]
    serializer_class = ProviderSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProviderFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Provider.objects.none()
        return selectors.provider_list(
            user=self.request.user, filters=self.request.query_params
        ).prefetch_related("subcontractors", "affiliated_organisations")

    @extend_schema(
        operation_id="providerList",
        summary="List providers",
        description="The re-integration providers of your municipality (a coach: their own).",
        responses={200: ProviderSerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ProviderSerializer(page, many=True).data)

    @extend_schema(
        operation_id="providerCreate",
        summary="Register a provider",
        description="Policy officers and functional administrators of the provider's municipality.",
        request=ProviderWriteSerializer,
        responses={201: ProviderSerializer},
    )
    def post(self, request):
        if not request.user.has_perm("providers.add_provider"):
            raise PermissionDeniedError(code="provider-create-denied")
        serializer = ProviderWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = Organisation.objects.filter(
            pk=serializer.validated_data["organisation"]
        ).first()
        if organisation is None:
            raise InvalidInputError({"organisation": [_("No organisation has this id.")]})
        provider = services.provider_create(
            user=request.user, organisation=organisation, data=serializer.model_data()
        )
        provider = selectors.provider_get(user=request.user, id=provider.pk)
        return Response(ProviderSerializer(provider).data, status=201)


class ProviderDetailView(ApiView):
    schema_tags = ["providers"]

    @extend_schema(
        operation_id="providerRead",
        summary="Read a provider",
        parameters=[PROVIDER_ID],
        responses={200: ProviderSerializer},
    )
    def get(self, request, id: int):
        return Response(ProviderSerializer(selectors.provider_get(user=request.user, id=id)).data)

    @extend_schema(
        operation_id="providerUpdate",
        summary="Change a provider",
        description="Send only what changes, with the `version` you read.",
        parameters=[PROVIDER_ID],
        request=ProviderUpdateSerializer,
        responses={200: ProviderSerializer},
    )
    def patch(self, request, id: int):
        serializer = ProviderUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.provider_update(
            user=request.user,
            provider_id=id,
            expected_version=_need_version(serializer.validated_data),
            data=serializer.model_data(),
        )
        return Response(ProviderSerializer(selectors.provider_get(user=request.user, id=id)).data)


class ProgrammeListView(ListApiView):
    schema_tags = ["programmes"]
    serializer_class = ProgrammeSummarySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Programme.objects.none()
        return selectors.programme_list(user=self.request.user, filters=self.request.query_params)

    @extend_schema(
        operation_id="programmeList",
        summary="Search the programme catalogue",
        description=(
            "The programmes of your municipality (a coach: their own provider's), by name, "
            "25 a page. Filters combine; `format=group` also finds programmes offering both."
        ),
        responses={200: ProgrammeSummarySerializer(many=True)},
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ProgrammeSummarySerializer(page, many=True).data)

    @extend_schema(
        operation_id="programmeCreate",
        summary="Add a programme to the catalogue",
        description="Policy officers and functional administrators of the provider's municipality.",
        request=ProgrammeWriteSerializer,
        responses={201: ProgrammeSerializer},
    )
    def post(self, request):
        if not request.user.has_perm("providers.add_programme"):
            raise PermissionDeniedError(code="programme-create-denied")
        serializer = ProgrammeWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            provider = selectors.provider_get(
                user=request.user, id=serializer.validated_data["provider"]
            )
        except NotFoundError as error:
            raise InvalidInputError(
                {"provider": [_("No provider you may see has this id.")]}
            ) from error
        programme = services.programme_create(
            user=request.user, provider=provider, data=serializer.model_data()
        )
        programme = selectors.programme_get(user=request.user, id=programme.pk)
        return Response(ProgrammeSerializer(programme).data, status=201)


class ProgrammeDetailView(ApiView):
    schema_tags = ["programmes"]

    @extend_schema(
        operation_id="programmeRead",
        summary="Read a programme",
        parameters=[PROGRAMME_ID],
        responses={200: ProgrammeSerializer},
    )
    def get(self, request, id: int):
        programme = selectors.programme_get(user=request.user, id=id)
        return Response(ProgrammeSerializer(programme).data)

    @extend_schema(
        operation_id="programmeUpdate",
        summary="Change a programme",
        description="Send only what changes, with the `version` you read.",
        parameters=[PROGRAMME_ID],
        request=ProgrammeUpdateSerializer,
        responses={200: ProgrammeSerializer},
    )
    def patch(self, request, id: int):
        serializer = ProgrammeUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.programme_update(
            user=request.user,
            programme_id=id,
            expected_version=_need_version(serializer.validated_data),
            data=serializer.model_data(),
        )
        return Response(ProgrammeSerializer(selectors.programme_get(user=request.user, id=id)).data)
