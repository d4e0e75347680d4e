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


@admin.register(ParentalConsent)
class ParentalConsentAdmin(admin.ModelAdmin):
    """A history: read here, written only by the youth's requests, the parents' answers and
    the association's reopenings."""

    list_display = ["youth", "guardian_name", "requested_at", "decision", "decided_at"]
    list_filter = ["decision"]
    list_select_related = ["youth__user"]
    search_fields = ["youth__user__email", "youth__user__last_name", "guardian_email"]
    fields = [
        "youth",
        "guardian_name",
        "guardian_email",
        "requested_at",
        "requested_by",
        "reopen_reason",
        "expires_at",
        "decision",
        "decided_at",
        "signed_name",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
