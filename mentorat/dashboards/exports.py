"""A dashboard's `Table` as a file: CSV for any spreadsheet, XLSX for Excel and LibreOffice.

Both write the table's columns and rows as the page shows them, streamed: the rows (which may
be a generator over a queryset) are read once, a chunk at a time, and never held whole in
memory, whatever their number.

- CSV: UTF-8 with a byte order mark and `;` between cells, dates JJ/MM/AAAA, decimals with a
  comma, percentages as "42,5 %", so that the file opens right in French spreadsheet software.
  A small cell is written "< 5".
- XLSX: XlsxWriter in constant-memory mode (each row goes to disk as soon as the next one
  starts) into a temporary file, sent back as a file response; a bold header row, real dates
  shown dd/mm/yyyy, percentages as numbers with a percent format, so that they sort and add up.

The notes of a table (what a reader must know) go on a second sheet of the XLSX; the CSV keeps
to the data, so that software reading it finds one header row and rows.
"""

import csv
import datetime
import decimal
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence

import xlsxwriter
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from .tables import Column, ColumnKind, Hidden, Table

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Rows per chunk of a streamed CSV: a few tens of kilobytes per write to the client.
CSV_CHUNK_ROWS = 500

# A text cell starting with one of these is a formula to a spreadsheet: a name typed as
# "=HYPERLINK(...)" must stay a name. Such a cell is written after an apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _with_extension(filename: str, extension: str) -> str:
    return filename if filename.lower().endswith(extension) else filename + extension


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def _french_number(value, decimals: int | None = None) -> str:
    """1234.5 -> "1234,5": no thousands separator (a spreadsheet reads it as a number)."""
    if decimals is None:
        if isinstance(value, decimal.Decimal):
            text = format(value.normalize(), "f")
        else:
            text = f"{value:.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.{decimals}f}"
    if text in ("-0", "-0,0", "-0.0"):
        text = text[1:]
    return text.replace(".", ",")


def csv_cell(value, kind: str) -> str:
    """One cell as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, Hidden):
        return str(value)
    if kind == ColumnKind.DATE and isinstance(value, datetime.date):
        return _as_date(value).strftime("%d/%m/%Y")
    if kind == ColumnKind.PERCENT and isinstance(value, int | float | decimal.Decimal):
        return _french_number(float(value) * 100, decimals=1) + " %"
    if kind == ColumnKind.DECIMAL and isinstance(value, int | float | decimal.Decimal):
        return _french_number(value)
    if kind == ColumnKind.INTEGER and isinstance(value, int | float | decimal.Decimal):
        return str(int(round(value)))
    text = str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    """A file that hands back what is written to it, for csv.writer to make one line."""

    def write(self, value):
        return value


def _csv_lines(
    header: Sequence[str], columns: Sequence[Column], rows: Iterable[Sequence], language: str | None
) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    kinds = [column.kind for column in columns]
    with translation.override(language):
        chunk = ["\ufeff", writer.writerow(header)]
        for row in rows:
            chunk.append(writer.writerow([csv_cell(v, k) for v, k in zip(row, kinds)]))
            if len(chunk) >= CSV_CHUNK_ROWS:
                yield "".join(chunk)
                chunk = []
        if chunk:
            yield "".join(chunk)


def csv_response(table: Table, filename: str) -> StreamingHttpResponse:
    """The table as a CSV download, streamed chunk by chunk from its rows.

    `filename` is the name the browser saves (".csv" is added when missing).
    """
    header = [str(column.label) for column in table.columns]
    response = StreamingHttpResponse(
        _csv_lines(header, table.columns, table.rows, translation.get_language()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(
        True, _with_extension(filename, ".csv")
    )
    # Exports may carry names (an association's own data): never kept by a cache.
    add_never_cache_headers(response)
    return response


def _sheet_name(title: str) -> str:
    """Excel's rules for a sheet name: 31 characters at most, none of []:*?/\\."""
    name = re.sub(r"[\[\]:*?/\\]", " ", title).strip().strip("'")
    return (name or gettext("Tableau"))[:31]


def write_xlsx(table: Table, path: str) -> None:
    """Write the table to an XLSX file at `path`, one row in memory at a time."""
    workbook = xlsxwriter.Workbook(
        path,
        {
            "constant_memory": True,
            "tmpdir": os.path.dirname(path),
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    formats = {
        ColumnKind.DATE: workbook.add_format({"num_format": "dd/mm/yyyy"}),
        ColumnKind.PERCENT: workbook.add_format({"num_format": "0.0%"}),
        ColumnKind.DECIMAL: workbook.add_format({"num_format": "#,##0.0#"}),
        ColumnKind.INTEGER: workbook.add_format({"num_format": "#,##0"}),
    }
    hidden_format = workbook.add_format({"align": "right"})
    sheet = workbook.add_worksheet(_sheet_name(str(table.title)))
    columns = list(table.columns)
    for index, column in enumerate(columns):
        width = 12 if column.kind == ColumnKind.DATE else max(10, min(40, len(str(column.label))))
        sheet.set_column(index, index, width + 2)
    sheet.freeze_panes(1, 0)
    for index, column in enumerate(columns):
        sheet.write_string(0, index, str(column.label), bold)

    kinds = [column.kind for column in columns]
    row_number = 0
    for row_number, row in enumerate(table.rows, start=1):
        for index, (value, kind) in enumerate(zip(row, kinds)):
            if value is None:
                continue
            if isinstance(value, Hidden):
                sheet.write_string(row_number, index, str(value), hidden_format)
            elif kind == ColumnKind.DATE and isinstance(value, datetime.date):
                sheet.write_datetime(row_number, index, _as_date(value), formats[kind])
            elif kind in formats and isinstance(value, int | float | decimal.Decimal):
                sheet.write_number(row_number, index, float(value), formats[kind])
            else:
                sheet.write_string(row_number, index, str(value))
    if columns:
        sheet.autofilter(0, 0, row_number, len(columns) - 1)

    if table.notes:
        notes = workbook.add_worksheet(_sheet_name(gettext("Notes")))
        notes.set_column(0, 0, 100)
        for index, note in enumerate(table.notes):
            notes.write_string(index, 0, str(note))
    workbook.close()


def xlsx_response(table: Table, filename: str) -> FileResponse:
    """The table as an XLSX download, written to a temporary file and streamed from it.

    `filename` is the name the browser saves (".xlsx" is added when missing).
    """
    directory = tempfile.mkdtemp(prefix="mentorat-export-")
    path = os.path.join(directory, "export.xlsx")
    try:
        write_xlsx(table, path)
        # Opened then unlinked: the system frees the file when the response closes it, even if
        # the download is cut short.
        handle = open(path, "rb")  # closed by the response
    finally:
        for name in os.listdir(directory):
            os.unlink(os.path.join(directory, name))
        os.rmdir(directory)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=_with_extension(filename, ".xlsx"),
        content_type=XLSX_CONTENT_TYPE,
    )
    add_never_cache_headers(response)
    return response
