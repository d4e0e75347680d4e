"""What a dashboard looks at: a year and, optionally, an association, a programme, a région,
a département, or a referent's pairs. Every figure takes a Scope, so that the ministry's
national pages and an association's own pages are the same code with a different scope.
"""

from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.db.models import Count, F, Q, Sum, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import Association, Departement, Programme

from .geo import REGIONS
from .models import PairFact, ReachCell, SignupCell, YouthFact, YouthYear
from .summaries.reach import narrowed, reach_dimensions
from .summaries.signups import DELAY_FIELDS, funnel_counts

FIRST_YEAR = 2021


@dataclass(frozen=True)
class Scope:
    year: int = field(default_factory=lambda: timezone.localdate().year)
    association: Association | None = None
    programme: Programme | None = None
    region: str = ""
    departement: str = ""
    referent_id: int | None = None  # a referent sees the pairs of the mentors they follow
    national: bool = True  # the ministry's view: small cells hidden, never a name
    today: date = field(default_factory=timezone.localdate)

    @classmethod
    def for_association(cls, association, *, referent_id=None, **kwargs) -> "Scope":
        return cls(association=association, referent_id=referent_id, national=False, **kwargs)

    @property
    def year_start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def year_end(self) -> date:
        return date(self.year, 12, 31)

    @property
    def on(self) -> date:
        """The day "now" means for this year: today, or the year's last day if it is over."""
        return min(self.today, self.year_end)

    def where(self, queryset):
        """Any fact (pairs, youths, supply cells) narrowed to this scope's place and team."""
        conditions = Q()
        if self.association is not None:
            conditions &= Q(association_id=self.association.pk)
        if self.programme is not None:
            conditions &= Q(programme_id=self.programme.pk)
        if self.region:
            conditions &= Q(region=self.region)
        if self.departement:
            conditions &= Q(departement=self.departement)
        if self.referent_id is not None and hasattr(queryset.model, "referent_id"):
            conditions &= Q(referent_id=self.referent_id)
        return queryset.filter(conditions)

    def pairs(self):
        return self.where(PairFact.objects.all()).order_by()

    def pairs_of_year(self):
        """Pairs that ran at some point of the year (started by its end, not ended before)."""
        return self.pairs().filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=self.year_start),
            started_on__lte=self.year_end,
        )

    def pairs_started(self):
        return self.pairs().filter(start_year=self.year)

    def pairs_closed(self):
        return self.pairs().filter(end_year=self.year)

    def youths_mentored(self):
        """One row per youth with a pair running during the year."""
        return self.where(YouthYear.objects.filter(year=self.year)).order_by()

    def reach(self, dimension: str = "total", key: str = "value") -> dict:
        """Youths mentored in the year, per value of ``key`` ("value": the dimension's own
        values; or "association_id", "region", "departement") in one query."""
        if self.referent_id is None:
            cells = self.where(ReachCell.objects.filter(year=self.year, dimension=dimension))
            return dict(
                cells.order_by().values(key).annotate(n=Sum("youths")).values_list(key, "n")
            )
        rows, field = narrowed(self.youths_mentored(), dimension)
        if key == "value" and field is None:
            return {"": rows.count()}
        group = field if key == "value" else key
        return dict(rows.values(group).annotate(n=Count("pk")).values_list(group, "n"))

    def reach_totals(self, dimensions) -> dict:
        """Youths mentored in the year in each of these dimensions (each a group: a priority
        public, a need, or "total"), in one query."""
        if self.referent_id is None:
            cells = self.where(
                ReachCell.objects.filter(year=self.year, dimension__in=list(dimensions))
            )
            found = dict(
                cells.order_by()
                .values("dimension")
                .annotate(n=Sum("youths"))
                .values_list("dimension", "n")
            )
            return {dimension: found.get(dimension, 0) for dimension in dimensions}
        counts = {}
        rows = self.youths_mentored()
        for i, dimension in enumerate(dimensions):
            condition, _field, bit = reach_dimensions()[dimension]
            if bit is not None:
                rows = rows.annotate(**{f"bit{i}": F("needs").bitand(bit)})
                condition = Q(**{f"bit{i}__gt": 0})
            counts[dimension] = Count("pk", filter=condition) if condition else Count("pk")
        return rows.aggregate(**counts)

    def funnel(self) -> dict:
        """Youths who signed up in the year, and how many of them reached each step since."""
        if self.referent_id is None:
            cells = self.where(SignupCell.objects.filter(signup_year=self.year, days=None))
            found = dict(
                cells.order_by()
                .values("measure")
                .annotate(n=Sum("youths"))
                .values_list("measure", "n")
            )
            return {code: found.get(code, 0) for code in funnel_counts(None)}
        return self.youths_signed_up().aggregate(**funnel_counts(None))

    def delays(self) -> dict[str, dict[int, int]]:
        """For each delay between two steps: {days: youths}, in one query."""
        histograms = {field: {} for field in DELAY_FIELDS}
        if self.referent_id is None:
            cells = self.where(SignupCell.objects.filter(signup_year=self.year, days__isnull=False))
            rows = (
                cells.order_by()
                .values("measure", "days")
                .annotate(n=Sum("youths"))
                .values_list("measure", "days", "n")
            )
        else:
            parts = [
                self.youths_signed_up()
                .filter(**{f"{field}__isnull": False})
                .annotate(measure=Value(field), days=F(field))
                .values("measure", "days")
                .annotate(n=Count("youth_id"))
                .values_list("measure", "days", "n")
                for field in DELAY_FIELDS
            ]
            rows = parts[0].union(*parts[1:], all=True)
        for measure, days, n in rows:
            histograms[measure][days] = histograms[measure].get(days, 0) + n
        return histograms

    def youths(self):
        return self.where(YouthFact.objects.all()).order_by()

    def youths_signed_up(self):
        return self.youths().filter(signup_year=self.year)


class FilterForm(forms.Form):
    """The filters, in the URL (a GET form), so that a view can be shared."""

    annee = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False)
    association = forms.ModelChoiceField(
        label=_("Association"),
        queryset=Association.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Toutes"),
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous"),
    )
    region = forms.ChoiceField(label=_("Région"), required=False)
    departement = forms.ModelChoiceField(
        label=_("Département"),
        queryset=Departement.objects.all(),
        required=False,
        empty_label=_("Tous"),
    )

    def __init__(self, *args, association=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = today or timezone.localdate()
        self.fixed_association = association
        self.fields["annee"].choices = [
            (year, str(year)) for year in range(today.year, FIRST_YEAR - 1, -1)
        ]
        self.fields["region"].choices = [
            ("", _("Toutes")),
            *sorted(REGIONS.items(), key=lambda r: r[1]),
        ]
        if association is None:
            self.fields["association"].queryset = Association.objects.order_by("name")
            self.fields["programme"].queryset = Programme.objects.select_related(
                "association"
            ).order_by("name")
        else:
            del self.fields["association"]
            self.fields["programme"].queryset = association.programmes.select_related(
                "association"
            ).order_by("name")
        # Every filter may be left empty (that is the whole view): no "(facultatif)" on each
        # label, which made the labels wrap and the lists stand at different heights.
        for form_field in self.fields.values():
            form_field.optional_unmarked = True

    def clean(self):
        cleaned = super().clean()
        programme, association = cleaned.get("programme"), cleaned.get("association")
        if programme and association and programme.association_id != association.pk:
            raise forms.ValidationError(_("Ce programme n’est pas celui de cette association."))
        return cleaned

    def scope(self, *, today, **fixed) -> Scope:
        data = self.cleaned_data
        departement = data.get("departement")
        association = data.get("association") or fixed.pop("association", None)
        return Scope(
            year=data.get("annee") or today.year,
            association=association,
            programme=data.get("programme"),
            region=data.get("region") or "",
            departement=departement.code if departement else "",
            today=today,
            **fixed,
        )
