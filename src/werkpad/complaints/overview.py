"""The yearly overview of a municipality's complaints (RI2): numbers, subjects, terms met
and outcomes, as a table for the page and the CSV and XLSX downloads.

The client council reads it with small cells withheld (``WERKPAD_MIN_CELL``), the way
the insights suppress them: a count under the minimum is withheld, and while a
dimension withholds only one cell (or withheld cells that together are under the
minimum) the next smallest is withheld too, so none can be worked out from the total.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from werkpad.complaints.models import Channel, Outcome, Subject
from werkpad.complaints.selectors import YearOverview
from werkpad.complaints.workflow import Status


@dataclass
class Row:
    dimension: str
    label: str
    count: int | None
    #: "small" or "hidden" when withheld for the council.
    withheld: str = ""

    @property
    def shown(self) -> str:
        if self.count is not None:
            return str(self.count)
        return _("hidden") if self.withheld == "hidden" else _("fewer than the minimum")


def _suppress(rows: list[Row], min_cell: int) -> None:
    for row in rows:
        if row.count is not None and 0 < row.count < min_cell:
            row.withheld = "small"
    while True:
        hidden = [r for r in rows if r.withheld and r.count]
        if not hidden or (len(hidden) > 1 and sum(r.count or 0 for r in hidden) >= min_cell):
            break
        rest = sorted((r for r in rows if not r.withheld and r.count), key=lambda r: r.count or 0)
        if not rest:
            break
        rest[0].withheld = "hidden"
    for row in rows:
        if row.withheld:
            row.count = None


def rows(overview: YearOverview, *, min_cell: int | None = None) -> list[Row]:
    """The overview as rows: totals, then each dimension; with ``min_cell`` small cells
    are withheld per dimension."""
    dimensions: list[tuple[str, list[Row]]] = [
        (
            _("Total"),
            [
                Row(_("Total"), _("Complaints received"), overview.total),
                Row(_("Total"), _("Decided"), overview.decided),
                Row(_("Total"), _("Decided within the term"), overview.within_term),
                Row(_("Total"), _("Decided after the term"), overview.late),
                Row(_("Total"), _("Term postponed"), overview.postponed),
                Row(_("Total"), _("Complainant not satisfied"), overview.dissatisfied),
            ],
        ),
        (
            _("Subject"),
            [
                Row(_("Subject"), str(label), overview.by_subject.get(value, 0))
                for value, label in Subject.choices
            ],
        ),
        (
            _("Outcome"),
            [
                Row(_("Outcome"), str(label), overview.by_outcome.get(value, 0))
                for value, label in Outcome.choices
            ],
        ),
        (
            _("Status"),
            [
                Row(_("Status"), str(label), overview.by_status.get(value, 0))
                for value, label in Status.choices
            ],
        ),
        (
            _("Channel"),
            [
                Row(_("Channel"), str(label), overview.by_channel.get(value, 0))
                for value, label in Channel.choices
            ],
        ),
        (
            _("Handled by"),
            [Row(_("Handled by"), name, n) for name, n in overview.by_handler.items()],
        ),
    ]
    result: list[Row] = []
    for _name, part in dimensions:
        if min_cell is not None:
            if overview.total < min_cell:
                for row in part:
                    row.withheld = "small" if row.count else ""
                    row.count = None if row.count else row.count
            else:
                _suppress(part, min_cell)
        result.extend(part)
    return result


HEADER = ("dimension", "label", "count")


def as_csv(table: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Dimension"), _("Item"), _("Number")])
    for row in table:
        writer.writerow([row.dimension, row.label, row.shown])
    return out.getvalue()


def as_xlsx(table: list[Row], *, title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append([_("Dimension"), _("Item"), _("Number")])
    for row in table:
        sheet.append([row.dimension, row.label, row.count if row.count is not None else row.shown])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
