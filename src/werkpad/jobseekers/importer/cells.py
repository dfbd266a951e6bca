"""Cell converters: a cell as a spreadsheet or CSV gives it, to the value a field takes.

A converter raises ``_CellError`` with a message for the person who fixes the
file; a blank cell never reaches a converter.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from werkpad.jobseekers.models import BenefitType, EducationLevel, Gender

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


class _CellError(Exception):
    pass


def _value_key(value: str) -> str:
    return "".join(ch for ch in value.casefold() if ch.isalnum())


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
    # Only ASCII digits: "²".isdigit() is true, but int("²") fails.
    if text.isascii() and text.isdigit():
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
    for code, synonyms in DUTCH_VALUES.get(name, {}).items():
        for word in synonyms:
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
