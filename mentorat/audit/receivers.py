"""The reads and erasures other apps announce (``mentorat.events``), written to the trail."""

from mentorat import events
from programmes.models import YouthProfile

from .models import AuditEntry, AuditEvent


def on_file_viewed(sender, instance, by, **kwargs):
    """A minor's file was read: who, when, from where."""
    if not isinstance(instance, YouthProfile) or not instance.is_minor:
        return
    AuditEntry.objects.log_create(
        instance,
        force_log=True,
        action=AuditEntry.Action.ACCESS,
        event=AuditEvent.VIEW,
        actor=by if by is not None and by.is_authenticated else None,
    )


def on_data_exported(sender, by, what, rows, association=None, **kwargs):
    """Rows left the platform in a file: kept on the association's trail (or the national
    one), under the record of who exported them."""
    AuditEntry.objects.log_create(
        association if association is not None else by,
        force_log=True,
        action=AuditEntry.Action.ACCESS,
        event=AuditEvent.EXPORT,
        actor=by,
        association_id=association.pk if association is not None else None,
        additional_data={"what": str(what), "rows": rows},
    )


def on_person_erased(sender, user, **kwargs):
    """The trail keeps what the person did, no longer their address."""
    AuditEntry.objects.filter(actor=user).update(actor_email="")


def connect() -> None:
    events.file_viewed.connect(on_file_viewed, dispatch_uid="audit_file_viewed")
    events.data_exported.connect(on_data_exported, dispatch_uid="audit_data_exported")
    events.person_erased.connect(on_person_erased, dispatch_uid="audit_person_erased")
