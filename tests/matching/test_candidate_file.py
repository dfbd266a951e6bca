"""The candidate file for employers (EM6, TR4).

Only job seekers who consented to employers and whose profile was confirmed current
are in it, pseudonymised, with only the parts consented. Before the job seeker agrees
to an introduction no employer-facing page or API response carries a name, an
identifier or a contact detail; after agreeing the name and the chosen contact
details, and never anything of the health part."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.html import escape

from tests.access import api_client, page_client
from tests.factories import EmployerFactory, JobSeekerFactory, UserFactory
from tests.matching.conftest import NOW
from tests.matching.factories import SearchProfileFactory, in_candidate_file
from werkpad.consents import parts
from werkpad.consents import services as consent_services
from werkpad.consents.models import Consent
from werkpad.core.errors import ConflictError, InvalidInputError, NotFoundError
from werkpad.core.permissions import Role
from werkpad.matching import selectors, services
from werkpad.matching.models import IntroductionRequest
from werkpad.matching.workflow import Status
from werkpad.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

HEALTH = ["Rugklachten", "no_heavy_lifting", "heavy lifting", "zwaar tillen", "Geen zwaar"]


def identifiers(job_seeker) -> list[str]:
    return [
        job_seeker.first_name,
        job_seeker.last_name,
        job_seeker.bsn,
        job_seeker.email,
        job_seeker.phone,
        job_seeker.birth_date.strftime("%d-%m-%Y"),
        job_seeker.birth_date.isoformat(),
    ]


def employer_views(employer_user, candidate, introduction=None) -> list[str]:
    """Every employer-facing page and API response about the candidate, as text."""
    page = page_client(employer_user)
    api = api_client(employer_user)
    texts = [
        page.get("/kandidaten/").content.decode(),
        page.get(f"/kandidaten/{candidate.pseudonym}/").content.decode(),
        api.get("/api/v1/candidates").content.decode(),
    ]
    if introduction is not None:
        texts.append(page.get(f"/kandidaten/kennismakingen/{introduction.pk}/").content.decode())
        texts.append(api.get(f"/api/v1/introductions/{introduction.pk}").content.decode())
    return texts


def test_the_candidate_is_in_the_file_by_pseudonym_only(employer_user, candidate):
    texts = employer_views(employer_user, candidate)
    assert all(candidate.pseudonym in text for text in texts)
    for text in texts:
        for value in identifiers(candidate.job_seeker) + HEALTH:
            assert value not in text, value
    assert "HACCP" in texts[1]  # the work part, consented


def test_without_consent_or_confirmation_no_profile_is_in_the_file(amsterdam, employer_user):
    unconsented = SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
    unconfirmed = in_candidate_file(
        SearchProfileFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam), confirmed_current_on=None
        )
    )
    outdated = in_candidate_file(
        SearchProfileFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam),
            confirmed_current_on=dt.date(2026, 4, 1),
        )
    )
    left = in_candidate_file(
        SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam, left=True))
    )
    other_town = in_candidate_file(
        SearchProfileFactory(job_seeker=JobSeekerFactory(other_municipality=True))
    )
    requested = SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
    from tests.factories import give_consent

    give_consent(requested.job_seeker, part=parts.WORK, status="requested")
    _employer, cards = selectors.candidate_list(user=employer_user)
    assert cards == []
    for profile in (unconsented, unconfirmed, outdated, left, other_town, requested):
        with pytest.raises(NotFoundError):
            selectors.candidate_get(user=employer_user, pseudonym=profile.pseudonym)


def test_only_the_consented_parts_are_shown(employer_user, profile):
    in_candidate_file(profile, shared=[parts.PREFERENCES])
    _employer, card = selectors.candidate_get(user=employer_user, pseudonym=profile.pseudonym)
    assert card.shared_parts == {parts.PREFERENCES}
    assert card.skills == () and card.knowledge == ""
    assert card.wishes == "Graag werken in de ochtend."
    body = api_client(employer_user).get("/api/v1/candidates").json()
    assert body["results"][0]["skills"] is None
    assert body["results"][0]["wishes"] == "Graag werken in de ochtend."


def test_withdrawing_the_consent_removes_the_profile_at_once(employer_user, candidate, seeker):
    assert len(selectors.candidate_list(user=employer_user)[1]) == 1
    for consent in Consent.objects.filter(recipient="employers"):
        consent_services.consent_withdraw(user=seeker, consent_id=consent.pk)
    assert selectors.candidate_list(user=employer_user)[1] == []
    assert (
        candidate.pseudonym not in page_client(employer_user).get("/kandidaten/").content.decode()
    )
    assert page_client(employer_user).get(f"/kandidaten/{candidate.pseudonym}/").status_code == 404


@pytest.mark.parametrize(
    ("filters", "found"),
    [
        ({"occupation": "9112"}, True),
        ({"occupation": "5223"}, False),
        ({"skill": "schoonmaken"}, True),
        ({"skill": "koken"}, False),
        ({"region": "AM10"}, True),
        ({"region": "UT01"}, False),
        ({"hours": "24"}, True),
        ({"hours": "40"}, False),
    ],
)
def test_the_filters(employer_user, candidate, filters, found):
    _employer, cards = selectors.candidate_list(user=employer_user, filters=filters)
    assert bool(cards) is found


def test_a_bad_filter_is_refused(employer_user, candidate):
    with pytest.raises(InvalidInputError):
        selectors.candidate_list(user=employer_user, filters={"occupation": "91"})
    response = api_client(employer_user).get("/api/v1/candidates", {"hours": "veel"})
    assert response.status_code == 400


@pytest.mark.parametrize("n", [1, 10, 50])
def test_the_candidate_file_takes_a_flat_number_of_queries(
    amsterdam, employer_user, n, django_assert_num_queries
):
    for _ in range(n):
        in_candidate_file(SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam)))
    employer_user = type(employer_user).objects.get(pk=employer_user.pk)
    # grants, the employer, the profiles, their consents, the proposals, the audit row
    with django_assert_num_queries(6):
        _employer, cards = selectors.candidate_list(user=employer_user)
    assert len(cards) == n


def test_the_introduction_from_request_to_agreement(
    employer, employer_user, candidate, seeker, django_capture_on_commit_callbacks, run_worker
):
    job_seeker = candidate.job_seeker
    with django_capture_on_commit_callbacks(execute=True):
        introduction = services.introduction_request(
            user=employer_user, pseudonym=candidate.pseudonym, message="Kom eens langs."
        )
    run_worker()
    assert Notification.objects.get(topic="introduction").recipient_id == seeker.pk
    before = employer_views(employer_user, candidate, introduction)
    for text in before:
        for value in identifiers(job_seeker) + HEALTH:
            assert value not in text, value
    # the job seeker sees exactly what would go, before answering
    own = page_client(seeker).get("/mijn/kennismakingen/").content.decode()
    assert escape(job_seeker.last_name) in own and job_seeker.email in own and "HACCP" in own
    assert "Rugklachten" not in own
    home = page_client(seeker).get("/mijn/").content.decode()
    assert 'id="introduction-requests"' in home
    with django_capture_on_commit_callbacks(execute=True):
        response = page_client(seeker).post(
            f"/mijn/kennismakingen/{introduction.pk}/antwoord/",
            {"agreed": "yes", "share_email": "on", "version": introduction.version},
        )
    assert response.status_code == 302
    run_worker()
    introduction.refresh_from_db()
    assert introduction.status == Status.AGREED and introduction.share_email
    assert not introduction.share_phone
    told = set(
        Notification.objects.filter(topic="introduction-answer").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {employer_user.pk, employer.contact_person_id}
    after = employer_views(employer_user, candidate, introduction)[-2:]
    for text in after:
        assert job_seeker.last_name in text and job_seeker.email in text
        for value in [job_seeker.bsn, job_seeker.phone, *HEALTH]:
            assert value not in text, value
    assert [c.to_status for c in introduction.history.order_by("id")] == [
        Status.REQUESTED,
        Status.AGREED,
    ]


def test_a_declined_request_shows_no_name(employer_user, candidate, seeker):
    introduction = services.introduction_request(
        user=employer_user, pseudonym=candidate.pseudonym, message="Kom eens langs."
    )
    response = api_client(seeker).post(
        f"/api/v1/introductions/{introduction.pk}/refusal", {}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "declined"
    for text in employer_views(employer_user, candidate, introduction):
        for value in identifiers(candidate.job_seeker):
            assert value not in text


def test_one_open_request_per_candidate_and_withdrawal(employer_user, candidate):
    introduction = services.introduction_request(
        user=employer_user, pseudonym=candidate.pseudonym, message="Kom eens langs."
    )
    with pytest.raises(ConflictError):
        services.introduction_request(
            user=employer_user, pseudonym=candidate.pseudonym, message="Nog eens."
        )
    services.introduction_withdraw(user=employer_user, introduction_id=introduction.pk)
    introduction.refresh_from_db()
    assert introduction.status == Status.WITHDRAWN
    with pytest.raises(ConflictError):
        services.introduction_withdraw(user=employer_user, introduction_id=introduction.pk)


def test_the_vacancy_must_be_the_employers_own(employer_user, candidate, amsterdam):
    from tests.factories import VacancyFactory

    other = VacancyFactory(employer=EmployerFactory(municipality=amsterdam))
    with pytest.raises(InvalidInputError):
        services.introduction_request(
            user=employer_user,
            pseudonym=candidate.pseudonym,
            message="Kom eens langs.",
            vacancy_id=other.pk,
        )
    own = VacancyFactory(employer=employer_user_employer(employer_user))
    introduction = services.introduction_request(
        user=employer_user, pseudonym=candidate.pseudonym, message="Hoi", vacancy_id=own.pk
    )
    assert introduction.vacancy == own


def employer_user_employer(user):
    from werkpad.matching.selectors import acting_employer

    return acting_employer(user)


def test_another_employer_does_not_see_the_request(amsterdam, employer_user, candidate):
    introduction = services.introduction_request(
        user=employer_user, pseudonym=candidate.pseudonym, message="Kom eens langs."
    )
    other = EmployerFactory(municipality=amsterdam)
    other_user = UserFactory.with_role(Role.EMPLOYER, organisation=other.organisation)
    with pytest.raises(NotFoundError):
        selectors.introduction_get(user=other_user, id=introduction.pk)
    assert IntroductionRequest.objects.count() == 1


def test_candidates_proposed_for_the_employers_vacancy_come_first(
    amsterdam, employer, employer_user, candidate
):
    from tests.factories import VacancyFactory
    from werkpad.matching.models import Preselection

    other = in_candidate_file(
        SearchProfileFactory(
            job_seeker=JobSeekerFactory(municipality=amsterdam), pseudonym="K-AAAA"
        )
    )
    vacancy = VacancyFactory(employer=employer, title="Schoonmaker kantoren")
    Preselection.objects.create(vacancy=vacancy, job_seeker=candidate.job_seeker)
    _employer, cards = selectors.candidate_list(user=employer_user)
    assert [c.pseudonym for c in cards] == [candidate.pseudonym, other.pseudonym]
    assert cards[0].proposed_for == ("Schoonmaker kantoren",)
    body = api_client(employer_user).get("/api/v1/candidates").json()
    assert body["results"][0]["proposedFor"] == ["Schoonmaker kantoren"]
    page = page_client(employer_user).get("/kandidaten/").content.decode()
    assert "Voorgedragen voor" in page or "Proposed for" in page


def test_the_employer_reads_the_occupation_in_words(employer_user, candidate):
    """A code alone says nothing to an employer: the file shows ISCO-08's Dutch title."""
    listing, detail = employer_views(employer_user, candidate)[:2]
    for text in (listing, detail):
        assert "9112 Schoonmakers in kantoren, hotels en andere instellingen" in text
