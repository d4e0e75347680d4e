from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# After this many failed attempts a message is set aside for a person to look at.
MAX_ATTEMPTS = 6


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("à envoyer")
    SENT = "sent", _("envoyé")
    FAILED = "failed", _("en échec")


class MessageQuerySet(models.QuerySet):
    def due(self, now=None):
        """Messages waiting to go out whose next attempt time has come."""
        return self.filter(status=MessageStatus.PENDING, next_attempt_at__lte=now or timezone.now())


class Message(models.Model):
    """One message to one person. The key names the message in the programme's terms
    (say "consent-request:youth-42"), so recording it twice is impossible."""

    key = models.CharField(_("clé"), max_length=255, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    to_email = models.EmailField(_("adresse"))
    subject = models.CharField(_("objet"), max_length=255)
    body_text = models.TextField(_("texte"))
    body_html = models.TextField(_("HTML"), blank=True)
    status = models.CharField(
        _("état"), max_length=16, choices=MessageStatus, default=MessageStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("prochaine tentative"), default=timezone.now)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="message_due_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=MessageStatus.SENT) | models.Q(sent_at__isnull=False),
                name="message_sent_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.key} → {self.to_email}"

    def mark_sent(self):
        self.status = MessageStatus.SENT
        self.sent_at = timezone.now()
        self.save(update_fields=["status", "sent_at"])

    def mark_attempt_failed(self, error: str):
        """Back off exponentially (2, 4, 8... minutes), then give up."""
        self.attempts += 1
        self.last_error = error[:2000]
        if self.attempts >= MAX_ATTEMPTS:
            self.status = MessageStatus.FAILED
        self.next_attempt_at = timezone.now() + timedelta(minutes=2**self.attempts)
        self.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
