"""Matching in the worklist: the contact person's profiles to confirm, the employer
advisor's introduction requests waiting for an answer."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import JobSeekerFactory
from tests.matching.conftest import NOW
from tests.matching.factories import IntroductionFactory, SearchProfileFactory
from werkpad.core.worklist import worklist_for

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def _section(user, key):
    return next(s for s in worklist_for(user) if s.key == key)


def test_the_contact_person_sees_profiles_no_longer_current(amsterdam, caseworker):
    outdated = SearchProfileFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker),
        confirmed_current_on=dt.date(2026, 3, 1),
    )
    SearchProfileFactory(
        job_seeker=JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    )
    SearchProfileFactory(job_seeker=JobSeekerFactory(municipality=amsterdam))
    section = _section(caseworker, "matching-profiles-to-confirm")
    assert section.count == 1
    assert section.items[0].title == outdated.job_seeker.full_name


def test_the_advisor_sees_requests_waiting_by_pseudonym(employer):
    introduction = IntroductionFactory(employer=employer)
    section = _section(employer.contact_person, "matching-introductions")
    assert section.count == 1
    assert introduction.pseudonym in section.items[0].title
    assert introduction.job_seeker.last_name not in section.items[0].title
