"""RI5, TR4: the consent lifecycle as a table."""

from __future__ import annotations

import pytest

from werkpad.consents.workflow import ALLOWED_TRANSITIONS, LIFECYCLE, Status
from werkpad.core.lifecycle import TransitionRefusedError

G, R, F, W = Status.GIVEN, Status.REQUESTED, Status.REFUSED, Status.WITHDRAWN
EXPECTED = {
    R: {G, F},
    G: {W},
    F: {G, R},
    W: {G, R},
}


def test_the_table_is_the_one_the_issue_describes():
    assert {k: set(v) for k, v in ALLOWED_TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize("current", list(Status))
@pytest.mark.parametrize("target", list(Status))
def test_every_pair_is_allowed_or_refused_in_words(current, target, english):
    if target in EXPECTED[current]:
        LIFECYCLE.check(current, target)
        return
    with pytest.raises(TransitionRefusedError) as refused:
        LIFECYCLE.check(current, target)
    assert refused.value.code == "consent-transition-refused"
    assert refused.value.message.strip()
