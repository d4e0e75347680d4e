"""What this app adds to the pair's page (matching.pair_page): evaluations, questionnaires and
follow-up contacts in the timeline, the next steps for the person looking, and a section with
the questionnaires. Each function decides what *this* viewer may read."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from matching import pair_page
from matching.enums import PairStatus, YouthConfirmation
from matching.pair_page import PRIORITY_FIRST, NextStep, Section, TimelineEntry

from .enums import EvaluatorRole, Fit, QuestionnaireKind
from .models import ClosureEvaluation, FollowUpNote, MeetingEvaluation, Response
from .models.followup import contact_due
from .models.meetings import LOW_RATING
from .views.questionnaires import MOMENT_OF

MAX_MEETING_STEPS = 3


def _role(viewer):
    if viewer.is_youth:
        return EvaluatorRole.YOUTH
    if viewer.is_mentor:
        return EvaluatorRole.MENTOR
    return None


def _day(value) -> str:
    return date_format(value, "j F Y")


def _name(pair, role) -> str:
    user = pair.youth.user if role == EvaluatorRole.YOUTH else pair.mentor.user
    return user.get_full_name() or user.email


def evaluation_entries(pair, viewer):
    role = _role(viewer)
    evaluations = MeetingEvaluation.objects.of_pair(pair).select_related("meeting")
    for evaluation in evaluations:
        if role == EvaluatorRole.YOUTH and evaluation.role != role:
            continue
        comment_visible = role is None or evaluation.role == role or evaluation.comment_shared
        parts = [
            _("Utilité : %(score)s/5") % {"score": evaluation.usefulness},
            _("objectif avancé : %(progress)s") % {"progress": evaluation.get_progress_display()},
        ]
        if evaluation.fit:
            parts.append(_("le binôme convient : %(fit)s") % {"fit": evaluation.get_fit_display()})
        text = " · ".join(parts)
        if evaluation.comment and comment_visible:
            text += f" — « {evaluation.comment} »"
        yield TimelineEntry(
            at=evaluation.created_at,
            title=_("Évaluation de la rencontre du %(date)s")
            % {"date": _day(evaluation.meeting.held_on)},
            text=text,
            kind="evaluation",
            url=reverse("evaluations:meeting_evaluation", args=[pair.pk, evaluation.meeting_id]),
            by=_name(pair, evaluation.role),
            warning=role is None
            and (evaluation.fit == Fit.NO or evaluation.usefulness <= LOW_RATING),
        )


def questionnaire_entries(pair, viewer):
    for response in Response.objects.filter(pair=pair):
        yield TimelineEntry(
            at=response.submitted_at,
            title=_("%(questionnaire)s rempli") % {"questionnaire": response.get_kind_display()},
            kind="questionnaire",
            url=reverse("evaluations:questionnaire", args=[pair.pk, MOMENT_OF[response.kind]]),
            by=_name(pair, EvaluatorRole.YOUTH),
        )


def closure_entries(pair, viewer):
    role = _role(viewer)
    for evaluation in ClosureEvaluation.objects.filter(pair=pair):
        if role is not None and evaluation.role != role:
            continue
        yield TimelineEntry(
            at=evaluation.created_at,
            title=_("Bilan du mentorat"),
            text=_("Utilité : %(score)s/5") % {"score": evaluation.usefulness},
            kind="closure_evaluation",
            url=reverse("evaluations:closure_evaluation", args=[pair.pk]),
            by=_name(pair, evaluation.role),
        )


def follow_up_entries(pair, viewer):
    if not viewer.is_staff:
        return
    slug = pair.programme.association.slug
    for note in FollowUpNote.objects.filter(pair=pair).select_related("author"):
        text = note.summary
        if note.action:
            text += " — " + _("Action décidée : %(action)s") % {"action": note.action}
        yield TimelineEntry(
            at=timezone.make_aware(datetime.datetime.combine(note.contacted_on, datetime.time(12))),
            title=_("Contact de suivi : %(whom)s (%(channel)s)")
            % {
                "whom": note.get_contact_with_display().lower(),
                "channel": note.get_channel_display().lower(),
            },
            text=text,
            kind="follow_up",
            url=reverse("evaluations:pair_follow_up", args=[slug, pair.pk]),
            by=(note.author.get_full_name() or note.author.email) if note.author else "",
            staff_only=True,
        )


def next_steps(pair, viewer):
    role = _role(viewer)
    if role is None:
        yield from _staff_steps(pair)
        return
    youth = role == EvaluatorRole.YOUTH
    filled = set(Response.objects.filter(pair=pair).values_list("kind", flat=True))
    if youth:
        for kind in (QuestionnaireKind.START, QuestionnaireKind.END):
            if kind not in filled and Response.is_open(pair, kind):
                label = (
                    _("Remplir ton questionnaire de départ")
                    if kind == QuestionnaireKind.START
                    else _("Remplir ton questionnaire de fin")
                )
                url = reverse("evaluations:questionnaire", args=[pair.pk, MOMENT_OF[kind]])
                yield NextStep(label, url, priority=PRIORITY_FIRST)
    # Once the pair has ended, its bilan is what is asked, not the rating of old meetings
    # (their pages still take a rating).
    meetings = pair.meetings.none() if pair.is_closed else pair.meetings.all()
    meetings = meetings.exclude(evaluations__role=role).order_by("-held_on", "-pk")
    if youth:
        meetings = meetings.exclude(youth_confirmation=YouthConfirmation.DISPUTED)
    for meeting in meetings[:MAX_MEETING_STEPS]:
        label = (
            _("Noter ta rencontre du %(date)s") if youth else _("Noter votre rencontre du %(date)s")
        ) % {"date": _day(meeting.held_on)}
        yield NextStep(label, reverse("evaluations:meeting_evaluation", args=[pair.pk, meeting.pk]))
    if ClosureEvaluation.is_open(pair) and not pair.closure_evaluations.filter(role=role).exists():
        yield NextStep(
            _("Faire le bilan de ton mentorat") if youth else _("Faire le bilan de votre mentorat"),
            reverse("evaluations:closure_evaluation", args=[pair.pk]),
        )


def _staff_steps(pair):
    if pair.status != PairStatus.ACTIVE:
        return
    notes = FollowUpNote.objects.filter(pair=pair)
    last = notes.values_list("contacted_on", flat=True).first()
    due = contact_due(
        started_on=pair.started_on,
        contact_count=notes.count(),
        last_contact_on=last,
        today=timezone.localdate(),
    )
    if due.is_due:
        yield NextStep(
            _("Contacter le binôme avant le %(date)s") % {"date": _day(due.due_on)},
            reverse("evaluations:pair_follow_up", args=[pair.programme.association.slug, pair.pk]),
            priority=PRIORITY_FIRST,
        )


def questionnaire_section(pair, viewer):
    filled = {response.kind: response for response in Response.objects.filter(pair=pair)}
    rows = [
        {
            "label": QuestionnaireKind(kind).label,
            "url": reverse("evaluations:questionnaire", args=[pair.pk, MOMENT_OF[kind]]),
            "response": filled.get(kind),
            "open": Response.is_open(pair, kind),
        }
        for kind in (QuestionnaireKind.START, QuestionnaireKind.END)
    ]
    return Section(
        title=_("Questionnaires et bilan"),
        template="evaluations/_pair_section.html",
        context={
            "questionnaires": rows,
            "viewer_is_youth": viewer.is_youth,
            "viewer_is_staff": viewer.is_staff,
            "closure_open": ClosureEvaluation.is_open(pair),
            "closure_url": reverse("evaluations:closure_evaluation", args=[pair.pk]),
            "follow_up_url": reverse(
                "evaluations:pair_follow_up", args=[pair.programme.association.slug, pair.pk]
            ),
        },
    )


def register() -> None:
    for source in (evaluation_entries, questionnaire_entries, closure_entries, follow_up_entries):
        pair_page.register_timeline_source(source)
    pair_page.register_next_steps(next_steps)
    pair_page.register_section(questionnaire_section)
