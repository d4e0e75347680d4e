"""The "Offre et demande" figures: youths waiting and mentors' free places per département, and
why the last batch left youths without a proposal."""

from django.db.models import Sum
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from matching.explanations import unmatched_reason_text
from vocabulary.departements import DEPARTEMENT_NAMES

from ..models import SupplyCell, UnmatchedCell
from ..scope import Scope
from ..tables import Column, Table
from .common import INTEGER, grouped, protect, share_table


def supply(scope: Scope) -> Table:
    cells = {
        code: (waiting or 0, places or 0)
        for code, waiting, places in scope.where(SupplyCell.objects.all())
        .order_by()
        .values("departement")
        .annotate(waiting=Sum("youths_waiting"), places=Sum("mentor_places"))
        .values_list("departement", "waiting", "places")
    }
    unmatched = grouped(
        scope.where(UnmatchedCell.objects.all()).order_by(), "departement", Sum("youths")
    )
    codes = sorted(set(cells) | set(unmatched))
    rows = [
        [
            code,
            DEPARTEMENT_NAMES.get(code, code),
            cells.get(code, (0, 0))[0],
            cells.get(code, (0, 0))[1],
            cells.get(code, (0, 0))[1] - cells.get(code, (0, 0))[0],
            unmatched.get(code) or 0,
        ]
        for code in codes
    ]
    total_row = [
        "",
        _("Total"),
        sum(r[2] for r in rows),
        sum(r[3] for r in rows),
        sum(r[4] for r in rows),
        sum(r[5] for r in rows),
    ]
    protect(scope, rows, 2, linked=(4,), total_row=total_row)
    protect(scope, rows, 5, total_row=total_row)
    return Table(
        slug="offre-demande",
        title=_("Jeunes en attente et places de mentors, par département"),
        columns=[
            Column("code", _("Code")),
            Column("departement", _("Département")),
            Column("waiting", _("Jeunes en attente"), INTEGER),
            Column("places", _("Places de mentors libres"), INTEGER, people=False),
            Column("balance", _("Places moins jeunes en attente"), INTEGER, people=False),
            Column("unmatched", _("Sans proposition au dernier lot"), INTEGER),
        ],
        rows=[*rows, total_row],
        chart="map",
        notes=[
            _(
                "Un solde négatif : des mentors à recruter dans ce département. Jeunes prêts "
                "ou en liste d’attente, sans binôme en cours."
            )
        ],
    )


def unmatched_reasons(scope: Scope) -> Table:
    counts = grouped(scope.where(UnmatchedCell.objects.all()).order_by(), "reason", Sum("youths"))
    return share_table(
        scope,
        slug="sans-proposition",
        title=_("Pourquoi des jeunes sont restés sans proposition au dernier lot"),
        label=_("Motif"),
        keys=[(code, capfirst(unmatched_reason_text(code))) for code in sorted(counts)],
        counts=counts,
        unit=_("Jeunes"),
        chart="bar",
    )
