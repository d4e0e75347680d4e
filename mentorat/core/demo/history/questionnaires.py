"""The history's start and end questionnaires, with their answers and objectives' outcomes."""

from evaluations.defaults import load_version_1
from evaluations.enums import END_ONLY_DIMENSIONS, ItemKind, Outcome, QuestionnaireKind
from evaluations.models import Answer, Item, ObjectiveOutcome, Questionnaire, Response
from matching.enums import ObjectiveStatus

from .plan import BATCH, CHANGES, PROJECTS, QUIET_DAYS, at, days


def _likert(rng, level: float) -> int:
    return max(1, min(5, round(level + rng.choice((-1, 0, 0, 0, 1)))))


def create_questionnaires(rng, made, objectives, today) -> None:
    """Start questionnaires for most pairs in their first days; end ones for most completed
    pairs and some ended early: progress where the pair went to its end, satisfaction."""
    load_version_1(Questionnaire, Item)
    versions, items = {}, {}  # the version each association's pairs answer, and its items
    for association in {pair.programme.association for _, pair in made}:
        for kind in QuestionnaireKind:
            version = Questionnaire.objects.current(kind=kind, association=association)
            versions[(association.pk, kind)] = version
            items.setdefault(version.pk, list(version.items.all()))
    responses, values = [], []
    for number, (spec, pair) in enumerate(made):
        level = rng.choice([1.5, 2, 2, 2.5, 3, 3])
        project = PROJECTS[number % len(PROJECTS)]
        association = pair.programme.association_id
        start_q = versions[(association, QuestionnaireKind.START)]
        end_q = versions[(association, QuestionnaireKind.END)]
        if rng.random() < (0.75 if spec.meetings else 0.4):
            filled = min(spec.start + days(rng.randint(2, 12)), today - days(QUIET_DAYS))
            responses.append(
                Response(
                    pair=pair,
                    questionnaire=start_q,
                    kind=start_q.kind,
                    respondent=pair.youth.user,
                    submitted_at=at(filled, 19),
                )
            )
            values.append((level, project, None))  # fmt: skip
        share = {"completed": 0.8, "ended_early": 0.35}.get(spec.fate, 0)
        if rng.random() < share:
            completed = spec.fate == "completed"
            filled = min(spec.end + days(rng.randint(0, 6)), today - days(1))
            responses.append(
                Response(
                    pair=pair,
                    questionnaire=end_q,
                    kind=end_q.kind,
                    respondent=pair.youth.user,
                    submitted_at=at(filled, 19),
                )
            )
            progress = rng.uniform(0.6, 1.8) if completed else rng.uniform(-0.2, 0.8)
            satisfied = rng.random() < (0.86 if completed else 0.55)  # fmt: skip
            values.append((level + progress, project, (satisfied, completed)))
    Response.objects.bulk_create(responses, batch_size=BATCH)
    answers, outcomes = [], []
    for response, (level, project, looking_back) in zip(responses, values, strict=True):
        for item in items[response.questionnaire_id]:
            number, text = None, ""
            if item.dimension in END_ONLY_DIMENSIONS:
                satisfied, completed = looking_back
                if item.kind == ItemKind.YES_NO:
                    number = int(rng.random() < (0.92 if completed else 0.6))
                elif item.kind == ItemKind.LIKERT:
                    number = rng.choice([4, 5, 5]) if satisfied else rng.choice([2, 3, 3])
                else:
                    text = rng.choice(CHANGES)
            elif item.kind == ItemKind.LIKERT:
                number = _likert(rng, level)
            elif item.kind == ItemKind.YES_NO:
                number = int(level >= 3)
            else:
                text = project
            answers.append(Answer(response=response, item=item, number=number, text=text))
        if looking_back:
            for objective in objectives.get(response.pair_id, []):
                if objective.status == ObjectiveStatus.REACHED:
                    outcome = Outcome.REACHED
                else:
                    outcome = rng.choice([Outcome.PARTLY, Outcome.PARTLY, Outcome.NOT_REACHED])
                outcomes.append(
                    ObjectiveOutcome(response=response, objective=objective, outcome=outcome)
                )
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    ObjectiveOutcome.objects.bulk_create(outcomes, batch_size=BATCH)
