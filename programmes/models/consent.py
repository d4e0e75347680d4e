"""Joint consent for a youth under 15: every request to a parent, kept as a history.

A request is never overwritten: a new one replaces an unanswered one (which stops working),
a parent's refusal is final for the youth, and only the association's staff reopen it, with
a reason, after talking with the family.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentorat.accounts.enums import Role
from mentorat.accounts.models import User
from mentorat.states import InvalidTransition

from ..enums import ConsentDecision, ParticipantStatus
from .associations import new_token
from .participants import CONSENT_VALIDITY, YouthProfile


def check_guardian_email(email: str, *, youth_user=None, youth_emails=(), to_staff=False) -> str:
    """The one check every form and the model make on a parent's address: it is none of the
    youth's own addresses (their account's, every address they added, or the one they type
    at sign-up) and no other youth's account. Returns the address in lower case."""
    email = email.strip().lower()
    own = {address.strip().lower() for address in youth_emails if address}
    others = User.objects.filter(role=Role.YOUTH).filter(
        Q(email__iexact=email) | Q(emailaddress__email__iexact=email)
    )
    if youth_user is not None and youth_user.pk:
        own.add(youth_user.email.lower())
        own.update(
            EmailAddress.objects.filter(user=youth_user)
            .annotate(lower=Lower("email"))
            .values_list("lower", flat=True)
        )
        others = others.exclude(pk=youth_user.pk)
    if email in own:
        raise ValidationError(
            _("Cette adresse est celle du compte du jeune : il faut celle d’un parent.")
            if to_staff
            else _("Écris l’adresse de ton parent, pas la tienne."),
            code="youth_own_address",
        )
    if others.exists():
        raise ValidationError(
            _("Cette adresse est celle du compte d’un autre jeune : il faut celle d’un parent.")
            if to_staff
            else _(
                "Cette adresse est celle du compte d’un ou d’une jeune : écris celle de ton "
                "parent ou tuteur."
            ),
            code="youth_account_address",
        )
    return email


class ParentalConsentQuerySet(models.QuerySet):
    def overdue(self, now=None):
        return self.filter(decision=ConsentDecision.PENDING, expires_at__lte=now or timezone.now())

    def history(self):
        """Oldest first, with who asked: the order staff read it in."""
        return self.select_related("requested_by").order_by("requested_at", "pk")


class ParentalConsent(models.Model):
    """One request to a parent or guardian, who answers through the link in their email."""

    youth = models.ForeignKey(
        YouthProfile, on_delete=models.CASCADE, related_name="consent_requests"
    )
    guardian_name = models.CharField(_("nom du parent ou tuteur"), max_length=200)
    guardian_email = models.EmailField(_("adresse du parent ou tuteur"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    requested_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    # The youth, or the staff member who reopened the request after a refusal.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reopen_reason = models.TextField(_("motif de la réouverture"), blank=True)
    expires_at = models.DateTimeField(_("expire le"))
    decision = models.CharField(
        _("décision"), max_length=10, choices=ConsentDecision, default=ConsentDecision.PENDING
    )
    decided_at = models.DateTimeField(_("répondu le"), null=True, blank=True)
    # The name the parent confirmed when answering; the name the request went to stays.
    signed_name = models.CharField(_("nom confirmé par le parent"), max_length=200, blank=True)

    objects = ParentalConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande d’accord parental")
        verbose_name_plural = _("demandes d’accord parental")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision=ConsentDecision.PENDING)
                | Q(decision=ConsentDecision.EXPIRED)
                | Q(decided_at__isnull=False),
                name="consent_decision_is_dated",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("requested_at")),
                name="consent_expires_after_request",
            ),
            models.UniqueConstraint(
                fields=["youth"],
                condition=Q(decision=ConsentDecision.PENDING),
                name="consent_one_pending_request_per_youth",
                violation_error_message=_("Une demande d’accord attend déjà une réponse."),
            ),
        ]

    def __str__(self):
        return f"{self.guardian_name} pour {self.youth}"

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            self.expires_at = self.requested_at + CONSENT_VALIDITY
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.decision == ConsentDecision.PENDING and self.expires_at > timezone.now()

    @property
    def is_reopening(self) -> bool:
        return bool(self.reopen_reason)

    @property
    def answered_by(self) -> str:
        """Who answered, as they named themselves (the request's name before any answer)."""
        return self.signed_name or self.guardian_name

    @property
    def answered_on(self):
        """When the request stopped waiting: the answer, the replacement or the expiry."""
        if self.decision == ConsentDecision.EXPIRED:
            return self.expires_at
        return self.decided_at

    @classmethod
    def latest_for(cls, youth) -> "ParentalConsent | None":
        return cls.objects.filter(youth=youth).order_by("-requested_at", "-pk").first()

    @classmethod
    def request_for(
        cls,
        youth,
        *,
        guardian_name: str,
        guardian_email: str,
        by,
        reopen_reason: str = "",
        now=None,
    ) -> "ParentalConsent":
        """A new request, valid 30 days; an unanswered older one is marked replaced and its
        link stops working. After a refusal, only a reopening (staff, with a reason) may ask
        again. The caller holds the youth's row locked."""
        now = now or timezone.now()
        reopen_reason = reopen_reason.strip()
        if youth.status != ParticipantStatus.AWAITING_CONSENT:
            raise InvalidTransition(
                _("Aucun accord parental n’est attendu pour ce ou cette jeune.")
            )
        latest = cls.latest_for(youth)
        refused = latest is not None and latest.decision == ConsentDecision.REFUSED
        if refused and not reopen_reason:
            raise InvalidTransition(
                _(
                    "Ton parent a refusé : seule ton association peut rouvrir la demande, "
                    "après en avoir parlé avec ta famille."
                )
            )
        if reopen_reason and not refused:
            raise InvalidTransition(_("Seule une demande refusée peut être rouverte."))
        guardian_email = check_guardian_email(
            guardian_email, youth_user=youth.user, to_staff=bool(reopen_reason)
        )
        cls.objects.filter(youth=youth, decision=ConsentDecision.PENDING).update(
            decision=ConsentDecision.REPLACED, decided_at=now
        )
        return cls.objects.create(
            youth=youth,
            guardian_name=guardian_name.strip(),
            guardian_email=guardian_email,
            requested_at=now,
            expires_at=now + CONSENT_VALIDITY,
            requested_by=by,
            reopen_reason=reopen_reason,
        )

    def answer(self, *, given: bool, guardian_name: str) -> bool:
        """Record the parent's answer once; False if it was answered, replaced or expired
        meanwhile. A given consent lets the youth's review begin."""
        now = timezone.now()
        decision = ConsentDecision.GIVEN if given else ConsentDecision.REFUSED
        answered = ParentalConsent.objects.filter(
            pk=self.pk, decision=ConsentDecision.PENDING, expires_at__gt=now
        ).update(decision=decision, decided_at=now, signed_name=guardian_name.strip())
        if answered:
            self.refresh_from_db()
            if given:
                self.youth.consent_received(at=now)
        return bool(answered)

    def expire(self) -> bool:
        """Close an unanswered request; False if it was answered meanwhile."""
        expired = ParentalConsent.objects.filter(
            pk=self.pk, decision=ConsentDecision.PENDING
        ).update(decision=ConsentDecision.EXPIRED)
        if expired:
            self.decision = ConsentDecision.EXPIRED
        return bool(expired)
