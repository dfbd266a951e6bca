import pytest

from tests.documents.factories import PDF


@pytest.fixture
def document_dir(tmp_path, settings):
    """An empty documents storage of this test alone; returns its directory."""
    location = tmp_path / "documents"
    location.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
    }
    return location


def stored_files(location) -> list:
    return sorted(p.relative_to(location) for p in location.rglob("*") if p.is_file())


@pytest.fixture
def pdf_bytes():
    return PDF
