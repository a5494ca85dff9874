"""API fields computed by a selector: the page model names them, selectors compute them.

A model holds data. A figure computed from other rows (the home page's key
figures, a mission's indicators) is still part of the page's API output, so
the model lists it in ``api_fields`` with a ``SelectorField`` holding its
selector. The page module imports that selector from its own module
(``content.selectors.site``…), which reads the models it needs from theirs
(``content.models.governance``…), never from a page module: the imports point
one way.
"""

from collections.abc import Callable
from typing import Any

from rest_framework import serializers


class SelectorField(serializers.Field):
    """Read-only: ``to_representation(page)`` is ``selector(page)``."""

    def __init__(self, selector: Callable[[Any], Any], **kwargs: Any) -> None:
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)
        self.selector = selector

    def to_representation(self, page: Any) -> Any:
        return self.selector(page)
