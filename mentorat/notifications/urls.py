from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/<int:pk>/", views.notification_open, name="open"),
    path("notifications/preferences/", views.preferences, name="preferences"),
    path("notifications/preferences/<str:token>/", views.one_click, name="one_click"),
]
