from meeting_api.agenda import models as agenda_models  # noqa: F401  (registers the tables)
from meeting_api.bodies import models as bodies_models  # noqa: F401
from meeting_api.calendar import models as calendar_models  # noqa: F401
from meeting_api.meetings import models  # noqa: F401
from meeting_api.minutes import models as minutes_models  # noqa: F401
from meeting_api.notifications import models as notifications_models  # noqa: F401
from meeting_api.settings import Settings
from tsunagu_services import models as kit_models  # noqa: F401
from tsunagu_services.db import metadata
from tsunagu_services.migrations import run_migrations

run_migrations(metadata, Settings())
