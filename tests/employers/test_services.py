"""The employer service's writes (EM1-EM5): the register, intake and report, the 72-hour
answer, updates, filling, closing and withdrawal; each audited, with its history."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from tests.employers.conftest import NOW
from tests.factories import EmployerFactory, RegionFactory, UserFactory, VacancyFactory
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import Role
from werkpad.employers import selectors, services
from werkpad.employers.models import Channel, Employer, Size, UpdateKind, Vacancy
from werkpad.employers.workflow import Status
from werkpad.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def _employer_data(region, **extra):
    return {
        "name": "Groenbedrijf Diemen",
        "kvk_number": "12345678",
        "sbi_section": "N",
        "sbi_division": "81",
        "size": Size.SME,
        "region": region,
        **extra,
    }


def _vacancy_data(**extra):
    return {
        "title": "Medewerker groen",
        "occupation_code": "9214",
        "skills": ["Tuinonderhoud", " samenwerken ", "tuinonderhoud"],
        "hours_per_week": Decimal("24"),
        "conditions": ["heavy_lifting"],
        "expires_on": NOW.date() + dt.timedelta(days=60),
        **extra,
    }


def test_an_advisor_registers_an_employer_with_its_organisation(advisor, amsterdam):
    employer = services.employer_register(user=advisor, **_employer_data(amsterdam.region))
    assert employer.organisation.kind == Organisation.Kind.EMPLOYER
    assert employer.organisation.kvk_number == "12345678"
    assert employer.name == "Groenbedrijf Diemen"
    assert employer.contact_person == advisor
    assert employer.municipality == amsterdam
    assert AuditEvent.objects.filter(object_type="employer", action="create").count() == 1


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "abcdefgh", "00000000", ""])
def test_a_kvk_number_has_eight_digits(advisor, amsterdam, kvk):
    with pytest.raises(InvalidInputError) as caught:
        services.employer_register(user=advisor, **_employer_data(amsterdam.region, kvk_number=kvk))
    assert caught.value.errors["kvk_number"] == ["Een KvK-nummer heeft precies 8 cijfers."]
    assert not Employer.objects.exists()


def test_a_kvk_number_is_unique_in_the_municipality_with_a_dutch_message(
    advisor, amsterdam, employer
):
    from django.utils import translation

    with translation.override("nl"), pytest.raises(InvalidInputError) as caught:
        services.employer_register(
            user=advisor, **_employer_data(amsterdam.region, kvk_number=employer.kvk_number)
        )
    assert "KvK-nummer" in caught.value.errors["kvk_number"][0]
    assert Employer.objects.count() == 1


def test_a_division_must_belong_to_the_section(advisor, amsterdam):
    with pytest.raises(InvalidInputError) as caught:
        services.employer_register(
            user=advisor, **_employer_data(amsterdam.region, sbi_section="C", sbi_division="81")
        )
    assert "sbi_division" in caught.value.errors


def test_only_an_employer_advisor_registers(amsterdam):
    caseworker = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    with pytest.raises(PermissionDeniedError):
        services.employer_register(user=caseworker, **_employer_data(amsterdam.region))


def test_update_with_a_stale_version_is_refused(advisor, employer):
    services.employer_update(
        user=advisor, employer_id=employer.pk, expected_version=1, networks="MKB Amsterdam"
    )
    employer.refresh_from_db()
    assert (employer.networks, employer.version) == ("MKB Amsterdam", 2)
    with pytest.raises(StaleEditError):
        services.employer_update(
            user=advisor, employer_id=employer.pk, expected_version=1, csr=True
        )
    services.employer_update(
        user=advisor, employer_id=employer.pk, expected_version=2, name="Bakkerij B.V."
    )
    employer.refresh_from_db()
    assert employer.name == "Bakkerij B.V."


def test_an_advisor_of_another_municipality_does_not_change_the_entry(employer, zaandam):
    other = UserFactory.with_role(Role.EMPLOYER_ADVISOR, municipality=zaandam)
    with pytest.raises(NotFoundError):
        services.employer_update(user=other, employer_id=employer.pk, networks="x")


def test_the_employer_reports_its_own_on_the_web_and_the_term_starts(employer, employer_user):
    vacancy = services.vacancy_report(
        user=employer_user, employer_id=employer.pk, **_vacancy_data()
    )
    assert vacancy.channel == Channel.WEB
    assert vacancy.status == Status.RECEIVED
    assert vacancy.received_at == NOW
    assert vacancy.answer_due_at == NOW + dt.timedelta(hours=72)
    assert vacancy.skills == ["tuinonderhoud", "samenwerken"]
    assert vacancy.handled_by == employer.contact_person
    assert vacancy.reported_by == employer_user
    assert list(vacancy.history.values_list("to_status", flat=True)) == [Status.RECEIVED]


def test_an_employer_reports_for_its_own_organisation_only(employer, employer_user, amsterdam):
    other = EmployerFactory(municipality=amsterdam)
    with pytest.raises(NotFoundError):
        services.vacancy_report(user=employer_user, employer_id=other.pk, **_vacancy_data())


def test_the_intake_records_channel_and_agreements_and_checks_isco(advisor, employer):
    vacancy = services.vacancy_intake(
        user=advisor,
        employer_id=employer.pk,
        channel=Channel.VISIT,
        distribution="municipality",
        preselection=False,
        **_vacancy_data(),
    )
    assert (vacancy.channel, vacancy.distribution, vacancy.preselection) == (
        Channel.VISIT,
        "municipality",
        False,
    )
    with pytest.raises(InvalidInputError) as caught:
        services.vacancy_intake(
            user=advisor,
            employer_id=employer.pk,
            channel=Channel.PHONE,
            **_vacancy_data(
                occupation_code="9999",
                conditions=["juggling"],
                expires_on=NOW.date() - dt.timedelta(days=1),
            ),
        )
    assert set(caught.value.errors) == {"occupation_code", "conditions", "expires_on"}
    with pytest.raises(InvalidInputError) as caught:
        services.vacancy_intake(
            user=advisor, employer_id=employer.pk, channel=Channel.WEB, **_vacancy_data()
        )
    assert "channel" in caught.value.errors


# --- the 72-hour term (EM3) --------------------------------------------------------------


def test_the_answer_is_due_exactly_72_hours_after_receipt(employer):
    vacancy = VacancyFactory(employer=employer, received_at=NOW)
    assert vacancy.answer_due_at == NOW + dt.timedelta(hours=72)


def test_not_overdue_at_71_hours_59_minutes_overdue_after_72(advisor, employer):
    vacancy = VacancyFactory(employer=employer, received_at=NOW)

    def overdue():
        return Vacancy.objects.filter(selectors.overdue_q(), pk=vacancy.pk).exists()

    with time_machine.travel(NOW + dt.timedelta(hours=71, minutes=59), tick=False):
        assert not overdue()
    with time_machine.travel(NOW + dt.timedelta(hours=72), tick=False):
        assert not overdue()
    with time_machine.travel(NOW + dt.timedelta(hours=72, seconds=1), tick=False):
        assert overdue()
        rows = list(selectors.vacancy_list(user=advisor, filters={"overdue": "true"}))
        assert rows == [vacancy]


def test_answering_in_time_moves_it_in_progress_and_tells_the_employer(
    advisor, employer, employer_user, django_capture_on_commit_callbacks, run_worker
):
    vacancy = VacancyFactory(employer=employer, received_at=NOW)
    with (
        time_machine.travel(NOW + dt.timedelta(hours=71), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.vacancy_answer(
            user=advisor,
            vacancy_id=vacancy.pk,
            text="Drie kandidaten in beeld.",
            expected_fill_by=NOW.date() + dt.timedelta(weeks=4),
            expected_version=1,
        )
    vacancy.refresh_from_db()
    assert vacancy.status == Status.IN_PROGRESS
    assert vacancy.answered_at == NOW + dt.timedelta(hours=71)
    assert not services.answered_late(vacancy)
    assert vacancy.expected_fill_by == NOW.date() + dt.timedelta(weeks=4)
    update = vacancy.updates.get()
    assert (update.kind, update.text) == (UpdateKind.ANSWER, "Drie kandidaten in beeld.")
    run_worker()
    assert Notification.objects.filter(recipient=employer_user, topic="vacancy-answer").exists()
    assert vacancy.history.last().reason == ""


def test_answering_after_the_term_is_allowed_and_recorded_late(advisor, employer):
    vacancy = VacancyFactory(employer=employer, received_at=NOW)
    with time_machine.travel(NOW + dt.timedelta(hours=80), tick=False):
        services.vacancy_answer(
            user=advisor,
            vacancy_id=vacancy.pk,
            text="Twee kandidaten.",
            expected_fill_by=NOW.date() + dt.timedelta(days=30),
        )
    vacancy.refresh_from_db()
    assert vacancy.status == Status.IN_PROGRESS
    assert services.answered_late(vacancy)
    assert vacancy.history.last().reason == "Beantwoord na de termijn van 72 uur."
    event = AuditEvent.objects.filter(object_type="vacancy", action="update").last()
    assert "late" in event.fields


def test_an_answer_needs_the_text_and_the_term(advisor, employer):
    vacancy = VacancyFactory(employer=employer)
    with pytest.raises(InvalidInputError):
        services.vacancy_answer(
            user=advisor, vacancy_id=vacancy.pk, text="Ja", expected_fill_by=None
        )
    with pytest.raises(InvalidInputError):
        services.vacancy_answer(
            user=advisor, vacancy_id=vacancy.pk, text=" ", expected_fill_by=NOW.date()
        )
    vacancy.refresh_from_db()
    assert vacancy.status == Status.RECEIVED and not vacancy.updates.exists()


def _answered(advisor, employer):
    vacancy = VacancyFactory(employer=employer)
    services.vacancy_answer(
        user=advisor, vacancy_id=vacancy.pk, text="Kandidaten.", expected_fill_by=NOW.date()
    )
    return vacancy


def test_updates_fit_the_status(advisor, employer):
    vacancy = _answered(advisor, employer)
    services.vacancy_update_send(
        user=advisor, vacancy_id=vacancy.pk, kind=UpdateKind.JOB_CARVING, text="Splits de functie."
    )
    with pytest.raises(InvalidInputError):
        services.vacancy_update_send(
            user=advisor, vacancy_id=vacancy.pk, kind=UpdateKind.AFTERCARE, text="Nazorg."
        )
    services.vacancy_fill(user=advisor, vacancy_id=vacancy.pk, text="Wij bellen over vier weken.")
    vacancy.refresh_from_db()
    assert vacancy.status == Status.FILLED
    services.vacancy_update_send(
        user=advisor, vacancy_id=vacancy.pk, kind=UpdateKind.AFTERCARE, text="Het gaat goed."
    )
    kinds = list(vacancy.updates.values_list("kind", flat=True))
    assert kinds == ["answer", "job_carving", "aftercare", "aftercare"]
    with pytest.raises(TransitionRefusedError):
        services.vacancy_withdraw(user=advisor, vacancy_id=vacancy.pk, reason="Weg.")


def test_closing_needs_reason_and_advice(advisor, employer):
    vacancy = _answered(advisor, employer)
    with pytest.raises(InvalidInputError):
        services.vacancy_close(
            user=advisor, vacancy_id=vacancy.pk, reason="Geen kandidaten.", advice=""
        )
    services.vacancy_close(
        user=advisor, vacancy_id=vacancy.pk, reason="Geen kandidaten.", advice="Minder uren."
    )
    vacancy.refresh_from_db()
    assert vacancy.status == Status.NOT_FILLED
    assert vacancy.history.last().reason == "Geen kandidaten."
    assert vacancy.updates.last().kind == UpdateKind.ADVICE


def test_the_employer_withdraws_its_own_open_vacancy_with_a_reason(employer, employer_user):
    vacancy = VacancyFactory(employer=employer)
    with pytest.raises(InvalidInputError):
        services.vacancy_withdraw(user=employer_user, vacancy_id=vacancy.pk, reason="")
    services.vacancy_withdraw(user=employer_user, vacancy_id=vacancy.pk, reason="Intern ingevuld.")
    vacancy.refresh_from_db()
    assert vacancy.status == Status.WITHDRAWN
    assert vacancy.history.last().reason == "Intern ingevuld."


def test_the_employer_does_not_answer_or_fill(employer, employer_user):
    vacancy = VacancyFactory(employer=employer)
    with pytest.raises(PermissionDeniedError):
        services.vacancy_answer(
            user=employer_user, vacancy_id=vacancy.pk, text="x", expected_fill_by=NOW.date()
        )
    with pytest.raises(PermissionDeniedError):
        services.vacancy_fill(user=employer_user, vacancy_id=vacancy.pk)


def test_the_regional_file_reads_other_municipalities_of_the_region_but_not_their_changes(
    employer, zaandam
):
    regional = VacancyFactory(employer=employer, distribution="region")
    local = VacancyFactory(employer=employer, distribution="municipality")
    neighbour = UserFactory.with_role(Role.EMPLOYER_ADVISOR, municipality=zaandam)
    assert set(selectors.vacancy_list(user=neighbour)) == {regional}
    with pytest.raises(PermissionDeniedError):
        services.vacancy_fill(user=neighbour, vacancy_id=regional.pk)
    with pytest.raises(NotFoundError):
        selectors.vacancy_get(user=neighbour, id=local.pk)
    far = UserFactory.with_role(
        Role.EMPLOYER_ADVISOR,
        municipality=zaandam.__class__.objects.create(
            name="Groningen", cbs_code="GM0014", region=RegionFactory(code="AM01", name="Groningen")
        ),
    )
    assert list(selectors.vacancy_list(user=far)) == []


def test_the_answer_term_is_a_topic_the_sweep_knows(advisor, employer):
    from werkpad.notifications.terms import sweep

    VacancyFactory(employer=employer, received_at=NOW - dt.timedelta(days=5))
    VacancyFactory(employer=employer, received_at=NOW)
    sweep(today=NOW.date())
    notes = Notification.objects.filter(recipient=advisor, topic="vacancy-answer-term")
    assert sorted(notes.values_list("kind", flat=True)) == ["term_near", "term_passed"]
