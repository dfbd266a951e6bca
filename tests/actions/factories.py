"""Agreed actions in tests: one trait per state (``awaiting``, ``done``, ``cancelled``,
``overdue``); on a plan unless a trajectory is given."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from tests.factories import PlanFactory
from werkpad.actions.models import Action, ActionTemplate, StatusChange
from werkpad.actions.workflow import Status
from werkpad.core import clock


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    plan = factory.LazyAttribute(
        lambda a: None if a.trajectory is not None else PlanFactory(in_effect=True)
    )
    trajectory = None
    job_seeker = factory.LazyAttribute(lambda a: (a.plan or a.trajectory).job_seeker)
    municipality = factory.LazyAttribute(lambda a: a.job_seeker.municipality)
    description = "CV bijwerken"
    owner = "job_seeker"
    due_on = dt.date(2026, 12, 1)
    status = Status.OPEN

    class Params:
        awaiting = factory.Trait(
            status=Status.AWAITING_APPROVAL,
            needs_approval=True,
            completed_at=factory.LazyFunction(clock.now),
        )
        done = factory.Trait(status=Status.DONE, completed_at=factory.LazyFunction(clock.now))
        cancelled = factory.Trait(status=Status.CANCELLED, cancel_reason="Niet meer nodig.")
        overdue = factory.Trait(due_on=dt.date(2026, 11, 1))

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if not create:
            return
        StatusChange.objects.create(action=self, from_status="", to_status=Status.OPEN)
        if self.status != Status.OPEN:
            StatusChange.objects.create(action=self, from_status=Status.OPEN, to_status=self.status)


class ActionTemplateFactory(DjangoModelFactory):
    class Meta:
        model = ActionTemplate

    description = factory.Sequence(lambda n: f"Inschrijven bij werk.nl {n}")
    owner = "job_seeker"
    term_days = 14
