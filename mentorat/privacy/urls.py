from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("mes-donnees/", views.my_data, name="export"),
    path("mes-donnees/telecharger/", views.my_data_json, name="export_json"),
    path("mes-donnees/effacement/", views.erase, name="erase"),
    path("mes-donnees/effacement/fait/", views.erased, name="erased"),
]
