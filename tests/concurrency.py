"""Two writers at once, for real, on PostgreSQL: the second in a thread of its own (with its
own database connection) that starts once the first holds what it is to wait for."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

from django.db import connection, connections


@contextmanager
def second_writer(work: Callable[[], object]):
    """``with second_writer(work) as start:`` runs ``work`` in another thread once the block
    calls ``start()``; at the block's end it waits for ``work`` and raises what it raised."""
    started, errors = threading.Event(), []

    def other():
        try:
            started.wait(5)
            work()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=other)
    thread.start()
    try:
        yield started.set
    finally:
        started.set()
        thread.join(10)
    assert not errors, errors


def until_another_waits_for_a_lock(seconds: float = 5) -> None:
    """Until some other session waits for a lock this one holds (PostgreSQL's view of it)."""
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            # Within a transaction the statistics views hold still unless their snapshot is
            # let go: without this, the waiter would never show.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("no other session came to wait for this one's lock")


def until_the_database_is_quiet(quiet_for: float = 0.3, seconds: float = 5) -> None:
    """Until no other session on this database has been busy (running a statement, or inside
    a transaction) for ``quiet_for`` seconds: the live server's last requests are done. Before
    a browser test's tables are emptied, a request still writing (an autosave a closing page
    sent with keepalive) would deadlock with the truncation. PostgreSQL only: elsewhere at
    once."""
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + seconds
    quiet_since = time.monotonic()
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')"
            )
            if cursor.fetchone()[0]:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= quiet_for:
                return
            time.sleep(0.02)
