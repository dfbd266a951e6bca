"""The importer reads its columns from its own declaration, not from the API."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.db import models

from werkpad.jobseekers import importer
from werkpad.jobseekers.importer import columns, run
from werkpad.jobseekers.models import JobSeeker
from werkpad.jobseekers.services import EDITABLE_FIELDS

PACKAGE = Path(importer.__file__).parent


def test_the_accepted_columns_are_the_declared_ones_in_their_order():
    assert list(importer.accepted_columns()) == [
        "bsn",
        "firstName",
        "lastName",
        "birthDate",
        "gender",
        "email",
        "phone",
        "postcode",
        "city",
        "educationLevel",
        "workExperience",
        "workExperienceYears",
        "benefitType",
        "unemployedSince",
        "ladderRung",
        "labourDisability",
        "shelteredWork",
        "contactPerson",
        "wishes",
        "knowledge",
        "skills",
        "possibilities",
        "limitations",
        "competenceTestResults",
        "prefersNoGroupActivities",
        "coachPreference",
        "attentionOlder",
        "attentionHigherEducated",
        "attentionPsychological",
        "uwvRegistered",
        "uwvRegistrationHelp",
        "namePrefix",
    ]
    assert importer.accepted_columns()["namePrefix"] == ("tussenvoegsel", "tussenvoegsels")


def test_no_module_of_the_importer_reads_a_serializer():
    imported = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                imported.add(node.module or "")
                imported.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert {"werkpad.jobseekers.importer.columns", "werkpad.jobseekers.services"} <= imported
    assert not [name for name in imported if "serializer" in name or name.endswith(".api")]


def test_every_declared_column_fills_a_field_the_service_takes():
    fields = {column.field for column in importer.COLUMNS} - {importer.NAME_PREFIX}
    assert fields == EDITABLE_FIELDS
    assert len({column.name for column in importer.COLUMNS}) == len(importer.COLUMNS)


def test_a_column_is_required_when_the_model_has_no_default_for_it():
    for column in importer.COLUMNS:
        if column.field == importer.NAME_PREFIX:
            assert not column.required
            continue
        model_field = JobSeeker._meta.get_field(column.field)
        optional = model_field.blank or model_field.null or model_field.has_default()
        assert column.required is not optional, column.name


def test_each_column_converts_as_its_model_field_needs():
    for column in importer.COLUMNS:
        if column.field == importer.NAME_PREFIX:
            continue
        model_field = JobSeeker._meta.get_field(column.field)
        if isinstance(model_field, models.DateField):
            assert column.convert is importer._to_date, column.name
        elif isinstance(model_field, models.BooleanField):
            assert column.convert is importer._to_bool, column.name
        for code, _label in model_field.choices or ():
            assert column.convert(str(code)) == code, column.name


def test_the_row_reader_converts_with_the_declaration():
    mapped = columns._map_columns(
        [
            "bsn",
            "Voornaam",
            "achternaam",
            "geboortedatum",
            "opleiding",
            "uitkering",
            "werkloos sinds",
            "trede",
        ]
    )
    reader = run._RowReader(mapped)
    data, errors = reader.read(
        [
            12345672,
            "Anna",
            "Jansen",
            "03-04-1990",
            "mbo niveau 2",
            "bijstand",
            "2025-01-01",
            "trede 2",
        ]
    )
    assert errors == {}
    assert data["bsn"] == "012345672" and data["ladder_rung"] == 2
    assert data["education_level"] == "mbo2" and data["benefit_type"] == "participatiewet"


def test_a_number_cell_of_other_digits_is_refused_as_not_a_whole_number():
    """A superscript or other non-ASCII digit is a refused cell, never a crash of the import."""
    for cell in ("²", "3²", "١٢"):
        with pytest.raises(importer._CellError):
            importer._to_int(cell)
    assert importer._to_int(" 12 ") == 12
