"""Who may do what in the employer service (EM1-EM8).

* the employer advisors of a municipality keep its employer register and its vacancies:
  they register and change employers, take in vacancies, answer them within 72 hours,
  send updates, fill, close or withdraw them, and import external vacancies;
* the caseworkers and policy officers of the municipality read the register and the
  vacancies (caseworkers match job seekers to them; policy officers see the demand side);
* the regional vacancy file: a vacancy whose distribution reaches the labour-market
  region (not "only the municipality's own job seekers") is read by the employer advisors,
  caseworkers and policy officers of every municipality of that region; only the
  advisors of the vacancy's own municipality change it;
* an employer (role employer, a member of the employer's organisation) sees only its own
  register entry and its own vacancies, reports new ones and withdraws an open one.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules
from django.db.models import Q

from werkpad.core.models import Municipality
from werkpad.core.permissions import (
    AnyUser,
    InMunicipalityOf,
    InOrganisationOf,
    Role,
    Visibility,
    scope_of,
)
from werkpad.employers.models import Distribution
from werkpad.employers.workflow import OPEN

ADVISOR_ROLES = frozenset({Role.EMPLOYER_ADVISOR})
#: Who reads the register and the vacancies of their municipality.
READER_ROLES = frozenset({Role.EMPLOYER_ADVISOR, Role.CASEWORKER, Role.POLICY_OFFICER})
#: Who sees the demand-side aggregates (EM7).
INSIGHT_ROLES = frozenset({Role.EMPLOYER_ADVISOR, Role.POLICY_OFFICER})


@dataclass(frozen=True)
class InRegionOf:
    """Seen by whoever holds one of ``roles`` in a municipality of the object's
    labour-market region, while its distribution reaches the region."""

    roles: frozenset[str]

    def _regions(self, user: AnyUser) -> list[int]:
        municipalities = scope_of(user).municipalities(*self.roles)
        if not municipalities:
            return []
        return list(
            Municipality.objects.filter(pk__in=municipalities).values_list("region_id", flat=True)
        )

    def q(self, user: AnyUser) -> Q:
        return Q(region_id__in=self._regions(user)) & ~Q(distribution=Distribution.MUNICIPALITY)

    def holds(self, user: AnyUser, obj: object) -> bool:
        return getattr(obj, "distribution", "") != Distribution.MUNICIPALITY and getattr(
            obj, "region_id", None
        ) in self._regions(user)


EMPLOYER_VISIBILITY = Visibility(
    (
        InMunicipalityOf(READER_ROLES),
        InOrganisationOf(frozenset({Role.EMPLOYER}), "organisation_id"),
    )
)
EMPLOYER_ADVISORS = Visibility((InMunicipalityOf(ADVISOR_ROLES),))

OWN_VACANCIES = Visibility(
    (InOrganisationOf(frozenset({Role.EMPLOYER}), "employer__organisation_id"),)
)
VACANCY_ADVISORS = Visibility((InMunicipalityOf(ADVISOR_ROLES),))


@dataclass(frozen=True)
class _RegionalFile:
    """Who sees a vacancy: its municipality's readers and the employer itself (``local``),
    and the readers of the region's other municipalities while its distribution reaches
    the region; in both forms, like ``core.permissions.Visibility``."""

    local: Visibility
    regional: InRegionOf

    def q(self, user: AnyUser) -> Q:
        return self.local.q(user) | self.regional.q(user)

    def holds(self, user: AnyUser, obj: object) -> bool:
        return obj is not None and (self.local.holds(user, obj) or self.regional.holds(user, obj))


VACANCY_VISIBILITY = _RegionalFile(
    local=Visibility((InMunicipalityOf(READER_ROLES), *OWN_VACANCIES.clauses)),
    regional=InRegionOf(READER_ROLES),
)


@rules.predicate
def reads_register(user) -> bool:
    return scope_of(user).has(*READER_ROLES)


@rules.predicate
def is_advisor(user) -> bool:
    return scope_of(user).has(*ADVISOR_ROLES)


@rules.predicate
def is_employer(user) -> bool:
    return scope_of(user).has(Role.EMPLOYER)


@rules.predicate
def sees_insights(user) -> bool:
    return scope_of(user).has(*INSIGHT_ROLES)


@rules.predicate
def sees_employer(user, employer) -> bool:
    return EMPLOYER_VISIBILITY.holds(user, employer)


@rules.predicate
def keeps_employer(user, employer) -> bool:
    return EMPLOYER_ADVISORS.holds(user, employer)


@rules.predicate
def reports_for(user, employer) -> bool:
    """An employer reports vacancies for its own organisation only."""
    return employer is not None and employer.organisation_id in scope_of(user).organisations(
        Role.EMPLOYER
    )


@rules.predicate
def sees_vacancy(user, vacancy) -> bool:
    return VACANCY_VISIBILITY.holds(user, vacancy)


@rules.predicate
def handles_vacancy(user, vacancy) -> bool:
    return VACANCY_ADVISORS.holds(user, vacancy)


@rules.predicate
def withdraws_vacancy(user, vacancy) -> bool:
    """The advisors of the municipality, or the employer for its own open vacancy."""
    return VACANCY_ADVISORS.holds(user, vacancy) or (
        OWN_VACANCIES.holds(user, vacancy) and vacancy.status in OPEN
    )


rules.add_perm("employers.list_employer", reads_register)
rules.add_perm("employers.add_employer", is_advisor)
rules.add_perm("employers.view_employer", sees_employer)
rules.add_perm("employers.change_employer", keeps_employer)
rules.add_perm("employers.view_insights", sees_insights)
rules.add_perm("employers.list_vacancy", reads_register | is_employer)
rules.add_perm("employers.intake_vacancy", is_advisor)
rules.add_perm("employers.import_vacancy", is_advisor)
rules.add_perm("employers.report_vacancy", reports_for)
rules.add_perm("employers.view_vacancy", sees_vacancy)
rules.add_perm("employers.handle_vacancy", handles_vacancy)
rules.add_perm("employers.withdraw_vacancy", withdraws_vacancy)
