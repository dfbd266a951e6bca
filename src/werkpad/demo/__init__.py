"""Demo data: a municipality's re-integration work with realistic job seekers.

``populate`` fills an empty database (``werkpad demo``); ``create_job_seekers``
bulk-creates job seekers for one municipality (the benchmarks use it). The
same seed gives the same data.
"""

from werkpad.demo.data import DEFAULT_SEED, DEMO_PASSWORD, SIZES
from werkpad.demo.jobseekers import create_job_seekers
from werkpad.demo.populate import (
    DatabaseNotEmptyError,
    database_holds_data,
    demo_anchor,
    populate,
    print_logins,
)

__all__ = [
    "DEFAULT_SEED",
    "DEMO_PASSWORD",
    "SIZES",
    "DatabaseNotEmptyError",
    "create_job_seekers",
    "database_holds_data",
    "demo_anchor",
    "populate",
    "print_logins",
]
