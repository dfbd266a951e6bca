"""Every read of assessments (CO3), scoped to the user by ``council.rules``.

Council members see no person here: an assessment holds the council's own answers
and the aggregate evidence werkpad showed beside them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from werkpad.core.errors import NotFoundError, PermissionDeniedError
from werkpad.core.permissions import AnyUser
from werkpad.council.checklist import Point, Question, checklist
from werkpad.council.evidence import Evidence, evidence_for
from werkpad.council.models.assessments import Answer, Assessment, AssessmentStatus
from werkpad.council.rules import assessment_visibility, councils_of, regions_of_councils

ROW_RELATED = ("council", "municipality", "finalised_by", "shared_by")


def assessment_scope(*, user: AnyUser) -> QuerySet[Assessment]:
    """The same definition as the ``council.view_assessment`` rule."""
    return Assessment.objects.filter(assessment_visibility(user))


def assessment_list(*, user: AnyUser) -> QuerySet[Assessment]:
    """The assessments the user reads: their council's own, the final ones shared by
    the councils of their region, their municipality's council's final ones (a policy
    officer); the newest first."""
    if not user.has_perm("council.list_assessment"):
        raise PermissionDeniedError(code="assessment-list-denied")
    return (
        assessment_scope(user=user)
        .select_related(*ROW_RELATED)
        .prefetch_related(
            Prefetch("answers", queryset=Answer.objects.only("assessment_id", "answer"))
        )
    )


def assessment_get(*, user: AnyUser, id: int) -> Assessment:
    """One assessment the user reads, with its answers."""
    assessment = (
        assessment_scope(user=user)
        .select_related(*ROW_RELATED, "previous")
        .prefetch_related("answers")
        .filter(pk=id)
        .first()
    )
    if assessment is None:
        raise NotFoundError(code="assessment-not-found")
    return assessment


def is_own(*, user: AnyUser, assessment: Assessment) -> bool:
    """Whether ``assessment`` is of one of the user's own councils."""
    return assessment.council_id in councils_of(user)


def answers_by_question(assessment: Assessment) -> dict[str, Answer]:
    return {answer.question_id: answer for answer in assessment.answers.all()}


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int


def progress_of(assessment: Assessment) -> Progress:
    """How many of the checklist's questions have a yes or a no (prefetched answers)."""
    answered = sum(1 for a in assessment.answers.all() if a.answer != "none-yet")
    return Progress(answered=answered, total=len(checklist().questions))


@dataclass(frozen=True)
class QuestionRow:
    """One question of a point as the answer form and the view show it."""

    question: Question
    answer: Answer | None
    #: The evidence computed now (the form of a draft); None when werkpad has none.
    live: Evidence | None


@dataclass(frozen=True)
class PointRows:
    point: Point
    rows: tuple[QuestionRow, ...]

    @property
    def answered(self) -> int:
        return sum(1 for r in self.rows if r.answer is not None and r.answer.is_answered)


def points_of(assessment: Assessment, *, live: bool) -> list[PointRows]:
    """Per point of the checklist its questions with the assessment's answers; with
    ``live`` the evidence computed now for the assessment's municipality."""
    answers = answers_by_question(assessment)
    evidence = evidence_for(municipality=assessment.municipality) if live else {}
    return [
        PointRows(
            point=point,
            rows=tuple(
                QuestionRow(question=q, answer=answers.get(q.id), live=evidence.get(q.id))
                for q in point.questions
            ),
        )
        for point in checklist().points
    ]


@dataclass(frozen=True)
class Change:
    question: Question
    old: Answer | None
    new: Answer | None

    @property
    def answer_changed(self) -> bool:
        return _value(self.old) != _value(self.new)

    @property
    def text_changed(self) -> bool:
        return _text(self.old) != _text(self.new)

    @property
    def changed(self) -> bool:
        return self.answer_changed or self.text_changed


def _value(answer: Answer | None) -> str:
    return answer.answer if answer is not None else "none-yet"


def _text(answer: Answer | None) -> tuple[str, str]:
    return (answer.remarks, answer.action_points) if answer is not None else ("", "")


def comparison(*, user: AnyUser, id: int) -> tuple[Assessment, Assessment | None, list[Change]]:
    """The assessment beside the council's previous final one, question by question."""
    assessment = assessment_get(user=user, id=id)
    previous = (
        assessment_scope(user=user)
        .prefetch_related("answers")
        .filter(pk=assessment.previous_id)
        .first()
        if assessment.previous_id
        else None
    )
    new = answers_by_question(assessment)
    old = answers_by_question(previous) if previous is not None else {}
    changes = [
        Change(question=q, old=old.get(q.id), new=new.get(q.id)) for q in checklist().questions
    ]
    return assessment, previous, changes


@dataclass(frozen=True)
class RegionalRow:
    question: Question
    yes: int
    no: int
    #: Per council (by the order of ``RegionalOverview.assessments``) its answer.
    answers: tuple[Answer | None, ...]


@dataclass(frozen=True)
class RegionalOverview:
    assessments: tuple[Assessment, ...]
    rows: tuple[RegionalRow, ...]


def regional_overview(*, user: AnyUser) -> RegionalOverview:
    """Per question the answers of the councils of the user's region that shared a
    final assessment: the latest shared one of each council, and the yes and no counts."""
    if not user.has_perm("council.view_regional_overview"):
        raise PermissionDeniedError(code="assessment-overview-denied")
    shared = (
        Assessment.objects.filter(
            shared_with_region=True,
            status=AssessmentStatus.FINAL,
            municipality__region_id__in=regions_of_councils(user),
        )
        .select_related("council", "municipality")
        .prefetch_related("answers")
        .order_by("council__name", "-finalised_at", "-id")
    )
    latest: dict[int, Assessment] = {}
    for assessment in shared:
        latest.setdefault(assessment.council_id, assessment)
    chosen = tuple(latest.values())
    by_council = [answers_by_question(a) for a in chosen]
    rows = []
    for question in checklist().questions:
        answers = tuple(answers.get(question.id) for answers in by_council)
        counts = Counter(a.answer for a in answers if a is not None)
        rows.append(
            RegionalRow(question=question, yes=counts["yes"], no=counts["no"], answers=answers)
        )
    return RegionalOverview(assessments=chosen, rows=tuple(rows))
