#!/usr/bin/env bash
# The Kubernetes checks (tests/deploy) build the kustomize overlays with `kubectl kustomize` and
# validate the CloudNativePG resources with node and the npm package pinned in
# deploy/k8s/cnpg-schema (installed here, once, from the npm registry; the checks then run offline).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
problems=()
if ! command -v kubectl >/dev/null 2>&1; then
  problems+=("kubectl is missing: install kubectl >= 1.27 (kustomize v5 built in), e.g. Debian's or Google Cloud SDK's kubectl package")
elif ! kubectl kustomize --help >/dev/null 2>&1; then
  problems+=("\`kubectl kustomize\` is missing: install kubectl >= 1.27 (kustomize v5 built in)")
fi
if ! command -v node >/dev/null 2>&1; then
  problems+=("node is missing: install Node.js >= 20 (apt-get install nodejs npm)")
elif [ ! -d "$here/k8s/cnpg-schema/node_modules/@kubernetes-models/cloudnative-pg" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "Installing the CloudNativePG schemas (deploy/k8s/cnpg-schema, npm ci)…" >&2
    npm ci --prefix "$here/k8s/cnpg-schema" --no-audit --no-fund --loglevel=error >&2 \
      || problems+=("npm ci in deploy/k8s/cnpg-schema failed (it needs the npm registry once)")
  else
    problems+=("npm is missing: install npm, then run: npm ci --prefix deploy/k8s/cnpg-schema")
  fi
fi
[ ${#problems[@]} -eq 0 ] && exit 0
printf 'deploy checks cannot run: %s\n' "${problems[@]}" >&2
exit 1
