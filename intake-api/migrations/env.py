from intake_api.consultations import models  # noqa: F401  (registers the tables)
from intake_api.public_reports import models as public_models  # noqa: F401
from intake_api.settings import Settings
from intake_api.triage import models as triage_models  # noqa: F401
from tsunagu_services import models as kit_models  # noqa: F401
from tsunagu_services.db import metadata
from tsunagu_services.migrations import run_migrations

run_migrations(metadata, Settings())
