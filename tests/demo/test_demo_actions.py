"""The demo's agreed actions (WT1): every state, some overdue, and work waiting for the
``klantmanager``, ``coach`` and ``werkzoekende`` logins."""

from __future__ import annotations

import pytest

from tests.demo.test_demo import demo  # noqa: F401  (the class-scoped demo fixture)
from werkpad.accounts.models import User
from werkpad.actions import selectors
from werkpad.actions.models import Action, ActionTemplate
from werkpad.actions.workflow import Status
from werkpad.core import clock
from werkpad.core.models import Municipality
from werkpad.core.worklist import worklist_for


@pytest.mark.django_db
class TestDemoActions:
    def test_every_state_and_some_overdue(self, demo):  # noqa: F811
        assert set(Action.objects.values_list("status", flat=True)) == set(Status.values)
        assert Action.objects.filter(status=Status.OPEN, due_on__lt=clock.today()).exists()
        for action in Action.objects.filter(status=Status.AWAITING_APPROVAL):
            assert action.needs_approval and action.completed_at is not None
        for action in Action.objects.filter(status=Status.CANCELLED):
            assert action.cancel_reason
        assert not Action.objects.filter(plan__isnull=True, trajectory__isnull=True).exists()

    def test_every_municipality_has_templates_with_a_term(self, demo):  # noqa: F811
        for municipality in Municipality.objects.all():
            templates = ActionTemplate.objects.filter(municipality=municipality)
            assert {"CV bijwerken", "Inschrijven bij werk.nl", "Kennismaking werkgever"} <= set(
                templates.values_list("description", flat=True)
            )
            assert all(t.term_days > 0 for t in templates)

    def test_werkzoekende_has_actions_to_do_and_to_approve(self, demo):  # noqa: F811
        user = User.objects.get(username="werkzoekende")
        rows = selectors.own_actions(user=user, job_seeker_id=user.job_seeker.pk)
        assert any(a.status == Status.OPEN and a.owner == "job_seeker" for a in rows)
        assert any(a.overdue() and a.owner == "job_seeker" for a in rows)
        assert any(a.status == Status.AWAITING_APPROVAL and a.owner != "job_seeker" for a in rows)
        assert rows[0].owner == "job_seeker" and rows[0].status == Status.OPEN

    @pytest.mark.parametrize("username", ["klantmanager", "coach"])
    def test_staff_find_actions_in_their_worklist(self, demo, username):  # noqa: F811
        user = User.objects.get(username=username)
        sections = {s.key: s for s in worklist_for(user) if s.key.startswith("actions-")}
        assert sections and all(s.count > 0 for s in sections.values()), {
            k: s.count for k, s in sections.items()
        }
