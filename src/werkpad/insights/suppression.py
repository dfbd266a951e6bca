"""Small-cell suppression for aggregates shown to councils or exported.

A cell under ``min_cell`` persons is withheld. When a dimension would then
withhold a single cell, the next smallest is withheld as well, so that no cell
can be worked out as the total minus the others.
"""

from __future__ import annotations

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


def suppress(cells: list[Cell], *, min_cell: int) -> list[Cell]:
    small = [c for c in cells if c.count is not None and 0 < c.count < min_cell]
    for cell in small:
        cell.suppressed = True
    if len(small) == 1:
        rest = sorted((c for c in cells if not c.suppressed and c.count), key=lambda c: c.count)
        if rest:
            rest[0].suppressed = True
    for cell in cells:
        if cell.suppressed:
            cell.count = None
            cell.share = None
    return cells
