from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .enums import Role
from .managers import UserManager


class User(AbstractUser):
    """A person with an account. The email address is the login; the role says which space
    they land in. Association staff are also linked to their associations by memberships."""

    username = None
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    email = models.EmailField(_("adresse électronique"), unique=True)
    role = models.CharField(_("rôle"), max_length=16, choices=Role, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ignoring_case",
                violation_error_message=_("Un compte existe déjà avec cette adresse électronique."),
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=[*Role.values, ""]),
                name="user_role_known",
                violation_error_message=_("Rôle inconnu."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_youth(self) -> bool:
        return self.role == Role.YOUTH

    @property
    def is_mentor(self) -> bool:
        return self.role == Role.MENTOR

    @property
    def is_association_staff(self) -> bool:
        return self.role == Role.STAFF

    @property
    def is_ministry(self) -> bool:
        return self.role == Role.MINISTRY

    @property
    def has_protected_account(self) -> bool:
        """Association staff, the ministry and the technical admins read other people's
        data: their accounts need a second factor and their sessions are short."""
        return self.role in (Role.STAFF, Role.MINISTRY) or self.is_staff or self.is_superuser
