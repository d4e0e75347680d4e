from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .quiet import next_allowed

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


def secret_placeholder(number: int) -> str:
    """What stands in a stored body for the n-th secret (1-based) of its message."""
    return f"[[lien personnel {number}]]"


class Message(models.Model):
    """One message to one person. The key names the message in the programme's terms
    (say "consent-request:youth-42"), so recording it twice is impossible.

    A message may carry secrets (the token of a password reset, of an address confirmation,
    of a parent's consent or a staff invitation). They never sit in the bodies, which hold a
    placeholder instead (`secret_placeholder`): they wait in `secrets` until delivery puts
    them back into the email, and are dropped as soon as the message is sent or given up.
    So the outbox, and the admin that shows it, never hold a live link beyond its delivery.
    """

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
    secrets = models.JSONField(_("secrets en attente d’envoi"), default=list, blank=True)
    # Extra email headers (List-Unsubscribe...), with the same placeholders as the bodies.
    headers = models.JSONField(_("en-têtes"), default=dict, blank=True)
    # Sent by the platform on its own (a reminder): never during quiet hours, retries included.
    quiet_hours = models.BooleanField(_("jamais la nuit"), default=False)
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
            models.CheckConstraint(
                condition=models.Q(status=MessageStatus.PENDING) | models.Q(secrets=[]),
                name="message_secrets_only_until_delivery",
            ),
        ]

    def __str__(self):
        return f"{self.key} → {self.to_email}"

    def with_secrets(self, body: str) -> str:
        """The body as it is emailed: the secrets back in place of their placeholders."""
        for number, secret in enumerate(self.secrets, start=1):
            body = body.replace(secret_placeholder(number), secret)
        return body

    def wait_for_morning(self, now) -> None:
        """A quiet-hours message found due at night (a delivery queued just before 20:00, a
        retry scheduled before this rule): the next attempt is the next 08:00, not counted."""
        self.next_attempt_at = next_allowed(now)
        self.save(update_fields=["next_attempt_at"])

    def mark_sent(self):
        self.status = MessageStatus.SENT
        self.sent_at = timezone.now()
        self.secrets = []
        self.save(update_fields=["status", "sent_at", "secrets"])

    def mark_attempt_failed(self, error: str):
        """Back off exponentially (2, 4, 8... minutes), then give up. A retry that would fall
        in quiet hours waits for the morning."""
        self.attempts += 1
        self.last_error = error[:2000]
        if self.attempts >= MAX_ATTEMPTS:
            # Given up: its links will never be read, and the person asks for new ones.
            self.status = MessageStatus.FAILED
            self.secrets = []
        base = getattr(settings, "NOTIFICATIONS_RETRY_BASE_SECONDS", 60)
        self.next_attempt_at = timezone.now() + timedelta(seconds=base * 2**self.attempts)
        if self.quiet_hours:
            self.next_attempt_at = next_allowed(self.next_attempt_at)
        self.save(update_fields=["attempts", "last_error", "status", "next_attempt_at", "secrets"])


class EmailState(models.TextChoices):
    NONE = "none", _("liste du site seulement")
    WAITING = "waiting", _("courriel à préparer")
    QUEUED = "queued", _("courriel confié à la file d’envoi")


class NotificationQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def emails_waiting(self, now=None):
        return self.filter(email_state=EmailState.WAITING, send_after__lte=now or timezone.now())


class Notification(models.Model):
    """One thing the platform tells one person, recorded once under its key (say
    "reminder:cadence-late:pair-42:2026-03-01:user-7"): shown in the person's list on the site
    and, unless they keep this kind to the list, emailed through the outbox (`Message`,
    under the same key). A parent without an account has no list: the email only."""

    # Unique by a constraint rather than unique=True: no second (LIKE) index to maintain on
    # PostgreSQL, where runs insert tens of thousands of rows.
    key = models.CharField(_("clé"), max_length=255)
    kind = models.CharField(_("sorte"), max_length=48)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
        # notification_list_idx (recipient, -created_at) serves every lookup by recipient: no
        # second index to maintain on each insert.
        db_index=False,
    )
    email = models.EmailField(_("adresse"), blank=True)
    title = models.CharField(_("titre"), max_length=255)
    body = models.TextField(_("texte"), blank=True)
    url = models.CharField(_("lien"), max_length=500, blank=True)
    action = models.CharField(_("libellé du lien"), max_length=120, blank=True)
    # Addressed with "tu" (a youth) rather than "vous".
    familiar = models.BooleanField(_("tutoiement"), default=False)
    data = models.JSONField(_("données"), default=dict, blank=True)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    # Quiet hours: the email is not made before this moment.
    send_after = models.DateTimeField(_("courriel à partir du"), default=timezone.now)
    email_state = models.CharField(
        _("courriel"), max_length=8, choices=EmailState, default=EmailState.WAITING
    )
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)
    # The run that recorded it (where the database cannot say which rows an insert made).
    batch = models.CharField(max_length=32, blank=True, editable=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_list_idx"),
            models.Index(fields=["email_state", "send_after"], name="notification_email_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                name="notification_key_unique",
                violation_error_message=_("Cette notification est déjà enregistrée."),
            ),
            models.CheckConstraint(
                condition=~models.Q(email_state=EmailState.WAITING) | ~models.Q(email=""),
                name="notification_email_has_address",
                violation_error_message=_("Un courriel a une adresse."),
            ),
            models.CheckConstraint(
                condition=models.Q(recipient__isnull=False) | ~models.Q(email=""),
                name="notification_reaches_someone",
                violation_error_message=_("Une notification a un destinataire ou une adresse."),
            ),
        ]

    def __str__(self):
        return self.key


class NotificationPreference(models.Model):
    """A person keeps one kind of notification to the site's list (no email)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("sorte"), max_length=48)
    by_email = models.BooleanField(_("par courriel"), default=True)
    changed_at = models.DateTimeField(_("modifiée le"), default=timezone.now)

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                name="notification_preference_once",
                violation_error_message=_("Cette préférence existe déjà."),
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.by_email}"

    @classmethod
    def choose(cls, *, user, kind: str, by_email: bool) -> None:
        cls.objects.update_or_create(
            user=user, kind=kind, defaults={"by_email": by_email, "changed_at": timezone.now()}
        )
