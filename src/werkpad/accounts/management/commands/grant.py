"""werkpad grant USERNAME ROLE ORGANISATION: give a user a role in an organisation.

werkpad grant sanne caseworker "Gemeente Amsterdam"
werkpad grant sanne caseworker "Gemeente Amsterdam" --revoke
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from werkpad.accounts.services import membership_grant, membership_revoke
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role


class Command(BaseCommand):
    help = "Give a user a role in an organisation (or take it away with --revoke)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=[role.value for role in Role])
        parser.add_argument("organisation", help="The organisation's exact name.")
        parser.add_argument("--revoke", action="store_true", help="Take the role away.")

    @transaction.atomic
    def handle(self, *args, username, role, organisation, revoke, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                f"No user '{username}'. Create one with `werkpad createsuperuser` "
                "or through your login broker first."
            )
        matches = list(Organisation.objects.filter(name=organisation))
        if len(matches) != 1:
            known = ", ".join(Organisation.objects.order_by("name").values_list("name", flat=True))
            raise CommandError(f"No single organisation named '{organisation}'. Known: {known}")
        if revoke:
            changed = membership_revoke(user=user, organisation=matches[0], role=role)
            self.stdout.write(f"{username}: {role} at {organisation} revoked ({changed}).")
            return
        membership_grant(user=user, organisation=matches[0], role=role)
        self.stdout.write(f"{username}: {role} at {organisation}.")
