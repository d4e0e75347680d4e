"""Passwords are hashed with Argon2id at Django's own cost; older PBKDF2 hashes still work."""

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password
from django.test import override_settings
from django.urls import reverse

from mentorat.settings import base
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# The tests' own settings hash with MD5 for speed: these tests use the platform's.
platform_hashers = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)


@platform_hashers
def test_a_new_password_is_hashed_with_argon2id_at_djangos_own_cost():
    encoded = make_password(PASSWORD)

    # 100 MiB of memory, 2 passes, 8 lanes: Django's Argon2PasswordHasher, never lowered.
    assert encoded.startswith("argon2$argon2id$v=19$m=102400,t=2,p=8$")


@platform_hashers
def test_a_password_hashed_with_pbkdf2_still_logs_in_and_is_rehashed_with_argon2(client):
    user = UserFactory(email="karim@exemple.fr", mentor=True)
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])

    response = client.post(
        reverse("account_login"), {"login": "karim@exemple.fr", "password": PASSWORD}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
