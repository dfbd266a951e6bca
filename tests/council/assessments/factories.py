"""Assessments with the LCR checklist (CO3): one trait per state."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from tests.factories import MunicipalityFactory, OrganisationFactory
from werkpad.core import clock
from werkpad.core.models import Organisation
from werkpad.council.checklist import checklist
from werkpad.council.models.assessments import (
    Answer,
    AnswerValue,
    Assessment,
    AssessmentStatus,
    AssessmentStatusChange,
)


class CouncilFactory(OrganisationFactory):
    name = factory.LazyAttribute(lambda o: f"Cliëntenraad {o.municipality.name}")
    kind = Organisation.Kind.COUNCIL
    municipality = factory.SubFactory(MunicipalityFactory)


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment
        skip_postgeneration_save = True

    council = factory.SubFactory(CouncilFactory)
    municipality = factory.SelfAttribute("council.municipality")
    checklist_version = factory.LazyFunction(lambda: checklist().version)
    title = "Beoordeling 2026"
    status = AssessmentStatus.DRAFT

    class Params:
        final = factory.Trait(
            status=AssessmentStatus.FINAL,
            finalised_at=factory.LazyFunction(clock.now),
            title="Beoordeling 2025",
        )
        shared = factory.Trait(
            status=AssessmentStatus.FINAL,
            finalised_at=factory.LazyFunction(clock.now),
            shared_with_region=True,
            shared_at=factory.LazyFunction(clock.now),
        )

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if not create:
            return
        AssessmentStatusChange.objects.create(assessment=self, from_status="", to_status="draft")
        if self.status == AssessmentStatus.FINAL:
            AssessmentStatusChange.objects.create(
                assessment=self, from_status="draft", to_status="final"
            )


class AnswerFactory(DjangoModelFactory):
    class Meta:
        model = Answer

    assessment = factory.SubFactory(AssessmentFactory)
    question_id = "1.1"
    answer = AnswerValue.YES
    remarks = ""

    class Params:
        no = factory.Trait(answer=AnswerValue.NO)
        open = factory.Trait(answer=AnswerValue.NONE_YET)


def answer_all(assessment: Assessment, *, answer: str = AnswerValue.YES) -> list[Answer]:
    """Every question of the checklist answered, each with a remark of its own."""
    return [
        AnswerFactory(
            assessment=assessment,
            question_id=q.id,
            answer=answer,
            remarks="" if q.asks_action_points else f"Opmerking bij {q.id}",
            action_points=f"Actiepunt bij {q.id}" if q.asks_action_points else "",
        )
        for q in checklist().questions
    ]
