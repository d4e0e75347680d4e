"""The key pages pass axe-core in chromium with no critical and no serious violation, in their
normal and their error states, for each role that reads them (RGAA, through the DSFR)."""

import pytest
from django.urls import reverse

from mentorat.dashboards.summaries import refresh
from tests.accounts.factories import UserFactory
from tests.matching.factories import MeetingFactory, ObjectiveFactory, PairFactory
from tests.programmes.factories import (
    AssociationFactory,
    MentorProfileFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

from .accessibility import AxeAudit, axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    association = AssociationFactory(name="Article 1", slug="article-1")
    programme = ProgrammeFactory(association=association, name="Article 1 Paris", slug="paris")
    coordinator = StaffMembershipFactory(association=association).user
    referent = StaffMembershipFactory(association=association, referent=True).user
    pair = PairFactory(
        active=True, youth__programme=programme, youth__minor=True, mentor__referent=referent
    )
    MeetingFactory(pair=pair, shared_note="On a préparé l’entretien.")
    ObjectiveFactory(pair=pair, text="Trouver un stage")
    proposal = PairFactory(
        youth=YouthProfileFactory(programme=programme, ready=True),
        mentor=MentorProfileFactory(programme=programme, ready=True, with_attestation=True),
    )
    pending = YouthProfileFactory(programme=programme, minor=True)
    return {
        "association": association,
        "programme": programme,
        "coordinator": coordinator,
        "pair": pair,
        "proposal": proposal,
        "pending": pending,
    }


def test_public_pages_and_their_error_states(page):
    audit = AxeAudit(page)
    audit.visit("accueil", reverse("core:home"))
    audit.visit("choix de l’inscription", reverse("account_signup"))
    audit.visit("connexion", reverse("account_login"))
    page.get_by_label("Courriel").fill("personne@exemple.fr")
    page.get_by_label("Mot de passe").fill("pas-le-bon-mot-de-passe")
    page.get_by_role("button", name="Connexion").click()
    audit.check("connexion en erreur")
    for name, url in (
        ("inscription jeune", reverse("programmes:youth_signup")),
        ("inscription mentor", reverse("programmes:mentor_signup")),
    ):
        audit.visit(name, url)
        page.locator("form[method=post] button[type=submit]").last.click()
        audit.check(f"{name} en erreur")
    audit.assert_clean()


def test_the_youths_and_the_mentors_pages(page, live_server, world):
    pair = world["pair"]
    audit = AxeAudit(page)
    sign_in(page, live_server, pair.youth.user)
    audit.visit("espace jeune", reverse("programmes:my_space"))
    audit.visit("binômes du jeune", reverse("matching:my_pairs"))
    audit.visit("page du binôme (jeune)", reverse("matching:pair", args=[pair.pk]))
    audit.visit("mes données (jeune)", reverse("privacy:export"))
    audit.visit("effacement (jeune)", reverse("privacy:erase"))

    sign_in(page, live_server, pair.mentor.user)
    audit.visit("espace mentor", reverse("programmes:my_space"))
    audit.visit("page du binôme (mentor)", reverse("matching:pair", args=[pair.pk]))
    audit.visit("compte rendu de rencontre", reverse("matching:meeting_log", args=[pair.pk]))
    page.locator("main form[method=post] button[type=submit]").last.click()
    audit.check("compte rendu de rencontre en erreur")
    audit.assert_clean()


def test_the_staff_and_ministry_pages(page, live_server, world):
    association, programme = world["association"], world["programme"]
    audit = AxeAudit(page)
    sign_in(page, live_server, world["coordinator"])
    audit.visit(
        "inscriptions à examiner",
        reverse("programmes:vetting_list", kwargs={"slug": association.slug, "kind": "jeunes"}),
    )
    audit.visit(
        "dossier d’un jeune",
        reverse(
            "programmes:vetting_detail",
            kwargs={"slug": association.slug, "kind": "jeunes", "pk": world["pending"].pk},
        ),
    )
    audit.visit(
        "mentors à examiner",
        reverse("programmes:vetting_list", kwargs={"slug": association.slug, "kind": "mentors"}),
    )
    audit.visit(
        "propositions à examiner",
        reverse("matching:proposals", args=[association.slug, programme.slug]),
    )
    audit.visit("page du binôme (coordination)", reverse("matching:pair", args=[world["pair"].pk]))
    audit.visit("journal d’audit", reverse("audit:association_trail", args=[association.slug]))
    refresh()
    audit.visit(
        "tableau de bord de l’association",
        reverse("dashboards:association", args=[association.slug]),
    )
    audit.visit(
        "parcours et rythme de l’association",
        reverse("dashboards:association_indicators", args=[association.slug]),
    )
    audit.visit(
        "durées et résultats de l’association",
        reverse("dashboards:association_outcomes", args=[association.slug]),
    )

    sign_in(page, live_server, UserFactory(ministry=True))
    audit.visit("associations (ministère)", reverse("programmes:association_list"))
    audit.visit("journal d’audit national", reverse("audit:trail"))
    audit.visit("tableau de bord national", reverse("dashboards:national"))
    for name, label in (
        ("national_funnel", "parcours"),
        ("national_durations", "durées et arrêts"),
        ("national_cadence", "rythme"),
        ("national_reach", "public accompagné"),
        ("national_outcomes", "résultats"),
        ("national_supply", "offre et demande, carte"),
        ("national_associations", "associations"),
    ):
        audit.visit(f"{label} (ministère)", reverse(f"dashboards:{name}"))
    audit.visit("filtres inconnus (ministère)", reverse("dashboards:national") + "?annee=1900")
    audit.visit("objectifs annuels", reverse("dashboards:targets"))
    audit.assert_clean()


def test_the_audit_does_find_a_blocking_violation(page):
    """The harness itself: an image without a text alternative is a critical violation."""
    page.set_content(
        '<!DOCTYPE html><html lang="fr"><head><title>Essai</title></head>'
        '<body><main><h1>Essai</h1><img src="/static/nulle-part.png"></main></body></html>'
    )
    found = {violation["id"] for violation in axe_violations(page)}
    assert "image-alt" in found
