import email
import email.policy
import os
import signal
import socket

import pytest
from django.core.cache import cache, caches

from articles.caching import forget_local_state
from tests.factories import AuthorFactory, UserFactory
from tests.faults import private_redis  # noqa: F401  (a fixture for every test module)
from tests.seaweedfs import object_storage, seaweedfs  # noqa: F401  (the same)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (Redis in CI keeps entries between tests), and
    nothing remembered from earlier tests in this process."""
    for each in (cache, caches["fragments"]):
        each.clear()
    forget_local_state()
    yield
    for each in (cache, caches["fragments"]):
        each.clear()
    forget_local_state()


@pytest.fixture
def journalist():
    """A journalist with a byline of their own (a module may define its own, named)."""
    user = UserFactory(username="journalist", groups=["Journalist"])
    AuthorFactory(name="Jette Journalist", user=user)
    return user


@pytest.fixture
def editor():
    return UserFactory(username="redaktoer", groups=["Redaktør"])


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): …`` runs what the block left for after the commit (cache
    invalidation, search words), as a real commit would. Tests run inside a transaction that
    is never committed, so without this those callbacks never run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


class SMTPServer:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 in the test process, collecting what it is
    sent as parsed messages (``email.message.EmailMessage``). ``stop()`` takes it down (the
    port then refuses connections), ``start()`` brings it back on the same port, and an
    address in ``refused`` is refused as unknown."""

    def __init__(self, port: int):
        self.port = port
        self.messages = []  # (envelope recipients, message)
        self.refused = set()  # addresses answered "550 No such user here"
        self.kill_at = None  # (the nth mail, a process id): kill that process as it arrives
        self.controller = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.kill_at is not None and len(self.messages) + 1 >= self.kill_at[0]:
            # A sender dying mid-run: killed as this mail arrives, before it is taken.
            os.kill(self.kill_at[1], signal.SIGKILL)
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def start(self):
        from aiosmtpd.controller import Controller  # only the mail tests need it

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings, monkeypatch):
    """Django's SMTP backend pointed at a real SMTP server running in the test process."""
    from newsroom import notifications

    # No memory of a mail server that failed in an earlier test.
    monkeypatch.setattr(notifications, "_server_failed_at", None)
    server = SMTPServer(free_port())
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()
