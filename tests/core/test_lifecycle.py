"""One lifecycle mechanism: a transition table per lifecycle, one ``transition`` that
refuses with the lifecycle's code (409) in the step's own words, appends the history and
sets the status; plans and trajectories both use it."""

from __future__ import annotations

import pytest
from django.db import models

from werkpad.core.errors import InvalidInputError
from werkpad.core.lifecycle import (
    Lifecycle,
    StatusChangeBase,
    TransitionRefusedError,
    begin,
    transition,
)


class Door(models.TextChoices):
    SHUT = "shut", "Shut"
    OPEN = "open", "Open"
    LOCKED = "locked", "Locked"


DOOR = Lifecycle(
    name="door",
    statuses=Door,
    transitions={
        Door.SHUT: frozenset({Door.OPEN, Door.LOCKED}),
        Door.OPEN: frozenset({Door.SHUT}),
        Door.LOCKED: frozenset({Door.SHUT}),
    },
    refused_code="door-refused",
    fallback="A door that is %(current)s cannot become %(target)s.",
    reason_required=frozenset({Door.LOCKED}),
    step_to={Door.OPEN: "open", Door.SHUT: "shut"},
    step_sources={"unlock": frozenset({Door.LOCKED})},
    refusals={"open": {Door.LOCKED: "This door is %(status)s: unlock it first."}},
    lower_labels=True,
)


class History:
    """Stands in for a history model's related manager."""

    def __init__(self):
        self.rows = []

    def create(self, **row):
        self.rows.append(row)
        return row


class Thing:
    def __init__(self, status):
        self.status = status
        self.history = History()


def test_the_table_decides_and_a_step_can_narrow_its_sources():
    assert DOOR.allows(Door.SHUT, Door.OPEN)
    assert not DOOR.allows(Door.OPEN, Door.LOCKED)
    assert DOOR.allows(Door.LOCKED, Door.SHUT, step="unlock")
    assert not DOOR.allows(Door.OPEN, Door.SHUT, step="unlock")


def test_a_refusal_is_a_409_with_the_lifecycles_code_in_the_steps_words():
    with pytest.raises(TransitionRefusedError) as refused:
        DOOR.check(Door.LOCKED, Door.OPEN)
    assert (refused.value.status, refused.value.code) == (409, "door-refused")
    assert refused.value.message == "This door is locked: unlock it first."
    assert (refused.value.current, refused.value.target) == (Door.LOCKED, Door.OPEN)
    with pytest.raises(TransitionRefusedError) as other:
        DOOR.check(Door.OPEN, Door.LOCKED, reason="x")
    assert other.value.message == "A door that is open cannot become locked."


def test_a_transition_that_needs_a_reason_is_refused_without_one():
    with pytest.raises(InvalidInputError) as refused:
        DOOR.check(Door.SHUT, Door.LOCKED, reason="  ")
    assert "reason" in refused.value.errors


def test_transition_appends_the_history_and_sets_the_status():
    door = Thing(Door.SHUT)
    change = transition(door, Door.LOCKED, lifecycle=DOOR, user=None, reason=" storm ")
    assert door.status == Door.LOCKED
    assert door.history.rows == [change]
    assert (change["from_status"], change["to_status"], change["reason"]) == (
        Door.SHUT,
        Door.LOCKED,
        "storm",
    )


def test_a_refused_transition_changes_nothing():
    door = Thing(Door.OPEN)
    with pytest.raises(TransitionRefusedError):
        transition(door, Door.LOCKED, lifecycle=DOOR, user=None, reason="x")
    assert door.status == Door.OPEN and door.history.rows == []


def test_begin_records_the_first_status():
    door = Thing("")
    begin(door, Door.SHUT, user=None)
    assert door.status == Door.SHUT
    assert [(r["from_status"], r["to_status"]) for r in door.history.rows] == [("", Door.SHUT)]


def test_plans_and_trajectories_use_the_one_mechanism():
    from werkpad.plans import workflow as plan_workflow
    from werkpad.plans.models import PlanStatusChange
    from werkpad.trajectories import workflow as trajectory_workflow
    from werkpad.trajectories.models import StatusChange

    assert isinstance(plan_workflow.LIFECYCLE, Lifecycle)
    assert isinstance(trajectory_workflow.LIFECYCLE, Lifecycle)
    assert issubclass(PlanStatusChange, StatusChangeBase)
    assert issubclass(StatusChange, StatusChangeBase)
    assert PlanStatusChange(to_status="in_effect").get_to_status_display() == str(
        plan_workflow.Status.IN_EFFECT.label
    )
