"""``werkpad import jobseekers FILE``: all or nothing, never a forbidden column (JS1, JS2)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError
from django.utils import translation

from tests.factories import UserFactory
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.core.privacy import is_forbidden_attribute
from werkpad.jobseekers import importer
from werkpad.jobseekers.bsn import make_bsn
from werkpad.jobseekers.models import JobSeeker, LadderRungChange

DUTCH_HEADER = [
    "BSN",
    "Voornaam",
    "Tussenvoegsel",
    "Achternaam",
    "Geboortedatum",
    "Geslacht",
    "Opleidingsniveau",
    "Uitkering",
    "Werkloos_sinds",
    "Trede",
    "Arbeidsbeperking",
    "Beschut werk",
    "E-mail",
    "Telefoon",
    "Postcode",
    "Woonplaats",
]


def dutch_row(n: int, **changes: str) -> list[str]:
    row = {
        "BSN": make_bsn(n),
        "Voornaam": f"Voornaam{n}",
        "Tussenvoegsel": "",
        "Achternaam": "Jansen",
        "Geboortedatum": "17-05-1980",
        "Geslacht": "vrouw",
        "Opleidingsniveau": "MBO niveau 2",
        "Uitkering": "bijstand",
        "Werkloos_sinds": "09-01-2023",
        "Trede": "3",
        "Arbeidsbeperking": "nee",
        "Beschut werk": "nee",
        "E-mail": f"p{n}@example.nl",
        "Telefoon": "0612345678",
        "Postcode": "1012 AB",
        "Woonplaats": "Amsterdam",
    }
    row.update(changes)
    return [row[name] for name in DUTCH_HEADER]


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the msgid language; Dutch is the translators' part."""
    with translation.override("en"):
        yield


def write_csv(path, header, rows, delimiter=";"):
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run_import(path, *args, **options):
    out, err = io.StringIO(), io.StringIO()
    options.setdefault("as_user", "klantmanager")
    try:
        call_command("import", "jobseekers", str(path), *args, stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def assert_nothing_registered():
    assert JobSeeker.objects.count() == 0
    assert LadderRungChange.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).exists()


def test_the_command_module_named_import_loads():
    assert get_commands()["import"] == "werkpad.jobseekers"
    assert load_command_class("werkpad.jobseekers", "import").__class__.__name__ == "Command"


def test_csv_with_dutch_headers_registers_every_row_with_its_rung(tmp_path, caseworker):
    rows = [
        dutch_row(1),
        dutch_row(
            2,
            Tussenvoegsel="van der",
            Achternaam="Berg",
            Geslacht="Man",
            Opleidingsniveau="hbo",
            Uitkering="WW",
            Trede="5",
            Geboortedatum="1975-12-01",
            Arbeidsbeperking="ja",
            **{"Beschut werk": "Ja"},
        ),
        ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],  # a blank line is skipped
        dutch_row(3, Geslacht="X", Uitkering="niet-uitkeringsgerechtigd", Trede="trede 1"),
    ]
    path = write_csv(tmp_path / "export gemeente.csv", DUTCH_HEADER, rows)

    out, err, error = run_import(path)

    assert error is None, out
    assert "Imported 3 rows from export gemeente.csv into Amsterdam." in out
    assert "rows: 4/4" in err
    assert JobSeeker.objects.count() == 3
    second = JobSeeker.objects.get(bsn=make_bsn(2))
    assert second.last_name == "van der Berg"
    assert (second.gender, second.education_level, second.benefit_type) == ("male", "hbo", "ww")
    assert second.birth_date == dt.date(1975, 12, 1)
    assert second.unemployed_since == dt.date(2023, 1, 9)
    assert (second.labour_disability, second.sheltered_work, second.ladder_rung) == (True, True, 5)
    assert second.contact_person == caseworker
    third = JobSeeker.objects.get(bsn=make_bsn(3))
    assert (third.gender, third.benefit_type, third.ladder_rung) == ("x", "none", 1)
    for job_seeker in JobSeeker.objects.all():
        history = list(job_seeker.rung_history.all())
        assert [(h.from_rung, h.to_rung, h.changed_by, h.reason) for h in history] == [
            (None, job_seeker.ladder_rung, caseworker, "import")
        ]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, actor=caseworker).count() == 3
    summary = AuditEvent.objects.get(action=AuditEvent.Action.IMPORT)
    assert summary.object_type == "jobseeker-import"
    assert summary.actor == caseworker
    assert summary.result == AuditEvent.Result.SUCCESS
    assert "export gemeente.csv" in summary.detail
    assert "bsn" in summary.fields and "nationality" not in summary.fields


def test_xlsx_with_api_names_registers_rows(tmp_path, caseworker, role_user):
    colleague = role_user(Role.CASEWORKER, username="collega")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "bsn",
            "firstName",
            "lastName",
            "birthDate",
            "gender",
            "educationLevel",
            "benefitType",
            "unemployedSince",
            "ladderRung",
            "labourDisability",
            "shelteredWork",
            "contactPerson",
            "email",
        ]
    )
    sheet.append(
        [
            int(make_bsn(10)),
            "Sanne",
            "de Vries",
            dt.datetime(1990, 2, 3),
            "female",
            "mbo4",
            "participatiewet",
            dt.date(2024, 6, 1),
            4,
            True,
            False,
            "collega",
            "sanne@example.nl",
        ]
    )
    sheet.append(
        [
            make_bsn(11),
            "Ahmed",
            "Bakker",
            "03-02-1988",
            "male",
            "wo",
            "anw",
            "2022-11-30",
            2.0,
            "nee",
            0,
            "",
            None,
        ]
    )
    path = tmp_path / "werkzoekenden.xlsx"
    workbook.save(path)

    out, _err, error = run_import(path, municipality="GM0363")

    assert error is None, out
    assert "Imported 2 rows" in out
    sanne = JobSeeker.objects.get(bsn=make_bsn(10))
    assert sanne.birth_date == dt.date(1990, 2, 3)
    assert (sanne.labour_disability, sanne.sheltered_work, sanne.ladder_rung) == (True, False, 4)
    assert sanne.contact_person == colleague
    ahmed = JobSeeker.objects.get(bsn=make_bsn(11))
    assert (ahmed.ladder_rung, ahmed.contact_person, ahmed.email) == (2, caseworker, "")
    assert LadderRungChange.objects.count() == 2


@pytest.mark.parametrize(
    "column", ["Nationaliteit", "etniciteit", "Land van herkomst", "country_of_birth", "Religie"]
)
def test_a_column_of_data_never_recorded_refuses_the_whole_file(tmp_path, caseworker, column):
    path = write_csv(
        tmp_path / "export.csv",
        [*DUTCH_HEADER, column],
        [[*dutch_row(1), "Nederlandse"], [*dutch_row(2, BSN="123456789"), "x"]],
    )

    out, _err, error = run_import(path)

    assert error is not None
    assert f'"{column}"' in str(error)
    assert "never records such data" in str(error)
    assert "row" not in str(error).lower(), "refused before any row was read"
    assert out == ""
    assert_nothing_registered()
    refused = AuditEvent.objects.get(action=AuditEvent.Action.IMPORT)
    assert refused.result == AuditEvent.Result.FAILED


def test_an_unknown_column_is_refused_by_name(tmp_path, caseworker):
    path = write_csv(tmp_path / "export.csv", [*DUTCH_HEADER, "Hobby"], [[*dutch_row(1), "vissen"]])

    _out, _err, error = run_import(path)

    assert error is not None
    assert 'Unknown column(s) "Hobby"' in str(error)
    assert_nothing_registered()


def test_a_missing_required_column_is_refused(tmp_path, caseworker):
    header = [name for name in DUTCH_HEADER if name != "Geboortedatum"]
    path = write_csv(tmp_path / "export.csv", header, [])

    _out, _err, error = run_import(path)

    assert error is not None
    assert 'Required column(s) missing: "birthDate"' in str(error)


def test_bad_rows_among_good_ones_write_nothing_and_are_reported(tmp_path, caseworker):
    rows = [
        dutch_row(1),
        dutch_row(2, BSN="123456789"),  # fails the elfproef
        dutch_row(3, Geboortedatum="01-01-2099"),
        dutch_row(4, Geslacht="onzeker", Trede="9"),
        dutch_row(5),
    ]
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, rows, delimiter=",")
    report = tmp_path / "fouten.csv"

    out, _err, error = run_import(path, report=str(report))

    assert error is not None
    assert "5 errors in 3 of 5 rows: nothing was imported." in str(error)
    assert "row 3, BSN: " in out
    assert "row 4, Geboortedatum: " in out
    assert "row 4, Werkloos_sinds: " in out  # the model also finds it lies before the birth date
    assert "row 5, Geslacht: Not a known value" in out
    assert "row 5, Trede: " in out
    assert_nothing_registered()
    with report.open(encoding="utf-8-sig", newline="") as saved:
        lines = list(csv.reader(saved, delimiter=";"))
    assert [line[:2] for line in lines[1:]] == [
        ["3", "BSN"],
        ["4", "Geboortedatum"],
        ["4", "Werkloos_sinds"],
        ["5", "Geslacht"],
        ["5", "Trede"],
    ]
    failed = AuditEvent.objects.get(action=AuditEvent.Action.IMPORT)
    assert failed.result == AuditEvent.Result.FAILED


def test_the_text_rules_of_the_forms_and_the_api_hold_for_an_import_too(tmp_path, caseworker):
    """A name that reads otherwise than it is stored (a direction override) or a control
    character is refused in a file as it is on a page or in the API."""
    rows = [
        dutch_row(1),
        dutch_row(2, Achternaam="Jansen\u202egnirts"),
        dutch_row(3, Woonplaats="Amster\x07dam"),
    ]
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, rows)

    out, _err, error = run_import(path)

    assert error is not None
    assert "row 3, Achternaam: " in out
    assert "row 4, Woonplaats: " in out
    assert_nothing_registered()


def test_a_bsn_twice_in_the_file_is_reported_on_the_later_row(tmp_path, caseworker):
    rows = [dutch_row(1), dutch_row(2), dutch_row(1, Voornaam="Ander")]
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, rows)

    out, _err, error = run_import(path)

    assert error is not None
    assert "row 4, BSN: This BSN is also in row 2." in out
    assert len(out.splitlines()) == 1
    assert_nothing_registered()


def test_a_bsn_already_registered_is_reported(tmp_path, job_seeker):
    path = write_csv(
        tmp_path / "export.csv", DUTCH_HEADER, [dutch_row(900), dutch_row(901, BSN=job_seeker.bsn)]
    )

    out, _err, error = run_import(path)

    assert error is not None
    assert "row 3, BSN: A job seeker with this BSN is already registered." in out
    assert JobSeeker.objects.count() == 1


def test_a_dry_run_checks_every_row_and_writes_nothing(tmp_path, caseworker):
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, [dutch_row(1), dutch_row(2)])

    out, _err, error = run_import(path, dry_run=True)

    assert error is None
    assert "Dry run: all 2 rows of export.csv are valid; nothing was written." in out
    assert JobSeeker.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_a_dry_run_still_reports_bad_rows(tmp_path, caseworker):
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, [dutch_row(1, Trede="")])

    out, _err, error = run_import(path, dry_run=True)

    assert error is not None
    assert "row 2, Trede: " in out
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.FUNCTIONAL_ADMIN, Role.COACH])
def test_only_a_caseworker_of_the_municipality_may_import(tmp_path, amsterdam, role_user, role):
    role_user(role, username="iemand")
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, [dutch_row(1)])

    _out, _err, error = run_import(path, as_user="iemand", municipality="GM0363")

    assert error is not None
    assert "is not a caseworker of Amsterdam" in str(error)
    assert_nothing_registered()
    denied = AuditEvent.objects.get(action=AuditEvent.Action.IMPORT)
    assert denied.result == AuditEvent.Result.DENIED


def test_a_caseworker_of_another_municipality_is_refused(tmp_path, amsterdam, zaandam):
    UserFactory.with_role(Role.CASEWORKER, municipality=zaandam, username="zaankanter")
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, [dutch_row(1)])

    _out, _err, error = run_import(path, as_user="zaankanter", municipality="GM0363")

    assert error is not None
    assert "zaankanter is not a caseworker of Amsterdam" in str(error)
    assert_nothing_registered()


def test_the_municipality_is_needed_only_for_someone_working_for_several(
    tmp_path, caseworker, amsterdam, zaandam
):
    UserFactory.with_role(Role.CASEWORKER, municipality=zaandam, username="klantmanager")
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, [dutch_row(1)])

    _out, _err, error = run_import(path)
    assert error is not None
    assert "works for several municipalities" in str(error)

    _out, _err, error = run_import(path, municipality="gm0479")
    assert error is None
    assert JobSeeker.objects.get().municipality == zaandam


def test_an_unknown_user_or_contact_person_is_refused(tmp_path, caseworker):
    path = write_csv(
        tmp_path / "export.csv", [*DUTCH_HEADER, "Contactpersoon"], [[*dutch_row(1), "niemand"]]
    )

    _out, _err, error = run_import(path, as_user="niemand")
    assert error is not None
    assert "No active user niemand." in str(error)

    out, _err, error = run_import(path)
    assert error is not None
    assert "row 2, Contactpersoon: No active user with this username." in out


def test_a_value_under_no_header_is_reported(tmp_path, caseworker):
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, [[*dutch_row(1), "extra"]])

    out, _err, error = run_import(path)

    assert error is not None
    assert "row 2, column 17: A value in a column without a header." in out


def test_progress_is_shown_every_500_rows_and_at_the_end(tmp_path, caseworker):
    rows = [dutch_row(n) for n in range(1, 1202)]
    path = write_csv(tmp_path / "export.csv", DUTCH_HEADER, rows)

    out, err, error = run_import(path)

    assert error is None, out
    assert err.splitlines() == ["rows: 500/1,201", "rows: 1,000/1,201", "rows: 1,201/1,201"]
    assert "Imported 1,201 rows" in out
    assert JobSeeker.objects.count() == 1201


def test_an_old_excel_file_or_other_binary_is_refused(tmp_path, caseworker):
    path = tmp_path / "export.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    _out, _err, error = run_import(path)
    assert error is not None
    assert "old Excel (.xls)" in str(error)

    path = tmp_path / "latin1.csv"
    path.write_bytes(";".join(DUTCH_HEADER).encode() + b"\n" + "Jos\xe9".encode("latin-1"))
    _out, _err, error = run_import(path)
    assert error is not None
    assert "not UTF-8" in str(error)
    assert_nothing_registered()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("17-05-1980", dt.date(1980, 5, 17)),
        ("1-5-1980", dt.date(1980, 5, 1)),
        ("17/05/1980", dt.date(1980, 5, 17)),
        ("1980-05-17", dt.date(1980, 5, 17)),
        (dt.datetime(1980, 5, 17, 0, 0), dt.date(1980, 5, 17)),
    ],
)
def test_dates_are_read_in_both_orders_and_from_date_cells(value, expected):
    assert importer._to_date(value) == expected


@pytest.mark.parametrize("value", ["31-02-1980", "05/17/80", "17 mei 1980", 29358])
def test_a_text_that_is_no_date_is_an_error(value):
    with pytest.raises(importer._CellError):
        importer._to_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", True),
        ("Nee", False),
        ("YES", True),
        ("no", False),
        ("true", True),
        ("False", False),
        ("1", True),
        ("0", False),
        (1, True),
        (True, True),
        ("WAAR", True),
    ],
)
def test_yes_and_no_in_dutch_and_english(value, expected):
    assert importer._to_bool(value) is expected


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("gender", "Vrouw", "female"),
        ("gender", "onbekend", "unknown"),
        ("gender", "male", "male"),
        ("education_level", "HAVO/VWO", "havo_vwo"),
        ("education_level", "mbo-2", "mbo2"),
        ("education_level", "MBO level 3", "mbo3"),
        ("education_level", "Universiteit", "wo"),
        ("benefit_type", "Bijstand", "participatiewet"),
        ("benefit_type", "geen uitkering", "none"),
        ("benefit_type", "Wajong", "wajong"),
    ],
)
def test_codes_labels_and_dutch_names_are_accepted(name, value, code):
    assert importer._choice_converter(name)(value) == code


def test_a_bsn_cell_keeps_its_leading_zero():
    assert importer._to_bsn(12345672) == "012345672"
    assert importer._to_bsn("12345672") == "012345672"
    assert importer._to_bsn(" 1234.56.782 ") == "123456782"


def test_no_accepted_column_name_is_a_forbidden_one():
    assert not [header for header in importer._header_fields() if is_forbidden_attribute(header)]
    for name, dutch in importer.accepted_columns().items():
        assert not is_forbidden_attribute(name)
        assert not [header for header in dutch if is_forbidden_attribute(header)]


def test_the_importer_takes_an_upload_in_memory_and_leaves_it_open(caseworker, amsterdam):
    """The path a web upload takes: a binary file object, progress reported to a callback."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=",").writerows([DUTCH_HEADER, dutch_row(1), dutch_row(2)])
    upload = io.BytesIO(buffer.getvalue().encode("utf-8"))
    calls = []

    result = importer.jobseeker_import(
        user=caseworker,
        municipality=amsterdam,
        stream=upload,
        filename="upload.csv",
        progress=lambda done, total: calls.append((done, total)),
        progress_every=1,
    )

    assert (result.ok, result.rows, result.imported) == (True, 2, 2)
    assert calls == [(1, 2), (2, 2)]
    assert not upload.closed
    assert JobSeeker.objects.count() == 2


def test_a_row_error_names_the_column_as_the_file_does(caseworker, amsterdam):
    header = [
        "bsn",
        "first_name",
        "LAST NAME",
        "birth-date",
        "gender",
        "education level",
        "benefitType",
        "unemployed since",
        "ladder_rung",
    ]
    row = [make_bsn(1), "Piet", "Pietersen", "1980-05-17", "m", "wo", "bijstand", "gisteren", "2"]
    upload = io.BytesIO((";".join(header) + "\n" + ";".join(row) + "\n").encode())

    result = importer.jobseeker_import(
        user=caseworker, municipality=amsterdam, stream=upload, filename="x.csv", dry_run=True
    )

    assert [(e.row, e.column) for e in result.errors] == [(2, "unemployed since")]
    assert result.imported == 0
    assert AuditEvent.objects.count() == 0
