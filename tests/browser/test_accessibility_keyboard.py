"""Keyboard only: a youth signs up and a mentor logs a meeting without a mouse, each field
reached with Tab, its focus visible; an error summary's links lead to their fields."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from matching.models import Meeting
from programmes.models import YouthProfile
from tests.accounts.factories import PASSWORD
from tests.matching.factories import PairFactory
from tests.programmes.factories import AssociationFactory, ProgrammeFactory, years_ago

from .accessibility import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Is the focused element's focus drawn? On the element itself, or for the DSFR's checkboxes
# and radios (whose native input is hidden) on their label's box.
FOCUS_IS_VISIBLE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return false;
  const drawn = (style) =>
    style && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  if (drawn(getComputedStyle(element))) return true;
  if (element.matches("input[type=checkbox], input[type=radio]") && element.labels.length) {
    const label = element.labels[0];
    return drawn(getComputedStyle(label, "::before")) || drawn(getComputedStyle(label, "::after"))
      || drawn(getComputedStyle(label));
  }
  return getComputedStyle(element).boxShadow !== "none";
}"""


def tab_to(page, element_id: str, *, presses: int = 200) -> None:
    """Tab forward until the element has the focus, which must be visible."""
    assert element_id, "an element without an id"
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(
            "id => document.activeElement && document.activeElement.id === id", element_id
        ):
            assert page.evaluate(FOCUS_IS_VISIBLE), f"the focus on #{element_id} is not visible"
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def type_date(page, label: str, day) -> None:
    """Digits in the order the browser's date field asks for (its interface language's:
    month first in an English chromium, day first in a French one)."""
    element_id = id_of(page, label)
    tab_to(page, element_id)
    field = page.locator(f"#{element_id}")
    page.keyboard.type(day.strftime("%m%d%Y"))
    if field.input_value() != day.isoformat():
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        page.keyboard.type(day.strftime("%d%m%Y"))
    assert field.input_value() == day.isoformat()


def id_of(page, label: str) -> str:
    """The field of this label (an optional one's label ends with "(facultatif)")."""
    exact = page.get_by_label(label, exact=True)
    field = exact if exact.count() else page.get_by_label(label)
    return field.first.get_attribute("id")


def type_into(page, label: str, text: str) -> None:
    tab_to(page, id_of(page, label))
    page.keyboard.type(text)


def check(page, label: str) -> None:
    tab_to(page, id_of(page, label))
    page.keyboard.press("Space")
    expect(page.get_by_label(label, exact=True)).to_be_checked()


def choose(page, label: str) -> None:
    """A radio: Tab reaches its group, the arrow keys move to the option."""
    target = page.get_by_label(label, exact=True)
    name = target.get_attribute("name")
    first = page.locator(f"input[type=radio][name={name}]").first.get_attribute("id")
    tab_to(page, first)
    page.keyboard.press("Space")
    for _ in range(12):
        if target.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{label} cannot be chosen with the arrow keys")


def test_a_youth_signs_up_with_the_keyboard_alone(page):
    ProgrammeFactory(association=AssociationFactory(name="Duo for a job"), departement_codes=["69"])
    page.goto(reverse("programmes:youth_signup"))

    # Sent back with errors: the summary has the focus, and its first link leads to its field.
    submit = page.get_by_role("button", name="Je m’inscris")
    submit.evaluate("button => { button.id = 'signup-submit'; }")
    tab_to(page, "signup-submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator(".mentorat-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title("Je veux un mentor — Mentorat — un jeune, un mentor")
    first_link = summary.get_by_role("link").first
    target = first_link.get_attribute("href").lstrip("#")
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(f"#{target}")).to_be_focused()

    page.goto(reverse("programmes:youth_signup"))
    type_into(page, "Prénom", "Karim")
    type_into(page, "Nom", "Benali")
    birth = years_ago(20)
    type_date(page, "Ta date de naissance", birth)
    type_into(page, "Adresse électronique", "karim@exemple.fr")
    type_into(page, "Mot de passe", PASSWORD)
    type_into(page, "Mot de passe (confirmation)", PASSWORD)
    type_into(page, "Ton code postal", "69003")
    choose(page, "En recherche d’emploi")
    check(page, "Trouver un emploi")
    choose(page, "Les deux me conviennent")
    check(page, "mercredi après-midi")
    type_into(page, "En quelques mots, qu’attends-tu d’un mentor ?", "Trouver un premier emploi.")
    check(page, "J’ai lu comment mes informations sont utilisées et protégées")
    check(page, "J’accepte la charte du mentorat")
    page.get_by_role("button", name="Je m’inscris").evaluate(
        "button => { button.id = 'signup-submit'; }"
    )
    tab_to(page, "signup-submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérifiez votre adresse")
    youth = YouthProfile.objects.get(user__email="karim@exemple.fr")
    assert youth.birth_date == birth


def test_a_mentor_logs_a_meeting_with_the_keyboard_alone(page, live_server):
    pair = PairFactory(active=True)
    sign_in(page, live_server, pair.mentor.user)
    page.goto(reverse("matching:meeting_log", args=[pair.pk]))
    expect(page).to_have_title(re.compile("^Noter une rencontre — "))
    type_date(page, "Date de la rencontre", timezone.localdate())
    type_into(page, "Durée (en minutes)", "95")
    choose(page, "En présentiel")
    check(page, "CV et lettre de motivation")
    type_into(page, "Note partagée avec le jeune", "Nous avons relu ton CV.")
    submit = page.get_by_role("button", name="Enregistrer la rencontre")
    submit.evaluate("button => { button.id = 'meeting-submit'; }")
    tab_to(page, "meeting-submit")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Nous avons relu ton CV.")).to_be_visible()
    meeting = Meeting.objects.get(pair=pair)
    assert meeting.duration_minutes == 95
