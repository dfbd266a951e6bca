"""The timeliness of consulting the council (the evidence of checklist 1.1/1.2), the
list's scope, the worklist sections and the reminder sweep of the advice term."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.council.advice.conftest import AMSTERDAM, NOW
from tests.council.advice.factories import AdviceRequestFactory
from tests.factories import UserFactory
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.council.advice.selectors import (
    Timeliness,
    advice_request_list,
    consultation_timeliness,
)
from werkpad.council.models import AdviceRequest
from werkpad.notifications.models import Notification
from werkpad.notifications.terms import sweep

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def _sent(council, day, *, in_time=True, advised_late=None, kind="regulation", **kw):
    values = {
        "municipality": council.municipality,
        "council": council,
        "kind": kind,
        "sent": True,
        "sent_at": dt.datetime.combine(day, dt.time(23, 30), tzinfo=AMSTERDAM),
        "consulted_in_time": in_time,
    }
    if advised_late is not None:
        values |= {"advised": True, "advised_late": advised_late}
    return AdviceRequestFactory(**values | kw)


def test_consultation_timeliness_counts_requests_sent_in_the_period(council, other_council):
    _sent(council, dt.date(2026, 1, 1))  # the first day, late in the evening: counted
    _sent(council, dt.date(2026, 3, 1), in_time=False, advised_late=True)
    _sent(council, dt.date(2026, 6, 1), advised_late=False, kind="policy_plan")
    _sent(council, dt.date(2026, 6, 2), in_time=False, kind="proposal")
    _sent(council, dt.date(2025, 12, 31))  # before the period
    _sent(council, dt.date(2027, 1, 1))  # after it
    _sent(other_council, dt.date(2026, 6, 1))  # another municipality
    AdviceRequestFactory(municipality=council.municipality, council=council)  # a draft
    AdviceRequestFactory(
        municipality=council.municipality,
        council=council,
        own_initiative=True,
        status="advised",
        advised_at=NOW,
        advised_late=True,
    )
    period = {
        "municipality": council.municipality,
        "since": dt.date(2026, 1, 1),
        "until": dt.date(2026, 12, 31),
    }
    assert consultation_timeliness(**period) == Timeliness(
        asked=4, in_time=2, late=2, advised=2, advised_late=1
    )
    assert consultation_timeliness(
        **period, kinds=[AdviceRequest.Kind.REGULATION, AdviceRequest.Kind.POLICY_PLAN]
    ) == Timeliness(asked=3, in_time=2, late=1, advised=2, advised_late=1)
    assert consultation_timeliness(**period, kinds=[]) == Timeliness(0, 0, 0, 0, 0)


def test_consultation_timeliness_is_one_query(council, django_assert_num_queries):
    _sent(council, dt.date(2026, 3, 1))
    with django_assert_num_queries(1):
        consultation_timeliness(
            municipality=council.municipality,
            since=dt.date(2026, 1, 1),
            until=dt.date(2026, 12, 31),
        )


def test_the_list_shows_each_side_its_own(council, other_council, member, officer, other_member):
    draft = AdviceRequestFactory(municipality=council.municipality, council=council)
    sent = AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    own_draft = AdviceRequestFactory(
        municipality=council.municipality, council=council, own_initiative=True
    )
    neighbour = AdviceRequestFactory(
        municipality=other_council.municipality, council=other_council, sent=True
    )
    admin = UserFactory.with_role(Role.FUNCTIONAL_ADMIN, municipality=council.municipality)
    caseworker = UserFactory.with_role(Role.CASEWORKER, municipality=council.municipality)
    assert set(advice_request_list(user=member)) == {sent, own_draft}
    assert set(advice_request_list(user=officer)) == {draft, sent}
    assert set(advice_request_list(user=admin)) == {draft, sent}
    assert set(advice_request_list(user=other_member)) == {neighbour}
    assert set(advice_request_list(user=caseworker)) == set()
    assert set(advice_request_list(user=officer, filters={"status": "sent"})) == {sent}


def test_the_worklists_show_what_waits_overdue_first(council, member, officer):
    soon = AdviceRequestFactory(
        municipality=council.municipality, council=council, sent=True, title="Binnenkort"
    )
    overdue = AdviceRequestFactory(
        municipality=council.municipality,
        council=council,
        sent=True,
        title="Te laat",
        due_on=dt.date(2026, 11, 20),
    )
    advised = AdviceRequestFactory(
        municipality=council.municipality, council=council, advised=True, title="Geadviseerd"
    )
    sections = {s.key: s for s in worklist_for(member)}
    waiting = sections["council-advice-requests"]
    assert waiting.count == 2
    assert [(i.title, i.overdue) for i in waiting.items] == [
        (overdue.title, True),
        (soon.title, False),
    ]
    assert "council-advice-to-respond" not in sections
    respond = {s.key: s for s in worklist_for(officer)}["council-advice-to-respond"]
    assert (respond.count, [i.title for i in respond.items]) == (1, [advised.title])


def test_the_sweep_reminds_the_council_before_the_term_ends_once(council, member):
    AdviceRequestFactory(
        municipality=council.municipality, council=council, sent=True, due_on=dt.date(2026, 11, 25)
    )
    AdviceRequestFactory(  # far off: not yet
        municipality=council.municipality, council=council, sent=True, due_on=dt.date(2027, 1, 25)
    )
    first = sweep(today=NOW.date())
    assert len(first) == 1
    note = Notification.objects.get(pk=first[0])
    assert (note.recipient, note.topic, note.kind) == (member, "council-advice-term", "term_near")
    assert sweep(today=NOW.date()) == []
