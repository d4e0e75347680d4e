"""The national targets as data: 100,000 youths mentored in 2021, 200,000 in 2022, and the
same 200,000 for the years since, until the ministry edits them (its targets page)."""

from django.db import migrations

TARGETS = {2021: 100_000, 2022: 200_000, 2023: 200_000, 2024: 200_000, 2025: 200_000, 2026: 200_000}


def load(apps, schema_editor):
    YearlyTarget = apps.get_model("dashboards", "YearlyTarget")
    for year, youths in TARGETS.items():
        YearlyTarget.objects.get_or_create(year=year, defaults={"youths": youths})


class Migration(migrations.Migration):
    dependencies = [("dashboards", "0001_summaries")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
