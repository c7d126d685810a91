"""Scan throughput: 50,000 synthetic posts, 2% of them mentioning an invented watchlist.

Runs the real scan path (JSONL reader → normalize → match → the `model` detector → prioritize →
SQLite store, as `threatline scan` does) in a temporary folder and prints posts/second, relevant
posts/second, wall time and peak memory. Exits 1 when the scan takes longer than --budget seconds
(20 by default: the target on a 2-core laptop).

Then it times single hostile posts of the largest size a reader accepts (100 kB: one endless word,
letters written apart, a name repeated, leetspeak), because one slow post stalls a whole scan.

    python benchmarks/scan_throughput.py [--posts 50000] [--share 0.02] [--detector model] [--budget 20]

Every name, address and number in the generated data is invented (phones use 555-01xx).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from threatline.config import Settings
from threatline.detect.base import Detector
from threatline.detect.registry import load_detector
from threatline.match import Candidate, Matcher
from threatline.normalize import normalize_post
from threatline.pipeline import run
from threatline.posts import MAX_TEXT_BYTES, Post, ReadStats, read_posts
from threatline.store import DatabaseSink, Store
from threatline.watchlist import Watchlist, load_watchlist

FIRST = ["Dana", "Lyle", "Priya", "Tomas", "Ingrid", "Kwame", "Rosa", "Anders", "Mei", "Farid", "Noor", "Elias"]
LAST = ["Reyes", "Maddox", "Kaur", "Lindgren", "Okonkwo", "Bellamy", "Castellano", "Hartigan", "Nakashima",
        "Ferreira", "Abernathy", "Quintero"]
ROLES = ["County Sheriff", "City Councillor", "School Board Chair", "Election Clerk", "Judge", "Mayor"]
FACILITIES = [
    ("northgate", "Northgate Processing Center", "Northgate"),
    ("elmview", "Elmview Family Clinic", "Elmview"),
    ("harbor", "Harbor Street Courthouse", "the courthouse"),
    ("pinecrest", "Pinecrest Polling Place", "Pinecrest"),
]
ORGANIZATIONS = [("ice", "Immigration and Customs Enforcement", "ICE"), ("dfs", "Department of Family Services", "DFS")]

# Everyday words for the 98% of posts that mention nobody on the watchlist.
_EVERYDAY = (
    "the a my our this that today tomorrow weekend morning coffee garden dog cat walk rain sun weather game team "
    "score movie book music concert recipe dinner lunch bread soup market train bus traffic bridge river lake park "
    "trail bike run gym class homework project meeting email office laptop phone update photo friends family "
    "birthday party holiday trip beach mountain snow storm ice cold warm hot new old great terrible funny quiet "
    "loud busy lazy happy tired excited honestly really just finally again still never always maybe probably "
    "love hate like want need think know see hear read watch cook bake fix build paint clean forgot remembered"
)
WORDS = _EVERYDAY.split()

THREATS = [
    "I am going to kill {name} when {they} leave the office tomorrow night.",
    "{name} will die this week, I have the rifle ready.",
    "Someone should put a bullet in {name}. I know where {they} park.",
    "Everyone meet at {facility} Friday at 9pm and burn it to the ground.",
    "I'll be waiting outside {facility} with my gun on Monday morning.",
]
BENIGN = [
    "{name} spoke at the council meeting about the library budget.",
    "Great turnout at {facility} for the open house this weekend.",
    "Disagree with {name} on the zoning vote, will say so at the next meeting.",
    "Interview with {name} on the morning show was actually pretty good.",
    "{org} announced new office hours starting next month.",
    "Voted against {name} last time and will again, {their} housing plan is weak.",
]
EXPOSURE = [
    "{name} lives at {address}. Everyone pay {them} a visit.",
    "Here is {name}'s personal cell: {phone}. Call {them} day and night.",
]


def invented_watchlist(rng: random.Random) -> tuple[str, list[dict[str, str]]]:
    """A watchlist of 12 people, 4 facilities and 2 organizations, as TOML and as mention templates."""
    lines: list[str] = ["# Invented for the benchmark.\n"]
    people: list[dict[str, str]] = []
    for index, (first, last) in enumerate(zip(FIRST, LAST, strict=True)):
        role = ROLES[index % len(ROLES)]
        address = f"{rng.randint(10, 999)} {rng.choice(['Alder', 'Birch', 'Cedar', 'Willow'])} Lane, Foxton"
        phone = f"555-01{index:02d}"
        lines.append(
            f'[[person]]\nid = "{last.lower()}"\nname = "{first} {last}"\nrole = "{role}"\n'
            f'aliases = ["{role.split()[-1]} {last}", "{last}"]\nprivate = ["{address}", "{phone}"]\n\n'
        )
        people.append({"name": rng.choice([f"{first} {last}", last, f"{role.split()[-1]} {last}"]),
                       "address": address.split(",")[0], "phone": phone})
    for entry_id, name, alias in FACILITIES:
        lines.append(f'[[facility]]\nid = "{entry_id}"\nname = "{name}"\naliases = ["{alias}"]\n\n')
    for entry_id, name, alias in ORGANIZATIONS:
        lines.append(f'[[organization]]\nid = "{entry_id}"\nname = "{name}"\naliases = ["{alias}"]\n\n')
    return "".join(lines), people


def relevant_text(rng: random.Random, people: list[dict[str, str]]) -> str:
    person = rng.choice(people)
    pronoun = rng.choice([("she", "her", "her"), ("he", "him", "his"), ("they", "them", "their")])
    template = rng.choices([THREATS, BENIGN, EXPOSURE], weights=[2, 7, 1])[0]
    facility = rng.choice(FACILITIES)[rng.choice([1, 2])]
    return rng.choice(template).format(
        name=rng.choice(people)["name"], facility=facility, org=rng.choice(ORGANIZATIONS)[2],
        address=person["address"], phone=person["phone"], they=pronoun[0], them=pronoun[1], their=pronoun[2],
    )


def unrelated_text(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 40))
    return (" ".join(words).capitalize() + rng.choice([".", "!", "?", " lol", ""]))


def write_posts(path: Path, total: int, share: float, people: list[dict[str, str]], rng: random.Random) -> int:
    relevant = round(total * share)
    positions = set(rng.sample(range(total), relevant))
    with path.open("w", encoding="utf-8") as handle:
        for index in range(total):
            text = relevant_text(rng, people) if index in positions else unrelated_text(rng)
            row = {"id": f"bench-{index}", "text": text, "author": f"@user{rng.randint(1, 9999)}",
                   "url": f"https://social.example/post/{index}", "created_at": "2026-03-01T12:00:00Z"}
            handle.write(json.dumps(row) + "\n")
    return relevant


def hostile_posts() -> dict[str, str]:
    """Posts of the largest accepted size, each mentioning the watchlist so it reaches the detector."""
    size = MAX_TEXT_BYTES - 100
    return {
        "one endless word": "Reyes " + "x" * (size - 6),
        "one endless word, 2-byte letters": "Reyes " + "é" * ((size - 6) // 2),
        "letters written apart": "Reyes " + "k i l l " * ((size - 6) // 8),
        "a name, repeated": "Reyes " * (size // 6),
        "a threat, repeated": "kill Reyes. " * (size // 12),
        "leetspeak words": "Reyes " + "k1ll 7h3 m@dd0x " * ((size - 6) // 16),
        "digits and punctuation": "Reyes " + "555-0133. " * ((size - 6) // 10),
    }


def time_hostile_posts(watchlist: Watchlist, detector: Detector) -> list[tuple[str, float]]:
    matcher = Matcher(watchlist)
    timings = []
    for name, text in hostile_posts().items():
        started = time.perf_counter()
        post = normalize_post(Post(id=name, text=text))
        mentions = matcher.find(post.text)
        if mentions:
            detector.detect([Candidate(post, tuple(mentions))])
        timings.append((name, time.perf_counter() - started))
    return timings


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--share", type=float, default=0.02, help="share of posts that mention the watchlist")
    parser.add_argument("--detector", default="model", choices=["model", "evidence"])
    parser.add_argument("--budget", type=float, default=5.0, help="seconds the scan may take (exit 1 if over)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-hostile", action="store_true", help="do not time the hostile 100 kB posts")
    parser.add_argument("--json", type=Path, help="also write the figures here (docs/eval/speed-scan.json)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="threatline-bench-") as folder:
        root = Path(folder)
        toml, people = invented_watchlist(rng)
        (root / "watchlist.toml").write_text(toml, encoding="utf-8")
        posts_path = root / "posts.jsonl"
        expected = write_posts(posts_path, args.posts, args.share, people, rng)

        started = time.perf_counter()
        watchlist = load_watchlist(root / "watchlist.toml")
        detector = load_detector(args.detector, watchlist, Settings.from_env())
        store = Store.open(f"sqlite:///{root / 'threatline.db'}")
        sink = DatabaseSink(store, detector.version, str(root / "watchlist.toml"))
        loaded = time.perf_counter()

        reading = ReadStats()
        stats = run(read_posts([posts_path], reading), watchlist, detector, sink)
        stats.add_reading(reading)
        sink.finish(stats)
        done = time.perf_counter()
        findings = store.count_findings()
        database_bytes = sum(p.stat().st_size for p in root.glob("threatline.db*"))
        store.sessions.kw["bind"].dispose()

    scan = done - loaded
    print(f"detector           {detector.version} ({os.cpu_count()} CPUs)")
    print(f"posts              {stats.read:,} read, {sum(stats.skipped.values())} "
          f"skipped, {stats.dropped:,} dropped, {stats.relevant:,} relevant (expected {expected:,}), "
          f"{stats.flagged_total:,} flagged, {findings:,} stored")
    print(f"load               {loaded - started:6.2f} s  (watchlist, model card, database; the classifier loads "
          "on first use, inside the scan)")
    print(f"scan               {scan:6.2f} s")
    print(f"throughput         {stats.read / scan:,.0f} posts/s, {stats.relevant / scan:,.0f} relevant posts/s")
    print(f"total wall time    {done - started:6.2f} s")
    print(f"peak RSS           {peak_rss_mib():,.0f} MiB")
    print(f"database           {database_bytes / 1024:,.0f} KiB")
    if stats.relevant != expected:
        print(f"WARNING: {stats.relevant} posts matched the watchlist, {expected} were generated to", file=sys.stderr)
    if args.json:
        figures = {"posts": stats.read, "relevant": stats.relevant, "flagged": stats.flagged_total,
                   "load_seconds": round(loaded - started, 3), "scan_seconds": round(scan, 3),
                   "total_seconds": round(done - started, 3), "peak_rss_mib": round(peak_rss_mib()),
                   "cpus": os.cpu_count(), "detector": detector.version}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    within = done - started <= args.budget
    print(f"budget             {'within' if within else 'OVER'} {args.budget:.0f} s for the whole scan")
    if not args.skip_hostile:
        print("hostile 100 kB posts, seconds each (normalize + match + detect):")
        for name, seconds in time_hostile_posts(watchlist, detector):
            print(f"  {name:34} {seconds:7.2f} s")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
