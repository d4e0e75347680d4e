"""The self-evaluation the platform ships, written for this programme (not taken from a
published instrument). Loaded by a data migration as version 1 of the platform's start and
end questionnaires.

Never change a version that was loaded: answers point to it. To change the wording, add a
version 2 here and a migration that loads it; keep the codes of the items that ask the same
thing, so that a start and an end still compare.

The texts are stored in French (the programme's language), as data, like answers are.
"""

from .enums import END_ONLY_DIMENSIONS, Dimension, ItemKind, QuestionnaireKind

LIKERT, YES_NO, TEXT = ItemKind.LIKERT, ItemKind.YES_NO, ItemKind.TEXT

START_INTRODUCTION = (
    "Ce questionnaire t’aide à faire le point, au début de ton mentorat, puis à la fin pour "
    "voir le chemin parcouru. Il n’y a pas de bonne ou de mauvaise réponse. Ton mentor et ton "
    "référent·e dans l’association pourront lire tes réponses."
)
END_INTRODUCTION = (
    "Ton mentorat se termine : réponds aux mêmes questions qu’au début, puis dis-nous comment "
    "il s’est passé. Ton mentor et ton référent·e dans l’association pourront lire tes réponses."
)

# (code, dimension, kind, text): asked at the start and again at the end.
SELF_EVALUATION = [
    (
        "confiance_capacites",
        Dimension.CONFIDENCE,
        LIKERT,
        "Je crois en ma capacité à réussir ce que j’entreprends.",
    ),
    (
        "confiance_obstacles",
        Dimension.CONFIDENCE,
        LIKERT,
        "Face à une difficulté, je sais que je finirai par trouver une solution.",
    ),
    (
        "confiance_parler_de_soi",
        Dimension.CONFIDENCE,
        LIKERT,
        "Je suis à l’aise pour parler de moi et de ce que je sais faire.",
    ),
    (
        "projet_direction",
        Dimension.PROJECT,
        LIKERT,
        "Je vois clairement vers quel métier ou quel domaine je veux aller.",
    ),
    (
        "projet_etapes",
        Dimension.PROJECT,
        LIKERT,
        "Je sais quelles sont les prochaines étapes pour avancer vers mon projet.",
    ),
    (
        "projet_en_une_phrase",
        Dimension.PROJECT,
        TEXT,
        "En une phrase, quel est ton projet aujourd’hui ?",
    ),
    (
        "connaissance_metiers",
        Dimension.KNOWLEDGE,
        LIKERT,
        "Je connais plusieurs métiers qui pourraient me plaire.",
    ),
    (
        "connaissance_secteurs",
        Dimension.KNOWLEDGE,
        LIKERT,
        "Je sais comment on travaille dans le secteur qui m’attire (entreprises, rythme, "
        "débouchés).",
    ),
    (
        "connaissance_formations",
        Dimension.KNOWLEDGE,
        LIKERT,
        "Je sais quelles formations mènent aux métiers qui m’intéressent.",
    ),
    (
        "reseau_quelquun",
        Dimension.NETWORK,
        YES_NO,
        "J’ai quelqu’un à qui demander conseil pour mes études ou mon travail.",
    ),
    (
        "reseau_oser_contacter",
        Dimension.NETWORK,
        LIKERT,
        "J’ose contacter une personne que je ne connais pas pour lui poser des questions sur son "
        "métier.",
    ),
    (
        "reseau_professionnels",
        Dimension.NETWORK,
        LIKERT,
        "Je connais des professionnels du domaine qui m’intéresse.",
    ),
    ("pratique_cv", Dimension.SKILLS, LIKERT, "Je sais faire un CV qui me met en valeur."),
    (
        "pratique_lettre",
        Dimension.SKILLS,
        LIKERT,
        "Je sais écrire une lettre ou un message de candidature.",
    ),
    (
        "pratique_entretien",
        Dimension.SKILLS,
        LIKERT,
        "Je me sens prêt·e à passer un entretien (stage, alternance ou emploi).",
    ),
    (
        "pratique_recherche",
        Dimension.SKILLS,
        LIKERT,
        "Je sais où et comment chercher un stage, une alternance ou un emploi.",
    ),
    (
        "engagement_motivation",
        Dimension.ENGAGEMENT,
        LIKERT,
        "Je suis motivé·e par ce que je fais en ce moment (études, formation ou recherche).",
    ),
    (
        "engagement_assiduite",
        Dimension.ENGAGEMENT,
        LIKERT,
        "Je suis présent·e et je m’implique dans mes cours, ma formation ou mes démarches.",
    ),
    (
        "bienetre_moral",
        Dimension.WELLBEING,
        LIKERT,
        "En ce moment, je me sens bien dans ma vie de tous les jours.",
    ),
    ("bienetre_avenir", Dimension.WELLBEING, LIKERT, "Je regarde mon avenir avec optimisme."),
    (
        "bienetre_soutien",
        Dimension.WELLBEING,
        LIKERT,
        "Je me sens soutenu·e dans ce que j’entreprends.",
    ),
]

# Asked only at the end: how the mentoring went.
LOOKING_BACK = [
    (
        "satisfaction_globale",
        Dimension.SATISFACTION,
        LIKERT,
        "Je suis satisfait·e de mon mentorat.",
    ),
    (
        "satisfaction_recommande",
        Dimension.SATISFACTION,
        YES_NO,
        "Je conseillerais le mentorat à un ou une amie.",
    ),
    (
        "satisfaction_changement",
        Dimension.SATISFACTION,
        TEXT,
        "Qu’est-ce que le mentorat a changé pour toi ?",
    ),
    (
        "relation_ecoute",
        Dimension.RELATIONSHIP,
        LIKERT,
        "Mon mentor m’a écouté·e et a compris ce que je cherchais.",
    ),
    (
        "relation_confiance",
        Dimension.RELATIONSHIP,
        LIKERT,
        "J’ai pu parler à mon mentor en confiance.",
    ),
    (
        "relation_disponibilite",
        Dimension.RELATIONSHIP,
        LIKERT,
        "Mon mentor était disponible quand j’en avais besoin.",
    ),
    (
        "relation_rythme",
        Dimension.RELATIONSHIP,
        LIKERT,
        "Le rythme de nos rencontres me convenait.",
    ),
]

assert all(dimension not in END_ONLY_DIMENSIONS for _c, dimension, _k, _t in SELF_EVALUATION)


def items(rows):
    return [
        {"code": code, "dimension": dimension.value, "kind": kind.value, "text": text}
        for code, dimension, kind, text in rows
    ]


VERSION_1 = {
    QuestionnaireKind.START: (START_INTRODUCTION, items(SELF_EVALUATION)),
    QuestionnaireKind.END: (END_INTRODUCTION, items(SELF_EVALUATION + LOOKING_BACK)),
}


def load_version_1(Questionnaire, Item) -> None:
    """Write the platform's version 1 (model classes given, so that a migration can call it
    with its historical models). Does nothing if it is there already."""
    for kind, (introduction, rows) in VERSION_1.items():
        questionnaire, created = Questionnaire.objects.get_or_create(
            kind=kind.value,
            association=None,
            version=1,
            defaults={"introduction": introduction},
        )
        if created:
            Item.objects.bulk_create(
                Item(questionnaire=questionnaire, position=position, **row)
                for position, row in enumerate(rows, start=1)
            )
