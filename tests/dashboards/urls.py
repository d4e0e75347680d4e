"""The site's URLs plus one test-only page: a dashboard figure of each chart kind, rendered by
the include the dashboards use (tests/browser/test_dashboard_charts.py)."""

import datetime

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from mentorat.dashboards.tables import HIDDEN, Column, ColumnKind, Table
from mentorat.urls import urlpatterns as site_urlpatterns

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>Figures</h1>'
    "{% for table in tables %}"
    '{% include "dashboards/_chart.html" with table=table %}'
    "{% endfor %}{% endblock %}"
)


def tables():
    count = Column("pairs", "Binômes", ColumnKind.INTEGER)
    return [
        Table(
            "durations",
            "Binômes par durée",
            (Column("bucket", "Durée"), count),
            [("< 3 mois", 120), ("3-6 mois", 80), ("6-9 mois", HIDDEN), ("9-12 mois", 40)],
            chart="bar",
        ),
        Table(
            "started",
            "Binômes commencés par mois",
            (Column("month", "Mois", ColumnKind.DATE), count),
            [(datetime.date(2026, month, 1), 10 * month) for month in range(1, 7)],
            chart="line",
        ),
        Table(
            "cadence",
            "Rythme des binômes actifs",
            (Column("status", "Rythme"), Column("share", "Part", ColumnKind.PERCENT)),
            iter([("À jour", 0.7), ("Rencontre à prévoir", 0.2), ("En retard", 0.1)]),
            chart="pie",
        ),
        Table(
            "supply",
            "Jeunes en attente par département",
            (
                Column("departement", "Département"),
                Column("waiting", "Jeunes en attente", ColumnKind.INTEGER),
            ),
            [
                ("75 Paris", 30),
                ("13 Bouches-du-Rhône", 12),
                ("69 Rhône", HIDDEN),
                ("971 Guadeloupe", 7),
            ],
            chart="map",
        ),
    ]


@login_not_required
def figures(request):
    return HttpResponse(PAGE.render({"tables": tables()}, request))


urlpatterns = [path("test-figures/", figures), *site_urlpatterns]
