"""Generate a realistic work history for benchmarks: years of entries for several clients.

    python -m tests.benchmarks.generate_history --data-dir DIR [--entries 1000000]

Entries are written straight into the schema in one transaction (the services would take hours
for a million rows with an fsync each); they follow each other without overlapping, on
weekdays, in working hours of the VA's zone, as a long-time user's database would.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from zoneinfo import ZoneInfo

from vatracker.domain.colours import PALETTE
from vatracker.domain.zones import offset_at
from vatracker.storage.database import open_database

CLIENTS = (
    ("Acme Co", "USD", 3550, "America/New_York"),
    ("Brightside Dental", "USD", 2800, "America/Chicago"),
    ("Kiwi Coaching", "NZD", 4500, "Pacific/Auckland"),
    ("Lindqvist Design", "EUR", 3000, "Europe/Stockholm"),
    ("Maple Bookkeeping", "CAD", 3200, "America/Toronto"),
)


def generate(
    data_dir: Path, entries: int, *, end: int, zone: str = "Asia/Manila", seed: int = 7
) -> int:
    """Fill `data_dir` with `entries` finished entries that end before `end`; returns the count."""
    rng = random.Random(seed)
    tz = ZoneInfo(zone)
    db = open_database(data_dir)
    with db.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('timezone', ?)", (zone,))
        for index, (name, currency, rate, client_zone) in enumerate(CLIENTS):
            conn.execute(
                "INSERT OR IGNORE INTO clients (name, currency, rate_minor, timezone, colour)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, currency, rate, client_zone, PALETTE[index]),
            )
        client_ids = [row[0] for row in conn.execute("SELECT id FROM clients")]
        task_ids = [row[0] for row in conn.execute("SELECT id, billable FROM task_types")]
        # Walk backwards from `end`, about 12 entries per working day.
        cursor = end - 86_400
        rows = []
        for _ in range(entries):
            length = rng.randint(5, 50) * 60
            start = cursor - length
            cursor = start - rng.choice((0, 0, 0, 300, 900))
            if rng.random() < 0.08:
                cursor -= rng.randint(10, 16) * 3600  # evening and night
            offset = offset_at(tz, start)
            trying = rng.random() < 0.1
            rows.append(
                (
                    rng.choice(client_ids),
                    rng.choice(task_ids),
                    start,
                    offset,
                    start + length,
                    offset,
                    zone,
                    "trying" if trying else "done",
                    "Found a gap in the handover" if trying else "",
                    "",
                    1,
                )
            )
        conn.executemany(
            "INSERT INTO entries (client_id, task_type_id, start_utc, start_offset, end_utc,"
            " end_offset, zone, outcome, findings, note, billable)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    db.conn.execute("ANALYZE")
    db.close()
    return entries


def main() -> None:
    import time

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args()
    generate(args.data_dir, args.entries, end=int(time.time()))
    print(f"{args.entries:,} entries written to {args.data_dir}")


if __name__ == "__main__":
    main()
