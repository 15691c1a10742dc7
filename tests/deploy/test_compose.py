"""deploy/compose: Docker Compose's own reading of the file, and the house rules for what it resolves to.

Offline and without a Docker engine: `docker-compose config` (the pinned binary that
deploy/ensure-compose-tools.sh puts in the venv) interpolates, merges and validates the file against
the Compose Specification the way `docker compose up` would, and prints the resolved model; the tests
read that model with env files made by deploy/compose/make_env.py.
"""

import http.server
import importlib
import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
COMPOSE_DIR = REPO / "deploy" / "compose"
COMPOSE_FILE = COMPOSE_DIR / "compose.yaml"
MAKE_ENV = COMPOSE_DIR / "make_env.py"
DOCKERFILE = REPO / "deploy" / "Dockerfile"

# The containers that run our image as a service, with the settings class each one loads.
APP_SERVICES = {
    "gateway": "gateway.settings",
    "intake-api": "intake_api.settings",
    "case-api": "case_api.settings",
    "meeting-api": "meeting_api.settings",
}
# Which containers may see each generated value (anything else seeing it is a leak).
WHO_MAY_SEE = {
    "POSTGRES_PASSWORD": {"db", "migrate", *APP_SERVICES},
    # Each service's client secret: the service itself, and the gateway that registers its client.
    "INTAKE_SECRET": {"intake-api", "gateway"},
    "CASE_SECRET": {"case-api", "gateway"},
    "MEETING_SECRET": {"meeting-api", "gateway"},
    "CHALLENGE_SECRET": {"intake-api"},
    "TSUNAGU_DEMO_PASSWORD": {"migrate"},
}
SECRET_NAME = re.compile(r"PASSWORD|SECRET")
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}, ${NAME:+alt}; not $${…}.
REFERENCE = re.compile(r"(?<!\$)\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?+])?(?P<arg>[^}]*)\}")


def load_make_env() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_env", MAKE_ENV)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compose_binary() -> str:
    beside = Path(sys.executable).parent / "docker-compose"
    found = str(beside) if beside.exists() else shutil.which("docker-compose")
    if not found:
        pytest.fail("docker-compose is missing: bash deploy/ensure-compose-tools.sh installs the pinned one")
    return found


def make_env(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAKE_ENV), str(path), *args], capture_output=True, text=True, check=False
    )


def read_env(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if line and line[0] != "#")
    return dict(pairs)  # type: ignore[arg-type]


def run_compose(
    *args: str, env_file: Path | None, compose_file: Path = COMPOSE_FILE
) -> subprocess.CompletedProcess[str]:
    """docker-compose with nothing from the developer's shell (an exported secret would hide a gap)."""
    files = ["-f", str(compose_file)] + (["--env-file", str(env_file)] if env_file else [])
    with tempfile.TemporaryDirectory(prefix="compose-home-") as home:
        return subprocess.run(
            [compose_binary(), *files, *args],
            capture_output=True,
            text=True,
            check=False,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home},
            timeout=60,
        )


def resolved(env_file: Path) -> dict[str, Any]:
    result = run_compose("config", "--format", "json", env_file=env_file)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def env_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("compose-env")
    files = {"plain": work / "plain.env", "demo": work / "demo.env"}
    assert make_env(files["plain"]).returncode == 0
    assert make_env(files["demo"], "--demo").returncode == 0
    return files


@pytest.fixture(scope="module")
def plain(env_files: dict[str, Path]) -> dict[str, Any]:
    return resolved(env_files["plain"])


@pytest.fixture(scope="module")
def demo(env_files: dict[str, Path]) -> dict[str, Any]:
    return resolved(env_files["demo"])


def raw_compose() -> dict[str, Any]:
    """The file as written (YAML anchors and merges applied, nothing of Compose's normalising)."""
    return yaml.safe_load(COMPOSE_FILE.read_text())


# --- Compose's own verdict ---------------------------------------------------------------------


def test_compose_accepts_the_file_with_a_generated_env_file(env_files: dict[str, Path]) -> None:
    for env_file in env_files.values():
        result = run_compose("config", "--quiet", env_file=env_file)
        assert result.returncode == 0, result.stderr


def test_the_env_file_beside_compose_yaml_is_read_without_being_named(tmp_path: Path) -> None:
    """`docker compose -f deploy/compose/compose.yaml up` finds deploy/compose/.env on its own."""
    copy = tmp_path / "deploy" / "compose"
    copy.mkdir(parents=True)
    shutil.copy(COMPOSE_FILE, copy / "compose.yaml")
    assert make_env(copy / ".env").returncode == 0
    result = run_compose("config", "--format", "json", env_file=None, compose_file=copy / "compose.yaml")
    assert result.returncode == 0, result.stderr
    db_env = json.loads(result.stdout)["services"]["db"]["environment"]
    assert db_env["POSTGRES_PASSWORD"] == read_env(copy / ".env")["POSTGRES_PASSWORD"]


@pytest.mark.parametrize("missing", load_make_env().SECRET_KEYS)
def test_a_missing_secret_stops_compose_and_says_how_to_make_it(missing: str, tmp_path: Path) -> None:
    env_file = tmp_path / "partial.env"
    assert make_env(env_file).returncode == 0
    kept = [line for line in env_file.read_text().splitlines() if not line.startswith(f"{missing}=")]
    env_file.write_text("\n".join(kept) + "\n")
    result = run_compose("config", "--quiet", env_file=env_file)
    assert result.returncode != 0
    assert f"required variable {missing} is missing a value" in result.stderr
    assert "make compose-env" in result.stderr


# --- no default secret, and make_env.py writes every one -------------------------------------------


def test_no_secret_has_a_default_in_the_file() -> None:
    """A secret is required (${X:?how}); only the demo password may be empty (the migration then refuses)."""
    references = list(REFERENCE.finditer(COMPOSE_FILE.read_text()))
    assert references
    for ref in references:
        name, op, arg = ref["name"], ref["op"] or "", ref["arg"]
        if not SECRET_NAME.search(name):
            continue
        if name == "TSUNAGU_DEMO_PASSWORD":
            assert (op, arg) == (":-", ""), ref[0]
        else:
            assert op == ":?" and arg.strip(), f"{ref[0]}: a secret needs ${{{name}:?message}}"
    assert "tsunagu:tsunagu@" not in COMPOSE_FILE.read_text()


def test_make_env_writes_exactly_what_compose_requires() -> None:
    required = {ref["name"] for ref in REFERENCE.finditer(COMPOSE_FILE.read_text()) if ref["op"] == ":?"}
    assert set(load_make_env().SECRET_KEYS) == required
    assert required == {
        "POSTGRES_PASSWORD",
        "INTAKE_SECRET",
        "CASE_SECRET",
        "MEETING_SECRET",
        "CHALLENGE_SECRET",
    }


def test_make_env_writes_fresh_private_values(tmp_path: Path) -> None:
    old_umask = os.umask(0)  # even a permissive umask must not widen the file
    try:
        result = make_env(tmp_path / ".env")
    finally:
        os.umask(old_umask)
    assert result.returncode == 0, result.stderr
    path = tmp_path / ".env"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    values = read_env(path)
    assert set(values) == set(load_make_env().SECRET_KEYS)
    assert len(set(values.values())) == len(values)
    for value in values.values():
        assert re.fullmatch(r"[A-Za-z0-9_-]{40,}", value)  # URL-safe: it goes into DATABASE_URL as it is
        assert value not in result.stdout + result.stderr
    assert "TSUNAGU_DEMO" not in path.read_text()


def test_make_env_demo_adds_the_demo_switch_and_password(tmp_path: Path) -> None:
    assert make_env(tmp_path / ".env", "--demo").returncode == 0
    values = read_env(tmp_path / ".env")
    assert set(values) == {*load_make_env().SECRET_KEYS, "TSUNAGU_DEMO", "TSUNAGU_DEMO_PASSWORD"}
    assert values["TSUNAGU_DEMO"] == "1"
    assert len(values["TSUNAGU_DEMO_PASSWORD"]) >= 16


def test_make_env_keeps_an_existing_file_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    assert make_env(path).returncode == 0
    before = path.read_text()
    again = make_env(path, "--demo")
    assert again.returncode == 1
    assert "exists" in again.stderr
    assert path.read_text() == before
    path.chmod(0o644)
    forced = make_env(path, "--force")
    assert forced.returncode == 0, forced.stderr
    assert path.read_text() != before
    assert set(read_env(path)) == set(load_make_env().SECRET_KEYS)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [".env"]  # no temporary file left behind


# --- what the containers get ---------------------------------------------------------------------


def test_demo_mode_is_off_unless_asked(plain: dict[str, Any], demo: dict[str, Any]) -> None:
    for name in APP_SERVICES:
        assert plain["services"][name]["environment"]["TSUNAGU_DEMO_MODE"] == "0", name
        assert demo["services"][name]["environment"]["TSUNAGU_DEMO_MODE"] == "1", name
    assert plain["services"]["migrate"]["environment"]["TSUNAGU_DEMO"] == "0"
    assert plain["services"]["migrate"]["environment"]["TSUNAGU_DEMO_PASSWORD"] == ""
    assert demo["services"]["migrate"]["environment"]["TSUNAGU_DEMO"] == "1"


@pytest.fixture
def fake_python(tmp_path: Path) -> Path:
    """A `python` that records its arguments: what the migration container would run."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "python"
    script.write_text('#!/bin/sh\necho "python $*"\n')
    script.chmod(0o755)
    return bin_dir


def run_migrate_command(
    config: dict[str, Any], bin_dir: Path, **override: str
) -> subprocess.CompletedProcess[str]:
    migrate = config["services"]["migrate"]
    # Compose turns $$ into $ when it creates the container.
    command = [part.replace("$$", "$") for part in migrate["command"]]
    env = {**migrate["environment"], **override, "PATH": f"{bin_dir}:/usr/bin:/bin"}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=10)


def test_the_migration_loads_demo_data_only_in_demo_mode(
    plain: dict[str, Any], demo: dict[str, Any], fake_python: Path
) -> None:
    assert run_migrate_command(plain, fake_python).stdout.strip() == "python -m tsunagu_local.migrate"
    assert run_migrate_command(demo, fake_python).stdout.strip() == "python -m tsunagu_local.migrate --demo"
    for unclear in ("true", "yes", "2", " 1"):
        refused = run_migrate_command(plain, fake_python, TSUNAGU_DEMO=unclear)
        assert refused.returncode == 2 and "python" not in refused.stdout, unclear
    no_password = run_migrate_command(demo, fake_python, TSUNAGU_DEMO_PASSWORD="")
    assert no_password.returncode == 2 and "TSUNAGU_DEMO_PASSWORD" in no_password.stderr


def test_each_service_starts_outside_demo_mode_with_what_compose_gives_it(
    plain: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each service's own settings accept the environment (they refuse placeholder or missing secrets)."""
    for name, module in APP_SERVICES.items():
        environment = plain["services"][name]["environment"]
        for key in [k for k in os.environ if k.startswith("TSUNAGU_") or k == "DATABASE_URL"]:
            monkeypatch.delenv(key)
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        settings = importlib.import_module(module).Settings()
        assert settings.demo_mode is False, name
        assert settings.database_url.startswith("postgresql://tsunagu:"), name
        # Without the secret the same settings refuse to start (the check above is not vacuous).
        secret_key = "TSUNAGU_CHALLENGE_SECRET" if name == "intake-api" else "TSUNAGU_SERVICE_CLIENT_SECRET"
        if name != "gateway":
            monkeypatch.setenv(secret_key, "")
            with pytest.raises(ValueError, match=secret_key):
                importlib.import_module(module).Settings()


def test_each_secret_reaches_only_the_containers_that_need_it(
    demo: dict[str, Any], env_files: dict[str, Path]
) -> None:
    values = read_env(env_files["demo"])
    for key, allowed in WHO_MAY_SEE.items():
        seen = {
            name
            for name, service in demo["services"].items()
            if any(values[key] in str(v) for v in (service.get("environment") or {}).values())
            or values[key] in json.dumps(service.get("command"))
        }
        assert seen == allowed, key


def test_the_gateway_keeps_its_signing_key_on_a_volume(plain: dict[str, Any]) -> None:
    gateway = plain["services"]["gateway"]
    key_path = Path(gateway["environment"]["TSUNAGU_SIGNING_KEY_PATH"])
    mounts = {Path(m["target"]): m for m in gateway["volumes"]}
    assert key_path.parent in mounts and mounts[key_path.parent]["type"] == "volume"
    assert mounts[key_path.parent]["source"] in plain["volumes"]


# --- start order and health -------------------------------------------------------------------------


def test_every_long_running_container_has_a_healthcheck(plain: dict[str, Any]) -> None:
    for name, service in plain["services"].items():
        if service.get("restart", "no") == "no":
            continue
        check = service.get("healthcheck") or {}
        assert not check.get("disable") and check.get("test"), name
        if name in APP_SERVICES:
            assert "/readyz" in check["test"][-1] and "PORT" in check["test"][-1], name
    assert plain["services"]["db"]["healthcheck"]["test"][1] == "pg_isready"
    assert set(APP_SERVICES) | {"db"} <= {
        n for n, s in plain["services"].items() if s.get("restart", "no") != "no"
    }


@pytest.fixture
def readyz_server() -> Iterator[tuple[int, list[int]]]:
    """A local /readyz whose status the test sets."""
    status = [200]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status[0] if self.path == "/readyz" else 404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], status
    finally:
        server.shutdown()
        server.server_close()


def test_the_service_healthcheck_passes_on_ready_and_fails_otherwise(
    plain: dict[str, Any], readyz_server: tuple[int, list[int]]
) -> None:
    port, status = readyz_server
    for name in APP_SERVICES:
        test = plain["services"][name]["healthcheck"]["test"]
        assert test[:3] == ["CMD", "python", "-c"], name
        command = [sys.executable, "-I", "-c", test[3]]
        env = {"PORT": str(port), "PATH": "/usr/bin:/bin"}
        status[0] = 200
        assert subprocess.run(command, env=env, capture_output=True, check=False).returncode == 0, name
        status[0] = 503
        assert subprocess.run(command, env=env, capture_output=True, check=False).returncode != 0, name


def test_every_dependency_names_its_condition() -> None:
    for name, service in raw_compose()["services"].items():
        depends_on = service.get("depends_on", {})
        assert isinstance(depends_on, dict), f"{name}: depends_on as a list has no condition"
        for target, rule in depends_on.items():
            assert isinstance(rule, dict) and rule.get("condition"), f"{name} → {target}"


def test_services_start_on_a_healthy_migrated_database_and_never_wait_for_the_gateway(
    plain: dict[str, Any],
) -> None:
    """The gateway's /readyz waits for the services: a service waiting for it would never start."""
    services = plain["services"]
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy", "required": True}}
    for name in APP_SERVICES:
        depends_on = {k: v["condition"] for k, v in services[name]["depends_on"].items()}
        assert depends_on == {"db": "service_healthy", "migrate": "service_completed_successfully"}, name
    assert services["migrate"]["restart"] == "no"


# --- images and hardening ---------------------------------------------------------------------------


def project_version() -> str:
    versions = {
        tomllib.loads((REPO / part / "pyproject.toml").read_text())["project"]["version"]
        for part in ("services", "gateway", "intake-api", "case-api", "meeting-api", "deploy")
    }
    assert len(versions) == 1, versions
    return versions.pop()


def test_images_are_pinned_by_version(plain: dict[str, Any]) -> None:
    for name, service in plain["services"].items():
        repository, _, tag = service["image"].rpartition(":")
        assert repository and tag and tag != "latest", name
        if repository == "tsunagu":
            assert tag == project_version(), name
            assert service["pull_policy"] == "build", name  # ours is built here, never pulled
        else:
            assert re.fullmatch(r"\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?", tag), f"{name}: {tag} floats"
    assert ":latest" not in COMPOSE_FILE.read_text()


def test_postgres_keeps_its_data_on_a_volume_where_18_expects_it(plain: dict[str, Any]) -> None:
    db = plain["services"]["db"]
    assert db["image"].startswith("postgres:18.")
    assert [(m["type"], m["target"]) for m in db["volumes"]] == [("volume", "/var/lib/postgresql")]


def test_containers_are_read_only_and_gain_no_privileges(plain: dict[str, Any]) -> None:
    for name, service in plain["services"].items():
        assert service.get("read_only") is True, name
        assert "/tmp" in service.get("tmpfs", []), name  # noqa: S108 (the container's tmpfs)
        assert "no-new-privileges:true" in service.get("security_opt", []), name
        if name != "db":  # the PostgreSQL entrypoint needs root's capabilities to hand its files over
            assert service.get("cap_drop") == ["ALL"], name


def test_only_the_gateway_is_published_and_only_on_loopback(plain: dict[str, Any]) -> None:
    published = {name: s["ports"] for name, s in plain["services"].items() if s.get("ports")}
    assert set(published) == {"gateway"}
    assert [(p["host_ip"], p["target"]) for p in published["gateway"]] == [("127.0.0.1", 8000)]
    assert plain["networks"]["backend"].get("internal") is True
    assert plain["services"]["db"]["networks"].keys() == {"backend"}


def test_the_dockerfile_pins_its_bases_and_keeps_secrets_out() -> None:
    text = DOCKERFILE.read_text()
    bases = re.findall(r"^FROM\s+(\S+)", text, flags=re.MULTILINE)
    assert bases
    for base in bases:
        assert re.fullmatch(r"[a-z0-9./-]+:\d+\.\d+\.\d+-[a-z0-9-]+", base), f"{base} is not a version tag"
    users = re.findall(r"^USER\s+(\S+)", text, flags=re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}
    # deploy/compose holds the .env: the image takes deploy's package only, and the context skips it.
    assert not re.search(r"^COPY\s+(deploy/?|\.)\s", text, flags=re.MULTILINE)
    ignored = (REPO / "deploy" / "Dockerfile.dockerignore").read_text().splitlines()
    assert {"**/.env", "deploy/compose", "**/.venv", "**/var"} <= set(ignored)
