from django.contrib import admin

from .models import (
    Answer,
    ClosureEvaluation,
    FollowUpNote,
    Item,
    MeetingEvaluation,
    Questionnaire,
    Response,
)


class ItemInline(admin.TabularInline):
    model = Item
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["kind", "association", "version", "created_at"]
    list_filter = ["kind"]
    inlines = [ItemInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    readonly_fields = ["item", "number", "text"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    """Read-only: the youth's answers are theirs."""

    list_display = ["pair", "kind", "submitted_at"]
    list_filter = ["kind"]
    list_select_related = ["pair__youth__user", "pair__mentor__user"]
    readonly_fields = ["pair", "questionnaire", "kind", "respondent", "submitted_at"]
    inlines = [AnswerInline]

    def has_add_permission(self, request):
        return False


@admin.register(MeetingEvaluation)
class MeetingEvaluationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "role", "usefulness", "progress", "fit", "created_at"]
    list_filter = ["role", "fit"]
    list_select_related = ["meeting__pair__youth__user", "meeting__pair__mentor__user"]
    readonly_fields = [field.name for field in MeetingEvaluation._meta.fields]


@admin.register(ClosureEvaluation)
class ClosureEvaluationAdmin(admin.ModelAdmin):
    list_display = ["pair", "role", "usefulness", "again", "created_at"]
    list_select_related = ["pair__youth__user", "pair__mentor__user"]
    readonly_fields = [field.name for field in ClosureEvaluation._meta.fields]


@admin.register(FollowUpNote)
class FollowUpNoteAdmin(admin.ModelAdmin):
    list_display = ["pair", "contacted_on", "contact_with", "author"]
    list_select_related = ["pair__youth__user", "pair__mentor__user", "author"]
    raw_id_fields = ["pair", "author"]
