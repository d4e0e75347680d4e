from django.urls import path

from .views import associations, programme_settings, team, waiting_list

urlpatterns = [
    # The ministry: associations and their labels.
    path("ministere/associations/", associations.association_list, name="association_list"),
    path(
        "ministere/nouvelle-association/",
        associations.association_create,
        name="association_create",
    ),
    path(
        "ministere/associations/<slug:slug>/",
        associations.association_detail,
        name="association_detail",
    ),
    path(
        "ministere/associations/<slug:slug>/decision/<slug:decision>/",
        associations.association_decide,
        name="association_decide",
    ),
    path(
        "ministere/associations/<slug:slug>/inviter-un-coordinateur/",
        associations.association_invite_coordinator,
        name="association_invite_coordinator",
    ),
    path("ministere/liste-d-attente/", waiting_list.waiting_list, name="waiting_list"),
    # An association's team.
    path("association/<slug:slug>/equipe/", team.team, name="team"),
    path("association/<slug:slug>/equipe/inviter/", team.team_invite, name="team_invite"),
    path(
        "association/<slug:slug>/equipe/invitations/<int:pk>/annuler/",
        team.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "association/<slug:slug>/equipe/membres/<int:pk>/retirer/",
        team.member_remove,
        name="member_remove",
    ),
    path("invitation/<str:token>/", team.invitation_accept, name="invitation_accept"),
    # An association's programmes.
    path(
        "association/<slug:slug>/programmes/",
        programme_settings.programme_list,
        name="programme_list",
    ),
    path(
        "association/<slug:slug>/programmes/nouveau/",
        programme_settings.programme_create,
        name="programme_create",
    ),
    path(
        "association/<slug:slug>/programmes/<slug:programme_slug>/modifier/",
        programme_settings.programme_edit,
        name="programme_edit",
    ),
]
