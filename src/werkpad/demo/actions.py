"""Agreed actions in the demo (WT1): each municipality's templates, and actions in every
state, some overdue: on the plan and the running trajectory of the ``werkzoekende``
login, on plans across ``klantmanager``'s caseload and on trajectories ``coach`` coaches,
so that each of the three logins finds work waiting (their own to do, and to approve)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from werkpad.accounts.models import User
from werkpad.actions.models import Action, ActionTemplate, Owner, StatusChange
from werkpad.actions.workflow import Status
from werkpad.core import clock
from werkpad.core.models import Municipality
from werkpad.plans.models import Plan
from werkpad.plans.workflow import Status as PlanStatus
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

TEMPLATES = (
    ("CV bijwerken", Owner.JOB_SEEKER, 14),
    ("Inschrijven bij werk.nl", Owner.JOB_SEEKER, 7),
    ("Kennismaking werkgever", Owner.CONTACT_PERSON, 21),
    ("Drie sollicitatiebrieven sturen", Owner.JOB_SEEKER, 28),
    ("Stageplek zoeken", Owner.COACH, 21),
)
#: (description, owner, status, due in days from today; negative: overdue)
OWN_PLAN = (
    ("CV bijwerken", Owner.JOB_SEEKER, Status.OPEN, 5),
    ("Inschrijven bij werk.nl", Owner.JOB_SEEKER, Status.OPEN, -3),
    ("Kennismaking werkgever regelen", Owner.CONTACT_PERSON, Status.AWAITING_APPROVAL, 2),
    ("Kennismaking werkgever", Owner.CONTACT_PERSON, Status.OPEN, -2),
    ("Gesprek over kinderopvang", Owner.CONTACT_PERSON, Status.DONE, -10),
    ("Rijbewijs aanvragen", Owner.JOB_SEEKER, Status.CANCELLED, 12),
)
OWN_TRAJECTORY = (
    ("Drie sollicitatiebrieven sturen", Owner.JOB_SEEKER, Status.AWAITING_APPROVAL, 1),
    ("Stageplek zoeken", Owner.COACH, Status.OPEN, -4),
    ("Sollicitatietraining volgen", Owner.JOB_SEEKER, Status.DONE, -7),
)
SPREAD = (
    ("CV bijwerken", Owner.JOB_SEEKER),
    ("Inschrijven bij werk.nl", Owner.JOB_SEEKER),
    ("Kennismaking werkgever", Owner.CONTACT_PERSON),
    ("Drie sollicitatiebrieven sturen", Owner.JOB_SEEKER),
)
STATES = (Status.OPEN, Status.OPEN, Status.AWAITING_APPROVAL, Status.DONE, Status.CANCELLED)


def _add(
    *,
    parent: Plan | Trajectory,
    rows: Sequence[tuple[str, str, str, int]],
    needs_approval: bool,
    by: User | None,
    today: dt.date,
) -> list[Action]:
    made = []
    for description, owner, status, due_in in rows:
        due_on = today + dt.timedelta(days=due_in)
        made_at = clock.now() - dt.timedelta(days=30)
        action = Action.objects.create(
            municipality_id=parent.municipality_id,
            job_seeker_id=parent.job_seeker_id,
            plan=parent if isinstance(parent, Plan) else None,
            trajectory=parent if isinstance(parent, Trajectory) else None,
            description=description,
            owner=owner,
            due_on=due_on,
            status=status,
            needs_approval=needs_approval or status == Status.AWAITING_APPROVAL,
            created_by=by,
            created_at=made_at,
            updated_at=made_at,
            completed_at=clock.now() - dt.timedelta(days=1)
            if status in (Status.AWAITING_APPROVAL, Status.DONE)
            else None,
            cancel_reason="Niet meer nodig: de werkzoekende heeft al een rijbewijs."
            if status == Status.CANCELLED
            else "",
        )
        history = [
            StatusChange(action=action, to_status=Status.OPEN, changed_at=made_at, changed_by=by)
        ]
        if status != Status.OPEN:
            history.append(
                StatusChange(
                    action=action,
                    from_status=Status.OPEN,
                    to_status=status,
                    changed_by=by,
                    reason=action.cancel_reason,
                )
            )
        StatusChange.objects.bulk_create(history)
        made.append(action)
    return made


def create_actions(
    *,
    municipalities: Sequence[Municipality],
    caseworker: User,
    coach: User,
    job_seeker_user: User,
    seed: int,
) -> int:
    """The templates of every municipality and the actions; returns how many actions."""
    rng = random.Random(seed + 11)
    today = clock.today()
    for municipality in municipalities:
        ActionTemplate.objects.bulk_create(
            ActionTemplate(municipality=municipality, description=d, owner=o, term_days=t)
            for d, o, t in TEMPLATES
        )
    made: list[Action] = []
    own_plan = Plan.objects.filter(job_seeker__user=job_seeker_user).first()
    if own_plan is not None:
        own_plan.actions_need_approval = True
        own_plan.save(update_fields=["actions_need_approval"])
        made += _add(
            parent=own_plan, rows=OWN_PLAN, needs_approval=True, by=caseworker, today=today
        )
    running = Trajectory.objects.filter(status__in=RUNNING)
    own_trajectory = running.filter(job_seeker__user=job_seeker_user).order_by("id").first()
    if own_trajectory is not None:
        if own_trajectory.coach_id is None:
            own_trajectory.coach = coach
            own_trajectory.save(update_fields=["coach"])
        made += _add(
            parent=own_trajectory, rows=OWN_TRAJECTORY, needs_approval=True, by=coach, today=today
        )
    # across klantmanager's caseload: plans shared with the job seeker
    plans = list(
        Plan.objects.filter(job_seeker__contact_person=caseworker)
        .exclude(job_seeker__user=job_seeker_user)
        .exclude(status=PlanStatus.DRAFT)
        .order_by("id")[:40]
    )
    for plan in plans:
        rows = []
        for description, owner in rng.sample(SPREAD, rng.randint(1, 3)):
            status = rng.choice(STATES)
            due_in = rng.randint(-20, 30)
            if status == Status.OPEN and owner == Owner.CONTACT_PERSON:
                due_in = rng.randint(-10, 10)
            rows.append((description, owner, status, due_in))
        made += _add(parent=plan, rows=rows, needs_approval=False, by=caseworker, today=today)
    # the trajectories coach coaches
    coached = list(
        running.filter(coach=coach).exclude(job_seeker__user=job_seeker_user).order_by("id")[:15]
    )
    for index, trajectory in enumerate(coached):
        rows = [
            ("Stageplek zoeken", Owner.COACH, Status.OPEN, -3 if index % 3 == 0 else 9),
            ("Sollicitatiebrief schrijven", Owner.JOB_SEEKER, STATES[index % len(STATES)], 6),
        ]
        made += _add(
            parent=trajectory, rows=rows, needs_approval=index % 2 == 0, by=coach, today=today
        )
    return len(made)
