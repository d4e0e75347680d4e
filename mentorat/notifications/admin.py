from django.contrib import admin

from .models import Message, Notification


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["key", "to_email", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["key", "to_email"]
    # The secrets a pending message carries are never shown (its bodies hold placeholders).
    exclude = ["secrets"]
    readonly_fields = [field.name for field in Message._meta.fields if field.name != "secrets"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "recipient", "email_state", "created_at", "read_at"]
    list_filter = ["kind", "email_state"]
    search_fields = ["key", "email"]
    raw_id_fields = ["recipient"]
    readonly_fields = [field.name for field in Notification._meta.fields]
