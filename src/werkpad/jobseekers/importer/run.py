"""The import: every row of a file through the service, all or nothing."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from werkpad.core.audit import audit_record
from werkpad.core.errors import DomainError, InvalidInputError, PermissionDeniedError
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.permissions import FILE_ROLES, acting_municipality_id, scope_of
from werkpad.jobseekers.importer.cells import _CellError, _is_blank, _to_text
from werkpad.jobseekers.importer.columns import (
    COLUMN_OF,
    NAME_PREFIX,
    ImportRefusedError,
    _api_name,
    _Column,
    _map_columns,
)
from werkpad.jobseekers.importer.readers import _open_table, _Table
from werkpad.jobseekers.services import jobseeker_create

OBJECT_TYPE = "jobseeker-import"

ProgressCallback = Callable[[int, int | None], None]


@dataclass(frozen=True)
class RowError:
    """One problem in the file: ``row`` counts the header as row 1, like a spreadsheet."""

    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    filename: str
    dry_run: bool
    rows: int = 0
    valid: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def imported(self) -> int:
        """Job seekers written: none in a dry run or when any row failed."""
        return self.valid if self.ok and not self.dry_run else 0

    @property
    def failed_rows(self) -> int:
        return len({error.row for error in self.errors})


class _RowReader:
    """Turns one row of cells into service input and the problems found in it."""

    def __init__(self, columns: Sequence[_Column]):
        self.columns = columns
        self.converters = {column.field: COLUMN_OF[column.field].convert for column in columns}
        self.converters["contact_person"] = self._contact_person
        self.header_of = {column.field: column.header for column in columns}
        self.position = {column.field: column.index for column in columns}
        self.mapped = {column.index for column in columns}
        self.users: dict[str, Any] = {}

    def read(self, cells: Sequence[object]) -> tuple[dict[str, Any], dict[str, list[str]]]:
        data: dict[str, Any] = {}
        errors: dict[str, list[str]] = {}
        for column in self.columns:
            value = cells[column.index] if column.index < len(cells) else None
            if _is_blank(value):
                continue
            try:
                data[column.field] = self.converters[column.field](value)
            except _CellError as error:
                errors[column.field] = [str(error)]
        self._check_headerless(cells, errors)
        prefix = data.pop(NAME_PREFIX, "")
        if prefix and data.get("last_name"):
            data["last_name"] = f"{prefix} {data['last_name']}"
        return data, errors

    def _check_headerless(self, cells: Sequence[object], errors: dict[str, list[str]]) -> None:
        for index, value in enumerate(cells):
            if index not in self.mapped and not _is_blank(value):
                errors[f"#{index + 1}"] = [_("A value in a column without a header.")]

    def _contact_person(self, value: object):
        """A username, looked up once per file."""
        username = _to_text(value)
        if username not in self.users:
            self.users[username] = (
                get_user_model().objects.filter(username=username, is_active=True).first()
            )
        user = self.users[username]
        if user is None:
            raise _CellError(_("No active user with this username."))
        return user

    def in_file_order(self, errors: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
        """Problems left to right as the columns stand; whole-row problems first."""

        def position(name: str) -> int:
            if name.startswith("#"):
                return int(name[1:]) - 1
            return self.position.get(name, -1)

        return sorted(errors.items(), key=lambda item: position(item[0]))

    def column_name(self, name: str) -> str:
        """Where a problem is, as the file calls it."""
        if name.startswith("#"):
            return _("column %(number)s") % {"number": name[1:]}
        if name == "__all__":
            return ""
        return self.header_of.get(name) or _api_name(name)


def _register(
    *, user, municipality: Municipality, data: dict[str, Any], errors: dict[str, list[str]]
) -> bool:
    """Create the job seeker through the service; add what it refuses to ``errors``.

    A row that already has problems is still offered to the service, in a
    savepoint that is always undone, so its other problems are reported too.
    """
    try:
        if errors:
            with transaction.atomic():
                jobseeker_create(
                    user=user, municipality=municipality, data=data, rung_reason="import"
                )
                transaction.set_rollback(True)
        else:
            jobseeker_create(user=user, municipality=municipality, data=data, rung_reason="import")
    except InvalidInputError as error:
        for name, messages in error.errors.items():
            errors.setdefault(name, messages)
    except DomainError as error:
        errors.setdefault(error.field or "__all__", []).append(error.message)
    return not errors


class _RowImporter:
    """Registers rows one by one, remembering each BSN's first row to catch repeats."""

    def __init__(
        self, *, user, municipality: Municipality, columns: Sequence[_Column], result: ImportResult
    ):
        self.user = user
        self.municipality = municipality
        self.reader = _RowReader(columns)
        self.result = result
        self.first_row_of: dict[str, int] = {}

    def add(self, number: int, cells: Sequence[object]) -> None:
        if all(_is_blank(cell) for cell in cells):
            return
        self.result.rows += 1
        data, errors = self.reader.read(cells)
        bsn = data.get("bsn")
        if bsn in self.first_row_of:
            errors["bsn"] = [
                _("This BSN is also in row %(row)s.") % {"row": self.first_row_of[bsn]}
            ]
            del data["bsn"]
        elif bsn is not None:
            self.first_row_of[bsn] = number
        if _register(user=self.user, municipality=self.municipality, data=data, errors=errors):
            self.result.valid += 1
        for name, messages in self.reader.in_file_order(errors):
            column = self.reader.column_name(name)
            self.result.errors.extend(RowError(number, column, message) for message in messages)


def _import_rows(
    table: _Table, importer: _RowImporter, progress: ProgressCallback | None, every: int
) -> None:
    total = table.count() if progress else None
    done = 0
    for number, cells in table.rows():
        importer.add(number, cells)
        done += 1
        if progress and done % every == 0:
            progress(done, total if total is not None and total >= done else None)
    if progress and (done == 0 or done % every):
        progress(done, done)


# --- the entry points ----------------------------------------------------------------------


def import_municipality(*, user, cbs_code: str | None = None) -> Municipality:
    """The municipality to import into: the one named, or the only one the user works for."""
    if cbs_code:
        municipality = Municipality.objects.filter(cbs_code__iexact=cbs_code.strip()).first()
        if municipality is None:
            raise DomainError(
                _("There is no municipality with CBS code %(code)s.") % {"code": cbs_code},
                code="municipality-not-found",
                field="municipality",
            )
        return municipality
    # Who acts for which municipality is decided in one place; the command words it.
    try:
        municipality_id = acting_municipality_id(user, FILE_ROLES, ask_when_several=True)
    except PermissionDeniedError as error:
        raise PermissionDeniedError(
            _("%(user)s is not a caseworker of any municipality.") % {"user": user.get_username()},
            code="jobseeker-import-denied",
        ) from error
    except InvalidInputError as error:
        raise DomainError(
            _("%(user)s works for several municipalities: name one by its CBS code.")
            % {"user": user.get_username()},
            code="municipality-required",
            field="municipality",
        ) from error
    return Municipality.objects.get(pk=municipality_id)


def _may_import(user, municipality: Municipality) -> bool:
    return (
        user.is_active
        and user.has_perm("jobseekers.import_jobseeker")
        and municipality.pk in scope_of(user).municipalities(*FILE_ROLES)
    )


def _audit(
    *,
    user,
    municipality: Municipality,
    filename: str,
    result: str,
    detail: str,
    fields: Sequence[str] = (),
) -> None:
    audit_record(
        user=user,
        action=AuditEvent.Action.IMPORT,
        object_type=OBJECT_TYPE,
        municipality_id=municipality.pk,
        fields=fields,
        result=result,
        detail=f"{filename}: {detail}",
    )


def jobseeker_import(
    *,
    user,
    municipality: Municipality,
    stream: BinaryIO,
    filename: str,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    progress_every: int = 500,
) -> ImportResult:
    """Register every row of ``stream`` (CSV or XLSX) as a job seeker, or none of them.

    ``stream`` is a seekable binary file object. Raises ``PermissionDeniedError``
    when ``user`` is not a caseworker of ``municipality`` and
    ``ImportRefusedError`` for a file that cannot be imported at all; problems in
    rows are returned in ``ImportResult.errors``, with nothing written. A dry run
    validates everything and writes nothing, not even the audit event.
    ``progress(done, total)`` is called every ``progress_every`` rows and at the end.
    """
    if not _may_import(user, municipality):
        if not dry_run:
            _audit(
                user=user,
                municipality=municipality,
                filename=filename,
                result=AuditEvent.Result.DENIED,
                detail="refused: not a caseworker here",
            )
        raise PermissionDeniedError(
            _(
                "%(user)s is not a caseworker of %(municipality)s and may not import its job "
                "seekers."
            )
            % {"user": user.get_username(), "municipality": municipality.name},
            code="jobseeker-import-denied",
        )
    result = ImportResult(filename=filename, dry_run=dry_run)
    fields: list[str] = []
    audit = functools.partial(_audit, user=user, municipality=municipality, filename=filename)
    try:
        with _open_table(stream) as table:
            columns = _map_columns(table.header)
            fields = sorted({column.field for column in columns} - {NAME_PREFIX})
            importer = _RowImporter(
                user=user, municipality=municipality, columns=columns, result=result
            )
            with transaction.atomic():
                _import_rows(table, importer, progress, progress_every)
                if result.ok and not dry_run:
                    audit(
                        result=AuditEvent.Result.SUCCESS,
                        fields=fields,
                        detail=f"{result.imported} job seekers imported",
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
            fields=fields,
            detail=f"nothing imported: {len(result.errors)} errors in {result.failed_rows} "
            f"of {result.rows} rows",
        )
    return result
