"""Small-cell suppression for aggregates shown to councils or exported: one rule for
every app that publishes counts of persons (insights, complaints, surveys, council).

A cell under ``min_cell`` persons is withheld as *small*. While a dimension
withholds a single cell, or withheld cells that together hold fewer than
``min_cell`` persons, the next smallest is withheld as well, as
*complementary*: no cell can be worked out as the total minus the others, and
the withheld ones together do not single out a small group either.

The reason travels with the cell: a small cell may be shown as "fewer than
``min_cell``", a complementary one holds at least ``min_cell`` persons and is
shown only as hidden, never as a number it does not have.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Suppression(models.TextChoices):
    """Why a cell is withheld."""

    SMALL = "small", _("fewer than the minimum")
    COMPLEMENTARY = "complementary", _("hidden to protect a small group")


@dataclass
class Cell:
    key: str
    label: str
    count: int | None
    share: float | None
    #: None while the cell is shown; otherwise why it is withheld.
    suppressed: Suppression | None = None

    @property
    def percent(self) -> int | None:
        """The share as a whole percentage, for charts and tables."""
        return None if self.share is None else round(self.share * 100)

    def withhold(self, reason: Suppression) -> None:
        """Withhold the cell; a cell already withheld as small stays small."""
        if self.suppressed != Suppression.SMALL:
            self.suppressed = reason
        self.count = None
        self.share = None


def withhold_all(cells: Iterable[Cell], *, total: int, min_cell: int) -> None:
    """Withhold every cell of a population that is itself under ``min_cell`` persons:
    each of its cells is a small group, however many it holds."""
    if total < min_cell:
        for cell in cells:
            cell.withhold(Suppression.SMALL)


def reasons_of(cells: Iterable[Cell | None]) -> list[str]:
    """The reasons that occur among ``cells``, in the order of ``Suppression``."""
    found = {c.suppressed for c in cells if c is not None and c.suppressed}
    return [reason.value for reason in Suppression if reason in found]


def suppress(
    cells: list[Cell], *, min_cell: int, groups: Iterable[Collection[str]] = ()
) -> list[Cell]:
    """Withhold small cells, and enough others that none can be worked out.

    ``groups`` are sets of cell keys whose sum is published elsewhere (rungs 1-4
    add up to the activation count): within each of them, too, a withheld cell
    never stands alone.
    """
    for cell in cells:
        if cell.count is not None and 0 < cell.count < min_cell:
            cell.suppressed = Suppression.SMALL
    parts = [cells] + [[c for c in cells if c.key in group] for group in groups]
    changed = True
    while changed:
        changed = False
        for part in parts:
            hidden = [c for c in part if c.suppressed and c.count]
            if not hidden or (len(hidden) > 1 and sum(c.count or 0 for c in hidden) >= min_cell):
                continue
            rest = sorted(
                (c for c in part if not c.suppressed and c.count), key=lambda c: c.count or 0
            )
            if rest:
                rest[0].suppressed = Suppression.COMPLEMENTARY
                changed = True
    for cell in cells:
        if cell.suppressed:
            cell.count = None
            cell.share = None
    return cells
