"""`{% crispy_blank form %}`: `{% crispy form %}`, with a blank form's HTML rendered once.

A public sign-up page is mostly its form, and crispy renders a field through a dozen
templates: about 20 ms for the youth's form, on pages read at every sign-up peak. A form
nobody has filled in renders the same for everyone, so its HTML is kept per process (the
"blank_forms" cache, in memory: nothing to lose when Redis is away), under a key that holds
everything the HTML depends on: the form's class and prefix, the language, its initial values
and the choices read from the database (a programme opened or renamed is a new key). A form
with data, and so with errors, is always rendered afresh. The page's <form> tag and its CSRF
token stay outside (the forms set `form_tag = False`), so no visitor's token is ever cached.
"""

import hashlib

from crispy_forms.templatetags.crispy_forms_tags import do_uni_form
from django import forms, template
from django.core.cache import caches
from django.utils.translation import get_language

register = template.Library()

# A few minutes: anything a key could miss is stale for that long at most.
KEEP_SECONDS = 600


def blank_form_key(form: forms.BaseForm) -> str:
    database_choices = [
        (name, [(str(value), str(label)) for value, label in field.choices])
        for name, field in form.fields.items()
        if isinstance(field, forms.ModelChoiceField)
    ]
    parts = (
        type(form).__module__,
        type(form).__qualname__,
        form.prefix,
        get_language(),
        sorted((name, str(value)) for name, value in form.initial.items()),
        database_choices,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


class BlankFormNode(template.Node):
    def __init__(self, crispy_node: template.Node, form_variable: str):
        self.crispy_node = crispy_node
        self.form = template.Variable(form_variable)

    def render(self, context) -> str:
        form = self.form.resolve(context)
        if form.is_bound:
            return self.crispy_node.render(context)
        cache = caches["blank_forms"]
        key = blank_form_key(form)
        html = cache.get(key)
        if html is None:
            html = self.crispy_node.render(context)
            cache.set(key, html, KEEP_SECONDS)
        return html


@register.tag
def crispy_blank(parser, token):
    """{% crispy_blank form %}: the form as {% crispy form %} renders it (one argument)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% crispy_blank form %} takes the form only.")
    return BlankFormNode(do_uni_form(parser, token), bits[1])
