from django.contrib import admin

from .models import (
    Association,
    LabelDecision,
    MentorProfile,
    ParentalConsent,
    Programme,
    StaffInvitation,
    StaffMembership,
    YouthProfile,
)


class StaffMembershipInline(admin.TabularInline):
    model = StaffMembership
    autocomplete_fields = ["user"]
    extra = 0


class LabelDecisionInline(admin.TabularInline):
    model = LabelDecision
    extra = 0
    readonly_fields = ["status", "decided_at", "decided_by", "reason", "campaign_year"]
    can_delete = False


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    list_display = ["name", "label_status", "rna", "siren"]
    list_filter = ["label_status"]
    search_fields = ["name", "rna", "siren"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["departements"]
    inlines = [StaffMembershipInline, LabelDecisionInline]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "association", "open_for_signup", "capacity"]
    list_select_related = ["association"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["departements"]


@admin.register(YouthProfile)
class YouthProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "programme", "departement", "status"]
    list_filter = ["status", "situation"]
    list_select_related = ["user", "programme"]
    search_fields = ["user__email", "user__last_name"]
    raw_id_fields = ["user", "programme", "reviewed_by", "possible_duplicate_of"]


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "programme", "departement", "status", "capacity"]
    list_filter = ["status", "sector"]
    list_select_related = ["user", "programme"]
    search_fields = ["user__email", "user__last_name"]
    raw_id_fields = ["user", "programme", "reviewed_by", "attestation_checked_by", "referent"]


admin.site.register(StaffInvitation)
admin.site.register(ParentalConsent)
