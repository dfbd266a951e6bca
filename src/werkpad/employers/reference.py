"""The employer service's reference data (EM1, EM2), shipped as data with its source:
SBI 2008 sections and divisions (CBS) for an employer's sector, ISCO-08 unit groups for
a vacancy's occupation. Forms, services, the API and the import check codes here."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from werkpad.core.errors import InvalidInputError
from werkpad.core.reference import read_table

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Sector:
    code: str
    title: str


@functools.cache
def _sbi() -> tuple[dict[str, str], dict[str, dict[str, str]], str]:
    rows, source = read_table("sbi2008.csv", DATA_DIR)
    sections: dict[str, str] = {}
    divisions: dict[str, dict[str, str]] = {}
    for row in rows:
        if row["division"]:
            divisions.setdefault(row["section"], {})[row["division"]] = row["title"]
        else:
            sections[row["section"]] = row["title"]
    return sections, divisions, source


@functools.cache
def _isco() -> tuple[dict[str, str], str]:
    rows, source = read_table("isco08.csv", DATA_DIR)
    return {row["code"]: row["title"] for row in rows}, source


@functools.cache
def _isco_major() -> dict[str, str]:
    rows, _source = read_table("isco08_major_groups.csv", DATA_DIR)
    return {row["code"]: row["title"] for row in rows}


def isco_major_groups() -> list[Sector]:
    """The ten ISCO-08 major groups (0-9), in order: the first digit of a code."""
    return [Sector(code, title) for code, title in sorted(_isco_major().items())]


def sbi_sections() -> list[Sector]:
    """The SBI 2008 sections A-U, in order."""
    return [Sector(code, title) for code, title in sorted(_sbi()[0].items())]


def sbi_divisions(section: str) -> list[Sector]:
    """The two-digit divisions of one section; none for an unknown section."""
    return [Sector(code, title) for code, title in sorted(_sbi()[1].get(section, {}).items())]


def sbi_section_title(section: str) -> str:
    return _sbi()[0].get(section, section)


def sbi_source() -> str:
    return _sbi()[2]


def isco_title(code: str) -> str:
    """The Dutch title of an ISCO-08 unit group; the code itself when unknown."""
    return _isco()[0].get(code, code)


def isco_codes() -> dict[str, str]:
    return dict(_isco()[0])


def isco_source() -> str:
    return _isco()[1]


#: For a form's choice of occupation: "9112 Schoonmakers in kantoren, ...".
ISCO_CHOICES: list[tuple[str, str]] = [
    (code, f"{code} {title}") for code, title in sorted(_isco()[0].items())
]
SBI_SECTION_CHOICES: list[tuple[str, str]] = [
    (code, f"{code} {title}") for code, title in sorted(_sbi()[0].items())
]
SBI_DIVISION_CHOICES: list[tuple[str, str]] = [
    (division, f"{division} {title}")
    for section in sorted(_sbi()[1])
    for division, title in sorted(_sbi()[1][section].items())
]


def is_isco_code(code: str) -> bool:
    return code in _isco()[0]


def sector_errors(section: str, division: str) -> dict[str, list[str]]:
    """What is wrong with an SBI section and division (they must exist and belong)."""
    sections, divisions, _source = _sbi()
    if section not in sections:
        return {"sbi_section": [_("Choose an SBI 2008 section (A to U).")]}
    if division not in divisions.get(section, {}):
        return {
            "sbi_division": [
                _("Choose a division of section %(section)s (SBI 2008).") % {"section": section}
            ]
        }
    return {}


def isco_errors(code: str, field: str = "occupation_code") -> dict[str, list[str]]:
    if not is_isco_code(code):
        return {field: [_("This is not an ISCO-08 occupation code (4 digits, unit group).")]}
    return {}


def check_sector(section: str, division: str) -> None:
    if errors := sector_errors(section, division):
        raise InvalidInputError(errors)


def check_isco(code: str, field: str = "occupation_code") -> None:
    if errors := isco_errors(code, field):
        raise InvalidInputError(errors)
