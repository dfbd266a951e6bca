"""The demo's employer service (EM1-EM8): the register across sectors, vacancies in every
state, imported ones in the regional file, and work waiting for ``werkgeversadviseur``
and ``werkgever``."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.demo.test_demo import demo  # noqa: F401  (the class-scoped demo fixture)
from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.worklist import worklist_for
from werkpad.employers import reference
from werkpad.employers.models import Employer, Source, UpdateKind, Vacancy
from werkpad.employers.workflow import Status


@pytest.mark.django_db
class TestDemoEmployers:
    def test_the_register_and_every_state_with_valid_codes(self, demo):  # noqa: F811
        assert Employer.objects.count() >= 6
        for employer in Employer.objects.all():
            reference.check_sector(employer.sbi_section, employer.sbi_division)
        assert set(Vacancy.objects.values_list("status", flat=True)) >= {
            Status.RECEIVED,
            Status.IN_PROGRESS,
            Status.FILLED,
            Status.NOT_FILLED,
        }
        for vacancy in Vacancy.objects.all():
            assert reference.is_isco_code(vacancy.occupation_code), vacancy.occupation_code
            assert vacancy.answer_due_at > vacancy.received_at
            if vacancy.answered_at:
                assert vacancy.answered_at >= vacancy.received_at
        assert Vacancy.objects.filter(source=Source.IMPORTED, employer__isnull=True).exists()

    def test_the_history_is_in_order(self, demo):  # noqa: F811
        for vacancy in Vacancy.objects.prefetch_related("history"):
            times = [c.changed_at for c in vacancy.history.all()]
            assert times == sorted(times) and times[0] == vacancy.received_at
            assert vacancy.history.order_by("changed_at", "id").last().to_status == vacancy.status

    def test_werkgeversadviseur_has_a_vacancy_to_answer_and_one_overdue(self, demo):  # noqa: F811
        user = User.objects.get(username="werkgeversadviseur")
        sections = {s.key: s for s in worklist_for(user)}
        to_answer = sections["vacancies-to-answer"]
        assert to_answer.count >= 2
        assert to_answer.items[0].overdue
        assert any(not item.overdue for item in to_answer.items)

    def test_werkgever_lands_on_its_vacancies_with_what_it_was_told(self, demo, settings):  # noqa: F811
        settings.WERKPAD_STAFF_2FA = False
        client = Client()
        client.force_login(User.objects.get(username="werkgever"))
        response = client.get("/", follow=True)
        assert response.redirect_chain[-1][0] == "/werkgever/"
        page = response.content.decode()
        bakery = Vacancy.objects.filter(employer__organisation__name="Bakkerij Van der Molen B.V.")
        waiting = bakery.get(status=Status.RECEIVED)
        assert waiting.title in page and waiting.answer_due_at > clock.now()
        answered = bakery.filter(updates__kind=UpdateKind.ANSWER).first()
        assert answered is not None and answered.title in page
        assert "voorselectie" in page
