"""``manage.py task_worker``: the production worker for background tasks (the newsletter's
digests and subscription mails). django-tasks-db's ``db_worker`` with the same options, run
by ``newsletter.worker.Worker``, which keeps running while the database is away (a restart,
a network cut) and carries on once it is back; ``db_worker`` itself exits."""

import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from newsletter.worker import Worker


class Command(db_worker.Command):
    help = (
        "Kører baggrundsopgaver (nyhedsbreve, tilmeldingsmails) fra køen i databasen, og "
        "fortsætter, når databasen har været væk."
    )

    # The library's handle() with this worker in place of its own (it names its class
    # directly, so only the construction differs).
    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
