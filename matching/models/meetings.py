"""Meetings: logged by the mentor, confirmed (or disputed) by the youth; and meetings planned.

A meeting *counts* for the cadence when it lasted at least the programme's minimum and the youth
confirmed it, or did not answer within ``CONFIRMATION_DELAY`` of its logging (see cadence.py).
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import InvalidTransition

from ..enums import CLOSED_PAIR_STATUSES, MeetingFormat, PairStatus, YouthConfirmation

# The youth has this long to confirm a meeting; after that, silence counts as a yes.
CONFIRMATION_DELAY = timedelta(days=7)
MIN_MEETING_MINUTES = 5
MAX_MEETING_MINUTES = 8 * 60


def confirmation_cutoff(today: date) -> datetime:
    """Meetings logged before this instant and still unanswered count as confirmed on ``today``:
    logged on ``today - 7 days`` or earlier (local days)."""
    day = today - CONFIRMATION_DELAY + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time.min))


class MeetingQuerySet(models.QuerySet):
    def answered_or_silent(self, today: date):
        """Confirmed by the youth, or left unanswered past the confirmation delay."""
        return self.filter(
            Q(youth_confirmation=YouthConfirmation.CONFIRMED)
            | Q(youth_confirmation="", logged_at__lt=confirmation_cutoff(today))
        )

    def counted(self, today: date, min_minutes=None):
        """The meetings that count for the cadence on ``today``. ``min_minutes`` defaults to the
        pair's programme minimum; pass an ``OuterRef`` inside a subquery."""
        if min_minutes is None:
            min_minutes = F("pair__programme__min_meeting_minutes")
        return self.answered_or_silent(today).filter(duration_minutes__gte=min_minutes)

    def awaiting_confirmation(self):
        return self.filter(youth_confirmation="")

    def disputed(self):
        return self.filter(youth_confirmation=YouthConfirmation.DISPUTED)

    def alerting(self):
        return self.filter(alert_referent=True)


class Meeting(models.Model):
    pair = models.ForeignKey(
        "Pair",
        on_delete=models.PROTECT,
        related_name="meetings",
        # meeting_pair_held_on (pair, -held_on) serves every lookup by pair: no second index.
        db_index=False,
    )
    held_on = models.DateField(_("date de la rencontre"))
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"))
    format = models.CharField(_("format"), max_length=16, choices=MeetingFormat)
    # MeetingTopic as a bitmask (programmes.flags).
    topics = models.PositiveIntegerField(_("sujets abordés"), default=0)
    topics_other = models.CharField(_("autres sujets"), max_length=200, blank=True)
    shared_note = models.TextField(_("note partagée avec le jeune"), max_length=2000, blank=True)
    # Read by the mentor who wrote it and the association's staff; never by the youth.
    private_note = models.TextField(_("note privée pour le référent"), max_length=2000, blank=True)
    alert_referent = models.BooleanField(_("alerter mon référent"), default=False)
    youth_confirmation = models.CharField(
        _("réponse du jeune"), max_length=16, choices=YouthConfirmation, blank=True
    )
    youth_answered_at = models.DateTimeField(_("réponse du jeune le"), null=True, blank=True)
    youth_note = models.TextField(_("remarque du jeune"), max_length=1000, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    logged_at = models.DateTimeField(_("noté le"), default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("rencontre")
        verbose_name_plural = _("rencontres")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["pair", "-held_on"], name="meeting_pair_held_on")]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    duration_minutes__gte=MIN_MEETING_MINUTES,
                    duration_minutes__lte=MAX_MEETING_MINUTES,
                ),
                name="meeting_duration_5_min_to_8_h",
                violation_error_message=_("Une rencontre dure entre 5 minutes et 8 heures."),
            ),
            models.CheckConstraint(
                condition=Q(youth_confirmation="", youth_answered_at__isnull=True)
                | (~Q(youth_confirmation="") & Q(youth_answered_at__isnull=False)),
                name="meeting_youth_answer_dated",
                violation_error_message=_("La réponse du jeune est datée."),
            ),
        ]

    def __str__(self):
        return f"{self.pair} — {self.held_on}"

    @property
    def is_confirmed(self) -> bool:
        return self.youth_confirmation == YouthConfirmation.CONFIRMED

    @property
    def is_disputed(self) -> bool:
        return self.youth_confirmation == YouthConfirmation.DISPUTED

    @property
    def topic_labels(self) -> list[str]:
        from programmes.flags import labels_of

        from ..enums import MeetingTopic

        return [str(label) for label in labels_of(MeetingTopic, self.topics)]

    def counts_on(self, today: date) -> bool:
        """The cadence rule for this one meeting (as MeetingQuerySet.counted)."""
        if self.duration_minutes < self.pair.programme.min_meeting_minutes:
            return False
        if self.youth_confirmation:
            return self.youth_confirmation == YouthConfirmation.CONFIRMED
        return self.logged_at < confirmation_cutoff(today)

    @classmethod
    def refusals(
        cls,
        *,
        pair,
        held_on: date | None,
        duration_minutes: int | None,
        today: date,
        same_date_confirmed: bool = False,
        exclude_pk: int | None = None,
    ) -> dict[str, str]:
        """Why this meeting cannot be logged, by field, in French (empty: it can)."""
        errors: dict[str, str] = {}
        if duration_minutes is not None:
            if duration_minutes < MIN_MEETING_MINUTES:
                errors["duration_minutes"] = _(
                    "Une rencontre dure au moins 5 minutes : vérifiez la durée (en minutes)."
                )
            elif duration_minutes > MAX_MEETING_MINUTES:
                errors["duration_minutes"] = _(
                    "Une rencontre dure au plus 8 heures (480 minutes) : vérifiez la durée."
                )
        if held_on is None:
            return errors
        ended_on = timezone.localdate(pair.ended_at) if pair.ended_at else None
        if held_on > today:
            errors["held_on"] = _(
                "Cette date est dans le futur : notez la rencontre une fois qu’elle a eu lieu, "
                "ou planifiez-la plus bas."
            )
        elif pair.started_on is None or held_on < pair.started_on:
            errors["held_on"] = _(
                "Le binôme a commencé le %(start)s : une rencontre ne peut pas être plus ancienne."
            ) % {"start": pair.started_on.strftime("%d/%m/%Y") if pair.started_on else "—"}
        elif ended_on is not None and held_on > ended_on:
            errors["held_on"] = _(
                "Le binôme s’est terminé le %(end)s : une rencontre ne peut pas être plus récente."
            ) % {"end": ended_on.strftime("%d/%m/%Y")}
        elif not same_date_confirmed:
            already = cls.objects.filter(pair=pair, held_on=held_on).exclude(pk=exclude_pk)
            if already.exists():
                errors["held_on"] = _(
                    "Une rencontre est déjà notée à cette date. S’il s’agit bien d’une autre "
                    "rencontre, cochez la case de confirmation et enregistrez à nouveau."
                )
        return errors

    @classmethod
    def log(
        cls,
        *,
        pair,
        by,
        held_on: date,
        duration_minutes: int,
        format: str,
        topics: int = 0,
        topics_other: str = "",
        shared_note: str = "",
        private_note: str = "",
        alert_referent: bool = False,
        same_date_confirmed: bool = False,
        today: date | None = None,
        now: datetime | None = None,
    ) -> "Meeting":
        """The mentor logs a meeting of their pair; refused (ValidationError by field) when the
        date or the duration cannot be right."""
        if pair.status not in (PairStatus.ACTIVE, *CLOSED_PAIR_STATUSES):
            raise InvalidTransition(_("Ce binôme n’a pas commencé : pas de rencontre à noter."))
        if by.pk != pair.mentor.user_id:
            raise InvalidTransition(_("Seul le mentor du binôme note ses rencontres."))
        now = now or timezone.now()
        errors = cls.refusals(
            pair=pair,
            held_on=held_on,
            duration_minutes=duration_minutes,
            today=today or timezone.localdate(now),
            same_date_confirmed=same_date_confirmed,
        )
        if errors:
            raise ValidationError(errors)
        return cls.objects.create(
            pair=pair,
            held_on=held_on,
            duration_minutes=duration_minutes,
            format=format,
            topics=topics,
            topics_other=topics_other.strip(),
            shared_note=shared_note.strip(),
            private_note=private_note.strip(),
            alert_referent=alert_referent,
            logged_by=by,
            logged_at=now,
        )

    def answer(self, *, by, happened: bool, note: str = "", now=None) -> None:
        """The youth confirms the meeting took place, or says it did not (the referent then
        sees the disagreement). A youth may change their answer."""
        if by.pk != self.pair.youth.user_id:
            raise InvalidTransition(_("Seul le jeune du binôme confirme ses rencontres."))
        if not happened and not note.strip():
            raise ValidationError(
                {"youth_note": _("Dis en quelques mots ce qui s’est passé : ton référent le lira.")}
            )
        self.youth_confirmation = (
            YouthConfirmation.CONFIRMED if happened else YouthConfirmation.DISPUTED
        )
        self.youth_answered_at = now or timezone.now()
        self.youth_note = note.strip()
        self.save(update_fields=["youth_confirmation", "youth_answered_at", "youth_note"])


class PlannedMeeting(models.Model):
    """The next meeting, planned by either person; both can add it to their calendar (.ics)."""

    pair = models.ForeignKey("Pair", on_delete=models.PROTECT, related_name="planned_meetings")
    starts_at = models.DateTimeField(_("date et heure"))
    duration_minutes = models.PositiveSmallIntegerField(_("durée prévue (minutes)"), default=90)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    video_link = models.URLField(_("lien de visio"), max_length=500, blank=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    planned_at = models.DateTimeField(_("planifiée le"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("rencontre planifiée")
        verbose_name_plural = _("rencontres planifiées")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(video_link=""),
                name="planned_meeting_has_place_or_link",
                violation_error_message=_("Indiquez un lieu ou un lien de visio."),
            ),
            models.CheckConstraint(
                condition=Q(
                    duration_minutes__gte=MIN_MEETING_MINUTES,
                    duration_minutes__lte=MAX_MEETING_MINUTES,
                ),
                name="planned_meeting_duration",
                violation_error_message=_("Une rencontre dure entre 5 minutes et 8 heures."),
            ),
        ]

    def __str__(self):
        return f"{self.pair} — {self.starts_at:%Y-%m-%d %H:%M}"

    @classmethod
    def plan(
        cls,
        *,
        pair,
        by,
        starts_at: datetime,
        place: str = "",
        video_link: str = "",
        duration_minutes: int = 90,
        now=None,
    ) -> "PlannedMeeting":
        if pair.status != PairStatus.ACTIVE:
            raise InvalidTransition(_("Seul un binôme en cours planifie ses rencontres."))
        if by.pk not in (pair.youth.user_id, pair.mentor.user_id):
            raise InvalidTransition(_("Seuls le jeune et le mentor planifient leurs rencontres."))
        if starts_at <= (now or timezone.now()):
            raise ValidationError({"starts_at": _("Choisissez une date et une heure à venir.")})
        if not place.strip() and not video_link.strip():
            raise ValidationError({"place": _("Indiquez un lieu ou un lien de visio.")})
        return cls.objects.create(
            pair=pair,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            place=place.strip(),
            video_link=video_link.strip(),
            planned_by=by,
            planned_at=now or timezone.now(),
        )

    def cancel(self, *, by, now=None) -> None:
        if by.pk not in (self.pair.youth.user_id, self.pair.mentor.user_id):
            raise InvalidTransition(_("Seuls le jeune et le mentor annulent leurs rencontres."))
        self.cancelled_at = now or timezone.now()
        self.save(update_fields=["cancelled_at"])
