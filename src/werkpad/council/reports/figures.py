"""What a results report (CO2) counts for one municipality and one period.

Every table is computed in the database by one grouped query, whatever the size of
the file, and holds counts only: no person is ever listed. Labels are kept as their
English message ids and translated when shown, so a published report reads in the
reader's language. ``report_tables`` returns the tables with small cells withheld
(``reports.suppression``); ``snapshot`` turns them into the JSON a report freezes
when it is published.

The *flow* tables (``FLOW_TABLES``) count events in the period, so a year's count is the
sum of its four quarters' counts: a count a published quarter withheld could be worked
out as the year's count minus the other quarters'. A year report therefore withholds,
before its own protection, every flow count withheld in a published quarter of it
(``covered``); a quarter is not published once its year is (``services.report_publish``).
The other tables count who is in the file at the end of the period, which does not add up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Case, CharField, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import TruncDate
from django.utils import translation
from django.utils.translation import gettext_noop as N_

from werkpad.complaints.models import Complaint
from werkpad.complaints.models import Outcome as ComplaintOutcome
from werkpad.core.models import Municipality
from werkpad.council.reports.suppression import Item, Table, pre_withhold, protect, published
from werkpad.employers.models import Vacancy
from werkpad.insights.selectors import AGE_BANDS, DURATION_BANDS, _age_band, _duration_band
from werkpad.jobseekers.models import BenefitType, JobSeeker, LadderRung
from werkpad.placements.models import FollowUp, Placement
from werkpad.plans.models import PlanVersion
from werkpad.secondopinions.models import Decision, SecondOpinion
from werkpad.trajectories.models import Outcome, Trajectory

#: The message that stands where targets would: werkpad records none.
TARGETS_NOTE = N_(
    "werkpad records no targets for these figures: the report shows what was achieved, "
    "without a target beside it."
)

BENEFIT_COLUMNS = [
    ("participatiewet", N_("Social assistance")),
    ("other", N_("Other benefit")),
    ("none", N_("No benefit")),
]
COUNT = [("count", N_("Number"))]

#: The tables of events in the period (additive over sub-periods), by key.
FLOW_TABLES = frozenset(
    {
        "plans_made",
        "trajectories_started",
        "trajectories_ended",
        "placements",
        "complaints",
        "second_opinions",
        "vacancies",
    }
)


def _msgid(label: object) -> str:
    """The English message id of a (lazy) choice label."""
    with translation.override("en"):
        return str(label)


def _counts(pairs: Iterable[tuple[Any, int]]) -> dict[Any, int]:
    return dict(pairs)


def one_dimension(
    key: str, title: str, rows: list[tuple[str, str]], counts: dict[Any, int], **extra: Any
) -> Table:
    """A table of one column: the count of each row's key."""
    return Table(
        key=key,
        title=title,
        rows=rows,
        columns=COUNT,
        counts=[[counts.get(row_key, 0)] for row_key, _label in rows],
        **extra,
    )


def in_file_at(municipality: Municipality, day: dt.date):
    """Job seekers in the municipality's file at the end of ``day``: registered by then,
    not left by then."""
    return (
        JobSeeker.objects.filter(municipality=municipality)
        .annotate(registered_on=TruncDate("created_at"))
        .filter(registered_on__lte=day)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=day))
    )


def composition_tables(municipality: Municipality, end: dt.date) -> list[Table]:
    base = in_file_at(municipality, end)
    benefit = Case(
        When(benefit_type=BenefitType.PARTICIPATIEWET, then=Value("participatiewet")),
        When(benefit_type=BenefitType.NONE, then=Value("none")),
        default=Value("other"),
        output_field=CharField(),
    )
    grid = _counts(
        ((rung, group), n)
        for rung, group, n in base.annotate(group=benefit)
        .values_list("ladder_rung", "group")
        .annotate(n=Count("id"))
        .order_by()
    )
    ages = _counts(
        base.annotate(k=_age_band(end)).values_list("k").annotate(n=Count("id")).order_by()
    )
    durations = _counts(
        base.annotate(k=_duration_band(end)).values_list("k").annotate(n=Count("id")).order_by()
    )
    rungs = [(str(value), _msgid(label)) for value, label in LadderRung.choices]
    return [
        Table(
            key="composition",
            title=N_("Job seekers in the file at the end of the period, by rung and benefit"),
            rows=rungs,
            columns=BENEFIT_COLUMNS,
            counts=[
                [grid.get((int(rung), group), 0) for group, _label in BENEFIT_COLUMNS]
                for rung, _label in rungs
            ],
            note=N_("Rung and benefit as recorded in the file today."),
        ),
        one_dimension(
            "age",
            N_("Job seekers in the file at the end of the period, by age"),
            [(k, _msgid(label)) for k, label in AGE_BANDS],
            ages,
        ),
        one_dimension(
            "duration",
            N_("Job seekers in the file at the end of the period, by unemployment duration"),
            [(k, _msgid(label)) for k, label in DURATION_BANDS],
            durations,
        ),
    ]


def plan_tables(municipality: Municipality, start: dt.date, end: dt.date) -> list[Table]:
    effective = PlanVersion.objects.filter(
        plan__job_seeker=OuterRef("pk"), effective_on__lte=end
    ).order_by("-effective_on", "-number")
    state = Case(
        When(effective_since__isnull=True, then=Value("without")),
        When(effective_disagreement="", then=Value("agreed")),
        default=Value("disagreed"),
        output_field=CharField(),
    )
    states = _counts(
        in_file_at(municipality, end)
        .annotate(
            effective_since=Subquery(effective.values("effective_on")[:1]),
            effective_disagreement=Subquery(effective.values("disagreement_reason")[:1]),
        )
        .annotate(k=state)
        .values_list("k")
        .annotate(n=Count("id"))
        .order_by()
    )
    made = PlanVersion.objects.filter(
        plan__municipality=municipality,
        created_at__date__gte=start,
        created_at__date__lte=end,
    ).aggregate(
        first=Count("id", filter=Q(number=1)),
        later=Count("id", filter=Q(number__gt=1)),
    )
    rows = [
        ("agreed", N_("Plan in effect, agreed by the job seeker")),
        ("disagreed", N_("Plan in effect, the job seeker's disagreement recorded")),
        ("without", N_("No plan in effect")),
    ]
    return [
        one_dimension(
            "plans",
            N_("Plans of the job seekers in the file at the end of the period"),
            rows,
            states,
        ),
        Table(
            key="plans_made",
            title=N_("Plans written in the period"),
            rows=[("first", N_("First plans")), ("later", N_("New versions of a plan"))],
            columns=COUNT,
            counts=[[made["first"]], [made["later"]]],
        ),
    ]


def trajectory_tables(municipality: Municipality, start: dt.date, end: dt.date) -> list[Table]:
    trajectories = Trajectory.objects.filter(municipality=municipality)
    started = trajectories.filter(started_on__gte=start, started_on__lte=end).aggregate(
        activation=Count("id", filter=Q(job_seeker__ladder_rung__lte=4)),
        labour=Count("id", filter=Q(job_seeker__ladder_rung__gte=5)),
    )
    result = Case(
        When(status="ended_early", end_report__isnull=True, then=Value("dropped")),
        When(end_report__outcome=Outcome.WORK, then=Value("work")),
        When(end_report__outcome=Outcome.SCHOOLING, then=Value("schooling")),
        When(end_report__outcome=Outcome.NONE, then=Value("none")),
        When(end_report__isnull=True, then=Value("unreported")),
        default=Value("other"),
        output_field=CharField(),
    )
    ended = _counts(
        trajectories.filter(ended_on__gte=start, ended_on__lte=end)
        .annotate(k=result)
        .values_list("k")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = [
        ("work", N_("Work")),
        ("schooling", N_("Education")),
        ("other", N_("Other result (higher rung, volunteer work)")),
        ("none", N_("No result")),
        ("dropped", N_("Ended early without an end report")),
        ("unreported", N_("End report not yet written")),
    ]
    return [
        Table(
            key="trajectories_started",
            title=N_("Trajectories started in the period"),
            rows=[
                ("activation", N_("Activation (rungs 1-4)")),
                ("labour_market", N_("Labour-market policy (rungs 5-6)")),
            ],
            columns=COUNT,
            counts=[[started["activation"]], [started["labour"]]],
            note=N_("By the job seeker's rung as recorded today."),
        ),
        one_dimension(
            "trajectories_ended",
            N_("Trajectories ended in the period, by outcome"),
            rows,
            ended,
        ),
    ]


def placement_table(municipality: Municipality, start: dt.date, end: dt.date) -> Table:
    six = FollowUp.objects.filter(placement=OuterRef("pk"), months=6, done_on__isnull=False)
    durable = Case(
        When(still_in_work=True, then=Value("in_work")),
        When(still_in_work=False, then=Value("not_in_work")),
        default=Value("unknown"),
        output_field=CharField(),
    )
    counts = _counts(
        Placement.objects.filter(
            municipality=municipality, start_date__gte=start, start_date__lte=end
        )
        .annotate(still_in_work=Subquery(six.values("still_in_work")[:1]))
        .annotate(k=durable)
        .values_list("k")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = [
        ("in_work", N_("Still in work after 6 months")),
        ("not_in_work", N_("No longer in work after 6 months")),
        ("unknown", N_("Not yet known (6-month follow-up not recorded)")),
    ]
    return one_dimension(
        "placements",
        N_("Placements in work that started in the period"),
        rows,
        counts,
    )


def complaint_table(municipality: Municipality, start: dt.date, end: dt.date) -> Table:
    outcome = Case(
        When(
            outcome__in=[ComplaintOutcome.FOUNDED, ComplaintOutcome.PARTLY_FOUNDED],
            then=Value("founded"),
        ),
        When(outcome=ComplaintOutcome.UNFOUNDED, then=Value("unfounded")),
        default=Value("other"),
        output_field=CharField(),
    )
    timing = Case(
        When(decided_on__isnull=True, then=Value("open")),
        When(decided_on__lte=F("term_ends_on"), then=Value("in_term")),
        default=Value("late"),
        output_field=CharField(),
    )
    grid = _counts(
        ((row, column), n)
        for row, column, n in Complaint.objects.filter(
            municipality=municipality, received_on__gte=start, received_on__lte=end
        )
        .annotate(row=outcome, column=timing)
        .values_list("row", "column")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = [
        ("founded", N_("Founded or partly founded")),
        ("unfounded", N_("Unfounded")),
        ("other", N_("Otherwise or not yet decided")),
    ]
    columns = [
        ("in_term", N_("Decided within the term")),
        ("late", N_("Decided after the term")),
        ("open", N_("Not yet decided")),
    ]
    return Table(
        key="complaints",
        title=N_("Complaints received in the period"),
        rows=rows,
        columns=columns,
        counts=[[grid.get((r, c), 0) for c, _l in columns] for r, _l in rows],
    )


def second_opinion_table(municipality: Municipality, start: dt.date, end: dt.date) -> Table:
    counts = _counts(
        SecondOpinion.objects.filter(
            municipality=municipality, requested_on__gte=start, requested_on__lte=end
        )
        .values_list("decision")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = [(str(v), _msgid(label)) for v, label in Decision.choices] + [
        ("", N_("Not yet decided"))
    ]
    return one_dimension(
        "second_opinions",
        N_("Second opinions asked in the period, by the municipality's decision"),
        rows,
        counts,
    )


def vacancy_table(municipality: Municipality, start: dt.date, end: dt.date) -> Table:
    counts = Vacancy.objects.filter(
        municipality=municipality, received_at__date__gte=start, received_at__date__lte=end
    ).aggregate(
        in_term=Count("id", filter=Q(answered_at__lte=F("answer_due_at"))),
        late=Count("id", filter=Q(answered_at__gt=F("answer_due_at"))),
        open=Count("id", filter=Q(answered_at__isnull=True)),
    )
    return Table(
        key="vacancies",
        title=N_("Vacancies received from employers in the period, by answer"),
        rows=[
            ("in_term", N_("Answered within 72 hours")),
            ("late", N_("Answered after 72 hours")),
            ("open", N_("Not answered")),
        ],
        columns=COUNT,
        counts=[[counts["in_term"]], [counts["late"]], [counts["open"]]],
        persons=False,
        note=N_("Vacancies are not persons: their counts are shown as they are."),
    )


def withheld_in(table: Table, frozen: dict[str, Any]) -> set[Item]:
    """The items of ``table`` that ``frozen`` (the same table in a published report's
    ``figures``) withheld, matched by row and column label."""
    rows = {label: r for r, (_key, label) in enumerate(table.rows)}
    columns = {label: c for c, (_key, label) in enumerate(table.columns)}
    items = set(table.items())
    found: set[Item] = set()
    for row in frozen["rows"]:
        r = rows.get(row["label"])
        if r is None:
            continue
        for label, cell in zip(frozen["columns"], row["cells"], strict=True):
            if cell["withheld"] and label in columns:
                found.add(("cell", r, columns[label]))
        if row["total"] and row["total"]["withheld"]:
            found.add(("row", r))
    column_totals = frozen["column_totals"] or []  # none in a 1-D or one-row table
    for label, cell in zip(frozen["columns"][: len(column_totals)], column_totals, strict=True):
        if cell["withheld"] and label in columns:
            found.add(("column", columns[label]))
    if frozen["total"]["withheld"]:
        found.add(("total",))
    return found & items


def report_tables(
    *,
    municipality: Municipality,
    start: dt.date,
    end: dt.date,
    min_cell: int,
    covered: Iterable[dict[str, Any]] = (),
) -> list[Table]:
    """Every table of the report for the period ``start``-``end`` (inclusive), protected.

    ``covered``: the frozen figures of the published reports of sub-periods (a year's
    quarters); what their flow tables withheld is withheld here too."""
    tables = [
        *composition_tables(municipality, end),
        *plan_tables(municipality, start, end),
        *trajectory_tables(municipality, start, end),
        placement_table(municipality, start, end),
        complaint_table(municipality, start, end),
        second_opinion_table(municipality, start, end),
        vacancy_table(municipality, start, end),
    ]
    flows = {t.key: t for t in tables if t.key in FLOW_TABLES and t.persons}
    for figures in covered:
        for frozen in figures.get("tables", []):
            if frozen["key"] in flows:
                table = flows[frozen["key"]]
                pre_withhold(table, withheld_in(table, frozen))
    return protect(tables, min_cell=min_cell)


def _shown(table: Table, item: tuple) -> dict[str, Any]:
    return {"count": published(table, item), "withheld": table.withheld.get(item, "")}


def snapshot(tables: list[Table], *, min_cell: int) -> dict[str, Any]:
    """The tables as they are published: withheld counts are not in it at all."""
    out = []
    for t in tables:
        n_rows, n_columns = len(t.rows), len(t.columns)
        out.append(
            {
                "key": t.key,
                "title": t.title,
                "note": t.note,
                "persons": t.persons,
                "columns": [label for _key, label in t.columns],
                "rows": [
                    {
                        "label": label,
                        "cells": [_shown(t, ("cell", r, c)) for c in range(n_columns)],
                        "total": _shown(t, ("row", r)) if t.two_dimensional else None,
                    }
                    for r, (_key, label) in enumerate(t.rows)
                ],
                "column_totals": [_shown(t, ("column", c)) for c in range(n_columns)]
                if t.two_dimensional and n_rows > 1
                else None,
                "total": _shown(t, ("total",)),
            }
        )
    return {"min_cell": min_cell, "targets_note": TARGETS_NOTE, "tables": out}
