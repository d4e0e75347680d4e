"""What matching itself puts on the pair's page: its timeline (meetings, objective changes,
planned meetings, state changes) and the next steps of the person looking. The apps above add
theirs through matching.pair_page; the page merges both.

Everything here reads data the page loaded once (``PairData``), so that the page costs the
same number of queries whatever the number of meetings."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..enums import (
    CadenceStatus,
    ClosureReason,
    ObjectiveChangeKind,
    ObjectiveStatus,
    PairStatus,
    YouthConfirmation,
)
from ..models import Cadence, Meeting, Objective, ObjectiveChange, PairEvent, PlannedMeeting
from ..pair_page import PRIORITY_FIRST, NextStep, TimelineEntry, Viewer


@dataclass
class PairData:
    """What the page loaded for one pair, in a fixed number of queries."""

    meetings: list[Meeting]
    objectives: list[Objective]
    changes: list[ObjectiveChange]
    planned: list[PlannedMeeting]
    events: list[PairEvent]
    cadence: Cadence | None
    today: datetime.date
    now: datetime.datetime

    @property
    def upcoming(self) -> list[PlannedMeeting]:
        return [p for p in self.planned if p.cancelled_at is None and p.starts_at > self.now]

    @property
    def open_objectives(self) -> list[Objective]:
        return [o for o in self.objectives if o.status != ObjectiveStatus.ABANDONED]


def day(value) -> str:
    return date_format(value, "j F Y")


def name_of(user) -> str:
    if user is None:
        return _("la plateforme")
    return user.get_full_name() or user.email


def at_day(value: datetime.date) -> datetime.datetime:
    """A day as a moment of the timeline (its first instant, local time)."""
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))


def meeting_moment(meeting) -> datetime.datetime:
    """When the meeting sits in the timeline: when it was logged, if on its day (then before
    its evaluations), else at the end of its day."""
    end_of_day = at_day(meeting.held_on) + datetime.timedelta(days=1, microseconds=-1)
    return min(meeting.logged_at, end_of_day)


def disputed(meeting) -> bool:
    return meeting.youth_confirmation == YouthConfirmation.DISPUTED


def meeting_entries(pair, viewer: Viewer, data: PairData):
    mentor = name_of(pair.mentor.user)
    for meeting in data.meetings:
        yield TimelineEntry(
            at=meeting_moment(meeting),
            title=_("Rencontre du %(date)s") % {"date": day(meeting.held_on)},
            kind="meeting",
            by=mentor,
            warning=viewer.is_staff and (meeting.alert_referent or disputed(meeting)),
            template="matching/_timeline_meeting.html",
            extra={
                "meeting": meeting,
                # The private note reaches the mentor who wrote it and staff, never the youth.
                "show_private": not viewer.is_youth,
                # The youth's word on a meeting that did not happen is for their referent.
                "show_youth_note": not viewer.is_mentor,
                "counts": meeting.counts_on(data.today),
                "answer_url": reverse("matching:meeting_answer", args=[pair.pk, meeting.pk])
                if viewer.is_youth and pair.status == PairStatus.ACTIVE
                else "",
            },
        )


OBJECTIVE_TITLES = {
    ObjectiveChangeKind.PROPOSED: _("Objectif proposé : « %(text)s »"),
    ObjectiveChangeKind.EDITED: _("Objectif modifié : « %(text)s »"),
}
STATUS_TITLES = {
    ObjectiveStatus.IN_PROGRESS: _("Objectif de nouveau en cours : « %(text)s »"),
    ObjectiveStatus.REACHED: _("Objectif atteint : « %(text)s »"),
    ObjectiveStatus.ABANDONED: _("Objectif abandonné : « %(text)s »"),
}


def objective_entries(pair, viewer: Viewer, data: PairData):
    for change in data.changes:
        if change.kind == ObjectiveChangeKind.STATUS:
            title = STATUS_TITLES[change.status]
        else:
            title = OBJECTIVE_TITLES[change.kind]
        text = ""
        if change.target_date and change.kind != ObjectiveChangeKind.STATUS:
            text = _("Échéance : %(date)s") % {"date": day(change.target_date)}
        yield TimelineEntry(
            at=change.at,
            title=str(title) % {"text": change.text},
            text=text,
            kind="objective",
            by=name_of(change.by),
        )


def planned_entries(pair, viewer: Viewer, data: PairData):
    for planned in data.planned:
        when = timezone.localtime(planned.starts_at)
        title = _("Rencontre planifiée le %(date)s à %(time)s") % {
            "date": day(when),
            "time": date_format(when, "H:i"),
        }
        if planned.cancelled_at:
            title = _("%(title)s (annulée)") % {"title": title}
        yield TimelineEntry(
            at=planned.planned_at,
            title=title,
            text=planned.place or planned.video_link,
            kind="planned",
            by=name_of(planned.planned_by),
        )


def state_entries(pair, viewer: Viewer, data: PairData):
    for event in data.events:
        if event.from_status == event.to_status:
            continue  # one person's answer to the proposal
        if event.to_status == PairStatus.ACTIVE:
            title, text = _("Le binôme commence"), ""
        elif event.to_status == PairStatus.COMPLETED:
            title, text = _("Mentorat terminé : objectifs atteints"), pair.closure_details
            if not viewer.is_staff:
                text = ""
        elif event.to_status == PairStatus.ENDED_EARLY:
            title = _("Mentorat arrêté avant terme : %(reason)s") % {
                "reason": pair.get_closure_reason_display().lower()
            }
            # The words of whoever ended it reach staff and that person, not the other.
            mine = event.by_id == viewer.user.pk
            text = pair.closure_details if viewer.is_staff or mine else ""
        elif event.to_status == PairStatus.APPROVED and viewer.is_staff:
            title, text = _("Proposition validée par l’association"), ""
        else:
            continue
        yield TimelineEntry(at=event.at, title=title, text=text, kind="state", by=name_of(event.by))
    if pair.closure_reason == ClosureReason.OBJECTIVES_REACHED and pair.closure_requested_at:
        yield TimelineEntry(
            at=pair.closure_requested_at,
            title=_("Clôture demandée : objectifs atteints"),
            kind="state",
            by=name_of(pair.closure_requested_by),
        )
    if pair.rematch_requested_at:
        yield TimelineEntry(
            at=pair.rematch_requested_at,
            title=_("Nouveau mentor demandé"),
            kind="state",
            by=name_of(pair.rematch_requested_by),
        )


def own_entries(pair, viewer: Viewer, data: PairData) -> list[TimelineEntry]:
    return [
        *meeting_entries(pair, viewer, data),
        *objective_entries(pair, viewer, data),
        *planned_entries(pair, viewer, data),
        *state_entries(pair, viewer, data),
    ]


def own_steps(pair, viewer: Viewer, data: PairData) -> list[NextStep]:
    steps = []
    youth = viewer.is_youth
    if pair.status == PairStatus.ACTIVE:
        if youth:
            for meeting in data.meetings:
                if not meeting.youth_confirmation:
                    steps.append(
                        NextStep(
                            _("Confirmer ta rencontre du %(date)s")
                            % {"date": day(meeting.held_on)},
                            reverse("matching:meeting_answer", args=[pair.pk, meeting.pk]),
                            priority=PRIORITY_FIRST,
                        )
                    )
        if viewer.is_mentor:
            logged = {meeting.held_on for meeting in data.meetings}
            for planned in data.planned:
                held_on = timezone.localdate(planned.starts_at)
                if planned.cancelled_at is None and planned.starts_at <= data.now:
                    if held_on not in logged and held_on >= pair.started_on:
                        steps.append(
                            NextStep(
                                _("Noter votre rencontre du %(date)s") % {"date": day(held_on)},
                                reverse("matching:meeting_log", args=[pair.pk])
                                + f"?date={held_on.isoformat()}",
                                priority=PRIORITY_FIRST,
                            )
                        )
        if not youth and not viewer.is_mentor:
            if pair.completion_requested:
                steps.append(
                    NextStep(
                        _("Confirmer la clôture « objectifs atteints »"),
                        reverse("matching:completion_confirm", args=[pair.pk]),
                        priority=PRIORITY_FIRST,
                    )
                )
        else:
            if not data.objectives:
                steps.append(
                    NextStep(
                        _("Écrire tes objectifs avec ton mentor")
                        if youth
                        else _("Écrire vos objectifs avec le jeune"),
                        reverse("matching:objective_add", args=[pair.pk]),
                    )
                )
            cadence = data.cadence
            if cadence and cadence.status != CadenceStatus.UP_TO_DATE and not data.upcoming:
                steps.append(
                    NextStep(
                        plan_label(cadence, youth=youth),
                        reverse("matching:meeting_plan", args=[pair.pk]),
                    )
                )
    elif pair.status == PairStatus.ENDED_EARLY and not pair.rematch_requested_at:
        if youth or viewer.is_staff:
            steps.append(
                NextStep(
                    _("Demander un nouveau mentor")
                    if youth
                    else _("Demander un nouveau mentor pour le jeune"),
                    reverse("matching:rematch", args=[pair.pk]),
                )
            )
    return steps


def plan_label(cadence: Cadence, *, youth: bool) -> str:
    date = {"date": day(cadence.due_on)}
    if cadence.status == CadenceStatus.DUE_SOON:
        if youth:
            return _("Planifier ta prochaine rencontre (avant le %(date)s)") % date
        return _("Planifier votre prochaine rencontre (avant le %(date)s)") % date
    if youth:
        return _("Planifier ta prochaine rencontre (attendue depuis le %(date)s)") % date
    return _("Planifier votre prochaine rencontre (attendue depuis le %(date)s)") % date
