from tsunagu_services.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "intake-api"
    database_name: str = "tsunagu_intake"
    case_api_url: str = "http://127.0.0.1:8002"
