from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("journal/", views.trail, name="trail"),
    path("journal/<slug:slug>/", views.association_trail, name="association_trail"),
]
