from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    YOUTH = "youth", _("Jeune accompagné(e)")
    MENTOR = "mentor", _("Mentor")
    STAFF = "staff", _("Équipe d'une association")
    MINISTRY = "ministry", _("Administration du ministère")


# The roles a person can give themselves at sign-up; the others are granted.
SELF_CHOSEN_ROLES = (Role.YOUTH, Role.MENTOR)
