import pytest
from django.contrib import admin
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory

pytestmark = pytest.mark.django_db


def test_every_admin_list_and_form_opens(client):
    PairFactory()
    client.force_login(UserFactory(ministry=True, is_staff=True, is_superuser=True))
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert client.get(reverse(f"{prefix}_changelist")).status_code == 200, prefix
        instance = model._default_manager.first()
        if instance is not None:
            change = reverse(f"{prefix}_change", args=[instance.pk])
            assert client.get(change).status_code == 200, prefix
