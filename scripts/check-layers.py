#!/usr/bin/env python3
"""Lists the imports between modules of src/ and checks the layering of DESIGN.md §1.

Every `crate::a::b` and `super::…` path in a file is resolved to the deepest module file it
names. Prints the edges between top-level modules, the forbidden ones (exit status 1 if any),
and every import circle between module files (strongly connected components).
Run from the repository root: `python3 scripts/check-layers.py`.
"""
import os
import re
import sys

SRC = "src"
# Top-level module -> top-level modules it must not import.
FORBIDDEN = {
    "policy": {"engine", "backend", "tui", "serve", "snapshot", "cli", "cli_aws"},
    "model": {"engine", "policy", "catalog", "backend", "tui", "serve", "snapshot", "cli", "cli_aws"},
    "catalog": {"engine", "policy", "backend", "tui", "serve", "snapshot", "cli", "cli_aws"},
    "engine": {"backend", "tui", "serve", "snapshot", "cli", "cli_aws"},
}


def module_of(path):
    rel = os.path.relpath(path, SRC)[:-3].split(os.sep)
    if rel[-1] == "mod":
        rel = rel[:-1]
    if rel in (["lib"], ["main"]):
        return ()
    return tuple(rel)


def main():
    files = {}
    for root, _, names in os.walk(SRC):
        for n in names:
            if n.endswith(".rs"):
                p = os.path.join(root, n)
                files[module_of(p)] = p
    mods = set(files)

    def deepest(parts):
        for k in range(len(parts), 0, -1):
            if tuple(parts[:k]) in mods:
                return tuple(parts[:k])
        return None

    path_re = re.compile(r"\b((?:crate|super)(?:::(?:super|[A-Za-z_][A-Za-z0-9_]*))+)")
    edges = {}
    for m, p in files.items():
        text = open(p, encoding="utf-8").read()
        # A file's own `mod x;` children are its submodules: `super::` from them is inward.
        is_dir_mod = p.endswith("mod.rs") or m == ()
        for full in path_re.findall(text):
            parts = full.split("::")
            if parts[0] == "crate":
                target = parts[1:]
            else:
                base = list(m) if is_dir_mod else list(m[:-1])
                i = 0
                while i < len(parts) and parts[i] == "super":
                    if i > 0:
                        base = base[:-1]
                    i += 1
                target = base + parts[i:]
            t = deepest(target)
            if t and t != m:
                edges.setdefault(m, set()).add(t)

    top = {}
    for a, ts in edges.items():
        for b in ts:
            if a and b and a[0] != b[0]:
                top.setdefault(a[0], set()).add(b[0])
    print("Imports between top-level modules of src/:")
    for a in sorted(top):
        print(f"  {a} -> {', '.join(sorted(top[a]))}")
    bad = []
    for a, ts in edges.items():
        for b in ts:
            if a and b and b[0] in FORBIDDEN.get(a[0], ()):
                bad.append(f"{files[a]} imports {'::'.join(b)}")
    print("Forbidden imports:", "none" if not bad else "")
    for line in sorted(bad):
        print("  " + line)

    # Tarjan's strongly connected components over module files.
    index, low, stack, on, sccs = {}, {}, [], set(), []
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted("::".join(c) or "crate" for c in comp))

    for v in sorted(mods):
        if v not in index:
            visit(v)
    print("Import circles between module files:", "none" if not sccs else "")
    for c in sorted(sccs):
        print("  " + " <-> ".join(c))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
