"""The import of external vacancies into the regional vacancy file (EM8), from CSV or
XLSX, all or nothing like the job-seeker import, whose readers and cell converters it
uses: every row is checked, each problem named by row and column, and nothing is written
unless every row is valid; the import is audited.

The columns are named by their API names (``external_reference``, ``employer_name``,
...); an unknown column refuses the file. An imported vacancy enters the file open (in
progress): it was not taken in by the employer service, so no 72-hour answer is due.
A row whose ``external_reference`` is in the municipality's file already updates that
vacancy while it is open; one that is closed (filled, not filled, withdrawn) is an error
in the row, not reopened.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import DomainError, InvalidInputError, PermissionDeniedError
from werkpad.core.lifecycle import begin
from werkpad.core.models import AuditEvent, LabourMarketRegion, Municipality
from werkpad.core.permissions import acting_municipality_id, scope_of
from werkpad.employers.models import Channel, Distribution, Employer, Source, Vacancy
from werkpad.employers.rules import ADVISOR_ROLES
from werkpad.employers.services import clean_vacancy
from werkpad.employers.workflow import OPEN, Status
from werkpad.jobseekers.importer import (
    ImportRefusedError,
    ImportResult,
    RowError,
    _CellError,
    _choice_converter,
    _to_date,
    _to_int,
    _to_text,
)
from werkpad.jobseekers.importer.readers import _open_table

OBJECT_TYPE = "vacancy-import"
REQUIRED = (
    "external_reference",
    "employer_name",
    "title",
    "occupation_code",
    "region",
    "hours_per_week",
    "expires_on",
)
OPTIONAL = (
    "employer_kvk",
    "description",
    "skills",
    "min_education_level",
    "conditions",
    "positions",
)
COLUMNS = REQUIRED + OPTIONAL


def _to_list(value: object) -> list[str]:
    return [part.strip() for part in _to_text(value).split(";") if part.strip()]


def _to_hours(value: object) -> str:
    return _to_text(value).replace(",", ".")


def _to_kvk(value: object) -> str:
    text = _to_text(value).replace(" ", "")
    if not (text.isascii() and text.isdigit() and len(text) == 8):
        raise _CellError(_("A KvK number has exactly 8 digits."))
    return text


CONVERTERS: dict[str, Callable[[object], Any]] = {
    "expires_on": _to_date,
    "positions": _to_int,
    "skills": _to_list,
    "conditions": _to_list,
    "min_education_level": _choice_converter("education_level"),
    "employer_kvk": _to_kvk,
    "hours_per_week": _to_hours,
}


def _map_header(header: Sequence[str]) -> list[str]:
    names = [h.strip().lower() for h in header]
    problems = []
    unknown = [h for h in names if h and h not in COLUMNS]
    if unknown:
        problems.append(
            _("Unknown columns: %(names)s. Known: %(known)s.")
            % {"names": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        problems.append(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
    doubles = sorted({h for h in names if h and names.count(h) > 1})
    if doubles:
        problems.append(_("Columns named twice: %(names)s.") % {"names": ", ".join(doubles)})
    if problems:
        raise ImportRefusedError(problems)
    return names


def import_municipality(*, user, cbs_code: str | None = None) -> Municipality:
    """The municipality whose regional file the vacancies go into: the one named (by its
    CBS code), or the advisor's own."""
    named = None
    if cbs_code:
        municipality = Municipality.objects.filter(cbs_code__iexact=cbs_code.strip()).first()
        if municipality is None:
            raise DomainError(
                _("There is no municipality with CBS code %(code)s.") % {"code": cbs_code},
                code="municipality-not-found",
                field="municipality",
            )
        named = municipality.pk
    try:
        municipality_id = acting_municipality_id(
            user, ADVISOR_ROLES, named=named, ask_when_several=True
        )
    except PermissionDeniedError as error:
        raise PermissionDeniedError(
            _("%(user)s is not an employer advisor of this municipality.")
            % {"user": user.get_username()},
            code="vacancy-import-denied",
        ) from error
    except InvalidInputError as error:
        raise DomainError(
            error.message, code="municipality-required", field="municipality"
        ) from error
    return Municipality.objects.get(pk=municipality_id)


class _Rows:
    def __init__(self, *, user, municipality: Municipality, result: ImportResult):
        self.user = user
        self.municipality = municipality
        self.result = result
        self.regions = {r.code.upper(): r for r in LabourMarketRegion.objects.all()}
        self.employers = {
            e.kvk_number: e for e in Employer.objects.filter(municipality=municipality)
        }
        self.seen: dict[str, int] = {}
        self.existing = {
            v.external_reference: v
            for v in Vacancy.objects.filter(municipality=municipality).exclude(
                external_reference=""
            )
        }

    def error(self, row: int, column: str, message: str) -> None:
        self.result.errors.append(RowError(row=row, column=column, message=message))

    def read(self, number: int, names: list[str], cells: Sequence[object]) -> None:
        self.result.rows += 1
        values: dict[str, Any] = {}
        before = len(self.result.errors)
        for name, cell in zip(names, cells, strict=False):
            if not name:
                continue
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                if name in REQUIRED:
                    self.error(number, name, _("This column is required."))
                continue
            try:
                values[name] = CONVERTERS.get(name, _to_text)(cell)
            except _CellError as error:
                self.error(number, name, str(error))
        for name in REQUIRED:
            if name not in names[: len(cells)] and name not in values:
                self.error(number, name, _("This column is required."))
        if len(self.result.errors) > before:
            return
        reference = values["external_reference"]
        if reference in self.seen:
            self.error(
                number,
                "external_reference",
                _("Also in row %(row)s of this file.") % {"row": self.seen[reference]},
            )
            return
        self.seen[reference] = number
        region = self.regions.get(str(values["region"]).upper())
        if region is None:
            self.error(
                number, "region", _("Unknown labour-market region: give its code, e.g. AM20.")
            )
            return
        try:
            fields = clean_vacancy({**values, "region": region})
        except InvalidInputError as error:
            for field, messages in error.errors.items():
                for message in messages:
                    self.error(number, field, message)
            return
        existing = self.existing.get(reference)
        if existing is not None and existing.status not in OPEN:
            self.error(
                number,
                "external_reference",
                _("This vacancy is in the file already and closed; it is not reopened."),
            )
            return
        employer = self.employers.get(values.get("employer_kvk", ""))
        self._write(existing, fields, reference, values["employer_name"], employer)
        self.result.valid += 1

    def _write(self, existing, fields, reference, employer_name, employer) -> None:
        fields = {**fields, "distribution": Distribution.REGION, "preselection": False}
        if existing is not None:
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.employer = employer
            existing.employer_name = employer_name
            existing.version += 1
            existing.updated_at = clock.now()
            existing.save()
            return
        vacancy = Vacancy.objects.create(
            municipality=self.municipality,
            employer=employer,
            employer_name=employer_name,
            external_reference=reference,
            source=Source.IMPORTED,
            channel=Channel.IMPORT,
            status=Status.IN_PROGRESS,
            reported_by=self.user,
            **fields,
        )
        begin(vacancy, Status.IN_PROGRESS, user=self.user, reason=_("Imported"))


def _audit(*, user, municipality: Municipality, filename: str, result: str, detail: str) -> None:
    audit_record(
        user=user,
        action=AuditEvent.Action.IMPORT,
        object_type=OBJECT_TYPE,
        municipality_id=municipality.pk,
        fields=list(COLUMNS),
        result=result,
        detail=f"{filename}: {detail}",
    )


def vacancy_import(
    *,
    user,
    municipality: Municipality,
    stream: BinaryIO,
    filename: str,
    dry_run: bool = False,
    progress: Callable[[int, int | None], None] | None = None,
) -> ImportResult:
    """Every row of ``stream`` into the municipality's regional vacancy file, or none.
    Refused (``PermissionDeniedError``) for anyone but its employer advisors; a file
    that cannot be read raises ``ImportRefusedError``; problems in rows are returned."""
    audit = functools.partial(_audit, user=user, municipality=municipality, filename=filename)
    if not (
        user.has_perm("employers.import_vacancy")
        and municipality.pk in scope_of(user).municipalities(*ADVISOR_ROLES)
    ):
        if not dry_run:
            audit(result=AuditEvent.Result.DENIED, detail="refused: not an employer advisor here")
        raise PermissionDeniedError(code="vacancy-import-denied")
    result = ImportResult(filename=filename, dry_run=dry_run)
    try:
        with _open_table(stream) as table:
            names = _map_header(table.header)
            rows = _Rows(user=user, municipality=municipality, result=result)
            with transaction.atomic():
                for number, cells in table.rows():
                    if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                        continue
                    rows.read(number, names, cells)
                if progress is not None:
                    progress(result.rows, result.rows)
                if result.ok and not dry_run:
                    audit(
                        result=AuditEvent.Result.SUCCESS,
                        detail=f"{result.imported} vacancies imported",
                    )
                else:
                    transaction.set_rollback(True)
    except ImportRefusedError:
        if not dry_run:
            audit(result=AuditEvent.Result.FAILED, detail="file refused")
        raise
    if not result.ok and not dry_run:
        audit(
            result=AuditEvent.Result.FAILED,
            detail=f"nothing imported: {len(result.errors)} errors in {result.failed_rows} "
            f"of {result.rows} rows",
        )
    return result
