"""The newsletter's background work, run by the task worker (``manage.py task_worker``)
in production, and at once in development (settings.TASKS)."""

from django_tasks import task


@task()
def send_due_newsletters() -> str:
    """Send the digest that is due to everyone who has not had it yet."""
    from .sending import send_due

    digest, outcome = send_due()
    return f"Nyhedsbrev nr. {digest.number}: {outcome}"
