"""The kinds ``werkpad import KIND FILE`` knows. Job seekers are this app's own; an app
above it registers its kind from its ``AppConfig.ready`` (``register_importer``), so this
app imports none of them. Each kind gives how to find the municipality to import into
(``find(user=, cbs_code=)``) and how to import a file (``run(user=, municipality=,
stream=, filename=, dry_run=, progress=)`` returning an ``ImportResult``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkpad.jobseekers.importer import run as jobseeker_importer

Importer = tuple[Callable[..., Any], Callable[..., Any]]

IMPORTERS: dict[str, Importer] = {
    "jobseekers": (jobseeker_importer.import_municipality, jobseeker_importer.jobseeker_import),
}


def register_importer(kind: str, *, find: Callable[..., Any], run: Callable[..., Any]) -> None:
    """Add (or replace) the importer of ``kind``."""
    IMPORTERS[kind] = (find, run)
