"""The reports a council sends to its alderman (CO3): every answer, remark and action
point, and the evidence as it was saved (dated), in the DOCX and in the PDF."""

from __future__ import annotations

import io
import re

import docx
import pypdf
import pytest

from tests.council.assessments.conftest import NOW
from tests.council.assessments.factories import AssessmentFactory, answer_all
from werkpad.council.assessments import exports
from werkpad.council.checklist import checklist
from werkpad.council.models.assessments import Answer

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

SNAPSHOT = {
    "summary": "Amsterdam: 412 werkzoekenden, 38% langer dan twee jaar.",
    "method": "Open dossiers op de peildatum.",
    "computedAt": "2026-11-20T09:30:00+00:00",
    "figures": [{"label": "Werkzoekenden", "value": "412", "withheld": False}],
}


@pytest.fixture
def assessment(councils):
    assessment = AssessmentFactory(council=councils.own, final=True, title="Beoordeling 2026")
    answer_all(assessment)
    # a realistic mix: some noes
    Answer.objects.filter(assessment=assessment, question_id__startswith="9.").update(answer="no")
    Answer.objects.filter(assessment=assessment, question_id="2.1").update(
        evidence_snapshot=SNAPSHOT
    )
    return assessment


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _expected(assessment) -> list[str]:
    texts = []
    for answer in assessment.answers.all():
        texts.append(answer.remarks or answer.action_points)
    return texts


def test_the_docx_holds_every_answer_remark_and_the_saved_evidence(assessment):
    text = _docx_text(exports.assessment_docx(assessment))
    assert "Beoordeling 2026" in text
    assert "Cliëntenraad Amsterdam" in text and "Amsterdam" in text
    assert "Definitief" in text
    for expected in _expected(assessment):
        assert expected in text
    for question in checklist().questions:
        assert f"{question.id} {question.text}" in text
    for point in checklist().points:
        assert point.explanation in text
    answers = re.findall(r"^Antwoord: (Ja|Nee)$", text, flags=re.MULTILINE)
    assert answers.count("Nee") == 9 and answers.count("Ja") == 47
    assert SNAPSHOT["summary"] in text
    assert "20 november 2026 10:30" in text  # the evidence's own date, in Amsterdam's time
    assert "Werkzoekenden: 412" in text


def test_the_pdf_holds_every_answer_remark_and_the_saved_evidence(assessment):
    content = exports.assessment_pdf(assessment)
    text = _pdf_text(content)
    assert "Beoordeling 2026" in text
    for expected in _expected(assessment):
        assert expected in text, expected
    assert text.count("Antwoord: Nee") == 9
    assert text.count("Antwoord: Ja") == 47
    assert SNAPSHOT["summary"] in text
    assert "20 november 2026 10:30" in text
    reader = pypdf.PdfReader(io.BytesIO(content))
    pages = len(reader.pages)
    assert pages > 1
    assert f"Pagina 1 van {pages}" in reader.pages[0].extract_text()
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_an_unanswered_question_says_so(councils):
    draft = AssessmentFactory(council=councils.own)
    text = _docx_text(exports.assessment_docx(draft))
    assert text.count("Antwoord: Nog niet beantwoord") == 56
