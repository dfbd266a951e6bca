"""RI3: the second opinion's services, in one transaction each and audited."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import MunicipalitySettingsFactory, job_seeker_login
from tests.secondopinions.factories import ADVICE, MOTIVATION, SecondOpinionFactory
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent
from werkpad.notifications.models import Notification
from werkpad.secondopinions import services
from werkpad.secondopinions.models import SecondOpinion
from werkpad.secondopinions.workflow import Status

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]


def refer(caseworker, job_seeker, programme, **kwargs):
    return services.second_opinion_request(
        user=caseworker,
        job_seeker_id=job_seeker.pk,
        question=kwargs.pop("question", "Past een groepstraject wel bij mij?"),
        programme_id=programme.pk,
        **kwargs,
    )


def test_caseworker_refers_and_the_least_busy_advisor_gets_it(
    caseworker,
    job_seeker,
    programme,
    advisor,
    second_advisor,
    django_capture_on_commit_callbacks,
    run_worker,
):
    """RI3: the referral goes to the office; its advisor with the fewest waiting gets it."""
    SecondOpinionFactory(advisor=advisor, assigned=True)
    with django_capture_on_commit_callbacks(execute=True):
        so = refer(caseworker, job_seeker, programme)
    run_worker()
    assert so.status == Status.ASSIGNED
    assert so.advisor == second_advisor
    assert so.requested_by == "caseworker"
    assert so.requested_on == dt.date(2026, 11, 23)
    # two weeks (the default setting) from Monday 23 November: Monday 7 December
    assert so.term_ends_on == dt.date(2026, 12, 7)
    assert list(so.history.values_list("to_status", flat=True)) == ["requested", "assigned"]
    event = AuditEvent.objects.get(object_type="second opinion", action="create")
    assert event.job_seeker_id == job_seeker.pk
    assert Notification.objects.filter(recipient=second_advisor).exists()


def test_the_term_follows_the_municipality_setting_and_the_atw(
    caseworker, job_seeker, programme, advisor, amsterdam
):
    """RI3: the period is a municipality setting; an end on a holiday moves on (Atw)."""
    MunicipalitySettingsFactory(municipality=amsterdam, second_opinion_term_weeks=1)
    # Thursday 18 December + 1 week = Friday 25 December (Christmas) -> Monday 28 December
    with time_machine.travel(dt.datetime(2026, 12, 18, 10, tzinfo=AMSTERDAM), tick=False):
        so = refer(caseworker, job_seeker, programme)
    assert so.term_ends_on == dt.date(2026, 12, 28)


def test_job_seeker_asks_on_their_own(job_seeker, trajectory, advisor):
    user = job_seeker_login(job_seeker)
    so = services.second_opinion_request(
        user=user,
        job_seeker_id=job_seeker.pk,
        question="Het traject helpt mij niet.",
        trajectory_id=trajectory.pk,
    )
    assert so.requested_by == "job_seeker" and so.trajectory == trajectory


def test_job_seeker_cannot_ask_for_someone_else(job_seeker, trajectory, advisor):
    from tests.factories import JobSeekerFactory

    other = job_seeker_login(JobSeekerFactory(municipality=job_seeker.municipality))
    with pytest.raises(NotFoundError):
        services.second_opinion_request(
            user=other, job_seeker_id=job_seeker.pk, question="?", trajectory_id=trajectory.pk
        )
    assert not SecondOpinion.objects.exists()


def test_others_may_not_refer(role_user, job_seeker, programme, advisor):
    from werkpad.core.permissions import Role

    with pytest.raises(PermissionDeniedError):
        refer(role_user(Role.POLICY_OFFICER), job_seeker, programme)
    with pytest.raises(PermissionDeniedError):
        refer(advisor, job_seeker, programme)


def test_subject_and_question_are_required(caseworker, job_seeker, advisor, english):
    with pytest.raises(InvalidInputError) as error:
        services.second_opinion_request(user=caseworker, job_seeker_id=job_seeker.pk, question=" ")
    assert set(error.value.errors) == {"subject", "question"}


def test_one_open_second_opinion_per_subject(caseworker, job_seeker, programme, advisor):
    refer(caseworker, job_seeker, programme)
    with pytest.raises(ConflictError):
        refer(caseworker, job_seeker, programme)
    assert SecondOpinion.objects.count() == 1


def test_without_an_advisor_it_waits_for_assignment(caseworker, job_seeker, programme, office):
    so = refer(caseworker, job_seeker, programme)
    assert so.status == Status.REQUESTED and so.advisor is None


def test_assignment_to_an_advisor_of_the_office(
    caseworker, job_seeker, programme, office, advisor, other_office_advisor
):
    so = SecondOpinionFactory(job_seeker=job_seeker, programme=programme)
    with pytest.raises(InvalidInputError):
        services.second_opinion_assign(
            user=caseworker, second_opinion_id=so.pk, advisor_id=other_office_advisor.pk
        )
    so = services.second_opinion_assign(
        user=caseworker, second_opinion_id=so.pk, advisor_id=advisor.pk
    )
    assert so.status == Status.ASSIGNED and so.advisor == advisor


def test_advisor_advises_only_their_own(job_seeker, advisor, second_advisor, caseworker):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, assigned=True)
    with pytest.raises(NotFoundError):
        services.second_opinion_advise(user=second_advisor, second_opinion_id=so.pk, advice=ADVICE)
    with pytest.raises(PermissionDeniedError):
        services.second_opinion_advise(user=caseworker, second_opinion_id=so.pk, advice=ADVICE)
    so = services.second_opinion_advise(user=advisor, second_opinion_id=so.pk, advice=ADVICE)
    assert so.status == Status.ADVISED and so.advised_by == advisor
    assert so.term_met is True


def test_advice_must_have_substance(job_seeker, advisor):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, assigned=True)
    with pytest.raises(InvalidInputError) as error:
        services.second_opinion_advise(user=advisor, second_opinion_id=so.pk, advice="Prima.")
    assert "advice" in error.value.errors
    assert SecondOpinion.objects.get().status == Status.ASSIGNED


def test_advice_twice_is_a_conflict(job_seeker, advisor):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, advised=True)
    with pytest.raises(TransitionRefusedError):
        services.second_opinion_advise(user=advisor, second_opinion_id=so.pk, advice=ADVICE)


def test_other_expert_instead_gives_the_advice(job_seeker, advisor):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, assigned=True)
    user = job_seeker_login(job_seeker)
    with pytest.raises(InvalidInputError) as error:
        services.second_opinion_other_expert(
            user=user,
            second_opinion_id=so.pk,
            name="P. Jansen",
            organisation="FNV",
            role="vakbondsconsulent",
            mode="instead",
        )
    assert "advice" in error.value.errors
    so = services.second_opinion_other_expert(
        user=user,
        second_opinion_id=so.pk,
        name="P. Jansen",
        organisation="FNV",
        role="vakbondsconsulent",
        mode="instead",
        advice=ADVICE,
    )
    assert so.status == Status.ADVISED and so.advice_by_other_expert
    assert so.other_expert_mode == "instead"


def test_other_expert_as_well_leaves_the_status(job_seeker, advisor, caseworker):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, advised=True)
    so = services.second_opinion_other_expert(
        user=caseworker,
        second_opinion_id=so.pk,
        name="P. Jansen",
        organisation="FNV",
        role="vakbondsconsulent",
        mode="as_well",
    )
    assert so.status == Status.ADVISED and not so.advice_by_other_expert


def test_meeting_then_decision(
    job_seeker, advisor, caseworker, django_capture_on_commit_callbacks, run_worker
):
    user = job_seeker_login(job_seeker)
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, advised=True)
    with pytest.raises(TransitionRefusedError):
        services.second_opinion_decide(
            user=caseworker, second_opinion_id=so.pk, decision="follows", motivation=""
        )
    with pytest.raises(InvalidInputError) as error:
        services.second_opinion_record_meeting(
            user=caseworker,
            second_opinion_id=so.pk,
            held_on=dt.date(2026, 11, 19),
            present="",
            notes="",
        )
    assert set(error.value.errors) == {"held_on", "present", "notes"}
    services.second_opinion_record_meeting(
        user=caseworker,
        second_opinion_id=so.pk,
        held_on=dt.date(2026, 11, 23),
        present="De werkzoekende en de klantmanager",
        notes="Het advies besproken.",
    )
    with pytest.raises(InvalidInputError) as error:
        services.second_opinion_decide(
            user=caseworker, second_opinion_id=so.pk, decision="rejects", motivation=""
        )
    assert error.value.codes["motivation"] == "motivation-required"
    with django_capture_on_commit_callbacks(execute=True):
        so = services.second_opinion_decide(
            user=caseworker, second_opinion_id=so.pk, decision="rejects", motivation=MOTIVATION
        )
    run_worker()
    assert so.status == Status.DECIDED and so.decided_by == caseworker
    assert Notification.objects.filter(recipient=user, topic="second-opinion-decision").exists()


def test_following_needs_no_motivation(job_seeker, advisor, caseworker):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, discussed=True)
    so = services.second_opinion_decide(
        user=caseworker, second_opinion_id=so.pk, decision="follows", motivation=""
    )
    assert so.decision == "follows"


def test_the_same_motivation_twice_is_refused(job_seeker, advisor, caseworker):
    first = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, discussed=True)
    services.second_opinion_decide(
        user=caseworker, second_opinion_id=first.pk, decision="rejects", motivation=MOTIVATION
    )
    second = SecondOpinionFactory(advisor=advisor, discussed=True, job_seeker=job_seeker)
    with pytest.raises(InvalidInputError) as error:
        services.second_opinion_decide(
            user=caseworker, second_opinion_id=second.pk, decision="rejects", motivation=MOTIVATION
        )
    assert error.value.codes["motivation"] == "motivation-repeated"


def test_stale_version_is_refused(job_seeker, advisor, caseworker):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, discussed=True)
    with pytest.raises(StaleEditError):
        services.second_opinion_decide(
            user=caseworker,
            second_opinion_id=so.pk,
            decision="follows",
            motivation="",
            expected_version=7,
        )


def test_withdrawal_needs_a_reason_and_closes_it(job_seeker, advisor):
    so = SecondOpinionFactory(job_seeker=job_seeker, advisor=advisor, assigned=True)
    user = job_seeker_login(job_seeker)
    with pytest.raises(InvalidInputError):
        services.second_opinion_withdraw(user=user, second_opinion_id=so.pk, reason="")
    so = services.second_opinion_withdraw(user=user, second_opinion_id=so.pk, reason="Opgelost.")
    assert so.status == Status.WITHDRAWN
    with pytest.raises(TransitionRefusedError):
        services.second_opinion_withdraw(user=user, second_opinion_id=so.pk, reason="Nogmaals.")
