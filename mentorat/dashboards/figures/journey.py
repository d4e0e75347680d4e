"""The "Parcours" figures: how far the youths who signed up in the year got (the funnel), and
the median days between its steps."""

from django.utils.translation import gettext_lazy as _

from ..scope import Scope
from ..suppression import WITHHELD, chain, small
from ..tables import Column, Hidden, Table
from .common import DECIMAL, INTEGER, PERCENT, share

FUNNEL_STEPS = (
    ("signed_up", _("Inscrits"), None),
    ("vetted", _("Inscription validée"), "vetted_on"),
    ("proposed", _("Binôme proposé"), "proposed_on"),
    ("active", _("Binôme commencé"), "active_on"),
    ("first_meeting", _("Première rencontre"), "first_meeting_on"),
    ("minimum", _("6 mois atteints"), "minimum_on"),
    ("completed", _("Objectifs atteints (terminé)"), "completed_on"),
)

# Steps a running pair reaches with time: youths short of them are not lost (yet).
NOT_YET = ("minimum", "completed")

DELAYS = (
    ("days_to_vetted", _("De l’inscription à la validation")),
    ("days_to_proposed", _("De la validation à la proposition")),
    ("days_to_active", _("De la proposition au début du binôme")),
    ("days_to_first_meeting", _("Du début du binôme à la première rencontre")),
    ("days_signup_to_first_meeting", _("De l’inscription à la première rencontre")),
)
# The funnel's steps a delay's youths have reached (its count is about theirs).
DELAY_STEPS = {
    "days_to_vetted": ("signed_up", "vetted"),
    "days_to_proposed": ("vetted", "proposed"),
    "days_to_active": ("proposed", "active"),
    "days_to_first_meeting": ("active", "first_meeting"),
    "days_signup_to_first_meeting": ("signed_up", "first_meeting"),
}


def hidden_steps(funnel_table: Table) -> set[str]:
    """The funnel's steps a page hides: a table beside it must not show their counts."""
    return {
        code
        for (code, _label, _field), row in zip(FUNNEL_STEPS, funnel_table.rows, strict=True)
        if isinstance(row[1], Hidden)
    }


def funnel(scope: Scope) -> Table:
    """Youths who signed up in the year, and how many reached each step since."""
    counts = scope.funnel()
    values = [counts[code] for code, _label, _field in FUNNEL_STEPS]
    drops = [None] + [values[i - 1] - values[i] for i in range(1, len(values))]
    shown, shown_drops = chain(values) if scope.national else (values, drops)
    rows = [
        [
            label,
            shown[i],
            None if code in NOT_YET else shown_drops[i],
            share(scope, shown[i], shown[i - 1]) if i else None,
        ]
        for i, (code, label, _field) in enumerate(FUNNEL_STEPS)
    ]
    if scope.national:
        for i in range(1, len(rows)):
            if isinstance(shown_drops[i], Hidden):
                rows[i][3] = WITHHELD
    return Table(
        slug="parcours",
        title=_("Parcours des jeunes inscrits en %(year)s") % {"year": scope.year},
        columns=[
            Column("step", _("Étape")),
            Column("youths", _("Jeunes"), INTEGER),
            Column("drop", _("Perdus depuis l’étape précédente"), INTEGER),
            Column("kept", _("Part de l’étape précédente"), PERCENT),
        ],
        rows=rows,
        chart="bar",
        notes=[
            _("Chaque jeune inscrit dans l’année est suivi jusqu’à aujourd’hui."),
            _(
                "« 6 mois atteints » et « Objectifs atteints » : des binômes encore en cours "
                "n’y sont pas encore arrivés ; l’écart avec l’étape précédente n’est pas une perte."
            ),
        ],
    )


def median_of(histogram: dict[int, int]) -> float | None:
    """The median of values given as {value: how many times}."""
    total = sum(histogram.values())
    if not total:
        return None
    values = sorted(histogram)

    def nth(k: int) -> int:  # the k-th smallest value, from 0
        seen = 0
        for value in values:
            seen += histogram[value]
            if seen > k:
                return value
        return values[-1]

    if total % 2:
        return float(nth(total // 2))
    return (nth(total // 2 - 1) + nth(total // 2)) / 2


def delays(scope: Scope, *, hidden: set[str] = frozenset()) -> Table:
    """The median number of days between two steps (one query: a histogram per delay).
    ``hidden``: the steps the funnel beside it hides (their counts would come back here)."""
    histograms = scope.delays()
    rows = []
    for field, label in DELAYS:
        count = sum(histograms[field].values())
        rows.append([label, median_of(histograms[field]), count])
    if scope.national:
        for (field, _label), row in zip(DELAYS, rows, strict=True):
            if row[2] < 5:
                row[1], row[2] = WITHHELD, small(row[2])
            elif hidden & set(DELAY_STEPS[field]):
                row[2] = WITHHELD
    return Table(
        slug="delais",
        title=_("Délais médians (jours)"),
        columns=[
            Column("between", _("Entre")),
            # The median first: the chart draws the first figure column (and its kind's).
            Column("median", _("Délai médian (jours)"), DECIMAL),
            Column("youths", _("Jeunes"), INTEGER),
        ],
        rows=rows,
        chart="bar",
    )
