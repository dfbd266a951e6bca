"""The demo's surveys (RI6): a finished job-seeker survey the council proposed and the
municipality approved, with results to show; an employers' survey closed months ago;
``werkzoekende`` invited to the survey open now; the held ones found as evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.demo.test_demo import demo  # noqa: F401  (the class-scoped demo fixture)
from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.notifications.models import Notification
from werkpad.surveys import selectors
from werkpad.surveys.models import Invitation, Survey
from werkpad.surveys.workflow import Audience, Party, Status


@pytest.mark.django_db
class TestDemoSurveys:
    def test_a_finished_job_seeker_survey_by_the_council_with_results(self, demo):  # noqa: F811
        survey = Survey.objects.get(audience=Audience.JOB_SEEKERS, status=Status.CLOSED)
        assert (survey.origin, survey.approved_by_party) == (Party.COUNCIL, Party.MUNICIPALITY)
        assert 50 <= (clock.today() - survey.closed_on).days <= 95
        assert [h.to_status for h in survey.history.all()] == [
            "draft",
            "proposed",
            "approved",
            "open",
            "closed",
        ]
        results = selectors.survey_results(user=User.objects.get(username="raadslid"), id=survey.pk)
        assert 60 <= results.responses <= 400
        assert results.responses == survey.invitations.filter(used_on__isnull=False).count()
        assert results.texts_shown
        first = results.questions[0]
        shown = [c for c in first.cells if not c.suppressed]
        # The answers lean towards satisfied: the largest shown count is a 4 or a 5.
        assert max(shown, key=lambda c: c.count or 0).key in {"4", "5"}
        # The mean shows only beside a complete distribution: beside a withheld count it
        # would give that count back.
        if len(shown) == len(first.cells):
            assert first.mean is not None and 3.0 < first.mean < 4.2
        else:
            assert first.mean is None
        assert sum(c.count or 0 for c in first.cells) > 0

    def test_an_employers_survey_closed_months_ago(self, demo):  # noqa: F811
        survey = Survey.objects.get(audience=Audience.EMPLOYERS)
        assert survey.status == Status.CLOSED
        assert 140 <= (clock.today() - survey.closed_on).days <= 185

    def test_werkzoekende_finds_an_open_survey_waiting(self, demo):  # noqa: F811
        user = User.objects.get(username="werkzoekende")
        invitation = Invitation.objects.get(survey__status=Status.OPEN, job_seeker__user=user)
        assert Notification.objects.filter(recipient=user, topic="survey-invitation").exists()
        client = Client()
        client.force_login(user)
        assert "enquetes" in client.get("/mijn/").content.decode()
        assert client.get(f"/enquetes/antwoord/{invitation.token}/").status_code == 200

    def test_the_held_surveys_are_found_as_evidence(self, demo):  # noqa: F811
        municipality_id = Survey.objects.get(audience=Audience.EMPLOYERS).municipality_id
        since = clock.today() - dt.timedelta(days=365)
        held = selectors.surveys_held(
            municipality=municipality_id, audience=Audience.JOB_SEEKERS, since=since
        )
        assert [h.closed_on is None for h in held] == [False, True]
        assert all(h.council_involved for h in held)
        assert selectors.surveys_held(
            municipality=municipality_id, audience=Audience.EMPLOYERS, since=since
        )
