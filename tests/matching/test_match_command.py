"""werkpad match: two CSV files in, one ranked CSV out; a bad file writes nothing."""

from __future__ import annotations

import csv
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

JOB_SEEKERS = """id,occupation_codes,skills,education_level,regions,min_hours,max_hours,limitations
1,7212,lassen;heftruck;excel,3,AMS;ZAA,24,36,
2,5223,kassa,2,AMS,16,40,no_night_work
3,7212;5223,lassen,4,AMS,32,40,no_standing
4,7212,lassen;heftruck,3,UTR,24,40,
"""
VACANCIES = """id,employer_id,occupation_code,skills,min_education_level,region,hours,conditions
v1,e1,7212,lassen;heftruck;excel;tekening lezen,3,AMS,32,
v2,e2,5223,kassa,2,AMS,20,night_work
v3,e1,7212,lassen,3,AMS,36,standing
"""
OUTPUT_COLUMNS = ["vacancy_id", "job_seeker_id", "rank", "score", "explanation"]


@pytest.fixture
def files(tmp_path):
    seekers = tmp_path / "werkzoekenden.csv"
    vacancies = tmp_path / "vacatures.csv"
    seekers.write_text(JOB_SEEKERS, encoding="utf-8")
    vacancies.write_text(VACANCIES, encoding="utf-8")
    return seekers, vacancies, tmp_path / "out.csv"


def _run(seekers, vacancies, output, direction="vacancy-to-candidates", top=20):
    stderr = StringIO()
    with translation.override("en"):
        call_command(
            "match",
            "--job-seekers",
            str(seekers),
            "--vacancies",
            str(vacancies),
            "--direction",
            direction,
            "--top",
            str(top),
            "--output",
            str(output),
            stdout=StringIO(),
            stderr=stderr,
        )
    with output.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    return rows[0], rows[1:], stderr.getvalue()


def test_vacancy_to_candidates_ranks_each_vacancys_eligible_job_seekers(files):
    header, rows, stderr = _run(*files)
    assert header == OUTPUT_COLUMNS
    assert [row[:3] for row in rows] == [
        ["v1", "1", "1"],
        ["v1", "3", "2"],
        ["v1", "2", "3"],
        # v2 asks night work, which 2 cannot do; 3 does not work 20 hours.
        ["v3", "1", "1"],
        ["v3", "2", "2"],  # 3 cannot stand; 4 lives in another region
    ]
    assert rows[0][3] == "93.75"
    assert rows[0][4] == "beroep past (7212); 3 van 4 vaardigheden; opleiding voldoet"
    assert rows[2][4].startswith("ander beroep (gevraagd: 7212)")
    assert "3/3" in stderr


def test_job_seeker_to_vacancies_ranks_per_job_seeker_with_the_same_columns(files):
    header, rows, _ = _run(*files, direction="job-seeker-to-vacancies", top=1)
    assert header == OUTPUT_COLUMNS
    assert [row[:3] for row in rows] == [["v3", "1", "1"], ["v1", "2", "1"], ["v1", "3", "1"]]


@pytest.mark.parametrize(
    ("which", "text", "message"),
    [
        ("seekers", JOB_SEEKERS.replace(",limitations", ""), "missing columns: limitations"),
        (
            "seekers",
            JOB_SEEKERS.replace("limitations", "limitations,gender"),
            "unknown columns: gender",
        ),
        (
            "seekers",
            JOB_SEEKERS.replace("2,5223,kassa,2", "2,5223,kassa,twee"),
            "row 3, education_level",
        ),
        (
            "seekers",
            JOB_SEEKERS.replace("32,40,no_standing", "40,32,no_standing"),
            "row 4, max_hours",
        ),
        ("seekers", JOB_SEEKERS.replace("\n4,", "\n1,"), "row 5, id: 1 occurs twice"),
        ("vacancies", VACANCIES.replace("AMS,20", "AMS,veel"), "row 3, hours"),
        (
            "vacancies",
            VACANCIES.replace("v3,e1,7212", "v3,e1,"),
            "row 4, occupation_code: is empty",
        ),
        ("vacancies", VACANCIES.replace(",32,", ",32"), "row 2: has another number of cells"),
    ],
)
def test_a_bad_file_is_refused_naming_the_row_and_nothing_is_written(files, which, text, message):
    seekers, vacancies, output = files
    (seekers if which == "seekers" else vacancies).write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        _run(seekers, vacancies, output)
    assert sorted(path.name for path in output.parent.iterdir()) == sorted(
        [seekers.name, vacancies.name]
    )


def test_an_earlier_output_stays_as_it_was_when_the_run_is_refused(files):
    seekers, vacancies, output = files
    output.write_text("earlier\n", encoding="utf-8")
    vacancies.write_text(VACANCIES.replace("AMS,20", "AMS,veel"), encoding="utf-8")
    with pytest.raises(CommandError):
        _run(seekers, vacancies, output)
    assert output.read_text(encoding="utf-8") == "earlier\n"


def test_top_below_one_and_a_missing_file_are_refused(files, tmp_path):
    seekers, vacancies, output = files
    with pytest.raises(CommandError, match="--top"):
        _run(seekers, vacancies, output, top=0)
    with pytest.raises(CommandError, match="No such file"):
        _run(tmp_path / "nope.csv", vacancies, output)
    assert not output.exists()


def test_ids_with_a_comma_or_a_quote_are_written_as_csv_quotes_them(files):
    seekers, vacancies, output = files
    seekers.write_text(JOB_SEEKERS.replace("\n1,7212", '\n"1,""a""",7212'), encoding="utf-8")
    vacancies.write_text(VACANCIES.replace("v1,e1", '"v1,x",e1'), encoding="utf-8")
    _, rows, _ = _run(seekers, vacancies, output)
    assert rows[0][:3] == ["v1,x", '1,"a"', "1"]
    text = output.read_text(encoding="utf-8")
    assert '"v1,x","1,""a""",1,93.75,beroep past (7212)' in text
