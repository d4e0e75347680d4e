from django.db import migrations

from vocabulary.departements import DEPARTEMENTS


def load_departements(apps, schema_editor):
    Departement = apps.get_model("programmes", "Departement")
    for code, name in DEPARTEMENTS:
        Departement.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(load_departements, migrations.RunPython.noop)]
