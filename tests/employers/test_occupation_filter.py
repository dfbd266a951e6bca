"""The occupation filters: an ISCO-08 code shown with its Dutch title from the shipped table."""

from __future__ import annotations

from werkpad.employers.templatetags.occupations import occupation, occupations


def test_a_known_code_gets_its_title_and_an_unknown_one_stays_as_it_is():
    assert occupation("7512") == "7512 Bakkers en banketbakkers"
    assert occupation("0000") == "0000"


def test_a_list_of_codes_is_joined():
    assert occupations(["7512", "0000"]) == "7512 Bakkers en banketbakkers; 0000"
    assert occupations(None) == ""
