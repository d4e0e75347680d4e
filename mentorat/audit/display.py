"""The trail's entries as people read them, without a query per entry."""

import datetime
from dataclasses import dataclass

from dateutil import parser
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import AuditEntry, AuditEvent


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _value(field, value) -> str:
    if value in (None, "None", ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return _("n° %(pk)s") % {"pk": value}
    if isinstance(field, models.BooleanField):
        return _("oui") if value in (True, "True") else _("non")
    if isinstance(field, models.DateTimeField | models.DateField):
        try:
            moment = parser.parse(value)
        except (ValueError, OverflowError):
            return str(value)
        if isinstance(field, models.DateTimeField):
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, datetime.UTC)
            return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
        return formats.date_format(moment.date(), "SHORT_DATE_FORMAT")
    return str(value)


def changes_of(entry: AuditEntry) -> list[Change]:
    model = entry.content_type.model_class()
    rows = []
    for name, values in (entry.changes_dict or {}).items():
        before, after = (list(values) + [None, None])[:2]
        try:
            field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            field = None
        if field is None:
            rows.append(Change(name, str(before), str(after)))
            continue
        rows.append(Change(str(field.verbose_name), _value(field, before), _value(field, after)))
    return rows


def what_happened(entry: AuditEntry) -> str:
    if entry.event == AuditEvent.VIEW:
        return _("Consultation du dossier d’un mineur")
    if entry.event == AuditEvent.EXPORT:
        data = entry.additional_data or {}
        return _("Export : %(what)s (%(rows)s lignes)") % {
            "what": data.get("what", ""),
            "rows": data.get("rows", "?"),
        }
    return {
        AuditEntry.Action.CREATE: _("Création"),
        AuditEntry.Action.UPDATE: _("Modification"),
        AuditEntry.Action.DELETE: _("Suppression"),
    }.get(entry.action, _("Consultation"))
