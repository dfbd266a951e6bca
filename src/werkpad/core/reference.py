"""Reference data shipped with werkpad, each table with its source."""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import models

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_table(name: str, directory: Path = DATA_DIR) -> tuple[list[dict[str, str]], str]:
    """Rows of ``data/<name>`` (of core, or of the app's ``directory``) and the source named
    in its comment header."""
    path = directory / name
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line[1:].strip() for line in lines if line.startswith("#")]
    source = next(
        (c.removeprefix("Source:").strip() for c in comments if c.startswith("Source:")), ""
    )
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    return rows, source


def load_labour_market_regions(region_model: type[models.Model]) -> int:
    """Create or update the regions; returns how many rows the table has."""
    rows, source = read_table("labour_market_regions.csv")
    for row in rows:
        region_model._default_manager.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "data_version": row["data_version"], "source": source},
        )
    return len(rows)


def load_minimum_wage(rate_model: type[models.Model]) -> int:
    """Create the shipped minimum-wage rates (existing rows are left as they are)."""
    rows, source = read_table("minimum_wage_hourly.csv")
    for row in rows:
        rate_model._default_manager.get_or_create(
            valid_from=row["valid_from"],
            kind=row["kind"],
            age=int(row["age"]),
            defaults={"share": row["share"], "hourly": row["hourly"], "source": source},
        )
    return len(rows)
