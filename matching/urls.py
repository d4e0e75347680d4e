from django.urls import path

from .views import (
    batch,
    closure,
    meetings,
    objectives,
    pair,
    people,
    review,
    staff,
    suggestions,
    weights,
)

app_name = "matching"

ASSOCIATION = "association/<slug:slug>/mise-en-relation/"
PROGRAMME = f"{ASSOCIATION}programmes/<slug:programme_slug>/"
RUN = f"{PROGRAMME}lots/<int:pk>/"
NATIONAL = "ministere/mise-en-relation/"
PAIR = "binomes/<int:pk>/"

urlpatterns = [
    # Youths and mentors: their proposals and pairs.
    path("mes-binomes/", people.my_pairs, name="my_pairs"),
    path("mes-binomes/<int:pk>/reponse/", people.answer, name="answer"),
    # A pair's page, for its youth, its mentor and its staff; and its life.
    path(PAIR, pair.pair_detail, name="pair"),
    path(f"{PAIR}rencontres/noter/", meetings.meeting_log, name="meeting_log"),
    path(
        f"{PAIR}rencontres/<int:meeting_pk>/confirmer/",
        meetings.meeting_answer,
        name="meeting_answer",
    ),
    path(f"{PAIR}rencontres/planifier/", meetings.meeting_plan, name="meeting_plan"),
    path(
        f"{PAIR}rencontres/planifiees/<int:planned_pk>/annuler/",
        meetings.planned_cancel,
        name="planned_cancel",
    ),
    path(
        f"{PAIR}rencontres/planifiees/<int:planned_pk>/agenda.ics",
        meetings.planned_ics,
        name="planned_ics",
    ),
    path(f"{PAIR}objectifs/ajouter/", objectives.objective_add, name="objective_add"),
    path(
        f"{PAIR}objectifs/<int:objective_pk>/",
        objectives.objective_edit,
        name="objective_edit",
    ),
    path(f"{PAIR}cloture/demander/", closure.completion_request, name="completion_request"),
    path(f"{PAIR}cloture/confirmer/", closure.completion_confirm, name="completion_confirm"),
    path(f"{PAIR}arret/", closure.end_early, name="end_early"),
    path(f"{PAIR}nouveau-mentor/", closure.rematch, name="rematch"),
    # Association staff.
    path(ASSOCIATION, staff.home, name="home"),
    path(f"{ASSOCIATION}jeunes/<int:pk>/", suggestions.suggestions, name="suggestions"),
    path(
        f"{ASSOCIATION}jeunes/<int:pk>/proposer/<int:mentor_pk>/",
        suggestions.propose,
        name="propose",
    ),
    path(PROGRAMME, batch.programme_matching, name="programme"),
    path(f"{PROGRAMME}lancer/", batch.run_launch, name="run_launch"),
    path(RUN, batch.run_detail, name="run"),
    path(f"{RUN}avancement/", batch.run_progress, name="run_progress"),
    path(f"{PROGRAMME}propositions/", review.proposals, name="proposals"),
    path(
        f"{PROGRAMME}propositions/<int:pk>/valider/",
        review.proposal_approve,
        name="proposal_approve",
    ),
    path(
        f"{PROGRAMME}propositions/<int:pk>/ecarter/",
        review.proposal_reject,
        name="proposal_reject",
    ),
    path(f"{PROGRAMME}binomes/", staff.pairs, name="pairs"),
    path(f"{PROGRAMME}ponderations/", weights.weights, name="weights"),
    # The ministry: batches over every programme.
    path(NATIONAL, batch.national, name="national"),
    path(f"{NATIONAL}lots/<int:pk>/", batch.national_run, name="national_run"),
    path(
        f"{NATIONAL}lots/<int:pk>/avancement/",
        batch.national_run_progress,
        name="national_run_progress",
    ),
]
