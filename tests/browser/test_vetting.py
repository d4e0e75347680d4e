import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from programmes.enums import ParticipantStatus
from programmes.models import MentorProfile, YouthProfile
from tests.accounts.factories import PASSWORD
from tests.programmes.factories import (
    MentorProfileFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_vets_youths_and_a_mentor(page):
    coordinator = StaffMembershipFactory(
        association__name="Afev",
        association__slug="afev",
        user__email="coordination@exemple.fr",
    )
    referent = StaffMembershipFactory(
        association=coordinator.association,
        referent=True,
        user__first_name="Julien",
        user__last_name="Moreau",
    ).user
    programme = ProgrammeFactory(association=coordinator.association, name="Mentorat Afev")
    ines = YouthProfileFactory(
        programme=programme, user__first_name="Inès", user__last_name="Martin"
    )
    yanis = YouthProfileFactory(
        programme=programme, user__first_name="Yanis", user__last_name="Ben"
    )
    # Names of their own: a random "Martin" would also answer the search below.
    YouthProfileFactory.create_batch(3, programme=programme, user__last_name="Lefort")
    karim = MentorProfileFactory(
        programme=programme, user__first_name="Karim", user__last_name="Durand"
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(error))

    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill("coordination@exemple.fr")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.goto(reverse("programmes:staff_home"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Inscriptions — Afev")
    expect(page.get_by_role("tab", name="À examiner 5")).to_be_visible()
    page.get_by_role("searchbox").fill("martin")
    page.get_by_role("searchbox").press("Enter")
    expect(page.get_by_role("tab", name="À examiner 1")).to_be_visible()
    page.get_by_role("link", name="Inès Martin").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Inès Martin")
    page.get_by_role("button", name="Valider l’inscription").click()
    expect(page.get_by_text("Inès Martin est prêt(e) pour la mise en relation")).to_be_visible()
    expect(page.get_by_role("tab", name="Prêts 1")).to_be_visible()

    page.get_by_role("link", name="Mentors", exact=True).click()
    page.get_by_role("link", name="Karim Durand").click()
    expect(
        page.get_by_text("Ne peut pas être mis(e) en relation avec un ou une mineur(e)")
    ).to_be_visible()
    seen_on = timezone.localdate() - datetime.timedelta(days=12)
    page.get_by_label("Date de l’attestation d’honorabilité").fill(seen_on.isoformat())
    page.get_by_role("button", name="J’ai vu l’attestation").click()
    expect(page.get_by_text("Attestation d’honorabilité enregistrée")).to_be_visible()
    page.get_by_label("Référent·e").select_option(label=f"Julien Moreau ({referent.email})")
    page.get_by_role("button", name="Désigner").click()
    expect(page.get_by_text("Suivi(e) par Julien Moreau.")).to_be_visible()
    page.get_by_role("button", name="Valider l’inscription").click()
    expect(page.get_by_text("Karim Durand est prêt(e) pour la mise en relation.")).to_be_visible()

    page.get_by_role("link", name="Jeunes", exact=True).click()
    page.get_by_role("link", name="Yanis Ben").click()
    page.get_by_role("button", name="Refuser l’inscription").click()
    expect(page.get_by_text("Indiquez le motif du refus")).to_be_visible()
    reason = "Notre programme est complet : l’association Article 1 peut vous accompagner."
    page.get_by_label("Motif du refus").fill(reason)
    page.get_by_role("button", name="Refuser l’inscription").click()
    expect(page.get_by_text("L’inscription de Yanis Ben est refusée.")).to_be_visible()

    for person in (ines, yanis, karim):
        person.refresh_from_db()
    assert ines.status == karim.status == ParticipantStatus.READY
    assert (yanis.status, yanis.status_reason) == (ParticipantStatus.REJECTED, reason)
    assert karim.has_valid_attestation() and karim.referent.last_name == "Moreau"
    sent = {email.to[0]: email for email in mail.outbox}
    assert set(sent) == {ines.user.email, karim.user.email, yanis.user.email}
    assert sent[ines.user.email].subject == "Ton inscription est validée"  # "tu" to a youth
    assert reason in sent[yanis.user.email].body
    assert not errors
    assert YouthProfile.objects.pending_review().count() == 3
    assert not MentorProfile.objects.pending_review().exists()
