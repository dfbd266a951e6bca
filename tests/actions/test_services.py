"""Agreed actions (WT1): the lifecycle with its history, approval where the plan says so,
the plan's agreed activities as actions in one step, notifications and terms, worklists,
the actions of a progress report's period."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from tests.actions.conftest import NOW
from tests.actions.factories import ActionFactory, ActionTemplateFactory
from tests.factories import PlanFactory
from werkpad.actions import selectors, services
from werkpad.actions.models import Action, StatusChange
from werkpad.actions.workflow import Status
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.notifications.models import Notification
from werkpad.notifications.terms import sweep
from werkpad.plans import services as plan_services
from werkpad.trajectories.models import ProgressReport

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def _create(user, **kwargs):
    values = {"description": "CV bijwerken", "owner": "job_seeker", "due_on": dt.date(2026, 12, 7)}
    return services.action_create(user=user, **(values | kwargs))


def test_a_caseworker_agrees_an_action_on_the_plan_with_history_and_audit(caseworker, plan):
    action = _create(caseworker, plan_id=plan.pk)
    assert (action.status, action.job_seeker_id, action.municipality_id) == (
        Status.OPEN,
        plan.job_seeker_id,
        plan.municipality_id,
    )
    assert [c.to_status for c in action.history.all()] == [Status.OPEN]
    assert AuditEvent.objects.filter(object_type="action", object_id=str(action.pk)).exists()


def test_the_coach_is_an_owner_only_on_a_trajectory(caseworker, plan):
    with pytest.raises(InvalidInputError) as error:
        _create(caseworker, plan_id=plan.pk, owner="coach")
    assert "owner" in error.value.errors
    assert not Action.objects.exists()


def test_a_due_date_in_the_past_is_refused(caseworker, plan):
    with pytest.raises(InvalidInputError):
        _create(caseworker, plan_id=plan.pk, due_on=dt.date(2026, 11, 1))


def test_the_coach_of_a_running_trajectory_agrees_an_action_for_themselves(coach, trajectory):
    action = _create(coach, trajectory_id=trajectory.pk, owner="coach")
    assert action.trajectory_id == trajectory.pk and action.plan_id is None


def test_a_coach_cannot_agree_an_action_on_a_plan(coach, plan):
    with pytest.raises(NotFoundError):  # the plan is not theirs to see
        _create(coach, plan_id=plan.pk)
    assert not Action.objects.exists()


def test_the_job_seeker_marks_done_without_approval(seeker, plan):
    action = ActionFactory(plan=plan)
    services.action_complete(user=seeker, action_id=action.pk)
    action.refresh_from_db()
    assert action.status == Status.DONE and action.completed_by == seeker
    assert [c.to_status for c in action.history.all()] == [Status.OPEN, Status.DONE]


def test_where_the_plan_says_so_done_waits_for_the_contact_person(
    seeker, caseworker, plan, django_capture_on_commit_callbacks, run_worker
):
    plan_services.plan_set_actions_approval(user=caseworker, plan_id=plan.pk, needs_approval=True)
    action = _create(caseworker, plan_id=plan.pk)
    assert action.needs_approval
    with django_capture_on_commit_callbacks(execute=True):
        services.action_complete(user=seeker, action_id=action.pk)
    run_worker()
    action.refresh_from_db()
    assert action.status == Status.AWAITING_APPROVAL
    asked = Notification.objects.get(topic="action-approval")
    assert asked.recipient_id == caseworker.pk
    # the job seeker cannot approve their own action
    with pytest.raises(PermissionDeniedError):
        services.action_approve(user=seeker, action_id=action.pk)
    services.action_approve(user=caseworker, action_id=action.pk)
    action.refresh_from_db()
    assert action.status == Status.DONE and action.approved_by == caseworker


def test_the_approver_sends_it_back_with_the_reason(seeker, caseworker, plan):
    action = ActionFactory(plan=plan, awaiting=True)
    with pytest.raises(InvalidInputError):
        services.action_approve(user=caseworker, action_id=action.pk, approved=False)
    services.action_approve(
        user=caseworker, action_id=action.pk, approved=False, reason="Eerst de brief sturen."
    )
    action.refresh_from_db()
    assert action.status == Status.OPEN and action.completed_at is None
    assert action.history.last().reason == "Eerst de brief sturen."


def test_the_job_seeker_approves_what_the_contact_person_marked_done(seeker, caseworker, plan):
    action = ActionFactory(plan=plan, owner="contact_person", needs_approval=True)
    services.action_complete(user=caseworker, action_id=action.pk)
    services.action_approve(user=seeker, action_id=action.pk)
    action.refresh_from_db()
    assert action.status == Status.DONE and action.approved_by == seeker


def test_cancelling_needs_a_reason_and_a_closed_action_stays_closed(caseworker, plan):
    action = ActionFactory(plan=plan)
    with pytest.raises(InvalidInputError):
        services.action_cancel(user=caseworker, action_id=action.pk, reason=" ")
    services.action_cancel(user=caseworker, action_id=action.pk, reason="Niet meer nodig.")
    action.refresh_from_db()
    assert (action.status, action.cancel_reason) == (Status.CANCELLED, "Niet meer nodig.")
    with pytest.raises(TransitionRefusedError) as refused:
        services.action_cancel(user=caseworker, action_id=action.pk, reason="Nog eens.")
    assert refused.value.code == "action-transition-refused"
    assert StatusChange.objects.filter(action=action).count() == 2


def test_a_stale_version_is_refused(seeker, plan):
    action = ActionFactory(plan=plan)
    with pytest.raises(StaleEditError):
        services.action_complete(user=seeker, action_id=action.pk, expected_version=7)
    action.refresh_from_db()
    assert action.status == Status.OPEN


def test_the_agreed_activities_become_actions_in_one_step(caseworker, plan):
    version = plan.current_version
    version.activities = "- CV bijwerken\n- Inschrijven bij werk.nl\n\n- CV bijwerken"
    version.save()
    ActionTemplateFactory(
        municipality=plan.municipality, description="Inschrijven bij werk.nl", term_days=7
    )
    made = services.actions_from_activities(user=caseworker, plan_id=plan.pk)
    assert [(a.description, a.due_on) for a in made] == [
        ("CV bijwerken", dt.date(2026, 12, 7)),
        ("Inschrijven bij werk.nl", dt.date(2026, 11, 30)),
    ]
    # a second time: nothing new, and said so
    with pytest.raises(InvalidInputError):
        services.actions_from_activities(user=caseworker, plan_id=plan.pk)
    assert Action.objects.count() == 2


def test_terms_nearing_and_passed_reach_the_owner(seeker, caseworker, coach, trajectory, plan):
    ActionFactory(plan=plan, due_on=dt.date(2026, 11, 25))  # the job seeker's, nearing
    ActionFactory(plan=plan, owner="contact_person", due_on=dt.date(2026, 11, 16))  # passed
    ActionFactory(trajectory=trajectory, owner="coach", due_on=dt.date(2026, 11, 24))
    ActionFactory(plan=plan, done=True, due_on=dt.date(2026, 11, 24))  # done: no term
    sweep(today=dt.date(2026, 11, 23))
    got = {(n.recipient_id, n.kind) for n in Notification.objects.filter(topic="action-term")}
    assert got == {
        (seeker.pk, "term_near"),
        (caseworker.pk, "term_passed"),
        (coach.pk, "term_near"),
    }


def test_an_email_names_no_action(
    seeker, caseworker, plan, django_capture_on_commit_callbacks, run_worker
):
    seeker.email = "js@example.nl"
    seeker.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.action_create(
            user=caseworker,
            plan_id=plan.pk,
            description="Geheime afspraak",
            owner="job_seeker",
            due_on=dt.date(2026, 11, 24),
        )
    run_worker(sweep=True)
    assert mail.outbox
    for message in mail.outbox:
        assert "Geheime afspraak" not in message.body + message.subject


def test_worklists_per_owner(caseworker, coach, trajectory, plan):
    ActionFactory(plan=plan, owner="contact_person", overdue=True)
    ActionFactory(plan=plan, awaiting=True)
    ActionFactory(trajectory=trajectory, owner="coach")
    ActionFactory(trajectory=trajectory, awaiting=True)
    cw = {s.key: s.count for s in worklist_for(caseworker)}
    assert cw["actions-contact-person"] == 1 and cw["actions-approval-contact-person"] == 1
    sections = {s.key: s for s in worklist_for(coach)}
    assert sections["actions-coach"].count == 1
    assert sections["actions-approval-coach"].count == 1
    overdue = next(s for s in worklist_for(caseworker) if s.key == "actions-contact-person")
    assert overdue.items[0].overdue


def test_the_job_seekers_own_come_first(seeker, plan):
    later = ActionFactory(plan=plan, owner="contact_person", due_on=dt.date(2026, 11, 24))
    mine = ActionFactory(plan=plan, due_on=dt.date(2026, 12, 20))
    done = ActionFactory(plan=plan, done=True, due_on=dt.date(2026, 11, 24))
    rows = selectors.own_actions(user=seeker, job_seeker_id=plan.job_seeker_id)
    assert [a.pk for a in rows] == [mine.pk, later.pk, done.pk]


def test_a_draft_plans_actions_stay_with_the_caseworker(seeker, job_seeker):
    draft = PlanFactory(job_seeker=job_seeker)
    ActionFactory(plan=draft)
    assert selectors.own_actions(user=seeker, job_seeker_id=job_seeker.pk) == []


def test_a_progress_report_shows_the_actions_of_its_period(caseworker, trajectory):
    in_period = ActionFactory(trajectory=trajectory, due_on=dt.date(2026, 11, 10), done=True)
    open_in_period = ActionFactory(trajectory=trajectory, due_on=dt.date(2026, 11, 12))
    ActionFactory(trajectory=trajectory, due_on=dt.date(2026, 12, 20))  # after
    ActionFactory(trajectory=trajectory, due_on=dt.date(2026, 11, 11), cancelled=True)
    rows = selectors.report_period_actions(
        user=caseworker,
        trajectory_id=trajectory.pk,
        since=dt.date(2026, 10, 20),
        until=dt.date(2026, 11, 20),
    )
    assert [a.pk for a in rows] == [in_period.pk, open_in_period.pk]
    assert ProgressReport  # the template tag reads the period from the reports


def test_the_functional_administrator_keeps_the_templates(amsterdam, role_user):
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    template = services.template_create(
        user=admin,
        municipality=amsterdam,
        description="CV bijwerken",
        owner="job_seeker",
        term_days=14,
    )
    with pytest.raises(InvalidInputError):
        services.template_create(
            user=admin,
            municipality=amsterdam,
            description="cv bijwerken",
            owner="job_seeker",
            term_days=14,
        )
    services.template_update(
        user=admin,
        template_id=template.pk,
        description="CV bijwerken",
        owner="job_seeker",
        term_days=10,
        active=False,
    )
    template.refresh_from_db()
    assert (template.term_days, template.active) == (10, False)
