"""Build the demo's sample stream: `src/threatline/sample/posts.jsonl` and its watchlist.

The sample is a stratified draw from the corpus generator with another seed, so it reads like a
day of public posts about the invented watchlist: mostly lawful speech and posts about other
things, some threats, calls to violence and doxxing, and two malformed lines to show how a bad
line is reported. Every name, handle and link is invented (the `.example` domain is reserved).

    python training/make_sample.py
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from generate_corpus import CORPUS_DIR, generate_rows

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "threatline" / "sample"
SEED = 2026
PER_LABEL = {"threat": 30, "incitement": 20, "exposure": 20, "none": 150}
UNRELATED = 120
MALFORMED = ['{"id": "bad-1", "text": "an unterminated line\n', '{"id": "bad-2", "author": "@nobody"}\n']


def main() -> None:
    rng = random.Random(SEED)
    rows = generate_rows(SEED)
    chosen = []
    for label, count in PER_LABEL.items():
        pool = [r for r in rows if r["label"] == label and r["target"] is not None]
        chosen += rng.sample(pool, count)
    chosen += rng.sample([r for r in rows if r["target"] is None], UNRELATED)
    rng.shuffle(chosen)
    OUT.mkdir(parents=True, exist_ok=True)
    lines = []
    for number, row in enumerate(chosen, start=1):
        post = {
            "id": f"s{number:04d}",
            "text": row["text"],
            "author": f"@user{rng.randrange(1000, 9999)}",
            "url": f"https://social.example/p/{rng.randrange(10**8, 10**9)}",
            "created_at": f"2026-11-{rng.randrange(1, 25):02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z",
            "source": "sample",
        }
        lines.append(json.dumps(post, ensure_ascii=False) + "\n")
    lines[40:40] = MALFORMED[:1]
    lines[200:200] = MALFORMED[1:]
    (OUT / "posts.jsonl").write_text("".join(lines), encoding="utf-8")
    shutil.copyfile(CORPUS_DIR / "watchlist.toml", OUT / "watchlist.toml")
    print(f"wrote {len(lines)} lines to {OUT / 'posts.jsonl'}")


if __name__ == "__main__":
    main()
