"""The programme's vocabularies. Values are stable codes stored in the database.

Needs, slots and languages are stored as bitmasks: a member's bit is its position in the list,
the same as in the matching engine's vocabularies (a test holds them together). Append new
members at the end only.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LabelStatus(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    LABELLED = "labelled", _("Labellisée")
    SUSPENDED = "suspended", _("Suspendue")
    WITHDRAWN = "withdrawn", _("Label retiré")


class StaffRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinateur·rice")
    REFERENT = "referent", _("Référent·e")


class Need(models.TextChoices):
    ORIENTATION = "orientation", _("M’orienter")
    SELF_CONFIDENCE = "self_confidence", _("Prendre confiance en moi")
    INTERNSHIP = "internship", _("Trouver un stage")
    APPRENTICESHIP = "apprenticeship", _("Trouver une alternance")
    EMPLOYMENT = "employment", _("Trouver un emploi")
    DISCOVER_WORK = "discover_work", _("Découvrir le monde professionnel")
    BACK_TO_SCHOOL = "back_to_school", _("Reprendre mes études (raccrochage scolaire)")


class Situation(models.TextChoices):
    MIDDLE_SCHOOL = "middle_school", _("Au collège")
    HIGH_SCHOOL = "high_school", _("Au lycée")
    HIGHER_EDUCATION = "higher_education", _("En études supérieures")
    EMPLOYED = "employed", _("En emploi")
    JOB_SEEKING = "job_seeking", _("En recherche d’emploi")
    NEET = "neet", _("Ni en emploi, ni en formation")


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("En personne")
    REMOTE = "remote", _("À distance")
    BOTH = "both", _("Les deux me conviennent")


class Gender(models.TextChoices):
    FEMALE = "female", _("Femme")
    MALE = "male", _("Homme")
    OTHER = "other", _("Autre ou je préfère ne pas le dire")


class Slot(models.TextChoices):
    MON_MORNING = "mon_morning", _("lundi matin")
    MON_AFTERNOON = "mon_afternoon", _("lundi après-midi")
    MON_EVENING = "mon_evening", _("lundi soir")
    TUE_MORNING = "tue_morning", _("mardi matin")
    TUE_AFTERNOON = "tue_afternoon", _("mardi après-midi")
    TUE_EVENING = "tue_evening", _("mardi soir")
    WED_MORNING = "wed_morning", _("mercredi matin")
    WED_AFTERNOON = "wed_afternoon", _("mercredi après-midi")
    WED_EVENING = "wed_evening", _("mercredi soir")
    THU_MORNING = "thu_morning", _("jeudi matin")
    THU_AFTERNOON = "thu_afternoon", _("jeudi après-midi")
    THU_EVENING = "thu_evening", _("jeudi soir")
    FRI_MORNING = "fri_morning", _("vendredi matin")
    FRI_AFTERNOON = "fri_afternoon", _("vendredi après-midi")
    FRI_EVENING = "fri_evening", _("vendredi soir")
    SAT_MORNING = "sat_morning", _("samedi matin")
    SAT_AFTERNOON = "sat_afternoon", _("samedi après-midi")
    SAT_EVENING = "sat_evening", _("samedi soir")
    SUN_MORNING = "sun_morning", _("dimanche matin")
    SUN_AFTERNOON = "sun_afternoon", _("dimanche après-midi")
    SUN_EVENING = "sun_evening", _("dimanche soir")


class Language(models.TextChoices):
    FRENCH = "fr", _("français")
    ENGLISH = "en", _("anglais")
    ARABIC = "ar", _("arabe")
    SPANISH = "es", _("espagnol")
    PORTUGUESE = "pt", _("portugais")
    GERMAN = "de", _("allemand")
    ITALIAN = "it", _("italien")
    TURKISH = "tr", _("turc")
    ROMANIAN = "ro", _("roumain")
    CHINESE = "zh", _("chinois")
    CREOLE = "crp", _("créole")
    FRENCH_SIGN_LANGUAGE = "fsl", _("langue des signes française")


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
