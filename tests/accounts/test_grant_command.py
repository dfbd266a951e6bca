import pytest
from django.core.management import CommandError, call_command

from tests.factories import OrganisationFactory, UserFactory
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role, scope_of

pytestmark = pytest.mark.django_db


def test_grant_and_revoke_a_role(amsterdam):
    organisation = OrganisationFactory(name="Gemeente Amsterdam", municipality=amsterdam)
    user = UserFactory(username="sanne")
    call_command("grant", "sanne", "caseworker", "Gemeente Amsterdam")
    assert scope_of(user).municipalities(Role.CASEWORKER) == {amsterdam.pk}
    call_command("grant", "sanne", "caseworker", "Gemeente Amsterdam", "--revoke")
    assert not scope_of(type(user).objects.get(pk=user.pk)).has(Role.CASEWORKER)
    assert AuditEvent.objects.filter(object_type="membership", origin="cli").count() == 2
    assert organisation.memberships.get().is_active is False


def test_an_unknown_organisation_is_refused_naming_the_known_ones(amsterdam):
    OrganisationFactory(name="Gemeente Amsterdam", municipality=amsterdam)
    UserFactory(username="sanne")
    with pytest.raises(CommandError, match="Gemeente Amsterdam"):
        call_command("grant", "sanne", "caseworker", "Gemeente Amstelveen")
