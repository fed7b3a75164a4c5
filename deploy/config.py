"""The files in deploy/ read back as what they say: a systemd unit's command, an environment
file's variables, nginx's configuration with its placeholders filled in. The cluster
(deploy/cluster.py) runs what these give, so the files the README documents are the files
the cluster test uses (tests/test_deploy.py holds them to it).

``python -m deploy.config nginx --app 10.0.0.11:8000 --app 10.0.0.12:8000 …`` prints nginx's
configuration for a site (deploy/README.md).
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
UNITS = DEPLOY / "systemd"
ENVIRONMENTS = DEPLOY / "env"
NGINX_TEMPLATE = DEPLOY / "nginx" / "almene.conf"
MEDIA_FOLDER_TEMPLATE = DEPLOY / "nginx" / "media-folder.conf"
# The template's /media/ location that reads the bucket, with the comment above it.
BUCKET_MEDIA = re.compile(
    r"    # Media: the bucket.*?\n    location /media/ \{\n.*?\n    \}\n", re.S
)
# Where the units expect a release: the code in /srv/almene, its virtualenv in .venv there.
RELEASE = PurePosixPath("/srv/almene")
RELEASE_BIN = RELEASE / ".venv" / "bin"
PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
# An app server that fails once is left out this long, then tried again with one request.
FAIL_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class Unit:
    """A systemd service of deploy/systemd/: what it runs, where, with which environment."""

    name: str
    working_directory: PurePosixPath
    environment_file: PurePosixPath
    exec_start: tuple[str, ...]

    @classmethod
    def read(cls, name: str) -> Unit:
        service: dict[str, str] = {}
        section = ""
        for line in (UNITS / name).read_text().splitlines():
            line = line.strip()
            if not line or line.startswith(("#", ";")):
                continue
            if line.startswith("["):
                section = line.strip("[]")
            elif section == "Service":
                key, _, value = line.partition("=")
                service[key.strip()] = value.strip()
        return cls(
            name=name,
            working_directory=PurePosixPath(service["WorkingDirectory"]),
            environment_file=PurePosixPath(service["EnvironmentFile"]),
            exec_start=tuple(shlex.split(service["ExecStart"])),
        )

    def command(self, bin_dir: Path) -> list[str]:
        """ExecStart as this checkout runs it: the release's virtualenv is ``bin_dir``."""
        program = PurePosixPath(self.exec_start[0])
        if program.parent != RELEASE_BIN:
            raise ValueError(
                f"{self.name}: ExecStart runs {program}, not a program in {RELEASE_BIN}"
            )
        return [str(bin_dir / program.name), *self.exec_start[1:]]

    def directory(self, root: Path = ROOT) -> Path:
        """WorkingDirectory as this checkout has it: the release is ``root``."""
        if self.working_directory != RELEASE:
            raise ValueError(f"{self.name}: WorkingDirectory is not {RELEASE}")
        return root


@dataclass(frozen=True)
class EnvironmentFile:
    """One of deploy/env/*.env.example, as systemd's EnvironmentFile reads it (and a shell's
    ``set -a; . FILE``): ``NAME=value`` lines, a value with spaces in double quotes.
    Commented-out ``# NAME=value`` lines name optional variables."""

    path: Path
    values: dict[str, str]
    optional: frozenset[str]

    @classmethod
    def read(cls, name: str) -> EnvironmentFile:
        path = ENVIRONMENTS / name
        values, optional = {}, set()
        for line in path.read_text().splitlines():
            if match := re.fullmatch(r"([A-Z][A-Z0-9_]*)=(.*)", line.strip()):
                # Quoted as systemd and a shell both read it (a value with spaces or <>).
                value = match[2]
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    value = value[1:-1]
                values[match[1]] = value
            elif match := re.fullmatch(r"#\s*([A-Z][A-Z0-9_]*)=.*", line.strip()):
                optional.add(match[1])
        return cls(path, values, frozenset(optional))

    @property
    def names(self) -> set[str]:
        return set(self.values) | self.optional

    def fill(self, values: Mapping[str, str]) -> dict[str, str]:
        """``values`` for a process run as this file configures one: a value for each variable
        the file sets, and no variable it does not name (document it there first)."""
        unknown = set(values) - self.names
        if unknown:
            raise ValueError(f"{self.path.name} does not name {', '.join(sorted(unknown))}")
        missing = set(self.values) - set(values)
        if missing:
            raise ValueError(
                f"{self.path.name} sets {', '.join(sorted(missing))}: give each a value"
            )
        return dict(values)


def app_servers(addresses: Iterable[str]) -> str:
    """The upstream's ``server`` lines for these app servers (``host:port``)."""
    return "\n".join(
        f"    server {address} max_fails=1 fail_timeout={FAIL_TIMEOUT_SECONDS}s;"
        for address in addresses
    )


def placeholders(template: str) -> set[str]:
    return set(PLACEHOLDER.findall(template))


def nginx_template(media: str = "bucket") -> str:
    """deploy/nginx/almene.conf, whose /media/ location reads the bucket (``media="bucket"``);
    for media in a folder (one machine, no bucket) deploy/nginx/media-folder.conf's location
    instead (``"folder"``); none for pages that link the bucket or a CDN directly (``"none"``)."""
    template = NGINX_TEMPLATE.read_text()
    if media == "bucket":
        return template
    instead = {"folder": MEDIA_FOLDER_TEMPLATE.read_text(), "none": ""}[media]
    template, found = BUCKET_MEDIA.subn(lambda _: instead, template, count=1)
    if not found:
        raise ValueError(f"no bucket /media/ location in {NGINX_TEMPLATE.name}")
    return template


def nginx_config(values: Mapping[str, str]) -> str:
    """nginx's configuration, each placeholder (in double braces) filled in from ``values``:
    with ``MEDIA_BUCKET_URL``, /media/ reads the bucket; with ``MEDIA_ROOT``, the folder;
    with neither, nginx serves no /media/."""
    media = (
        "bucket" if "MEDIA_BUCKET_URL" in values else "folder" if "MEDIA_ROOT" in values else "none"
    )
    template = nginx_template(media)
    wanted = placeholders(template)
    if set(values) != wanted:
        raise ValueError(f"nginx's template wants {sorted(wanted)}; given {sorted(values)}")
    return PLACEHOLDER.sub(lambda match: values[match[1]], template)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.config")
    commands = parser.add_subparsers(dest="command", required=True)
    nginx = commands.add_parser("nginx", help="print nginx's configuration (deploy/README.md)")
    nginx.add_argument("--app", action="append", required=True, help="an app server, host:port")
    nginx.add_argument("--server-name", required=True, help="almene.example.org")
    nginx.add_argument("--listen", default="443", help="address and port (default 443)")
    nginx.add_argument("--certificate", required=True, help="TLS certificate (chain), PEM")
    nginx.add_argument("--certificate-key", required=True, help="its key, PEM")
    nginx.add_argument("--static-root", default=str(RELEASE / "static"), help="STATIC_ROOT")
    media = nginx.add_mutually_exclusive_group()
    media.add_argument(
        "--media-bucket-url",
        help="/media/ reads this bucket, as the public reads it: http://10.0.0.7:8333/almene-media",
    )
    media.add_argument("--media-root", help="/media/ is this machine's MEDIA_ROOT (no bucket)")
    nginx.add_argument("--access-log", default="/var/log/nginx/almene.access.log")
    options = parser.parse_args(argv)
    print(
        nginx_config(
            {
                "APP_SERVERS": app_servers(options.app),
                "SERVER_NAME": options.server_name,
                "LISTEN": options.listen,
                "TLS_CERTIFICATE": options.certificate,
                "TLS_CERTIFICATE_KEY": options.certificate_key,
                "STATIC_ROOT": options.static_root.rstrip("/"),
                "ACCESS_LOG": options.access_log,
            }
            | ({"MEDIA_ROOT": options.media_root.rstrip("/")} if options.media_root else {})
            | (
                {"MEDIA_BUCKET_URL": options.media_bucket_url.rstrip("/")}
                if options.media_bucket_url
                else {}
            )
        ),
        end="",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
