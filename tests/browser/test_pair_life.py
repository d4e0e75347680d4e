"""In real chromium, on the demo data of a first run: the showcase mentor logs a meeting and
rates it, the youth confirms and rates it and fills the start questionnaire, both set
objectives, the referent writes a follow-up; a pair is closed on "objectifs atteints" with the
end questionnaire and the progress shown; an ended-early youth asks for a new mentor."""

import os

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from evaluations.models import FollowUpNote, MeetingEvaluation, Response
from matching.enums import PairStatus, YouthConfirmation
from matching.models import Meeting, Objective, Pair
from matching.population import matchable_youths
from mentorat.core.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("PAIR_LIFE_SCREENSHOTS")  # a folder, to look at the pages by eye


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=open(os.devnull, "w"))


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def log_in(page, email):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()


def choose(page, legend, label):
    """DSFR draws radios and checkboxes on their label: click the label in its fieldset."""
    page.locator("fieldset", has_text=legend).locator("label", has_text=label).first.click()


def rate(page, *, usefulness, fit):
    choose(page, "utile", usefulness)
    choose(page, "objectif", "Oui")
    choose(page, "convient", fit)
    page.get_by_role("button", name="Envoyer mon avis").click()


def test_a_meeting_logged_confirmed_and_rated_objectives_set_and_a_follow_up(page, demo):
    pair = Pair.objects.get(youth__user__email="jeune@demo.mentorat.local")
    today = timezone.localdate()

    # The mentor opens the pair from "Mes binômes" and logs today's meeting.
    log_in(page, "mentor@demo.mentorat.local")
    page.goto(reverse("matching:my_pairs"))
    page.get_by_role("link", name="Ouvrir le binôme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre binôme avec Inès Martin")
    expect(page.locator("#cadence-status")).to_have_text("À jour")
    shot(page, "1-mentor-pair")
    page.get_by_role("link", name="Noter une rencontre").click()
    page.get_by_label("Durée (en minutes)").fill("4")
    choose(page, "Format", "En présentiel")
    choose(page, "Sujets abordés", "CV et lettre de motivation")
    page.get_by_label("Note partagée avec le jeune").fill("On a repris ton CV ensemble.")
    page.get_by_label("Note privée pour votre référent").fill("Inès semble inquiète pour sa mère.")
    page.get_by_role("button", name="Enregistrer la rencontre").click()
    # Refused next to the field, and nothing typed is lost.
    expect(page.get_by_text("Une rencontre dure au moins 5 minutes")).to_be_visible()
    expect(page.get_by_label("Note privée pour votre référent")).to_have_value(
        "Inès semble inquiète pour sa mère."
    )
    expect(page.get_by_label("CV et lettre de motivation")).to_be_checked()
    shot(page, "2-meeting-refused")
    page.get_by_label("Durée (en minutes)").fill("95")
    page.get_by_role("button", name="Enregistrer la rencontre").click()
    expect(page.get_by_text("Le jeune va la confirmer.")).to_be_visible()
    meeting = Meeting.objects.get(pair=pair)
    assert (meeting.held_on, meeting.duration_minutes) == (today, 95)

    # A second log of the same date asks for a confirmation first.
    page.get_by_role("link", name="Noter une rencontre").click()
    page.get_by_label("Durée (en minutes)").fill("90")
    choose(page, "Format", "Par téléphone")
    page.get_by_role("button", name="Enregistrer la rencontre").click()
    expect(page.get_by_text("Une rencontre est déjà notée à cette date.")).to_be_visible()
    page.get_by_role("link", name="Retour au binôme").click()
    assert Meeting.objects.filter(pair=pair).count() == 1

    # The mentor rates it, then writes an objective from a suggestion.
    page.get_by_role("link", name="Noter votre rencontre du").click()
    rate(page, usefulness="4 — Utile", fit="Oui")
    expect(page.get_by_text("Merci, votre avis est enregistré.")).to_be_visible()
    page.get_by_role("link", name="Page du binôme").click()
    page.get_by_role("link", name="Ajouter un objectif").click()
    page.get_by_role("link", name="Trouver une entreprise pour mon alternance").click()
    page.get_by_role("button", name="Ajouter l’objectif", exact=True).click()
    expect(page.locator("#objectives")).to_contain_text("Trouver une entreprise pour")
    log_out(page)

    # The youth confirms the meeting, rates it, fills the start questionnaire, adds an objective.
    log_in(page, "jeune@demo.mentorat.local")
    page.get_by_role("link", name="Voir mon binôme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ton binôme avec Karim Durand")
    expect(page.locator("main")).not_to_contain_text("inquiète pour sa mère")
    expect(page.locator("#timeline")).to_contain_text("Objectif proposé : « Trouver une entreprise")
    shot(page, "3-youth-pair")
    page.get_by_role("link", name="Confirmer ta rencontre du").click()
    expect(page.get_by_text("On a repris ton CV ensemble.")).to_be_visible()
    choose(page, "a-t-elle eu lieu", "Oui, elle a eu lieu")
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(page.get_by_text("Merci, c’est noté.")).to_be_visible()
    meeting.refresh_from_db()
    assert meeting.youth_confirmation == YouthConfirmation.CONFIRMED

    page.get_by_role("link", name="Noter ta rencontre du").click()
    rate(page, usefulness="5 — Très utile", fit="Oui")
    expect(page.get_by_text("Merci, ton avis est enregistré.")).to_be_visible()
    assert MeetingEvaluation.objects.filter(meeting=meeting).count() == 2

    page.get_by_role("link", name="Page du binôme").click()
    page.get_by_role("link", name="Remplir ton questionnaire de départ").click()
    for fieldset in page.locator("form fieldset").all():
        labels = fieldset.locator("label")
        if labels.count() == 2:
            labels.filter(has_text="Oui").click()
        else:
            labels.filter(has_text="Plutôt d’accord").first.click()
    page.get_by_label("En une phrase, quel est ton projet aujourd’hui ?").fill(
        "Une alternance en développement web"
    )
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_text("Merci, tes réponses sont enregistrées.")).to_be_visible()
    assert Response.objects.filter(pair=pair, kind="start").exists()

    page.get_by_role("link", name="Page du binôme").click()
    page.get_by_role("link", name="Ajouter un objectif").click()
    page.get_by_label("Objectif").fill("Réussir mes entretiens")
    page.get_by_role("button", name="Ajouter l’objectif", exact=True).click()
    expect(page.locator("#objectives")).to_contain_text("Réussir mes entretiens")
    assert Objective.objects.filter(pair=pair).count() == 2
    log_out(page)

    # The referent reads both, the private note, and writes a follow-up contact.
    log_in(page, "referent@demo.mentorat.local")
    page.goto(reverse("matching:pair", args=[pair.pk]))
    expect(page.locator("#timeline")).to_contain_text("Inès semble inquiète pour sa mère.")
    expect(page.locator("#objectives")).to_contain_text("Réussir mes entretiens")
    shot(page, "4-referent-pair")
    page.get_by_role("link", name="Suivi du binôme : contacts et signaux").click()
    page.locator("label", has_text="Le jeune").first.click()
    page.get_by_label("Ce qui s’est dit").fill("Appel à Inès : le binôme démarre bien.")
    page.get_by_role("button", name="Enregistrer le contact").click()
    expect(page.get_by_text("Contact de suivi enregistré.")).to_be_visible()
    assert FollowUpNote.objects.filter(pair=pair, summary__startswith="Appel à Inès").exists()
    page.get_by_role("link", name="Page du binôme : historique").click()
    expect(page.locator("#timeline")).to_contain_text("Appel à Inès : le binôme démarre bien.")


def test_a_pair_closes_on_objectives_reached_with_the_end_questionnaire(page, demo):
    pair = Pair.objects.get(youth__user__email="jeune.hugo@demo.mentorat.local")

    log_in(page, "mentor.elodie@demo.mentorat.local")
    page.goto(reverse("matching:my_pairs"))
    page.locator("section", has_text="Hugo Petit").get_by_role("link", name="Ouvrir").click()
    page.get_by_role("button", name="Demander la clôture : objectifs atteints").click()
    expect(page.get_by_text("Clôture demandée : le référent va la confirmer.")).to_be_visible()
    log_out(page)

    log_in(page, "referent@demo.mentorat.local")
    page.goto(reverse("evaluations:follow_up", args=["afev"]))
    page.locator("#follow-up tr", has_text="Hugo Petit").get_by_role(
        "link", name="Page du binôme"
    ).click()
    page.get_by_role("link", name="Confirmer la clôture « objectifs atteints »").click()
    page.get_by_label("Un mot sur ce mentorat").fill("Alternance signée chez un expert-comptable.")
    page.get_by_role("button", name="Confirmer la clôture").click()
    expect(page.get_by_text("Mentorat clôturé : objectifs atteints.")).to_be_visible()
    pair.refresh_from_db()
    assert pair.status == PairStatus.COMPLETED
    log_out(page)

    log_in(page, "jeune.hugo@demo.mentorat.local")
    page.goto(reverse("matching:my_pairs"))
    page.get_by_role("link", name="Relire ce binôme").click()
    expect(page.locator("#closure")).to_contain_text("Ce mentorat est terminé.")
    page.get_by_role("link", name="Remplir ton questionnaire de fin").click()
    for fieldset in page.locator("form fieldset").all():
        labels = fieldset.locator("label")
        if labels.count() == 5:
            labels.filter(has_text="Tout à fait d’accord").click()
        else:
            labels.filter(has_text="Oui").first.click()
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_text("Merci, tes réponses sont enregistrées.")).to_be_visible()
    expect(page.locator("#progress tr", has_text="Confiance en soi")).to_be_visible()
    expect(page.locator("#progress .fr-badge").first).to_contain_text("+")
    shot(page, "5-end-progress")


def test_an_ended_early_youth_asks_for_a_new_mentor(page, demo):
    pair = Pair.objects.get(youth__user__email="jeune.yanis@demo.mentorat.local")
    assert pair.youth not in matchable_youths([pair.programme])

    log_in(page, "jeune.yanis@demo.mentorat.local")
    page.goto(reverse("matching:pair", args=[pair.pk]))
    expect(page.get_by_text("Arrêté avant terme").first).to_be_visible()
    expect(page.locator("#timeline")).to_contain_text("Mentorat arrêté avant terme : déménagement")
    shot(page, "6-ended-early")
    page.get_by_role("button", name="Demander un nouveau mentor").click()
    expect(page.get_by_text("l’association va te proposer un nouveau mentor")).to_be_visible()
    expect(page.locator("#rematch-requested")).to_be_visible()
    pair.refresh_from_db()
    assert pair.rematch_requested_by.email == "jeune.yanis@demo.mentorat.local"
    assert pair.youth in matchable_youths([pair.programme])
