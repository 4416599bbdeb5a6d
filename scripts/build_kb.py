#!/usr/bin/env python
"""Build src/eventwire/resources/kb/kb_index.pickle from the KB's YAML sources (see eventwire.kb.build)."""
from __future__ import annotations

import sys
import time

from eventwire import resources
from eventwire.kb.build import INDEX_NAME, build


def main() -> int:
    t = time.time()
    out = resources.root() / INDEX_NAME
    index = build(out)
    n_pat = len(index["patterns"])  # noqa: F841
    people = [a for a in index["actors"].values() if a["kind"] == "person"]
    with_qid = sum(1 for a in people if a.get("wikidata"))
    sourced = sum(1 for a in people if a.get("qid_source"))
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): {len(index['actors'])} actors, {n_pat} patterns, "
          f"{len(index['roles'])} roles, sources sha256 {index['sources_sha256'][:12]} in {time.time() - t:.1f}s")
    print(f"people: {len(people)}, with Wikidata QID: {with_qid} ({sourced} checked against a named public "
          f"data file, qid_source), without: {len(people) - with_qid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
