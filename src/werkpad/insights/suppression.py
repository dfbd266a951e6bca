"""Small-cell suppression for aggregates shown to councils or exported.

A cell under ``min_cell`` persons is withheld. While a dimension withholds a
single cell, or withheld cells that together hold fewer than ``min_cell``
persons, the next smallest is withheld as well: no cell can be worked out as
the total minus the others, and the withheld ones together do not single out
a small group either.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass


@dataclass
class Cell:
    key: str
    label: str
    count: int | None
    share: float | None
    suppressed: bool = False

    @property
    def percent(self) -> int | None:
        """The share as a whole percentage, for charts and tables."""
        return None if self.share is None else round(self.share * 100)


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
            cell.suppressed = True
    parts = [cells] + [[c for c in cells if c.key in group] for group in groups]
    changed = True
    while changed:
        changed = False
        for part in parts:
            hidden = [c for c in part if c.suppressed and c.count]
            if not hidden or (len(hidden) > 1 and sum(c.count for c in hidden) >= min_cell):
                continue
            rest = sorted((c for c in part if not c.suppressed and c.count), key=lambda c: c.count)
            if rest:
                rest[0].suppressed = True
                changed = True
    for cell in cells:
        if cell.suppressed:
            cell.count = None
            cell.share = None
    return cells
