"""Read a YAML data file strictly, keeping the line of every node so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

Path_ = tuple[Any, ...]


@dataclass
class SourceFile:
    """A parsed data file: its plain data plus a map from data path to 1-based line."""

    path: Path
    display: str  # path as shown in messages, relative to the project
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest node on `path` that exists (a missing key points at its parent)."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def get(self, path: Path_) -> Any:
        """Value at `path`, or None when any step is missing."""
        node = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        return node


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys instead of silently keeping the last one."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None,
                f"duplicate key '{key}' (first at line {seen[key] + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _record_lines(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            lines[child] = key_node.start_mark.line + 1
            _record_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), lines)


def read_yaml(path: Path, display: str) -> tuple[SourceFile | None, list[Problem]]:
    """Parse one file; return the source or the problems that stop it from being read."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        hint = "save it as UTF-8"
        try:
            raw.decode("gb18030")
            hint = "it looks saved as GBK/ANSI by a Windows editor: save it again as UTF-8"
        except UnicodeDecodeError:
            pass
        return None, [Problem(display, f"the file is not UTF-8 (byte 0x{raw[error.start]:02x})", hint, line)]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(display, "the file is empty", "write the file's content or delete the file")]
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or str(error)
        fix = "check indentation (spaces only) and quote text that contains ': ' or starts with [ { * & ! | >"
        if problem.startswith("duplicate key"):
            fix = "keep only one of them"
        return None, [Problem(display, f"YAML syntax error: {problem}", fix, line)]
    lines: dict[Path_, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return SourceFile(path, display, data, lines), []
