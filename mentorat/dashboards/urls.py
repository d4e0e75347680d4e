from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    # The ministry: the national programme, filtered by year, association, région...
    path("ministere/tableau-de-bord/", views.national, name="national"),
    path("ministere/tableau-de-bord/parcours/", views.national_funnel, name="national_funnel"),
    path("ministere/tableau-de-bord/durees/", views.national_durations, name="national_durations"),
    path("ministere/tableau-de-bord/rythme/", views.national_cadence, name="national_cadence"),
    path("ministere/tableau-de-bord/public/", views.national_reach, name="national_reach"),
    path("ministere/tableau-de-bord/resultats/", views.national_outcomes, name="national_outcomes"),
    path("ministere/tableau-de-bord/territoires/", views.national_supply, name="national_supply"),
    path(
        "ministere/tableau-de-bord/associations/",
        views.national_associations,
        name="national_associations",
    ),
    path("ministere/tableau-de-bord/objectifs/", views.targets, name="targets"),
    # An association's own: its coordinators (all of it), its referents (their mentors' pairs).
    path("association/<slug:slug>/tableau-de-bord/", views.association, name="association"),
    path(
        "association/<slug:slug>/tableau-de-bord/parcours/",
        views.association_indicators,
        name="association_indicators",
    ),
    path(
        "association/<slug:slug>/tableau-de-bord/resultats/",
        views.association_outcomes,
        name="association_outcomes",
    ),
]
