import pytest

from tests.documents.factories import PDF


def stored_files(location) -> list:
    return sorted(p.relative_to(location) for p in location.rglob("*") if p.is_file())


@pytest.fixture
def pdf_bytes():
    return PDF
