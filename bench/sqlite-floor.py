#!/usr/bin/env python3
"""The CPU one durable delivery costs SQLite alone, without a server: the floor under the intake.

Inserts GitHub's issue_comment example (compact, 7.4 KB, as bench/intake.sh sends it) into the product's delivery tables
(V2 + V6, as migrated) in WAL mode with synchronous=FULL, in transactions of B rows (the group
commit's batch), with a passive checkpoint every 2,000 rows as the server's checkpointer does, and
prints the process's user and system CPU per row. Python's sqlite3 module calls the same C library
the product's sqlite-jdbc wraps, so the figures are SQLite's and the kernel's; Python adds a few
microseconds of user time per row.

    bench/sqlite-floor.py [rows per batch size, default 20000]
"""
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = """
CREATE TABLE deliveries (seq INTEGER PRIMARY KEY AUTOINCREMENT, delivery_id TEXT NOT NULL UNIQUE,
  event TEXT NOT NULL, action TEXT, installation_id INTEGER, repository TEXT, hook_id TEXT,
  payload TEXT, received_at TEXT NOT NULL, dispatched_at TEXT, outcome TEXT, reason TEXT,
  dispatch_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX deliveries_pending ON deliveries(seq) WHERE dispatched_at IS NULL;
CREATE INDEX deliveries_received ON deliveries(received_at);
CREATE TABLE delivery_payloads (seq INTEGER PRIMARY KEY REFERENCES deliveries(seq)
  ON DELETE CASCADE, payload TEXT NOT NULL);
"""


def run(rows, batch, synchronous, payload, work):
    path = os.path.join(work, f"floor-{batch}-{synchronous}.db")
    c = sqlite3.connect(path, isolation_level=None)
    for pragma in ("page_size=4096", "auto_vacuum=2", "journal_mode=wal",
                   f"synchronous={synchronous}", "wal_autocheckpoint=0"):
        c.execute("PRAGMA " + pragma)
    c.executescript(SCHEMA)
    before, start = resource.getrusage(resource.RUSAGE_SELF), time.time()
    n = 0
    while n < rows:
        c.execute("BEGIN IMMEDIATE")
        for _ in range(batch):
            c.execute(
                "INSERT INTO deliveries(delivery_id, event, action, installation_id, repository,"
                " hook_id, received_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(delivery_id) DO NOTHING",
                (str(uuid.uuid4()), "issue_comment", "created", 1, "octo/repo", "1",
                 "2026-11-27T07:00:00.%06dZ" % n))
            c.execute("INSERT INTO delivery_payloads(seq, payload) VALUES (last_insert_rowid(), ?)",
                      (payload,))
            n += 1
        c.execute("COMMIT")
        if n % 2000 < batch:
            c.execute("PRAGMA wal_checkpoint(PASSIVE)")
    after = resource.getrusage(resource.RUSAGE_SELF)
    c.close()
    user = (after.ru_utime - before.ru_utime) / n * 1e6
    system = (after.ru_stime - before.ru_stime) / n * 1e6
    wall = (time.time() - start) / n * 1e6
    print(f"batch {batch:3d}  synchronous={synchronous:6s}  user {user:6.1f} µs  system {system:6.1f} µs"
          f"  cpu {user + system:6.1f} µs  wall {wall:7.1f} µs per row")


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    with open(os.path.join(ROOT, "src/test/resources/payloads/issue_comment.created.2.json")) as f:
        example = json.load(f)
    # as bench/intake.sh sends it: without the repository's templated API URLs
    example["repository"] = {k: v for k, v in example["repository"].items()
                             if not (isinstance(v, str) and v.startswith("https://api"))}
    payload = json.dumps(example, separators=(",", ":"))
    print(f"sqlite {sqlite3.sqlite_version}, payload {len(payload)} bytes, {rows} rows per line")
    with tempfile.TemporaryDirectory() as work:
        for batch in (1, 4, 8, 16):
            run(rows, batch, "FULL", payload, work)
        run(rows, 8, "NORMAL", payload, work)


if __name__ == "__main__":
    main()
