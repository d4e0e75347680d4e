from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0004_key_unique_by_constraint'),
    ]

    operations = [
        migrations.AddField(
            model_name='message',
            name='headers',
            field=models.JSONField(blank=True, default=dict, verbose_name='en-têtes'),
        ),
    ]
