from django.urls import include, path

app_name = "programmes"

urlpatterns = [
    # Ministry: associations and their labels; coordinators: their team and programmes.
    path("", include("programmes.urls_associations")),
    # Public sign-up of youths and mentors, parental consent, each person's own space.
    path("", include("programmes.urls_signup")),
    # Association staff: reviewing the people who signed up.
    path("", include("programmes.urls_vetting")),
]
