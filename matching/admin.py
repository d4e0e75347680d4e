from django.contrib import admin

from .models import MatchingRun, MatchingWeights, Pair, PairEvent


class PairEventInline(admin.TabularInline):
    model = PairEvent
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "at", "by", "reason"]


@admin.register(Pair)
class PairAdmin(admin.ModelAdmin):
    """Read-only: a pair changes through its named transitions, never by hand."""

    list_display = ["youth", "mentor", "programme", "status", "score", "proposed_at"]
    list_filter = ["status"]
    list_select_related = ["youth__user", "mentor__user", "programme"]
    search_fields = ["youth__user__email", "mentor__user__email"]
    readonly_fields = [field.name for field in Pair._meta.fields]
    inlines = [PairEventInline]

    def has_add_permission(self, request):
        return False


@admin.register(MatchingRun)
class MatchingRunAdmin(admin.ModelAdmin):
    list_display = ["scope", "status", "progress", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = ["scope", "programme", "started_by", "created_at", "summary", "error"]


admin.site.register(MatchingWeights)
