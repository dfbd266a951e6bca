"""Assessments (CO3): the council answers, werkpad's evidence is kept as it was shown,
a final assessment is read-only, sharing reaches only the region."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests.council.assessments.conftest import NOW
from tests.council.assessments.factories import AnswerFactory, AssessmentFactory, answer_all
from werkpad.core.errors import ConflictError, InvalidInputError, NotFoundError, StaleEditError
from werkpad.core.models import AuditEvent
from werkpad.council import evidence as evidence_module
from werkpad.council.assessments import selectors, services
from werkpad.council.assessments.services import AnswerInput
from werkpad.council.evidence import Context, Evidence, Figure
from werkpad.council.models.assessments import Answer, Assessment

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def registry(monkeypatch):
    """A registry of our own: question 2.1 informed by a computation of this test."""
    monkeypatch.setattr(evidence_module, "_REGISTRY", {})
    calls = {"count": 0}

    @evidence_module.evidence("2.1")
    def composition(context: Context) -> Evidence:
        calls["count"] += 1
        return Evidence(
            question_id="2.1",
            summary=f"{context.municipality.name}: 120 werkzoekenden ingeschreven.",
            method="Werkzoekenden met een open dossier op de peildatum.",
            computed_at=context.now,
            figures=(Figure("Werkzoekenden", str(100 + 20 * calls["count"])),),
        )

    return calls


def test_a_member_starts_a_draft_that_follows_the_last_final_one(councils):
    last = AssessmentFactory(council=councils.own, final=True)
    assessment = services.assessment_create(user=councils.member, title="Beoordeling 2026")
    assert assessment.status == "draft"
    assert assessment.council == councils.own
    assert assessment.municipality == councils.own.municipality
    assert assessment.previous == last
    assert assessment.checklist_version == "lcr-2013-06"
    assert [h.to_status for h in assessment.history.all()] == ["draft"]
    assert AuditEvent.objects.filter(
        object_type="council assessment", object_id=str(assessment.pk), action="create"
    ).exists()


def test_a_title_is_required(councils):
    with pytest.raises(InvalidInputError) as refused:
        services.assessment_create(user=councils.member, title="  ")
    assert "title" in refused.value.errors
    assert not Assessment.objects.exists()


def test_answers_keep_the_evidence_as_shown_when_saved(councils, registry):
    assessment = AssessmentFactory(council=councils.own)
    services.answers_save(
        user=councils.member,
        assessment_id=assessment.pk,
        answers=[
            AnswerInput(question_id="2.1", answer="yes", remarks="Cijfers zijn actueel."),
            AnswerInput(question_id="2.2", answer="no", remarks="Geen afspraken met UWV."),
        ],
        expected_version=1,
    )
    informed = Answer.objects.get(assessment=assessment, question_id="2.1")
    assert informed.answer == "yes"
    assert informed.remarks == "Cijfers zijn actueel."
    assert informed.updated_by == councils.member
    assert informed.evidence_snapshot["summary"] == "Amsterdam: 120 werkzoekenden ingeschreven."
    assert informed.evidence_snapshot["figures"] == [
        {"label": "Werkzoekenden", "value": "120", "withheld": False}
    ]
    assert dt.datetime.fromisoformat(informed.evidence_snapshot["computedAt"]) == NOW
    # werkpad had nothing on 2.2: nothing is stored
    assert Answer.objects.get(assessment=assessment, question_id="2.2").evidence_snapshot == {}
    # later the data moves on; the saved answer keeps what it was based on
    with time_machine.travel(NOW.replace(month=12), tick=False):
        live = selectors.points_of(
            selectors.assessment_get(user=councils.member, id=assessment.pk), live=True
        )
    assert live[1].rows[0].live.figures[0].value == "140"
    informed.refresh_from_db()
    assert informed.evidence_snapshot["figures"][0]["value"] == "120"
    assessment.refresh_from_db()
    assert assessment.version == 2
    assert selectors.progress_of(assessment).answered == 2


def test_a_stale_version_is_refused_and_nothing_changes(councils):
    assessment = AssessmentFactory(council=councils.own, version=3)
    with pytest.raises(StaleEditError):
        services.answers_save(
            user=councils.member,
            assessment_id=assessment.pk,
            answers=[AnswerInput(question_id="1.1", answer="yes")],
            expected_version=2,
        )
    assert not Answer.objects.exists()


def test_unknown_questions_and_the_wrong_text_field_are_refused(councils):
    assessment = AssessmentFactory(council=councils.own)
    with pytest.raises(InvalidInputError) as refused:
        services.answers_save(
            user=councils.member,
            assessment_id=assessment.pk,
            answers=[
                AnswerInput(question_id="17.1", answer="yes"),
                AnswerInput(question_id="15.1", answer="no", remarks="Hoort niet hier."),
                AnswerInput(question_id="15.2", answer="no", action_points="Ook niet."),
                AnswerInput(question_id="1.1", answer="maybe"),
            ],
        )
    assert set(refused.value.errors) == {
        "answers.17.1",
        "answers.15.1",
        "answers.15.2",
        "answers.1.1",
    }
    assert not Answer.objects.exists()


def test_action_points_for_15_1_and_16_1(councils):
    assessment = AssessmentFactory(council=councils.own)
    services.answers_save(
        user=councils.member,
        assessment_id=assessment.pk,
        answers=[AnswerInput(question_id="16.1", answer="no", action_points="Overleg plannen.")],
    )
    assert Answer.objects.get(question_id="16.1").action_points == "Overleg plannen."


def test_finalising_needs_every_question_answered(councils):
    assessment = AssessmentFactory(council=councils.own)
    AnswerFactory(assessment=assessment, question_id="1.1")
    with pytest.raises(ConflictError) as refused:
        services.assessment_finalise(user=councils.member, assessment_id=assessment.pk)
    assert refused.value.code == "assessment-incomplete"
    assessment.refresh_from_db()
    assert assessment.status == "draft"


def test_a_final_assessment_is_read_only(councils):
    assessment = AssessmentFactory(council=councils.own)
    answer_all(assessment)
    services.assessment_finalise(user=councils.member, assessment_id=assessment.pk)
    assessment.refresh_from_db()
    assert assessment.status == "final"
    assert assessment.finalised_by == councils.member
    assert assessment.finalised_at == NOW
    assert [h.to_status for h in assessment.history.all()] == ["draft", "final"]
    with pytest.raises(ConflictError) as refused:
        services.answers_save(
            user=councils.member,
            assessment_id=assessment.pk,
            answers=[AnswerInput(question_id="1.1", answer="no")],
        )
    assert refused.value.code == "assessment-final"
    assert Answer.objects.get(assessment=assessment, question_id="1.1").answer == "yes"
    with pytest.raises(ConflictError):
        services.assessment_finalise(user=councils.member, assessment_id=assessment.pk)


def test_sharing_a_final_assessment_reaches_the_region_only(councils):
    draft = AssessmentFactory(council=councils.own)
    with pytest.raises(ConflictError):
        services.assessment_share(user=councils.member, assessment_id=draft.pk)
    final = AssessmentFactory(council=councils.own, final=True)
    assert not selectors.assessment_list(user=councils.neighbour_member).exists()
    services.assessment_share(user=councils.member, assessment_id=final.pk)
    final.refresh_from_db()
    assert final.shared_with_region and final.shared_by == councils.member
    assert list(selectors.assessment_list(user=councils.neighbour_member)) == [final]
    assert not selectors.assessment_list(user=councils.far_member).exists()
    # the neighbour reads it, never changes it
    with pytest.raises(NotFoundError):
        services.assessment_share(user=councils.far_member, assessment_id=final.pk)
    with pytest.raises(ConflictError):
        services.assessment_share(user=councils.member, assessment_id=final.pk)


def test_the_policy_officer_reads_final_ones_only(councils):
    draft = AssessmentFactory(council=councils.own)
    final = AssessmentFactory(council=councils.own, final=True)
    AssessmentFactory(council=councils.neighbour, shared=True)
    assert list(selectors.assessment_list(user=councils.policy_officer)) == [final]
    with pytest.raises(NotFoundError):
        selectors.assessment_get(user=councils.policy_officer, id=draft.pk)


def test_comparison_shows_what_changed(councils):
    old = AssessmentFactory(council=councils.own, final=True)
    AnswerFactory(assessment=old, question_id="1.1", answer="no", remarks="Te laat.")
    AnswerFactory(assessment=old, question_id="1.2", answer="yes", remarks="Goed.")
    new = AssessmentFactory(council=councils.own, previous=old)
    AnswerFactory(assessment=new, question_id="1.1", answer="yes", remarks="Nu op tijd.")
    AnswerFactory(assessment=new, question_id="1.2", answer="yes", remarks="Goed.")
    _assessment, previous, changes = selectors.comparison(user=councils.member, id=new.pk)
    assert previous == old
    by_id = {c.question.id: c for c in changes}
    assert by_id["1.1"].answer_changed and by_id["1.1"].text_changed
    assert not by_id["1.2"].changed
    assert by_id["1.3"].old is None and not by_id["1.3"].changed
    assert len(changes) == 56


def test_regional_overview_counts_the_shared_answers(councils):
    mine = AssessmentFactory(council=councils.own, shared=True)
    AnswerFactory(assessment=mine, question_id="16.1", answer="yes")
    theirs = AssessmentFactory(council=councils.neighbour, shared=True)
    AnswerFactory(assessment=theirs, question_id="16.1", answer="no", action_points="Overleg.")
    unshared = AssessmentFactory(council=councils.neighbour, final=True)
    AnswerFactory(assessment=unshared, question_id="16.1", answer="yes")
    far = AssessmentFactory(council=councils.far, shared=True)
    AnswerFactory(assessment=far, question_id="16.1", answer="yes")
    overview = selectors.regional_overview(user=councils.member)
    assert {a.pk for a in overview.assessments} == {mine.pk, theirs.pk}
    row = next(r for r in overview.rows if r.question.id == "16.1")
    assert (row.yes, row.no) == (1, 1)
    assert sorted(a.answer for a in row.answers) == ["no", "yes"]
