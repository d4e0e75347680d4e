"""Situations of pair life for the evaluation tests: a running pair with its referent, the
people around it who must not see it, questionnaires answered."""

from dataclasses import dataclass

from evaluations.enums import ItemKind, Outcome, QuestionnaireKind
from evaluations.models import Questionnaire, Response
from matching.models import Pair
from mentorat.accounts.models import User
from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory
from tests.programmes.factories import (
    MentorProfileFactory,
    StaffMembershipFactory,
)


def followed_pair(*, referent=None, **kwargs) -> Pair:
    """A running pair whose mentor has a referent in the association (a new one unless
    given); `programme=` puts the youth and the mentor in it too."""
    if "programme" in kwargs:
        kwargs.setdefault("youth__programme", kwargs["programme"])
    pair = PairFactory(active=True, **kwargs)
    if referent is None:
        association = pair.programme.association
        referent = StaffMembershipFactory(referent=True, association=association).user
    pair.mentor.referent = referent
    pair.mentor.save(update_fields=["referent"])
    return pair


def referent_of(pair) -> User:
    return pair.mentor.referent


def coordinator_of(pair) -> User:
    return StaffMembershipFactory(association=pair.programme.association).user


@dataclass
class Outsiders:
    """Everyone who must get a 404 on someone else's pair."""

    other_youth: User
    other_mentor: User
    other_referent: User  # a referent of the same association who follows other mentors
    other_coordinator: User  # a coordinator of another association
    ministry: User

    def all(self):
        return [
            ("another youth", self.other_youth),
            ("another mentor", self.other_mentor),
            ("a referent of other mentors", self.other_referent),
            ("a coordinator of another association", self.other_coordinator),
            ("the ministry", self.ministry),
        ]


def outsiders_of(pair) -> Outsiders:
    association = pair.programme.association
    other = followed_pair()
    colleague = StaffMembershipFactory(referent=True, association=association).user
    # The colleague follows another mentor of the same association.
    MentorProfileFactory(programme=pair.programme, ready=True, referent=colleague)
    return Outsiders(
        other_youth=other.youth.user,
        other_mentor=other.mentor.user,
        other_referent=colleague,
        other_coordinator=coordinator_of(other),
        ministry=UserFactory(ministry=True),
    )


def answer_all(questionnaire, scale=3, yes=1, text="Rien à ajouter") -> dict:
    values = {}
    for item in questionnaire.items.all():
        values[item] = {ItemKind.LIKERT: scale, ItemKind.YES_NO: yes, ItemKind.TEXT: text}[
            item.kind
        ]
    return values


def fill(pair, kind=QuestionnaireKind.START, **answers) -> Response:
    questionnaire = Questionnaire.objects.current(kind=kind, association=pair.programme.association)
    outcomes = {}
    if kind == QuestionnaireKind.END:
        outcomes = {objective: Outcome.REACHED for objective in pair.objectives.all()}
    return Response.record(
        pair=pair,
        questionnaire=questionnaire,
        by=pair.youth.user,
        values=answer_all(questionnaire, **answers),
        outcomes=outcomes,
    )


def form_data(questionnaire, scale=3, yes=1, text="", pair=None) -> dict:
    data = {item.code: value for item, value in answer_all(questionnaire, scale, yes, text).items()}
    if pair is not None and questionnaire.kind == QuestionnaireKind.END:
        data |= {
            f"objective_{objective.pk}": Outcome.REACHED for objective in pair.objectives.all()
        }
    return data
