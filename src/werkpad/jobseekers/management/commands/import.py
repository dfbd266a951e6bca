"""werkpad import KIND FILE: register records from a CSV or XLSX file.

One command for every kind of import, so the acting user, the municipality,
the dry run, the progress lines and the error report work the same for each;
the kind picks the importer. An import is all-or-nothing: when any row fails,
the report says where and nothing is written.
"""

from __future__ import annotations

import csv
from argparse import RawDescriptionHelpFormatter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from werkpad.core.errors import DomainError
from werkpad.core.models import Municipality
from werkpad.jobseekers.importer.columns import ImportRefusedError, accepted_columns
from werkpad.jobseekers.importer.registry import IMPORTERS
from werkpad.jobseekers.importer.run import ImportResult, RowError

#: Errors printed on the terminal; --report FILE holds all of them.
SHOWN_ERRORS = 100


def _columns_help() -> str:
    columns = accepted_columns()
    lines = [
        f"  {name}: {', '.join(dutch)}" if dutch else f"  {name}" for name, dutch in columns.items()
    ]
    return "jobseekers columns (API name: Dutch headers):\n" + "\n".join(lines)


class _HelpFormatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    """Django's option order, and the column list in the epilog kept one per line."""


class Command(BaseCommand):
    help = "Import records from a CSV (UTF-8; ';' or ',') or XLSX file, all or nothing."

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs.setdefault("epilog", _columns_help())
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument(
            "kind",
            choices=sorted(IMPORTERS),
            metavar="KIND",
            help=f"What the file holds: {', '.join(sorted(IMPORTERS))}.",
        )
        parser.add_argument("file", type=Path, metavar="FILE", help="The CSV or XLSX file.")
        parser.add_argument(
            "--as",
            dest="as_user",
            required=True,
            metavar="USERNAME",
            help="The user in whose name the rows are registered (and audited): a caseworker "
            "for job seekers, an employer advisor for vacancies.",
        )
        parser.add_argument(
            "--municipality",
            metavar="CBS_CODE",
            help="For example GM0363; needed when that user works for several municipalities.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and report; write nothing."
        )
        parser.add_argument(
            "--report",
            type=Path,
            metavar="FILE",
            help="Also write the error report to FILE (CSV: row;column;message).",
        )

    def handle(
        self,
        *args,
        kind: str,
        file: Path,
        as_user: str,
        municipality: str | None,
        dry_run: bool,
        report: Path | None,
        verbosity: int = 1,
        **options,
    ):
        user = self._acting_user(as_user)
        find_municipality, run_import = IMPORTERS[kind]
        file = Path(file)
        if not file.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        progress = self._progress if verbosity > 0 else None
        try:
            target = find_municipality(user=user, cbs_code=municipality)
            with file.open("rb") as stream:
                result = run_import(
                    user=user,
                    municipality=target,
                    stream=stream,
                    filename=file.name,
                    dry_run=dry_run,
                    progress=progress,
                )
        except ImportRefusedError as error:
            raise CommandError("\n".join(error.problems)) from error
        except DomainError as error:
            raise CommandError(error.message) from error
        if report is not None:
            _write_report(Path(report), result.errors)
        self._finish(result, target)

    @staticmethod
    def _acting_user(username: str):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("No active user %(username)s.") % {"username": username})
        return user

    def _progress(self, done: int, total: int | None) -> None:
        if total is None:
            line = _("rows: %(done)s") % {"done": _count(done)}
        else:
            line = _("rows: %(done)s/%(total)s") % {"done": _count(done), "total": _count(total)}
        self.stderr.write(line, style_func=lambda text: text)

    def _finish(self, result: ImportResult, municipality: Municipality) -> None:
        if not result.ok:
            for error in result.errors[:SHOWN_ERRORS]:
                self.stdout.write(_format_error(error))
            hidden = len(result.errors) - SHOWN_ERRORS
            if hidden > 0:
                self.stdout.write(
                    _("... and %(count)s more; --report FILE writes them all.")
                    % {"count": _count(hidden)}
                )
            raise CommandError(
                ngettext(
                    "%(errors)s error in %(rows)s of %(total)s rows: nothing was imported.",
                    "%(errors)s errors in %(rows)s of %(total)s rows: nothing was imported.",
                    len(result.errors),
                )
                % {
                    "errors": _count(len(result.errors)),
                    "rows": _count(result.failed_rows),
                    "total": _count(result.rows),
                }
            )
        if result.dry_run:
            self.stdout.write(
                ngettext(
                    "Dry run: the %(rows)s row of %(file)s is valid; nothing was written.",
                    "Dry run: all %(rows)s rows of %(file)s are valid; nothing was written.",
                    result.rows,
                )
                % {"rows": _count(result.rows), "file": result.filename}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Imported %(count)s row from %(file)s into %(municipality)s.",
                    "Imported %(count)s rows from %(file)s into %(municipality)s.",
                    result.imported,
                )
                % {
                    "count": _count(result.imported),
                    "file": result.filename,
                    "municipality": municipality.name,
                }
            )
        )


def _count(number: int) -> str:
    """Grouped the way the reader's language writes it: 1,500 or 1.500."""
    return number_format(number, force_grouping=True)


def _format_error(error: RowError) -> str:
    if error.column:
        return _("row %(row)s, %(column)s: %(message)s") % {
            "row": error.row,
            "column": error.column,
            "message": error.message,
        }
    return _("row %(row)s: %(message)s") % {"row": error.row, "message": error.message}


def _write_report(path: Path, errors: list[RowError]) -> None:
    """Semicolon-separated UTF-8 with BOM, so Dutch Excel opens it as it is."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([_("row"), _("column"), _("message")])
        writer.writerows([error.row, error.column, error.message] for error in errors)
