"""A year and a bit of the programme behind the demo, so that every dashboard figure shows
something on a first run: pairs started month after month across the labelled associations and
their départements (several régions, overseas too), running, completed or ended early (with who
ended them and why), their meetings of various lengths, objectives, start and end
questionnaires; youths of every age band and situation, the priority publics, proposals that
failed, youths waiting and mentors with free places.

Its shape follows the programme's public figures (shared/PROGRAMME-FACTS.md): about 30% of the
pairs that started end before six months, mostly on the mentor's side; 50-59% of the youths
live in a QPV; most are satisfied and would recommend it. Written in bulk (a few thousand rows
in a few dozen queries), dated in the past through the same fields the site's methods fill.

Nothing in it calls for a reminder the demo does not already show: every meeting, closure and
start is more than two weeks old on the day of the seed (older events are never announced), so
the only reminders these pairs bring later are those of a running pair whose cadence slips.
Idempotent: made once, found by its first youth's address afterwards."""

import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from programmes.models import Programme

from ..accounts import DEMO_PASSWORD
from .pairs import create_last_batch, create_meetings, create_objectives, create_pairs
from .people import create_mentors, create_youths
from .plan import DOMAIN, HISTORY_YOUTHS, UP_TO_30, plan
from .questionnaires import create_questionnaires

__all__ = ["HISTORY_YOUTHS", "seed_history"]


def seed_history(programmes: dict, *, staff: dict, ministry, seed: int = 2022) -> None:
    """``programmes``: association name -> its programme; ``staff``: name -> {role: user};
    ``ministry``: who ran the last national batch."""
    if get_user_model().objects.filter(email=f"historique.jeune001@{DOMAIN}").exists():
        return
    rng = random.Random(seed)
    today = timezone.localdate()
    Programme.objects.filter(pk=programmes[UP_TO_30].pk).update(age_max=30)
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose

    youths, pairs = plan(rng, today)
    create_youths(rng, youths, programmes, staff, password, today)
    create_mentors(rng, pairs, youths, programmes, staff, password, today)
    made = create_pairs(rng, pairs, programmes, staff)
    create_meetings(rng, made)
    objectives = create_objectives(rng, made, today)
    create_questionnaires(rng, made, objectives, today)
    create_last_batch(rng, youths, pairs, ministry, today)
