import re

import pytest
from django.core import mail
from django.utils import timezone

from matching.enums import PairStatus
from matching.models import Pair
from matching.services import ProposalRefused, pair_propose
from matching.tasks import expire_overdue_proposals
from matching.workflow import pair_answer, pair_approve
from mentorat.states import InvalidTransition
from tests.matching.factories import PairFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ProgrammeFactory,
    YouthProfileFactory,
)

pytestmark = pytest.mark.django_db

# "vous", "votre", "vos" in any case: words a youth's message never holds.
VOUS = re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE)


def propose(youth, mentor):
    return pair_propose(youth=youth, mentor=mentor)


def test_a_hand_proposal_takes_a_place_and_the_database_stops_at_capacity():
    programme = ProgrammeFactory()
    mentor = MentorProfileFactory(programme=programme, ready=True, capacity=1)
    first, second = YouthProfileFactory.create_batch(2, programme=programme, ready=True)

    propose(first, mentor)
    with pytest.raises(ProposalRefused, match="autant de jeunes que possible"):
        propose(second, mentor)

    mentor.refresh_from_db()
    assert mentor.open_pairs == 1


def test_a_youth_cannot_have_two_open_proposals():
    pair = PairFactory()
    other = MentorProfileFactory(programme=pair.programme, ready=True)
    with pytest.raises(ProposalRefused, match="déjà un binôme"):
        propose(pair.youth, other)
    other.refresh_from_db()
    assert other.open_pairs == 0  # the place taken in the failed attempt was given back


def test_no_new_pair_in_a_suspended_association():
    programme = ProgrammeFactory(association=AssociationFactory(suspended=True))
    with pytest.raises(ProposalRefused, match="plus labellisée"):
        propose(
            YouthProfileFactory(programme=programme, ready=True),
            MentorProfileFactory(programme=programme, ready=True),
        )


def test_approval_tells_both_people_and_their_answers_start_the_pair(
    django_capture_on_commit_callbacks,
):
    pair = PairFactory(youth__user__first_name="Inès", mentor__user__first_name="Karim")

    with django_capture_on_commit_callbacks(execute=True):
        pair_approve(pair=pair, by=None)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [pair.youth.user.email, pair.mentor.user.email]
    )
    to = {message.to[0]: message for message in mail.outbox}
    to_youth, to_mentor = to[pair.youth.user.email], to[pair.mentor.user.email]
    # "Tu" to the youth, "vous" to the mentor, in the subject, the text and the HTML.
    assert to_youth.subject == "Une proposition de mentor t’attend"
    for body in (to_youth.body, to_youth.alternatives[0][0]):
        assert "te propose Karim comme mentor" in body and "Réponds dans ton espace" in body
        assert not VOUS.search(body), VOUS.search(body)
    assert to_mentor.subject == "Une proposition de binôme vous attend"
    assert "vous propose d’accompagner Inès" in to_mentor.body
    assert "Répondez dans votre espace" in to_mentor.alternatives[0][0]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pair_answer(pair=pair, by=pair.youth.user, accepted=True)
        pair = pair_answer(pair=pair, by=pair.mentor.user, accepted=True)
    assert pair.status == PairStatus.ACTIVE
    to = {message.to[0]: message for message in mail.outbox}
    to_youth, to_mentor = to[pair.youth.user.email], to[pair.mentor.user.email]
    # Each their own email: "tu" to the youth (never "vous", even for the two of them)...
    assert to_youth.subject == "Ton binôme commence"
    karim = pair.mentor.user.get_full_name()
    for body in (to_youth.body, to_youth.alternatives[0][0]):
        assert f"Tu as accepté, {karim} aussi : ton binôme commence aujourd’hui." in body
        assert "Dès ta première rencontre, fixe tes objectifs avec ton mentor." in body
        assert not VOUS.search(body), VOUS.search(body)
    # ... "vous" to the mentor.
    assert to_mentor.subject == "Votre binôme commence"
    ines = pair.youth.user.get_full_name()
    for body in (to_mentor.body, to_mentor.alternatives[0][0]):
        assert f"Vous avez tous les deux accepté : votre binôme avec {ines}" in body
        assert "Fixez ensemble vos objectifs lors de la première rencontre." in body


@pytest.mark.parametrize("ending", ["declined", "expired"])
def test_a_proposal_that_ends_is_told_as_tu_to_the_youth_and_vous_to_the_mentor(
    django_capture_on_commit_callbacks, ending
):
    pair = PairFactory(approved=True) if ending == "declined" else PairFactory(overdue=True)
    with django_capture_on_commit_callbacks(execute=True):
        if ending == "declined":
            pair_answer(pair=pair, by=pair.mentor.user, accepted=False, reason="Indisponible")
        else:
            expire_overdue_proposals()
    to = {message.to[0]: message for message in mail.outbox}
    for body in (to[pair.youth.user.email].body, to[pair.youth.user.email].alternatives[0][0]):
        assert "l’association te proposera une autre personne" in body.replace("L’", "l’")
    for body in (to[pair.mentor.user.email].body, to[pair.mentor.user.email].alternatives[0][0]):
        assert "l’association vous proposera une autre personne" in body.replace("L’", "l’")


def test_approval_keeps_the_explanation_staff_read_for_the_people_to_read():
    pair = PairFactory()
    proposed = Pair.objects.get(pk=pair.pk).explanation
    pair = pair_approve(pair=pair, by=None)
    pair.refresh_from_db()
    assert pair.explanation == proposed
    criteria = {item["criterion"] for item in pair.explanation}
    assert {"geography", "needs", "languages"} <= criteria


def test_overdue_proposals_expire_once_and_people_are_told(django_capture_on_commit_callbacks):
    overdue = PairFactory(overdue=True)
    PairFactory(approved=True)  # still within its deadline

    with django_capture_on_commit_callbacks(execute=True):
        assert expire_overdue_proposals() == 1
    assert expire_overdue_proposals() == 0

    overdue.refresh_from_db()
    assert overdue.status == PairStatus.EXPIRED
    assert {message.subject for message in mail.outbox} == {"La proposition de binôme a expiré"}
    assert overdue.answer_deadline < timezone.now()


def test_answers_given_from_stale_pages_both_count():
    """Two people answering at once each act on the pair as the other left it."""
    pair = PairFactory(approved=True)
    stale_for_youth, stale_for_mentor = Pair.objects.get(pk=pair.pk), Pair.objects.get(pk=pair.pk)

    pair_answer(pair=stale_for_youth, by=pair.youth.user, accepted=True)
    pair_answer(pair=stale_for_mentor, by=pair.mentor.user, accepted=True)

    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE


def test_a_double_decline_gives_the_mentor_place_back_once():
    pair = PairFactory(approved=True, mentor__capacity=2)
    first, second = Pair.objects.get(pk=pair.pk), Pair.objects.get(pk=pair.pk)

    pair_answer(pair=first, by=pair.mentor.user, accepted=False, reason="Indisponible.")
    with pytest.raises(InvalidTransition):
        pair_answer(pair=second, by=pair.mentor.user, accepted=False, reason="Indisponible.")

    pair.mentor.refresh_from_db()
    assert pair.mentor.open_pairs == 0


def test_a_proposal_is_not_sent_once_the_association_is_suspended():
    pair = PairFactory()
    association = pair.programme.association
    association.label_status = "suspended"
    association.save()
    with pytest.raises(InvalidTransition, match="plus labellisée"):
        pair_approve(pair=pair, by=None)


def test_a_minor_s_proposal_is_not_sent_once_the_mentor_attestation_has_lapsed():
    pair = PairFactory(youth__minor=True, mentor__with_attestation=True)
    pair.mentor.attestation_checked_at = None
    pair.mentor.save()
    with pytest.raises(InvalidTransition, match="attestation"):
        pair_approve(pair=pair, by=None)
