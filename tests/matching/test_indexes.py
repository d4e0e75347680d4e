"""Meetings are read by pair (the pair's page, the cadence, the risk signals, the reminders)
through one index whose leading column is the pair: (pair, -held_on). A second index on the
pair alone would only cost every insert."""

import pytest
from django.db import connection

from matching.models import Meeting

pytestmark = pytest.mark.django_db


def test_meetings_have_one_index_led_by_the_pair():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Meeting._meta.db_table)
    led_by_pair = sorted(
        name
        for name, constraint in constraints.items()
        if constraint["index"] and constraint["columns"][:1] == ["pair_id"]
    )
    assert led_by_pair == ["meeting_pair_held_on"]
    assert constraints["meeting_pair_held_on"]["columns"] == ["pair_id", "held_on"]
