from django.contrib import admin

from .models import Association, Programme, StaffMembership


class StaffMembershipInline(admin.TabularInline):
    model = StaffMembership
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    list_display = ["name", "label_status"]
    list_filter = ["label_status"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [StaffMembershipInline]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "association", "min_duration_months", "max_interval_weeks"]
    list_select_related = ["association"]
    prepopulated_fields = {"slug": ["name"]}
