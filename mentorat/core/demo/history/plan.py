"""What the history will hold, decided before anything is written: who signed up when, in
which département, and what became of each pair (numbers follow shared/PROGRAMME-FACTS.md)."""

import datetime
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from matching.enums import ClosureReason
from programmes.enums import Gender
from programmes.models import MentorProfile, YouthProfile

from ..associations import LABELLED_ASSOCIATIONS
from ..people import FIRST_NAMES, LAST_NAMES

DOMAIN = "demo.mentorat.local"
# Pairs that started, per association: the Afev (the demo staff's) keeps the most people.
PAIRS_PER_ASSOCIATION = {
    "Afev": 80,
    "Article 1": 45,
    "Duo for a job": 45,
    "Chemins d'avenir": 40,
    "Anaf": 25,
    "ARPEJEH": 25,
    "Capital Filles": 25,
    "Collectif Powa": 25,
    "C Possible": 25,
    "Ecti-EGEE-OTECI-AgirAbdc": 25,
}
HISTORY_PAIRS = sum(PAIRS_PER_ASSOCIATION.values())
WAITING_PER_ASSOCIATION = 4  # vetted youths without a mentor yet, some after a failed proposal
HISTORY_YOUTHS = HISTORY_PAIRS + WAITING_PER_ASSOCIATION * len(PAIRS_PER_ASSOCIATION)
# Duo for a job takes youths up to 30: the 26-30 band is theirs.
UP_TO_30 = "Duo for a job"

# Bigger départements get more pairs.
WEIGHTS = {"75": 3, "93": 3, "13": 2.5, "59": 2, "69": 2, "974": 1.5, "92": 1.5}
POSTAL_CODES = {
    "13": "13015", "31": "31100", "35": "35200", "44": "44300", "59": "59100", "63": "63100",
    "69": "69008", "75": "75019", "92": "92230", "93": "93200", "94": "94400", "95": "95200",
    "971": "97139", "974": "97490",
}  # fmt: skip

# Nobody acts in these last days before the seed, so that no reminder announces what history
# did (events older than 14 days never are; a meeting is logged up to 2 days after it).
QUIET_DAYS = 20
OLDEST_START_DAYS, NEWEST_START_DAYS = 460, 25
VETERANS = 0.07  # pairs started 13-15 months ago that ran past a year
# Of the others, those that end before six months (with the veterans, about 30% of the pairs)
EARLY_SHARE = 0.35

# (who ended it, reason, weight, their words): mostly the mentor's side.
EARLY_ENDS = [
    ("mentor", ClosureReason.MENTOR_UNAVAILABLE, 22,
     "Mon nouveau poste ne me laisse plus le temps de bien accompagner."),
    ("mentor", ClosureReason.MOVED_AWAY, 9, "Je déménage pour le travail."),
    ("mentor", ClosureReason.NO_CONTACT, 12, "Plus de réponse à mes messages depuis deux mois."),
    ("youth", ClosureReason.YOUTH_FOUND, 10, "J’ai trouvé mon alternance, merci !"),
    ("youth", ClosureReason.YOUTH_WITHDREW, 9, "Je n’ai plus le temps avec les cours."),
    ("youth", ClosureReason.NO_FIT, 6, "On ne s’entendait pas sur ce qu’on voulait faire."),
    ("staff", ClosureReason.NO_CONTACT, 7, "Ni le jeune ni le mentor ne répondent au référent."),
    ("staff", ClosureReason.NO_FIT, 3, "Le binôme ne fonctionnait pas, bilan fait avec les deux."),
    ("staff", ClosureReason.SAFEGUARDING, 1, "Signalement traité par l’association."),
    ("staff", ClosureReason.OTHER, 2, "Le jeune a quitté le programme."),
]  # fmt: skip
MINUTES = ([45, 60, 75, 90, 100, 120, 150], [5, 9, 8, 42, 12, 17, 7])
PROJECTS = [
    "Trouver une alternance en logistique",
    "Entrer en BTS commerce",
    "Devenir infirmière",
    "Passer les concours de la fonction publique",
    "Trouver mon premier emploi dans le numérique",
    "Choisir ma filière après le bac",
]
CHANGES = [
    "J’ai plus confiance en moi pour les entretiens.",
    "Je sais enfin ce que je veux faire.",
    "J’ai un réseau maintenant.",
    "",
]


BATCH = 2000


@dataclass
class PlannedYouth:
    number: int
    association: str
    departement: str
    gender: str
    first_name: str
    last_name: str
    age_at_signup: int
    signed_up: datetime.datetime
    profile: YouthProfile | None = None


@dataclass
class PlannedMentor:
    association: str
    departement: str
    capacity: int
    open_pairs: int = 0
    gender: str = ""
    profile: MentorProfile | None = None


@dataclass
class PlannedPair:
    youth: PlannedYouth
    start: datetime.date | None  # None: a proposal that failed (on ``end``)
    fate: str  # active, completed, ended_early; declined, expired, rejected
    end: datetime.date | None = None
    ended_by: str = ""  # youth, mentor or staff
    reason: str = ""
    details: str = ""
    meetings: list = field(default_factory=list)  # (days after the start, minutes)
    mentor: PlannedMentor | None = None
    rematch: bool = False


def at(day: datetime.date, hour: int = 18) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _weighted(rng, departements: list[str]) -> str:
    return rng.choices(departements, weights=[WEIGHTS.get(d, 1) for d in departements])[0]


def _age(rng, association: str) -> int:
    low, high = rng.choices(
        [(13, 14), (15, 17), (18, 21), (22, 25), (26, 30)], weights=[6, 24, 38, 26, 6]
    )[0]
    if association != UP_TO_30 and low > 25:
        low, high = 22, 25
    return rng.randint(low, high)


def plan(rng, today) -> tuple[list[PlannedYouth], list[PlannedPair]]:
    """Who signed up when, and what became of each pair, before anything is written."""
    youths, pairs = [], []
    quiet = today - days(QUIET_DAYS)
    for association, count in PAIRS_PER_ASSOCIATION.items():
        departements = LABELLED_ASSOCIATIONS[association]
        for index in range(count + WAITING_PER_ASSOCIATION):
            waiting = index >= count
            # More pairs start in recent months: the programme grows. A few of the first ones
            # run past a year.
            veteran = not waiting and rng.random() < VETERANS
            if veteran:
                days_ago = rng.randint(380, OLDEST_START_DAYS)
            else:
                days_ago = round(rng.triangular(NEWEST_START_DAYS, OLDEST_START_DAYS, 60))
            if waiting:
                days_ago = max(days_ago, 45)
            start = today - days(days_ago)
            gender = rng.choice([Gender.FEMALE, Gender.MALE, Gender.FEMALE, Gender.MALE,
                                 Gender.OTHER])  # fmt: skip
            youth = PlannedYouth(
                number=len(youths) + 1,
                association=association,
                # Every département of the association has someone.
                departement=departements[index]
                if index < len(departements)
                else _weighted(rng, departements),
                gender=gender,
                first_name=rng.choice(FIRST_NAMES[gender]),
                last_name=rng.choice(LAST_NAMES),
                age_at_signup=_age(rng, association),
                signed_up=at(start - days(rng.randint(12, 75)), 14),
            )
            youths.append(youth)
            if not waiting:
                pairs.append(_fate(rng, youth, start, quiet, veteran=veteran))
            elif index % 2:  # half of those waiting after a proposal that failed
                fate = rng.choice(["declined", "expired", "rejected"])
                pairs.append(PlannedPair(youth, None, fate, end=start))
    return youths, pairs


def _fate(rng, youth, start: datetime.date, quiet: datetime.date, *, veteran) -> PlannedPair:
    pair = PlannedPair(youth, start, "active")
    if veteran:  # past a year: running still, or completed after it
        end = start + relativedelta(months=12) + days(rng.randint(5, 90))
        if end <= quiet:
            pair.fate, pair.end = "completed", end
    elif rng.random() < EARLY_SHARE:
        end = start + days(round(rng.triangular(12, 178, 60)))
        if end <= quiet:
            pair.fate, pair.end = "ended_early", end
            pair.ended_by, pair.reason, _, pair.details = rng.choices(
                EARLY_ENDS, weights=[spec[2] for spec in EARLY_ENDS]
            )[0]
            pair.rematch = pair.ended_by != "youth" and rng.random() < 0.4
    else:
        end = start + relativedelta(months=6) + days(round(rng.triangular(3, 200, 40)))
        if end <= quiet:
            pair.fate, pair.end = "completed", end
    last = min(pair.end or quiet, quiet)
    if rng.random() < 0.05 and pair.fate != "completed":
        return pair  # never met: the funnel's drop before the first meeting
    day = rng.randint(4, 21)
    # A quarter keep a slower pace than every 6 weeks, and fall late.
    slow = rng.random() < 0.25
    while start + days(day) <= last:
        pair.meetings.append((day, rng.choices(*MINUTES)[0]))
        day += rng.randint(30, 75) if slow else rng.randint(18, 44)
    return pair
