"""werkpad demo [--size small|medium|large] [--seed N] [--if-empty]: load the demo data."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from werkpad.demo.data import DEFAULT_SEED, SIZES
from werkpad.demo.populate import (
    DatabaseNotEmptyError,
    database_holds_data,
    populate,
    print_logins,
)


class Command(BaseCommand):
    help = (
        "Fill an empty database with demo data (municipalities, organisations, a login "
        "per role, job seekers) and print the demo logins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            choices=list(SIZES),
            default="small",
            help="small: 500 job seekers, medium: 20,000, large: 200,000.",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="The same seed gives the same data."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds data.",
        )

    def handle(self, *args, size: str, seed: int, if_empty: bool, **options):
        if database_holds_data():
            if not if_empty:
                raise CommandError(
                    "The database already holds data (municipalities or job seekers); the demo "
                    "loads only into an empty database. Use --if-empty to skip quietly."
                )
            self.stdout.write("The database already holds data; no demo data loaded.")
        else:
            self.stdout.write(
                f"Loading demo data: size {size} ({SIZES[size]:,} job seekers), seed {seed}."
            )
            try:
                populate(size=size, seed=seed, stdout=self.stdout)
            except DatabaseNotEmptyError as error:
                raise CommandError(str(error)) from error
        print_logins(self.stdout)
