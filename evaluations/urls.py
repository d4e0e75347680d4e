from django.urls import path

from .views import followup, meetings, questionnaires

app_name = "evaluations"

PAIR = "binomes/<int:pk>/"
ASSOCIATION = "association/<slug:slug>/"

urlpatterns = [
    # The pair's people and its staff.
    path(f"{PAIR}questionnaire/<str:moment>/", questionnaires.questionnaire, name="questionnaire"),
    path(
        f"{PAIR}rencontres/<int:meeting_pk>/evaluation/",
        meetings.meeting_evaluation,
        name="meeting_evaluation",
    ),
    path(f"{PAIR}bilan/", meetings.closure_evaluation, name="closure_evaluation"),
    # Association staff.
    path(f"{ASSOCIATION}suivi/", followup.follow_up, name="follow_up"),
    path(f"{ASSOCIATION}suivi/binomes/<int:pk>/", followup.pair_follow_up, name="pair_follow_up"),
    path(f"{ASSOCIATION}questionnaires/", questionnaires.versions, name="versions"),
    path(
        f"{ASSOCIATION}questionnaires/versions/<int:pk>/",
        questionnaires.version_detail,
        name="version",
    ),
    path(
        f"{ASSOCIATION}questionnaires/<str:moment>/nouvelle-version/",
        questionnaires.version_create,
        name="version_create",
    ),
]
