"""Rows written in bulk: one COPY on PostgreSQL, large ``bulk_create`` batches elsewhere.

A national batch writes some 160,000 proposals; ``bulk_create`` builds a model instance and
a parameter list for each, COPY streams plain rows. Both paths insert the same rows.
"""

from collections.abc import Iterable, Sequence
from contextlib import nullcontext

from django.db import connection, models
from django.db.models import JSONField

BULK_CREATE_BATCH = 2000


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence]):
    """Insert ``rows``: values in ``fields`` order (names, or attnames such as ``youth_id``),
    JSON fields as Python values. Every other field takes its default, computed once for all
    rows (so a field with a unique default, such as a token, must be given)."""
    if connection.vendor != "postgresql":
        objects = (model(**dict(zip(fields, row, strict=True))) for row in rows)
        model.objects.bulk_create(objects, batch_size=BULK_CREATE_BATCH)
        return
    given = [model._meta.get_field(name) for name in fields]
    defaults = [
        field
        for field in model._meta.concrete_fields
        if field not in given and not field.primary_key
    ]
    default_values = tuple(
        field.get_db_prep_save(field.get_default(), connection) for field in defaults
    )
    json_fields = [(at, field) for at, field in enumerate(given) if isinstance(field, JSONField)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in [*given, *defaults])
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor:
        # Logged as one query, like the statements Django runs, timed to the last row sent.
        logged = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext()
        with logged, cursor.cursor.copy(sql) as copy:
            for row in rows:
                if json_fields:
                    row = list(row)
                    for at, field in json_fields:
                        row[at] = field.get_db_prep_save(row[at], connection)
                copy.write_row((*row, *default_values))
