"""intake-api app."""

from intake_api.consultations.router import router as consultations_router
from intake_api.settings import get_settings
from tsunagu_services.app import create_service_app

app = create_service_app(get_settings(), title="Tsunagu intake-api", routers=[consultations_router])
