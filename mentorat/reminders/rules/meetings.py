"""Reminders about what a pair does: a planned meeting tomorrow, the questionnaires, a meeting
to confirm or to rate; and the referent told of an alert, a disputed meeting or a "non" to the
fit question. One query per rule, whatever the number of pairs."""

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import time_format

from evaluations.enums import EvaluatorRole, Fit, QuestionnaireKind
from evaluations.models import MeetingEvaluation, Response
from matching.enums import CLOSED_PAIR_STATUSES, PairStatus, YouthConfirmation
from matching.models import CONFIRMATION_DELAY, Meeting, Pair, PlannedMeeting

from .. import kinds
from .common import Links, Moment, Staff, day, due, person
from .common import tr as _

# How far back an event still calls for a message (older ones were before the reminders ran).
RECENT = timedelta(days=14)
START_QUESTIONNAIRE_AFTER = timedelta(days=7)
CONFIRM_AFTER = timedelta(days=3)
RATE_AFTER = timedelta(days=1)

PEOPLE = (
    "youth__user_id",
    "youth__user__email",
    "youth__user__first_name",
    "mentor__user_id",
    "mentor__user__email",
    "mentor__user__first_name",
)
STAFF_OF_PAIR = (
    "programme__association_id",
    "programme__association__slug",
    "mentor__referent_id",
    "mentor__referent__email",
    "mentor__referent__first_name",
)


def _prefixed(prefix: str, names) -> list[str]:
    return [f"{prefix}{name}" for name in names]


def _unprefixed(row: dict, prefix: str) -> dict:
    return {
        key[len(prefix) :] if key.startswith(prefix) else key: value for key, value in row.items()
    }


def planned_tomorrow(moment: Moment, links: Links):
    tomorrow = moment.today + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, time.min))
    end = timezone.make_aware(datetime.combine(tomorrow + timedelta(days=1), time.min))
    rows = (
        PlannedMeeting.objects.filter(
            cancelled_at__isnull=True,
            pair__status=PairStatus.ACTIVE,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .order_by()
        .values("pk", "pair_id", "starts_at", "place", "video_link", *_prefixed("pair__", PEOPLE))
    )
    for row in rows:
        row = _unprefixed(row, "pair__")
        youth, mentor = person(row, "youth__user"), person(row, "mentor__user")
        when = timezone.localtime(row["starts_at"])
        where = row["place"] or row["video_link"]
        facts = {
            "day": day(when, "l j F"),
            "hour": time_format(when),  # the active language's TIME_FORMAT
            "where": where,
        }
        about = f"planned-{row['pk']}"
        url = links.pair(row["pair_id"])
        yield due(
            kinds.PLANNED_TOMORROW,
            about,
            when.date(),
            youth,
            _("Demain, rencontre avec %(name)s à %(hour)s") % {**facts, "name": mentor.first_name},
            _(
                "Rappel : tu as rendez-vous avec ton mentor %(day)s à %(hour)s (%(where)s). "
                "Si tu ne peux pas venir, préviens %(name)s au plus tôt."
            )
            % {**facts, "name": mentor.first_name},
            url,
            _("Voir le rendez-vous"),
            familiar=True,
        )
        yield due(
            kinds.PLANNED_TOMORROW,
            about,
            when.date(),
            mentor,
            _("Demain, rencontre avec %(name)s à %(hour)s") % {**facts, "name": youth.first_name},
            _(
                "Rappel : vous avez rendez-vous avec %(name)s %(day)s à %(hour)s (%(where)s). "
                "Après la rencontre, pensez à la noter."
            )
            % {**facts, "name": youth.first_name},
            url,
            _("Voir le rendez-vous"),
        )


def questionnaires(moment: Moment, links: Links):
    """The start questionnaire 7 days after the start; the end questionnaire at closure."""
    today = moment.today
    start_missing = ~Exists(
        Response.objects.filter(pair=OuterRef("pk"), kind=QuestionnaireKind.START)
    )
    end_missing = ~Exists(Response.objects.filter(pair=OuterRef("pk"), kind=QuestionnaireKind.END))
    started = (
        Pair.objects.active()
        .filter(
            start_missing,
            started_on__lte=today - START_QUESTIONNAIRE_AFTER,
            started_on__gt=today - START_QUESTIONNAIRE_AFTER - RECENT,
        )
        .order_by()
        .values("pk", *PEOPLE)
    )
    for row in started:
        youth = person(row, "youth__user")
        yield due(
            kinds.START_QUESTIONNAIRE,
            f"pair-{row['pk']}",
            "start",
            youth,
            _("Ton questionnaire de départ t’attend"),
            _(
                "Ton mentorat a commencé il y a une semaine. Prends 5 minutes pour remplir ton "
                "questionnaire de départ : il t’aidera, avec ton mentor, à mesurer ton chemin."
            ),
            links.questionnaire(row["pk"], "depart"),
            _("Remplir le questionnaire"),
            familiar=True,
        )
    closing = (
        Pair.objects.filter(end_missing)
        .filter(
            Q(status__in=CLOSED_PAIR_STATUSES, ended_at__gt=moment.now - RECENT)
            | Q(
                status=PairStatus.ACTIVE,
                closure_requested_at__gt=moment.now - RECENT,
                closure_reason="objectives_reached",
            )
        )
        .order_by()
        .values("pk", *PEOPLE)
    )
    for row in closing:
        youth = person(row, "youth__user")
        yield due(
            kinds.END_QUESTIONNAIRE,
            f"pair-{row['pk']}",
            "end",
            youth,
            _("Ton questionnaire de fin t’attend"),
            _(
                "Ton mentorat se termine. Remplis ton questionnaire de fin : tu verras le chemin "
                "parcouru depuis le départ, et ton association aussi."
            ),
            links.questionnaire(row["pk"], "fin"),
            _("Remplir le questionnaire"),
            familiar=True,
        )


def minimum_start_bounds(today, months: int):
    """Pairs that started in (first, last] reached their minimum duration of ``months``
    calendar months within RECENT days before ``today`` (started_on + months <= today)."""

    def latest_start(day):
        start = day - relativedelta(months=months)
        while start + timedelta(days=1) + relativedelta(months=months) <= day:
            start += timedelta(days=1)
        while start + relativedelta(months=months) > day:
            start -= timedelta(days=1)
        return start

    return latest_start(today - RECENT), latest_start(today)


def minimum_reached(moment: Moment, links: Links):
    """The youth, when the programme's minimum duration is reached: the end questionnaire
    opens once closure on "objectifs atteints" is asked."""
    months_in_use = (
        Pair.objects.active()
        .order_by()
        .values_list("programme__min_duration_months", flat=True)
        .distinct()
    )
    condition = Q(pk__in=[])
    for months in months_in_use:
        first, last = minimum_start_bounds(moment.today, months)
        condition |= Q(
            programme__min_duration_months=months, started_on__gt=first, started_on__lte=last
        )
    rows = Pair.objects.active().filter(condition).order_by().values("pk", *PEOPLE)
    for row in rows:
        youth = person(row, "youth__user")
        yield due(
            kinds.MINIMUM_REACHED,
            f"pair-{row['pk']}",
            "minimum",
            youth,
            _("Ton mentorat a atteint sa durée minimale"),
            _(
                "Tu peux continuer avec ton mentor aussi longtemps que c’est utile. Quand tes "
                "objectifs sont atteints, demande la clôture depuis la page de ton binôme : ton "
                "questionnaire de fin s’ouvrira alors."
            ),
            links.pair(row["pk"]),
            _("Voir mon binôme"),
            familiar=True,
        )


def meetings_to_answer(moment: Moment, links: Links):
    """The youth, 3 days after a meeting was logged, if not confirmed yet (silence counts
    as a yes after 7 days); the mentor, a day after, if their last meeting is not rated."""
    to_confirm = (
        Meeting.objects.filter(
            pair__status=PairStatus.ACTIVE,
            youth_confirmation="",
            logged_at__lte=moment.now - CONFIRM_AFTER,
            logged_at__gt=moment.now - CONFIRMATION_DELAY,
        )
        .order_by()
        .values("pk", "pair_id", "held_on", *_prefixed("pair__", PEOPLE))
    )
    for row in to_confirm:
        youth, mentor = person(row, "pair__youth__user"), person(row, "pair__mentor__user")
        yield due(
            kinds.MEETING_TO_CONFIRM,
            f"meeting-{row['pk']}",
            "confirm",
            youth,
            _("Confirme ta rencontre du %(day)s") % {"day": day(row["held_on"], "j F")},
            _(
                "%(mentor)s a noté une rencontre avec toi le %(day)s. Dis-nous si elle a bien eu "
                "lieu et si elle t’a été utile : cela prend une minute."
            )
            % {"mentor": mentor.first_name, "day": day(row["held_on"], "l j F")},
            links.meeting_answer(row["pair_id"], row["pk"]),
            _("Confirmer et évaluer"),
            familiar=True,
        )
    rated = MeetingEvaluation.objects.filter(meeting=OuterRef("pk"), role=EvaluatorRole.MENTOR)
    later = Meeting.objects.filter(pair=OuterRef("pair"), held_on__gt=OuterRef("held_on"))
    to_rate = (
        Meeting.objects.filter(
            ~Exists(rated),
            ~Exists(later),
            pair__status=PairStatus.ACTIVE,
            logged_at__lte=moment.now - RATE_AFTER,
            logged_at__gt=moment.now - RECENT,
        )
        .order_by()
        .values("pk", "pair_id", "held_on", *_prefixed("pair__", PEOPLE))
    )
    for row in to_rate:
        mentor = person(row, "pair__mentor__user")
        yield due(
            kinds.MEETING_TO_RATE,
            f"meeting-{row['pk']}",
            "rate",
            mentor,
            _("Évaluez votre rencontre du %(day)s") % {"day": day(row["held_on"], "j F")},
            _(
                "Comment s’est passée votre dernière rencontre avec %(youth)s ? Une minute "
                "suffit : votre référent suit ainsi le binôme sans vous solliciter davantage."
            )
            % {"youth": row["pair__youth__user__first_name"]},
            links.meeting_evaluation(row["pair_id"], row["pk"]),
            _("Évaluer la rencontre"),
        )


def referent_signals(moment: Moment, staff: Staff, links: Links):
    """An "alerter mon référent", a meeting the youth says did not happen, a "non" to the
    fit question (emailed at once by evaluations: here, the list on the site only)."""
    since = moment.now - RECENT
    fields = ("pk", "pair_id", "held_on", *_prefixed("pair__", (*PEOPLE, *STAFF_OF_PAIR)))
    alerts = Meeting.objects.filter(alert_referent=True, logged_at__gt=since).order_by()
    disputed = Meeting.objects.filter(
        youth_confirmation=YouthConfirmation.DISPUTED, youth_answered_at__gt=since
    ).order_by()
    unfit = (
        MeetingEvaluation.objects.filter(fit=Fit.NO, created_at__gt=since)
        .order_by()
        .values(
            "pk",
            "role",
            "meeting__pair_id",
            *_prefixed("meeting__pair__", (*PEOPLE, *STAFF_OF_PAIR)),
        )
    )
    for kind, rows in (
        (kinds.REFERENT_ALERT, alerts.values(*fields)),
        (kinds.REFERENT_DISPUTED, disputed.values(*fields)),
    ):
        for row in rows:
            row = _unprefixed(row, "pair__")
            names = {
                "youth": person(row, "youth__user").first_name,
                "mentor": person(row, "mentor__user").first_name,
                "day": day(row["held_on"], "j F Y"),
            }
            if kind == kinds.REFERENT_ALERT:
                title = _("Alerte de %(mentor)s sur son binôme avec %(youth)s") % names
                body = (
                    _(
                        "En notant la rencontre du %(day)s, %(mentor)s a demandé que son "
                        "référent le contacte. Sa note privée est sur la page de suivi."
                    )
                    % names
                )
            else:
                title = _("Rencontre contestée : %(mentor)s et %(youth)s") % names
                body = (
                    _(
                        "%(youth)s dit que la rencontre du %(day)s notée par %(mentor)s n’a pas "
                        "eu lieu. Sa remarque est sur la page de suivi."
                    )
                    % names
                )
            url = links.follow_up(row["programme__association__slug"], row["pair_id"])
            for referent in staff.referents(
                referent=person(row, "mentor__referent"),
                association_id=row["programme__association_id"],
            ):
                yield due(
                    kind,
                    f"meeting-{row['pk']}",
                    "signal",
                    referent,
                    title,
                    body,
                    url,
                    _("Voir le suivi du binôme"),
                )
    for row in unfit:
        row = _unprefixed(row, "meeting__pair__")
        names = {
            "youth": person(row, "youth__user").first_name,
            "mentor": person(row, "mentor__user").first_name,
        }
        who = names["youth"] if row["role"] == EvaluatorRole.YOUTH else names["mentor"]
        url = links.follow_up(row["programme__association__slug"], row["meeting__pair_id"])
        for referent in staff.referents(
            referent=person(row, "mentor__referent"),
            association_id=row["programme__association_id"],
        ):
            yield due(
                kinds.REFERENT_FIT_NO,
                f"evaluation-{row['pk']}",
                "fit",
                referent,
                _("Le binôme de %(mentor)s et %(youth)s ne convient pas") % names,
                _(
                    "Après leur première rencontre, %(who)s a répondu que le binôme ne lui "
                    "convient pas."
                )
                % {"who": who},
                url,
                _("Voir le suivi du binôme"),
                email=False,
            )
