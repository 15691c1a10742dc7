from gateway.audit import models as audit_models  # noqa: F401  (registers the tables)
from gateway.identity import models as identity_models  # noqa: F401
from gateway.sessions import models as sessions_models  # noqa: F401
from gateway.settings import Settings
from gateway.throttle import models as throttle_models  # noqa: F401
from tsunagu_services import models as kit_models  # noqa: F401
from tsunagu_services.db import metadata
from tsunagu_services.migrations import run_migrations

run_migrations(metadata, Settings())
