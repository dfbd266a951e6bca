"""Who handles a complaint: the municipality's rules per subject (RI2).

A complaint about the conduct of a provider's coach goes to that provider first; anything
about the municipality goes to the municipality. The functional administrator changes
the rules per municipality (``ComplaintRoutingRule``); a subject without a rule has the
default below. An employer's complaint always goes to the municipality: its employer
service is the municipality's, and no provider sees an employer's complaint.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkpad.complaints.models import ComplaintRoutingRule, HandledBy, Subject
from werkpad.core.models import Organisation

#: The rules a municipality has until its functional administrator changes one.
DEFAULTS: dict[str, str] = {
    Subject.PROVIDER_CONDUCT: HandledBy.PROVIDER,
    Subject.MUNICIPALITY_CONDUCT: HandledBy.MUNICIPALITY,
    Subject.TRAJECTORY: HandledBy.MUNICIPALITY,
    Subject.EMPLOYER_SERVICE: HandledBy.MUNICIPALITY,
    Subject.OTHER: HandledBy.MUNICIPALITY,
}


@dataclass(frozen=True)
class Route:
    """Where a complaint goes, and the rule that sent it there."""

    organisation: Organisation
    subject: str
    handled_by: str


def rules_of(municipality_id: int) -> dict[str, str]:
    """Subject -> who handles it, in this municipality: its rules over the defaults."""
    rules = dict(DEFAULTS)
    rules.update(
        ComplaintRoutingRule.objects.filter(municipality_id=municipality_id).values_list(
            "subject", "handled_by"
        )
    )
    return rules


def municipality_organisation(municipality_id: int) -> Organisation | None:
    """The municipality's own organisation, which handles its complaints (the first one
    registered, when it has several)."""
    return (
        Organisation.objects.filter(
            municipality_id=municipality_id, kind=Organisation.Kind.MUNICIPALITY
        )
        .order_by("pk")
        .first()
    )


def route(
    *, municipality_id: int, subject: str, about: Organisation, by_employer: bool = False
) -> Route | None:
    """Where a complaint about ``about`` on ``subject`` goes; None when the municipality has
    no organisation to handle it."""
    handled_by = rules_of(municipality_id).get(subject, HandledBy.MUNICIPALITY)
    if (
        handled_by == HandledBy.PROVIDER
        and not by_employer
        and about.kind == Organisation.Kind.PROVIDER
    ):
        return Route(organisation=about, subject=subject, handled_by=handled_by)
    organisation = municipality_organisation(municipality_id)
    if organisation is None:
        return None
    return Route(organisation=organisation, subject=subject, handled_by=HandledBy.MUNICIPALITY)
