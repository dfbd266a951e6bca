"""Who may do what with the client council's work (CO1-CO3): the one place it is decided.

A client council is an ``Organisation`` of kind ``council``; its members hold the
``council_member`` role in it. The municipality's policy officers work with their
own municipality's council. Sections below add the decisions per object kind.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from werkpad.core.models import Organisation
from werkpad.core.permissions import (
    AnyUser,
    Condition,
    InMunicipalityOf,
    InOrganisationOf,
    Role,
    Visibility,
    When,
    scope_of,
)


def councils_of(user: AnyUser) -> frozenset[int]:
    """The ids of the councils ``user`` is a member of."""
    return scope_of(user).organisations(Role.COUNCIL_MEMBER)


def council_of_municipality(municipality_id: int) -> Organisation | None:
    """The municipality's client council, if it has one."""
    return (
        Organisation.objects.filter(municipality_id=municipality_id, kind=Organisation.Kind.COUNCIL)
        .order_by("pk")
        .first()
    )


# --- results reports (CO2) -----------------------------------------------------------
#
# * the policy officers of a municipality see all its reports, write drafts and
#   publish them; its functional administrators read them;
# * the members of the municipality's council see the published reports sent to it;
# * every other role sees none of it.


#: Who writes and publishes results reports.
REPORT_WRITERS = (Role.POLICY_OFFICER,)
#: Who reads the reports: the writers, the functional admin and the council's members.
REPORT_READERS = (Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN, Role.COUNCIL_MEMBER)

_PUBLISHED = Condition(
    q=lambda: Q(status="published"), holds=lambda report: report.status == "published"
)
#: Who sees a report; ``reports.selectors`` filters with the same definition.
REPORT_VISIBILITY = Visibility(
    (
        InMunicipalityOf(frozenset({Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN})),
        When(InOrganisationOf(frozenset({Role.COUNCIL_MEMBER}), field="council_id"), _PUBLISHED),
    )
)


@rules.predicate
def reads_reports(user) -> bool:
    return scope_of(user).has(*REPORT_READERS)


@rules.predicate
def writes_reports(user) -> bool:
    return scope_of(user).has(*REPORT_WRITERS)


@rules.predicate
def sees_report(user, report) -> bool:
    return REPORT_VISIBILITY.holds(user, report)


@rules.predicate
def publishes_report(user, report) -> bool:
    return report is not None and report.municipality_id in scope_of(user).municipalities(
        *REPORT_WRITERS
    )


rules.add_perm("council.list_resultsreport", reads_reports)
rules.add_perm("council.add_resultsreport", writes_reports)
rules.add_perm("council.view_resultsreport", sees_report)
rules.add_perm("council.publish_resultsreport", publishes_report)


# --- assessments with the LCR checklist (CO3) ---------------------------------------
#
# * a council's members read their council's assessments and, while one is a draft,
#   answer it, finalise it; a final one they may share with the region;
# * the members of the other councils of the same labour-market region read an
#   assessment shared with the region, read-only, and see the regional overview;
# * the municipality's policy officer reads its council's FINAL assessments (what the
#   council sends to the alderman), never a draft, and reads the checklist;
# * nobody else sees any of it.

#: Who reads the checklist itself and lists assessments.
CHECKLIST_READERS = (Role.COUNCIL_MEMBER, Role.POLICY_OFFICER)


def regions_of_councils(user: AnyUser) -> frozenset[int]:
    """The labour-market regions of the municipalities of ``user``'s councils."""
    councils = councils_of(user)
    if not councils:
        return frozenset()
    return frozenset(
        region
        for region in Organisation.objects.filter(pk__in=councils).values_list(
            "municipality__region_id", flat=True
        )
        if region is not None
    )


def assessment_visibility(user: AnyUser) -> Q:
    """The assessments ``user`` may read; the ``council.view_assessment`` rule holds the
    same definition for one object."""
    if user is None or not user.is_authenticated:
        return Q(pk__in=[])
    councils = councils_of(user)
    query = Q(council_id__in=councils)
    regions = regions_of_councils(user)
    if regions:
        query |= Q(
            shared_with_region=True,
            status="final",
            municipality__region_id__in=regions,
        )
    policy = scope_of(user).municipalities(Role.POLICY_OFFICER)
    if policy:
        query |= Q(
            status="final", municipality_id__in=policy, council__kind=Organisation.Kind.COUNCIL
        )
    return query


@rules.predicate
def reads_checklist(user) -> bool:
    return scope_of(user).has(*CHECKLIST_READERS)


@rules.predicate
def is_council_member(user) -> bool:
    return bool(councils_of(user))


@rules.predicate
def sees_assessment(user, assessment) -> bool:
    if assessment is None:
        return False
    if assessment.council_id in councils_of(user):
        return True
    if assessment.status != "final":
        return False
    if assessment.shared_with_region and (
        assessment.municipality.region_id in regions_of_councils(user)
    ):
        return True
    return assessment.municipality_id in scope_of(user).municipalities(Role.POLICY_OFFICER)


@rules.predicate
def answers_assessment(user, assessment) -> bool:
    """A member of the assessment's own council, while it is a draft."""
    return (
        assessment is not None
        and assessment.council_id in councils_of(user)
        and assessment.status == "draft"
    )


@rules.predicate
def shares_assessment(user, assessment) -> bool:
    """A member of the assessment's own council, once it is final."""
    return (
        assessment is not None
        and assessment.council_id in councils_of(user)
        and assessment.status == "final"
    )


@rules.predicate
def owns_assessment(user, assessment) -> bool:
    """A member of the assessment's own council (compare, export of a draft)."""
    return assessment is not None and assessment.council_id in councils_of(user)


rules.add_perm("council.view_checklist", reads_checklist)
rules.add_perm("council.list_assessment", reads_checklist)
rules.add_perm("council.add_assessment", is_council_member)
rules.add_perm("council.view_assessment", sees_assessment)
rules.add_perm("council.change_assessment", answers_assessment)
rules.add_perm("council.finalise_assessment", owns_assessment)
rules.add_perm("council.share_assessment", shares_assessment)
rules.add_perm("council.view_regional_overview", is_council_member)


# --- advice requests (CO1) --------------------------------------------------------------
#
# * the council members of the addressed council see its requests once sent (and their
#   own unasked advice, draft included), write and send the advice and ask for a longer
#   term; a neighbouring council sees none of them;
# * the municipality's policy officers see its requests (not the council's unasked advice
#   while it is the council's draft), prepare, send and withdraw them, respond to the
#   advice and decide on a longer term;
# * the municipality's functional administrators read what the policy officers see;
# * every other role sees none of it.

ADVICE_COUNCIL_ROLES = (Role.COUNCIL_MEMBER,)
ADVICE_MUNICIPALITY_ROLES = (Role.POLICY_OFFICER,)
ADVICE_READER_ROLES = (*ADVICE_COUNCIL_ROLES, *ADVICE_MUNICIPALITY_ROLES, Role.FUNCTIONAL_ADMIN)


def _sent_or_unasked() -> Condition:
    """The council sees a request once it was sent (withdrawn afterwards included), never
    the municipality's draft, nor a draft it withdrew unsent; its own unasked advice always."""
    return Condition(
        q=lambda: Q(unasked=True) | Q(sent_at__isnull=False),
        holds=lambda r: r.unasked or r.sent_at is not None,
    )


def _not_council_draft() -> Condition:
    return Condition(
        q=lambda: ~Q(status="draft", unasked=True),
        holds=lambda r: not (r.status == "draft" and r.unasked),
    )


ADVICE_COUNCIL = Visibility(
    (
        When(
            InOrganisationOf(frozenset(ADVICE_COUNCIL_ROLES), "council_id"),
            _sent_or_unasked(),
        ),
    )
)
ADVICE_MUNICIPALITY = Visibility(
    (
        When(
            InMunicipalityOf(frozenset({*ADVICE_MUNICIPALITY_ROLES, Role.FUNCTIONAL_ADMIN})),
            _not_council_draft(),
        ),
    )
)
#: Who sees an advice request; ``advice.selectors.advice_request_scope`` filters with it.
ADVICE_VISIBILITY = Visibility((*ADVICE_COUNCIL.clauses, *ADVICE_MUNICIPALITY.clauses))


@rules.predicate
def reads_advice(user) -> bool:
    return scope_of(user).has(*ADVICE_READER_ROLES)


@rules.predicate
def requests_advice(user) -> bool:
    return scope_of(user).has(*ADVICE_MUNICIPALITY_ROLES)


@rules.predicate
def gives_unasked_advice(user) -> bool:
    return scope_of(user).has(*ADVICE_COUNCIL_ROLES)


@rules.predicate
def sees_advice_request(user, request) -> bool:
    return ADVICE_VISIBILITY.holds(user, request)


@rules.predicate
def handles_advice_request(user, request) -> bool:
    """The municipality's side: send, withdraw, respond, decide on a longer term."""
    return request is not None and request.municipality_id in scope_of(user).municipalities(
        *ADVICE_MUNICIPALITY_ROLES
    )


@rules.predicate
def advises_on(user, request) -> bool:
    """The council's side: write and send the advice, ask for a longer term."""
    return request is not None and request.council_id in scope_of(user).organisations(
        *ADVICE_COUNCIL_ROLES
    )


@rules.predicate
def reads_advice_text(user, request) -> bool:
    """The council's advice is its own until it sends it; from then on everyone who sees
    the request reads it."""
    return request is not None and (request.advised_at is not None or advises_on(user, request))


rules.add_perm("council.read_advice", reads_advice_text)
rules.add_perm("council.list_advicerequest", reads_advice)
rules.add_perm("council.add_advicerequest", requests_advice)
rules.add_perm("council.add_unasked_advice", gives_unasked_advice)
rules.add_perm("council.view_advicerequest", sees_advice_request)
rules.add_perm("council.handle_advicerequest", handles_advice_request)
rules.add_perm("council.advise", advises_on)
