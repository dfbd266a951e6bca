"""werkpad minimum_wage: show the statutory minimum-wage table, or add a new date.

werkpad minimum_wage list
werkpad minimum_wage add 2026-07-01 15.00 --source "SZW decision 2026-..."

Adding a date runs the wage checks that wait for it again, in the same transaction.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkpad.core.errors import DomainError
from werkpad.core.minimum_wage import minimum_wage_add, table


class Command(BaseCommand):
    help = "Show the statutory minimum-wage table, or add the amounts of a new date."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="Print every rate.")
        add = sub.add_parser("add", help="Add a new indexation date from its adult amount.")
        add.add_argument("valid_from", help="1 January or 1 July, as YYYY-MM-DD.")
        add.add_argument("adult_hourly", help="The published hourly amount for 21 and older.")
        add.add_argument("--source", required=True, help="The published decision.")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "list":
            for row in table():
                self.stdout.write(
                    f"{row.valid_from}  {row.kind:8} {row.age:>2}  {row.share:.3f}  {row.hourly:>6}"
                )
            return
        try:
            valid_from = dt.date.fromisoformat(options["valid_from"])
            adult = Decimal(options["adult_hourly"].replace(",", "."))
        except (ValueError, InvalidOperation) as error:
            raise CommandError("Give the date as YYYY-MM-DD and the amount as 15.00.") from error
        try:
            added = minimum_wage_add(
                valid_from=valid_from, adult_hourly=adult, source=options["source"]
            )
        except DomainError as error:
            raise CommandError(error.message) from error
        for row in added.rows:
            self.stdout.write(f"{row.valid_from}  {row.kind:8} {row.age:>2}  {row.hourly:>6}")
        self.stdout.write(
            f"wage checks run again: {added.recheck.rechecked}, "
            f"below the minimum: {added.recheck.below_minimum}"
        )
