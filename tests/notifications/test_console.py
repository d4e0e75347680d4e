"""Under `make run` emails are printed plainly, not as Celery WARNING lines."""

import io

from django.core.mail import EmailMultiAlternatives

from mentorat.celery import app
from mentorat.notifications.console import EmailBackend


def test_an_email_reads_as_who_what_and_its_text():
    stream = io.StringIO()
    email = EmailMultiAlternatives(
        "Confirme ton adresse", "Ouvre ce lien : https://x/", to=["ines@exemple.fr"]
    )
    email.attach_alternative("<p>Ouvre ce lien</p>", "text/html")

    assert EmailBackend(stream=stream).send_messages([email]) == 1

    printed = stream.getvalue()
    assert "Courriel à ines@exemple.fr : Confirme ton adresse" in printed
    assert "Ouvre ce lien : https://x/" in printed
    assert "<p>" not in printed and "Content-Type" not in printed


def test_the_worker_leaves_printing_and_logging_to_the_platform():
    assert app.conf.worker_redirect_stdouts is False  # no "WARNING/MainProcess" around emails
    assert app.conf.worker_hijack_root_logger is False  # no second handler on the root logger
