"""Readers: a file's header and its rows, from CSV (UTF-8) or XLSX, streamed."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Generator, Iterator, Sequence
from contextlib import closing, contextmanager
from typing import BinaryIO, Protocol

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from werkpad.jobseekers.importer.cells import _to_text
from werkpad.jobseekers.importer.columns import ImportRefusedError

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"


class _Table(Protocol):
    """A file's header and rows; row numbers count the header as row 1."""

    header: list[str]

    def count(self) -> int | None: ...

    def rows(self) -> Iterator[tuple[int, Sequence[object]]]: ...


@contextmanager
def _open_table(stream: BinaryIO) -> Iterator[_Table]:
    """Read the header only; XLSX and CSV are told apart by content, not by name."""
    magic = stream.read(8)
    stream.seek(0)
    if magic.startswith(_XLS_MAGIC):
        raise ImportRefusedError(
            [_("This is an old Excel (.xls) file: save it as .xlsx or as CSV (UTF-8).")]
        )
    if magic.startswith(_XLSX_MAGIC):
        with _open_xlsx(stream) as table:
            yield table
    else:
        yield _CsvTable(stream)


class _XlsxTable:
    """The active sheet, streamed (openpyxl read-only): memory stays flat for any size.

    The size a workbook declares is used only for progress: rows are read until
    the sheet ends, as some programs write a wrong or no size.
    """

    def __init__(self, sheet):
        self.sheet = sheet
        first = next(sheet.iter_rows(max_row=1, values_only=True), ())
        self.header = [_to_text(cell) if cell is not None else "" for cell in first]

    def count(self) -> int | None:
        return self.sheet.max_row - 1 if self.sheet.max_row else None

    def rows(self) -> Iterator[tuple[int, Sequence[object]]]:
        self.sheet.reset_dimensions()
        return enumerate(self.sheet.iter_rows(min_row=2, values_only=True), start=2)


@contextmanager
def _open_xlsx(stream: BinaryIO) -> Iterator[_XlsxTable]:
    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise ImportRefusedError(
            [_("The file cannot be read as an Excel workbook (.xlsx).")]
        ) from error
    try:
        yield _XlsxTable(workbook.active)
    finally:
        workbook.close()


def _not_utf8() -> ImportRefusedError:
    return ImportRefusedError([_("The file is not UTF-8 text: save it as CSV (UTF-8).")])


class _CsvTable:
    """CSV in UTF-8 (with or without BOM), separated by semicolons, commas or tabs.

    Each pass reads the stream from the start through its own text wrapper,
    detached afterwards so the caller's file stays open.
    """

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.delimiter = self._sniff_delimiter()
        with closing(self._records()) as records:
            self.header = [cell.strip() for cell in next(records, [])]

    def _text(self) -> io.TextIOWrapper:
        self.stream.seek(0)
        return io.TextIOWrapper(self.stream, encoding="utf-8-sig", newline="")

    def _sniff_delimiter(self) -> str:
        """Semicolon (Dutch Excel), comma or tab: whichever the header line uses most."""
        text = self._text()
        try:
            first = text.readline()
        except UnicodeDecodeError as error:
            raise _not_utf8() from error
        finally:
            text.detach()
        return max(";,\t", key=first.count)

    def _records(self) -> Generator[list[str], None, None]:
        text = self._text()
        reader = csv.reader(text, delimiter=self.delimiter)
        try:
            while True:
                try:
                    record = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError as error:
                    raise _not_utf8() from error
                except csv.Error as error:
                    raise ImportRefusedError(
                        [
                            _("Line %(line)s cannot be read as CSV: %(error)s")
                            % {"line": reader.line_num, "error": error}
                        ]
                    ) from error
                yield record
        finally:
            text.detach()

    def count(self) -> int:
        """Rows after the header: a quick first pass, which also finds encoding errors early."""
        with closing(self._records()) as records:
            return max(sum(1 for _record in records) - 1, 0)

    def rows(self) -> Iterator[tuple[int, Sequence[object]]]:
        with closing(self._records()) as records:
            next(records, None)
            yield from enumerate(records, start=2)
