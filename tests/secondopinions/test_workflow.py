"""RI3: the second opinion's lifecycle as a table; every step out of turn is refused in
its own words (409), withdrawal needs a reason."""

import pytest
from django.utils import translation

from werkpad.core.errors import InvalidInputError
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.secondopinions.workflow import ALLOWED_TRANSITIONS, LIFECYCLE, Status

EXPECTED = {
    "requested": {"assigned", "advised", "withdrawn"},
    "assigned": {"advised", "withdrawn"},
    "advised": {"discussed", "withdrawn"},
    "discussed": {"decided", "withdrawn"},
    "decided": set(),
    "withdrawn": set(),
}


def test_the_table():
    assert {k: set(v) for k, v in ALLOWED_TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize("current", list(Status))
@pytest.mark.parametrize("target", list(Status))
def test_every_pair_is_allowed_exactly_as_the_table_says(current, target):
    reason = "Niet meer nodig." if target == Status.WITHDRAWN else ""
    if target in EXPECTED[current]:
        LIFECYCLE.check(current, target, reason=reason)
    else:
        with pytest.raises(TransitionRefusedError) as error:
            LIFECYCLE.check(current, target, reason=reason)
        assert error.value.code == "second-opinion-transition-refused"
        assert error.value.status == 409


def test_the_advisor_advises_only_once_assigned():
    with pytest.raises(TransitionRefusedError), translation.override("en"):
        LIFECYCLE.check(Status.REQUESTED, Status.ADVISED, step="advise")
    LIFECYCLE.check(Status.REQUESTED, Status.ADVISED)  # another expert's advice, instead


def test_deciding_before_the_meeting_says_why():
    with translation.override("en"), pytest.raises(TransitionRefusedError) as error:
        LIFECYCLE.check(Status.ADVISED, Status.DECIDED)
    assert "record the meeting" in error.value.message


def test_withdrawal_needs_a_reason():
    with pytest.raises(InvalidInputError):
        LIFECYCLE.check(Status.ASSIGNED, Status.WITHDRAWN, reason=" ")
