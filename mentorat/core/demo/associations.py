"""The labelled associations: created as candidates, labelled by the ministry as on the site,
each covering its départements with one programme."""

from django.utils import timezone
from django.utils.text import slugify

from programmes import flags
from programmes.enums import Need
from programmes.models import Association, Programme

# As named by the first national mentoring committee (May 2021), with the départements each
# covers in the demo (every association with people covers where they live).
LABELLED_ASSOCIATIONS = {
    "Afev": ["13", "31", "59", "69", "75", "93", "94", "974"],
    "Anaf": ["75", "92", "93"],
    "ARPEJEH": ["13", "69", "75"],
    "Article 1": ["13", "44", "59", "69", "75", "93", "974"],
    "Capital Filles": ["92", "93", "95"],
    "Chemins d'avenir": ["13", "59", "63", "69", "75", "93", "974"],
    "Collectif Powa": ["971", "974"],
    "C Possible": ["75", "92"],
    "Duo for a job": ["13", "59", "69", "75", "93", "974"],
    "Ecti-EGEE-OTECI-AgirAbdc": ["35", "69", "75"],
}
STAFFED_ASSOCIATION = "Afev"  # the demo staff work here; it has the most people
FUNDING_EUROS = 50_000


def demo_associations(*, ministry) -> dict[str, Association]:
    return {
        name: _labelled_association(name, departements, ministry=ministry)
        for name, departements in LABELLED_ASSOCIATIONS.items()
    }


def _labelled_association(name: str, departements: list[str], *, ministry) -> Association:
    slug = slugify(name)
    association, created = Association.objects.get_or_create(
        slug=slug, defaults={"name": name, "contact_email": f"contact@{slug}.demo.mentorat.local"}
    )
    if created:
        association.departements.set(departements)
        association.label(
            by=ministry,
            campaign_year=timezone.localdate().year,
            funding_euros=FUNDING_EUROS,
            reason="Association retenue par le comité national du mentorat.",
        )
    programme, created = Programme.objects.get_or_create(
        slug=f"{slug}-mentorat",
        defaults={
            "association": association,
            "name": f"Mentorat {name}",
            "description": "Programme de mentorat de l'association.",
            "needs": flags.full_mask(Need),
        },
    )
    if created:
        programme.departements.set(departements)
    return association
