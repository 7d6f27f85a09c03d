"""``GET /health``: liveness, including a round trip to the database."""

from fastapi import APIRouter

from fitnote_desktop import __version__
from fitnote_desktop.endpoint import repository
from fitnote_desktop.endpoint.deps import Db
from fitnote_desktop.endpoint.errors import error_responses
from fitnote_desktop.endpoint.schemas import HealthOut
from fitnote_desktop.wire import routes

router = APIRouter(tags=["health"])


@router.get(routes.HEALTH, response_model=HealthOut, responses=error_responses())
def health(dbs: Db) -> HealthOut:
    with dbs.begin():
        repository.ping(dbs)
    return HealthOut(status="ok", version=__version__)
