"""Near-duplicates and syndication: the same wire copy carried by several outlets, and lightly edited
rewrites of it.

Exact copies already share one article id (content hash) with one `sightings` row per outlet/input.
Near-copies are found with MinHash LSH (datasketch MinHash signatures; the LSH banding uses
datasketch's optimal (bands, rows) for the threshold, and the buckets are persisted in the
`corpus_lsh` table so an incremental run only hashes and looks up the new articles).

Lineage: every article belongs to a near-duplicate group (`dup_group`, a stable id: the first
member processed). `copy_of` points to the earliest copy of the group, ordered by published_at,
then fetched order (run start, fetched_at, path). A group counts as ONE independent source.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from functools import lru_cache
from typing import Any

import numpy as np

# persisted signatures depend on the permutation scheme: pinned (datasketch 2.0 default)
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)
# scripts usually written without spaces between words
_NOSPACE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def shingle_hashes(text: str, k: int = 5) -> np.ndarray:
    """Stable 32-bit hashes of word k-gram shingles (character k-grams for unspaced scripts).

    Each token is hashed with CRC-32 and a k-gram's hash is a polynomial of its tokens' hashes
    mod 2^32, computed with numpy: ~20x faster than hashing every shingle string with SHA-1 and
    stable across processes (persisted signatures depend on it).
    """
    t = unicodedata.normalize("NFKC", text).casefold()
    if len(_NOSPACE.findall(t[:2000])) > 200:
        toks = list(re.sub(r"\s+", "", t))
    else:
        toks = _WORD.findall(t)
    if not toks:
        return np.zeros(0, dtype=np.uint64)
    uniq, inv = np.unique(np.array(toks), return_inverse=True)
    hu = np.fromiter((zlib.crc32(w.encode()) for w in uniq.tolist()), dtype=np.uint64, count=len(uniq))
    h = hu[inv.reshape(-1)]
    if len(h) < k:
        k = len(h)
    n = len(h) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(k):
        acc = (acc * np.uint64(1_000_003) + h[i:i + n]) & np.uint64(0xFFFFFFFF)
    return np.unique(acc)


@lru_cache(maxsize=4)
def _template(num_perm: int):
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME)


@lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    from datasketch.lsh import _optimal_param

    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


def signature(text: str, num_perm: int = 128, k: int = 5) -> np.ndarray:
    from datasketch import MinHash

    tmpl = _template(num_perm)
    m = MinHash(num_perm=num_perm, seed=1, permutations=tmpl.permutations, scheme=SCHEME, hashfunc=int)
    sh = shingle_hashes(text, k)
    if len(sh):
        m.update_batch(sh.tolist())
    return np.asarray(m.hashvalues, dtype=np.uint64)


def bands(sig: np.ndarray, b: int, r: int) -> list[tuple[int, int]]:
    out = []
    for i in range(b):
        h = hashlib.blake2b(sig[i * r:(i + 1) * r].tobytes(), digest_size=8).digest()
        out.append((i, int.from_bytes(h, "little", signed=True)))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def _order_key(row: dict[str, Any]) -> tuple:
    return (row.get("published_at") or "9999", str(row.get("fetched_at") or ""), row.get("path") or "",
            row.get("record") or 0, row.get("id") or "")


def assign(repo, articles: list[dict[str, Any]], p: dict[str, Any]) -> dict[str, Any]:
    """Sign new articles, look up LSH buckets (stored + this batch), assign groups and lineage.

    Fills `minhash`, `dup_group`, `copy_of`, `dup_similarity` on each article dict.
    Returns counts.
    """
    num_perm, k, thr = p["minhash_perm"], p["shingle_words"], p["near_dup_threshold"]
    b, r = lsh_params(thr, num_perm)
    sigs = {a["id"]: signature(a["text"], num_perm, k) for a in articles}
    band_of = {aid: bands(s, b, r) for aid, s in sigs.items()}
    stored = repo.lsh_candidates(sorted({bk for bl in band_of.values() for bk in bl}))
    stored_ids = {x for ids in stored.values() for x in ids}
    old = repo.minhashes(stored_ids)
    old_sig = {aid: np.frombuffer(row["minhash"], dtype=np.uint64) for aid, row in old.items() if row["minhash"]}
    group_of = {aid: row["dup_group"] for aid, row in old.items()}
    batch_buckets: dict[tuple[int, int], list[str]] = {}
    lsh_rows: list[tuple[int, int, str]] = []
    touched: set[str] = set()
    near = 0
    for a in articles:  # already in published/fetched order
        aid = a["id"]
        sig = sigs[aid]
        cands: set[str] = set()
        for bk in band_of[aid]:
            cands.update(stored.get(bk, ()))
            cands.update(batch_buckets.get(bk, ()))
        best, best_j = None, 0.0
        for c in sorted(cands):
            cs = old_sig.get(c) if c in old_sig else sigs.get(c)
            if cs is None:
                continue
            j = jaccard(sig, cs)
            if j >= thr and j > best_j:
                best, best_j = c, j
        if best is not None:
            group = group_of[best]
            a["dup_similarity"] = round(best_j, 4)
            near += 1
        else:
            group = aid
            a["dup_similarity"] = None
        group_of[aid] = group
        a["dup_group"] = group
        a["minhash"] = sig.tobytes()
        touched.add(group)
        for bk in band_of[aid]:
            batch_buckets.setdefault(bk, []).append(aid)
            lsh_rows.append((bk[0], bk[1], aid))
    repo.insert_lsh(lsh_rows)
    return {"near_duplicates": near, "touched_groups": touched}


def update_lineage(repo, groups: set[str]) -> int:
    """Recompute copy_of (earliest copy) for the groups that gained members. Returns groups with >1 member."""
    members = repo.group_members(groups)
    pairs = []
    multi = 0
    for _g, rows in members.items():
        rows.sort(key=_order_key)
        first = rows[0]["id"]
        if len(rows) > 1:
            multi += 1
        pairs.extend((r["id"], first) for r in rows)
    repo.set_copy_of(pairs)
    return multi
