"""The survey lifecycle as a table: every pair of statuses, allowed or refused in words."""

from __future__ import annotations

import itertools

import pytest

from werkpad.core.errors import InvalidInputError
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.surveys.workflow import LIFECYCLE, Status

S = Status
ALLOWED = {
    (S.DRAFT, S.PROPOSED),
    (S.DRAFT, S.WITHDRAWN),
    (S.PROPOSED, S.APPROVED),
    (S.PROPOSED, S.DRAFT),
    (S.PROPOSED, S.WITHDRAWN),
    (S.APPROVED, S.OPEN),
    (S.OPEN, S.CLOSED),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(Status, Status)))
def test_the_table(current, target):
    assert LIFECYCLE.allows(current, target) == ((current, target) in ALLOWED)
    if (current, target) in ALLOWED:
        reason = "Nog niet goed." if target in (S.DRAFT, S.WITHDRAWN) else ""
        LIFECYCLE.check(current, target, reason=reason)
    else:
        with pytest.raises(TransitionRefusedError) as refused:
            LIFECYCLE.check(current, target)
        assert refused.value.code == "survey-transition-refused"
        assert refused.value.message


def test_closed_and_withdrawn_are_final():
    assert not LIFECYCLE.transitions[S.CLOSED]
    assert not LIFECYCLE.transitions[S.WITHDRAWN]


@pytest.mark.parametrize("target", [S.DRAFT, S.WITHDRAWN])
def test_sending_back_and_withdrawing_need_a_reason(target):
    with pytest.raises(InvalidInputError):
        LIFECYCLE.check(S.PROPOSED, target, reason="  ")


def test_an_open_survey_cannot_be_withdrawn_and_says_why():
    with pytest.raises(TransitionRefusedError) as refused:
        LIFECYCLE.check(S.OPEN, S.WITHDRAWN, reason="Toch niet.")
    assert refused.value.message == (
        "Dit onderzoek is open: alleen een concept of een voorstel kan worden ingetrokken."
    )
