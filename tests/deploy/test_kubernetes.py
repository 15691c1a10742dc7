"""Offline checks of the Kubernetes manifests in deploy/k8s: every overlay builds with kustomize, every
resource validates against the Kubernetes schemas and the CloudNativePG ones, and the built output
keeps the rules we deploy by (replicas, probes, limits, one set of credentials per service, network
policies, the database's shape, release-named migrations).

Each policy check is a function returning what it found wrong; the tests assert the real build has
nothing wrong, and test_each_check_catches_its_break proves every check can fail on a broken copy.
"""

import copy
import functools
import json
import subprocess
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
K8S = REPO / "deploy" / "k8s"
ENSURE_TOOLS = REPO / "deploy" / "ensure-deploy-tools.sh"
CNPG_VALIDATOR = K8S / "cnpg-schema" / "validate.mjs"
OVERLAYS = ("dev", "production")
# The oldest Kubernetes we claim (kubectl on the development machines is 1.32) and the newest
# kubernetes-validate knows: an API removed or added in between fails one of them.
KUBERNETES_VERSIONS = ("1.32", "1.37")
NAMESPACE = "tsunagu"
CLUSTER = "tsunagu-db"
# service: (database, port, uvicorn app)
SERVICES = {
    "gateway": ("tsunagu_gateway", 8000, "gateway.main:create_app"),
    "intake-api": ("tsunagu_intake", 8001, "intake_api.main:create_app"),
    "case-api": ("tsunagu_case", 8002, "case_api.main:create_app"),
    "meeting-api": ("tsunagu_meeting", 8003, "meeting_api.main:create_app"),
}
# Who calls whom (every service fetches tokens and the JWKS from the gateway).
CALLERS = {
    "gateway": {"intake-api", "case-api", "meeting-api"},
    "intake-api": {"gateway", "case-api"},
    "case-api": {"gateway", "intake-api", "meeting-api"},
    "meeting-api": {"gateway", "case-api"},
}
Docs = list[dict]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def role(service: str) -> str:
    return service.replace("-", "_")


def own_secrets(service: str) -> set[str]:
    return {f"tsunagu-db-{service}", f"tsunagu-{service}"}


# --- building and reading the output -----------------------------------------------------------


@pytest.fixture(scope="session")
def tools() -> None:
    """kubectl kustomize, node and the CNPG schemas: missing tools fail the checks, never skip them."""
    result = subprocess.run(["bash", str(ENSURE_TOOLS)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(result.stderr.strip() or f"{ENSURE_TOOLS} failed", pytrace=False)


@functools.cache
def _build(overlay: str) -> tuple[dict, ...]:
    result = subprocess.run(
        ["kubectl", "kustomize", str(K8S / "overlays" / overlay)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"kustomize build of {overlay} failed:\n{result.stderr}"
    return tuple(d for d in yaml.load_all(result.stdout, Loader=Loader) if d)


@pytest.fixture(params=OVERLAYS)
def overlay(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def docs(tools: None, overlay: str) -> Docs:
    """A fresh copy of the overlay's built resources (tests may change it)."""
    return built(overlay)


def built(overlay: str) -> Docs:
    return copy.deepcopy(list(_build(overlay)))


def of_kind(docs: Docs, kind: str) -> list[dict]:
    return [d for d in docs if d["kind"] == kind]


def named(docs: Docs, kind: str, name: str) -> dict | None:
    return next((d for d in of_kind(docs, kind) if d["metadata"]["name"] == name), None)


def workloads(docs: Docs) -> Iterator[tuple[dict, dict]]:
    """(resource, pod spec) of every Deployment and Job."""
    for d in docs:
        if d["kind"] in ("Deployment", "Job"):
            yield d, d["spec"]["template"]["spec"]


def service_of(workload: dict) -> str:
    return workload["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/name"]


def containers(pod: dict) -> list[dict]:
    return [*pod.get("initContainers", []), *pod["containers"]]


def env_of(container: dict) -> dict[str, dict]:
    return {e["name"]: e for e in container.get("env", [])}


def release_tag(docs: Docs) -> str:
    image = next(workloads(docs))[1]["containers"][0]["image"]
    return image.rpartition(":")[2]


# --- schemas -----------------------------------------------------------------------------------


def test_every_overlay_builds_into_the_namespace(docs: Docs) -> None:
    kinds = {d["kind"] for d in docs}
    assert {"Deployment", "Job", "Cluster", "Database", "ScheduledBackup", "NetworkPolicy"} <= kinds
    outside = [
        f"{d['kind']}/{d['metadata']['name']}"
        for d in docs
        if d["kind"] != "Namespace" and d["metadata"].get("namespace") != NAMESPACE
    ]
    assert not outside, f"not in namespace {NAMESPACE}: {outside}"


def kubernetes_problems(docs: Docs, version: str) -> list[str]:
    """Every built-in resource against the Kubernetes schemas (strict: unknown fields are errors)."""
    problems = []
    for d in docs:
        if d["apiVersion"].startswith("postgresql.cnpg.io/"):
            continue
        try:
            kubernetes_validate.validate(d, version, strict=True)
        except kubernetes_validate.ValidationError as e:
            path = ".".join(str(p) for p in e.path)
            problems.append(f"{d['kind']}/{d['metadata']['name']}: {path}: {e.message}")
        except kubernetes_validate.SchemaNotFoundError as e:
            problems.append(e.message)
    return problems


def cnpg_problems(docs: Docs) -> list[str]:
    """Every postgresql.cnpg.io resource against the CloudNativePG schemas (node, see validate.mjs)."""
    resources = [d for d in docs if d["apiVersion"].startswith("postgresql.cnpg.io/")]
    result = subprocess.run(
        ["node", str(CNPG_VALIDATOR)],
        input=json.dumps(resources),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [f"{r['kind']}/{r['name']}: {e}" for r in json.loads(result.stdout) for e in r["errors"]]


def test_the_release_is_the_packages_version(docs: Docs) -> None:
    """The overlays deploy the version the code says it is (as compose does)."""
    version = tomllib.loads((REPO / "deploy" / "pyproject.toml").read_text())["project"]["version"]
    assert release_tag(docs) == version


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_resources_validate_against_kubernetes(docs: Docs, version: str) -> None:
    assert kubernetes_problems(docs, version) == []


def test_cloudnativepg_resources_validate_against_their_schemas(docs: Docs) -> None:
    assert {"Cluster", "Database", "ScheduledBackup"} <= {d["kind"] for d in docs}
    assert cnpg_problems(docs) == []


def test_the_schema_checks_reject_broken_resources(tools: None) -> None:
    docs = built("production")
    cluster = named(docs, "Cluster", CLUSTER)
    assert cluster is not None
    cluster["spec"]["instances"] = "three"
    cluster["spec"]["postgresql"]["synchronous"] = {"method": "all"}
    assert len(cnpg_problems([cluster])) >= 3
    deployment = named(docs, "Deployment", "case-api")
    assert deployment is not None
    misspelt = copy.deepcopy(deployment)
    misspelt["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["paht"] = "/x"
    mistyped = copy.deepcopy(deployment)
    mistyped["spec"]["replicas"] = "2"
    for broken in (misspelt, mistyped):
        assert len(kubernetes_problems([broken], KUBERNETES_VERSIONS[0])) == 1


# --- policy checks -----------------------------------------------------------------------------


def check_replicas(docs: Docs, overlay: str) -> list[str]:
    return [
        f"Deployment/{d['metadata']['name']} has {d['spec'].get('replicas', 1)} replica(s)"
        for d in of_kind(docs, "Deployment")
        if d["spec"].get("replicas", 1) < 2
    ]


def check_probes(docs: Docs, overlay: str) -> list[str]:
    problems = []
    for d in of_kind(docs, "Deployment"):
        container = d["spec"]["template"]["spec"]["containers"][0]
        name = d["metadata"]["name"]
        for probe, path in (
            ("readinessProbe", "/readyz"),
            ("livenessProbe", "/healthz"),
            ("startupProbe", "/healthz"),
        ):
            got = container.get(probe, {}).get("httpGet", {}).get("path")
            if got != path:
                problems.append(f"{name}: {probe} on {got}, wanted {path}")
    return problems


def check_resources(docs: Docs, overlay: str) -> list[str]:
    problems = []
    for w, pod in workloads(docs):
        for c in containers(pod):
            resources = c.get("resources", {})
            for kind in ("requests", "limits"):
                for what in ("cpu", "memory"):
                    if what not in resources.get(kind, {}):
                        problems.append(f"{w['metadata']['name']}/{c['name']}: no {kind}.{what}")
    return problems


def check_images(docs: Docs, overlay: str) -> list[str]:
    problems = []
    for w, pod in workloads(docs):
        for c in containers(pod):
            image = c["image"]
            if "@sha256:" in image:
                continue
            name, _, tag = image.rpartition(":")
            if not name or "/" in tag:
                problems.append(f"{w['metadata']['name']}/{c['name']}: untagged image {image}")
            elif tag == "latest":
                problems.append(f"{w['metadata']['name']}/{c['name']}: image {image}")
    if len({c["image"] for _, pod in workloads(docs) for c in containers(pod)}) != 1:
        problems.append("the workloads run different images: one release runs one image")
    return problems


# The only places the image writes (readOnlyRootFilesystem): each must be an emptyDir.
SCRATCH = ("/tmp", "/app/var")  # noqa: S108 (mount paths, not a temporary file)
RESTRICTED = {"readOnlyRootFilesystem": True, "allowPrivilegeEscalation": False}


def check_security(docs: Docs, overlay: str) -> list[str]:
    problems = []
    for w, pod in workloads(docs):
        name = w["metadata"]["name"]
        pod_context = pod.get("securityContext", {})
        scratch = {v["name"] for v in pod.get("volumes", []) if "emptyDir" in v}
        for c in containers(pod):
            context = c.get("securityContext", {})
            where = f"{name}/{c['name']}"
            if not context.get("runAsNonRoot", pod_context.get("runAsNonRoot")):
                problems.append(f"{where}: may run as root")
            problems += [f"{where}: {k} is not {v}" for k, v in RESTRICTED.items() if context.get(k) is not v]
            if context.get("capabilities", {}).get("drop") != ["ALL"]:
                problems.append(f"{where}: capabilities not all dropped")
            seccomp = context.get("seccompProfile", pod_context.get("seccompProfile", {}))
            if seccomp.get("type") != "RuntimeDefault":
                problems.append(f"{where}: seccomp {seccomp}")
            mounts = {m["mountPath"] for m in c.get("volumeMounts", []) if m["name"] in scratch}
            problems += [f"{where}: no emptyDir at {p}" for p in SCRATCH if p not in mounts]
    return problems


def selects(selector: dict, labels: dict[str, str]) -> bool:
    """Whether a Kubernetes label selector matches `labels`."""
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for e in selector.get("matchExpressions", []):
        present, value = e["key"] in labels, labels.get(e["key"])
        ok = {
            "In": present and value in e.get("values", []),
            "NotIn": not present or value not in e.get("values", []),
            "Exists": present,
            "DoesNotExist": not present,
        }[e["operator"]]
        if not ok:
            return False
    return True


def pod_labels(workload: dict) -> dict[str, str]:
    return workload["spec"]["template"]["metadata"]["labels"]


def check_pdbs(docs: Docs, overlay: str) -> list[str]:
    pdbs = of_kind(docs, "PodDisruptionBudget")
    return [
        f"Deployment/{d['metadata']['name']} has no PodDisruptionBudget"
        for d in of_kind(docs, "Deployment")
        if not any(selects(p["spec"]["selector"], pod_labels(d)) for p in pdbs)
    ]


def check_hpa(docs: Docs, overlay: str) -> list[str]:
    for h in of_kind(docs, "HorizontalPodAutoscaler"):
        target = h["spec"]["scaleTargetRef"]
        if (target["kind"], target["name"]) == ("Deployment", "gateway") and h[
            "apiVersion"
        ] == "autoscaling/v2":
            return [] if h["spec"].get("minReplicas", 1) >= 2 else ["the gateway's HPA may scale below 2"]
    return ["no autoscaling/v2 HorizontalPodAutoscaler for the gateway"]


def secret_references(pod: dict) -> set[str]:
    """Every Secret a pod can read: env, envFrom and volumes (projected too)."""
    names = set()
    for c in containers(pod):
        for e in c.get("env", []):
            if ref := e.get("valueFrom", {}).get("secretKeyRef"):
                names.add(ref["name"])
        for e in c.get("envFrom", []):
            if ref := e.get("secretRef"):
                names.add(ref["name"])
    for v in pod.get("volumes", []):
        if "secret" in v:
            names.add(v["secret"]["secretName"])
        for source in v.get("projected", {}).get("sources", []):
            if "secret" in source:
                names.add(source["secret"]["name"])
    return names


def check_secrets(docs: Docs, overlay: str) -> list[str]:
    problems = []
    for w, pod in workloads(docs):
        service = service_of(w)
        refs = secret_references(pod)
        if foreign := refs - own_secrets(service):
            problems.append(f"{w['metadata']['name']} ({service}) reads another's Secret: {sorted(foreign)}")
        if f"tsunagu-db-{service}" not in refs:
            problems.append(f"{w['metadata']['name']} does not use its database Secret")
    return problems


def check_environment(docs: Docs, overlay: str) -> list[str]:
    """What each service reads: its database, its own client secret, the others' addresses."""
    problems = []
    for d in of_kind(docs, "Deployment"):
        service = service_of(d)
        database, port, app = SERVICES[service]
        pod = d["spec"]["template"]["spec"]
        main = pod["containers"][0]
        env = env_of(main)

        def value(name: str, env: dict[str, dict] = env) -> str | None:
            return env.get(name, {}).get("value")

        for c in containers(pod):
            names = [e["name"] for e in c.get("env", [])]
            url = env_of(c).get("DATABASE_URL", {}).get("value", "")
            # $(VAR) only expands variables defined earlier in the list.
            earlier = names[: names.index("DATABASE_URL")] if "DATABASE_URL" in names else []
            if not (
                url.startswith("postgresql://$(DB_USER):$(DB_PASSWORD)@")
                and {"DB_USER", "DB_PASSWORD"} <= set(earlier)
            ):
                problems.append(f"{service}/{c['name']}: DATABASE_URL {url!r}")
            if env_of(c).get("TSUNAGU_DATABASE_NAME", {}).get("value") != database:
                problems.append(f"{service}/{c['name']}: TSUNAGU_DATABASE_NAME is not {database}")
        if (value("APP"), value("PORT")) != (app, str(port)):
            problems.append(f"{service}: APP/PORT {value('APP')}/{value('PORT')}")
        config = {n for e in main.get("envFrom", []) if (n := e.get("configMapRef", {}).get("name"))}
        maps = [c["data"] for c in of_kind(docs, "ConfigMap") if c["metadata"]["name"] in config]
        urls = {k for m in maps for k in m} | set(env)
        for url in ("TSUNAGU_GATEWAY_URL", "TSUNAGU_INTAKE_URL", "TSUNAGU_CASE_URL", "TSUNAGU_MEETING_URL"):
            if url not in urls:
                problems.append(f"{service}: no {url}")
        if service == "gateway":
            secrets = value("TSUNAGU_SERVICE_SECRETS") or ""
            if sorted(p.split("=")[0] for p in secrets.split(",")) != [
                "case-api",
                "intake-api",
                "meeting-api",
            ]:
                problems.append(f"gateway: TSUNAGU_SERVICE_SECRETS {secrets!r}")
            key = Path(value("TSUNAGU_SIGNING_KEY_PATH") or "/")
            secret_volumes = {v["name"] for v in pod.get("volumes", []) if "secret" in v}
            mounts = {m["mountPath"] for m in main.get("volumeMounts", []) if m["name"] in secret_volumes}
            if str(key.parent) not in mounts:
                problems.append(f"gateway: signing key {key} is not on a mounted Secret")
        elif "secretKeyRef" not in env.get("TSUNAGU_SERVICE_CLIENT_SECRET", {}).get("valueFrom", {}):
            problems.append(f"{service}: no TSUNAGU_SERVICE_CLIENT_SECRET from a Secret")
        if service == "intake-api" and "valueFrom" not in env.get("TSUNAGU_CHALLENGE_SECRET", {}):
            problems.append("intake-api: no TSUNAGU_CHALLENGE_SECRET from a Secret")
        if overlay == "production" and value("TSUNAGU_BEHIND_TLS") != "1":
            problems.append(f"{service}: TSUNAGU_BEHIND_TLS is not 1 in production")
        waits = [
            c for c in pod.get("initContainers", []) if "--wait" in c.get("command", []) + c.get("args", [])
        ]
        if not any(
            f"--service {service}" in " ".join(c.get("command", []) + c.get("args", [])) for c in waits
        ):
            problems.append(f"{service}: no init container waiting for its schema")
    return problems


def allowed(docs: Docs, source: dict[str, str], target: dict[str, str], port: int) -> bool:
    """Whether a pod in the namespace with labels `source` may open `port` on a pod labelled `target`."""
    policies = [p for p in of_kind(docs, "NetworkPolicy") if selects(p["spec"]["podSelector"], target)]
    if not any("Ingress" in p["spec"].get("policyTypes", ["Ingress"]) for p in policies):
        return True  # no policy isolates the target
    for p in policies:
        for rule in p["spec"].get("ingress", []):
            ports = [r.get("port") for r in rule.get("ports", [])]
            if ports and port not in ports:
                continue
            peers = rule.get("from")
            if peers is None or any(
                "podSelector" in peer
                and "namespaceSelector" not in peer
                and selects(peer["podSelector"], source)
                for peer in peers
            ):
                return True
    return False


def check_network(docs: Docs, overlay: str) -> list[str]:
    problems = []
    deny = [
        p
        for p in of_kind(docs, "NetworkPolicy")
        if p["spec"]["podSelector"] == {}
        and "Ingress" in p["spec"].get("policyTypes", [])
        and not p["spec"].get("ingress")
    ]
    if not deny:
        problems.append("no default-deny ingress NetworkPolicy")
    api = {d["metadata"]["name"]: pod_labels(d) for d in of_kind(docs, "Deployment")}
    jobs = {service_of(j): pod_labels(j) for j in of_kind(docs, "Job")}
    database = {"cnpg.io/cluster": CLUSTER, "cnpg.io/instanceRole": "primary"}
    stranger = {"app.kubernetes.io/name": "stranger"}
    for service, callers in CALLERS.items():
        port = SERVICES[service][1]
        for caller in callers:
            if not allowed(docs, api[caller], api[service], port):
                problems.append(f"{caller} cannot reach {service}")
        for other in set(SERVICES) - callers - {service}:
            if allowed(docs, api[other], api[service], port):
                problems.append(f"{other} may reach {service}, which it never calls")
        if allowed(docs, stranger, api[service], port) or allowed(docs, jobs[service], api[service], port):
            problems.append(f"{service} is open to pods that are not its callers")
        for source in (api[service], jobs[service]):
            if not allowed(docs, source, database, 5432):
                problems.append(f"{source['app.kubernetes.io/name']} cannot reach PostgreSQL")
    if allowed(docs, stranger, database, 5432):
        problems.append("PostgreSQL is open to any pod")
    if not allowed(docs, {"cnpg.io/cluster": CLUSTER}, database, 5432):
        problems.append("the PostgreSQL instances cannot replicate")
    gateway_policies = [
        p for p in of_kind(docs, "NetworkPolicy") if selects(p["spec"]["podSelector"], api["gateway"])
    ]
    if not any(
        "namespaceSelector" in peer
        for p in gateway_policies
        for r in p["spec"].get("ingress", [])
        for peer in r.get("from", [])
    ):
        problems.append("the gateway is not reachable from the ingress controller's namespace")
    db_policies = [p for p in of_kind(docs, "NetworkPolicy") if selects(p["spec"]["podSelector"], database)]
    if not any(
        "namespaceSelector" in peer
        for p in db_policies
        for r in p["spec"].get("ingress", [])
        for peer in r.get("from", [])
    ):
        problems.append("PostgreSQL is not reachable from the operator's namespace")
    return problems


def check_ingress(docs: Docs, overlay: str) -> list[str]:
    problems = []
    ingresses = of_kind(docs, "Ingress")
    if not ingresses:
        return ["no Ingress"]
    for i in ingresses:
        spec = i["spec"]
        backends = [spec["defaultBackend"]] if "defaultBackend" in spec else []
        backends += [p["backend"] for r in spec.get("rules", []) for p in r.get("http", {}).get("paths", [])]
        if any(b.get("service", {}).get("name") != "gateway" for b in backends):
            problems.append(
                f"Ingress/{i['metadata']['name']} routes to {[b.get('service', b) for b in backends]}"
            )
        tls_hosts = {h for t in spec.get("tls", []) if t.get("secretName") for h in t.get("hosts", [])}
        if not tls_hosts or any(r.get("host") not in tls_hosts for r in spec.get("rules", [])):
            problems.append(f"Ingress/{i['metadata']['name']} has a host without TLS")
    return problems


def check_database(docs: Docs, overlay: str) -> list[str]:
    cluster = named(docs, "Cluster", CLUSTER)
    if cluster is None:
        return [f"no Cluster {CLUSTER}"]
    spec = cluster["spec"]
    problems = []
    if overlay == "production":
        sync = spec.get("postgresql", {}).get("synchronous", {})
        synchronous = (sync.get("method") in ("any", "first") and sync.get("number", 0) >= 1) or spec.get(
            "minSyncReplicas", 0
        ) >= 1
        if spec.get("instances") != 3 or not synchronous:
            problems.append(f"production: {spec.get('instances')} instances, synchronous {sync}")
    elif spec.get("instances") != 1:
        problems.append(f"{overlay}: {spec.get('instances')} instances, wanted 1")
    roles = {r["name"]: r for r in spec.get("managed", {}).get("roles", [])}
    databases = [d["spec"] for d in of_kind(docs, "Database")]
    for service, (database, _, _) in SERVICES.items():
        r = roles.get(role(service), {})
        if not (r.get("login") and r.get("ensure", "present") == "present"):
            problems.append(f"no login role {role(service)}")
        if r.get("passwordSecret", {}).get("name") != f"tsunagu-db-{service}":
            problems.append(f"role {role(service)}: password not from tsunagu-db-{service}")
        mine = [d for d in databases if d["name"] == database]
        if len(mine) != 1 or mine[0]["owner"] != role(service) or mine[0]["cluster"]["name"] != CLUSTER:
            problems.append(
                f"{database}: wanted one Database owned by {role(service)} on {CLUSTER}, got {mine}"
            )
    if len(roles) != len(SERVICES) or len(databases) != len(SERVICES):
        problems.append(
            f"roles {sorted(roles)}, databases {[d['name'] for d in databases]}: one each per service"
        )
    if not any(b["spec"]["cluster"]["name"] == CLUSTER for b in of_kind(docs, "ScheduledBackup")):
        problems.append("no ScheduledBackup")
    if "destinationPath" not in spec.get("backup", {}).get("barmanObjectStore", {}):
        problems.append("no barman object store for backups")
    return problems


def check_migrations(docs: Docs, overlay: str) -> list[str]:
    problems = []
    tag = release_tag(docs)
    jobs = {service_of(j): j for j in of_kind(docs, "Job")}
    for service in SERVICES:
        job = jobs.get(service)
        if job is None:
            problems.append(f"no migration Job for {service}")
            continue
        if job["metadata"]["name"] != f"migrate-{service}-{tag}":
            problems.append(f"Job {job['metadata']['name']} does not carry the release {tag}")
        c = job["spec"]["template"]["spec"]["containers"][0]
        command = c.get("command", []) + c.get("args", [])
        if command[:3] != ["python", "-m", "tsunagu_local.migrate"] or f"--service {service}" not in " ".join(
            command
        ):
            problems.append(f"Job for {service} runs {command}")
        if ("--demo" in command) != (overlay == "dev"):
            problems.append(
                f"Job for {service}: demo data {'missing' if overlay == 'dev' else 'loaded'} in {overlay}"
            )
    return problems


CHECKS: list[Callable[[Docs, str], list[str]]] = [
    check_replicas,
    check_probes,
    check_resources,
    check_images,
    check_security,
    check_pdbs,
    check_hpa,
    check_secrets,
    check_environment,
    check_network,
    check_ingress,
    check_database,
    check_migrations,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_policy(docs: Docs, overlay: str, check: Callable[[Docs, str], list[str]]) -> None:
    assert check(docs, overlay) == []


# --- every check can fail ----------------------------------------------------------------------


def _deployment(docs: Docs, name: str) -> dict:
    d = named(docs, "Deployment", name)
    assert d is not None
    return d


def _main(docs: Docs, name: str) -> dict:
    return _deployment(docs, name)["spec"]["template"]["spec"]["containers"][0]


def _drop(docs: Docs, kind: str, name: str) -> None:
    docs.remove(next(d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name))


def _env(docs: Docs, name: str, var: str) -> dict:
    return env_of(_main(docs, name))[var]


def _cluster(docs: Docs) -> dict:
    c = named(docs, "Cluster", CLUSTER)
    assert c is not None
    return c["spec"]


BREAKS: dict[str, tuple[Callable[[Docs, str], list[str]], Callable[[Docs], object]]] = {
    "one replica": (check_replicas, lambda d: _deployment(d, "intake-api")["spec"].update(replicas=1)),
    "no readiness probe": (check_probes, lambda d: _main(d, "gateway").pop("readinessProbe")),
    "liveness on /readyz": (
        check_probes,
        lambda d: _main(d, "case-api")["livenessProbe"]["httpGet"].update(path="/readyz"),
    ),
    "no memory limit": (
        check_resources,
        lambda d: _main(d, "meeting-api")["resources"]["limits"].pop("memory"),
    ),
    "latest image": (
        check_images,
        lambda d: _main(d, "case-api").update(image="registry.example.org/tsunagu:latest"),
    ),
    "untagged image": (
        check_images,
        lambda d: _main(d, "case-api").update(image="registry.example.org:5000/tsunagu"),
    ),
    "writable root": (
        check_security,
        lambda d: _main(d, "gateway")["securityContext"].update(readOnlyRootFilesystem=False),
    ),
    "root allowed": (
        check_security,
        lambda d: (
            _deployment(d, "gateway")["spec"]["template"]["spec"]["securityContext"].pop("runAsNonRoot"),
            _main(d, "gateway")["securityContext"].pop("runAsNonRoot"),
        ),
    ),
    "no PDB": (check_pdbs, lambda d: _drop(d, "PodDisruptionBudget", "case-api")),
    "no HPA": (check_hpa, lambda d: _drop(d, "HorizontalPodAutoscaler", "gateway")),
    "another service's secret in env": (
        check_secrets,
        lambda d: _env(d, "case-api", "TSUNAGU_SERVICE_CLIENT_SECRET")["valueFrom"]["secretKeyRef"].update(
            name="tsunagu-intake-api"
        ),
    ),
    "another service's database secret as a volume": (
        check_secrets,
        lambda d: _deployment(d, "gateway")["spec"]["template"]["spec"]["volumes"].append(
            {"name": "x", "secret": {"secretName": "tsunagu-db-case-api"}}
        ),
    ),
    "a shared secret by envFrom": (
        check_secrets,
        lambda d: (
            _main(d, "meeting-api").setdefault("envFrom", []).append({"secretRef": {"name": "tsunagu"}})
        ),
    ),
    "wrong database name": (
        check_environment,
        lambda d: _env(d, "case-api", "TSUNAGU_DATABASE_NAME").update(value="tsunagu"),
    ),
    "no init container": (
        check_environment,
        lambda d: _deployment(d, "meeting-api")["spec"]["template"]["spec"].pop("initContainers"),
    ),
    "no default deny": (check_network, lambda d: _drop(d, "NetworkPolicy", "default-deny-ingress")),
    "case-api unprotected": (check_network, lambda d: _drop(d, "NetworkPolicy", "case-api")),
    "database open to all pods": (
        check_network,
        lambda d: next(p for p in of_kind(d, "NetworkPolicy") if p["metadata"]["name"] == CLUSTER)["spec"][
            "ingress"
        ].append({"from": [{"podSelector": {}}]}),
    ),
    "ingress to case-api": (
        check_ingress,
        lambda d: of_kind(d, "Ingress")[0]["spec"]["rules"][0]["http"]["paths"].append(
            {
                "path": "/x",
                "pathType": "Prefix",
                "backend": {"service": {"name": "case-api", "port": {"number": 8002}}},
            }
        ),
    ),
    "ingress without TLS": (check_ingress, lambda d: of_kind(d, "Ingress")[0]["spec"].pop("tls")),
    "one instance in production": (check_database, lambda d: _cluster(d).update(instances=1)),
    "no synchronous replication": (check_database, lambda d: _cluster(d)["postgresql"].pop("synchronous")),
    "a role missing": (check_database, lambda d: _cluster(d)["managed"]["roles"].pop()),
    "a database owned by another role": (
        check_database,
        lambda d: next(x for x in of_kind(d, "Database") if x["spec"]["name"] == "tsunagu_case")[
            "spec"
        ].update(owner="gateway"),
    ),
    "no scheduled backup": (check_database, lambda d: _drop(d, "ScheduledBackup", "tsunagu-db-daily")),
    "migration without the release": (
        check_migrations,
        lambda d: of_kind(d, "Job")[0]["metadata"].update(name="migrate-x"),
    ),
    "demo data in production": (
        check_migrations,
        lambda d: of_kind(d, "Job")[0]["spec"]["template"]["spec"]["containers"][0]["args"].append("--demo"),
    ),
}


@pytest.mark.parametrize("what", list(BREAKS))
def test_each_check_catches_its_break(tools: None, what: str) -> None:
    check, breaking = BREAKS[what]
    docs = built("production")
    assert check(docs, "production") == []
    breaking(docs)
    assert check(docs, "production") != [], f"{check.__name__} did not notice: {what}"
