"""Demo data for this app, on the pairs the demo already started: start and end
questionnaires, meeting evaluations (with a "non" to the fit question and a low rating, so
that the referent's risk list shows something), closure evaluations and follow-up contacts
(some pairs left due for one). Written through the same methods as the site; running it
again changes nothing."""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from matching.enums import PairStatus
from matching.models import Pair
from programmes.enums import StaffRole

from .defaults import load_version_1
from .enums import Channel, ContactWith, Fit, ItemKind, Outcome, Progress, QuestionnaireKind
from .models import (
    Answer,
    ClosureEvaluation,
    FollowUpNote,
    Item,
    MeetingEvaluation,
    Questionnaire,
    Response,
)

PROJECTS = [
    "Trouver une alternance en logistique",
    "Entrer en BTS commerce",
    "Devenir infirmière",
    "Préparer les concours de la fonction publique",
    "Trouver mon premier emploi dans le numérique",
]
YOUTH_COMMENTS = [
    "On a refait mon CV ensemble, c’est beaucoup plus clair.",
    "Mon mentor m’a présenté une collègue qui fait le métier.",
    "J’ai préparé mon entretien, je me sens plus prêt·e.",
    "",
]
MENTOR_COMMENTS = ["Bonne séance, objectifs précisés.", "Simulation d’entretien à refaire.", ""]
NOTES = [
    ("Premier échange : le binôme a trouvé son rythme.", ""),
    ("Le mentor trouve le jeune motivé ; prochaine rencontre fixée.", ""),
    (
        "Le jeune souhaite travailler sa lettre de motivation.",
        "Proposer au jeune l’atelier CV de l’association.",
    ),
]


def seed_evaluations_demo(seed: int = 2021) -> None:
    """Call after the pair-life demo (pairs started, meetings, closures) exists."""
    rng = random.Random(seed)
    # The platform's questionnaires come with a data migration; an emptied database (a
    # transactional test) gets them back here.
    load_version_1(Questionnaire, Item)
    pairs = (
        Pair.objects.filter(started_on__isnull=False)
        .select_related("programme__association", "youth__user", "mentor__user", "mentor__referent")
        .order_by("pk")
    )
    with transaction.atomic():
        for number, pair in enumerate(pairs):
            _questionnaires(pair, rng, number)
            _meeting_evaluations(pair, rng, number)
            _closure_evaluations(pair, rng)
            _follow_up(pair, rng, number)


def _values(questionnaire, rng, *, level: int, project: str) -> dict:
    values = {}
    for item in questionnaire.items.all():
        if item.kind == ItemKind.LIKERT:
            values[item] = max(1, min(5, level + rng.choice((-1, 0, 0, 1))))
        elif item.kind == ItemKind.YES_NO:
            values[item] = 1 if level >= 3 else 0
        else:
            values[item] = project
    return values


def _questionnaires(pair, rng, number) -> None:
    association = pair.programme.association
    filled = set(Response.objects.filter(pair=pair).values_list("kind", flat=True))
    project = PROJECTS[number % len(PROJECTS)]
    start, end = QuestionnaireKind.START, QuestionnaireKind.END
    # One pair in four (the first, the showcase) leaves its start questionnaire for the
    # youth to fill on a first visit.
    if start not in filled and number % 4 != 0:
        questionnaire = Questionnaire.objects.current(kind=start, association=association)
        values = _values(questionnaire, rng, level=2, project=project)
        if Response.is_open(pair, start):
            Response.record(
                pair=pair, questionnaire=questionnaire, by=pair.youth.user, values=values
            )
        else:
            _filled_while_running(pair, questionnaire, values)
    if end not in filled and Response.is_open(pair, end):
        questionnaire = Questionnaire.objects.current(kind=end, association=association)
        values = _values(questionnaire, rng, level=4, project=project)
        outcomes = {
            objective: rng.choice((Outcome.REACHED, Outcome.REACHED, Outcome.PARTLY))
            for objective in pair.objectives.all()
        }
        Response.record(
            pair=pair,
            questionnaire=questionnaire,
            by=pair.youth.user,
            values=values,
            outcomes=outcomes,
        )


def _filled_while_running(pair, questionnaire, values) -> None:
    """A pair the demo made already closed filled its start questionnaire in its first
    days, when the site would have asked for it."""
    response = Response.objects.create(
        pair=pair,
        questionnaire=questionnaire,
        kind=questionnaire.kind,
        respondent=pair.youth.user,
        submitted_at=timezone.make_aware(
            datetime.combine(pair.started_on + timedelta(days=3), time(18))
        ),
    )
    Answer.objects.bulk_create(
        Answer(
            response=response,
            item=item,
            number=None if item.kind == ItemKind.TEXT else value,
            text=value if item.kind == ItemKind.TEXT else "",
        )
        for item, value in values.items()
    )


def _meeting_evaluations(pair, rng, number) -> None:
    meetings = list(pair.meetings.order_by("held_on", "pk"))
    for position, meeting in enumerate(meetings):
        meeting.pair = pair
        last = position == len(meetings) - 1
        for user in (pair.mentor.user, pair.youth.user):
            youth = user == pair.youth.user
            # The last meeting stays to be rated by the youth: a next step on a first visit.
            if MeetingEvaluation.refusal(meeting, user) or (last and youth):
                continue
            fit = Fit.YES
            if number % 7 == 3 and youth:
                fit = Fit.NO
            elif number % 5 == 2:
                fit = Fit.UNSURE
            usefulness = 2 if number % 6 == 4 and youth else rng.choice((3, 4, 4, 5, 5))
            evaluation = MeetingEvaluation.record(
                meeting=meeting,
                by=user,
                usefulness=usefulness,
                progress=rng.choice((Progress.YES, Progress.A_LITTLE, Progress.A_LITTLE)),
                comment=rng.choice(YOUTH_COMMENTS if youth else MENTOR_COMMENTS),
                comment_shared=youth and rng.random() < 0.5,
                fit=fit,
            )
            # Rated the day of the meeting, as people do, not the day the demo is loaded.
            evaluation.created_at = meeting.logged_at + timedelta(hours=5 if youth else 1)
            evaluation.save(update_fields=["created_at"])


def _closure_evaluations(pair, rng) -> None:
    if not pair.is_closed:
        return
    for user in (pair.mentor.user, pair.youth.user):
        if pair.closure_evaluations.filter(author=user).exists():
            continue
        completed = pair.status == PairStatus.COMPLETED
        ClosureEvaluation.record(
            pair=pair,
            by=user,
            usefulness=rng.choice((4, 5)) if completed else 2,
            again=completed,
        )


def _follow_up(pair, rng, number) -> None:
    if FollowUpNote.objects.filter(pair=pair).exists():
        return
    author = pair.mentor.referent
    if author is None:
        coordinator = pair.programme.association.memberships.filter(
            role=StaffRole.COORDINATOR
        ).first()
        author = coordinator.user if coordinator else None
    if author is None:
        return
    today = timezone.localdate()
    age = (today - pair.started_on).days
    # A third of the pairs get no contact (due for one), a third one, a third two.
    offsets = sorted(rng.sample(range(age + 1), k=min(number % 3, age + 1)))
    for offset, (summary, action) in zip(offsets, NOTES, strict=False):
        FollowUpNote.objects.create(
            pair=pair,
            author=author,
            contacted_on=pair.started_on + timedelta(days=offset),
            contact_with=rng.choice(list(ContactWith)),
            channel=rng.choice((Channel.PHONE, Channel.PHONE, Channel.VIDEO)),
            summary=summary,
            action=action,
        )
