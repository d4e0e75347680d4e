"""A dashboard table exported as CSV and XLSX opens right in a French spreadsheet."""

import datetime
import decimal
import io
import itertools
import tracemalloc

import openpyxl
import pytest
from django.utils import timezone, translation

from mentorat.dashboards.exports import csv_cell, csv_response, xlsx_response
from mentorat.dashboards.tables import HIDDEN, Column, ColumnKind, Table

# Closing a response signals the end of a request, which checks the database connection.
pytestmark = pytest.mark.django_db

COLUMNS = (
    Column("association", "Association"),
    Column("started", "Début", ColumnKind.DATE),
    Column("pairs", "Binômes", ColumnKind.INTEGER),
    Column("hours", "Heures par binôme", ColumnKind.DECIMAL),
    Column("six_months", "Part atteignant 6 mois", ColumnKind.PERCENT),
)
ROWS = [
    ("Afev", datetime.date(2026, 3, 1), 1234, 12.5, 0.425),
    ("Capital Filles", datetime.date(2025, 12, 31), HIDDEN, decimal.Decimal("3.25"), HIDDEN),
    ("Duo for a job; Paris", None, 0, 0, 1),
]


def table(rows=ROWS, notes=("Les cellules de moins de 5 jeunes sont masquées.",)):
    return Table(
        slug="associations", title="Par association", columns=COLUMNS, rows=rows, notes=notes
    )


def csv_text(response):
    return b"".join(response.streaming_content).decode("utf-8")


def xlsx_workbook(response, read_only=False):
    content = b"".join(response.streaming_content)
    response.close()
    return openpyxl.load_workbook(io.BytesIO(content), read_only=read_only)


class TestCsv:
    def test_opens_in_a_french_spreadsheet(self):
        response = csv_response(table(), "binomes-par-association")

        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == (
            'attachment; filename="binomes-par-association.csv"'
        )
        assert "no-store" in response["Cache-Control"]
        raw = b"".join(response.streaming_content)
        assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark: Excel reads UTF-8
        lines = raw.decode("utf-8-sig").split("\r\n")
        assert lines == [
            "Association;Début;Binômes;Heures par binôme;Part atteignant 6 mois",
            "Afev;01/03/2026;1234;12,5;42,5 %",
            "Capital Filles;31/12/2025;< 5;3,25;< 5",
            '"Duo for a job; Paris";;0;0;100,0 %',
            "",
        ]

    def test_cells(self):
        paris_evening = timezone.make_aware(datetime.datetime(2026, 1, 31, 23, 30))
        assert csv_cell(paris_evening, ColumnKind.DATE) == "31/01/2026"
        assert csv_cell(1 / 3, ColumnKind.DECIMAL) == "0,33"
        assert csv_cell(2.0, ColumnKind.DECIMAL) == "2"
        assert csv_cell(decimal.Decimal("1.50"), ColumnKind.DECIMAL) == "1,5"
        assert csv_cell(0.0, ColumnKind.PERCENT) == "0,0 %"
        assert csv_cell(-3, ColumnKind.INTEGER) == "-3"
        assert csv_cell(HIDDEN, ColumnKind.INTEGER) == "< 5"
        assert csv_cell(None, ColumnKind.TEXT) == ""

    def test_a_name_is_never_a_formula(self):
        assert csv_cell('=HYPERLINK("http://x")', ColumnKind.TEXT) == '\'=HYPERLINK("http://x")'
        assert csv_cell("-Karim", ColumnKind.TEXT) == "'-Karim"
        assert csv_cell("Karim", ColumnKind.TEXT) == "Karim"

    def test_headers_in_the_language_of_the_request(self):
        with translation.override("en"):
            response = csv_response(table(), "export.csv")
        assert response["Content-Disposition"] == 'attachment; filename="export.csv"'
        assert csv_text(response).splitlines()[2].startswith("Capital Filles;31/12/2025;< 5")

    def test_a_generator_of_many_rows_is_streamed_not_materialised(self):
        read = itertools.count()

        def rows():
            for n in range(1_000_000):
                next(read)
                yield (f"Association {n}", datetime.date(2026, 1, 1), n, n / 7, 0.5)

        response = csv_response(table(rows=rows()), "grand")
        chunks = iter(response.streaming_content)
        first = next(chunks)
        assert first.startswith(b"\xef\xbb\xbfAssociation;")
        # Only the first chunk's rows have been read from the generator.
        assert next(read) <= 1_000
        next(chunks)
        assert next(read) <= 2_000
        response.close()

    def test_an_empty_table_is_its_header(self):
        assert csv_text(csv_response(table(rows=iter(())), "vide")) == (
            "\ufeffAssociation;Début;Binômes;Heures par binôme;Part atteignant 6 mois\r\n"
        )


class TestXlsx:
    def test_opens_with_the_right_columns_and_values(self):
        response = xlsx_response(table(), "binomes-par-association")

        assert response["Content-Type"] == (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        assert response["Content-Disposition"] == (
            'attachment; filename="binomes-par-association.xlsx"'
        )
        assert "no-store" in response["Cache-Control"]
        workbook = xlsx_workbook(response)
        assert workbook.sheetnames == ["Par association", "Notes"]
        sheet = workbook["Par association"]
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert values == [
            ["Association", "Début", "Binômes", "Heures par binôme", "Part atteignant 6 mois"],
            ["Afev", datetime.datetime(2026, 3, 1), 1234, 12.5, 0.425],
            ["Capital Filles", datetime.datetime(2025, 12, 31), "< 5", 3.25, "< 5"],
            ["Duo for a job; Paris", None, 0, 0, 1],
        ]
        assert all(cell.font.b for cell in sheet[1])
        afev = sheet[2]
        assert afev[1].is_date and afev[1].number_format == "dd/mm/yyyy"
        assert afev[4].number_format == "0.0%"
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == "A1:E4"
        assert workbook["Notes"]["A1"].value == "Les cellules de moins de 5 jeunes sont masquées."

    def test_text_is_never_a_formula(self):
        rows = [("=1+1", None, 1, 1, 1)]
        sheet = xlsx_workbook(xlsx_response(table(rows=rows, notes=()), "x")).active
        assert sheet["A2"].value == "=1+1"
        assert sheet["A2"].data_type == "s"

    def test_a_generator_of_many_rows_is_not_held_in_memory(self):
        count = 30_000

        def rows():
            for n in range(count):
                yield (f"Association {n}", datetime.date(2026, 1, 1), n, n / 7, 0.5)

        tracemalloc.start()
        try:
            response = xlsx_response(table(rows=rows(), notes=()), "grand")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        # 30,000 rows held at once (as tuples, or as XlsxWriter's cells outside its
        # constant-memory mode) would take tens of megabytes.
        assert peak < 3_000_000
        rows_read = list(xlsx_workbook(response, read_only=True).active.values)
        assert len(rows_read) == count + 1
        assert rows_read[-1][:3] == (
            f"Association {count - 1}",
            datetime.datetime(2026, 1, 1),
            count - 1,
        )
