"""Turn pydantic's validation errors into problems an author can act on."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .models import STAGES
from .question_types import QUESTION_TYPES
from .yaml_source import SourceFile

M = TypeVar("M", bound=BaseModel)

_ITEM_LISTS = {"questions": "question", "phrases": "phrase", "taboo": "taboo phrase"}


def _data_path(source: SourceFile, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the discriminator tags pydantic inserts (e.g. 'single') so loc becomes a path in the file."""
    path: list[Any] = []
    node = source.data
    for step in loc:
        in_mapping = isinstance(node, dict) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if in_mapping or in_list:
            node = node[step]
        elif isinstance(node, dict) and step in QUESTION_TYPES and "type" in node:
            continue
        else:
            path.append(step)
            break
        path.append(step)
    return tuple(path)


def item_label(source: SourceFile, path: tuple[Any, ...]) -> str:
    """'question golden-rules' for a path inside the questions list (its index if it has no id)."""
    if len(path) >= 2 and path[0] in _ITEM_LISTS and isinstance(path[1], int):
        item = source.get(path[:2])
        ident = item.get("id") if isinstance(item, dict) else None
        return f"{_ITEM_LISTS[path[0]]} {ident}" if isinstance(ident, str) else f"{_ITEM_LISTS[path[0]]} #{path[1] + 1}"
    return ""


def _fields_of(source: SourceFile, path: tuple[Any, ...], model: type[BaseModel]) -> list[str]:
    """Field names valid at the mapping that holds `path[-1]`, for 'did you mean' hints."""
    parent = source.get(path[:-1])
    if isinstance(parent, dict) and parent.get("type") in QUESTION_TYPES and path[:1] == ("questions",):
        return list(QUESTION_TYPES[parent["type"]].model.model_fields)
    current: Any = model
    for step in path[:-1]:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", {})
        if step not in fields:
            return []
        annotation = fields[step].annotation
        args = getattr(annotation, "__args__", ())
        current = next((a for a in (annotation, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if current is None:
            for arg in args:
                inner = getattr(arg, "__args__", ())
                current = next((a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)), None)
                if current:
                    break
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _type_explains(error: dict[str, Any], source: SourceFile, path: tuple[Any, ...]) -> tuple[str, str] | None:
    """The question type's own message for an error inside one of its questions, if it has one."""
    if len(path) < 3 or path[0] != "questions" or not isinstance(path[1], int):
        return None
    question = source.get(path[:2])
    kind = question.get("type") if isinstance(question, dict) else None
    if not isinstance(kind, str) or kind not in QUESTION_TYPES:
        return None
    return QUESTION_TYPES[kind].explain(error, path[2:])


def _describe(error: dict[str, Any], source: SourceFile, path: tuple[Any, ...], model: type[BaseModel]) -> tuple[str, str]:
    explained = _type_explains(error, source, path)
    if explained is not None:
        return explained
    kind = error["type"]
    # A list item is named after its list: "'tags' item 2" rather than "'1'".
    name = next((str(step) for step in reversed(path) if isinstance(step, str)), "file")
    given = error.get("input")
    if kind == "missing":
        missing = error["loc"][-1]
        return f"missing required field '{missing}'", f"add '{missing}: …'"
    if kind == "extra_forbidden":
        valid = _fields_of(source, path, model)
        close = difflib.get_close_matches(name, valid, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'?" if close else f"valid fields here: {', '.join(valid)}" if valid else "remove it"
        return f"unknown field '{name}'", hint
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag", given)
        close = difflib.get_close_matches(str(tag), list(QUESTION_TYPES), n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return f"unknown question type '{tag}'", hint + "use one of: " + ", ".join(QUESTION_TYPES)
    if kind == "union_tag_not_found":
        first, *others = QUESTION_TYPES
        return "missing required field 'type'", f"add 'type: {first}' (or {', '.join(others)})"
    if kind == "literal_error" and name == "stage":
        close = difflib.get_close_matches(str(given), STAGES, n=1, cutoff=0.3)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return f"unknown stage '{given}'", hint + "use one of: " + " ".join(STAGES)
    if kind == "literal_error":
        return f"'{given}' is not allowed in '{name}'", f"use one of: {error.get('ctx', {}).get('expected', '')}"
    if kind == "string_pattern_mismatch" and name == "ref":
        return f"ref '{given}' is not a page path", "write it like modules/handling-steps.md#golden-rules"
    if kind == "string_pattern_mismatch":
        return f"'{given}' is not a valid {name}", "use lowercase letters, digits and hyphens, e.g. golden-rules"
    if kind in ("greater_than_equal", "less_than_equal") and name == "pass_score":
        return f"pass_score {given} is out of range", "use a percentage from 0 to 100"
    if kind == "too_short" and name == "questions":
        return "the quiz has no questions", "add at least one question"
    if kind == "too_short":
        return f"'{name}' is empty", "write some text or remove the field"
    if kind == "too_long":
        return f"too many entries in '{name}'", error["msg"]
    if kind == "bool_type":
        return f"'{name}' must be true or false, got {given!r}", "write true or false without quotes"
    if kind == "int_type":
        return f"'{name}' must be a whole number, got {given!r}", "write a number without quotes"
    if kind in ("string_type", "list_type", "model_type", "dict_type"):
        expected = {"string_type": "text", "list_type": "a list", "model_type": "a mapping (key: value)",
                    "dict_type": "a mapping (key: value)"}[kind]
        return f"'{name}' must be {expected}, got {type(given).__name__} {given!r}"[:200], "see the authoring guide in README.md"
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        problem, _, fix = message.partition(" — ")
        return problem, fix
    return f"{name}: {error['msg']}", ""


def validate(source: SourceFile, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a parsed file against `model`; on failure, one problem per pydantic error."""
    if not isinstance(source.data, dict):
        return None, [Problem(source.display, "the file must be a mapping of fields (key: value) at the top level",
                              "see the authoring guide in README.md", 1)]
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = _data_path(source, tuple(error["loc"]))
            message, fix = _describe(error, source, path, model)
            problems.append(Problem(source.display, message, fix, source.line_of(path), item_label(source, path)))
        return None, problems
