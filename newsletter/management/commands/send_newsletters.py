"""``manage.py send_newsletters``: send the digest that is due.

Run it from a timer (see README: hourly is enough; a digest is made once its weekday and
hour have come, and sending is resumable). By default it hands the work to django-tasks'
worker (``manage.py task_worker``), so a long run never holds up the timer; ``--now`` sends
in this process, as in development, where tasks run at once anyway.
"""

from django.core.management.base import BaseCommand

from newsletter.sending import send_due
from newsletter.tasks import send_due_newsletters


class Command(BaseCommand):
    help = "Sender det nyhedsbrev, der er forfaldent, til dem der ikke har fået det endnu."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send i denne proces i stedet for at lægge arbejdet i køen til task_worker.",
        )

    def handle(self, *args, now=False, **options):
        if now:
            digest, outcome = send_due()
            self.stdout.write(f"Nyhedsbrev nr. {digest.number}: {outcome}")
            return
        result = send_due_newsletters.enqueue()
        self.stdout.write(f"Lagt i køen ({result.id}).")
