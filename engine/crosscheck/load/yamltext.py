"""YAML parsed into nodes that remember where they stand, for precise error positions.

Dates are left as text (no implicit timestamp conversion) so that a bad date is
reported by crosscheck with its position, not raised deep inside PyYAML. Values
nested more than ``MAX_NESTING`` deep, strings holding a lone surrogate (an escape
such as ``"\\ud800"``) and integers of more digits than Python converts are
``LoadProblem`` errors at their position.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from crosscheck.limits import MAX_NESTING, excerpt
from crosscheck.load.decode import surrogate_problem
from crosscheck.load.errors import LoadProblem

if TYPE_CHECKING:
    import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@cache
def _loader() -> type[yaml.SafeLoader]:
    """PyYAML's safe loader without timestamps; PyYAML is imported on first use only,
    since most runs read no front matter and no manifest."""
    import yaml

    class Loader(yaml.SafeLoader):
        nesting = 0

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            """A node, refused past ``MAX_NESTING`` levels (composing recurses)."""
            if self.nesting >= MAX_NESTING:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise LoadProblem(
                    f"values are nested more than {MAX_NESTING} deep "
                    "(lists and mappings within each other)",
                    mark.line + 1,
                    mark.column + 1,
                )
            self.nesting += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.nesting -= 1

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_constructor("tag:yaml.org,2002:str", _text)
    Loader.add_constructor("tag:yaml.org,2002:int", _whole)
    return Loader


def _text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node)
    problem = surrogate_problem(value)
    if problem is not None:
        raise LoadProblem(f"the text here {problem}", *position(node))
    return value


def _whole(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    try:
        return loader.construct_yaml_int(node)
    except ValueError:  # more digits than Python converts (4,300 unless configured)
        raise LoadProblem(
            f"the number {excerpt(node.value)} has too many digits to be read", *position(node)
        ) from None


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column where ``node`` starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def compose(text: str) -> yaml.Node | None:
    """The node tree of one YAML document (``None`` when the text is empty)."""
    import yaml

    try:
        return yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as err:
        raise _marked(err) from None
    except yaml.YAMLError as err:
        raise LoadProblem(f"invalid YAML: {err}") from None


def value_of(node: yaml.Node) -> Any:
    """The Python value of a node (str, int, float, bool, None, list, dict)."""
    import yaml

    loader = _loader()("")
    try:
        return loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError as err:
        raise _marked(err) from None
    finally:
        loader.dispose()


def mapping_items(node: yaml.Node, what: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """``(key, key node, value node)`` of a mapping whose keys are text, in order.

    ``what`` names the mapping in messages ("front matter", "manifest entry").
    """
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise LoadProblem(f"{what} must be a mapping of `key: value` lines", *position(node))
    items: list[tuple[str, yaml.Node, yaml.Node]] = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key = value_of(key_node)
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            raise LoadProblem(f"{what}: a key must be text", *position(key_node))
        key = str(key)
        if key in seen:
            raise LoadProblem(f"{what}: key {key!r} appears twice", *position(key_node))
        seen.add(key)
        items.append((key, key_node, value_node))
    return items


def _marked(err: yaml.MarkedYAMLError) -> LoadProblem:
    problem = err.problem or err.context or "unreadable YAML"
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return LoadProblem(f"invalid YAML: {problem}")
    return LoadProblem(f"invalid YAML: {problem}", mark.line + 1, mark.column + 1)
