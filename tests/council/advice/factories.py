"""Factories of advice requests (CO1), one trait per status; frozen at conftest.NOW."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from tests.council.advice.conftest import NOW
from tests.factories import MunicipalityFactory, OrganisationFactory
from werkpad.core.models import Organisation
from werkpad.council.advice.workflow import Status
from werkpad.council.models import AdviceRequest, AdviceRequestStatusChange, Recommendation

SENT_AT = NOW - dt.timedelta(days=5)  # Wednesday 18 November 2026


class AdviceRequestFactory(DjangoModelFactory):
    """A draft request of Amsterdam to its council, decision on 1 February 2027."""

    class Meta:
        model = AdviceRequest
        skip_postgeneration_save = True

    municipality = factory.LazyFunction(
        lambda: MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
    )
    council = factory.LazyAttribute(
        lambda o: (
            Organisation.objects.filter(
                municipality=o.municipality, kind=Organisation.Kind.COUNCIL
            ).first()
            or OrganisationFactory(municipality=o.municipality, kind=Organisation.Kind.COUNCIL)
        )
    )
    kind = AdviceRequest.Kind.REGULATION
    title = "Re-integratieverordening 2027"
    question = "Graag uw advies over de concept-verordening."
    decision_on = dt.date(2027, 2, 1)
    status = Status.DRAFT

    class Params:
        sent = factory.Trait(
            status=Status.SENT,
            sent_at=SENT_AT,
            term_days=14,
            due_on=dt.date(2026, 12, 2),
            consulted_in_time=True,
        )
        advised = factory.Trait(
            sent=True,
            status=Status.ADVISED,
            advice_introduction="De raad adviseert als volgt.",
            advised_at=NOW - dt.timedelta(days=1),
        )
        answered = factory.Trait(
            advised=True,
            status=Status.ANSWERED,
            response_letter="Wij nemen uw advies grotendeels over.",
            answered_at=NOW,
        )
        withdrawn = factory.Trait(status=Status.WITHDRAWN)
        own_initiative = factory.Trait(unasked=True, decision_on=None, question="")

    @factory.post_generation
    def history(obj, create, extracted, **kwargs):
        if create:
            AdviceRequestStatusChange.objects.create(
                request=obj, from_status="", to_status=obj.status
            )

    @factory.post_generation
    def recommendations(obj, create, extracted, **kwargs):
        if create and obj.status in (Status.ADVISED, Status.ANSWERED):
            for number in (1, 2):
                Recommendation.objects.create(
                    request=obj,
                    number=number,
                    text=f"Aanbeveling {number}",
                    explanation="Toelichting.",
                    response=(
                        Recommendation.Response.ADOPTED if obj.status == Status.ANSWERED else ""
                    ),
                )


def recommendation_formset(rows) -> dict[str, str]:
    """The POST data of the recommendations formset (prefix ``rec``) with ``rows`` of
    (text, explanation)."""
    data = {
        "rec-TOTAL_FORMS": str(len(rows)),
        "rec-INITIAL_FORMS": "0",
        "rec-MIN_NUM_FORMS": "0",
        "rec-MAX_NUM_FORMS": "30",
    }
    for i, (text, explanation) in enumerate(rows):
        data[f"rec-{i}-text"], data[f"rec-{i}-explanation"] = text, explanation
    return data
