"""The search profile (MA1, EM6): the caseworker writes and confirms it, audited, with
optimistic locking; the pseudonym is random and stable; the file page shows it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories import JobSeekerFactory, UserFactory
from tests.matching.conftest import NOW
from tests.matching.factories import SearchProfileFactory
from werkpad.core.errors import InvalidInputError, NotFoundError, StaleEditError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.matching import selectors, services
from werkpad.matching.models import SearchProfile

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

VALUES = {
    "occupation_codes": ["9112", "5223"],
    "skills": ["Schoonmaken", " kassa "],
    "min_hours": "16",
    "max_hours": "32,5",
    "limitations": ["no_night_work"],
    "preferences": ["9112"],
}


def test_a_caseworker_makes_the_profile_with_the_municipality_region_by_default(
    caseworker, job_seeker
):
    profile = services.search_profile_save(user=caseworker, job_seeker_id=job_seeker.pk, **VALUES)
    assert profile.regions == [job_seeker.municipality.region.code]
    assert profile.skills == ["schoonmaken", "kassa"]
    assert profile.max_hours == Decimal("32.5")
    assert profile.pseudonym.startswith("K-") and len(profile.pseudonym) == 6
    assert (
        job_seeker.bsn not in profile.pseudonym and str(job_seeker.pk) not in profile.pseudonym[2:]
    )
    event = AuditEvent.objects.get(object_type="search profile", action="create")
    assert event.job_seeker_id == job_seeker.pk


def test_the_pseudonym_stays_when_the_profile_changes(caseworker, job_seeker):
    first = services.search_profile_save(user=caseworker, job_seeker_id=job_seeker.pk, **VALUES)
    again = services.search_profile_save(
        user=caseworker,
        job_seeker_id=job_seeker.pk,
        expected_version=first.version,
        **{**VALUES, "occupation_codes": ["9412"]},
    )
    assert again.pseudonym == first.pseudonym
    assert again.version == first.version + 1
    assert again.occupation_codes == ["9412"]


def test_pseudonyms_differ_between_job_seekers(caseworker, amsterdam):
    pseudonyms = {
        services.search_profile_save(
            user=caseworker,
            job_seeker_id=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker).pk,
            **VALUES,
        ).pseudonym
        for _ in range(5)
    }
    assert len(pseudonyms) == 5


def test_a_stale_version_is_refused_and_nothing_changes(caseworker, job_seeker):
    profile = services.search_profile_save(user=caseworker, job_seeker_id=job_seeker.pk, **VALUES)
    with pytest.raises(StaleEditError):
        services.search_profile_save(
            user=caseworker,
            job_seeker_id=job_seeker.pk,
            expected_version=profile.version + 1,
            **{**VALUES, "occupation_codes": ["9412"]},
        )
    assert SearchProfile.objects.get().occupation_codes == ["9112", "5223"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"occupation_codes": []}, "occupation_codes"),
        ({"occupation_codes": ["91120"]}, "occupation_codes"),
        ({"occupation_codes": ["kok"]}, "occupation_codes"),
        ({"regions": ["XX99"]}, "regions"),
        ({"min_hours": "40", "max_hours": "20"}, "max_hours"),
        ({"min_hours": "-1"}, "min_hours"),
        ({"limitations": ["no_swimming"]}, "limitations"),
    ],
)
def test_a_wrong_profile_is_refused_at_its_field(caseworker, job_seeker, change, field):
    with pytest.raises(InvalidInputError) as refused:
        services.search_profile_save(
            user=caseworker, job_seeker_id=job_seeker.pk, **{**VALUES, **change}
        )
    assert field in refused.value.errors
    assert not SearchProfile.objects.exists()


def test_confirming_sets_the_day_and_who(caseworker, job_seeker):
    profile = SearchProfileFactory(job_seeker=job_seeker, confirmed_current_on=None)
    assert not selectors.is_current(profile)
    confirmed = services.search_profile_confirm(
        user=caseworker, job_seeker_id=job_seeker.pk, expected_version=profile.version
    )
    assert confirmed.confirmed_current_on == NOW.date()
    assert confirmed.confirmed_by == caseworker
    assert selectors.is_current(confirmed)


def test_a_confirmation_older_than_the_period_is_not_current(job_seeker):
    import datetime as dt

    assert not selectors.is_current(
        SearchProfileFactory(job_seeker=job_seeker, confirmed_current_on=dt.date(2026, 5, 22))
    )
    SearchProfile.objects.all().delete()
    assert selectors.is_current(
        SearchProfileFactory(job_seeker=job_seeker, confirmed_current_on=dt.date(2026, 5, 23))
    )


def test_confirming_without_a_profile_is_not_found(caseworker, job_seeker):
    with pytest.raises(NotFoundError):
        services.search_profile_confirm(user=caseworker, job_seeker_id=job_seeker.pk)


def test_a_caseworker_of_another_municipality_cannot_touch_it(zaandam, job_seeker):
    other = UserFactory.with_role(Role.CASEWORKER, municipality=zaandam)
    with pytest.raises(NotFoundError):
        services.search_profile_save(user=other, job_seeker_id=job_seeker.pk, **VALUES)


def test_the_file_page_shows_the_section_and_the_edit_page_saves(client, caseworker, job_seeker):
    client.force_login(caseworker)
    page = client.get(f"/werkzoekenden/{job_seeker.pk}/").content.decode()
    assert 'id="search-profile"' in page
    assert f"/matching/profiel/{job_seeker.pk}/" in page
    response = client.post(
        f"/matching/profiel/{job_seeker.pk}/",
        {
            "occupation_codes": "9112, 5223",
            "skills": "schoonmaken",
            "min_hours": "12",
            "max_hours": "24",
            "limitations": ["no_driving"],
            "preferences": "",
        },
    )
    assert response.status_code == 302
    profile = SearchProfile.objects.get()
    assert profile.limitations == ["no_driving"]
    page = client.get(f"/werkzoekenden/{job_seeker.pk}/").content.decode()
    assert profile.pseudonym in page
    response = client.post(
        f"/matching/profiel/{job_seeker.pk}/bevestigen/", {"version": profile.version}
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.confirmed_current_on == NOW.date()


def test_the_edit_page_shows_dutch_errors(client, caseworker, job_seeker):
    client.force_login(caseworker)
    response = client.post(
        f"/matching/profiel/{job_seeker.pk}/",
        {"occupation_codes": "kok", "min_hours": "10", "max_hours": "20"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert not SearchProfile.objects.exists()


def test_only_the_contact_person_sees_and_sets_the_limitations(client, amsterdam, job_seeker):
    colleague = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    SearchProfileFactory(job_seeker=job_seeker, limitations=["no_night_work"])
    client.force_login(colleague)
    page = client.get(f"/werkzoekenden/{job_seeker.pk}/").content.decode()
    assert 'id="search-profile"' in page and "Geen nachtwerk" not in page
    form = client.get(f"/matching/profiel/{job_seeker.pk}/").content.decode()
    assert 'name="limitations"' not in form
    response = client.post(
        f"/matching/profiel/{job_seeker.pk}/",
        {"occupation_codes": "9412", "min_hours": "8", "max_hours": "20"},
    )
    assert response.status_code == 302
    profile = SearchProfile.objects.get()
    assert profile.occupation_codes == ["9412"] and profile.limitations == ["no_night_work"]
    from werkpad.core.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        services.search_profile_save(
            user=colleague, job_seeker_id=job_seeker.pk, **{**VALUES, "limitations": []}
        )
