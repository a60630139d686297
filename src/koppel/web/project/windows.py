"""The windows a dashboard row opens; each lives in a module of its own."""

from __future__ import annotations

from fastapi import APIRouter

from koppel.web.project import applying, domain_windows, groups_window, students_window

router = APIRouter()
router.include_router(applying.router)
router.include_router(students_window.router)
router.include_router(domain_windows.router)
router.include_router(groups_window.router)
