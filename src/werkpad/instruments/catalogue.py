"""The default instruments catalogue, shipped as data (``data/instrument_types.csv``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from werkpad.instruments.models import InstrumentType

DATA = Path(__file__).resolve().parent / "data" / "instrument_types.csv"


@dataclass(frozen=True)
class DefaultInstrument:
    type: str
    name: str
    legal_basis: str
    description: str


@lru_cache(maxsize=1)
def default_catalogue() -> tuple[DefaultInstrument, ...]:
    """One default per instrument type, in the order of ``InstrumentType``."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    by_type = {row["type"]: DefaultInstrument(**row) for row in rows}
    missing = set(InstrumentType.values) - set(by_type)
    unknown = set(by_type) - set(InstrumentType.values)
    if missing or unknown:
        raise ValueError(
            f"instrument_types.csv: missing {sorted(missing)}, unknown {sorted(unknown)}"
        )
    return tuple(by_type[value] for value in InstrumentType.values)


def source() -> str:
    """The sources named in the table's comment header."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line.startswith("# Source:"):
            rest = [follow[1:].strip() for follow in lines[index + 1 :] if follow.startswith("#")]
            return " ".join([line.removeprefix("# Source:").strip(), *rest])
    return ""
