"""The engine is pure Python: its tests run without Django settings (``-p no:django``).

The project-wide autouse fixtures of ``tests/conftest.py`` need Django's settings; these
same-named fixtures replace them for the engine's tests.
"""

import pytest


@pytest.fixture(autouse=True)
def french_by_default():
    yield


@pytest.fixture(autouse=True)
def empty_cache():
    yield
