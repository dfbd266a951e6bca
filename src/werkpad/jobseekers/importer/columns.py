"""The columns a file may have, and the refusals of a file whose columns are wrong.

The declaration below is the importer's own: each accepted column with its name
(the camelCase name help texts and messages use), the field it fills, the Dutch
headers a municipality's export uses, its cell converter and whether every row
needs it. Headers are matched case-insensitively, ignoring spaces, underscores
and hyphens; a column's name and its field name are accepted as headers too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad.core.errors import DomainError
from werkpad.core.privacy import is_forbidden_attribute
from werkpad.jobseekers.importer.cells import (
    _choice_converter,
    _to_bool,
    _to_bsn,
    _to_date,
    _to_int,
    _to_rung,
    _to_text,
)

#: A pseudo-field: the tussenvoegsel of a Dutch export, put before the last name.
NAME_PREFIX = "name_prefix"


@dataclass(frozen=True)
class ColumnSpec:
    """One column a file may have."""

    name: str
    field: str
    headers: tuple[str, ...]
    convert: Callable[[object], Any]
    required: bool = False


def _column(
    name: str,
    field: str,
    headers: tuple[str, ...],
    convert: Callable[[object], Any] = _to_text,
    *,
    required: bool = False,
) -> ColumnSpec:
    return ColumnSpec(name, field, headers, convert, required)


#: Every column a file may have, in the order help texts list them.
COLUMNS: tuple[ColumnSpec, ...] = (
    _column("bsn", "bsn", ("burgerservicenummer",), _to_bsn, required=True),
    _column("firstName", "first_name", ("voornaam", "voornamen"), required=True),
    _column("lastName", "last_name", ("achternaam", "geslachtsnaam"), required=True),
    _column("birthDate", "birth_date", ("geboortedatum",), _to_date, required=True),
    _column("gender", "gender", ("geslacht",), _choice_converter("gender")),
    _column("email", "email", ("e-mail", "e-mailadres")),
    _column("phone", "phone", ("telefoon", "telefoonnummer")),
    _column("postcode", "postcode", ("postcode",)),
    _column("city", "city", ("woonplaats", "plaats")),
    _column(
        "educationLevel",
        "education_level",
        ("opleidingsniveau", "opleiding"),
        _choice_converter("education_level"),
        required=True,
    ),
    _column("workExperience", "work_experience", ("werkervaring",)),
    _column("workExperienceYears", "work_experience_years", ("jaren werkervaring",), _to_int),
    _column(
        "benefitType",
        "benefit_type",
        ("uitkering", "soort uitkering", "uitkeringssoort"),
        _choice_converter("benefit_type"),
        required=True,
    ),
    _column("unemployedSince", "unemployed_since", ("werkloos sinds",), _to_date, required=True),
    _column(
        "ladderRung",
        "ladder_rung",
        ("trede", "participatietrede", "trede participatieladder"),
        _to_rung,
        required=True,
    ),
    _column("labourDisability", "labour_disability", ("arbeidsbeperking",), _to_bool),
    _column(
        "shelteredWork", "sheltered_work", ("beschut werk", "indicatie beschut werk"), _to_bool
    ),
    # The username; the row reader looks the user up, once per file.
    _column("contactPerson", "contact_person", ("contactpersoon", "klantmanager")),
    _column("wishes", "wishes", ("wensen",)),
    _column("knowledge", "knowledge", ("kennis",)),
    _column("skills", "skills", ("vaardigheden",)),
    _column("possibilities", "possibilities", ("mogelijkheden",)),
    _column("limitations", "limitations", ("beperkingen", "functionele beperkingen")),
    _column(
        "competenceTestResults",
        "competence_test_results",
        ("competentietest", "resultaten competentietest"),
    ),
    _column(
        "prefersNoGroupActivities",
        "prefers_no_group_activities",
        ("geen groepsactiviteiten",),
        _to_bool,
    ),
    _column("coachPreference", "coach_preference", ("voorkeur coach",)),
    _column("attentionOlder", "attention_older", ("aandacht ouder",), _to_bool),
    _column(
        "attentionHigherEducated",
        "attention_higher_educated",
        ("aandacht hoger opgeleid",),
        _to_bool,
    ),
    _column(
        "attentionPsychological",
        "attention_psychological",
        ("aandacht psychisch kwetsbaar",),
        _to_bool,
    ),
    _column("uwvRegistered", "uwv_registered", ("ingeschreven uwv", "uwv ingeschreven"), _to_bool),
    _column(
        "uwvRegistrationHelp", "uwv_registration_help", ("hulp bij inschrijving uwv",), _to_bool
    ),
    _column("namePrefix", NAME_PREFIX, ("tussenvoegsel", "tussenvoegsels")),
)

#: Column name -> field, for every column a file may have.
COLUMN_FIELDS: dict[str, str] = {column.name: column.field for column in COLUMNS}

#: Field -> its column.
COLUMN_OF: dict[str, ColumnSpec] = {column.field: column for column in COLUMNS}


class ImportRefusedError(DomainError):
    """The file as a whole cannot be imported; no row was written."""

    code = "import-refused"
    title = gettext_lazy("The file was refused")

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


def _header_key(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lower())


@functools.cache
def _header_fields() -> dict[str, str]:
    """Normalised header -> field (or ``NAME_PREFIX``)."""
    headers: dict[str, str] = {}
    for column in COLUMNS:
        headers[_header_key(column.name)] = column.field
        headers[_header_key(column.field)] = column.field
    for column in COLUMNS:
        for word in column.headers:
            headers[_header_key(word)] = column.field
    return headers


def accepted_columns() -> dict[str, tuple[str, ...]]:
    """Column name -> the Dutch headers accepted for it, for help texts."""
    return {column.name: column.headers for column in COLUMNS}


def required_fields() -> list[str]:
    """Fields every row needs."""
    return [column.field for column in COLUMNS if column.required]


@dataclass(frozen=True)
class _Column:
    """A column of the file at hand: where it stands, its header, the field it fills."""

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
    column = COLUMN_OF.get(name)
    return column.name if column is not None else name
