from django.contrib import admin

from .models import Answer, Item, Questionnaire, Response


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
