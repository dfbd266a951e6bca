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
from werkpad.trajectories.workflow import ALLOWED_TRANSITIONS, Status, check_transition

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
                    check_transition(current, target, reason="x")


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
