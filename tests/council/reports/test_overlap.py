"""Differencing between reports (CO2): a year's flow counts are the sums of its quarters',
so whatever a published quarter withholds, its year withholds too, and a quarter is not
published once its year is."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.access import page_client
from tests.council.reports.factories import ResultsReportFactory, council_of
from tests.factories import JobSeekerFactory, UserFactory
from tests.secondopinions.factories import SecondOpinionFactory
from werkpad.core.errors import ConflictError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.council.reports import services
from werkpad.council.reports.figures import FLOW_TABLES, report_tables
from werkpad.council.reports.selectors import report_figures
from werkpad.council.reports.suppression import Table, pre_withhold, protect

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=AMS)
MIN = 10


def table(counts) -> Table:
    return Table(
        key="t",
        title="t",
        rows=[(str(r), str(r)) for r in range(len(counts))],
        columns=[(str(c), str(c)) for c in range(len(counts[0]))],
        counts=counts,
    )


def jointly_determined(year: Table, quarters: list[Table]) -> set[tuple[int, tuple]]:
    """The withheld items (table number, item) that the five tables' published items,
    their margin relations and year = sum of quarters determine together: a rank test
    on the joint system (0 is the year, 1-4 the quarters)."""
    tables = [year, *quarters]
    items = year.items()
    n = len(items)
    blocks = []
    for k, t in enumerate(tables):
        relations = t.constraints()
        block = np.zeros((relations.shape[0], n * len(tables)))
        block[:, k * n : (k + 1) * n] = relations
        blocks.append(block)
    for i in range(n):  # the year's item is the sum of the quarters' items
        row = np.zeros((1, n * len(tables)))
        row[0, i] = 1
        for k in range(1, len(tables)):
            row[0, k * n + i] = -1
        blocks.append(row)
    system = np.vstack(blocks)
    hidden = [(k, item) for k, t in enumerate(tables) for item in items if item in t.withheld]
    columns = [k * n + items.index(item) for k, item in hidden]
    restricted = system[:, columns]
    rank = np.linalg.matrix_rank(restricted)
    found = set()
    for position, found_item in enumerate(hidden):
        unit = np.zeros((1, len(hidden)))
        unit[0, position] = 1
        if np.linalg.matrix_rank(np.vstack([restricted, unit])) == rank:
            found.add(found_item)
    return found


counts = st.one_of(st.integers(0, 3), st.integers(0, 30))


@st.composite
def four_quarters(draw):
    n_rows = draw(st.integers(1, 4))
    n_columns = draw(st.integers(1, 3))
    return [
        [[draw(counts) for _ in range(n_columns)] for _ in range(n_rows)] for _quarter in range(4)
    ]


@settings(max_examples=150, deadline=None)
@given(four_quarters())
def test_a_year_withholds_what_its_quarters_withheld(grids):
    quarters = [protect([table(g)], min_cell=MIN)[0] for g in grids]
    year = table(
        [
            [sum(g[r][c] for g in grids) for c in range(len(grids[0][0]))]
            for r in range(len(grids[0]))
        ]
    )
    for quarter in quarters:
        pre_withhold(year, quarter.withheld)
    protect([year], min_cell=MIN)
    for quarter in quarters:
        assert set(quarter.withheld) <= set(year.withheld)
    # and the five tables together give no quarter's withheld count away, nor a small one
    exposed = jointly_determined(year, quarters)
    tables = [year, *quarters]
    assert not {(k, item) for k, item in exposed if k > 0 or tables[k].withheld[item] == "small"}, (
        grids,
        [t.withheld for t in tables],
    )


def withheld(frozen: dict) -> dict[str, set]:
    """Per flow table of a report's frozen figures: the (row, column) cells and the
    totals it withheld, by label."""
    found: dict[str, set] = {}
    for t in frozen["tables"]:
        if t["key"] not in FLOW_TABLES:
            continue
        items = found.setdefault(t["key"], set())
        for row in t["rows"]:
            for column, cell in zip(t["columns"], row["cells"], strict=True):
                if cell["withheld"]:
                    items.add((row["label"], column))
        if t["total"]["withheld"]:
            items.add(("total",))
    return found


def shown(frozen: dict, key: str, label: str) -> int | None:
    (t,) = [t for t in frozen["tables"] if t["key"] == key]
    (row,) = [row for row in t["rows"] if row["label"] == label]
    return row["cells"][0]["count"]


@pytest.mark.django_db
@pytest.mark.time_machine(NOW, tick=False)
class TestBetweenReports:
    @pytest.fixture
    def policy_officer(self, amsterdam):
        council_of(amsterdam)
        return UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam)

    def asked(self, municipality, day, n, decision):
        person = JobSeekerFactory(municipality=municipality)
        SecondOpinionFactory.create_batch(
            n, job_seeker=person, requested_on=day, decided=True, decision=decision
        )

    def publish(self, user, municipality, kind, quarter=None):
        report = services.report_create(
            user=user, municipality_id=municipality.pk, period_kind=kind, year=2025, quarter=quarter
        )
        return services.report_publish(user=user, report_id=report.pk)

    def test_no_withheld_quarter_count_is_the_year_minus_the_other_quarters(
        self, amsterdam, policy_officer
    ):
        # second opinions "follows": 3 in Q1 (small), 15, 20 and 11 after: 49 in the year
        for month, follows, rejects in [(2, 3, 12), (5, 15, 14), (8, 20, 0), (11, 11, 0)]:
            self.asked(amsterdam, dt.date(2025, month, 10), follows, "follows")
            if rejects:
                self.asked(amsterdam, dt.date(2025, month, 11), rejects, "rejects")
        quarters = [self.publish(policy_officer, amsterdam, "quarter", q) for q in (1, 2, 3, 4)]
        follows = "Follows the advice"
        assert shown(quarters[0].figures, "second_opinions", follows) is None
        # without the quarters, the year would show 49, and 49 - 15 - 20 - 11 = 3
        alone = {
            t.key: t
            for t in report_tables(
                municipality=amsterdam,
                start=dt.date(2025, 1, 1),
                end=dt.date(2025, 12, 31),
                min_cell=MIN,
            )
        }
        assert ("cell", 0, 0) not in alone["second_opinions"].withheld

        draft = services.report_create(
            user=policy_officer, municipality_id=amsterdam.pk, period_kind="year", year=2025
        )
        live = report_figures(report=draft)  # the draft is protected the same way
        year = services.report_publish(user=policy_officer, report_id=draft.pk)
        assert live == year.figures
        assert shown(year.figures, "second_opinions", follows) is None
        for quarter in quarters:
            for key, items in withheld(quarter.figures).items():
                assert items <= withheld(year.figures)[key], (quarter.period_label, key)
        # so no withheld quarter cell equals the year's shown cell minus the other quarters'
        for key in FLOW_TABLES - {"vacancies"}:
            (t,) = [t for t in year.figures["tables"] if t["key"] == key]
            for row in t["rows"]:
                for c, cell in enumerate(row["cells"]):
                    per_quarter = [
                        next(r for r in qt["rows"] if r["label"] == row["label"])["cells"][c]
                        for qt in (
                            next(x for x in q.figures["tables"] if x["key"] == key)
                            for q in quarters
                        )
                    ]
                    if any(q["withheld"] for q in per_quarter):
                        assert cell["withheld"], (key, row["label"])

    def test_a_quarter_is_not_published_after_its_year(self, amsterdam, policy_officer):
        ResultsReportFactory(
            municipality=amsterdam,
            period_kind="year",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
            published=True,
        )
        # a draft may still be written
        draft = services.report_create(
            user=policy_officer,
            municipality_id=amsterdam.pk,
            period_kind="quarter",
            year=2025,
            quarter=2,
        )
        events = AuditEvent.objects.count()
        with pytest.raises(ConflictError) as refused:
            services.report_publish(user=policy_officer, report_id=draft.pk)
        assert refused.value.code == "results-report-period-covered"
        draft.refresh_from_db()
        assert draft.status == "draft" and draft.figures == {} and draft.published_at is None
        assert [h.to_status for h in draft.history.all()] == ["draft"]
        assert AuditEvent.objects.count() == events

        # the draft's page says why, in Dutch, instead of offering to publish
        client = page_client(policy_officer)
        html = client.get(reverse("council:report-detail", args=[draft.pk])).content.decode()
        assert 'id="publish-refusal"' in html and 'id="publish"' not in html
        assert "al aan de cliëntenraad gepubliceerd" in html
        response = client.post(reverse("council:report-publish", args=[draft.pk]))
        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.status == "draft"

    def test_a_quarter_of_another_year_is_published(self, amsterdam, policy_officer):
        ResultsReportFactory(
            municipality=amsterdam,
            period_kind="year",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
            published=True,
        )
        report = services.report_create(
            user=policy_officer,
            municipality_id=amsterdam.pk,
            period_kind="quarter",
            year=2026,
            quarter=1,
        )
        assert services.report_publish(user=policy_officer, report_id=report.pk).published
