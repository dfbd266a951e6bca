"""/api/v1: the employer register, the vacancies, and each step of a vacancy as a named
sub-resource: its answer, its updates, its filling, closing and withdrawal (EM1-EM5)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.errors import InvalidInputError
from werkpad.core.models import LabourMarketRegion
from werkpad.employers import selectors, services
from werkpad.employers.models import Channel, Employer, Vacancy, VacancyUpdate
from werkpad.employers.serializers import (
    EmployerSerializer,
    EmployerWriteSerializer,
    VacancyAnswerSerializer,
    VacancyClosingSerializer,
    VacancyCreateSerializer,
    VacancyFillingSerializer,
    VacancySerializer,
    VacancyUpdateCreateSerializer,
    VacancyUpdateSerializer,
    VacancyWithdrawalSerializer,
)

EMPLOYER_TAGS = ["employers"]
VACANCY_TAGS = ["vacancies"]
EMPLOYER_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The employer's id.")
VACANCY_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The vacancy's id.")
EMPLOYER_PARAMS = [
    OpenApiParameter("sector", str, description="An SBI 2008 section, A-U."),
    OpenApiParameter("size", str, description="`sme` or `large`."),
    OpenApiParameter(
        "willing", bool, description="Willing to hire (CSR, CAO, SROI, banenafspraak)."
    ),
]
VACANCY_PARAMS = [
    OpenApiParameter("status", str, description="A status, several separated by commas."),
    OpenApiParameter("occupation", str, description="An ISCO-08 unit group (4 digits)."),
    OpenApiParameter("region", str, description="A labour-market region's code."),
    OpenApiParameter("employer", int, description="An employer's id."),
    OpenApiParameter("overdue", bool, description="Still to be answered after 72 hours."),
]
FIELDS = {
    "name": "name",
    "kvkNumber": "kvk_number",
    "sbiSection": "sbi_section",
    "sbiDivision": "sbi_division",
    "size": "size",
    "networks": "networks",
    "csr": "csr",
    "caoObligation": "cao_obligation",
    "sroiObligation": "sroi_obligation",
    "banenafspraak": "banenafspraak",
}


def _region(code: str) -> LabourMarketRegion:
    region = LabourMarketRegion.objects.filter(code=code).first()
    if region is None:
        raise InvalidInputError(
            {"region": [_("Unknown labour-market region: give its code, e.g. AM20.")]}
        )
    return region


def _employer_data(data: dict[str, Any]) -> dict[str, Any]:
    values = {FIELDS[k]: v for k, v in data.items() if k in FIELDS}
    if "region" in data:
        values["region"] = _region(data["region"])
    return values


def _employer(request, id: int, status: int = 200) -> Response:
    employer = selectors.employer_get(user=request.user, id=id)
    return Response(EmployerSerializer(employer).data, status=status)


def _vacancy(request, id: int, status: int = 200) -> Response:
    vacancy = selectors.vacancy_get(user=request.user, id=id)
    return Response(VacancySerializer(vacancy).data, status=status)


class EmployerListView(ListApiView[Employer]):
    schema_tags = EMPLOYER_TAGS
    serializer_class = EmployerSerializer
    filter_backends: list[Any] = []
    query_parameters = EMPLOYER_PARAMS

    @extend_schema(
        operation_id="employerList",
        summary="List employers",
        description="The register of the user's municipality, for its employer advisors, "
        "caseworkers and policy officers, by name.",
        responses={200: EmployerSerializer(many=True)},
    )
    def get(self, request):
        queryset = selectors.employer_list(user=request.user, filters=request.query_params)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(EmployerSerializer(page, many=True).data)

    @extend_schema(
        operation_id="employerRegister",
        summary="Register an employer",
        description="By an employer advisor, who becomes the fixed contact person; the KvK "
        "number is unique in the municipality.",
        request=EmployerWriteSerializer,
        responses={201: EmployerSerializer},
    )
    def post(self, request):
        serializer = EmployerWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = _employer_data(serializer.validated_data)
        employer = services.employer_register(user=request.user, name=data.pop("name"), **data)
        return _employer(request, employer.pk, status=201)


class EmployerDetailView(ApiView):
    schema_tags = EMPLOYER_TAGS

    @extend_schema(
        operation_id="employerRead",
        summary="Read an employer",
        description="Its municipality's staff, and the employer itself.",
        parameters=[EMPLOYER_ID],
        responses={200: EmployerSerializer},
    )
    def get(self, request, id: int):
        return _employer(request, id)

    @extend_schema(
        operation_id="employerUpdate",
        summary="Change an employer",
        description="By an employer advisor of its municipality; send the version you read.",
        parameters=[EMPLOYER_ID],
        request=EmployerWriteSerializer,
        responses={200: EmployerSerializer},
    )
    def patch(self, request, id: int):
        serializer = EmployerWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "version" not in serializer.validated_data:
            raise InvalidInputError({"version": [_("Send the version you read.")]})
        services.employer_update(
            user=request.user,
            employer_id=id,
            expected_version=serializer.validated_data["version"],
            **_employer_data(serializer.validated_data),
        )
        return _employer(request, id)


class VacancyListView(ListApiView[Vacancy]):
    schema_tags = VACANCY_TAGS
    serializer_class = VacancySerializer
    filter_backends: list[Any] = []
    query_parameters = VACANCY_PARAMS
    schema_write_errors = {404: "No employer with this id is visible to you."}

    @extend_schema(
        operation_id="vacancyList",
        summary="List vacancies",
        description="The regional vacancy file for the staff, its own for an employer; those "
        "past their 72-hour answer first, then the newest.",
        responses={200: VacancySerializer(many=True)},
    )
    def get(self, request):
        queryset = selectors.vacancy_list(user=request.user, filters=request.query_params)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(VacancySerializer(page, many=True).data)

    @extend_schema(
        operation_id="vacancyCreate",
        summary="Report a vacancy, or take one in",
        description="An employer reports its own (channel `web`); an employer advisor takes "
        "one in by e-mail, phone or visit with the intake agreements. The answer is due "
        "within 72 hours.",
        request=VacancyCreateSerializer,
        responses={201: VacancySerializer},
    )
    def post(self, request):
        serializer = VacancyCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        fields = {
            "title": d["title"],
            "description": d["description"],
            "occupation_code": d["occupationCode"],
            "skills": d["skills"],
            "min_education_level": d["minEducationLevel"],
            "hours_per_week": d["hoursPerWeek"],
            "conditions": d["conditions"],
            "positions": d["positions"],
            "expires_on": d["expiresOn"],
        }
        if d.get("region"):
            fields["region"] = _region(d["region"])
        if d["channel"] == Channel.WEB:
            vacancy = services.vacancy_report(
                user=request.user, employer_id=d["employer"], **fields
            )
        else:
            vacancy = services.vacancy_intake(
                user=request.user,
                employer_id=d["employer"],
                channel=d["channel"],
                distribution=d["distribution"],
                preselection=d["preselection"],
                **fields,
            )
        return _vacancy(request, vacancy.pk, status=201)


class VacancyDetailView(ApiView):
    schema_tags = VACANCY_TAGS

    @extend_schema(
        operation_id="vacancyRead",
        summary="Read a vacancy",
        parameters=[VACANCY_ID],
        responses={200: VacancySerializer},
    )
    def get(self, request, id: int):
        return _vacancy(request, id)


class VacancyUpdateListView(ListApiView[VacancyUpdate]):
    schema_tags = VACANCY_TAGS
    serializer_class = VacancyUpdateSerializer
    filter_backends: list[Any] = []
    schema_write_errors = {404: "No vacancy with this id is visible to you."}

    @extend_schema(
        operation_id="vacancyUpdateList",
        summary="What the employer was told about a vacancy",
        description="The answer and every update after it, in order.",
        parameters=[VACANCY_ID],
        responses={200: VacancyUpdateSerializer(many=True)},
    )
    def get(self, request, id: int):
        vacancy = selectors.vacancy_get(user=request.user, id=id)
        page = self.paginate_queryset(selectors.vacancy_updates(vacancy=vacancy))
        return self.get_paginated_response(VacancyUpdateSerializer(page, many=True).data)

    @extend_schema(
        operation_id="vacancyUpdateSend",
        summary="Send the employer an update",
        description="By an employer advisor of the municipality: progress, advice or "
        "job-carving advice while it is open, after-care once filled. The employer is "
        "notified.",
        parameters=[VACANCY_ID],
        request=VacancyUpdateCreateSerializer,
        responses={201: VacancyUpdateSerializer},
    )
    def post(self, request, id: int):
        serializer = VacancyUpdateCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        update = services.vacancy_update_send(
            user=request.user,
            vacancy_id=id,
            kind=d["kind"],
            text=d["text"],
            expected_version=d["version"],
        )
        return Response(VacancyUpdateSerializer(update).data, status=201)


_step = ActionFamily(
    tags=VACANCY_TAGS, detail=_vacancy, response=VacancySerializer, parameters=[VACANCY_ID]
).view

AnswerView = _step(
    "vacancyAnswer",
    serializer=VacancyAnswerSerializer,
    summary="Answer the employer: the fill possibilities and the term",
    description="By an employer advisor of the municipality, due within 72 hours of "
    "receipt; later is accepted and recorded as late. The vacancy is then in progress.",
    call=lambda user, id, d: services.vacancy_answer(
        user=user,
        vacancy_id=id,
        text=d["text"],
        expected_fill_by=d["expectedFillBy"],
        expected_version=d["version"],
    ),
)
FillingView = _step(
    "vacancyFill",
    serializer=VacancyFillingSerializer,
    summary="The vacancy is filled",
    description="By an employer advisor of the municipality, with the after-care agreed.",
    call=lambda user, id, d: services.vacancy_fill(
        user=user, vacancy_id=id, text=d["text"], expected_version=d["version"]
    ),
)
ClosingView = _step(
    "vacancyClose",
    serializer=VacancyClosingSerializer,
    summary="Close the vacancy, not filled",
    description="By an employer advisor of the municipality, with the reason and the "
    "advice to the employer.",
    call=lambda user, id, d: services.vacancy_close(
        user=user,
        vacancy_id=id,
        reason=d["reason"],
        advice=d["advice"],
        expected_version=d["version"],
    ),
)
WithdrawalView = _step(
    "vacancyWithdraw",
    serializer=VacancyWithdrawalSerializer,
    summary="Withdraw the vacancy",
    description="By the employer (its own, while open) or an employer advisor, with the reason.",
    call=lambda user, id, d: services.vacancy_withdraw(
        user=user, vacancy_id=id, reason=d["reason"], expected_version=d["version"]
    ),
)
