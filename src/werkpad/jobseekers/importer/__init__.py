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

The package: ``columns`` declares the accepted columns and refuses a file whose
columns are wrong, ``cells`` converts cell values, ``readers`` reads CSV and
XLSX, and ``run`` imports the rows.
"""

from werkpad.jobseekers.importer.cells import (
    DUTCH_VALUES,
    _CellError,
    _choice_converter,
    _to_bool,
    _to_bsn,
    _to_date,
    _to_int,
    _to_rung,
    _to_text,
)
from werkpad.jobseekers.importer.columns import (
    COLUMN_FIELDS,
    COLUMNS,
    NAME_PREFIX,
    ColumnSpec,
    ImportRefusedError,
    _header_fields,
    accepted_columns,
    required_fields,
)
from werkpad.jobseekers.importer.run import (
    OBJECT_TYPE,
    ImportResult,
    ProgressCallback,
    RowError,
    import_municipality,
    jobseeker_import,
)

__all__ = [
    "COLUMNS",
    "COLUMN_FIELDS",
    "DUTCH_VALUES",
    "NAME_PREFIX",
    "OBJECT_TYPE",
    "ColumnSpec",
    "ImportRefusedError",
    "ImportResult",
    "ProgressCallback",
    "RowError",
    "_CellError",
    "_choice_converter",
    "_header_fields",
    "_to_bool",
    "_to_bsn",
    "_to_date",
    "_to_int",
    "_to_rung",
    "_to_text",
    "accepted_columns",
    "import_municipality",
    "jobseeker_import",
    "required_fields",
]
