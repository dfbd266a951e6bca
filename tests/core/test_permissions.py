"""The scope a user acts in: read once, from active memberships only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import UserFactory
from werkpad.accounts.models import User
from werkpad.accounts.services import membership_grant
from werkpad.core.models import Organisation
from werkpad.core.permissions import (
    AGGREGATE_ROLES,
    FILE_ROLES,
    STAFF_ROLES,
    SUPPRESSED_ROLES,
    Role,
    forget_scope,
    scope_of,
)

pytestmark = pytest.mark.django_db


def test_an_anonymous_user_holds_no_role():
    scope = scope_of(AnonymousUser())
    assert scope.roles == frozenset()
    assert scope.primary is None
    assert scope_of(None).municipalities(*Role) == frozenset()


def test_the_scope_names_roles_municipalities_and_organisations(caseworker, amsterdam):
    scope = scope_of(caseworker)
    assert scope.roles == {Role.CASEWORKER}
    assert scope.has(Role.CASEWORKER, Role.COACH)
    assert not scope.has(Role.COACH)
    assert scope.municipalities(Role.CASEWORKER) == {amsterdam.pk}
    assert scope.municipalities(Role.POLICY_OFFICER) == frozenset()
    assert scope.organisations(Role.CASEWORKER) == {scope.primary.organisation_id}


def test_the_scope_is_read_once_per_user_object(caseworker, django_assert_num_queries):
    user = User.objects.get(pk=caseworker.pk)
    with django_assert_num_queries(1):
        scope_of(user)
        scope_of(user)


def test_a_new_membership_counts_after_the_scope_is_forgotten(caseworker, zaandam):
    user = User.objects.get(pk=caseworker.pk)
    assert zaandam.pk not in scope_of(user).municipalities(Role.CASEWORKER)
    organisation = Organisation.objects.create(
        name="Gemeente Zaanstad", kind=Organisation.Kind.MUNICIPALITY, municipality=zaandam
    )
    membership_grant(user=user, organisation=organisation, role=Role.CASEWORKER)
    assert zaandam.pk in scope_of(user).municipalities(Role.CASEWORKER)


def test_inactive_memberships_grant_nothing(caseworker):
    caseworker.memberships.update(is_active=False)
    forget_scope(caseworker)
    assert scope_of(caseworker).roles == frozenset()


def test_one_user_may_hold_several_roles(amsterdam):
    user = UserFactory.with_role(Role.POLICY_OFFICER, municipality=amsterdam)
    organisation = user.memberships.get().organisation
    membership_grant(user=user, organisation=organisation, role=Role.FUNCTIONAL_ADMIN)
    assert scope_of(user).roles == {Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN}


def test_the_role_groups_follow_the_design():
    assert {Role.CASEWORKER} == FILE_ROLES
    assert {Role.COUNCIL_MEMBER} == SUPPRESSED_ROLES
    assert SUPPRESSED_ROLES <= AGGREGATE_ROLES
    assert {Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN} <= AGGREGATE_ROLES
    assert Role.JOB_SEEKER not in AGGREGATE_ROLES
    assert Role.JOB_SEEKER not in STAFF_ROLES and Role.EMPLOYER not in STAFF_ROLES
    assert len(Role) == 10
