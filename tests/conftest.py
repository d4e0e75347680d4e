import pytest
from django.core.cache import cache, caches
from django.utils import translation


@pytest.fixture(autouse=True)
def french_by_default():
    """Every test starts in French, the interface language."""
    with translation.override("fr"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached pages must not leak from one test into the next."""
    for each in (cache, caches["blank_forms"]):
        each.clear()
    yield
    for each in (cache, caches["blank_forms"]):
        each.clear()
