"""Choose the phrases a page asks for, refusing filters that name nothing."""

from __future__ import annotations

import difflib

from .library import Library
from .models import CHANNELS, STAGES, Phrase


class SelectionError(ValueError):
    """A page asked for a quiz or phrase set that does not exist."""


def _known(value: str | None, allowed: list[str] | tuple[str, ...], what: str) -> None:
    if value is not None and value not in allowed:
        close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.3)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise SelectionError(f"unknown {what} '{value}' — {hint}use one of: {' '.join(allowed)}")


def select_phrases(library: Library, stage: str | None = None, scenario: str | None = None,
                   customer_type: str | None = None, channel: str | None = None, tag: str | None = None,
                   limit: int | None = None) -> list[Phrase]:
    vocabulary = library.vocabulary
    _known(stage, STAGES, "stage")
    _known(channel, CHANNELS, "channel")
    _known(scenario, vocabulary.scenarios if vocabulary else [], "scenario")
    _known(customer_type, vocabulary.customer_types if vocabulary else [], "customer type")
    chosen = [
        phrase for phrase in library.phrases
        if (stage is None or phrase.stage == stage)
        and (scenario is None or scenario in phrase.scenarios)
        and (customer_type is None or customer_type in phrase.customer_types)
        and (channel is None or channel in phrase.channels)
        and (tag is None or tag in phrase.tags)
    ]
    if not chosen:
        asked = ", ".join(f"{k}={v!r}" for k, v in
                          {"stage": stage, "scenario": scenario, "customer_type": customer_type,
                           "channel": channel, "tag": tag}.items() if v is not None)
        raise SelectionError(f"no phrase matches phrases({asked}) — add phrases with these values in phrases/ "
                             "or change the filter")
    return chosen[:limit] if limit else chosen
