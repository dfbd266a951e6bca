"""werkpad reset_second_factor USERNAME: the user sets up their authenticator app again.

For a lost phone, or an enrolment someone else may have seen. Audited.
"""

import getpass

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from werkpad.accounts.services import two_factor_reset


class Command(BaseCommand):
    help = "Remove a user's authenticator so that they set it up again at their next login."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user '{username}'.")
        removed = two_factor_reset(user=user, by=f"command line ({getpass.getuser()})")
        self.stdout.write(
            f"{username}: authenticator removed; set up again at the next login."
            if removed
            else f"{username} had no authenticator; the next login sets one up."
        )
