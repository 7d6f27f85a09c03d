"""The routes of API v1, one module per resource; ``create_app`` includes ``ROUTERS``.

A route module declares its paths (from ``wire.routes``), response models and documented
error codes, checks the request and answers; SQL is in ``endpoint.repository``, signature
and certificate checks in ``endpoint.trust``, receipts in ``endpoint.receipts``.
"""

from fastapi import APIRouter

from fitnote_desktop.endpoint.routes import (
    auth,
    documents,
    episodes,
    health,
    mirror,
    questions,
    threads,
)

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    auth.router,
    documents.router,
    episodes.router,
    threads.router,
    questions.router,
    mirror.router,
)
