"""Who may see and change consents (RI5, TR4).

* the job seeker sees their own consents and gives, refuses or withdraws them;
* the caseworkers of the job seeker's municipality see them, ask for them and record a
  consent or a withdrawal given on paper, at the desk or by phone;
* nobody else: a coach or an advisor does not list consents, they only read fewer fields
  (``selectors.shared_parts``).
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import (
    FILE_ROLES,
    InMunicipalityOf,
    OwnedBy,
    Role,
    Visibility,
    scope_of,
)

CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES),))
OWN = Visibility((OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER),))
#: Who sees a consent; ``selectors.consent_scope`` filters with the same definition.
CONSENT_VISIBILITY = Visibility((*CASEWORKERS.clauses, *OWN.clauses))


@rules.predicate
def sees_consent(user, consent) -> bool:
    return CONSENT_VISIBILITY.holds(user, consent)


@rules.predicate
def is_own(user, consent) -> bool:
    return OWN.holds(user, consent)


@rules.predicate
def is_caseworker_of(user, consent) -> bool:
    return CASEWORKERS.holds(user, consent)


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


rules.add_perm("consents.view_consent", sees_consent)
# The job seeker answers on their own pages; a caseworker records what the job seeker
# said on paper, at the desk or by phone. The status decides the rest (a 409).
rules.add_perm("consents.answer", is_own | is_caseworker_of)
# Asking for a consent: a caseworker of the job seeker's municipality.
rules.add_perm("consents.request", is_caseworker)
