"""Services: referral with handover (TR1, TR4, TR8), locking, reports (TR3), audit."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import MunicipalitySettingsFactory, ProgrammeFactory
from werkpad.consents.models import Consent
from werkpad.consents.parts import parts_of
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import AuditEvent
from werkpad.trajectories import selectors, services
from werkpad.trajectories.handover import DEFAULT_FIELDS
from werkpad.trajectories.models import StatusChange, Trajectory
from werkpad.trajectories.workflow import Status

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(
        dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ),
]


def test_referral_snapshots_the_chosen_fields_and_is_audited(referral, complete_job_seeker):
    assert referral.status == Status.REFERRED
    assert referral.handover["wishes"] == "Werken in de zorg"
    assert "limitations" not in referral.handover
    assert "bsn" not in referral.handover
    assert list(referral.history.values_list("from_status", "to_status")) == [("", "referred")]
    event = AuditEvent.objects.filter(object_type="trajectory", action="create").get()
    assert event.job_seeker_id == complete_job_seeker.pk
    complete_job_seeker.wishes = "Iets anders"
    complete_job_seeker.save()
    referral.refresh_from_db()
    assert referral.handover["wishes"] == "Werken in de zorg"


def test_required_handover_fields_are_named_when_missing(refer, complete_job_seeker, english):
    complete_job_seeker.phone = ""
    complete_job_seeker.save()
    with pytest.raises(InvalidInputError) as error:
        refer(handover_fields=["first_name", "last_name", "phone", "ladder_rung"])
    messages = " ".join(error.value.errors["handover_fields"])
    assert "wishes" in messages and "possibilities" in messages and "education level" in messages
    assert "phone" in messages and "empty in the file" in messages
    assert not Trajectory.objects.exists()


def test_reason_is_required(refer):
    with pytest.raises(InvalidInputError) as error:
        refer(reason="  ")
    assert "reason" in error.value.errors


def test_health_fields_need_consent(refer, english):
    fields = [*DEFAULT_FIELDS, "limitations"]
    with pytest.raises(InvalidInputError) as error:
        refer(handover_fields=fields)
    assert "consent" in " ".join(error.value.errors["handover_fields"])
    trajectory = refer(handover_fields=fields, ask_health_consent=True)
    assert trajectory.handover["limitations"] == "Kan niet lang staan."
    # RI5: asked, not given: the job seeker answers on their own pages.
    consent = Consent.objects.get(job_seeker=trajectory.job_seeker, part="health")
    assert consent.status == "requested"
    assert consent.organisation_id == trajectory.provider.organisation_id
    # The other chosen parts are recorded as agreed at the desk, by the caseworker.
    given = Consent.objects.filter(job_seeker=trajectory.job_seeker, status="given")
    assert sorted(given.values_list("part", flat=True)) == sorted(
        p for p in parts_of(fields) if p != "health"
    )
    assert {c.channel for c in given} == {"desk"}


def test_group_only_programme_needs_an_alternative_when_the_job_seeker_wants_no_group(
    refer, complete_job_seeker, provider
):
    """TR8."""
    complete_job_seeker.prefers_no_group_activities = True
    complete_job_seeker.save()
    group = ProgrammeFactory(provider=provider, group_only=True)
    with pytest.raises(InvalidInputError) as error:
        refer(programme_id=group.pk)
    assert "group_alternative" in error.value.errors
    trajectory = refer(programme_id=group.pk, group_alternative="Individuele coaching thuis.")
    assert trajectory.activity_format == "group"
    assert trajectory.group_alternative == "Individuele coaching thuis."


def test_alternatives_considered_are_recorded(refer, provider):
    other = ProgrammeFactory(provider=provider)
    trajectory = refer(alternative_ids=[other.pk], alternatives_note="Te lang.")
    assert list(trajectory.alternatives.all()) == [other]


def test_only_a_caseworker_of_the_municipality_refers(refer, coach, zaandam_caseworker):
    with pytest.raises(PermissionDeniedError):
        refer(user=coach)
    with pytest.raises(NotFoundError):
        refer(user=zaandam_caseworker)
    assert not Trajectory.objects.exists()


def test_stale_version_is_refused_and_changes_nothing(referral, coach):
    with pytest.raises(StaleEditError):
        services.trajectory_accept(user=coach, trajectory_id=referral.pk, expected_version=7)
    referral.refresh_from_db()
    assert referral.status == Status.REFERRED and referral.version == 1


def test_accept_start_and_report_schedule(referral, coach):
    t = services.trajectory_accept(user=coach, trajectory_id=referral.pk, expected_version=1)
    assert t.coach == coach and t.version == 2
    t = services.trajectory_start(
        user=coach, trajectory_id=t.pk, expected_version=2, started_on=dt.date(2026, 11, 23)
    )
    assert t.next_report_due == dt.date(2026, 12, 21)
    report = services.progress_report_create(
        user=coach, trajectory_id=t.pk, progress="Goed gestart; twee sollicitaties."
    )
    assert report.due_on == dt.date(2026, 12, 21)
    t.refresh_from_db()
    assert t.next_report_due == dt.date(2027, 1, 18)
    assert [c.to_status for c in t.history.all()] == ["referred", "accepted", "started"]


@pytest.mark.parametrize(
    ("own_interval", "municipality_interval", "first", "second"),
    [
        (None, 2, dt.date(2026, 12, 7), dt.date(2026, 12, 21)),
        (None, None, dt.date(2026, 12, 21), dt.date(2027, 1, 18)),
        (3, 2, dt.date(2026, 12, 14), dt.date(2027, 1, 4)),
    ],
    ids=["the municipality's interval", "the default of 4 weeks", "the programme's own"],
)
def test_reports_fall_due_at_the_programmes_interval_or_else_the_municipalitys(
    referral, coach, own_interval, municipality_interval, first, second
):
    """TR3: a programme without an interval of its own follows its municipality's setting."""
    referral.programme.report_interval_weeks = own_interval
    referral.programme.save()
    if municipality_interval is not None:
        MunicipalitySettingsFactory(
            municipality=referral.municipality, report_interval_weeks=municipality_interval
        )
    services.trajectory_accept(user=coach, trajectory_id=referral.pk, expected_version=1)
    t = services.trajectory_start(
        user=coach, trajectory_id=referral.pk, expected_version=2, started_on=dt.date(2026, 11, 23)
    )
    assert t.next_report_due == first
    with time_machine.travel(dt.datetime(2026, 12, 8, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        services.progress_report_create(user=coach, trajectory_id=t.pk, progress="Gaat goed.")
    t.refresh_from_db()
    assert t.next_report_due == second


def test_health_section_needs_consent(referral, coach, refer):
    t = services.trajectory_accept(user=coach, trajectory_id=referral.pk, expected_version=1)
    services.trajectory_start(user=coach, trajectory_id=t.pk, expected_version=2)
    with pytest.raises(InvalidInputError):
        services.progress_report_create(
            user=coach, trajectory_id=t.pk, progress="Gaat goed.", health_section="Slaapt slecht."
        )


def test_coach_of_another_provider_cannot_touch_the_referral(referral, other_coach):
    with pytest.raises(NotFoundError):
        services.trajectory_accept(user=other_coach, trajectory_id=referral.pk, expected_version=1)
    referral.refresh_from_db()
    assert referral.status == Status.REFERRED


def test_caseworker_cannot_accept_but_can_end_early(referral, coach, caseworker):
    with pytest.raises(PermissionDeniedError):
        services.trajectory_accept(user=caseworker, trajectory_id=referral.pk, expected_version=1)
    services.trajectory_accept(user=coach, trajectory_id=referral.pk, expected_version=1)
    services.trajectory_start(user=coach, trajectory_id=referral.pk, expected_version=2)
    with pytest.raises(InvalidInputError):
        services.trajectory_end_early(
            user=caseworker, trajectory_id=referral.pk, expected_version=3, reason=""
        )
    t = services.trajectory_end_early(
        user=caseworker, trajectory_id=referral.pk, expected_version=3, reason="Verhuisd."
    )
    assert t.status == Status.ENDED_EARLY and t.end_reason == "Verhuisd."
    assert StatusChange.objects.filter(trajectory=t, to_status="ended_early").get().reason


def test_illegal_transition_is_a_conflict(referral, coach, english):
    with pytest.raises(ConflictError) as error:
        services.trajectory_start(user=coach, trajectory_id=referral.pk, expected_version=1)
    assert error.value.code == "trajectory-transition-refused"
    assert "has not been accepted yet" in error.value.message


def test_evaluation_after_the_end(referral, coach, caseworker):
    services.trajectory_accept(user=coach, trajectory_id=referral.pk, expected_version=1)
    services.trajectory_start(user=coach, trajectory_id=referral.pk, expected_version=2)
    data = {
        "choices_made": "Gekozen voor een zorgstage.",
        "guidance_style": "Coachend, wekelijks contact.",
        "what_worked": "De stage.",
        "what_did_not": "Groepsbijeenkomsten.",
        "job_seeker_view": "Tevreden, wil doorleren.",
    }
    with pytest.raises(ConflictError):
        services.trajectory_evaluate(user=caseworker, trajectory_id=referral.pk, data=data)
    services.trajectory_end_early(
        user=coach, trajectory_id=referral.pk, expected_version=3, reason="Werk gevonden."
    )
    evaluation = services.trajectory_evaluate(user=caseworker, trajectory_id=referral.pk, data=data)
    assert evaluation.what_worked == "De stage."
    with pytest.raises(ConflictError):
        services.trajectory_evaluate(user=caseworker, trajectory_id=referral.pk, data=data)


def test_coach_reads_handover_only_from_acceptance_and_reads_are_audited(
    referral, coach, complete_job_seeker, english
):
    t = selectors.trajectory_get(user=coach, id=referral.pk)
    assert selectors.handover_rows(user=coach, trajectory=t) is None
    services.trajectory_accept(user=coach, trajectory_id=referral.pk, expected_version=1)
    t = selectors.trajectory_get(user=coach, id=referral.pk, purpose=AuditEvent.Purpose.TRAJECTORY)
    rows = selectors.handover_rows(user=coach, trajectory=t)
    labels = [label for label, _value, _health in rows]
    assert "wishes" in labels and "BSN" not in labels
    event = AuditEvent.objects.filter(action="read", object_type="trajectory").first()
    assert event.job_seeker_id == complete_job_seeker.pk
    assert "wishes" in event.fields and "limitations" not in event.fields


@pytest.fixture
def youth_programme(provider):
    return ProgrammeFactory(
        provider=provider, name="Jongerenloket", target_groups=["young"], rung_from=2, rung_to=6
    )


def test_a_referral_outside_the_target_group_needs_a_reason(
    refer, complete_job_seeker, youth_programme, english
):
    """TR1: a 59-year-old in a youth programme only with an explicit reason."""
    complete_job_seeker.birth_date = dt.date(1967, 5, 17)
    complete_job_seeker.save()
    with pytest.raises(InvalidInputError) as error:
        refer(programme_id=youth_programme.pk)
    message = error.value.errors["target_group_reason"][0]
    assert "age 59, programme for Young people (under 27)" in message
    assert error.value.codes == {"target_group_reason": "target-group-reason-required"}
    assert not Trajectory.objects.exists()

    trajectory = refer(
        programme_id=youth_programme.pk,
        target_group_reason="Wil met jongeren werken als begeleider; geen ander traject past.",
    )
    assert trajectory.target_group_reason.startswith("Wil met jongeren werken")
    event = AuditEvent.objects.get(object_type="trajectory", action="create")
    assert "target_group_reason" in event.fields


def test_a_rung_outside_the_programme_needs_a_reason(refer, provider, english):
    programme = ProgrammeFactory(provider=provider, rung_from=4, rung_to=6)
    with pytest.raises(InvalidInputError) as error:
        refer(programme_id=programme.pk, target_group_reason="  ")
    assert "rung 3, programme for rungs 4–6" in error.value.errors["target_group_reason"][0]


def test_no_target_group_reason_is_kept_inside_the_target_group(refer):
    trajectory = refer(target_group_reason="Overbodig.")
    assert trajectory.target_group_reason == ""
