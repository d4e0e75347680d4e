import re

from django.conf import settings
from django.db import migrations, models

# The links that opened something in the emails recorded so far: their last path segment.
SECRET_LINKS = re.compile(
    r"/(?:accord-parental|invitation|password/reset/key|confirm-email)/([^/\s\"'<>]+)/"
)
KEYS_WITH_SECRETS = ("account:", "consent-request:", "staff-invitation:")


def take_secrets_out_of_stored_bodies(apps, schema_editor):
    """A message still to send keeps its secrets apart until delivery; one already sent (or
    given up) loses them: its bodies keep a placeholder where the link's token was."""
    Message = apps.get_model("notifications", "Message")
    query = models.Q()
    for prefix in KEYS_WITH_SECRETS:
        query |= models.Q(key__startswith=prefix)
    changed = []
    for message in Message.objects.filter(query).iterator(chunk_size=500):
        found = list(
            dict.fromkeys(SECRET_LINKS.findall(message.body_text + message.body_html))
        )
        if not found:
            continue
        found.sort(key=len, reverse=True)
        for number, secret in enumerate(found, start=1):
            placeholder = f"[[lien personnel {number}]]"
            message.body_text = message.body_text.replace(secret, placeholder)
            message.body_html = message.body_html.replace(secret, placeholder)
        message.secrets = found if message.status == "pending" else []
        changed.append(message)
    Message.objects.bulk_update(
        changed, ["body_text", "body_html", "secrets"], batch_size=500
    )


class Migration(migrations.Migration):

    dependencies = [
        ("notifications", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="secrets",
            field=models.JSONField(
                blank=True, default=list, verbose_name="secrets en attente d’envoi"
            ),
        ),
        migrations.RunPython(
            take_secrets_out_of_stored_bodies, migrations.RunPython.noop, elidable=True
        ),
        migrations.AddConstraint(
            model_name="message",
            constraint=models.CheckConstraint(
                condition=models.Q(("status", "pending"), ("secrets", []), _connector="OR"),
                name="message_secrets_only_until_delivery",
            ),
        ),
    ]
