from django.urls import path

from . import views

app_name = "legal"

urlpatterns = [
    path("donnees-personnelles/", views.privacy, name="privacy"),
    path("mentions-legales/", views.notice, name="notice"),
    path("accessibilite/", views.accessibility, name="accessibility"),
]
