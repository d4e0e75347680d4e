"""Every page needs a login unless it is on this list, on purpose."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC_VIEWS = {
    # The platform's own public pages.
    "core:home",
    "core:healthz",
    "set_language",
    # The privacy notice, the legal notice, the accessibility statement.
    "legal:privacy",
    "legal:notice",
    "legal:accessibility",
    # Signing in, signing up, confirming an email, resetting a password.
    "account_signup",
    "account_login",
    "account_logout",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_inactive",
    "account_confirm_login_code",
    # The sign-in's second step (the authenticator app's code), before one is signed in.
    "mfa_authenticate",
    # Youths and mentors sign up before they have an account; a parent answers by link.
    "programmes:youth_signup",
    "programmes:mentor_signup",
    "programmes:privacy",
    "programmes:charter",
    "programmes:consent_answer",
    # The signed one-click link of each email: turns one kind of email off, nothing else.
    "notifications:one_click",
    # A staff invitation link is opened before its holder has signed in.
    "programmes:invitation_accept",
    # Said to a person just after their account was erased (they are signed out by then).
    "privacy:erased",
    # Django's admin has its own login page.
    "admin:login",
}


def walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name or str(pattern.pattern), pattern.callback


def is_public(view) -> bool:
    # @login_not_required marks the view function; LoginRequiredMiddleware reads the same flag.
    return getattr(view, "login_required", True) is False


def test_every_public_view_is_public_on_purpose():
    public = {name for name, view in walk(get_resolver().url_patterns) if is_public(view)}
    unexpected = public - PUBLIC_VIEWS
    assert not unexpected, f"Public without being on the list: {sorted(unexpected)}"


@pytest.mark.django_db
def test_a_private_page_sends_anonymous_visitors_to_login(client):
    response = client.get("/mon-espace/")
    assert response.status_code == 302
    assert response.url == "/comptes/login/?next=/mon-espace/"
