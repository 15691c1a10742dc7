"""`make test`: one PostgreSQL for the whole run (embedded unless one is given), then pytest.

Every test creates databases of its own on that server, so a developer's data
under var/ is never touched.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tsunagu_local import postgres
from tsunagu_local.stack import REPO


def main() -> int:
    given = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    data_dir = None
    if given:
        server = given
    else:
        data_dir = Path(tempfile.mkdtemp(prefix="tsunagu-test-pg-")) / "data"
        server = postgres.start_embedded(data_dir)
    env = {**os.environ, "TEST_DATABASE_URL": server}
    try:
        return subprocess.call([sys.executable, "-m", "pytest", *sys.argv[1:]], cwd=REPO, env=env)
    finally:
        if data_dir is not None:
            postgres.stop_embedded(data_dir)
            shutil.rmtree(data_dir.parent, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
