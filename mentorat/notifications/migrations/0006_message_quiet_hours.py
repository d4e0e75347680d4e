from django.db import migrations, models


def reminders_keep_quiet_hours(apps, schema_editor):
    """Messages already made from notifications (the reminders) wait for the morning too."""
    Message = apps.get_model("notifications", "Message")
    Notification = apps.get_model("notifications", "Notification")
    Message.objects.filter(
        status="pending", key__in=Notification.objects.values("key")
    ).update(quiet_hours=True)


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0005_message_headers'),
    ]

    operations = [
        migrations.AddField(
            model_name='message',
            name='quiet_hours',
            field=models.BooleanField(default=False, verbose_name='jamais la nuit'),
        ),
        migrations.RunPython(reminders_keep_quiet_hours, migrations.RunPython.noop),
    ]
