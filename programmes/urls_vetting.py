from django.urls import path, register_converter

from .views import vetting

register_converter(vetting.KindConverter, "people_kind")

PERSON = "association/<slug:slug>/inscriptions/<people_kind:kind>/<int:pk>/"
MENTOR = "association/<slug:slug>/inscriptions/mentors/<int:pk>/"
YOUTH = "association/<slug:slug>/inscriptions/jeunes/<int:pk>/"

urlpatterns = [
    path("espace-association/", vetting.staff_home, name="staff_home"),
    path(
        "association/<slug:slug>/inscriptions/<people_kind:kind>/",
        vetting.vetting_list,
        name="vetting_list",
    ),
    path(PERSON, vetting.vetting_detail, name="vetting_detail"),
    path(f"{PERSON}valider/", vetting.vetting_approve, name="vetting_approve"),
    path(f"{PERSON}refuser/", vetting.vetting_reject, name="vetting_reject"),
    path(
        f"{PERSON}modifications-relues/",
        vetting.criteria_edit_acknowledge,
        name="criteria_edit_acknowledge",
    ),
    path(f"{YOUTH}accord-parental/rouvrir/", vetting.consent_reopen, name="consent_reopen"),
    path(f"{MENTOR}referent/", vetting.mentor_referent_assign, name="mentor_referent_assign"),
    path(
        f"{MENTOR}attestation/", vetting.mentor_attestation_record, name="mentor_attestation_record"
    ),
]
