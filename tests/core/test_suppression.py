"""Small-cell suppression: no cell under WERKPAD_MIN_CELL persons can be read or worked out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from werkpad.core.suppression import Cell, Suppression, reasons_of, suppress, withhold_all


def cells(*counts):
    return [Cell(key=str(i), label=str(i), count=n, share=0.0) for i, n in enumerate(counts)]


def shown(result):
    return [c.count for c in result]


def test_cells_under_the_minimum_are_withheld():
    result = suppress(cells(3, 8, 20, 30), min_cell=10)
    assert shown(result) == [None, None, 20, 30]
    assert [c.suppressed for c in result] == ["small", "small", None, None]
    assert all(c.share is None for c in result if c.suppressed)


def test_a_single_small_cell_takes_the_next_smallest_with_it():
    """Otherwise the small cell is the total minus the others."""
    result = suppress(cells(3, 25, 12, 30), min_cell=10)
    assert shown(result) == [None, 25, None, 30]


def test_empty_cells_describe_nobody_and_stay_visible():
    assert shown(suppress(cells(0, 15, 20), min_cell=10)) == [0, 15, 20]


def test_nothing_is_withheld_when_every_cell_is_large_enough():
    assert shown(suppress(cells(10, 15, 20), min_cell=10)) == [10, 15, 20]


def test_related_cells_whose_sum_is_published_elsewhere_are_protected_too():
    """Rungs 1-4 add up to the activation count shown beside them: one withheld rung
    among them could be worked out from that count."""
    ladder = cells(3, 20, 20, 20, 11, 30)
    groups = [{"0", "1", "2", "3"}, {"4", "5"}]
    result = suppress(ladder, min_cell=10, groups=groups)
    for group in groups:
        hidden = [c for c in result if c.key in group and c.suppressed]
        assert len(hidden) != 1
    assert result[0].count is None


@given(
    st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=10),
    st.integers(min_value=2, max_value=15),
)
def test_no_small_cell_is_shown_and_none_can_be_worked_out(counts, min_cell):
    result = suppress(cells(*counts), min_cell=min_cell)
    for original, cell in zip(counts, result, strict=True):
        if 0 < original < min_cell:
            assert cell.suppressed and cell.count is None
        if not cell.suppressed:
            assert cell.count == original
    hidden = [original for original, cell in zip(counts, result, strict=True) if cell.suppressed]
    if sum(counts) >= min_cell:  # a smaller total is withheld itself (composition_get)
        assert len([n for n in hidden if n]) != 1


@given(
    st.lists(st.integers(min_value=0, max_value=40), min_size=6, max_size=6),
    st.integers(min_value=2, max_value=15),
)
def test_within_a_group_a_withheld_cell_has_company_where_the_group_allows(counts, min_cell):
    """A group withholds a lone cell only when no other cell of it holds anyone; the
    composition then withholds the group's sum as well."""
    groups = [{"0", "1", "2", "3"}, {"4", "5"}]
    result = suppress(cells(*counts), min_cell=min_cell, groups=groups)
    for original, cell in zip(counts, result, strict=True):
        if 0 < original < min_cell:
            assert cell.count is None
    for group in groups:
        members = [(n, c) for n, c in zip(counts, result, strict=True) if c.key in group]
        withheld = [n for n, c in members if c.suppressed]
        if len(withheld) == 1:
            assert not [n for n, c in members if n and not c.suppressed]
    if sum(counts) >= min_cell:
        assert len([n for n, c in zip(counts, result, strict=True) if c.suppressed and n]) != 1


def test_withheld_cells_that_together_stay_under_the_minimum_take_another_with_them():
    """Two withheld cells of 1 person each would still single out a group of 2."""
    cells = [
        Cell("man", "Man", 177, 0.41),
        Cell("woman", "Woman", 251, 0.58),
        Cell("x", "X", 1, 0.0),
        Cell("unknown", "Unknown", 1, 0.0),
    ]
    suppress(cells, min_cell=10)
    assert [c.key for c in cells if c.suppressed] == ["man", "x", "unknown"]


def test_a_cell_withheld_to_protect_another_is_complementary_not_small():
    """The council's 177 men were hidden only so that 1 X and 1 unknown cannot be worked
    out: they are complementary, the two small cells are small."""
    cells = [
        Cell("male", "Man", 177, 0.41),
        Cell("female", "Woman", 251, 0.58),
        Cell("x", "X", 1, 0.0),
        Cell("unknown", "Unknown", 1, 0.0),
    ]
    suppress(cells, min_cell=10)
    assert {c.key: c.suppressed for c in cells} == {
        "male": Suppression.COMPLEMENTARY,
        "female": None,
        "x": Suppression.SMALL,
        "unknown": Suppression.SMALL,
    }
    assert reasons_of(cells) == ["small", "complementary"]


def test_withholding_again_keeps_a_small_cell_small():
    small, large = Cell("a", "A", 3, 0.1), Cell("b", "B", 30, 0.9)
    suppress([small, large], min_cell=10)
    small.withhold(Suppression.COMPLEMENTARY)
    assert (small.suppressed, large.suppressed) == ("small", "complementary")


def test_every_cell_of_a_population_under_the_minimum_is_small():
    """An empty cell is shown elsewhere; in a population of 7 it is withheld as small too."""
    result = suppress(cells(3, 4, 0), min_cell=10)
    assert [c.suppressed for c in result] == ["small", "small", None]
    withhold_all(result, total=7, min_cell=10)
    assert [(c.count, c.suppressed) for c in result] == [(None, "small")] * 3
    shown = cells(30, 40)
    withhold_all(shown, total=70, min_cell=10)
    assert [c.suppressed for c in shown] == [None, None]


@given(
    st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=10),
    st.integers(min_value=2, max_value=15),
)
def test_the_reason_tells_the_truth_about_the_hidden_count(counts, min_cell):
    """ "small" only for a cell under the minimum; "complementary" only for one that is not."""
    result = suppress(cells(*counts), min_cell=min_cell)
    for original, cell in zip(counts, result, strict=True):
        if cell.suppressed == Suppression.SMALL:
            assert 0 < original < min_cell
        elif cell.suppressed == Suppression.COMPLEMENTARY:
            assert original >= min_cell
        else:
            assert cell.suppressed is None and cell.count == original
