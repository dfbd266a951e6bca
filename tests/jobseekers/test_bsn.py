"""The BSN (JS1): the elfproef, masking in lists, and the test numbers werkpad generates."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from werkpad.jobseekers.bsn import is_valid_bsn, make_bsn, mask_bsn, validate_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999999990", "100000009"])
def test_numbers_that_pass_the_elfproef_are_valid(bsn):
    assert is_valid_bsn(bsn)
    validate_bsn(bsn)


@pytest.mark.parametrize(
    ("bsn", "why"),
    [
        ("123456789", "weighted sum 147 is not divisible by 11"),
        ("111222334", "last digit off by one"),
        ("12345678", "eight digits"),
        ("1234567820", "ten digits"),
        ("12345678a", "a letter"),
        ("12345 782", "a space"),
        ("000000000", "all zeros passes the sum but is no BSN"),
        ("", "empty"),
        ("١٢٣٤٥٦٧٨٢", "digits of another script"),
        ("12345678²", "a superscript digit"),
    ],
)
def test_numbers_that_fail_the_elfproef_are_refused(bsn, why):
    assert not is_valid_bsn(bsn), why
    with pytest.raises(ValidationError) as error:
        validate_bsn(bsn)
    assert error.value.code == "invalid-bsn"


def test_a_list_shows_only_the_last_three_digits():
    assert mask_bsn("123456782") == "******782"
    assert mask_bsn("") == ""


@given(st.integers(min_value=0, max_value=1_000_000))
def test_every_generated_test_number_passes_the_elfproef(n):
    bsn = make_bsn(n)
    assert len(bsn) == 9
    assert bsn.startswith("1")
    assert is_valid_bsn(bsn)


def test_generated_test_numbers_are_deterministic_and_distinct():
    numbers = [make_bsn(n) for n in range(5000)]
    assert numbers == [make_bsn(n) for n in range(5000)]
    assert len(set(numbers)) == len(numbers)
