"""Who may do what with the client council's work (CO1-CO3): the one place it is decided.

A client council is an ``Organisation`` of kind ``council``; its members hold the
``council_member`` role in it. The municipality's policy officers work with their
own municipality's council. Sections below add the decisions per object kind.
"""

from __future__ import annotations

from django.db import models

from werkpad.core.models import Organisation
from werkpad.core.permissions import AnyUser, Role, scope_of


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

import rules  # noqa: E402

from werkpad.core.permissions import (  # noqa: E402
    Condition,
    InMunicipalityOf,
    InOrganisationOf,
    Visibility,
    When,
)

#: Who writes and publishes results reports.
REPORT_WRITERS = (Role.POLICY_OFFICER,)
#: Who reads the reports: the writers, the functional admin and the council's members.
REPORT_READERS = (Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN, Role.COUNCIL_MEMBER)

_PUBLISHED = Condition(
    q=lambda: models.Q(status="published"), holds=lambda report: report.status == "published"
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
