"""The programme's vocabulary, written once and shared by the apps and the matching engine.

Django-free on purpose: the engine (``matching.engine``) imports it, and so do the apps, whose
``TextChoices`` are built from these members (``programmes.enums``). It sits below every app.
"""
