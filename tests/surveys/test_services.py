"""The survey services (RI6): each step by the right party, in one transaction with its
audit row; refusals change nothing; opening invites the municipality's current job
seekers or its employers and tells them after the commit."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import EmployerFactory, JobSeekerFactory, UserFactory, job_seeker_login
from tests.surveys.factories import QuestionFactory, SurveyFactory
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.notifications.models import Notification
from werkpad.surveys import services
from werkpad.surveys.models import Invitation, Survey
from werkpad.surveys.workflow import Audience, Party, Status

pytestmark = pytest.mark.django_db
NEXT_MONTH = dt.date(2026, 12, 23)


def audits(survey):
    return list(
        AuditEvent.objects.filter(object_type="survey", object_id=str(survey.pk))
        .order_by("pk")
        .values_list("detail", flat=True)
    )


def test_the_policy_officer_drafts_for_the_municipality(policy_officer, amsterdam):
    survey = services.survey_create(
        user=policy_officer,
        title="Tevredenheid 2026",
        audience=Audience.JOB_SEEKERS,
        closes_on=NEXT_MONTH,
        introduction="Vijf minuten.",
    )
    assert (survey.status, survey.origin, survey.municipality_id) == (
        Status.DRAFT,
        Party.MUNICIPALITY,
        amsterdam.pk,
    )
    assert [h.to_status for h in survey.history.all()] == [Status.DRAFT]
    assert AuditEvent.objects.filter(
        object_type="survey", object_id=str(survey.pk), action=AuditEvent.Action.CREATE
    ).exists()


def test_a_council_member_drafts_for_the_council(council_member):
    survey = services.survey_create(
        user=council_member, title="Werkgevers", audience=Audience.EMPLOYERS, closes_on=NEXT_MONTH
    )
    assert survey.origin == Party.COUNCIL
    assert survey.approver == Party.MUNICIPALITY


def test_a_draft_needs_a_title_an_audience_and_a_later_closing_day(policy_officer):
    with pytest.raises(InvalidInputError) as refused:
        services.survey_create(
            user=policy_officer, title=" ", audience="everyone", closes_on=dt.date(2026, 11, 23)
        )
    assert set(refused.value.errors) == {"title", "audience", "closes_on"}
    assert not Survey.objects.exists()


def test_a_caseworker_cannot_draft_a_survey(caseworker):
    with pytest.raises(PermissionDeniedError):
        services.survey_create(
            user=caseworker, title="X", audience=Audience.JOB_SEEKERS, closes_on=NEXT_MONTH
        )


def test_questions_are_added_and_removed_in_order_while_a_draft(policy_officer, amsterdam):
    survey = SurveyFactory(municipality=amsterdam)
    first = services.question_add(
        user=policy_officer, survey_id=survey.pk, text="Tevreden?", kind="scale"
    )
    second = services.question_add(
        user=policy_officer, survey_id=survey.pk, text="Duidelijk?", kind="yes_no"
    )
    third = services.question_add(
        user=policy_officer, survey_id=survey.pk, text="Tips?", kind="open"
    )
    services.question_remove(user=policy_officer, survey_id=survey.pk, question_id=first.pk)
    assert [(q.pk, q.order) for q in survey.questions.all()] == [(second.pk, 1), (third.pk, 2)]
    with pytest.raises(InvalidInputError) as refused:
        services.question_add(user=policy_officer, survey_id=survey.pk, text="", kind="stars")
    assert set(refused.value.errors) == {"text", "kind"}


def test_questions_of_a_proposal_cannot_change(policy_officer, amsterdam):
    survey = SurveyFactory(municipality=amsterdam, proposed=True)
    with pytest.raises(ConflictError) as refused:
        services.question_add(
            user=policy_officer, survey_id=survey.pk, text="Nog een?", kind="open"
        )
    assert refused.value.code == "survey-not-draft"
    assert not survey.questions.exists()


def test_the_other_party_cannot_change_the_draft(council_member, amsterdam):
    survey = SurveyFactory(municipality=amsterdam)
    with pytest.raises(PermissionDeniedError):
        services.question_add(user=council_member, survey_id=survey.pk, text="Ik ook?", kind="open")


def test_a_survey_of_another_municipality_does_not_exist_for_them(policy_officer, zaandam):
    survey = SurveyFactory(municipality=zaandam)
    with pytest.raises(NotFoundError):
        services.survey_propose(user=policy_officer, survey_id=survey.pk)


def test_the_municipality_proposes_and_the_council_approves(
    policy_officer, council_member, amsterdam
):
    survey = SurveyFactory(municipality=amsterdam)
    with pytest.raises(ConflictError) as refused:
        services.survey_propose(user=policy_officer, survey_id=survey.pk)
    assert refused.value.code == "survey-without-questions"
    QuestionFactory(survey=survey)
    services.survey_propose(user=policy_officer, survey_id=survey.pk)
    with pytest.raises(PermissionDeniedError):
        services.survey_approve(user=policy_officer, survey_id=survey.pk)
    services.survey_approve(user=council_member, survey_id=survey.pk)
    survey.refresh_from_db()
    assert (survey.status, survey.approved_by_party) == (Status.APPROVED, Party.COUNCIL)
    assert survey.council_involved
    assert audits(survey) == ["proposed", "approved"]
    assert [h.to_status for h in survey.history.all()] == ["draft", "proposed", "approved"]


def test_the_council_proposes_and_the_municipality_approves(
    policy_officer, council_member, amsterdam
):
    survey = SurveyFactory(municipality=amsterdam, by_council=True)
    QuestionFactory(survey=survey)
    services.survey_propose(user=council_member, survey_id=survey.pk)
    with pytest.raises(PermissionDeniedError):
        services.survey_approve(user=council_member, survey_id=survey.pk)
    services.survey_approve(user=policy_officer, survey_id=survey.pk)
    survey.refresh_from_db()
    assert survey.approved_by_party == Party.MUNICIPALITY
    assert survey.council_involved


def test_sending_back_needs_remarks_and_makes_it_a_draft_again(council_member, amsterdam):
    survey = SurveyFactory(municipality=amsterdam, proposed=True)
    with pytest.raises(InvalidInputError):
        services.survey_return(user=council_member, survey_id=survey.pk, reason=" ")
    assert Survey.objects.get(pk=survey.pk).status == Status.PROPOSED
    services.survey_return(
        user=council_member, survey_id=survey.pk, reason="Vraag 2 is onduidelijk."
    )
    survey.refresh_from_db()
    assert survey.status == Status.DRAFT
    assert survey.history.last().reason == "Vraag 2 is onduidelijk."


def test_only_the_maker_withdraws_and_only_before_approval(
    policy_officer, council_member, amsterdam
):
    survey = SurveyFactory(municipality=amsterdam, proposed=True)
    with pytest.raises(PermissionDeniedError):
        services.survey_withdraw(user=council_member, survey_id=survey.pk, reason="Nee.")
    services.survey_withdraw(user=policy_officer, survey_id=survey.pk, reason="Budget op.")
    assert Survey.objects.get(pk=survey.pk).status == Status.WITHDRAWN
    approved = SurveyFactory(municipality=amsterdam, approved=True)
    with pytest.raises(TransitionRefusedError):
        services.survey_withdraw(user=policy_officer, survey_id=approved.pk, reason="Toch niet.")


def test_opening_invites_the_current_job_seekers_and_tells_them_after_the_commit(
    policy_officer, amsterdam, zaandam, django_capture_on_commit_callbacks, run_worker
):
    survey = SurveyFactory(municipality=amsterdam, approved=True)
    with_login = JobSeekerFactory(municipality=amsterdam)
    user = job_seeker_login(with_login)
    without_login = JobSeekerFactory(municipality=amsterdam)
    JobSeekerFactory(municipality=amsterdam, left=True)
    JobSeekerFactory(municipality=zaandam)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.survey_open(user=policy_officer, survey_id=survey.pk)
        assert not Notification.objects.exists()
    survey.refresh_from_db()
    assert (survey.status, survey.opened_on) == (Status.OPEN, dt.date(2026, 11, 23))
    invited = set(Invitation.objects.filter(survey=survey).values_list("job_seeker_id", flat=True))
    assert invited == {with_login.pk, without_login.pk}
    assert len({i.token for i in Invitation.objects.all()}) == 2
    assert audits(survey) == ["opened: 2 invitations"]
    for callback in callbacks:
        callback()
    run_worker()
    notification = Notification.objects.get(recipient=user)
    token = Invitation.objects.get(job_seeker=with_login).token
    assert notification.url == f"/enquetes/antwoord/{token}/"
    assert Notification.objects.count() == 1


def test_an_employers_survey_invites_the_register_and_its_users(
    policy_officer, amsterdam, django_capture_on_commit_callbacks, run_worker
):
    survey = SurveyFactory(municipality=amsterdam, approved=True, for_employers=True)
    employer = EmployerFactory(municipality=amsterdam)
    boss = UserFactory.with_role(Role.EMPLOYER, organisation=employer.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        services.survey_open(user=policy_officer, survey_id=survey.pk)
    run_worker()
    invitation = Invitation.objects.get(survey=survey)
    assert invitation.employer_id == employer.pk and invitation.job_seeker_id is None
    assert Notification.objects.filter(recipient=boss, topic="survey-invitation").exists()


def test_only_the_municipality_opens_and_closes(policy_officer, council_member, amsterdam):
    survey = SurveyFactory(municipality=amsterdam, approved=True, by_council=True)
    with pytest.raises(PermissionDeniedError):
        services.survey_open(user=council_member, survey_id=survey.pk)
    services.survey_open(user=policy_officer, survey_id=survey.pk)
    with pytest.raises(PermissionDeniedError):
        services.survey_close(user=council_member, survey_id=survey.pk)
    services.survey_close(user=policy_officer, survey_id=survey.pk)
    survey.refresh_from_db()
    assert (survey.status, survey.closed_on) == (Status.CLOSED, dt.date(2026, 11, 23))


def test_a_survey_whose_closing_day_passed_does_not_open(policy_officer, amsterdam):
    survey = SurveyFactory(municipality=amsterdam, approved=True, closes_on=dt.date(2026, 11, 20))
    JobSeekerFactory(municipality=amsterdam)
    with pytest.raises(InvalidInputError):
        services.survey_open(user=policy_officer, survey_id=survey.pk)
    assert Survey.objects.get(pk=survey.pk).status == Status.APPROVED
    assert not Invitation.objects.exists()


def test_a_draft_does_not_open(policy_officer, amsterdam):
    survey = SurveyFactory(municipality=amsterdam)
    with pytest.raises(TransitionRefusedError) as refused:
        services.survey_open(user=policy_officer, survey_id=survey.pk)
    assert "pas open als de andere partij het heeft goedgekeurd" in refused.value.message
    assert not Invitation.objects.exists()
