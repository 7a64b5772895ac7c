"""Check one value against the model's own field rules, in French."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from parcours_designer.model.errors import describe_error


@lru_cache(maxsize=None)
def _adapter(model_class: type, field_name: str) -> TypeAdapter:
    info = model_class.model_fields[field_name]
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(annotation)


def validate_field(model_class: type, field_name: str, value: Any) -> Any:
    """``value`` as the model stores it in ``field_name``; ``ValueError`` in French otherwise."""
    try:
        return _adapter(model_class, field_name).validate_python(value)
    except ValidationError as error:
        raise ValueError(describe_error(error.errors()[0])) from None


def field_class(model_class: type, dotted: str) -> tuple[type, str]:
    """The class holding the last part of ``contact.email``, and that part."""
    *parents, leaf = dotted.split(".")
    for name in parents:
        annotation = model_class.model_fields[name].annotation
        model_class = _model_in(annotation)
    return model_class, leaf


def _model_in(annotation: Any) -> type:
    """``Referent`` from ``Optional[Referent]``, ``Contact`` from ``Contact``."""
    if isinstance(annotation, type):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        if isinstance(argument, type) and argument is not type(None):
            return argument
    raise TypeError(annotation)
