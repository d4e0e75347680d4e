"""The life of pairs in the demo: pairs in every state and cadence status, with meetings,
objectives, planned meetings, closures and a rematch, so that each pair page, follow-up list and
next step shows something real on a first run.

The showcase pair (the printed `jeune@` and `mentor@` logins) started on the day of the first
seed: it stays fresh, for a visitor to write its objectives, log and confirm its first meeting
(and the reminders' demo test follows its cadence as it slips). The other pairs are the Afev's,
followed by the printed `referent@` (and read by `coordination@`); their youths and mentors
sign up, are vetted and paired as on the site, then live in the past through the models' own
methods, given the dates (`now=`, `today=`) a person would have acted on. Idempotent: each
pair is made once, found by its youth's address afterwards."""

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from matching.enums import ClosureReason, MeetingFormat, MeetingTopic, ObjectiveStatus
from matching.models import Meeting, Objective, Pair, PlannedMeeting
from matching.services import pair_propose
from mentorat.accounts.enums import Role
from programmes import flags
from programmes.enums import Format, Gender, Language, Need, Sector, Situation
from programmes.models import MentorProfile, YouthProfile
from programmes.signup import mentor_register, youth_register
from programmes.vetting import participant_approve

from .accounts import DEMO_PASSWORD
from .showcase import AVAILABILITY, PLACE, Showcase

DOMAIN = "demo.mentorat.local"


@dataclass(frozen=True)
class DemoMentor:
    key: str
    first_name: str
    last_name: str
    gender: Gender
    profession: str
    sector: Sector
    capacity: int

    @property
    def email(self) -> str:
        return f"{self.key}@{DOMAIN}"


@dataclass(frozen=True)
class DemoMeeting:
    day: int  # days after the start
    minutes: int = 90
    format: MeetingFormat = MeetingFormat.IN_PERSON
    topics: tuple[MeetingTopic, ...] = ()
    shared_note: str = ""
    private_note: str = ""
    alert: bool = False
    # "yes", "no" (with the youth's words) or "" (not answered yet)
    youth: str = "yes"
    youth_note: str = ""


@dataclass(frozen=True)
class DemoObjective:
    text: str
    by_youth: bool = True
    day: int = 3
    target_in_days: int | None = None
    edited_to: str = ""
    status: ObjectiveStatus = ObjectiveStatus.IN_PROGRESS
    status_day: int = 0


@dataclass(frozen=True)
class DemoPair:
    """One situation of pair life; ``started_days_ago`` is counted from the first seed."""

    youth_key: str
    first_name: str
    last_name: str
    gender: Gender
    age: int
    needs: tuple[Need, ...]
    mentor: DemoMentor
    started_days_ago: int
    meetings: tuple[DemoMeeting, ...] = ()
    objectives: tuple[DemoObjective, ...] = ()
    plan_in_days: int | None = None  # a next meeting planned, days from today
    completion_asked_days_ago: int | None = None
    completed_days_ago: int | None = None
    ended_early: tuple[str, str, str, int] | None = None  # by, reason, details, days ago
    rematch_days_ago: int | None = None

    @property
    def email(self) -> str:
        return f"{self.youth_key}@{DOMAIN}"


NADIA = DemoMentor("mentor.nadia", "Nadia", "Haddad", Gender.FEMALE, "Chargée de recrutement",
                   Sector.COMMERCE, 3)  # fmt: skip
THOMAS = DemoMentor("mentor.thomas", "Thomas", "Leroy", Gender.MALE, "Ingénieur méthodes",
                    Sector.INDUSTRY, 3)  # fmt: skip
ELODIE = DemoMentor("mentor.elodie", "Élodie", "Marchand", Gender.FEMALE, "Comptable",
                    Sector.FINANCE, 2)  # fmt: skip
JULIE = DemoMentor("mentor.julie", "Julie", "Fabre", Gender.FEMALE, "Infirmière",
                   Sector.HEALTH, 1)  # fmt: skip

CV, INTERVIEW, SEARCH = MeetingTopic.CV, MeetingTopic.INTERVIEW, MeetingTopic.SEARCH
ORIENTATION, JOBS, CONFIDENCE = MeetingTopic.ORIENTATION, MeetingTopic.JOBS, MeetingTopic.CONFIDENCE
REGULAR = (  # a meeting every five weeks or so, all confirmed
    DemoMeeting(
        6,
        120,
        topics=(ORIENTATION, CONFIDENCE),
        shared_note="Premier échange : ton parcours, tes envies, ce qu’on peut faire ensemble.",
    ),  # fmt: skip
    DemoMeeting(40, 90, MeetingFormat.REMOTE, (CV,), "CV repris ligne par ligne."),
    DemoMeeting(
        75,
        90,
        topics=(JOBS,),
        shared_note="Visite de mon entreprise, rencontre avec deux collègues.",
    ),  # fmt: skip
    DemoMeeting(110, 100, MeetingFormat.REMOTE, (INTERVIEW,), "Simulation d’entretien."),
    DemoMeeting(145, 90, topics=(SEARCH,), shared_note="Liste d’entreprises à contacter."),
    DemoMeeting(180, 95, MeetingFormat.PHONE, (SEARCH, CONFIDENCE), "Point sur les réponses."),
)

# In the order the evaluations demo numbers them after the showcase (1, 2, ...): it leaves the
# start questionnaire of every fourth pair for a first visit, so the pair the visitor closes
# (the first) has one to compare the end with.
PAIRS = (
    # Past its six months, an objective reached, not yet asked to close: ready for a visitor
    # to ask for the closure, confirm it as the referent, and fill the end questionnaire.
    DemoPair(
        "jeune.hugo",
        "Hugo",
        "Petit",
        Gender.MALE,
        19,
        (Need.APPRENTICESHIP, Need.DISCOVER_WORK),
        ELODIE,
        200,
        meetings=REGULAR,
        objectives=(
            DemoObjective(
                "Trouver une entreprise pour mon alternance",
                target_in_days=210,
                status=ObjectiveStatus.REACHED,
                status_day=182,
            ),
            DemoObjective(
                "Découvrir trois métiers de la comptabilité",
                by_youth=False,
                edited_to="Découvrir trois métiers de la gestion",
            ),
        ),
    ),  # fmt: skip
    # À jour: met 12 days ago, next meeting planned.
    DemoPair(
        "jeune.sofiane",
        "Sofiane",
        "Belkacem",
        Gender.MALE,
        17,
        (Need.ORIENTATION,),
        NADIA,
        70,
        meetings=(
            DemoMeeting(
                5, 120, topics=(ORIENTATION,), shared_note="On a parlé de tes options après le bac."
            ),  # fmt: skip
            DemoMeeting(30, 90, MeetingFormat.REMOTE, (JOBS,), "Trois métiers à explorer."),
            DemoMeeting(
                58,
                95,
                topics=(MeetingTopic.TRAINING,),
                shared_note="Salon de l’étudiant ensemble.",
                private_note="Très motivé, un peu de pression familiale sur l’orientation.",
            ),  # fmt: skip
        ),
        objectives=(
            DemoObjective("Choisir une orientation qui me correspond", target_in_days=150),
            DemoObjective("Faire un stage d’observation", by_youth=False, day=31),
        ),
        plan_in_days=6,
    ),  # fmt: skip
    # En retard: a "non" to the fit question (evaluations demo), an alert, a disputed meeting.
    DemoPair(
        "jeune.kevin",
        "Kevin",
        "Nguyen",
        Gender.MALE,
        21,
        (Need.EMPLOYMENT, Need.SELF_CONFIDENCE),
        THOMAS,
        110,
        meetings=(
            DemoMeeting(7, 90, topics=(CONFIDENCE,), shared_note="Faire connaissance."),
            DemoMeeting(
                40,
                100,
                MeetingFormat.PHONE,
                (SEARCH,),
                "Annonces repérées ensemble.",
                private_note="Il dit ne plus avoir de logement stable depuis un mois.",
                alert=True,
            ),
            DemoMeeting(
                75,
                90,
                MeetingFormat.REMOTE,
                (INTERVIEW,),
                "Préparation d’entretien.",
                youth="no",
                youth_note="On devait se voir en visio mais le lien ne "
                "marchait pas, on ne s’est pas parlé.",
            ),
        ),  # fmt: skip
        objectives=(DemoObjective("Trouver un emploi", target_in_days=180),),
    ),
    # Rencontre à prévoir: the window closes in 4 days; a 60-minute meeting does not count; the
    # last meeting waits for the youth's confirmation.
    DemoPair(
        "jeune.lina",
        "Lina",
        "Moreau",
        Gender.FEMALE,
        16,
        (Need.INTERNSHIP,),
        NADIA,
        38,
        meetings=(
            DemoMeeting(9, 60, MeetingFormat.REMOTE, (CV,), "Ton CV pour le stage de seconde."),
            DemoMeeting(
                36, 90, topics=(SEARCH,), shared_note="Trois entreprises à appeler.", youth=""
            ),
        ),
        objectives=(DemoObjective("Décrocher un stage", target_in_days=60),),
    ),  # fmt: skip
    # "Objectifs atteints" asked by the youth: the referent's to confirm.
    DemoPair(
        "jeune.aicha",
        "Aïcha",
        "Diarra",
        Gender.FEMALE,
        22,
        (Need.EMPLOYMENT,),
        THOMAS,
        230,
        meetings=REGULAR
        + (
            DemoMeeting(
                215, 90, topics=(INTERVIEW,), shared_note="Dernier point avant la signature."
            ),
        ),
        objectives=(
            DemoObjective(
                "Trouver un emploi dans la logistique",
                status=ObjectiveStatus.REACHED,
                status_day=212,
            ),
            DemoObjective("Passer le permis B", status=ObjectiveStatus.ABANDONED, status_day=120),
            DemoObjective(
                "Savoir présenter mon parcours en entretien",
                by_youth=False,
                status=ObjectiveStatus.REACHED,
                status_day=150,
            ),
        ),
        completion_asked_days_ago=3,
    ),  # fmt: skip
    # Terminé, objectifs atteints.
    DemoPair(
        "jeune.manon",
        "Manon",
        "Girard",
        Gender.FEMALE,
        20,
        (Need.BACK_TO_SCHOOL,),
        ELODIE,
        270,
        meetings=REGULAR
        + (
            DemoMeeting(
                215,
                90,
                topics=(MeetingTopic.TRAINING,),
                shared_note="Inscription confirmée : bravo !",
            ),
        ),
        objectives=(
            DemoObjective(
                "Reprendre une formation", status=ObjectiveStatus.REACHED, status_day=214
            ),
        ),
        completion_asked_days_ago=50,
        completed_days_ago=45,
    ),  # fmt: skip
    # Arrêté avant terme, a new mentor asked for by the coordinator.
    DemoPair(
        "jeune.chloe",
        "Chloé",
        "Lambert",
        Gender.FEMALE,
        18,
        (Need.ORIENTATION,),
        THOMAS,
        150,
        meetings=(
            DemoMeeting(8, 90, topics=(ORIENTATION,), shared_note="Premier contact."),
            DemoMeeting(50, 45, MeetingFormat.PHONE, (ORIENTATION,), "Appel court."),
        ),
        ended_early=(
            "youth",
            ClosureReason.NO_FIT,
            "Nous n’arrivions pas à trouver des "
            "créneaux, et je préfère quelqu’un qui connaît le domaine de la santé.",
            60,
        ),
        rematch_days_ago=55,
    ),  # fmt: skip
    # Arrêté avant terme by the mentor, who moved away: the youth may ask for a new mentor.
    DemoPair(
        "jeune.yanis",
        "Yanis",
        "Benali",
        Gender.MALE,
        19,
        (Need.DISCOVER_WORK,),
        JULIE,
        120,
        meetings=(
            DemoMeeting(10, 90, topics=(JOBS,), shared_note="Les métiers du soin."),
            DemoMeeting(45, 120, topics=(JOBS,), shared_note="Journée à l’hôpital."),
        ),
        objectives=(DemoObjective("Découvrir trois métiers qui m’intéressent"),),
        ended_early=(
            "mentor",
            ClosureReason.MOVED_AWAY,
            "Je suis mutée à Bordeaux, je ne pourrai plus voir Yanis.",
            20,
        ),
    ),  # fmt: skip
)


def seed_pair_life(showcase: Showcase) -> None:
    today = timezone.localdate()
    coordinator, referent = showcase.coordinator, showcase.referent
    programme = showcase.pair.programme
    for situation in PAIRS:
        if Pair.objects.filter(youth__user__email=situation.email).exists():
            continue
        mentor = _mentor(situation.mentor, programme, coordinator, referent)
        youth = _youth(situation, programme, coordinator)
        _live(situation, youth, mentor, coordinator=coordinator, referent=referent, today=today)


# Backwards-compatible name (seed_demo calls seed_pair_life).
seed_demo_pair_life = seed_pair_life


def _at(day: datetime.date, hour: int = 18) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _user(email: str, first_name: str, last_name: str, role: Role):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, "role": role}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _dashboard() -> str:
    return settings.SITE_URL + reverse("core:dashboard")


def _mentor(spec: DemoMentor, programme, coordinator, referent) -> MentorProfile:
    user = _user(spec.email, spec.first_name, spec.last_name, Role.MENTOR)
    existing = MentorProfile.objects.filter(user=user).first()
    if existing is not None:
        return existing
    attestation_date = timezone.localdate() - datetime.timedelta(days=30)
    profile = MentorProfile(
        **PLACE,
        gender=spec.gender,
        profession=spec.profession,
        sector=spec.sector,
        years_of_experience=12,
        capacity=spec.capacity,
        format=Format.BOTH,
        availability=AVAILABILITY,
        languages=flags.mask_of(Language, [Language.FRENCH]),
        needs=flags.full_mask(Need),
        attestation_date=attestation_date,
    )
    mentor = mentor_register(user=user, profile=profile, chosen_programme=programme)
    mentor.record_attestation_seen(by=coordinator, attestation_date=attestation_date)
    mentor.referent = referent
    mentor.save(update_fields=["referent"])
    return participant_approve(participant=mentor, by=coordinator, dashboard_url=_dashboard())


def _youth(spec: DemoPair, programme, coordinator) -> YouthProfile:
    user = _user(spec.email, spec.first_name, spec.last_name, Role.YOUTH)
    existing = YouthProfile.objects.filter(user=user).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    profile = YouthProfile(
        **PLACE,
        gender=spec.gender,
        birth_date=today - datetime.timedelta(days=round((spec.age + 0.4) * 365.25)),
        situation=Situation.HIGH_SCHOOL if spec.age < 18 else Situation.JOB_SEEKING,
        format=Format.BOTH,
        availability=AVAILABILITY,
        languages=flags.mask_of(Language, [Language.FRENCH]),
        needs=flags.mask_of(Need, spec.needs),
        expectations="Être accompagné(e) par quelqu’un qui connaît le monde du travail.",
    )
    youth = youth_register(
        user=user,
        profile=profile,
        chosen_programme=programme,
        guardian_name="",
        guardian_email="",
        base_url=settings.SITE_URL,
    )
    return participant_approve(participant=youth, by=coordinator, dashboard_url=_dashboard())


def _live(spec: DemoPair, youth, mentor, *, coordinator, referent, today) -> None:
    """The pair proposed today's way, then its life replayed on the days it happened."""
    start = today - datetime.timedelta(days=spec.started_days_ago)
    pair = pair_propose(youth=youth, mentor=mentor)
    Pair.objects.filter(pk=pair.pk).update(proposed_at=_at(start - datetime.timedelta(days=4)))
    pair.approve(by=coordinator, now=_at(start - datetime.timedelta(days=3), 10))
    pair.answer(by=mentor.user, accepted=True, now=_at(start - datetime.timedelta(days=2), 12))
    pair.answer(by=youth.user, accepted=True, now=_at(start, 9))

    def on(day: int, hour: int = 18) -> datetime.datetime:
        return _at(start + datetime.timedelta(days=day), hour)

    for objective in spec.objectives:
        _objective(pair, objective, on, start)
    for meeting in spec.meetings:
        _meeting(pair, meeting, on, start, today)
    if spec.plan_in_days is not None:
        PlannedMeeting.plan(
            pair=pair,
            by=youth.user,
            starts_at=_at(today + datetime.timedelta(days=spec.plan_in_days), 17),
            video_link="https://webconf.numerique.gouv.fr/demo-binome",
            now=_at(today - datetime.timedelta(days=1), 20),
        )
    if spec.completion_asked_days_ago is not None:
        pair.request_completion(
            by=youth.user, now=_at(today - datetime.timedelta(days=spec.completion_asked_days_ago))
        )
    if spec.completed_days_ago is not None:
        pair.complete(
            by=referent,
            details="Objectifs atteints, bilan fait au téléphone avec les deux.",
            now=_at(today - datetime.timedelta(days=spec.completed_days_ago), 11),
        )
    if spec.ended_early is not None:
        who, reason, details, days_ago = spec.ended_early
        by = youth.user if who == "youth" else mentor.user
        pair.end_early(
            by=by,
            reason=reason,
            details=details,
            now=_at(today - datetime.timedelta(days=days_ago), 11),
        )
    if spec.rematch_days_ago is not None:
        pair.request_rematch(
            by=coordinator, now=_at(today - datetime.timedelta(days=spec.rematch_days_ago), 10)
        )


def _objective(pair, spec: DemoObjective, on, start) -> None:
    by = pair.youth.user if spec.by_youth else pair.mentor.user
    other = pair.mentor.user if spec.by_youth else pair.youth.user
    target = start + datetime.timedelta(days=spec.target_in_days) if spec.target_in_days else None
    objective = Objective.propose(
        pair=pair, by=by, text=spec.text, target_date=target, now=on(spec.day, 19)
    )
    if spec.edited_to:
        objective.edit(by=other, text=spec.edited_to, target_date=target, now=on(spec.day + 1))
    if spec.status != ObjectiveStatus.IN_PROGRESS:
        objective.set_status(by=other, status=spec.status, now=on(spec.status_day, 20))


def _meeting(pair, spec: DemoMeeting, on, start, today) -> None:
    held_on = start + datetime.timedelta(days=spec.day)
    meeting = Meeting.log(
        pair=pair,
        by=pair.mentor.user,
        held_on=held_on,
        duration_minutes=spec.minutes,
        format=spec.format,
        topics=flags.mask_of(MeetingTopic, spec.topics),
        shared_note=spec.shared_note,
        private_note=spec.private_note,
        alert_referent=spec.alert,
        today=held_on,
        now=on(spec.day, 21),
    )
    if spec.youth:
        meeting.answer(
            by=pair.youth.user,
            happened=spec.youth == "yes",
            note=spec.youth_note,
            now=on(spec.day + 1, 12),
        )
