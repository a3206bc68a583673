#!/usr/bin/env python3
"""Checks the dependency direction of ARCHITECTURE.md: which top-level modules of src/ may name
which, and that the console's modules (src/tui/*) form no import circle. Prints the module graph
with --graph. Exit 1 on a violation."""
import os, re, sys
from collections import defaultdict

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
FORBIDDEN = {
    "model": {"catalog", "policy", "engine", "backend", "snapshot", "serve", "tui", "cli", "logging", "paths"},
    "catalog": {"policy", "engine", "backend", "snapshot", "serve", "tui", "cli"},
    "policy": {"engine", "backend", "snapshot", "serve", "tui", "cli"},
    "engine": {"backend", "serve", "tui", "cli"},
    "backend": {"tui", "serve", "cli"},
    "snapshot": {"tui", "serve", "cli"},
    "serve": {"tui", "cli"},
    "changes": {"tui", "serve", "cli"},
}
PATH = re.compile(r"\bcrate::(\w+)(?:::(\w+))?")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(l.split("//")[0] if "//" in l and '"' not in l.split("//")[0] else l for l in text.splitlines())


def module_of(rel):
    parts = rel[:-3].split(os.sep)
    top = parts[0]
    sub = parts[1] if len(parts) > 1 and parts[1] != "mod" else None
    return top, sub


def main():
    edges = defaultdict(set)
    tui_edges = defaultdict(set)
    for dirpath, _, files in os.walk(ROOT):
        for f in files:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, ROOT)
            top, sub = module_of(rel)
            text = strip_comments(open(path, encoding="utf-8").read())
            text = text.split("#[cfg(test)]")[0]
            for m in PATH.finditer(text):
                target, target_sub = m.group(1), m.group(2)
                if target != top:
                    edges[top].add(target)
                elif top == "tui" and sub and target_sub and target_sub != sub:
                    tui_edges[sub].add(target_sub)
            if top == "tui" and sub:
                for m in re.finditer(r"\bsuper::(\w+)", text):
                    # `super::x` from src/tui/<sub>.rs names a sibling; from a folder, its own parts.
                    if rel.count(os.sep) == 1 and m.group(1) != sub:
                        tui_edges[sub].add(m.group(1))
    bad = []
    for src, dsts in sorted(edges.items()):
        for d in sorted(dsts & FORBIDDEN.get(src, set())):
            bad.append(f"{src}/ imports {d}/ (forbidden by the layering)")
    # Circles among the console's modules.
    known = set(tui_edges) | {d for ds in tui_edges.values() for d in ds}
    state, stack, cycles = {}, [], []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for d in sorted(tui_edges.get(n, ())):
            if d not in known:
                continue
            if state.get(d) == 1:
                cycles.append(stack[stack.index(d):] + [d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[n] = 2

    for n in sorted(known):
        if n not in state:
            visit(n)
    for c in cycles:
        bad.append("tui/ import circle: " + " -> ".join(c))
    if "--graph" in sys.argv:
        for src, dsts in sorted(edges.items()):
            print(f"{src}: {' '.join(sorted(dsts))}")
        for src, dsts in sorted(tui_edges.items()):
            print(f"tui/{src}: {' '.join(sorted(dsts))}")
    for b in bad:
        print(b)
    print(f"layers: {len(bad)} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
