import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from mentorat.notifications.services import message_record

from .client_ip import client_ip

# What in allauth's email context opens an account: never kept in the outbox after delivery.
SECRET_CONTEXT = ("key", "code", "password_reset_url", "activate_url")


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails (confirmation, password reset...) go out through our outbox."""
        request = allauth_context.request
        defaults = {"email": email, "current_site": get_current_site(request)}
        message = self.render_mail(template_prefix, email, {**defaults, **context})
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
            recipient=context.get("user"),
            # The key of a password reset or address confirmation link, or a code.
            secrets=[context[name] for name in SECRET_CONTEXT if context.get(name)],
        )

    def get_client_ip(self, request) -> str:
        """allauth's rate limits count visitors by the same address as ours."""
        return client_ip(request)

    def get_language(self) -> str:
        return translation.get_language() or "fr"
