"""Writes on a job seeker's file: create and update, audited, versioned, all or nothing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import JobSeekerFactory, job_seeker_login
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.jobseekers import services
from werkpad.jobseekers.models import JobSeeker, LadderRungChange

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def intake(**overrides):
    data = {
        "bsn": "123456782",
        "first_name": "Sanne",
        "last_name": "de Vries",
        "birth_date": dt.date(1988, 6, 2),
        "gender": "female",
        "education_level": "mbo3",
        "benefit_type": "participatiewet",
        "unemployed_since": dt.date(2024, 3, 1),
        "ladder_rung": 2,
    }
    data.update(overrides)
    return data


def snapshot(job_seeker: JobSeeker) -> dict:
    job_seeker.refresh_from_db()
    return {f.attname: getattr(job_seeker, f.attname) for f in JobSeeker._meta.concrete_fields}


class TestCreate:
    def test_registers_the_file_with_the_caseworker_as_contact_person(self, caseworker, amsterdam):
        """JS1, JS3: the intake records the situation and the one fixed contact person."""
        job_seeker = services.jobseeker_create(
            user=caseworker, municipality=amsterdam, data=intake()
        )
        assert job_seeker.pk is not None
        assert job_seeker.municipality == amsterdam
        assert job_seeker.contact_person == caseworker
        assert job_seeker.version == 1
        assert job_seeker.profile_reviewed_on == dt.date(2026, 11, 23)

    def test_appends_the_intake_rung_to_the_history(self, caseworker, amsterdam):
        job_seeker = services.jobseeker_create(
            user=caseworker, municipality=amsterdam, data=intake()
        )
        (step,) = LadderRungChange.objects.filter(job_seeker=job_seeker)
        assert (step.from_rung, step.to_rung) == (None, 2)
        assert step.changed_by == caseworker
        assert step.reason == "intake"
        assert step.changed_on == dt.date(2026, 11, 23)

    def test_is_audited_with_field_names_and_never_values(self, caseworker, amsterdam):
        job_seeker = services.jobseeker_create(
            user=caseworker, municipality=amsterdam, data=intake()
        )
        (event,) = AuditEvent.objects.filter(action=AuditEvent.Action.CREATE)
        assert event.actor == caseworker
        assert event.job_seeker_id == job_seeker.pk
        assert event.municipality_id == amsterdam.pk
        assert event.object_type == "jobseeker"
        assert event.object_id == str(job_seeker.pk)
        assert set(event.fields) == set(intake())
        row = str(AuditEvent.objects.filter(pk=event.pk).values().get())
        for value in ("123456782", "de Vries", "Sanne", "1988"):
            assert value not in row

    def test_a_named_contact_person_must_be_a_caseworker_of_the_municipality(
        self, caseworker, colleague, zaandam_caseworker, role_user, amsterdam
    ):
        """JS3."""
        officer = role_user(Role.POLICY_OFFICER)
        for person in (zaandam_caseworker, officer):
            with pytest.raises(InvalidInputError) as error:
                services.jobseeker_create(
                    user=caseworker, municipality=amsterdam, data=intake(contact_person=person)
                )
            assert list(error.value.errors) == ["contact_person"]
        assert JobSeeker.objects.count() == 0
        job_seeker = services.jobseeker_create(
            user=caseworker, municipality=amsterdam, data=intake(contact_person=colleague)
        )
        assert job_seeker.contact_person == colleague

    def test_invalid_data_writes_nothing(self, caseworker, amsterdam):
        with pytest.raises(InvalidInputError) as error:
            services.jobseeker_create(
                user=caseworker,
                municipality=amsterdam,
                data=intake(bsn="123456789", birth_date=dt.date(2027, 1, 1)),
            )
        assert {"bsn", "birth_date"} <= set(error.value.errors)
        assert JobSeeker.objects.count() == 0
        assert LadderRungChange.objects.count() == 0
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).exists()

    def test_a_bsn_is_registered_once_per_municipality(self, caseworker, amsterdam):
        services.jobseeker_create(user=caseworker, municipality=amsterdam, data=intake())
        with pytest.raises(InvalidInputError) as error:
            services.jobseeker_create(user=caseworker, municipality=amsterdam, data=intake())
        assert list(error.value.errors) == ["bsn"]
        assert JobSeeker.objects.count() == 1

    def test_unknown_fields_are_refused(self, caseworker, amsterdam):
        with pytest.raises(InvalidInputError) as error:
            services.jobseeker_create(
                user=caseworker, municipality=amsterdam, data=intake(version=9, lastname="x")
            )
        assert set(error.value.errors) == {"version", "lastname"}

    def test_only_a_caseworker_of_that_municipality_registers(
        self, zaandam_caseworker, role_user, amsterdam
    ):
        for user in (zaandam_caseworker, role_user(Role.POLICY_OFFICER)):
            with pytest.raises(PermissionDeniedError):
                services.jobseeker_create(user=user, municipality=amsterdam, data=intake())
        assert JobSeeker.objects.count() == 0


class TestUpdate:
    def test_bumps_the_version_and_audits_only_the_changed_field_names(
        self, caseworker, job_seeker
    ):
        updated = services.jobseeker_update(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            expected_version=1,
            data={
                "last_name": "Bakker-Uniek",
                "city": "Amsterdam",
                "gender": job_seeker.gender,
                "ladder_rung": job_seeker.ladder_rung,
            },
        )
        assert updated.version == 2
        assert updated.updated_at == NOW
        (event,) = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE)
        assert event.fields == ["city", "last_name"]
        assert event.actor == caseworker
        assert event.job_seeker_id == job_seeker.pk
        assert "Bakker-Uniek" not in str(AuditEvent.objects.filter(pk=event.pk).values().get())

    def test_a_new_rung_is_appended_to_the_history_with_reason_and_who(
        self, caseworker, job_seeker
    ):
        """JS1: the rung with its history."""
        services.jobseeker_update(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            expected_version=1,
            data={"ladder_rung": 5},
            rung_reason="Begonnen met werk met loonkostensubsidie",
        )
        latest = job_seeker.rung_history.first()
        assert (latest.from_rung, latest.to_rung) == (3, 5)
        assert latest.reason == "Begonnen met werk met loonkostensubsidie"
        assert latest.changed_by == caseworker
        assert latest.changed_on == dt.date(2026, 11, 23)
        assert job_seeker.rung_history.count() == 2

    def test_an_unchanged_rung_adds_no_history(self, caseworker, job_seeker):
        services.jobseeker_update(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            expected_version=1,
            data={"ladder_rung": 3, "city": "Diemen"},
        )
        assert job_seeker.rung_history.count() == 1

    def test_nothing_to_change_changes_nothing(self, caseworker, job_seeker):
        services.jobseeker_update(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            expected_version=1,
            data={"first_name": job_seeker.first_name},
        )
        job_seeker.refresh_from_db()
        assert job_seeker.version == 1
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).exists()

    def test_a_stale_version_is_refused_and_nothing_changes(
        self, caseworker, colleague, job_seeker
    ):
        """Optimistic locking: the second of two edits started from version 1 is refused."""
        services.jobseeker_update(
            user=colleague,
            job_seeker_id=job_seeker.pk,
            expected_version=1,
            data={"city": "Zaandam"},
        )
        before = snapshot(job_seeker)
        with pytest.raises(StaleEditError) as error:
            services.jobseeker_update(
                user=caseworker,
                job_seeker_id=job_seeker.pk,
                expected_version=1,
                data={"city": "Amstelveen", "ladder_rung": 6},
            )
        assert error.value.current_version == 2
        assert error.value.status == 409
        assert snapshot(job_seeker) == before
        assert job_seeker.rung_history.count() == 1
        assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).count() == 1

    def test_invalid_data_is_refused_and_nothing_is_written(self, caseworker, job_seeker):
        before = snapshot(job_seeker)
        with pytest.raises(InvalidInputError) as error:
            services.jobseeker_update(
                user=caseworker,
                job_seeker_id=job_seeker.pk,
                expected_version=1,
                data={"ladder_rung": 7, "bsn": "123456789", "city": "Diemen"},
            )
        assert {"ladder_rung", "bsn"} <= set(error.value.errors)
        assert snapshot(job_seeker) == before
        assert job_seeker.rung_history.count() == 1
        assert not AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).exists()

    def test_the_change_and_its_audit_event_land_together_or_not_at_all(
        self, caseworker, job_seeker, monkeypatch
    ):
        before = snapshot(job_seeker)

        def failing_audit(**kwargs):
            raise RuntimeError("audit log unavailable")

        monkeypatch.setattr(services, "audit_record", failing_audit)
        with pytest.raises(RuntimeError):
            services.jobseeker_update(
                user=caseworker,
                job_seeker_id=job_seeker.pk,
                expected_version=1,
                data={"ladder_rung": 4, "city": "Diemen"},
            )
        assert snapshot(job_seeker) == before
        assert job_seeker.rung_history.count() == 1

    def test_only_the_contact_person_changes_special_category_items(
        self, caseworker, colleague, job_seeker
    ):
        """JS4: limitations and psychological vulnerability are restricted."""
        before = snapshot(job_seeker)
        for data in ({"limitations": "Geen tilwerk"}, {"attention_psychological": True}):
            with pytest.raises(PermissionDeniedError) as error:
                services.jobseeker_update(
                    user=colleague, job_seeker_id=job_seeker.pk, expected_version=1, data=data
                )
            assert error.value.code == "jobseeker-restricted"
        assert snapshot(job_seeker) == before
        updated = services.jobseeker_update(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            expected_version=1,
            data={"limitations": "Geen tilwerk", "attention_psychological": True},
        )
        assert updated.limitations == "Geen tilwerk"
        assert updated.attention_psychological is True

    def test_a_colleague_may_change_the_other_fields(self, colleague, job_seeker):
        updated = services.jobseeker_update(
            user=colleague, job_seeker_id=job_seeker.pk, expected_version=1, data={"city": "Diemen"}
        )
        assert updated.city == "Diemen"

    def test_the_contact_person_must_be_a_caseworker_of_the_municipality(
        self, caseworker, colleague, zaandam_caseworker, job_seeker
    ):
        """JS3."""
        before = snapshot(job_seeker)
        with pytest.raises(InvalidInputError) as error:
            services.jobseeker_update(
                user=caseworker,
                job_seeker_id=job_seeker.pk,
                expected_version=1,
                data={"contact_person": zaandam_caseworker},
            )
        assert list(error.value.errors) == ["contact_person"]
        assert snapshot(job_seeker) == before
        updated = services.jobseeker_update(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            expected_version=1,
            data={"contact_person": colleague},
        )
        assert updated.contact_person == colleague
        assert AuditEvent.objects.get(action=AuditEvent.Action.UPDATE).fields == ["contact_person"]

    def test_another_municipalitys_caseworker_finds_no_such_file(
        self, zaandam_caseworker, job_seeker
    ):
        before = snapshot(job_seeker)
        with pytest.raises(NotFoundError):
            services.jobseeker_update(
                user=zaandam_caseworker,
                job_seeker_id=job_seeker.pk,
                expected_version=1,
                data={"city": "Zaandam"},
            )
        assert snapshot(job_seeker) == before

    def test_the_job_seeker_may_not_change_their_own_file(self, job_seeker):
        user = job_seeker_login(job_seeker)
        before = snapshot(job_seeker)
        with pytest.raises(PermissionDeniedError):
            services.jobseeker_update(
                user=user, job_seeker_id=job_seeker.pk, expected_version=1, data={"ladder_rung": 6}
            )
        assert snapshot(job_seeker) == before

    def test_fields_werkpad_manages_are_not_editable(self, caseworker, job_seeker):
        before = snapshot(job_seeker)
        for name, value in (("version", 99), ("municipality", None), ("profile_reviewed_on", None)):
            with pytest.raises(InvalidInputError):
                services.jobseeker_update(
                    user=caseworker,
                    job_seeker_id=job_seeker.pk,
                    expected_version=1,
                    data={name: value},
                )
        assert snapshot(job_seeker) == before


def test_factories_give_a_file_one_intake_step():
    job_seeker = JobSeekerFactory()
    assert [(s.from_rung, s.to_rung) for s in job_seeker.rung_history.all()] == [(None, 3)]
