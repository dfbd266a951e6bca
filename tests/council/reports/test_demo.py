"""The demo's results reports (CO2): the last four quarters and the last year published to
Amsterdam's council, which ``raadslid`` reads; a draft of the current quarter that only
the policy officer sees."""

from __future__ import annotations

import pytest

from tests.demo.test_demo import demo  # noqa: F401  (the class-scoped demo fixture)
from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.council.models import ResultsReport
from werkpad.council.reports.selectors import report_list


@pytest.mark.django_db
class TestDemoReports:
    def test_published_quarters_and_year_and_a_draft(self, demo):  # noqa: F811
        reports = ResultsReport.objects.all()
        published = reports.filter(status="published")
        assert sorted(published.values_list("period_kind", flat=True)) == ["quarter"] * 4 + ["year"]
        assert all(
            r.figures["tables"] and r.published_at.date() <= clock.today() for r in published
        )
        (draft,) = reports.filter(status="draft")
        assert draft.period_start <= clock.today() <= draft.period_end
        member = User.objects.get(username="raadslid")
        assert set(report_list(user=member)) == set(published)
        assert set(report_list(user=User.objects.get(username="beleid"))) == set(reports)
