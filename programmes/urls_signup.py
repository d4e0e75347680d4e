from django.urls import path

from .views import consent, signup, space

urlpatterns = [
    path("inscription/jeune/", signup.youth_signup, name="youth_signup"),
    path("inscription/mentor/", signup.mentor_signup, name="mentor_signup"),
    path("confidentialite/", signup.privacy_notice, name="privacy"),
    path("charte/", signup.mentoring_charter, name="charter"),
    path("accord-parental/<str:token>/", consent.consent_answer, name="consent_answer"),
    path("mon-inscription/", space.my_space, name="my_space"),
    path("mon-inscription/completer/", space.complete_registration, name="complete_registration"),
    path("mon-inscription/modifier/", space.profile_edit, name="profile_edit"),
    path("mon-inscription/accord-parental/", space.consent_renew, name="consent_renew"),
]
