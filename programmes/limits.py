"""The one limit every way of signing up shares: the youth's and the mentor's sign-ups,
completing a registration, and creating an account from a staff invitation. One counter per
visitor's address (see mentorat.accounts.client_ip) across all of them, so that a robot cannot
add up the quotas of several pages."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

# A person signs up once; a burst of sign-ups from one address is a robot.
SIGNUP_RATE = "10/h"

signup_limit = ratelimit(group="signup", key="ip", rate=SIGNUP_RATE, method="POST", block=False)


def too_many_signups(request, template: str, context: dict):
    """The form again, as it was typed, with the reason it was not sent."""
    messages.error(
        request, _("Trop d’inscriptions depuis votre connexion. Réessayez dans une heure.")
    )
    return render(request, template, context, status=429)
