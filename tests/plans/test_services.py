"""The plan's writes (PL2-PL4): versions, the lifecycle, refusals, and the audit in one
transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from tests.factories import (
    InstrumentFactory,
    JobSeekerFactory,
    MunicipalitySettingsFactory,
    PlanFactory,
)
from werkpad.accounts.models import Membership
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import Role, forget_scope
from werkpad.plans import services
from werkpad.plans.models import Plan, PlanStatusChange, PlanVersion
from werkpad.plans.workflow import ALLOWED_TRANSITIONS, LIFECYCLE, Status

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


def plan_rows():
    return (
        list(Plan.objects.order_by("pk").values()),
        list(PlanVersion.objects.order_by("pk").values()),
        list(PlanStatusChange.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
    )


def test_the_table_knows_every_status_and_nothing_leaves_superseded():
    assert set(ALLOWED_TRANSITIONS) == set(Status.values)
    assert ALLOWED_TRANSITIONS[Status.SUPERSEDED] == frozenset()
    assert Status.IN_EFFECT not in ALLOWED_TRANSITIONS[Status.PROPOSED]
    assert Status.IN_EFFECT not in ALLOWED_TRANSITIONS[Status.DRAFT]


@pytest.mark.parametrize("current", Status.values)
@pytest.mark.parametrize("target", Status.values)
def test_check_transition_refuses_every_pair_outside_the_table(current, target):
    if target in ALLOWED_TRANSITIONS[current]:
        LIFECYCLE.check(current, target)
        assert LIFECYCLE.allows(current, target)
    else:
        with pytest.raises(TransitionRefusedError) as refused:
            LIFECYCLE.check(current, target)
        assert refused.value.code == "plan-transition-refused"
        assert refused.value.status == 409


def test_create_makes_a_draft_version_one_with_its_history_and_audit(
    caseworker, job_seeker, content, instrument
):
    plan = services.plan_create(user=caseworker, job_seeker_id=job_seeker.pk, data=content)
    version = plan.versions.get()
    assert (plan.status, plan.latest_number, plan.current_version) == (Status.DRAFT, 1, None)
    assert (version.number, version.kind, version.approach) == (1, "integration", "supply")
    assert list(version.instruments.all()) == [instrument]
    assert [(h.from_status, h.to_status) for h in version.history.all()] == [("", "draft")]
    event = AuditEvent.objects.get(object_type="plan", action="create")
    assert event.job_seeker_id == job_seeker.pk and event.actor == caseworker
    assert "goals" in event.fields


def test_an_integration_plan_needs_an_approach(caseworker, job_seeker, content):
    with pytest.raises(InvalidInputError) as error:
        services.plan_create(
            user=caseworker, job_seeker_id=job_seeker.pk, data={**content, "approach": ""}
        )
    assert "approach" in error.value.errors
    assert not Plan.objects.exists()


def test_instruments_of_another_municipality_are_refused(caseworker, job_seeker, content, zaandam):
    foreign = InstrumentFactory(municipality=zaandam, name="Zaanse jobcoach")
    with pytest.raises(InvalidInputError):
        services.plan_create(
            user=caseworker, job_seeker_id=job_seeker.pk, data={**content, "instruments": [foreign]}
        )
    assert not Plan.objects.exists()


def test_a_second_plan_for_the_same_job_seeker_is_refused(caseworker, job_seeker, content):
    services.plan_create(user=caseworker, job_seeker_id=job_seeker.pk, data=content)
    with pytest.raises(ConflictError) as error:
        services.plan_create(user=caseworker, job_seeker_id=job_seeker.pk, data=content)
    assert error.value.code == "plan-exists"
    assert Plan.objects.count() == 1


@pytest.mark.time_machine(NOW, tick=False)
def test_the_whole_lifecycle_versions_and_supersedes(caseworker, job_seeker, seeker_user, content):
    plan = services.plan_create(user=caseworker, job_seeker_id=job_seeker.pk, data=content)
    services.plan_update(
        user=caseworker,
        plan_id=plan.pk,
        expected_version=1,
        data={"personal_budget": Decimal("750.00")},
    )
    services.plan_propose(user=caseworker, plan_id=plan.pk, expected_version=2)
    services.plan_comment(user=seeker_user, plan_id=plan.pk, text="Kan de training ook online?")
    services.plan_agree(
        user=seeker_user, plan_id=plan.pk, expected_version=Plan.objects.get(pk=plan.pk).version
    )
    plan.refresh_from_db()
    first = plan.versions.get(number=1)
    assert plan.current_version == first and first.status == Status.IN_EFFECT
    assert first.effective_on == dt.date(2026, 11, 23)
    assert first.review_due_on == plan.review_due_on == dt.date(2027, 5, 23)
    assert [h.to_status for h in first.history.all()] == [
        "draft",
        "proposed",
        "agreed",
        "in_effect",
    ]

    second = services.plan_revise(user=caseworker, plan_id=plan.pk, reason="Nieuwe trede")
    assert (second.number, second.status, second.goals) == (2, Status.DRAFT, first.goals)
    assert list(second.instruments.all()) == list(first.instruments.all())
    plan.refresh_from_db()
    assert plan.current_version == first, (
        "the version in effect stays until the new one is answered"
    )
    services.plan_update(
        user=caseworker, plan_id=plan.pk, expected_version=plan.version, data={"target_rung": 6}
    )
    services.plan_propose(user=caseworker, plan_id=plan.pk)
    services.plan_disagree(
        user=seeker_user,
        plan_id=plan.pk,
        expected_version=Plan.objects.get(pk=plan.pk).version,
        reason="Ik wil eerst een opleiding.",
    )
    plan.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert plan.current_version == second and plan.status == Status.IN_EFFECT
    assert first.status == Status.SUPERSEDED and first.target_rung == 5, "old versions stay"
    assert second.disagreement_reason == "Ik wil eerst een opleiding." and second.agreed is False
    assert [h.to_status for h in second.history.all()] == [
        "draft",
        "proposed",
        "disagreement_recorded",
        "in_effect",
    ]


@pytest.mark.parametrize(
    ("trait", "act"),
    [
        ({}, "withdraw"),  # a draft is not proposed
        ({"proposed": True}, "propose"),  # already proposed
        ({"in_effect": True}, "agree"),
        ({"in_effect": True}, "propose"),
        ({"in_effect": True}, "withdraw"),
    ],
)
def test_transitions_the_table_does_not_allow_are_refused_and_change_nothing(
    trait, act, caseworker, job_seeker, seeker_user
):
    plan = PlanFactory(job_seeker=job_seeker, **trait)
    before = plan_rows()
    with pytest.raises(TransitionRefusedError) as error:
        match act:
            case "agree":
                services.plan_agree(
                    user=seeker_user, plan_id=plan.pk, expected_version=plan.version
                )
            case "disagree":
                services.plan_disagree(
                    user=seeker_user, plan_id=plan.pk, expected_version=plan.version, reason="Nee"
                )
            case "propose":
                services.plan_propose(user=caseworker, plan_id=plan.pk)
            case "withdraw":
                services.plan_withdraw(user=caseworker, plan_id=plan.pk)
    assert error.value.code == "plan-transition-refused" and error.value.status == 409
    assert plan_rows() == before


def test_a_draft_is_not_even_visible_to_the_job_seeker(job_seeker, seeker_user):
    plan = PlanFactory(job_seeker=job_seeker)
    before = plan_rows()
    with pytest.raises(NotFoundError):
        services.plan_agree(user=seeker_user, plan_id=plan.pk, expected_version=plan.version)
    with pytest.raises(NotFoundError):
        services.plan_comment(user=seeker_user, plan_id=plan.pk, text="Hallo")
    assert plan_rows() == before


def test_a_disagreement_needs_a_reason(job_seeker, seeker_user):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    before = plan_rows()
    with pytest.raises(InvalidInputError) as error:
        services.plan_disagree(
            user=seeker_user, plan_id=plan.pk, expected_version=plan.version, reason="   "
        )
    assert "reason" in error.value.errors
    assert plan_rows() == before


def test_a_shared_version_is_never_changed_in_place(caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    with pytest.raises(ConflictError) as error:
        services.plan_update(
            user=caseworker, plan_id=plan.pk, expected_version=plan.version, data={"goals": "x"}
        )
    assert error.value.code == "plan-not-draft"


def test_a_stale_edit_is_refused(caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker)
    with pytest.raises(StaleEditError):
        services.plan_update(
            user=caseworker, plan_id=plan.pk, expected_version=plan.version + 1, data={"goals": "x"}
        )
    assert plan.versions.get().goals != "x"


def test_only_one_version_is_prepared_at_a_time(caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker, in_effect=True)
    services.plan_revise(user=caseworker, plan_id=plan.pk, reason="eerste")
    with pytest.raises(ConflictError) as error:
        services.plan_revise(user=caseworker, plan_id=plan.pk, reason="tweede")
    assert error.value.code == "plan-open-version-exists"


def test_the_job_seeker_cannot_write_and_the_caseworker_cannot_answer(
    caseworker, job_seeker, seeker_user, zaandam_caseworker
):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    before = plan_rows()
    with pytest.raises(PermissionDeniedError):
        services.plan_update(
            user=seeker_user, plan_id=plan.pk, expected_version=plan.version, data={"goals": "x"}
        )
    with pytest.raises(PermissionDeniedError):
        services.plan_agree(user=caseworker, plan_id=plan.pk, expected_version=plan.version)
    with pytest.raises(NotFoundError):
        services.plan_propose(user=zaandam_caseworker, plan_id=plan.pk)
    with pytest.raises(PermissionDeniedError):
        services.plan_create(user=seeker_user, job_seeker_id=job_seeker.pk, data={"goals": "x"})
    with pytest.raises(NotFoundError):
        services.plan_create(
            user=zaandam_caseworker, job_seeker_id=JobSeekerFactory().pk, data={"goals": "x"}
        )
    assert plan_rows() == before


def test_the_audit_event_is_written_in_the_same_transaction(caseworker, job_seeker):
    """When the audit write fails, the transition is rolled back with it."""
    plan = PlanFactory(job_seeker=job_seeker)
    before = plan_rows()
    with (
        mock.patch("werkpad.plans.services.audit_record", side_effect=RuntimeError("log down")),
        pytest.raises(RuntimeError),
    ):
        services.plan_propose(user=caseworker, plan_id=plan.pk)
    assert plan_rows() == before
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT


def test_comments_by_both_sides_are_kept_with_the_version(caseworker, job_seeker, seeker_user):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    services.plan_comment(user=seeker_user, plan_id=plan.pk, text="Mag het ook 's middags?")
    services.plan_comment(user=caseworker, plan_id=plan.pk, text="Ja, dat kan.")
    comments = list(plan.comments.order_by("id"))
    assert [(c.by_job_seeker, c.version.number) for c in comments] == [(True, 1), (False, 1)]
    with pytest.raises(InvalidInputError):
        services.plan_comment(user=seeker_user, plan_id=plan.pk, text=" ")


def test_the_job_seeker_cannot_comment_on_a_draft_nobody_shared(job_seeker, seeker_user):
    """The job seeker sees a plan once something was shared with them: the rule and the
    selector read the same definition (``plans.rules.PLAN_VISIBILITY``)."""
    plan = PlanFactory(job_seeker=job_seeker)  # a draft, never proposed
    with pytest.raises(NotFoundError) as hidden:
        services.plan_comment(user=seeker_user, plan_id=plan.pk, text="Wat staat erin?")
    assert hidden.value.code == "plan-not-found"
    # Someone who is both a caseworker there and this job seeker sees the draft only as
    # its caseworker: their comment is the caseworker's, on the draft.
    Membership.objects.create(
        user=seeker_user,
        organisation=Organisation.objects.get(
            municipality=job_seeker.municipality, kind=Organisation.Kind.MUNICIPALITY
        ),
        role=Role.CASEWORKER,
    )
    forget_scope(seeker_user)
    comment = services.plan_comment(user=seeker_user, plan_id=plan.pk, text="Concept bekeken.")
    assert (comment.by_job_seeker, comment.version.status) == (False, Status.DRAFT)


@pytest.mark.time_machine(NOW, tick=False)
def test_a_review_without_changes_moves_the_next_review(caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker, review_overdue=True)
    review = services.plan_review(
        user=caseworker,
        plan_id=plan.pk,
        rung_reconsidered=True,
        instruments_reconsidered=True,
        notes="Gaat goed.",
        changes_needed=False,
    )
    plan.refresh_from_db()
    assert review.new_version is None and review.held_on == dt.date(2026, 11, 23)
    assert plan.review_due_on == dt.date(2027, 5, 23) == plan.current_version.review_due_on
    assert plan.latest_number == 1


@pytest.mark.time_machine(NOW, tick=False)
def test_a_review_with_changes_starts_a_new_version(caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker, review_overdue=True)
    review = services.plan_review(
        user=caseworker,
        plan_id=plan.pk,
        rung_reconsidered=True,
        instruments_reconsidered=False,
        changes_needed=True,
    )
    plan.refresh_from_db()
    assert review.new_version.number == 2 and review.new_version.status == Status.DRAFT
    assert plan.latest_number == 2 and plan.status == Status.DRAFT
    assert plan.current_version.number == 1
    assert not plan.review_overdue()


@pytest.mark.time_machine(NOW, tick=False)
def test_a_shorter_review_period_of_the_municipality_makes_the_plan_due_sooner(
    caseworker, job_seeker, seeker_user, content
):
    """PL4: the review falls due the municipality's plan review period after the plan
    takes effect, and after each review."""
    MunicipalitySettingsFactory(municipality=job_seeker.municipality, plan_review_months=3)
    plan = services.plan_create(user=caseworker, job_seeker_id=job_seeker.pk, data=content)
    services.plan_propose(user=caseworker, plan_id=plan.pk, expected_version=1)
    services.plan_agree(user=seeker_user, plan_id=plan.pk, expected_version=2)
    plan.refresh_from_db()
    assert plan.review_due_on == dt.date(2027, 2, 23) == plan.current_version.review_due_on

    overdue = PlanFactory(
        job_seeker=JobSeekerFactory(municipality=job_seeker.municipality), review_overdue=True
    )
    services.plan_review(
        user=caseworker,
        plan_id=overdue.pk,
        rung_reconsidered=True,
        instruments_reconsidered=True,
        changes_needed=False,
    )
    overdue.refresh_from_db()
    assert overdue.review_due_on == dt.date(2027, 2, 23)


def test_only_a_plan_in_effect_is_reviewed(caseworker, job_seeker):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    with pytest.raises(ConflictError) as error:
        services.plan_review(
            user=caseworker,
            plan_id=plan.pk,
            rung_reconsidered=False,
            instruments_reconsidered=False,
            changes_needed=False,
        )
    assert error.value.code == "plan-not-in-effect"


def _changed_after_reading(caseworker, plan) -> int:
    """The caseworker takes the proposal back, changes it and shares it again; the plan's
    version the job seeker read (returned) is stale from then on."""
    read = plan.version
    services.plan_withdraw(user=caseworker, plan_id=plan.pk)
    services.plan_update(
        user=caseworker,
        plan_id=plan.pk,
        expected_version=Plan.objects.get(pk=plan.pk).version,
        data={"goals": "Drie ochtenden per week bij de kringloopwinkel."},
    )
    services.plan_propose(user=caseworker, plan_id=plan.pk)
    return read


@pytest.mark.parametrize("answer", ["agree", "disagree"])
def test_an_answer_to_a_plan_that_changed_since_it_was_read_is_refused(
    answer, caseworker, job_seeker, seeker_user
):
    """PL3: the agreement or disagreement is bound to the version the job seeker read."""
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    read = _changed_after_reading(caseworker, plan)
    before = plan_rows()
    kwargs = {"user": seeker_user, "plan_id": plan.pk, "expected_version": read}
    with pytest.raises(services.PlanChangedError) as error:
        if answer == "agree":
            services.plan_agree(**kwargs)
        else:
            services.plan_disagree(**kwargs, reason="Te veel uren.")
    assert error.value.code == "plan-changed" and error.value.status == 409
    assert error.value.current_version == Plan.objects.get(pk=plan.pk).version
    assert plan_rows() == before

    kwargs["expected_version"] = Plan.objects.get(pk=plan.pk).version
    if answer == "agree":
        services.plan_agree(**kwargs)
    else:
        services.plan_disagree(**kwargs, reason="Te veel uren.")
    plan.refresh_from_db()
    assert plan.status == Status.IN_EFFECT
    assert plan.current_version.goals == "Drie ochtenden per week bij de kringloopwinkel."


def test_a_comment_after_reading_also_asks_for_a_fresh_answer(caseworker, job_seeker, seeker_user):
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    services.plan_comment(user=caseworker, plan_id=plan.pk, text="Let op: het rooster wijzigt.")
    before = plan_rows()
    with pytest.raises(services.PlanChangedError):
        services.plan_agree(user=seeker_user, plan_id=plan.pk, expected_version=plan.version)
    assert plan_rows() == before


@pytest.mark.parametrize(
    ("trait", "act", "words"),
    [
        ({}, "withdraw", "has not been shared yet"),
        ({"proposed": True}, "propose", "has been shared with the job seeker already"),
        ({"in_effect": True}, "propose", "Start a new version to change the plan"),
        ({"in_effect": True}, "withdraw", "can no longer be taken back"),
        ({"in_effect": True}, "agree", "You already answered this plan. Would you like"),
        ({"in_effect": True}, "disagree", "You already answered this plan. Do you no longer"),
    ],
)
def test_each_refused_plan_step_says_what_is_wrong(
    trait, act, words, caseworker, job_seeker, seeker_user, english
):
    plan = PlanFactory(job_seeker=job_seeker, **trait)
    with pytest.raises(TransitionRefusedError) as error:
        match act:
            case "agree":
                services.plan_agree(
                    user=seeker_user, plan_id=plan.pk, expected_version=plan.version
                )
            case "disagree":
                services.plan_disagree(
                    user=seeker_user, plan_id=plan.pk, expected_version=plan.version, reason="Nee"
                )
            case "propose":
                services.plan_propose(user=caseworker, plan_id=plan.pk)
            case "withdraw":
                services.plan_withdraw(user=caseworker, plan_id=plan.pk)
    assert words in error.value.message
    assert "cannot become" not in error.value.message


def test_every_refused_plan_step_has_its_own_message():
    from werkpad.plans.workflow import STEP_TO

    for target, step in STEP_TO.items():
        for current in Status.values:
            if target in ALLOWED_TRANSITIONS[current]:
                continue
            with pytest.raises(TransitionRefusedError) as error:
                LIFECYCLE.check(current, target)
            assert "cannot become" not in error.value.message, (current, step)
    messages = {
        step: {
            current: LIFECYCLE.refusal(current, target)
            for current in Status.values
            if target not in ALLOWED_TRANSITIONS[current]
        }
        for target, step in STEP_TO.items()
    }
    for current in Status.values:
        said = [m[current] for m in messages.values() if current in m]
        assert len(said) == len(set(said)), f"two steps refused from {current} say the same"
