"""API fields computed by a selector: the page model names them, selectors compute them.

A model holds data. A figure computed from other rows (the home page's key
figures, a mission's indicators) is still part of the page's API output, so
the model lists it in ``api_fields`` with a ``SelectorField`` that names its
selector by dotted path, the way Django names lazy references: the model
module never imports the selectors, which read the models.
"""

from collections.abc import Callable
from typing import Any

from django.utils.module_loading import import_string
from rest_framework import serializers


class SelectorField(serializers.Field):
    """Read-only: ``to_representation(page)`` is ``selector(page)``."""

    def __init__(self, selector: str, **kwargs: Any) -> None:
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)
        self.selector_path = selector

    @property
    def selector(self) -> Callable[[Any], Any]:
        return import_string(self.selector_path)

    def to_representation(self, page: Any) -> Any:
        return self.selector(page)
