from pydantic import BaseModel, ConfigDict


class AreaRead(BaseModel):
    """A daily-life area as the SPA lists it."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [{"code": "higashi", "name": "東"}]}
    )

    code: str
    name: str
