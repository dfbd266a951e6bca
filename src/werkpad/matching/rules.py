"""Who may see and do what in matching (MA1, EM6, EM9, TR4): the one place.

* A job seeker's search profile: the caseworkers of the job seeker's municipality
  see, edit and confirm it (they hold the file).
* A vacancy's ranked candidates: the employer advisors and the caseworkers of the
  vacancy's municipality. Only who may read files there (``FILE_ROLES``: the
  caseworker) sees the candidates' names; the employer advisor sees each candidate
  by pseudonym with the score and the explanation, and proposes candidates
  (``Preselection``). Nobody sees a limitation (health) in a ranking.
* A job seeker's ranked vacancies: the caseworkers of the job seeker's municipality.
* The candidate file: employers (role EMPLOYER, in the register of a municipality)
  search the pseudonymised profiles of that municipality's job seekers who gave
  their consent to employers and whose profile was confirmed current; they see
  only the parts consented to, never the health part.
* An introduction request: the employer who asked it and the job seeker it is for
  see it; the employer asks and withdraws it, the job seeker agrees or declines;
  the employer advisors of the municipality follow it (by pseudonym). The
  employer sees the name and the shared contact details only once agreed.
* The market plan (aggregates, no names): the employer advisors.
"""

from __future__ import annotations

import rules

from werkpad.core.permissions import (
    FILE_ROLES,
    InMunicipalityOf,
    InOrganisationOf,
    OwnedBy,
    Role,
    Visibility,
    scope_of,
)

ADVISORS = frozenset({Role.EMPLOYER_ADVISOR})
#: Who reads vacancies' rankings in a municipality.
RANKING_ROLES = FILE_ROLES | ADVISORS

PROFILE_VISIBILITY = Visibility((InMunicipalityOf(FILE_ROLES),))
RANKING_VISIBILITY = Visibility((InMunicipalityOf(RANKING_ROLES),))
INTRODUCTION_EMPLOYER = Visibility(
    (InOrganisationOf(frozenset({Role.EMPLOYER}), "employer__organisation_id"),)
)
INTRODUCTION_OWN = Visibility((OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER),))
INTRODUCTION_ADVISORS = Visibility((InMunicipalityOf(ADVISORS),))
#: Who sees an introduction request; ``selectors.introduction_scope`` filters the same.
INTRODUCTION_VISIBILITY = Visibility(
    (
        *INTRODUCTION_EMPLOYER.clauses,
        *INTRODUCTION_OWN.clauses,
        *INTRODUCTION_ADVISORS.clauses,
    )
)


def shows_names(user, municipality_id: int) -> bool:
    """Whether a ranking of this municipality shows the candidates' names to the user:
    only to who may read the files there."""
    return municipality_id in scope_of(user).municipalities(*FILE_ROLES)


def employer_organisations(user) -> frozenset[int]:
    """The organisations the user acts for as an employer."""
    return scope_of(user).organisations(Role.EMPLOYER)


@rules.predicate
def keeps_profile(user, job_seeker) -> bool:
    return PROFILE_VISIBILITY.holds(user, job_seeker)


@rules.predicate
def ranks_vacancy(user, vacancy) -> bool:
    return RANKING_VISIBILITY.holds(user, vacancy)


@rules.predicate
def preselects_for(user, vacancy) -> bool:
    return vacancy is not None and vacancy.municipality_id in scope_of(user).municipalities(
        *ADVISORS
    )


@rules.predicate
def is_employer(user) -> bool:
    return scope_of(user).has(Role.EMPLOYER)


@rules.predicate
def is_advisor(user) -> bool:
    return scope_of(user).has(*ADVISORS)


@rules.predicate
def sees_introduction(user, introduction) -> bool:
    return INTRODUCTION_VISIBILITY.holds(user, introduction)


@rules.predicate
def asked_introduction(user, introduction) -> bool:
    return INTRODUCTION_EMPLOYER.holds(user, introduction)


@rules.predicate
def answers_introduction(user, introduction) -> bool:
    return INTRODUCTION_OWN.holds(user, introduction)


rules.add_perm("matching.change_searchprofile", keeps_profile)
rules.add_perm("matching.rank_vacancy", ranks_vacancy)
rules.add_perm("matching.add_preselection", preselects_for)
rules.add_perm("matching.search_candidates", is_employer)
rules.add_perm("matching.view_market_plan", is_advisor)
rules.add_perm("matching.view_introduction", sees_introduction)
rules.add_perm("matching.withdraw_introduction", asked_introduction)
rules.add_perm("matching.answer_introduction", answers_introduction)
