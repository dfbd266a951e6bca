"""Small-cell suppression for the tables of a results report (CO2).

A table counts persons in rows x columns (a 1-D table has one column), with its row
totals, column totals and grand total published beside the cells. Three rules hold
for every report, whatever its data:

1. no published count of persons lies between 1 and ``min_cell - 1``: such a cell,
   or total, is withheld as *small* (``werkpad.core.suppression.Suppression``);
2. no withheld count can be worked out from what is published: the totals are
   linear constraints on the cells, and a withheld count is determined exactly when
   its unit vector lies in the row space of those constraints restricted to the
   withheld counts (a rank test). While one is, the smallest published count whose
   withholding leaves it undetermined (else the smallest beside it) is withheld as
   *complementary*, and the test repeats;
3. against differencing between the tables published together: when two published
   grand totals differ by 1 up to ``min_cell - 1`` persons, the difference is a small
   group, so the smaller total (and every total of that size) is withheld, after which
   rule 2 protects it within its own table.

A caller may withhold items before ``protect`` runs (``pre_withhold``): rules 1-3 then
work on top of them. A year report does so with what its published quarters withheld,
against differencing between reports (``figures.report_tables``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, TypeAlias

import numpy as np

from werkpad.core.suppression import Suppression

#: An item of a table: ("cell", row, column), ("row", row), ("column", column), ("total",).
Item: TypeAlias = tuple[Any, ...]


@dataclass
class Table:
    """A table of counts, as computed; ``persons`` False for counts of records
    (vacancies), which are published as they are."""

    key: str
    title: str
    rows: list[tuple[str, str]]
    columns: list[tuple[str, str]]
    counts: list[list[int]]
    persons: bool = True
    note: str = ""
    #: Withheld items and why (filled by ``protect``).
    withheld: dict[Item, str] = field(default_factory=dict)

    @property
    def two_dimensional(self) -> bool:
        return len(self.columns) > 1

    def row_total(self, r: int) -> int:
        return sum(self.counts[r])

    def column_total(self, c: int) -> int:
        return sum(row[c] for row in self.counts)

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts)

    def items(self) -> list[Item]:
        """Every published quantity of the table."""
        found: list[Item] = [
            ("cell", r, c) for r in range(len(self.rows)) for c in range(len(self.columns))
        ]
        if self.two_dimensional:
            found += [("row", r) for r in range(len(self.rows))]
            if len(self.rows) > 1:
                found += [("column", c) for c in range(len(self.columns))]
        found.append(("total",))
        return found

    def value(self, item: Item) -> int:
        kind = item[0]
        if kind == "cell":
            return self.counts[item[1]][item[2]]
        if kind == "row":
            return self.row_total(item[1])
        if kind == "column":
            return self.column_total(item[1])
        return self.total

    def constraints(self) -> np.ndarray:
        """The linear relations between the table's items: one row per relation, one
        column per item (in ``items()`` order), each relation summing to zero."""
        items = self.items()
        index = {item: i for i, item in enumerate(items)}
        relations: list[np.ndarray] = []

        def relation(plus: Iterable[Item], minus: Item) -> None:
            vector = np.zeros(len(items))
            for item in plus:
                vector[index[item]] += 1
            vector[index[minus]] -= 1
            relations.append(vector)

        n_rows, n_columns = len(self.rows), len(self.columns)
        cells = [[("cell", r, c) for c in range(n_columns)] for r in range(n_rows)]
        if not self.two_dimensional:
            relation([row[0] for row in cells], ("total",))
        else:
            for r in range(n_rows):
                relation(cells[r], ("row", r))
            relation([("row", r) for r in range(n_rows)], ("total",))
            if n_rows > 1:
                for c in range(n_columns):
                    relation([cells[r][c] for r in range(n_rows)], ("column", c))
                relation([("column", c) for c in range(n_columns)], ("total",))
        return np.array(relations) if relations else np.zeros((0, len(items)))


def determined(table: Table, hidden: set[Item]) -> list[Item]:
    """The hidden items of ``table`` that its published items and relations determine."""
    items = table.items()
    unknown = [i for i, item in enumerate(items) if item in hidden]
    if not unknown:
        return []
    restricted = table.constraints()[:, unknown]
    rank = np.linalg.matrix_rank(restricted) if restricted.size else 0
    found = []
    for position, i in enumerate(unknown):
        unit = np.zeros((1, len(unknown)))
        unit[0, position] = 1
        if np.linalg.matrix_rank(np.vstack([restricted, unit])) == rank:
            found.append(items[i])
    return found


def _neighbours(table: Table, item: Item) -> list[Item]:
    """Published-or-not items that share a row or a column with ``item``."""
    kind = item[0]
    n_rows, n_columns = len(table.rows), len(table.columns)
    if kind == "cell":
        r, c = item[1], item[2]
        margins = [m for m in (("row", r), ("column", c)) if m in table.items()]
        return (
            [("cell", r, j) for j in range(n_columns) if j != c]
            + [("cell", i, c) for i in range(n_rows) if i != r]
            + margins
        )
    if kind == "row":
        return [("row", i) for i in range(n_rows) if i != item[1]] + [
            ("cell", item[1], j) for j in range(n_columns)
        ]
    if kind == "column":
        return [("column", j) for j in range(n_columns) if j != item[1]] + [
            ("cell", i, item[1]) for i in range(n_rows)
        ]
    all_margins: list[Item] = [i for i in table.items() if i[0] in ("row", "column")]
    return all_margins or [("cell", r, c) for r in range(n_rows) for c in range(n_columns)]


def pre_withhold(table: Table, items: Iterable[Item]) -> None:
    """Withhold ``items`` of ``table`` as complementary before ``protect`` runs (one that is
    small is then marked small by rule 1)."""
    for item in items:
        table.withheld.setdefault(item, Suppression.COMPLEMENTARY.value)


def _protect_table(table: Table, *, min_cell: int) -> None:
    items = table.items()
    for item in items:
        if 0 < table.value(item) < min_cell:
            table.withheld[item] = Suppression.SMALL.value
    while True:
        hidden = set(table.withheld)
        exposed = determined(table, hidden)
        if not exposed:
            return
        target = exposed[0]
        shown = [i for i in items if i not in hidden]
        if not shown:  # everything is withheld already: nothing can be read
            return
        # the smallest count whose withholding leaves the target undetermined; else the
        # smallest beside it, and the test repeats
        by_size = sorted(
            (i for i in shown if table.value(i) > 0), key=lambda i: (table.value(i), items.index(i))
        )
        choice = next((i for i in by_size if target not in determined(table, hidden | {i})), None)
        if choice is None:
            beside = [i for i in _neighbours(table, target) if i in by_size]
            choice = min(beside or by_size or shown, key=lambda i: (table.value(i), items.index(i)))
        table.withheld[choice] = Suppression.COMPLEMENTARY.value


def protect(tables: list[Table], *, min_cell: int) -> list[Table]:
    """Withhold, in place, what the three rules of this module require."""
    people = [t for t in tables if t.persons]
    while True:
        for table in people:
            _protect_table(table, min_cell=min_cell)
        shown = sorted({t.total for t in people if ("total",) not in t.withheld})
        small_gap = next(
            (low for low, high in pairwise(shown) if high - low < min_cell),
            None,
        )
        if small_gap is None:
            return tables
        for table in people:
            if table.total == small_gap:
                table.withheld.setdefault(("total",), Suppression.COMPLEMENTARY.value)


def published(table: Table, item: Item) -> int | None:
    """The count shown for ``item``: None when withheld."""
    return None if item in table.withheld else table.value(item)
