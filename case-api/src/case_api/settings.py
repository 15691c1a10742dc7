from tsunagu_services.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "case-api"
    database_name: str = "tsunagu_case"
