"""The demo's advice requests (CO1): real work for ``raadslid`` and ``beleid``, the
history in order, the timeliness the checklist reads."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.council.advice.conftest import NOW
from tests.factories import MunicipalityFactory, OrganisationFactory, UserFactory
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.council.advice.selectors import consultation_timeliness
from werkpad.council.advice.workflow import Status
from werkpad.council.models import AdviceRequest
from werkpad.demo.council_advice import create_council_advice
from werkpad.demo.populate import demo_anchor
from werkpad.documents import filetypes
from werkpad.documents.models import document_storage

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def demo(amsterdam):
    municipalities = [
        amsterdam,
        MunicipalityFactory(name="Diemen", cbs_code="GM0384"),
        MunicipalityFactory(name="Ouder-Amstel", cbs_code="GM0437"),
    ]
    officers, members = {}, {}
    for municipality in municipalities:
        council = OrganisationFactory(municipality=municipality, kind=Organisation.Kind.COUNCIL)
        officers[municipality.pk] = UserFactory.with_role(
            Role.POLICY_OFFICER, municipality=municipality
        )
        members[council.pk] = [UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=council)]
    made = create_council_advice(
        municipalities=municipalities,
        policy_officers=officers,
        council_members=members,
        anchor=demo_anchor(),
    )
    return made, municipalities, officers, members


def test_the_demo_gives_each_side_real_work(demo):
    made, municipalities, officers, members = demo
    assert made == 10
    amsterdam = municipalities[0]
    rows = AdviceRequest.objects.filter(municipality=amsterdam)
    assert rows.filter(unasked=True, status=Status.ANSWERED).count() == 1
    assert rows.filter(status=Status.DRAFT).count() == 1
    waiting = rows.get(status=Status.SENT)
    assert waiting.sent_at.date() == NOW.date() - dt.timedelta(days=5)
    assert waiting.due_on > NOW.date() and waiting.consulted_in_time
    member = next(iter(members.values()))[0]
    sections = {s.key: s for s in worklist_for(member)}
    assert sections["council-advice-requests"].count == 1
    sections = {s.key: s for s in worklist_for(officers[amsterdam.pk])}
    assert sections["council-advice-to-respond"].count == 1


def test_the_history_runs_in_order_and_the_documents_are_real(demo):
    for request in AdviceRequest.objects.all():
        times = [h.changed_at for h in request.history.all()]
        assert times == sorted(times)
        assert request.history.last().to_status == request.status
        for attachment in request.attachments.all():
            with document_storage().open(attachment.file.name, "rb") as stored:
                assert filetypes.sniff(stored.read()) == filetypes.DOCX


def test_the_demo_has_late_consultation_and_late_advice(demo):
    _, municipalities, _, _ = demo
    found = consultation_timeliness(
        municipality=municipalities[0],
        since=NOW.date() - dt.timedelta(days=800),
        until=NOW.date(),
    )
    assert found.asked == 6
    assert found.late == 1
    assert found.advised == 5
    assert found.advised_late == 2
