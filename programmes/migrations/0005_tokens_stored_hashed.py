import hashlib

import programmes.tokens
from django.db import migrations


def hash_stored_tokens(apps, schema_editor):
    """Links already emailed keep working: their token is replaced by its digest."""
    for model_name in ("ParentalConsent", "StaffInvitation"):
        model = apps.get_model("programmes", model_name)
        rows = list(model.objects.only("pk", "token"))
        for row in rows:
            row.token = hashlib.sha256(row.token.encode()).hexdigest()
        model.objects.bulk_update(rows, ["token"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("programmes", "0004_association_numbers_unique"),
    ]

    operations = [
        # While the field is still a plain CharField, so the digest is written as it is.
        migrations.RunPython(hash_stored_tokens, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="parentalconsent",
            name="token",
            field=programmes.tokens.HashedTokenField(
                default=programmes.tokens.new_token, editable=False, max_length=64, unique=True
            ),
        ),
        migrations.AlterField(
            model_name="staffinvitation",
            name="token",
            field=programmes.tokens.HashedTokenField(
                default=programmes.tokens.new_token, editable=False, max_length=64, unique=True
            ),
        ),
    ]
