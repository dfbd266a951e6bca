"""Second opinions and mediations in a given state: one trait per state."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from tests.factories import JobSeekerFactory, ProgrammeFactory, ProviderFactory
from werkpad.core.models import Organisation
from werkpad.mediations.models import MediationRequest, Session
from werkpad.mediations.models import StatusChange as MediationStatusChange
from werkpad.secondopinions.models import SecondOpinion, StatusChange

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

ADVICE = (
    "Ik adviseer om eerst een scholingstraject in de zorg te volgen in plaats van het "
    "groepstraject Werkfit. De werkzoekende heeft ervaring als verzorgende en een "
    "praktijkgerichte opleiding sluit beter aan bij haar wensen en mogelijkheden."
)
MOTIVATION = (
    "Wij volgen het advies om scholing in de zorg te volgen niet, omdat de werkzoekende "
    "volgens de recente competentietest eerst werkritme moet opbouwen. Het groepstraject "
    "Werkfit duurt acht weken en biedt daarna directe doorstroom naar een praktijkgerichte "
    "opleiding als verzorgende. Zo blijven haar wensen overeind en bouwt zij eerst ritme op."
)


def advisor_office(municipality) -> Organisation:
    return Organisation.objects.filter(
        municipality=municipality, kind=Organisation.Kind.ADVISOR_OFFICE
    ).first() or Organisation.objects.create(
        municipality=municipality,
        kind=Organisation.Kind.ADVISOR_OFFICE,
        name=f"Onafhankelijk Arbeidsadvies {municipality.name}",
    )


_PATHS = {
    "requested": ["requested"],
    "assigned": ["requested", "assigned"],
    "advised": ["requested", "assigned", "advised"],
    "discussed": ["requested", "assigned", "advised", "discussed"],
    "decided": ["requested", "assigned", "advised", "discussed", "decided"],
    "withdrawn": ["requested", "assigned", "withdrawn"],
}


class SecondOpinionFactory(DjangoModelFactory):
    """About a programme offered; traits: assigned (give ``advisor``), advised, discussed,
    decided, withdrawn."""

    class Meta:
        model = SecondOpinion
        skip_postgeneration_save = True

    job_seeker = factory.SubFactory(JobSeekerFactory)
    municipality = factory.LazyAttribute(lambda o: o.job_seeker.municipality)
    programme = factory.LazyAttribute(
        lambda o: ProgrammeFactory(provider=ProviderFactory(municipality=o.job_seeker.municipality))
    )
    question = "Ik twijfel of een groepstraject bij mij past."
    requested_by = "caseworker"
    requested_on = dt.date(2026, 11, 16)
    term_ends_on = dt.date(2026, 11, 30)
    advisor_office = factory.LazyAttribute(lambda o: advisor_office(o.job_seeker.municipality))
    status = "requested"

    class Params:
        assigned = factory.Trait(status="assigned")
        advised = factory.Trait(
            status="advised",
            advice=ADVICE,
            advised_at=dt.datetime(2026, 11, 20, 14, tzinfo=AMSTERDAM),
        )
        discussed = factory.Trait(
            status="discussed",
            advice=ADVICE,
            advised_at=dt.datetime(2026, 11, 20, 14, tzinfo=AMSTERDAM),
            meeting_held_on=dt.date(2026, 11, 21),
            meeting_with="De werkzoekende en de klantmanager",
            meeting_notes="Het advies besproken.",
        )
        decided = factory.Trait(
            status="decided",
            advice=ADVICE,
            advised_at=dt.datetime(2026, 11, 20, 14, tzinfo=AMSTERDAM),
            meeting_held_on=dt.date(2026, 11, 21),
            meeting_with="De werkzoekende en de klantmanager",
            meeting_notes="Het advies besproken.",
            decision="follows",
            decided_on=dt.date(2026, 11, 22),
        )
        withdrawn = factory.Trait(status="withdrawn", withdrawal_reason="Niet meer nodig.")

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if not create:
            return
        previous = ""
        for status in _PATHS[self.status]:
            StatusChange.objects.create(second_opinion=self, from_status=previous, to_status=status)
            previous = status


_MEDIATION_PATHS = {
    "requested": ["requested"],
    "mediator_appointed": ["requested", "mediator_appointed"],
    "in_progress": ["requested", "mediator_appointed", "in_progress"],
    "concluded": ["requested", "mediator_appointed", "in_progress", "concluded"],
}


class MediationFactory(DjangoModelFactory):
    """About a running trajectory (give ``trajectory``); traits: appointed, in_progress,
    concluded."""

    class Meta:
        model = MediationRequest
        skip_postgeneration_save = True

    job_seeker = factory.LazyAttribute(lambda o: o.trajectory.job_seeker)
    municipality = factory.LazyAttribute(lambda o: o.trajectory.municipality)
    reason = "Ik ben het niet eens met de verplichte groepsbijeenkomsten."
    requested_by = "job_seeker"
    requested_on = dt.date(2026, 11, 10)
    status = "requested"

    class Params:
        appointed = factory.Trait(
            status="mediator_appointed",
            mediator_name="Mr. J. de Boer",
            mediator_organisation="Mediationbureau Noord",
            appointed_on=dt.date(2026, 11, 12),
        )
        in_progress = factory.Trait(
            status="in_progress",
            mediator_name="Mr. J. de Boer",
            mediator_organisation="Mediationbureau Noord",
            appointed_on=dt.date(2026, 11, 12),
        )
        concluded = factory.Trait(
            status="concluded",
            mediator_name="Mr. J. de Boer",
            mediator_organisation="Mediationbureau Noord",
            appointed_on=dt.date(2026, 11, 12),
            outcome="agreement",
            outcome_text="Individuele begeleiding in plaats van de groep.",
            concluded_on=dt.date(2026, 11, 19),
        )

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if not create:
            return
        previous = ""
        for status in _MEDIATION_PATHS[self.status]:
            MediationStatusChange.objects.create(
                mediation=self, from_status=previous, to_status=status
            )
            previous = status
        if self.status in ("in_progress", "concluded"):
            Session.objects.create(
                mediation=self, held_on=dt.date(2026, 11, 14), notes="Eerste gesprek."
            )
