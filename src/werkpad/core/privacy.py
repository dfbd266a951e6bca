"""Data werkpad never records (AVG art. 9; REFERENCE.md "Privacy and security").

Ethnicity, race, migration background, nationality, country of birth (own or
parents'), religion. No model has a field for them; every import, API body and
filter that names one is refused with a message saying why.
"""

from __future__ import annotations

import re

#: Words naming data werkpad never records, in Dutch and English; a column,
#: field or filter whose name contains one of them is refused.
FORBIDDEN_ATTRIBUTES = (
    "ethnic",
    "etnic",
    "etnisch",
    "race",
    "ras",
    "afkomst",
    "herkomst",
    "migration",
    "migratie",
    "nationality",
    "nationaliteit",
    "country_of_birth",
    "countryofbirth",
    "geboorteland",
    "birth_country",
    "birthcountry",
    "religion",
    "religie",
    "godsdienst",
    "geloof",
    # "origin" alone names innocent things too (the audit log's channel); ethnic
    # origin is caught by "ethnic", the rest by these compounds.
    "country_of_origin",
    "origin_country",
    "national_origin",
    "allochto",
    "autochto",
)


def is_forbidden_attribute(name: str) -> bool:
    """Whether a field, column or filter name names data werkpad never records.

    camelCase, kebab-case and spaces count as word breaks: ``raceCode``,
    ``race-code`` and ``Race code`` are all ``race_code``.
    """
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.strip())
    spaced = re.sub(r"[\s\-./]+", "_", spaced)
    key = "".join(ch for ch in spaced.lower() if ch.isalnum() or ch == "_")
    squashed = key.replace("_", "")
    for word in FORBIDDEN_ATTRIBUTES:
        w = word.replace("_", "")
        if word in ("ras", "race"):
            # only as a whole word: not "grasmaaier", not "tracer"
            if key in (word,) or key.startswith(word + "_") or key.endswith("_" + word):
                return True
            continue
        if w in squashed:
            return True
    return False


#: How long, in years after a trajectory ended (completed, ended early or declined), the
#: provider still reads what it wrote itself: the progress reports without their health
#: section, the end report and the evaluation. From the end on it no longer reads the
#: handover or any health section. The privacy page and every public programme page state
#: this period from this constant; the trajectory rules enforce it.
PROVIDER_KEEPS_OWN_RECORDS_YEARS = 2
