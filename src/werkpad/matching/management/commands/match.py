"""werkpad match: rank job seekers and vacancies for each other from two CSV files.

A regional run: every vacancy's best candidates, or every job seeker's best
vacancies, written to one CSV. Both files are read and checked first; a missing
column or a bad value stops the run, naming the file, row and column, and
nothing is written.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from werkpad.matching.engine import (
    Direction,
    JobSeekerProfile,
    MatchColumns,
    Vacancy,
    match_columns,
)

JOB_SEEKER_COLUMNS = (
    "id",
    "occupation_codes",
    "skills",
    "education_level",
    "regions",
    "min_hours",
    "max_hours",
    "limitations",
)
VACANCY_COLUMNS = (
    "id",
    "employer_id",
    "occupation_code",
    "skills",
    "min_education_level",
    "region",
    "hours",
    "conditions",
)
OUTPUT_COLUMNS = ("vacancy_id", "job_seeker_id", "rank", "score", "explanation")
LIST_SEPARATOR = ";"

T = TypeVar("T")


class _BadValue(ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def _text(row: dict[str, str], column: str) -> str:
    value = (row[column] or "").strip()
    if not value:
        raise _BadValue(column, _("is empty"))
    return value


def _list(row: dict[str, str], column: str) -> frozenset[str]:
    return frozenset(filter(None, map(str.strip, (row[column] or "").split(LIST_SEPARATOR))))


def _integer(row: dict[str, str], column: str) -> int:
    value = _text(row, column)
    try:
        return int(value)
    except ValueError:
        raise _BadValue(
            column, _("%(value)s is not a whole number") % {"value": repr(value)}
        ) from None


def _hours(row: dict[str, str], column: str) -> float:
    value = _text(row, column)
    try:
        hours = float(value.replace(",", "."))
    except ValueError:
        raise _BadValue(column, _("%(value)s is not a number") % {"value": repr(value)}) from None
    if not 0 <= hours <= 168:
        raise _BadValue(
            column, _("%(value)s is not a number of hours a week") % {"value": repr(value)}
        )
    return hours


def _job_seeker(row: dict[str, str]) -> JobSeekerProfile:
    profile = JobSeekerProfile(
        id=_text(row, "id"),
        occupation_codes=_list(row, "occupation_codes"),
        skills=_list(row, "skills"),
        education_level=_integer(row, "education_level"),
        regions=_list(row, "regions"),
        min_hours=_hours(row, "min_hours"),
        max_hours=_hours(row, "max_hours"),
        limitations=_list(row, "limitations"),
    )
    if profile.min_hours > profile.max_hours:
        raise _BadValue("max_hours", _("is less than min_hours"))
    return profile


def _vacancy(row: dict[str, str]) -> Vacancy:
    return Vacancy(
        id=_text(row, "id"),
        employer_id=_text(row, "employer_id"),
        occupation_code=_text(row, "occupation_code"),
        skills=_list(row, "skills"),
        min_education_level=_integer(row, "min_education_level"),
        region=_text(row, "region"),
        hours=_hours(row, "hours"),
        conditions=_list(row, "conditions"),
    )


def read_rows(
    path: Path, columns: tuple[str, ...], convert: Callable[[dict[str, str]], T]
) -> list[T]:
    """Every row of ``path`` converted, or a CommandError naming the first bad one."""
    if not path.is_file():
        raise CommandError(_("No such file: %(file)s") % {"file": path})
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        header = [name.strip() for name in reader.fieldnames or ()]
        missing = [name for name in columns if name not in header]
        unknown = [name for name in header if name not in columns]
        if missing or unknown:
            problems = []
            if missing:
                problems.append(_("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
            if unknown:
                problems.append(_("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
            raise CommandError(f"{path}: {'; '.join(problems)}")
        reader.fieldnames = header
        items: list[T] = []
        seen: set[str] = set()
        for row in reader:
            line = reader.line_num
            try:
                if None in row or any(value is None for value in row.values()):
                    raise _BadValue("", _("has another number of cells than the header"))
                item = convert(row)
            except _BadValue as error:
                where = (
                    _("%(file)s, row %(row)s, %(column)s")
                    % {"file": path, "row": line, "column": error.column}
                    if error.column
                    else _("%(file)s, row %(row)s") % {"file": path, "row": line}
                )
                raise CommandError(f"{where}: {error.message}") from None
            identifier = item.id  # type: ignore[attr-defined]
            if identifier in seen:
                raise CommandError(
                    _("%(file)s, row %(row)s, id: %(id)s occurs twice")
                    % {"file": path, "row": line, "id": identifier}
                )
            seen.add(identifier)
            items.append(item)
    return items


class Command(BaseCommand):
    help = (
        "Rank job seekers and vacancies for each other from two CSV files (lists in a "
        "cell separated by ';'): each vacancy's best candidates, or each job seeker's "
        "best vacancies. Hard limits (region, hours, limitations) are never broken."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--job-seekers",
            type=Path,
            required=True,
            metavar="FILE.csv",
            help=f"Columns: {','.join(JOB_SEEKER_COLUMNS)}.",
        )
        parser.add_argument(
            "--vacancies",
            type=Path,
            required=True,
            metavar="FILE.csv",
            help=f"Columns: {','.join(VACANCY_COLUMNS)}.",
        )
        parser.add_argument(
            "--direction",
            required=True,
            choices=[direction.value for direction in Direction],
            help="Candidates per vacancy, or vacancies per job seeker.",
        )
        parser.add_argument(
            "--top", type=int, default=20, metavar="K", help="Results per vacancy or job seeker."
        )
        parser.add_argument(
            "--output",
            type=Path,
            required=True,
            metavar="OUT.csv",
            help=f"Columns: {','.join(OUTPUT_COLUMNS)}.",
        )

    def handle(
        self,
        *args,
        job_seekers: Path,
        vacancies: Path,
        direction: str,
        top: int,
        output: Path,
        verbosity: int = 1,
        **options,
    ):
        if top < 1:
            raise CommandError(_("--top must be at least 1."))
        if not Path(output).resolve().parent.is_dir():
            raise CommandError(
                _("No such directory: %(directory)s") % {"directory": Path(output).parent}
            )
        seekers = read_rows(Path(job_seekers), JOB_SEEKER_COLUMNS, _job_seeker)
        openings = read_rows(Path(vacancies), VACANCY_COLUMNS, _vacancy)
        progress = self._progress if verbosity > 0 else None
        matches = match_columns(
            seekers, openings, direction=Direction(direction), top=top, progress=progress
        )
        rows = _write(Path(output), matches)
        if verbosity > 0:
            self.stderr.write("", style_func=lambda text: text)
        self.stdout.write(
            self.style.SUCCESS(
                _("Wrote %(rows)s matches to %(file)s.") % {"rows": rows, "file": output}
            )
        )

    def _progress(self, done: int, total: int) -> None:
        step = max(1, total // 100)
        if done % step == 0 or done == total:
            self.stderr.write(
                f"\r{done}/{total} ({done * 100 // total}%)", ending="", style_func=lambda t: t
            )
            self.stderr.flush()


@functools.cache
def _cell(text: str) -> str:
    """``text`` as a CSV cell, quoted as csv.writer quotes it (texts repeat: once each)."""
    line = io.StringIO()
    csv.writer(line).writerow([text])
    return line.getvalue().removesuffix("\r\n")


_number = functools.cache(repr)
#: What makes csv.writer quote a cell: the delimiter, the quote, a line end.
_QUOTED = re.compile(r'[,"\r\n]')


def _cells(texts: list[str]) -> Iterable[str]:
    """``texts`` as CSV cells; most need no quotes, and are then left as they are."""
    return map(_cell, texts) if _QUOTED.search("".join(texts)) else texts


def _lines(chunk: MatchColumns) -> str:
    """The chunk as CSV lines, exactly as csv.writer writes them."""
    return "".join(
        [
            f"{vacancy},{job_seeker},{rank},{score},{explanation}\r\n"
            for vacancy, job_seeker, rank, score, explanation in zip(
                _cells(chunk.vacancy_ids),
                _cells(chunk.job_seeker_ids),
                chunk.ranks,
                map(_number, chunk.scores),
                _cells(chunk.explanations),
                strict=True,
            )
        ]
    )


def _write(output: Path, chunks: Iterable[MatchColumns]) -> int:
    """Write through a temporary file beside ``output``: it appears whole or not at all."""
    output = output.resolve()
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=".match-", suffix=".csv")
    rows = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerow(OUTPUT_COLUMNS)
            for chunk in chunks:
                stream.write(_lines(chunk))
                rows += len(chunk)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return rows
