import uuid
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.utils import translation

from mentorat.notifications.services import message_record

from . import login_limits
from .client_ip import client_ip


def the_site() -> SimpleNamespace:
    """The site as allauth's templates name it: its name and domain, from the settings (not
    from the request, and not from django.contrib.sites, which the platform does not use)."""
    return SimpleNamespace(name=str(settings.SITE_NAME), domain=urlsplit(settings.SITE_URL).netloc)


# What in allauth's email context opens an account: never kept in the outbox after delivery.
SECRET_CONTEXT = ("key", "code", "password_reset_url", "activate_url")


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails (confirmation, password reset...) go out through our outbox, in
        the platform's layout, text and HTML, and speak to a youth with "tu"."""
        user = context.get("user")
        message = self.render_mail(
            template_prefix,
            email,
            {
                "email": email,
                "current_site": the_site(),
                "site_url": settings.SITE_URL,
                "tu": bool(user and user.is_youth),
                **context,
            },
        )
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        message_record(
            # Each of these emails is a new one (a fresh link), hence a random key.
            key=f"account:{template_prefix.rsplit('/', 1)[-1]}:{uuid.uuid4()}",
            to_email=email,
            subject=message.subject,
            body_text=message.body,
            body_html=html,
            recipient=user,
            # The key of a password reset or address confirmation link, or a code.
            secrets=[context[name] for name in SECRET_CONTEXT if context.get(name)],
        )

    def pre_authenticate(self, request, **credentials) -> None:
        """Growing delays after failed sign-ins (login_limits.py) instead of allauth's lock
        of the account after a few failures."""
        super().pre_authenticate(request, **credentials)
        wait = login_limits.wait_for(request, login_limits.login_of(credentials))
        if wait > 0:
            raise forms.ValidationError(login_limits.too_many_message(wait))

    def authentication_failed(self, request, **credentials) -> None:
        login_limits.record_failure(request, login_limits.login_of(credentials))

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            login_limits.record_success(request, user)
        return user

    def get_client_ip(self, request) -> str:
        """allauth's rate limits count visitors by the same address as ours."""
        return client_ip(request)

    def get_language(self) -> str:
        return translation.get_language() or "fr"
