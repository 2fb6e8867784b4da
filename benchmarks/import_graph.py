"""Prints the shape of tracker/'s import graph: modules and packages, the imports between them,
layers (the longest chain of imports), cycles, view modules importing each other, and what
tracker.models imports. Migrations, management commands and template tags are left out.

    python3 benchmarks/import_graph.py [CHECKOUT]     # default: this checkout
"""

import ast
import sys
from pathlib import Path


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for path in (root / "tracker").rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if {"migrations", "management", "templatetags"} & set(parts):
            continue
        name = ".".join(parts).removesuffix(".__init__")
        found[name] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    targets = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                targets.append(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            targets += [alias.name for alias in node.names]
    found = set()
    for target in targets:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target not in (name, "tracker"):
            found.add(target)
    return found


def _is_view(name: str) -> bool:
    """A view module: in tracker/views/, or named so at the top level as before the packages."""
    return name.startswith("tracker.views") or name.endswith("_views")


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    known = modules(root)
    graph = {name: imports(name, path, known) for name, path in known.items()}
    depths: dict[str, int] = {}
    cycles = []

    def depth(name: str, chain: tuple[str, ...] = ()) -> int:
        if name in chain:
            cycles.append(chain[chain.index(name) :])
            return 0
        if name not in depths:
            depths[name] = 1 + max((depth(t, (*chain, name)) for t in graph[name]), default=0)
        return depths[name]

    layers = max(depth(name) for name in known)
    top_level = [n for n, p in known.items() if n.count(".") == 1 and p.parent.name == "tracker"]
    views = sorted(
        (a, b) for a, targets in graph.items() for b in targets if _is_view(a) and _is_view(b)
    )
    sizes = sorted(((len(p.read_text().splitlines()), n) for n, p in known.items()), reverse=True)
    print(f"modules and packages: {len(known)}")
    print(f"python files at tracker/'s top level: {len(top_level) + 1} (with __init__.py)")
    print(f"import edges: {sum(len(t) for t in graph.values())}")
    print(f"layers: {layers}")
    print(f"cycles: {len(cycles)}")
    print(f"view modules importing another: {views or 'none'}")
    models_import = {
        target
        for name, targets in graph.items()
        if name == "tracker.models" or name.startswith("tracker.models.")
        for target in targets
        if not target.startswith("tracker.models")
    }
    print(f"tracker.models imports: {sorted(models_import) or 'nothing'}")
    print("largest:", ", ".join(f"{n} {lines}" for lines, n in sizes[:5]))


if __name__ == "__main__":
    main()
