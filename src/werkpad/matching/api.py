"""/api/v1: a vacancy's ranked candidates and a job seeker's ranked vacancies (MA1), the
employers' candidate file and introduction requests with the job seeker's agreement or
refusal and the employer's withdrawal as named sub-resources (EM6, TR4)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.models import AuditEvent
from werkpad.matching import rules, selectors, services
from werkpad.matching.serializers import (
    CandidateSerializer,
    IntroductionAgreementSerializer,
    IntroductionCreateSerializer,
    IntroductionSerializer,
    IntroductionVersionSerializer,
    VacancyCandidatesSerializer,
    VacancyMatchesSerializer,
)

TAGS = ["matching"]
PURPOSE = AuditEvent.Purpose.MATCHING_API
TOP_PARAM = OpenApiParameter(
    "top",
    {"type": "integer", "minimum": 1, "maximum": selectors.MAX_TOP, "default": 20},
    description="How many, best first: 1 to 100; 20 when not given.",
)
VACANCY_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The vacancy's id.")
JOB_SEEKER_PARAM = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The job seeker's id."
)
PSEUDONYM_PARAM = OpenApiParameter(
    "pseudonym", str, OpenApiParameter.PATH, description="The candidate's pseudonym."
)
ID_PARAM = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The introduction request's id."
)


class VacancyCandidatesView(ApiView):
    schema_tags = TAGS
    query_parameters = [TOP_PARAM]

    @extend_schema(
        operation_id="vacancyCandidateList",
        summary="A vacancy's best candidates",
        description="The job seekers of the vacancy's municipality with a search profile, "
        "still in the file, who meet its hard limits (region, hours, working conditions), "
        "ranked by the matching engine with the score and why. For the employer advisors "
        "and the caseworkers of the municipality; only the caseworkers get the name and "
        "id, the employer advisor the pseudonym. No limitation is ever shown.",
        parameters=[VACANCY_PARAM],
        responses={200: VacancyCandidatesSerializer},
    )
    def get(self, request, id: int):
        top = selectors.parse_top(request.query_params.get("top"))
        vacancy, candidates = selectors.vacancy_candidates(
            user=request.user, vacancy_id=id, top=top, purpose=PURPOSE
        )
        return Response(
            VacancyCandidatesSerializer(
                {"vacancy": vacancy, "top": top, "candidates": candidates}
            ).data
        )


class JobSeekerVacancyMatchesView(ApiView):
    schema_tags = TAGS
    query_parameters = [TOP_PARAM]

    @extend_schema(
        operation_id="jobSeekerVacancyMatchList",
        summary="A job seeker's best vacancies",
        description="Open vacancies, not expired, of the job seeker's municipality or "
        "distributed to the region, that meet the search profile's hard limits, ranked "
        "with the score and why. For the caseworkers of the municipality.",
        parameters=[JOB_SEEKER_PARAM],
        responses={200: VacancyMatchesSerializer},
    )
    def get(self, request, id: int):
        top = selectors.parse_top(request.query_params.get("top"))
        job_seeker, profile, vacancies = selectors.job_seeker_vacancy_matches(
            user=request.user, job_seeker_id=id, top=top, purpose=PURPOSE
        )
        return Response(
            VacancyMatchesSerializer(
                {
                    "job_seeker": job_seeker,
                    "top": top,
                    "has_profile": profile is not None,
                    "vacancies": vacancies,
                }
            ).data
        )


class CandidateListView(ListApiView):
    schema_tags = TAGS
    serializer_class = CandidateSerializer
    filter_backends: list = []
    query_parameters = [
        OpenApiParameter("occupation", str, description="An ISCO-08 code (4 digits)."),
        OpenApiParameter("skill", str, description="A skill word (where the work part is shared)."),
        OpenApiParameter("region", str, description="A labour-market region code."),
        OpenApiParameter(
            "hours", OpenApiTypes.NUMBER, description="Hours per week the candidate accepts."
        ),
    ]

    @extend_schema(
        operation_id="candidateList",
        summary="Search the candidate file",
        description="For employers: the pseudonymised profiles of the job seekers of the "
        "employer's municipality who consented to employers and whose profile the "
        "caseworker confirmed current. Only the parts consented to are filled; never a "
        "name, a contact detail or anything of the health part.",
        responses={200: CandidateSerializer(many=True)},
    )
    def get(self, request):
        _employer, cards = selectors.candidate_list(user=request.user, filters=request.query_params)
        page = self.paginate_queryset(cards)
        return self.get_paginated_response(CandidateSerializer(page, many=True).data)


def _introduction_response(request, introduction, status: int = 200) -> Response:
    user = request.user
    card = None
    if rules.answers_introduction(user, introduction):
        card = selectors.disclosure(introduction, preview=True)
    elif rules.asked_introduction(user, introduction):
        card = selectors.disclosure(introduction)
    return Response(
        IntroductionSerializer(introduction, context={"card": card}).data, status=status
    )


def _detail(request, id: int) -> Response:
    return _introduction_response(request, selectors.introduction_get(user=request.user, id=id))


class CandidateIntroductionView(ApiView):
    schema_tags = TAGS
    schema_write_errors = {404: "No candidate with this pseudonym is in your candidate file."}

    @extend_schema(
        operation_id="introductionCreate",
        summary="Ask to meet a candidate",
        description="By an employer, optionally for one of its own open vacancies. The job "
        "seeker is notified and decides; one open request per candidate.",
        parameters=[PSEUDONYM_PARAM],
        request=IntroductionCreateSerializer,
        responses={201: IntroductionSerializer},
    )
    def post(self, request, pseudonym: str):
        serializer = IntroductionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        introduction = services.introduction_request(
            user=request.user,
            pseudonym=pseudonym,
            message=data["message"],
            vacancy_id=data["vacancyId"],
        )
        return _introduction_response(
            request, selectors.introduction_get(user=request.user, id=introduction.pk), 201
        )


class IntroductionDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="introductionRead",
        summary="Read an introduction request",
        description="For the employer who asked it (the candidate's name and the contact "
        "details shared only once agreed), the job seeker (with what the employer would "
        "see on agreeing) and the employer advisors of the municipality (without the "
        "candidate).",
        parameters=[ID_PARAM],
        responses={200: IntroductionSerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id)


_view = ActionFamily(
    tags=TAGS, detail=_detail, response=IntroductionSerializer, parameters=[ID_PARAM]
).view

AgreementView = _view(
    "introductionAgree",
    serializer=IntroductionAgreementSerializer,
    summary="Agree to meet the employer",
    description="By the job seeker: the employer then reads the name and the contact "
    "details chosen here.",
    call=lambda user, id, d: services.introduction_answer(
        user=user,
        introduction_id=id,
        agreed=True,
        share_email=d["shareEmail"],
        share_phone=d["sharePhone"],
        expected_version=d["version"],
    ),
)
RefusalView = _view(
    "introductionRefuse",
    serializer=IntroductionVersionSerializer,
    summary="Decline to meet the employer",
    description="By the job seeker; no reason is asked.",
    call=lambda user, id, d: services.introduction_answer(
        user=user, introduction_id=id, agreed=False, expected_version=d["version"]
    ),
)
WithdrawalView = _view(
    "introductionWithdraw",
    serializer=IntroductionVersionSerializer,
    summary="Withdraw the request",
    description="By the employer who asked it, before the job seeker answered.",
    call=lambda user, id, d: services.introduction_withdraw(
        user=user, introduction_id=id, expected_version=d["version"]
    ),
)
