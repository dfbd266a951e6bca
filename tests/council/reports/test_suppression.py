"""The suppression of a report's tables: no small count shown, no withheld count
recoverable from the published cells and totals (rank test), no small difference
between two published totals."""

from __future__ import annotations

from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from werkpad.council.reports.suppression import Table, protect, published

MIN = 10


def table(key, counts, persons=True):
    return Table(
        key=key,
        title=key,
        rows=[(str(r), str(r)) for r in range(len(counts))],
        columns=[(str(c), str(c)) for c in range(len(counts[0]))],
        counts=counts,
        persons=persons,
    )


def recoverable(t: Table) -> list:
    """Independent rank test: withheld items whose unit vector lies in the row space of
    the margin relations restricted to the withheld items."""
    items = t.items()
    hidden = [i for i, item in enumerate(items) if item in t.withheld]
    if not hidden:
        return []
    a = t.constraints()[:, hidden]
    rank = np.linalg.matrix_rank(a) if a.size else 0
    found = []
    for k in range(len(hidden)):
        e = np.zeros((1, len(hidden)))
        e[0, k] = 1
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank:
            found.append(items[hidden[k]])
    return found


def check(tables):
    for t in tables:
        if not t.persons:
            assert not t.withheld
            continue
        for item in t.items():
            shown = published(t, item)
            assert shown is None or not (0 < shown < MIN), (t.key, item, shown)
        assert recoverable(t) == [], (t.key, t.counts, t.withheld)
    totals = [t.total for t in tables if t.persons and ("total",) not in t.withheld]
    for a, b in combinations(totals, 2):
        assert a == b or abs(a - b) >= MIN, (a, b)


counts = st.one_of(st.integers(0, 3), st.integers(0, 40))


@st.composite
def grids(draw, max_rows=5, max_columns=4):
    n_rows = draw(st.integers(1, max_rows))
    n_columns = draw(st.integers(1, max_columns))
    return [[draw(counts) for _ in range(n_columns)] for _ in range(n_rows)]


@settings(max_examples=300, deadline=None)
@given(grids())
def test_one_table_is_safe(grid):
    check(protect([table("t", grid)], min_cell=MIN))


@settings(max_examples=200, deadline=None)
@given(st.lists(grids(max_rows=4, max_columns=3), min_size=2, max_size=4))
def test_tables_published_together_are_safe(grid_list):
    tables = [table(f"t{i}", g) for i, g in enumerate(grid_list)]
    check(protect(tables, min_cell=MIN))


def test_a_single_small_cell_takes_a_partner_in_its_row_and_column():
    t = protect([table("t", [[3, 20, 30], [15, 25, 40]])], min_cell=MIN)[0]
    assert t.withheld[("cell", 0, 0)] == "small"
    assert ("cell", 0, 1) in t.withheld  # the smallest beside it in its row
    assert ("cell", 1, 0) in t.withheld  # and in its column
    assert ("cell", 1, 1) in t.withheld  # closes the cycle
    assert recoverable(t) == []
    assert published(t, ("total",)) == 133


def test_a_small_row_total_is_withheld():
    t = protect([table("t", [[2, 3], [30, 40]])], min_cell=MIN)[0]
    assert published(t, ("row", 0)) is None
    assert published(t, ("cell", 0, 0)) is None and published(t, ("cell", 0, 1)) is None
    assert recoverable(t) == []


def test_a_small_difference_between_two_totals_is_withheld():
    everyone = table("all", [[20], [30]])  # 50
    with_plan = table("plan", [[25], [21]])  # 46: four people without a plan
    protect([everyone, with_plan], min_cell=MIN)
    assert published(with_plan, ("total",)) is None
    assert published(everyone, ("total",)) == 50
    assert recoverable(with_plan) == []


def test_counts_of_records_are_not_withheld():
    vacancies = table("vacancies", [[3], [4]], persons=False)
    protect([vacancies], min_cell=MIN)
    assert vacancies.withheld == {}


def test_a_withheld_grand_total_is_protected_by_its_margins_not_by_every_cell():
    everyone = table("all", [[20, 30], [40, 60]])  # 150
    most = table("most", [[20, 30], [40, 56]])  # 146
    protect([everyone, most], min_cell=MIN)
    assert published(most, ("total",)) is None
    assert recoverable(most) == []
    assert any(published(most, ("cell", r, c)) is not None for r in range(2) for c in range(2))
