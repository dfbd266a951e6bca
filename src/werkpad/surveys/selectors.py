"""Every read of surveys (RI6), scoped to the user: the parties' lists and results, the
respondent's invitations, and the surveys held, as evidence for the council's checklist."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.errors import NotFoundError, PermissionDeniedError
from werkpad.core.models import Municipality
from werkpad.core.permissions import Role, scope_of, visible_for
from werkpad.core.suppression import Cell, reasons_of, suppress, withhold_all
from werkpad.surveys.models import (
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyStatusChange,
)
from werkpad.surveys.rules import staff_municipalities
from werkpad.surveys.workflow import HELD, Audience, Status

SURVEY_PERMISSIONS = {
    "change": "surveys.change_survey",
    "approve": "surveys.approve_survey",
    "open": "surveys.open_survey",
}


def survey_scope(*, user: User) -> QuerySet[Survey]:
    """The same definition as the ``surveys.view_survey`` rule."""
    return Survey.objects.filter(municipality_id__in=staff_municipalities(user))


def survey_list(*, user: User, status: str = "") -> QuerySet[Survey]:
    """The surveys of the user's municipality, the newest first, with their numbers of
    questions, invitations and responses. One query."""
    if not user.has_perm("surveys.list_survey"):
        raise PermissionDeniedError(code="survey-list-denied")
    queryset = survey_scope(user=user)
    if status in Status.values:
        queryset = queryset.filter(status=status)
    return queryset.select_related("municipality").annotate(
        question_count=_count(Question),
        invitation_count=_count(Invitation),
        response_count=_count(Response),
    )


def _count(model: type[Question] | type[Invitation] | type[Response]) -> Coalesce:
    """The number of a survey's rows of ``model``, as a subquery: joining three
    one-to-many tables at once would multiply their rows."""
    rows = (
        model.objects.filter(survey=OuterRef("pk"))
        .order_by()
        .values("survey")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def survey_get(*, user: User, id: int, for_action: str | None = None) -> Survey:
    survey = survey_scope(user=user).select_related("municipality").filter(pk=id).first()
    return visible_for(
        user,
        survey,
        kind="survey",
        view="surveys.view_survey",
        actions=SURVEY_PERMISSIONS,
        for_action=for_action,
    )


def survey_history(*, survey: Survey) -> QuerySet[SurveyStatusChange]:
    return survey.history.select_related("changed_by")


# --- results ----------------------------------------------------------------------------


@dataclass
class QuestionResult:
    question: Question
    answered: int
    #: One cell per answer option (scale 1-5, yes/no), small ones withheld.
    cells: list[Cell] = field(default_factory=list)
    #: The mean of a scale, when its distribution is shown.
    mean: float | None = None
    #: Open answers, shown only when the survey has enough responses.
    texts: list[str] = field(default_factory=list)


@dataclass
class SurveyResults:
    survey: Survey
    responses: int
    invitations: int
    min_cell: int
    questions: list[QuestionResult]
    #: Whether open answers are shown (the survey has at least ``min_cell`` responses).
    texts_shown: bool

    @property
    def reasons(self) -> list[str]:
        """Why figures are withheld on the page, for its one legend."""
        return reasons_of(c for q in self.questions for c in q.cells)

    @property
    def response_rate(self) -> int | None:
        return round(100 * self.responses / self.invitations) if self.invitations else None


def _options(kind: str) -> list[tuple[str, str, int]]:
    if kind == QuestionKind.SCALE:
        return [(str(n), str(n), n) for n in range(1, 6)]
    return [("yes", _("Yes"), 1), ("no", _("No"), 0)]


def question_cells(
    kind: str, counts: dict[int, int], *, min_cell: int
) -> tuple[list[Cell], float | None]:
    """The cells of one closed question from its counts per answer number, small counts
    withheld by the one rule (``core.suppression``), and the mean of a scale when every
    answer is shown. Fewer than ``min_cell`` answers in all: nothing is shown."""
    total = sum(counts.values())
    cells = [
        Cell(
            key=key,
            label=label,
            count=counts.get(number, 0),
            share=counts.get(number, 0) / total if total else None,
        )
        for key, label, number in _options(kind)
    ]
    withhold_all(cells, total=total, min_cell=min_cell)
    suppress(cells, min_cell=min_cell)
    mean = None
    # With a cell withheld, the mean beside the shown counts would give it away.
    if kind == QuestionKind.SCALE and total >= min_cell and not any(c.suppressed for c in cells):
        mean = sum(n * c for n, c in counts.items()) / total
    return cells, mean


def survey_results(*, user: User, id: int) -> SurveyResults:
    """Per question: the counts per answer option and the mean of a scale, small counts
    withheld for everyone (the answers are anonymous); open answers only when the survey
    has at least WERKPAD_MIN_CELL responses. Four queries."""
    survey = survey_get(user=user, id=id)
    if not user.has_perm("surveys.view_results", survey):
        raise PermissionDeniedError(code="survey-results-denied")
    min_cell = settings.WERKPAD_MIN_CELL
    questions = list(survey.questions.all())
    responses = survey.responses.count()
    invitations = survey.invitations.count()
    rows = (
        Answer.objects.filter(question__survey=survey, number__isnull=False)
        .values("question_id", "number")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, dict[int, int]] = {}
    for row in rows:
        counts.setdefault(row["question_id"], {})[row["number"]] = row["n"]
    texts_shown = responses >= min_cell
    texts: dict[int, list[str]] = {}
    if texts_shown:
        for question_id, text in (
            Answer.objects.filter(question__survey=survey, question__kind=QuestionKind.OPEN)
            .exclude(text="")
            .order_by("question_id", "text")
            .values_list("question_id", "text")
        ):
            texts.setdefault(question_id, []).append(text)
    results = []
    for question in questions:
        if question.kind == QuestionKind.OPEN:
            shown = texts.get(question.pk, [])
            results.append(QuestionResult(question=question, answered=len(shown), texts=shown))
            continue
        per_number = counts.get(question.pk, {})
        cells, mean = question_cells(question.kind, per_number, min_cell=min_cell)
        results.append(
            QuestionResult(
                question=question, answered=sum(per_number.values()), cells=cells, mean=mean
            )
        )
    return SurveyResults(
        survey=survey,
        responses=responses,
        invitations=invitations,
        min_cell=min_cell,
        questions=results,
        texts_shown=texts_shown,
    )


# --- the respondent's side ----------------------------------------------------------------


def _own_q(user: User) -> Q:
    scope = scope_of(user)
    query = Q(pk__in=[])
    if scope.has(Role.JOB_SEEKER):
        query |= Q(job_seeker__user_id=user.pk)
    employers = scope.organisations(Role.EMPLOYER)
    if employers:
        query |= Q(employer__organisation_id__in=employers)
    return query


def own_invitations(*, user: User) -> QuerySet[Invitation]:
    """The user's invitations to surveys that can still be answered, the soonest closing
    first. One query."""
    if not user.has_perm("surveys.list_invitation"):
        raise PermissionDeniedError(code="invitation-list-denied")
    return (
        Invitation.objects.filter(_own_q(user))
        .filter(survey__status=Status.OPEN, survey__closes_on__gte=clock.today())
        .filter(used_on__isnull=True)
        .select_related("survey", "survey__municipality")
        .order_by("survey__closes_on", "pk")
    )


def open_invitation_count(*, user: User) -> int:
    if not user.has_perm("surveys.list_invitation"):
        return 0
    return own_invitations(user=user).count()


def invitation_get(*, user: User, token: str) -> Invitation:
    """The invitation of a link, only for the person (or employer) it was sent to: for
    anyone else it does not exist."""
    invitation = (
        Invitation.objects.select_related("survey", "job_seeker", "employer")
        .filter(token=token)
        .first()
    )
    if invitation is None or not user.has_perm("surveys.answer_invitation", invitation):
        raise NotFoundError(code="invitation-not-found")
    return invitation


# --- evidence for the council's checklist (CO3 points 6 and 9) ---------------------------


@dataclass(frozen=True)
class HeldSurvey:
    id: int
    title: str
    audience: str
    opened_on: dt.date
    #: None while the survey is still open.
    closed_on: dt.date | None
    responses: int
    #: The council proposed the survey or approved it.
    council_involved: bool


def surveys_held(
    *, municipality: Municipality | int, audience: str, since: dt.date
) -> list[HeldSurvey]:
    """The municipality's surveys of ``audience`` (``Audience`` value) that opened on or
    after ``since``, open or closed, the earliest first, with their numbers of responses.
    Aggregates of a municipality, no person: the caller decides who reads them. One query."""
    municipality_id = municipality if isinstance(municipality, int) else municipality.pk
    if audience not in Audience.values:
        raise ValueError(f"unknown audience {audience!r}")
    surveys = (
        Survey.objects.filter(
            municipality_id=municipality_id,
            audience=audience,
            status__in=HELD,
            opened_on__gte=since,
        )
        .annotate(response_count=Count("responses"))
        .order_by("opened_on", "pk")
    )
    return [
        HeldSurvey(
            id=s.pk,
            title=s.title,
            audience=s.audience,
            opened_on=s.opened_on,
            closed_on=s.closed_on if s.status == Status.CLOSED else None,
            responses=s.response_count,
            council_involved=s.council_involved,
        )
        for s in surveys
        if s.opened_on is not None
    ]
