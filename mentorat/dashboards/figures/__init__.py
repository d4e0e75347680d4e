"""Every figure of the dashboards, written once: each takes a Scope and returns a Table (one
query per table, on the summaries). On the ministry's scope (``scope.national``), counts of
fewer than 5 youths are hidden, with complementary suppression (see suppression.py).

One module per page of the ministry's dashboards, which the association's pages share:
overview (headline, pairs started each month), journey (the funnel, "Parcours"), durations
("Durées et arrêts"), rhythm ("Rythme"), public ("Public accompagné"), results ("Résultats"),
supply ("Offre et demande"), associations; common holds what they all use.
"""
