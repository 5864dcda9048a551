"""Closed choices: an Enum whose parse error lists the valid values (Haystack's JoinMode)."""

from __future__ import annotations

from enum import Enum
from typing import Self


class Choice(Enum):
    @classmethod
    def parse(cls, value: str) -> Self:
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown {cls.__name__} {value!r}; valid: {[m.value for m in cls]}") from None
