"""The deployment files (deploy/) and what the cluster (deploy/cluster.py) runs are the same
thing: the units' commands, the environment files' variables, nginx's configuration. The
cluster test itself (`make cluster-test`) proves those files work, and checks that its
processes run the units' commands with the file's variables; these keep the docs from
drifting away from it without starting anything but `nginx -t`."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

from deploy.cluster import SYSTEMD_VARIABLES, Cluster, make_certificate
from deploy.config import (
    ENVIRONMENTS,
    NGINX_TEMPLATE,
    ROOT,
    UNITS,
    EnvironmentFile,
    Unit,
    app_servers,
    nginx_config,
)

BIN = ROOT / ".venv" / "bin"
TEMPORARY = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")  # nginx's folders


@pytest.fixture
def cluster():
    """A cluster not started: its folders and ports, and what it would run."""
    made = Cluster()
    made.endpoint = "http://127.0.0.1:8333"
    yield made
    made.stop()


def test_the_web_unit_runs_gunicorn_with_its_config_file():
    unit = Unit.read("almene-web.service")
    assert unit.command(BIN) == [
        str(BIN / "gunicorn"),
        "almene.wsgi",
        "--config",
        "gunicorn.conf.py",
    ]
    assert (unit.directory() / "gunicorn.conf.py").exists()
    assert str(unit.environment_file) == "/etc/almene/almene.env"


def test_the_worker_unit_runs_the_task_worker():
    unit = Unit.read("almene-worker.service")
    program, manage, command = unit.command(BIN)
    assert (Path(program).name, manage, command) == ("python", "manage.py", "task_worker")
    assert (unit.directory() / "manage.py").exists()
    assert get_commands()["task_worker"] == "newsletter"
    assert unit.environment_file == Unit.read("almene-web.service").environment_file


def timer_settings(path: Path) -> dict[str, str]:
    """A timer's [Timer] section."""
    settings, section = {}, ""
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "Timer" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip()
    return settings


TIMERS = sorted(UNITS.glob("*.timer"))


def test_every_periodic_job_has_a_timer():
    """The jobs README.md's "Cron" names, each started by a timer of its own."""
    jobs = {
        re.fullmatch(r"almene-job@(\w+)\.service", timer_settings(t)["Unit"])[1] for t in TIMERS
    }
    assert jobs == {
        "send_newsletters",
        "send_editorial_mail",
        "purge_readers",
        "prune_db_task_results",
    }


@pytest.mark.parametrize("timer", TIMERS, ids=lambda path: path.name)
def test_a_timer_runs_a_manage_command_on_a_calendar_systemd_reads(timer):
    settings = timer_settings(timer)
    job = re.fullmatch(r"almene-job@(\w+)\.service", settings["Unit"])[1]
    assert job in get_commands()
    unit = Unit.read("almene-job@.service")
    program, manage, instance = unit.command(BIN)
    assert (Path(program).name, manage, instance) == ("python", "manage.py", "%i")
    assert (unit.directory() / "manage.py").exists()
    assert unit.environment_file == Unit.read("almene-web.service").environment_file
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    checked = subprocess.run(
        ["systemd-analyze", "calendar", settings["OnCalendar"]], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def test_the_cluster_sets_the_variables_of_the_app_servers_file(cluster):
    """Every variable the app servers' file sets, and none it does not name (commented out
    or not); beyond it only what systemd gives a service. (`make cluster-test` checks the
    running processes' own command lines and environments the same way.)"""
    example = EnvironmentFile.read("app-server.env.example")
    environments = [cluster.node_environment(node) for node in cluster.nodes]
    environments += [cluster.worker_environment(), cluster.setup_environment()]
    for environment in environments:
        assert set(example.values) <= set(environment)
        assert set(environment) - SYSTEMD_VARIABLES <= example.names
    node_a, node_b = (cluster.node_environment(node) for node in cluster.nodes)
    assert node_a["MEDIA_ROOT"] != node_b["MEDIA_ROOT"]
    assert node_a["DEBUG"] == node_b["DEBUG"] == "0"
    assert node_a["WEB_CONCURRENCY"] == "2"
    assert node_a["AWS_STORAGE_BUCKET_NAME"] == node_b["AWS_STORAGE_BUCKET_NAME"]


def test_a_variable_not_in_the_file_is_refused():
    example = EnvironmentFile.read("app-server.env.example")
    values = dict(example.values)
    assert example.fill(values) == values
    with pytest.raises(ValueError, match="does not name SOMETHING_NEW"):
        example.fill(values | {"SOMETHING_NEW": "1"})
    with pytest.raises(ValueError, match="REDIS_URL"):
        example.fill({name: value for name, value in values.items() if name != "REDIS_URL"})


def documented_variables() -> set[str]:
    """The variables README.md's "Configuration" table names."""
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return {
        name
        for line in table.splitlines()
        if line.startswith("| `")
        for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1])
    }


@pytest.mark.parametrize("name", sorted(path.name for path in ENVIRONMENTS.glob("*.env.example")))
def test_every_variable_of_the_environment_files_is_documented(name):
    example = EnvironmentFile.read(name)
    assert example.values
    assert example.names - documented_variables() == set()
    assert example.values["DEBUG"] == "0"


@pytest.mark.parametrize("name", sorted(path.name for path in ENVIRONMENTS.glob("*.env.example")))
def test_a_shell_reads_the_environment_files_as_systemd_does(name):
    """deploy/README.md runs manage.py by hand with the file read by the shell
    (``set -a; . FILE``): the values must come out as the units get them."""
    example = EnvironmentFile.read(name)
    shell = subprocess.run(
        ["sh", "-c", 'set -a; . "$0"; env -0', str(example.path)],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    read = dict(entry.split("=", 1) for entry in shell.stdout.split("\0") if "=" in entry)
    assert {name: read.get(name) for name in example.values} == example.values


def rendered(values: dict, tmp_path: Path) -> Path:
    """nginx's configuration inside a main file as Debian's, checked with `nginx -t`."""
    site = tmp_path / "almene.conf"
    site.write_text(nginx_config(values))
    for kind in TEMPORARY:
        (tmp_path / kind).mkdir()
    temporary = "".join(f"{kind}_temp_path {tmp_path / kind}; " for kind in TEMPORARY)
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path / 'nginx.pid'}; events {{}} "
        f"http {{ include /etc/nginx/mime.types; {temporary} include {site}; }}\n"
    )
    return main


@pytest.fixture
def certificate(tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    return make_certificate(tmp_path / "tls")


def nginx_accepts(main: Path) -> subprocess.CompletedProcess:
    nginx = shutil.which("nginx") or shutil.which("/usr/sbin/nginx")
    if nginx is None:
        pytest.skip("nginx is not installed")
    return subprocess.run(
        [nginx, "-t", "-q", "-p", str(main.parent), "-e", "stderr", "-c", str(main)],
        capture_output=True,
        text=True,
    )


def common_values(tmp_path, certificate) -> dict:
    return {
        "APP_SERVERS": app_servers(["10.0.0.11:8000", "10.0.0.12:8000"]),
        "SERVER_NAME": "almene.example.org",
        "LISTEN": "127.0.0.1:8443",  # nginx -t binds nothing
        "TLS_CERTIFICATE": str(certificate / "cert.pem"),
        "TLS_CERTIFICATE_KEY": str(certificate / "key.pem"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "ACCESS_LOG": str(tmp_path / "access.log"),
    }


def test_nginx_takes_the_configuration_for_a_bucket(tmp_path, certificate):
    values = common_values(tmp_path, certificate) | {
        "MEDIA_BUCKET_URL": "http://10.0.0.7:8333/almene-media"
    }
    main = rendered(values, tmp_path)
    assert nginx_accepts(main).returncode == 0, nginx_accepts(main).stderr
    text = (tmp_path / "almene.conf").read_text()
    assert "{{" not in text
    assert "server 10.0.0.12:8000 max_fails=1" in text
    assert "proxy_pass http://10.0.0.7:8333/almene-media/;" in text


def test_nginx_takes_the_configuration_for_a_media_folder(tmp_path, certificate):
    values = common_values(tmp_path, certificate) | {"MEDIA_ROOT": "/srv/almene/media"}
    main = rendered(values, tmp_path)
    assert nginx_accepts(main).returncode == 0, nginx_accepts(main).stderr
    text = (tmp_path / "almene.conf").read_text()
    assert "alias /srv/almene/media/;" in text
    assert "almene-media" not in text and text.count("location /media/") == 1


def test_nginx_retries_only_what_may_be_retried():
    """A dead app server's GETs go to the next; a POST is never sent twice."""
    template = NGINX_TEMPLATE.read_text()
    directives = [line.split("#")[0].strip() for line in template.splitlines()]
    assert "proxy_next_upstream error timeout http_502 http_503;" in directives
    assert not any("non_idempotent" in line for line in directives)
    assert "proxy_next_upstream_tries 2;" in directives
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in directives
    assert "client_max_body_size 25m;" in directives


def test_nginx_takes_the_configuration_without_media(tmp_path, certificate):
    """Pages that link the bucket or a CDN directly: nginx serves no /media/."""
    main = rendered(common_values(tmp_path, certificate), tmp_path)
    assert nginx_accepts(main).returncode == 0, nginx_accepts(main).stderr
    assert "location /media/" not in (tmp_path / "almene.conf").read_text()
