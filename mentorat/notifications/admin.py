from django.contrib import admin

from .models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["key", "to_email", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["key", "to_email"]
    # The secrets a pending message carries are never shown (its bodies hold placeholders).
    exclude = ["secrets"]
    readonly_fields = [field.name for field in Message._meta.fields if field.name != "secrets"]
