from django.db import migrations


def load(apps, schema_editor):
    from evaluations.defaults import load_version_1

    load_version_1(apps.get_model("evaluations", "Questionnaire"), apps.get_model("evaluations", "Item"))


def unload(apps, schema_editor):
    apps.get_model("evaluations", "Questionnaire").objects.filter(
        association__isnull=True, version=1
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0001_questionnaires"),
    ]

    operations = [migrations.RunPython(load, unload)]
