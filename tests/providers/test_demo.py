"""The demo's providers, programme catalogue and instruments (PR1, PR2, IN1)."""

from __future__ import annotations

import pytest

from tests.demo.test_demo import demo  # noqa: F401  (the small demo, loaded once per class)
from werkpad.accounts.models import User
from werkpad.core import clock
from werkpad.core.models import Municipality, Organisation
from werkpad.core.worklist import worklist_for
from werkpad.demo.providers import PROGRAMMES
from werkpad.instruments.models import Instrument, InstrumentType
from werkpad.providers.models import CertificationStatus, Format, Programme, Provider


@pytest.mark.django_db
class TestDemoCatalogue:
    def test_every_provider_organisation_is_a_registered_provider(self, demo):  # noqa: F811
        providers = Provider.objects.select_related("organisation")
        assert providers.count() == 5
        assert {p.organisation.kind for p in providers} == {Organisation.Kind.PROVIDER}
        for provider in providers:
            assert provider.kvk_number == provider.organisation.kvk_number
            assert provider.complaint_regulation and provider.privacy_statement
        statuses = [p.certification_status(clock.today()) for p in providers]
        assert statuses.count(CertificationStatus.EXPIRING) == 1
        assert any(p.affiliated_organisations.exists() for p in providers)
        assert any(p.subcontractors.exists() for p in providers)

    def test_the_policy_officer_sees_the_certification_warning(self, demo):  # noqa: F811
        (section,) = [
            s for s in worklist_for(User.objects.get(username="beleid")) if s.key == "certification"
        ]
        assert section.count == 1 and section.items[0].title == "Amstelwerk Re-integratie B.V."

    def test_every_municipality_has_programmes_for_every_rung(self, demo):  # noqa: F811
        for municipality in Municipality.objects.all():
            programmes = Programme.objects.filter(municipality=municipality, active=True)
            assert programmes.count() >= 5, municipality.name
            served = {r for p in programmes for r in range(p.rung_from, p.rung_to + 1)}
            assert served == set(range(1, 7)), municipality.name
            assert not programmes.exclude(provider__municipality=municipality).exists()

    def test_25_to_40_programmes_over_both_lots_rungs_and_formats(self, demo):  # noqa: F811
        main = Programme.objects.filter(municipality__cbs_code="GM0363")
        assert 25 <= main.count() <= 40
        programmes = list(Programme.objects.all())
        assert [p.name for p in Programme.objects.order_by("pk")] == [p.name for p in PROGRAMMES]
        assert {p.lot for p in programmes} == {1, 2}
        assert {p.format for p in programmes} == set(Format.values)
        assert {r for p in programmes for r in range(p.rung_from, p.rung_to + 1)} == set(
            range(1, 7)
        )
        assert 0 < sum(p.job_guarantee for p in programmes) < len(programmes)
        assert len({p.provider_id for p in main}) == 3
        assert len({p.duration_weeks for p in programmes}) > 5
        assert len({p.price for p in programmes}) > 10
        assert all(p.plain_summary and p.goal and p.content for p in programmes)
        assert Programme.objects.filter(instruments__isnull=False).distinct().count() > 20

    def test_every_municipality_has_the_whole_instruments_catalogue(self, demo):  # noqa: F811
        for municipality in Municipality.objects.all():
            types = set(
                Instrument.objects.filter(municipality=municipality).values_list("type", flat=True)
            )
            assert types == set(InstrumentType.values), municipality.name
