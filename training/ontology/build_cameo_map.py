"""Derive the CAMEO -> PLOVER mapping facts (code -> type, mode, contexts) for resources/ontology/plover.yaml.

Reads the mapping table CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, CC BY-SA 4.0) from the shared bench
and prints a YAML block `cameo_to_plover:`. Only the mapping facts are kept (no descriptions).

    .venv/bin/python training/ontology/build_cameo_map.py > /tmp/cameo_map.yaml
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from eventwire.evaluation import bench_root


def parse(path: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{3,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        ptype = parts[0]
        mode = parts[1] if len(parts) > 1 and parts[1] else None
        ctx = [c.strip() for c in parts[2].split(";")] if len(parts) > 2 and parts[2].strip() else []
        out.setdefault(code, {"type": ptype, "mode": mode, "contexts": ctx})
    return out


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else bench_root() / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
    table = parse(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    print(f"# derived by training/ontology/build_cameo_map.py from CAMEO2PLOVER-2021.txt sha256:{digest}")
    print("cameo_to_plover:")
    for code in sorted(table):
        row = table[code]
        ctx = "[" + ", ".join(row["contexts"]) + "]"
        mode = row["mode"] if row["mode"] else "null"
        print(f'  "{code}": {{type: {row["type"]}, mode: {mode}, contexts: {ctx}}}')


if __name__ == "__main__":
    main()
