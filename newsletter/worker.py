"""The production task worker (``manage.py task_worker``): django-tasks-db's worker, kept
running while the database is away.

django-tasks-db's own ``db_worker`` exits when its database goes away: its loop lets every
database error but SQLite's "database is locked" out of ``Worker.run`` (a PostgreSQL restart
is an ``OperationalError`` from the first query after it), and a task whose result cannot be
written when it ends takes the worker down with it, the task left "running" for good. Under
systemd's ``Restart=always`` the worker comes back, but only after its restart back-off, and
anywhere else the queue stops until someone notices. The library has no setting for it, so
this subclass does three things:

- a database error that means the connection is gone (``OperationalError``,
  ``InterfaceError``) is caught around the library's loop: the worker logs it once, closes its
  connections and tries again with a growing pause (``FIRST_PAUSE`` to ``LONGEST_PAUSE``) until
  the database answers, logs that, and carries on in the same process;
- the task it was running when that happened (its result could not be written) is put back in
  the queue once the database is back, so it is run again rather than left "running";
- a task that itself failed on such an error (its own queries met the database gone) is put
  back in the queue too, a few seconds later, up to ``MAX_RUNS`` runs in all: it did not fail,
  the database did.

A task may therefore run twice (at least once, never lost): the newsletter's tasks are made
for that (a digest's deliveries are idempotent; a confirmation mail twice is harmless).
Any other error, and every signal, behaves as in ``db_worker``.
"""

from __future__ import annotations

import contextlib
import logging
import time
from datetime import timedelta

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("newsletter.worker")

# What a lost or refused database connection raises (a PostgreSQL restart, a network cut).
DATABASE_GONE = (OperationalError, InterfaceError)
DATABASE_GONE_PATHS = {f"{error.__module__}.{error.__qualname__}" for error in DATABASE_GONE}
FIRST_PAUSE = 0.5  # seconds before asking the database again, doubled up to LONGEST_PAUSE
LONGEST_PAUSE = 10.0
# A task that met the database gone is run again after this, at most MAX_RUNS times in all.
RERUN_AFTER = timedelta(seconds=5)
MAX_RUNS = 5


class Worker(db_worker.Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.interrupted: str | None = None  # the task whose result could not be written

    def run(self) -> None:
        while True:
            try:
                self.requeue_interrupted()
                return super().run()
            except DATABASE_GONE as error:
                self.startup_delay = False  # the herd has long been spread
                self.wait_for_database(error)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        # Left set if the library's run_task raises: the result was never written.
        self.interrupted = db_task_result.pk
        super().run_task(db_task_result)
        self.interrupted = None
        if (
            db_task_result.status == TaskResultStatus.FAILED
            and db_task_result.exception_class_path in DATABASE_GONE_PATHS
            and len(db_task_result.worker_ids) < MAX_RUNS
        ):
            self.requeue(db_task_result.pk, TaskResultStatus.FAILED, RERUN_AFTER)

    def requeue_interrupted(self) -> None:
        if self.interrupted is not None:
            self.requeue(self.interrupted, TaskResultStatus.RUNNING, timedelta(0))
            self.interrupted = None

    def requeue(self, pk, status: str, after: timedelta) -> None:
        """Put the task ``pk`` back in the queue, if it is still in ``status``."""
        put_back = DBTaskResult.objects.filter(pk=pk, status=status).update(
            status=TaskResultStatus.READY,
            run_after=timezone.now() + after,
            started_at=None,
            finished_at=None,
        )
        if put_back:
            logger.warning("Task id=%s met the database gone: put back in the queue", pk)

    def wait_for_database(self, error: DatabaseError) -> None:
        """Wait, with a growing pause, until the database answers again. A signal to stop
        ends the wait (the library's handler exits while no task runs)."""
        logger.warning("Database unavailable, worker_id=%s waits for it: %s", self.worker_id, error)
        started, pause = time.monotonic(), FIRST_PAUSE
        while True:
            close_connections()
            time.sleep(pause)
            try:
                with connections["default"].cursor() as cursor:
                    cursor.execute("SELECT 1")
            except DATABASE_GONE:
                pause = min(pause * 2, LONGEST_PAUSE)
                continue
            break
        logger.warning(
            "Database back after %.1f s, worker_id=%s carries on",
            time.monotonic() - started,
            self.worker_id,
        )


def close_connections() -> None:
    """Close every database connection of this process, broken ones included, so the next
    query opens a new one."""
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(DatabaseError):
            connection.close()
