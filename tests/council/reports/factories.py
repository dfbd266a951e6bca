"""Results reports, one trait per state: a draft (default) and ``published``."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from tests.factories import MunicipalityFactory, OrganisationFactory
from werkpad.core import clock
from werkpad.core.models import Organisation
from werkpad.council.models import ResultsReport, ResultsReportStatusChange


def council_of(municipality) -> Organisation:
    return Organisation.objects.filter(
        municipality=municipality, kind=Organisation.Kind.COUNCIL
    ).first() or OrganisationFactory(
        municipality=municipality,
        kind=Organisation.Kind.COUNCIL,
        name=f"council {municipality.name}",
    )


class ResultsReportFactory(DjangoModelFactory):
    class Meta:
        model = ResultsReport
        skip_postgeneration_save = True

    municipality = factory.LazyFunction(
        lambda: MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
    )
    council = factory.LazyAttribute(lambda r: council_of(r.municipality))
    period_kind = "quarter"
    period_start = dt.date(2026, 7, 1)
    period_end = dt.date(2026, 9, 30)
    status = "draft"
    notes = "Toelichting van de gemeente."

    class Params:
        published = factory.Trait(
            status="published",
            published_at=factory.LazyFunction(clock.now),
            figures=factory.LazyFunction(
                lambda: {"min_cell": 10, "targets_note": "", "tables": []}
            ),
        )

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if not create:
            return
        ResultsReportStatusChange.objects.create(report=self, from_status="", to_status="draft")
        if self.status == "published":
            ResultsReportStatusChange.objects.create(
                report=self, from_status="draft", to_status="published"
            )
