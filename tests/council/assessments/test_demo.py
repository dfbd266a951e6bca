"""The demo's assessments (CO3): Amsterdam's final one of a year ago and its draft now,
Diemen's and Ouder-Amstel's shared with the region."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.council.assessments.factories import CouncilFactory
from tests.factories import MunicipalityFactory, UserFactory
from werkpad.core.permissions import Role
from werkpad.council.assessments import selectors
from werkpad.council.models.assessments import Assessment
from werkpad.demo.council_assessments import create_council_assessments

pytestmark = pytest.mark.django_db


def test_the_demo_assessments(amsterdam):
    organisations = {"council": CouncilFactory(municipality=amsterdam)}
    for key, name, code in (
        ("council-diemen", "Diemen", "GM0384"),
        ("council-ouder-amstel", "Ouder-Amstel", "GM0437"),
    ):
        municipality = MunicipalityFactory(name=name, cbs_code=code, region=amsterdam.region)
        organisations[key] = CouncilFactory(municipality=municipality)
    members = {
        o.pk: [UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=o)]
        for o in organisations.values()
    }
    made = create_council_assessments(
        organisations=organisations, council_members=members, anchor=dt.date(2026, 11, 23), seed=7
    )
    assert made == 4
    final, draft = (
        Assessment.objects.filter(council=organisations["council"]).order_by("created_at").all()
    )
    assert final.status == "final" and final.answers.count() == 56
    assert {a.answer for a in final.answers.all()} == {"yes", "no"}
    assert draft.status == "draft" and draft.previous == final
    assert draft.answers.count() == 28
    _a, _p, changes = selectors.comparison(
        user=members[organisations["council"].pk][0], id=draft.pk
    )
    assert any(c.answer_changed and c.new is not None for c in changes)
    overview = selectors.regional_overview(user=members[organisations["council"].pk][0])
    assert len(overview.assessments) == 2
