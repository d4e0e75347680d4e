"""The programme's vocabularies. Values are stable codes stored in the database.

What people say about themselves (Need, Slot, Language, Format, Gender) is written once in
:mod:`vocabulary.codes`, which the matching engine shares: the ``TextChoices`` here are built
from it and only add the translated labels. Needs, slots and languages are stored as bitmasks
whose bits are the vocabulary's (``vocabulary.codes.Vocabulary.mask_of``).
"""

from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _

from vocabulary import codes


def choices_of(vocabulary: type[codes.Vocabulary], labels: Mapping) -> type[models.TextChoices]:
    """``TextChoices`` with the vocabulary's members, in its order, and a label for each.

    The result keeps its vocabulary (``.vocabulary``), so that bitmasks use its bits.
    """
    if set(labels) != set(vocabulary):
        raise ValueError(f"Labels of {vocabulary.__name__} must name each member exactly once.")
    choices = models.TextChoices(
        vocabulary.__name__,
        [(member.name, (member.value, labels[member])) for member in vocabulary],
        module=__name__,
    )
    choices.vocabulary = vocabulary
    return choices


class LabelStatus(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    LABELLED = "labelled", _("Labellisée")
    SUSPENDED = "suspended", _("Suspendue")
    WITHDRAWN = "withdrawn", _("Label retiré")


class StaffRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinateur·rice")
    REFERENT = "referent", _("Référent·e")


Need = choices_of(
    codes.Need,
    {
        codes.Need.ORIENTATION: _("M’orienter"),
        codes.Need.SELF_CONFIDENCE: _("Prendre confiance en moi"),
        codes.Need.INTERNSHIP: _("Trouver un stage"),
        codes.Need.APPRENTICESHIP: _("Trouver une alternance"),
        codes.Need.EMPLOYMENT: _("Trouver un emploi"),
        codes.Need.DISCOVER_WORK: _("Découvrir le monde professionnel"),
        codes.Need.BACK_TO_SCHOOL: _("Reprendre mes études (raccrochage scolaire)"),
    },
)


class Situation(models.TextChoices):
    MIDDLE_SCHOOL = "middle_school", _("Au collège")
    HIGH_SCHOOL = "high_school", _("Au lycée")
    HIGHER_EDUCATION = "higher_education", _("En études supérieures")
    EMPLOYED = "employed", _("En emploi")
    JOB_SEEKING = "job_seeking", _("En recherche d’emploi")
    NEET = "neet", _("Ni en emploi, ni en formation")


Format = choices_of(
    codes.Format,
    {
        codes.Format.IN_PERSON: _("En personne"),
        codes.Format.REMOTE: _("À distance"),
        codes.Format.BOTH: _("Les deux me conviennent"),
    },
)


Gender = choices_of(
    codes.Gender,
    {
        codes.Gender.FEMALE: _("Femme"),
        codes.Gender.MALE: _("Homme"),
        codes.Gender.OTHER: _("Autre ou je préfère ne pas le dire"),
    },
)


Slot = choices_of(
    codes.Slot,
    {
        codes.Slot.MON_MORNING: _("lundi matin"),
        codes.Slot.MON_AFTERNOON: _("lundi après-midi"),
        codes.Slot.MON_EVENING: _("lundi soir"),
        codes.Slot.TUE_MORNING: _("mardi matin"),
        codes.Slot.TUE_AFTERNOON: _("mardi après-midi"),
        codes.Slot.TUE_EVENING: _("mardi soir"),
        codes.Slot.WED_MORNING: _("mercredi matin"),
        codes.Slot.WED_AFTERNOON: _("mercredi après-midi"),
        codes.Slot.WED_EVENING: _("mercredi soir"),
        codes.Slot.THU_MORNING: _("jeudi matin"),
        codes.Slot.THU_AFTERNOON: _("jeudi après-midi"),
        codes.Slot.THU_EVENING: _("jeudi soir"),
        codes.Slot.FRI_MORNING: _("vendredi matin"),
        codes.Slot.FRI_AFTERNOON: _("vendredi après-midi"),
        codes.Slot.FRI_EVENING: _("vendredi soir"),
        codes.Slot.SAT_MORNING: _("samedi matin"),
        codes.Slot.SAT_AFTERNOON: _("samedi après-midi"),
        codes.Slot.SAT_EVENING: _("samedi soir"),
        codes.Slot.SUN_MORNING: _("dimanche matin"),
        codes.Slot.SUN_AFTERNOON: _("dimanche après-midi"),
        codes.Slot.SUN_EVENING: _("dimanche soir"),
    },
)


Language = choices_of(
    codes.Language,
    {
        codes.Language.FRENCH: _("français"),
        codes.Language.ENGLISH: _("anglais"),
        codes.Language.ARABIC: _("arabe"),
        codes.Language.SPANISH: _("espagnol"),
        codes.Language.PORTUGUESE: _("portugais"),
        codes.Language.GERMAN: _("allemand"),
        codes.Language.ITALIAN: _("italien"),
        codes.Language.TURKISH: _("turc"),
        codes.Language.ROMANIAN: _("roumain"),
        codes.Language.CHINESE: _("chinois"),
        codes.Language.CREOLE: _("créole"),
        codes.Language.FRENCH_SIGN_LANGUAGE: _("langue des signes française"),
    },
)


class Sector(models.TextChoices):
    """Sectors of activity; the engine uses a sector's position in this list."""

    AGRICULTURE = "agriculture", _("Agriculture, environnement")
    CONSTRUCTION = "construction", _("Bâtiment, travaux publics")
    COMMERCE = "commerce", _("Commerce, vente")
    COMMUNICATION = "communication", _("Communication, médias, culture")
    EDUCATION = "education", _("Éducation, formation")
    FINANCE = "finance", _("Banque, finance, assurance")
    HEALTH = "health", _("Santé, social")
    HOSPITALITY = "hospitality", _("Hôtellerie, restauration, tourisme")
    INDUSTRY = "industry", _("Industrie, énergie")
    IT = "it", _("Informatique, numérique")
    LAW = "law", _("Droit, administration")
    LOGISTICS = "logistics", _("Transport, logistique")
    PUBLIC_SERVICE = "public_service", _("Fonction publique, défense, sécurité")
    SCIENCE = "science", _("Recherche, sciences")
    CRAFTS = "crafts", _("Artisanat, métiers d’art")
    SPORT = "sport", _("Sport, animation")


class ParticipantStatus(models.TextChoices):
    """Where a youth or a mentor stands before matching."""

    AWAITING_CONSENT = "awaiting_consent", _("En attente de l’accord d’un parent")
    WAITING_LIST = "waiting_list", _("En liste d’attente")
    PENDING_REVIEW = "pending_review", _("En cours d’examen par l’association")
    READY = "ready", _("Prêt(e) pour la mise en relation")
    REJECTED = "rejected", _("Inscription refusée")


class ConsentDecision(models.TextChoices):
    PENDING = "pending", _("En attente")
    GIVEN = "given", _("Accord donné")
    REFUSED = "refused", _("Accord refusé")
    EXPIRED = "expired", _("Demande expirée")
    REPLACED = "replaced", _("Remplacée par une nouvelle demande")
