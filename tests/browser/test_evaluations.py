"""In real chromium: a youth fills the start self-evaluation, their mentor reads it, and the
referent writes a follow-up contact from their list of pairs; a youth rates a meeting and a
"non" to the fit question puts the pair first on the referent's list; the end questionnaire
shows the progress since the start."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from evaluations.defaults import load_version_1
from evaluations.models import FollowUpNote, Item, Questionnaire, Response
from tests.browser.test_matching_journey import log_in, log_out
from tests.evaluations.factories import fill, followed_pair
from tests.matching.factories import MeetingFactory, complete

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def questionnaires(transactional_db):
    """Transactional tests empty the tables the data migration filled: load it again."""
    load_version_1(Questionnaire, Item)


def answer_every_question(page, *, skip=()):
    for fieldset in page.locator("form fieldset").all():
        legend = fieldset.locator("legend").inner_text()
        if any(text in legend for text in skip):
            continue
        labels = fieldset.locator("label")
        if labels.count() == 2:  # yes or no
            labels.filter(has_text="Oui").click()
        else:
            labels.filter(has_text="Plutôt d’accord").first.click()


def test_a_youth_fills_the_start_questionnaire_and_the_referent_follows_up(page, questionnaires):
    pair = followed_pair(
        youth__user__first_name="Inès",
        youth__user__last_name="Martin",
        mentor__user__first_name="Karim",
        mentor__user__last_name="Benali",
        mentor__with_attestation=True,
    )
    referent = pair.mentor.referent
    questionnaire_url = reverse("evaluations:questionnaire", args=[pair.pk, "depart"])

    log_in(page, pair.youth.user)
    page.goto(questionnaire_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Questionnaire de départ")
    answer_every_question(page, skip=["CV"])
    page.get_by_label("En une phrase, quel est ton projet aujourd’hui ?").fill("Devenir infirmière")
    page.get_by_role("button", name="Envoyer mes réponses").click()

    # The forgotten question is pointed out; what was answered is still there.
    expect(page.get_by_text("Il manque des réponses")).to_be_visible()
    cv = page.locator("fieldset", has_text="Je sais faire un CV")
    expect(cv.get_by_text("Choisis une réponse.")).to_be_visible()
    expect(page.get_by_label("En une phrase, quel est ton projet aujourd’hui ?")).to_have_value(
        "Devenir infirmière"
    )
    confidence = page.locator("fieldset", has_text="Je crois en ma capacité")
    expect(confidence.get_by_label("Plutôt d’accord")).to_be_checked()
    cv.locator("label", has_text="Tout à fait d’accord").click()
    page.get_by_role("button", name="Envoyer mes réponses").click()

    expect(page.get_by_text("Merci, tes réponses sont enregistrées.")).to_be_visible()
    expect(page.get_by_text("Devenir infirmière")).to_be_visible()
    assert (
        Response.objects.get(pair=pair).answers.count()
        == Item.objects.filter(questionnaire__kind="start").count()
    )
    log_out(page)

    log_in(page, pair.mentor.user)
    page.goto(questionnaire_url)
    expect(page.get_by_text("Devenir infirmière")).to_be_visible()
    log_out(page)

    log_in(page, referent)
    page.goto(reverse("evaluations:follow_up", args=[pair.programme.association.slug]))
    row = page.locator("#follow-up tr", has_text="Inès Martin")
    expect(row).to_contain_text("avec Karim Benali")
    expect(row).to_contain_text("jamais")
    row.get_by_role("link", name="Inès Martin").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Suivi du binôme")
    page.get_by_role("button", name="Enregistrer le contact").click()
    expect(page.get_by_text("Dites en quelques mots ce qui s’est dit.")).to_be_visible()
    page.locator("label", has_text="Le mentor et le jeune").click()
    page.get_by_label("Ce qui s’est dit").fill("Premier point : ils se sont vus deux fois.")
    page.get_by_label("Action décidée").fill("Rappeler Inès dans 15 jours.")
    page.get_by_role("button", name="Enregistrer le contact").click()

    expect(page.get_by_text("Contact de suivi enregistré.")).to_be_visible()
    expect(page.get_by_text("Rappeler Inès dans 15 jours.")).to_be_visible()
    note = FollowUpNote.objects.get()
    assert (note.pair, note.author, note.contact_with) == (pair, referent, "both")
    page.get_by_role("link", name="Questionnaire de départ").click()
    expect(page.get_by_text("Devenir infirmière")).to_be_visible()


def test_a_youth_rates_a_meeting_and_a_no_puts_the_pair_on_the_referents_list(page):
    pair = followed_pair(
        youth__user__first_name="Yanis",
        youth__user__last_name="Ben",
        mentor__user__first_name="Léa",
        mentor__user__last_name="Roux",
    )
    quiet = followed_pair(programme=pair.programme, referent=pair.mentor.referent)
    meeting = MeetingFactory(pair=pair, confirmed=True)

    log_in(page, pair.youth.user)
    page.goto(reverse("evaluations:meeting_evaluation", args=[pair.pk, meeting.pk]))
    expect(page.get_by_text("Cette rencontre t’a-t-elle été utile ?")).to_be_visible()
    page.locator("label", has_text="2 — Peu utile").click()
    page.get_by_role("button", name="Envoyer mon avis").click()
    # Forgotten answers are pointed out; the rating is kept.
    expect(page.get_by_text("Choisis une réponse.").first).to_be_visible()
    expect(page.get_by_label("2 — Peu utile")).to_be_checked()
    page.locator("fieldset", has_text="objectifs").locator("label", has_text="Non").click()
    page.locator("fieldset", has_text="Ce binôme te convient-il ?").locator(
        "label", has_text="Non"
    ).click()
    page.get_by_label("Un commentaire ?").fill("On ne se comprend pas.")
    page.get_by_role("button", name="Envoyer mon avis").click()

    expect(page.get_by_text("Merci, ton avis est enregistré.")).to_be_visible()
    expect(page.get_by_text("Utilité : 2/5")).to_be_visible()
    log_out(page)

    log_in(page, pair.mentor.referent)
    page.goto(reverse("evaluations:follow_up", args=[pair.programme.association.slug]))
    rows = page.locator("#follow-up tbody tr")
    expect(rows.first).to_contain_text("Yanis Ben")
    expect(rows.first).to_contain_text("Le binôme ne convient pas")
    expect(rows.nth(1)).to_contain_text(quiet.youth.user.get_full_name())
    rows.first.get_by_role("link", name="Yanis Ben").click()
    page.locator("#meetings").get_by_role("link").first.click()
    expect(page.get_by_text("On ne se comprend pas.")).to_be_visible()
    expect(page.get_by_text("non transmis au mentor")).to_be_visible()


def test_the_end_questionnaire_shows_the_progress_since_the_start(page, questionnaires):
    pair = followed_pair(youth__user__first_name="Inès", mentor__user__first_name="Karim")
    fill(pair, scale=2, yes=0)
    complete(pair)
    (objective,) = pair.objectives.all()

    log_in(page, pair.youth.user)
    page.goto(reverse("evaluations:questionnaire", args=[pair.pk, "fin"]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Questionnaire de fin")
    page.locator("fieldset", has_text=objective.text).locator("label", has_text="Oui").click()
    for fieldset in page.locator("form fieldset").all():
        labels = fieldset.locator("label")
        if labels.count() == 5:
            labels.filter(has_text="Tout à fait d’accord").click()
        elif fieldset.locator("legend").inner_text().startswith("J’ai quelqu’un"):
            labels.filter(has_text="Oui").click()
        elif labels.count() == 2:
            labels.filter(has_text="Oui").click()
    page.get_by_role("button", name="Envoyer mes réponses").click()

    expect(page.get_by_text("Merci, tes réponses sont enregistrées.")).to_be_visible()
    progress = page.locator("#progress")
    confidence = progress.locator("tr", has_text="Confiance en soi")
    expect(confidence).to_contain_text("5")
    expect(confidence.locator(".fr-badge")).to_contain_text("+")
    expect(page.locator("#outcomes")).to_contain_text(objective.text)
    log_out(page)

    log_in(page, pair.mentor.user)
    page.goto(reverse("evaluations:questionnaire", args=[pair.pk, "fin"]))
    expect(page.locator("#progress tr", has_text="Réseau")).to_be_visible()
