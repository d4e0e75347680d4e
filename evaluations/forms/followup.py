from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import Channel
from ..models import FollowUpNote


class FollowUpNoteForm(forms.ModelForm):
    class Meta:
        model = FollowUpNote
        fields = ["contacted_on", "contact_with", "channel", "summary", "action"]
        widgets = {
            "contacted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "contact_with": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "action": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "summary": _("Lu par l’équipe de l’association seulement, jamais par le binôme."),
            "action": _("Par exemple : rappeler le jeune dans 15 jours, proposer un changement."),
        }
        error_messages = {
            "contacted_on": {"required": _("Indiquez la date du contact.")},
            "contact_with": {"required": _("Indiquez avec qui vous avez parlé.")},
            "channel": {"required": _("Indiquez comment vous vous êtes parlé.")},
            "summary": {"required": _("Dites en quelques mots ce qui s’est dit.")},
        }

    def __init__(self, *args, pair, **kwargs):
        super().__init__(*args, **kwargs)
        self.pair = pair
        self.fields["contacted_on"].initial = timezone.localdate()
        self.fields["contact_with"].choices = self.fields["contact_with"].choices[1:]
        self.fields["channel"].choices = self.fields["channel"].choices[1:]
        self.fields["channel"].initial = Channel.PHONE

    def clean_contacted_on(self):
        day = self.cleaned_data["contacted_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Un contact ne peut pas être daté du futur."))
        if self.pair.started_on and day < self.pair.started_on:
            raise forms.ValidationError(
                _("Le binôme a commencé le %(start)s : le contact ne peut pas être plus ancien.")
                % {"start": self.pair.started_on.strftime("%d/%m/%Y")}
            )
        return day

    def save(self, *, author):
        self.instance.pair = self.pair
        self.instance.author = author
        return super().save()
