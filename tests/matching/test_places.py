"""The mentors' place counter: taken and released with the pairs, and checked against them."""

import logging

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from matching.places import place_drift
from matching.tasks import check_mentor_places
from programmes.models import MentorProfile
from tests.matching.factories import PairFactory
from tests.programmes.factories import MentorProfileFactory

pytestmark = pytest.mark.django_db


def test_the_counter_follows_the_pairs_through_their_life():
    proposed, approved, rejected = PairFactory(), PairFactory(approved=True), PairFactory()
    approved.answer(by=approved.youth.user, accepted=False, reason="Pas disponible.")
    rejected.reject(by=None, reason="Trop loin l’un de l’autre.")

    assert place_drift() == {}
    counts = dict(MentorProfile.objects.values_list("pk", "open_pairs"))
    assert counts == {proposed.mentor_id: 1, approved.mentor_id: 0, rejected.mentor_id: 0}


def test_places_are_taken_for_many_mentors_at_once_never_above_their_capacity():
    one, two = MentorProfileFactory(capacity=3), MentorProfileFactory(capacity=2)
    untouched = MentorProfileFactory(capacity=1)

    MentorProfile.objects.take_places({one.pk: 1, two.pk: 2})

    counts = dict(MentorProfile.objects.values_list("pk", "open_pairs"))
    assert counts == {one.pk: 1, two.pk: 2, untouched.pk: 0}
    with pytest.raises(IntegrityError, match="mentor_never_above_capacity"):
        with transaction.atomic():
            MentorProfile.objects.take_places({one.pk: 2, two.pk: 1})
    assert dict(MentorProfile.objects.values_list("pk", "open_pairs")) == counts


def test_a_counter_written_outside_take_and_release_is_reported(caplog):
    pair = PairFactory()
    MentorProfile.objects.filter(pk=pair.mentor_id).update(open_pairs=0)

    assert place_drift() == {pair.mentor_id: (0, 1)}
    with caplog.at_level(logging.ERROR, logger="matching.places"):
        assert check_mentor_places() == 1
    assert f"Mentor {pair.mentor_id}: open_pairs is 0 but 1 pairs are open." in caplog.text
    with pytest.raises(CommandError, match="1 mentor"):
        call_command("check_mentor_places")


def test_the_command_says_when_every_counter_is_right(capsys):
    PairFactory()
    call_command("check_mentor_places")
    assert "matches their open pairs" in capsys.readouterr().out


def test_the_check_runs_every_night():
    from django.conf import settings

    tasks = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "matching.tasks.check_mentor_places" in tasks
