"""TR2: the lifecycle as a state machine, driven through the services (hypothesis).

Every allowed path works; every other transition is refused with a 409-class
error and changes nothing (status, version, history).
"""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tests.factories import TrajectoryFactory, UserFactory
from werkpad.core.errors import ConflictError
from werkpad.core.permissions import Role
from werkpad.trajectories import services
from werkpad.trajectories.models import StatusChange, Trajectory
from werkpad.trajectories.workflow import ALLOWED_TRANSITIONS, LIFECYCLE, Status

#: Each action and the status it leads to.
ACTIONS = {
    "accept": Status.ACCEPTED,
    "decline": Status.DECLINED,
    "start": Status.STARTED,
    "suspend": Status.SUSPENDED,
    "resume": Status.STARTED,
    "complete": Status.COMPLETED,
    "end_early": Status.ENDED_EARLY,
}


def _call(action: str, *, user, trajectory_id: int, version: int):
    common = {"user": user, "trajectory_id": trajectory_id, "expected_version": version}
    match action:
        case "accept":
            return services.trajectory_accept(**common)
        case "decline":
            return services.trajectory_decline(**common, reason="Geen plek.")
        case "start":
            return services.trajectory_start(**common)
        case "suspend":
            return services.trajectory_suspend(**common, reason="Ziek.")
        case "resume":
            return services.trajectory_resume(**common)
        case "complete":
            return services.trajectory_complete(
                **common,
                end_report={
                    "outcome": "work",
                    "contract_type": "permanent",
                    "hours_per_week": Decimal("36"),
                    "hourly_wage": Decimal("16.00"),
                    "employer_name": "Bakkerij De Korenschoof",
                    "work_start_date": dt.date(2026, 11, 23),
                    "cao_conform": True,
                },
            )
        case "end_early":
            return services.trajectory_end_early(**common, reason="Verhuisd.")


def _allowed(current: str, action: str) -> bool:
    target = ACTIONS[action]
    if action == "resume":
        return current == Status.SUSPENDED
    if action == "start":
        return current == Status.ACCEPTED
    return target in ALLOWED_TRANSITIONS[current]


def test_the_table_names_every_status():
    assert set(ALLOWED_TRANSITIONS) == set(Status.values)
    for current, targets in ALLOWED_TRANSITIONS.items():
        for target in Status.values:
            if target not in targets:
                with pytest.raises(ConflictError):
                    LIFECYCLE.check(current, target, reason="x")


@pytest.mark.django_db
@pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC), tick=False)
def test_lifecycle_state_machine(amsterdam):
    class Lifecycle(RuleBasedStateMachine):
        @initialize()
        def refer(self):
            self.trajectory = TrajectoryFactory()
            self.coach = UserFactory.with_role(
                Role.COACH, organisation=self.trajectory.provider.organisation
            )
            self.status = Status.REFERRED
            self.version = 1
            self.steps = 1

        @rule(action=st.sampled_from(sorted(ACTIONS)))
        def act(self, action):
            if _allowed(self.status, action):
                result = _call(
                    action, user=self.coach, trajectory_id=self.trajectory.pk, version=self.version
                )
                self.status = ACTIONS[action]
                self.version += 1
                self.steps += 1
                assert result.status == self.status
            else:
                with pytest.raises(ConflictError) as error:
                    _call(
                        action,
                        user=self.coach,
                        trajectory_id=self.trajectory.pk,
                        version=self.version,
                    )
                assert error.value.code == "trajectory-transition-refused"

        @invariant()
        def database_agrees(self):
            row = Trajectory.objects.get(pk=self.trajectory.pk)
            assert (row.status, row.version) == (self.status, self.version)
            assert StatusChange.objects.filter(trajectory=row).count() == self.steps
            last = StatusChange.objects.filter(trajectory=row).order_by("-id").first()
            assert last.to_status == self.status

    Lifecycle.TestCase.settings = settings(
        max_examples=40,
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    Lifecycle.TestCase().runTest()


def test_every_refused_step_says_what_is_wrong_in_its_own_words():
    """TR2: not one message for all: each step refused from each status names the problem,
    and no two steps refused from the same status say the same."""
    from django.utils import translation

    with translation.override("en"):
        for current in Status.values:
            said = {}
            for action, target in ACTIONS.items():
                if _allowed(current, action):
                    continue
                step = action if action in ("start", "resume") else None
                with pytest.raises(ConflictError) as error:
                    LIFECYCLE.check(current, target, reason="x", step=step)
                message = error.value.message
                assert "cannot become" not in message, (current, action)
                said[action] = message
            assert len(set(said.values())) == len(said), (current, said)


@pytest.mark.parametrize(
    ("current", "action", "words"),
    [
        (Status.ACCEPTED, "resume", "has not started yet, so it cannot be resumed: start it"),
        (Status.SUSPENDED, "start", "is suspended: resume it instead of starting it again"),
        (Status.REFERRED, "start", "has not been accepted yet: accept it first"),
        (Status.STARTED, "resume", "only a suspended trajectory is resumed"),
        (Status.SUSPENDED, "complete", "resume it before you complete it"),
        (Status.COMPLETED, "accept", "has ended (completed); it can no longer be accepted"),
        (Status.ENDED_EARLY, "resume", "has ended (ended early); it can no longer be resumed"),
        (Status.DECLINED, "start", "was declined; the trajectory cannot start"),
    ],
)
def test_a_refused_step_names_what_is_wrong(current, action, words):
    from django.utils import translation

    step = action if action in ("start", "resume") else None
    with translation.override("en"), pytest.raises(ConflictError) as error:
        LIFECYCLE.check(current, ACTIONS[action], reason="x", step=step)
    assert words in error.value.message
