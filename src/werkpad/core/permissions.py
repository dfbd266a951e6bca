"""Roles and the scope a user acts in: the one place access starts from.

A user holds memberships (organisation x role). ``scope_of(user)`` reads them
once per request and answers the questions every rule asks: does this user
hold role R, and in which municipalities or organisations? Each app's
``rules.py`` builds its predicates on top of this; selectors use it to narrow
querysets to what the user may see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError

if TYPE_CHECKING:
    # django-stubs' alias of ``settings.AUTH_USER_MODEL`` (``accounts.User``) or
    # ``AnonymousUser``: core names the user model without importing its app.
    from django.contrib.auth.models import _AnyUser

#: Who a request or an action is for: a user, or a visitor not logged in.
AnyUser: TypeAlias = "_AnyUser"


class Role(models.TextChoices):
    JOB_SEEKER = "job_seeker", _("Job seeker")
    CASEWORKER = "caseworker", _("Caseworker")
    COACH = "coach", _("Provider coach")
    EMPLOYER_ADVISOR = "employer_advisor", _("Employer advisor")
    EMPLOYER = "employer", _("Employer")
    ADVISOR = "advisor", _("Independent labour advisor")
    COMPLAINT_HANDLER = "complaint_handler", _("Complaint handler")
    COUNCIL_MEMBER = "council_member", _("Client council member")
    POLICY_OFFICER = "policy_officer", _("Policy officer")
    FUNCTIONAL_ADMIN = "functional_admin", _("Functional administrator")


#: Roles that may read job seekers' files of their municipality.
FILE_ROLES = frozenset({Role.CASEWORKER})
#: Roles that see aggregates of their municipality.
AGGREGATE_ROLES = frozenset(
    {Role.CASEWORKER, Role.POLICY_OFFICER, Role.COUNCIL_MEMBER, Role.FUNCTIONAL_ADMIN}
)
#: Roles whose aggregates carry no cell under WERKPAD_MIN_CELL.
SUPPRESSED_ROLES = frozenset({Role.COUNCIL_MEMBER})
#: Staff roles: they log in with a second factor in production.
STAFF_ROLES = frozenset(set(Role) - {Role.JOB_SEEKER, Role.EMPLOYER})


@dataclass(frozen=True)
class Grant:
    role: str
    organisation_id: int
    organisation_name: str
    municipality_id: int


@dataclass(frozen=True)
class Scope:
    user_id: int | None
    grants: tuple[Grant, ...] = field(default_factory=tuple)

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(g.role for g in self.grants)

    def has(self, *roles: str) -> bool:
        return any(g.role in roles for g in self.grants)

    def municipalities(self, *roles: str) -> frozenset[int]:
        return frozenset(g.municipality_id for g in self.grants if g.role in roles)

    def organisations(self, *roles: str) -> frozenset[int]:
        return frozenset(g.organisation_id for g in self.grants if g.role in roles)

    @property
    def primary(self) -> Grant | None:
        return self.grants[0] if self.grants else None


_EMPTY = Scope(user_id=None)


#: Where grants come from: ``accounts`` registers its memberships from its
#: ``AppConfig.ready`` (``register_grant_source``), so that core imports no app.
_GRANT_SOURCE: Callable[[int], Iterable[Grant]] | None = None


def register_grant_source(source: Callable[[int], Iterable[Grant]]) -> None:
    """Called once from ``accounts``' ``ready``: ``source(user_id)`` gives the user's
    active grants, oldest first."""
    global _GRANT_SOURCE
    _GRANT_SOURCE = source


#: The attribute of the user object that keeps its scope for the rest of the request.
_CACHED_SCOPE = "_werkpad_scope"


def scope_of(user: AnyUser | None) -> Scope:
    """The user's active grants, read once and kept on the user object."""
    if user is None or not user.is_authenticated:
        return _EMPTY
    cached = getattr(user, _CACHED_SCOPE, None)
    if isinstance(cached, Scope):
        return cached
    if _GRANT_SOURCE is None:
        raise RuntimeError("No grant source registered: is werkpad.accounts installed?")
    user_id: int = user.pk
    scope = Scope(user_id=user_id, grants=tuple(_GRANT_SOURCE(user_id)))
    setattr(user, _CACHED_SCOPE, scope)
    return scope


def forget_scope(user: AnyUser) -> None:
    """Drop the cached scope (after a membership changed)."""
    if hasattr(user, _CACHED_SCOPE):
        delattr(user, _CACHED_SCOPE)


def acting_municipality_id(
    user: AnyUser,
    roles: Iterable[str],
    *,
    named: int | None = None,
    ask_when_several: bool = False,
    denied_code: str = "permission-denied",
) -> int:
    """The municipality this user acts for in one of ``roles``: the one ``named`` (it must be
    one of theirs), or, none named, their first (in the order of their grants; with
    ``ask_when_several`` someone who works for several must name one). The one answer to
    that question: pages, the API, the importer, the aggregates and the audit log use it.

    Raises ``PermissionDeniedError`` (``denied_code``) for a user who acts for none and
    ``InvalidInputError`` on ``municipality`` for one not theirs or not named.
    """
    wanted = set(roles)
    allowed = list(
        dict.fromkeys(g.municipality_id for g in scope_of(user).grants if g.role in wanted)
    )
    if not allowed:
        raise PermissionDeniedError(code=denied_code)
    if named is None:
        if ask_when_several and len(allowed) > 1:
            raise InvalidInputError(
                {"municipality": [_("You work for several municipalities: name one.")]},
                codes={"municipality": "municipality-required"},
            )
        return allowed[0]
    if named not in allowed:
        raise InvalidInputError(
            {"municipality": [_("You do not work for this municipality.")]},
            codes={"municipality": "municipality-not-yours"},
        )
    return named


# --- who sees which objects: one definition, two forms ------------------------------


def _value(obj: object, path: str) -> object:
    """``obj.a.b`` for the queryset path ``a__b``."""
    for part in path.split("__"):
        obj = getattr(obj, part)
    return obj


@dataclass(frozen=True)
class InMunicipalityOf:
    """Seen by whoever holds one of ``roles`` in the object's municipality (``field``)."""

    roles: frozenset[str]
    field: str = "municipality_id"

    def q(self, user: AnyUser) -> models.Q:
        return models.Q(**{f"{self.field}__in": scope_of(user).municipalities(*self.roles)})

    def holds(self, user: AnyUser, obj: object) -> bool:
        return _value(obj, self.field) in scope_of(user).municipalities(*self.roles)


@dataclass(frozen=True)
class InOrganisationOf:
    """Seen by whoever holds one of ``roles`` in the organisation the object names
    (``field``), such as a provider's coaches."""

    roles: frozenset[str]
    field: str = "organisation_id"

    def q(self, user: AnyUser) -> models.Q:
        return models.Q(**{f"{self.field}__in": scope_of(user).organisations(*self.roles)})

    def holds(self, user: AnyUser, obj: object) -> bool:
        return _value(obj, self.field) in scope_of(user).organisations(*self.roles)


@dataclass(frozen=True)
class OwnedBy:
    """Seen by the user the object belongs to (``field`` holds their id), holding
    ``role`` when one is named."""

    field: str = "user_id"
    role: str | None = None

    def _applies(self, user: AnyUser) -> bool:
        return bool(user.is_authenticated) and (self.role is None or scope_of(user).has(self.role))

    def q(self, user: AnyUser) -> models.Q:
        if not self._applies(user):
            return models.Q(pk__in=[])
        return models.Q(**{self.field: user.pk})

    def holds(self, user: AnyUser, obj: object) -> bool:
        return self._applies(user) and _value(obj, self.field) == user.pk


@dataclass(frozen=True)
class Condition:
    """A condition on the object itself, in both forms: ``q()`` for a queryset and
    ``holds(obj)`` for one object, written side by side so that they agree."""

    q: Callable[[], models.Q]
    holds: Callable[[Any], bool]


@dataclass(frozen=True)
class When:
    """A clause that holds only while ``condition`` does (a coach's access that ends, a
    job seeker's plan once something was shared with them)."""

    clause: InMunicipalityOf | InOrganisationOf | OwnedBy
    condition: Condition

    def q(self, user: AnyUser) -> models.Q:
        return self.clause.q(user) & self.condition.q()

    def holds(self, user: AnyUser, obj: object) -> bool:
        return self.clause.holds(user, obj) and self.condition.holds(obj)


Clause: TypeAlias = InMunicipalityOf | InOrganisationOf | OwnedBy | When


@dataclass(frozen=True)
class Visibility:
    """Who sees an object kind, defined once: as a ``Q`` for the selectors' querysets
    (``q``) and as the test of one object for the ``rules`` predicates (``holds``). An
    object is seen when any clause holds."""

    clauses: tuple[Clause, ...]

    def q(self, user: AnyUser) -> models.Q:
        query = models.Q(pk__in=[])
        for clause in self.clauses:
            query |= clause.q(user)
        return query

    def holds(self, user: AnyUser, obj: object) -> bool:
        return obj is not None and any(clause.holds(user, obj) for clause in self.clauses)


_Object = TypeVar("_Object", bound=models.Model)


def visible_for(
    user: AnyUser,
    obj: _Object | None,
    *,
    kind: str,
    view: str,
    actions: Mapping[str, str] | None = None,
    for_action: str | None = None,
    not_found: str | None = None,
) -> _Object:
    """The one access decision a selector makes for an object it found (or None): 404
    (``{kind}-not-found``) for someone the ``view`` permission does not let see it, then
    403 (``{kind}-{for_action}-denied``) for someone who may see it but not take
    ``for_action``, whose permission ``actions`` names. Nothing is read or audited yet."""
    if obj is None or not user.has_perm(view, obj):
        raise NotFoundError(not_found, code=f"{kind}-not-found")
    if for_action is not None and not user.has_perm((actions or {})[for_action], obj):
        raise PermissionDeniedError(code=f"{kind}-{for_action}-denied")
    return obj
