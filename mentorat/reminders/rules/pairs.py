"""Reminders about a pair's cadence, read from matching's one rule (``with_cadence``): the
youth and the mentor when the window closes within 7 days, when it closed (late) and again 2
weeks later; the referent when a pair is late; the coordinators when it is still late 4 weeks
after the referent was told, or has had no meeting that counts for 90 days. One query."""

from datetime import timedelta

from matching.enums import CadenceStatus
from matching.models import Pair

from .. import kinds
from .common import Links, Moment, Staff, day, due, person
from .common import tr as _

LATE_AGAIN_AFTER = timedelta(days=14)
STILL_LATE_AFTER = timedelta(days=28)
NO_MEETING_FOR = timedelta(days=90)

PAIR_FIELDS = (
    "pk",
    "cadence_status",
    "cadence_anchor",
    "cadence_window_days",
    "started_on",
    "programme__association_id",
    "programme__association__slug",
    "youth__user_id",
    "youth__user__email",
    "youth__user__first_name",
    "mentor__user_id",
    "mentor__user__email",
    "mentor__user__first_name",
    "mentor__referent_id",
    "mentor__referent__email",
    "mentor__referent__first_name",
)


def pairs_behind(moment: Moment) -> list[dict]:
    """Active pairs whose meeting is due soon or late, with their people (one query)."""
    return list(
        Pair.objects.active()
        .with_cadence(moment.today)
        .filter(cadence_status__in=[CadenceStatus.DUE_SOON, CadenceStatus.LATE])
        .order_by()
        .values(*PAIR_FIELDS)
    )


def cadence_reminders(moment: Moment, rows: list[dict], staff: Staff, links: Links):
    today = moment.today
    for row in rows:
        pair_id = row["pk"]
        due_on = row["cadence_anchor"] + timedelta(days=row["cadence_window_days"])
        youth, mentor = person(row, "youth__user"), person(row, "mentor__user")
        about = f"pair-{pair_id}"
        url = links.pair(pair_id)
        if row["cadence_status"] == CadenceStatus.DUE_SOON:
            yield due(
                kinds.CADENCE_DUE_SOON,
                about,
                due_on,
                youth,
                _("Une rencontre avec ton mentor est à prévoir d’ici le %(day)s")
                % {"day": day(due_on)},
                _(
                    "Le programme demande une rencontre d’au moins 1 h 30 toutes les 6 semaines. "
                    "Prends contact avec %(mentor)s pour fixer la prochaine avant le %(day)s."
                )
                % {"mentor": mentor.first_name, "day": day(due_on)},
                url,
                _("Planifier la rencontre"),
                familiar=True,
            )
            yield due(
                kinds.CADENCE_DUE_SOON,
                about,
                due_on,
                mentor,
                _("Une rencontre avec votre binôme est à prévoir d’ici le %(day)s")
                % {"day": day(due_on)},
                _(
                    "Le programme demande une rencontre d’au moins 1 h 30 toutes les 6 semaines. "
                    "Prenez contact avec %(youth)s pour fixer la prochaine avant le %(day)s."
                )
                % {"youth": youth.first_name, "day": day(due_on)},
                url,
                _("Planifier la rencontre"),
            )
            continue
        late_for = today - due_on - timedelta(days=1)  # 0 on the first late day
        again = late_for >= LATE_AGAIN_AFTER
        kind = kinds.CADENCE_LATE_AGAIN if again else kinds.CADENCE_LATE
        yield due(
            kind,
            about,
            due_on,
            youth,
            _("Rencontre en retard : ton binôme ne s’est pas vu depuis plus de 6 semaines"),
            (
                _(
                    "Il y a deux semaines, nous te signalions que la rencontre prévue avant le "
                    "%(day)s n’a pas eu lieu. "
                )
                if again
                else _("La rencontre prévue avant le %(day)s n’est pas notée. ")
            )
            % {"day": day(due_on)}
            + _(
                "Si elle a eu lieu, demande à ton mentor de la noter ; sinon, propose-lui une date "
                "dès maintenant. En cas de difficulté, ton référent peut t’aider."
            ),
            url,
            _("Voir mon binôme"),
            familiar=True,
        )
        yield due(
            kind,
            about,
            due_on,
            mentor,
            _("Rencontre en retard : votre binôme ne s’est pas vu depuis plus de 6 semaines"),
            (
                _(
                    "Il y a deux semaines, nous vous signalions que la rencontre prévue avant le "
                    "%(day)s n’a pas eu lieu. "
                )
                if again
                else _("La rencontre prévue avant le %(day)s n’est pas notée. ")
            )
            % {"day": day(due_on)}
            + _(
                "Si vous vous êtes vus, notez-la ; sinon, fixez une date avec %(youth)s dès "
                "maintenant. Votre référent peut vous aider."
            )
            % {"youth": youth.first_name},
            url,
            _("Noter ou planifier une rencontre"),
        )
        association_id = row["programme__association_id"]
        follow_up = links.follow_up(row["programme__association__slug"], pair_id)
        names = {"youth": youth.first_name, "mentor": mentor.first_name, "day": day(due_on)}
        for referent in staff.referents(
            referent=person(row, "mentor__referent"), association_id=association_id
        ):
            yield due(
                kinds.REFERENT_PAIR_LATE,
                about,
                due_on,
                referent,
                _("Binôme en retard : %(mentor)s et %(youth)s") % names,
                _(
                    "La rencontre de %(mentor)s et %(youth)s prévue avant le %(day)s n’est pas "
                    "notée. Un contact de votre part peut relancer le binôme."
                )
                % names,
                follow_up,
                _("Voir le suivi du binôme"),
            )
        if late_for >= STILL_LATE_AFTER:
            for coordinator in staff.coordinators.get(association_id, []):
                yield due(
                    kinds.COORDINATOR_STILL_LATE,
                    about,
                    due_on,
                    coordinator,
                    _("Binôme toujours en retard 4 semaines après : %(mentor)s et %(youth)s")
                    % names,
                    _(
                        "Le référent a été prévenu il y a 4 semaines que la rencontre de "
                        "%(mentor)s et %(youth)s prévue avant le %(day)s n’était pas notée ; "
                        "elle ne l’est toujours pas."
                    )
                    % names,
                    follow_up,
                    _("Voir le suivi du binôme"),
                )
        anchor = row["cadence_anchor"]
        if today - anchor >= NO_MEETING_FOR:
            for coordinator in staff.coordinators.get(association_id, []):
                yield due(
                    kinds.COORDINATOR_NO_MEETING,
                    about,
                    anchor,
                    coordinator,
                    _("Aucune rencontre depuis 90 jours : %(mentor)s et %(youth)s") % names,
                    _(
                        "Le binôme de %(mentor)s et %(youth)s n’a noté aucune rencontre qui compte "
                        "depuis le %(since)s. S’il ne se voit plus, pensez à y mettre fin avec un "
                        "motif, pour que le jeune puisse demander un nouveau mentor."
                    )
                    % {**names, "since": day(anchor)},
                    follow_up,
                    _("Voir le binôme et le clôturer"),
                )
