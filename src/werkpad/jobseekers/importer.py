"""Registering job seekers from a municipality's CSV or XLSX file (JS1, JS2).

Used by ``werkpad import jobseekers FILE`` and meant for a web upload as well:
``jobseeker_import`` takes a binary file object and returns an ``ImportResult``;
how progress and errors are shown is the caller's business.

Why it works the way it does:

- Every row goes through ``services.jobseeker_create`` in the name of the acting
  caseworker, so an imported file obeys the same rules, permissions and audit
  trail as one typed in by hand.
- The import is all-or-nothing: a municipality fixing its export wants one
  complete list of what is wrong, and no half-imported file to clean up. Each
  row is validated inside its own savepoint; the whole transaction is rolled
  back when any row fails.
- Columns are checked before any row is read. A column naming data werkpad
  never records (ethnicity, nationality, country of birth, religion ...) refuses
  the whole file, and so does a column werkpad does not know, because
  dropping it silently would lose what the municipality meant to register.
- Files of tens of thousands of rows are streamed (``csv`` and openpyxl's
  read-only mode); only the BSNs seen so far and the errors are kept in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol

import openpyxl
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils.exceptions import InvalidFileException

from werkpad.core.audit import audit_record
from werkpad.core.errors import DomainError, InvalidInputError, PermissionDeniedError
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.permissions import FILE_ROLES, scope_of
from werkpad.core.privacy import is_forbidden_attribute
from werkpad.jobseekers.models import BenefitType, EducationLevel, Gender, JobSeeker
from werkpad.jobseekers.serializers import INPUT_FIELDS
from werkpad.jobseekers.services import jobseeker_create

OBJECT_TYPE = "jobseeker-import"

#: A pseudo-field: the tussenvoegsel of a Dutch export, put before the last name.
NAME_PREFIX = "name_prefix"

#: Column name -> field, for every column a file may have: the API's input
#: names and the tussenvoegsel.
COLUMN_FIELDS: dict[str, str] = {**INPUT_FIELDS, "namePrefix": NAME_PREFIX}

#: Column headers a municipality's export uses, besides the API's camelCase names
#: and the model's field names. Matched case-insensitively, ignoring spaces,
#: underscores and hyphens.
DUTCH_HEADERS: dict[str, tuple[str, ...]] = {
    "bsn": ("burgerservicenummer",),
    "first_name": ("voornaam", "voornamen"),
    NAME_PREFIX: ("tussenvoegsel", "tussenvoegsels"),
    "last_name": ("achternaam", "geslachtsnaam"),
    "birth_date": ("geboortedatum",),
    "gender": ("geslacht",),
    "email": ("e-mail", "e-mailadres"),
    "phone": ("telefoon", "telefoonnummer"),
    "postcode": ("postcode",),
    "city": ("woonplaats", "plaats"),
    "education_level": ("opleidingsniveau", "opleiding"),
    "work_experience": ("werkervaring",),
    "work_experience_years": ("jaren werkervaring",),
    "benefit_type": ("uitkering", "soort uitkering", "uitkeringssoort"),
    "unemployed_since": ("werkloos sinds",),
    "ladder_rung": ("trede", "participatietrede", "trede participatieladder"),
    "labour_disability": ("arbeidsbeperking",),
    "sheltered_work": ("beschut werk", "indicatie beschut werk"),
    "contact_person": ("contactpersoon", "klantmanager"),
    "wishes": ("wensen",),
    "knowledge": ("kennis",),
    "skills": ("vaardigheden",),
    "possibilities": ("mogelijkheden",),
    "limitations": ("beperkingen", "functionele beperkingen"),
    "competence_test_results": ("competentietest", "resultaten competentietest"),
    "prefers_no_group_activities": ("geen groepsactiviteiten",),
    "coach_preference": ("voorkeur coach",),
    "attention_older": ("aandacht ouder",),
    "attention_higher_educated": ("aandacht hoger opgeleid",),
    "attention_psychological": ("aandacht psychisch kwetsbaar",),
    "uwv_registered": ("ingeschreven uwv", "uwv ingeschreven"),
    "uwv_registration_help": ("hulp bij inschrijving uwv",),
}

#: Dutch words for coded values, besides the codes and their labels.
DUTCH_VALUES: dict[str, dict[str, tuple[str, ...]]] = {
    "gender": {
        Gender.MALE: ("man", "m", "mannelijk"),
        Gender.FEMALE: ("vrouw", "v", "vrouwelijk"),
        Gender.X: ("non-binair",),
        Gender.UNKNOWN: ("onbekend",),
    },
    "education_level": {
        EducationLevel.NONE: ("geen", "geen opleiding", "geen opleiding afgerond"),
        EducationLevel.PRIMARY: ("basisonderwijs", "basisschool", "primair onderwijs"),
        EducationLevel.MBO1: ("mbo niveau 1", "entree", "entreeopleiding"),
        EducationLevel.MBO2: ("mbo niveau 2",),
        EducationLevel.MBO3: ("mbo niveau 3",),
        EducationLevel.MBO4: ("mbo niveau 4",),
        EducationLevel.HAVO_VWO: ("havo", "vwo"),
        EducationLevel.HBO: ("hoger beroepsonderwijs",),
        EducationLevel.WO: ("universiteit", "wetenschappelijk onderwijs"),
    },
    "benefit_type": {
        BenefitType.PARTICIPATIEWET: ("bijstand", "bijstandsuitkering", "pw"),
        BenefitType.WW: ("werkloosheidswet", "ww-uitkering"),
        BenefitType.ANW: ("nabestaandenuitkering", "algemene nabestaandenwet"),
        BenefitType.NONE: ("geen", "geen uitkering", "niet-uitkeringsgerechtigd", "nug"),
        BenefitType.OTHER: ("anders", "overig", "overige", "andere uitkering"),
    },
}

_TRUE = frozenset({"ja", "j", "yes", "y", "true", "waar", "1"})
_FALSE = frozenset({"nee", "n", "no", "false", "onwaar", "0"})
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_RUNG = re.compile(r"(?:trede\s*)?([0-9]+)(?:\s+\D.*)?", re.IGNORECASE)
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"

ProgressCallback = Callable[[int, int | None], None]


class ImportRefusedError(DomainError):
    """The file as a whole cannot be imported; no row was written."""

    code = "import-refused"
    title = gettext_lazy("The file was refused")

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


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


class _CellError(Exception):
    pass


# --- headers -------------------------------------------------------------------------------


def _header_key(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lower())


def _value_key(value: str) -> str:
    return "".join(ch for ch in value.casefold() if ch.isalnum())


@functools.cache
def _header_fields() -> dict[str, str]:
    """Normalised header -> model field (or ``NAME_PREFIX``)."""
    headers: dict[str, str] = {}
    for api_name, name in COLUMN_FIELDS.items():
        headers[_header_key(api_name)] = name
        headers[_header_key(name)] = name
    for name, words in DUTCH_HEADERS.items():
        for word in words:
            headers[_header_key(word)] = name
    return headers


def accepted_columns() -> dict[str, tuple[str, ...]]:
    """API column name -> the Dutch headers accepted for it, for help texts."""
    return {api_name: DUTCH_HEADERS.get(name, ()) for api_name, name in COLUMN_FIELDS.items()}


def required_fields() -> list[str]:
    """Fields every row needs: no default and not allowed blank in the model."""
    required = []
    for name in INPUT_FIELDS.values():
        model_field = JobSeeker._meta.get_field(name)
        if not (model_field.blank or model_field.null or model_field.has_default()):
            required.append(name)
    return required


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    field: str


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _map_columns(header: Sequence[str]) -> list[_Column]:
    """The file's columns as fields, or ``ImportRefusedError`` naming every problem."""
    named = [(index, text) for index, text in enumerate(header) if text]
    if not named:
        raise ImportRefusedError([_("The file is empty: its first row must name the columns.")])
    _refuse_forbidden([text for _index, text in named])
    known = _header_fields()
    columns = [
        _Column(index, text, known[_header_key(text)])
        for index, text in named
        if _header_key(text) in known
    ]
    problems = _column_problems(
        unknown=[text for _index, text in named if _header_key(text) not in known],
        columns=columns,
    )
    if problems:
        raise ImportRefusedError(problems)
    return columns


def _refuse_forbidden(headers: Sequence[str]) -> None:
    """Refused first and on its own: the remedy is removing the data, not renaming a column."""
    forbidden = [text for text in headers if is_forbidden_attribute(text)]
    if forbidden:
        message = _(
            "The file has the column(s) %(columns)s. werkpad never records such data "
            "(ethnicity, race, migration background, nationality, country of birth, "
            "religion). Remove the column(s) from the file and import it again."
        )
        raise ImportRefusedError([message % {"columns": _quoted(forbidden)}])


def _column_problems(*, unknown: Sequence[str], columns: Sequence[_Column]) -> list[str]:
    problems = []
    if unknown:
        message = _(
            "Unknown column(s) %(columns)s: werkpad does not know which field they belong "
            "to and drops nothing silently. Rename or remove them; the accepted columns are "
            "%(accepted)s or their Dutch headers."
        )
        accepted = ", ".join(accepted_columns())
        problems.append(message % {"columns": _quoted(unknown), "accepted": accepted})
    headers_of: dict[str, list[str]] = {}
    for column in columns:
        headers_of.setdefault(column.field, []).append(column.header)
    for headers in headers_of.values():
        if len(headers) > 1:
            message = _("The columns %(columns)s hold the same field; keep one.")
            problems.append(message % {"columns": _quoted(headers)})
    missing = [_api_name(name) for name in required_fields() if name not in headers_of]
    if missing:
        message = _("Required column(s) missing: %(columns)s.")
        problems.append(message % {"columns": _quoted(missing)})
    return problems


def _api_name(name: str) -> str:
    for api_name, model_name in COLUMN_FIELDS.items():
        if model_name == name:
            return api_name
    return name


# --- cell values ---------------------------------------------------------------------------


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _to_bsn(value: object) -> str:
    """Nine digits; a number cell or an export that lost the leading zero gets it back."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:09d}"
    text = re.sub(r"[\s.]", "", str(value))
    return text.zfill(9) if len(text) == 8 and text.isdigit() else text


def _to_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    try:
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = match.groups()
            return dt.date(int(year), int(month), int(day))
        if match := _DUTCH_DATE.fullmatch(text):
            day, month, year = match.groups()
            return dt.date(int(year), int(month), int(day))
    except ValueError:
        pass
    raise _CellError(_("Not a date: write it as YYYY-MM-DD or DD-MM-YYYY."))


def _to_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    key = _to_text(value).lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise _CellError(_("Not a yes/no value: write ja or nee."))


def _to_int(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = _to_text(value)
    if text.isdigit():
        return int(text)
    raise _CellError(_("Not a whole number."))


def _to_rung(value: object) -> int:
    """A rung number, also written as "trede 3" or "3 Deelname aan ..."."""
    match = _RUNG.fullmatch(_to_text(value))
    if match is None:
        raise _CellError(_("Not a participation-ladder rung: write a number from 1 to 6."))
    return int(match.group(1))


_CHOICES: dict[str, type[models.TextChoices]] = {
    "gender": Gender,
    "education_level": EducationLevel,
    "benefit_type": BenefitType,
}


@functools.cache
def _choice_words(name: str) -> dict[str, str]:
    """Normalised word -> code for a coded field: codes, labels and Dutch words.

    A word that would name two codes is left out, so no value is guessed.
    """
    choices = _CHOICES[name]
    candidates: dict[str, set[str]] = {}

    def add(word: str, code: str) -> None:
        candidates.setdefault(_value_key(word), set()).add(code)

    for code, label in choices.choices:
        for language in ("en", "nl"):
            with translation.override(language):
                add(str(label), code)
    for code, words in DUTCH_VALUES.get(name, {}).items():
        for word in words:
            add(word, str(code))
    words = {key: codes.pop() for key, codes in candidates.items() if len(codes) == 1}
    words.update({_value_key(code): code for code in choices.values})
    return words


def _choice_converter(name: str) -> Callable[[object], str]:
    def convert(value: object) -> str:
        code = _choice_words(name).get(_value_key(_to_text(value)))
        if code is None:
            raise _CellError(
                _("Not a known value: use one of %(codes)s, or its Dutch name.")
                % {"codes": ", ".join(_CHOICES[name].values)}
            )
        return code

    return convert


def _converter(name: str) -> Callable[[object], Any]:
    if name == "bsn":
        return _to_bsn
    if name == "ladder_rung":
        return _to_rung
    if name in _CHOICES:
        return _choice_converter(name)
    if name == NAME_PREFIX:
        return _to_text
    model_field = JobSeeker._meta.get_field(name)
    if isinstance(model_field, models.DateField):
        return _to_date
    if isinstance(model_field, models.BooleanField):
        return _to_bool
    if isinstance(model_field, models.IntegerField):
        return _to_int
    return _to_text


# --- reading the file ----------------------------------------------------------------------


class _Table(Protocol):
    """A file's header and rows; row numbers count the header as row 1."""

    header: list[str]

    def count(self) -> int | None: ...

    def rows(self) -> Iterator[tuple[int, Sequence[object]]]: ...


@contextmanager
def _open_table(stream: BinaryIO) -> Iterator[_Table]:
    """Read the header only; XLSX and CSV are told apart by content, not by name."""
    magic = stream.read(8)
    stream.seek(0)
    if magic.startswith(_XLS_MAGIC):
        raise ImportRefusedError(
            [_("This is an old Excel (.xls) file: save it as .xlsx or as CSV (UTF-8).")]
        )
    if magic.startswith(_XLSX_MAGIC):
        with _open_xlsx(stream) as table:
            yield table
    else:
        yield _CsvTable(stream)


class _XlsxTable:
    """The active sheet, streamed (openpyxl read-only): memory stays flat for any size.

    The size a workbook declares is used only for progress: rows are read until
    the sheet ends, as some programs write a wrong or no size.
    """

    def __init__(self, sheet):
        self.sheet = sheet
        first = next(sheet.iter_rows(max_row=1, values_only=True), ())
        self.header = [_to_text(cell) if cell is not None else "" for cell in first]

    def count(self) -> int | None:
        return self.sheet.max_row - 1 if self.sheet.max_row else None

    def rows(self) -> Iterator[tuple[int, Sequence[object]]]:
        self.sheet.reset_dimensions()
        return enumerate(self.sheet.iter_rows(min_row=2, values_only=True), start=2)


@contextmanager
def _open_xlsx(stream: BinaryIO) -> Iterator[_XlsxTable]:
    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise ImportRefusedError(
            [_("The file cannot be read as an Excel workbook (.xlsx).")]
        ) from error
    try:
        yield _XlsxTable(workbook.active)
    finally:
        workbook.close()


def _not_utf8() -> ImportRefusedError:
    return ImportRefusedError([_("The file is not UTF-8 text: save it as CSV (UTF-8).")])


class _CsvTable:
    """CSV in UTF-8 (with or without BOM), separated by semicolons, commas or tabs.

    Each pass reads the stream from the start through its own text wrapper,
    detached afterwards so the caller's file stays open.
    """

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.delimiter = self._sniff_delimiter()
        with closing(self._records()) as records:
            self.header = [cell.strip() for cell in next(records, [])]

    def _text(self) -> io.TextIOWrapper:
        self.stream.seek(0)
        return io.TextIOWrapper(self.stream, encoding="utf-8-sig", newline="")

    def _sniff_delimiter(self) -> str:
        """Semicolon (Dutch Excel), comma or tab: whichever the header line uses most."""
        text = self._text()
        try:
            first = text.readline()
        except UnicodeDecodeError as error:
            raise _not_utf8() from error
        finally:
            text.detach()
        return max(";,\t", key=first.count)

    def _records(self) -> Iterator[list[str]]:
        text = self._text()
        reader = csv.reader(text, delimiter=self.delimiter)
        try:
            while True:
                try:
                    record = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError as error:
                    raise _not_utf8() from error
                except csv.Error as error:
                    raise ImportRefusedError(
                        [
                            _("Line %(line)s cannot be read as CSV: %(error)s")
                            % {"line": reader.line_num, "error": error}
                        ]
                    ) from error
                yield record
        finally:
            text.detach()

    def count(self) -> int:
        """Rows after the header: a quick first pass, which also finds encoding errors early."""
        with closing(self._records()) as records:
            return max(sum(1 for _record in records) - 1, 0)

    def rows(self) -> Iterator[tuple[int, Sequence[object]]]:
        with closing(self._records()) as records:
            next(records, None)
            yield from enumerate(records, start=2)


# --- rows ----------------------------------------------------------------------------------


class _RowReader:
    """Turns one row of cells into service input and the problems found in it."""

    def __init__(self, columns: Sequence[_Column]):
        self.columns = columns
        self.converters = {column.field: _converter(column.field) for column in columns}
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
    allowed = scope_of(user).municipalities(*FILE_ROLES)
    if not allowed:
        raise PermissionDeniedError(
            _("%(user)s is not a caseworker of any municipality.") % {"user": user.get_username()},
            code="jobseeker-import-denied",
        )
    if len(allowed) > 1:
        raise DomainError(
            _("%(user)s works for several municipalities: name one by its CBS code.")
            % {"user": user.get_username()},
            code="municipality-required",
            field="municipality",
        )
    return Municipality.objects.get(pk=next(iter(allowed)))


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
