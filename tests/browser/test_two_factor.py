"""In real chromium: a coordinator whose account needs two factors signs in, is sent to set
up an authenticator app, gives their password again, enters the app's code, gets recovery
codes and reaches their pages; the next sign-in asks for the app's code."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse
from playwright.sync_api import expect

from tests.accounts.factories import PASSWORD
from tests.programmes.factories import StaffMembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, email):
    page.goto(reverse("account_login"))
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def test_a_coordinator_sets_up_two_factors_before_anything_else(page, settings):
    settings.MFA_REQUIRED = True
    coordinator = StaffMembershipFactory().user

    sign_in(page, coordinator.email)
    expect(page.get_by_text("protégez-le par une double authentification")).to_be_visible()
    page.get_by_label("Mot de passe").fill(PASSWORD)  # asked again before the setup
    page.get_by_role("button", name="Confirmer").click()
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(code_for(secret))
    page.get_by_role("button", name="Activer").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Codes de récupération")
    page.goto(reverse("programmes:staff_home"))
    expect(page).not_to_have_url(re.compile(reverse("mfa_activate_totp")))
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("Activer")
    page.get_by_role("button", name="Se déconnecter").click()

    sign_in(page, coordinator.email)
    expect(page).to_have_url(re.compile(reverse("mfa_authenticate")))
    page.locator("input[name=code]").fill(code_for(secret))
    page.get_by_role("button", name="Connexion", exact=True).click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
