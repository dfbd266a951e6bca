"""Factories of surveys: one trait per status (``proposed``, ``approved``, ``open``,
``closed``, ``withdrawn``); drawn up by the municipality unless ``by_council``."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from tests.factories import MunicipalityFactory
from werkpad.surveys.models import Answer, Invitation, Question, QuestionKind, Response, Survey
from werkpad.surveys.workflow import Audience, Party, Status


class SurveyFactory(DjangoModelFactory):
    """A draft job-seeker survey of the default municipality, drawn up by the policy
    officer, closing in January 2027."""

    class Meta:
        model = Survey
        skip_postgeneration_save = True

    municipality = factory.LazyFunction(
        lambda: MunicipalityFactory(name="Amsterdam", cbs_code="GM0363")
    )
    audience = Audience.JOB_SEEKERS
    title = factory.Sequence(lambda n: f"Tevredenheid werkzoekenden {n}")
    introduction = "Vijf minuten, anoniem."
    origin = Party.MUNICIPALITY
    status = Status.DRAFT
    closes_on = dt.date(2027, 1, 15)

    class Params:
        by_council = factory.Trait(origin=Party.COUNCIL)
        for_employers = factory.Trait(audience=Audience.EMPLOYERS)
        proposed = factory.Trait(status=Status.PROPOSED)
        approved = factory.Trait(
            status=Status.APPROVED,
            approved_by_party=factory.LazyAttribute(
                lambda s: Party.COUNCIL if s.origin == Party.MUNICIPALITY else Party.MUNICIPALITY
            ),
        )
        open = factory.Trait(
            status=Status.OPEN,
            opened_on=dt.date(2026, 11, 2),
            approved_by_party=factory.LazyAttribute(
                lambda s: Party.COUNCIL if s.origin == Party.MUNICIPALITY else Party.MUNICIPALITY
            ),
        )
        closed = factory.Trait(
            status=Status.CLOSED,
            opened_on=dt.date(2026, 9, 1),
            closes_on=dt.date(2026, 9, 30),
            closed_on=dt.date(2026, 9, 30),
            approved_by_party=factory.LazyAttribute(
                lambda s: Party.COUNCIL if s.origin == Party.MUNICIPALITY else Party.MUNICIPALITY
            ),
        )
        withdrawn = factory.Trait(status=Status.WITHDRAWN)

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            self.history.create(from_status="", to_status=self.status)


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = "Hoe tevreden bent u over uw klantmanager?"
    kind = QuestionKind.SCALE

    class Params:
        yes_no = factory.Trait(kind=QuestionKind.YES_NO, text="Weet u wat uw traject inhoudt?")
        open_text = factory.Trait(kind=QuestionKind.OPEN, text="Wat kan beter?")


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    survey = factory.SubFactory(SurveyFactory, open=True)
    job_seeker = None
    employer = None

    class Params:
        used = factory.Trait(used_on=dt.date(2026, 11, 10))


def respond(survey: Survey, values: dict[Question, object], *, on: dt.date | None = None):
    """One anonymous response to ``survey`` with ``values`` per question (a number or a
    text)."""
    response = Response.objects.create(survey=survey, submitted_on=on or dt.date(2026, 11, 10))
    for question, value in values.items():
        if isinstance(value, str):
            Answer.objects.create(response=response, question=question, text=value)
        else:
            Answer.objects.create(response=response, question=question, number=value)
    return response
