from allauth.account.signals import email_confirmed
from django.dispatch import receiver
from django.urls import reverse

from mentorat.notifications.services import message_send


@receiver(email_confirmed)
def welcome_on_confirmation(sender, request, email_address, **kwargs):
    user = email_address.user
    message_send(
        key=f"welcome:user-{user.pk}",
        to_email=email_address.email,
        template="welcome",
        context={
            "user": user,
            "dashboard_url": request.build_absolute_uri(reverse("core:dashboard")),
        },
        recipient=user,
    )
