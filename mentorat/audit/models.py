"""The audit trail: who changed or read which sensitive record, kept 12 months.

django-auditlog writes the entries (``tracked`` lists the models it follows); this model is
its entry model (``AUDITLOG_LOGENTRY_MODEL``), with the association each entry belongs to, so
that an association's staff read their own trail and nobody else's, and the kind of event.
"""

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentorat import retention
from mentorat.accounts.enums import Role
from programmes.models import Association


class AuditEvent(models.TextChoices):
    CHANGE = "change", _("Modification")
    VIEW = "view", _("Consultation du dossier d’un mineur")
    EXPORT = "export", _("Export de données")


class AuditEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The ministry reads every entry; association staff their associations' entries."""
        if user.is_superuser or user.role == Role.MINISTRY:
            return self
        if user.role == Role.STAFF:
            return self.filter(
                association__in=Association.objects.filter(memberships__user=user).values("pk")
            )
        return self.none()

    def for_association(self, association):
        return self.filter(association=association)

    def expired(self, now=None):
        return self.filter(timestamp__lt=(now or timezone.now()) - retention.AUDIT_TRAIL)

    def for_listing(self):
        return self.select_related("actor", "content_type", "association").order_by(
            "-timestamp", "-pk"
        )


class AuditEntryManager(LogEntryManager.from_queryset(AuditEntryQuerySet)):
    def log_create(self, instance, force_log: bool = False, **kwargs):
        """Every entry django-auditlog writes says which association its record belongs to,
        names the record by its number, and says whether the admin site made it."""
        from .middleware import request_is_admin
        from .tracked import association_id_of, name_of

        kwargs.setdefault("association_id", association_id_of(instance))
        kwargs.setdefault("object_repr", name_of(instance))
        kwargs.setdefault("via_admin", request_is_admin())
        return super().log_create(instance, force_log=force_log, **kwargs)


class AuditEntry(AbstractLogEntry):
    event = models.CharField(
        _("événement"), max_length=8, choices=AuditEvent, default=AuditEvent.CHANGE
    )
    # The association whose record this is; empty for national records (a ministry account).
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Made in the administration site rather than through the platform's pages.
    via_admin = models.BooleanField(_("par l’administration technique"), default=False)

    objects = AuditEntryManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("entrée du journal d’audit")
        verbose_name_plural = _("journal d’audit")
        indexes = [models.Index(fields=["association", "-timestamp"], name="audit_by_association")]
