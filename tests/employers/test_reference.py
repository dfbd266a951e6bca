"""The shipped reference data (EM1, EM2): SBI 2008 and ISCO-08, each with its source."""

import re

import pytest

from werkpad.core.errors import InvalidInputError
from werkpad.core.reference import read_table
from werkpad.demo.employers import VACANCIES
from werkpad.employers import reference

SECTIONS = "ABCDEFGHIJKLMNOPQRSTU"


def test_sbi_has_every_section_a_to_u_with_a_dutch_title_and_its_source():
    sections = reference.sbi_sections()
    assert [s.code for s in sections] == list(SECTIONS)
    assert reference.sbi_section_title("Q") == "Gezondheids- en welzijnszorg"
    assert "CBS" in reference.sbi_source() and "SBI 2008" in reference.sbi_source()


def test_every_division_belongs_to_a_section_and_codes_are_unique_and_well_formed():
    rows, _source = read_table("sbi2008.csv", reference.DATA_DIR)
    divisions = [row["division"] for row in rows if row["division"]]
    # NACE Rev. 2 has 88; SBI 2008 leaves out 05 and 07 (coal and metal ores are not mined here)
    assert len(divisions) == len(set(divisions)) == 86
    assert all(re.fullmatch(r"\d{2}", d) for d in divisions)
    assert all(row["section"] in SECTIONS for row in rows)
    for section in SECTIONS:
        assert reference.sbi_divisions(section), section
    assert [d.code for d in reference.sbi_divisions("N")] == ["77", "78", "79", "80", "81", "82"]


def test_isco_has_every_unit_group_unique_four_digits_with_dutch_titles():
    rows, source = read_table("isco08.csv", reference.DATA_DIR)
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes)) == 436
    assert all(re.fullmatch(r"\d{4}", c) for c in codes)
    assert all(row["title"].strip() for row in rows)
    assert "ISCO-08" in source
    assert {c[0] for c in codes} == set("0123456789")
    assert reference.isco_title("9112").startswith("Schoonmakers")
    assert reference.ISCO_CHOICES[0][0] == "0110"


DEMO_OCCUPATIONS = [
    "7512",
    "9412",
    "5223",
    "9112",
    "9333",
    "8344",
    "5321",
    "4224",
    "6113",
    "9214",
    "4321",
    "9629",
]


def test_the_demo_occupations_exist():
    for code in {*DEMO_OCCUPATIONS, *(v.occupation_code for v in VACANCIES)}:
        assert reference.is_isco_code(code), code


@pytest.mark.parametrize("code", ["", "911", "91123", "9999", "abcd"])
def test_an_unknown_isco_code_is_refused(code):
    with pytest.raises(InvalidInputError) as caught:
        reference.check_isco(code)
    assert "occupation_code" in caught.value.errors


def test_a_division_of_another_section_is_refused():
    reference.check_sector("N", "81")
    with pytest.raises(InvalidInputError) as caught:
        reference.check_sector("N", "10")
    assert "sbi_division" in caught.value.errors
    with pytest.raises(InvalidInputError) as caught:
        reference.check_sector("Z", "10")
    assert "sbi_section" in caught.value.errors
