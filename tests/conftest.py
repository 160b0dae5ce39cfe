"""Test-wide settings: hypothesis profiles, and the tests folder on the import path.

The folder holds the support modules every test may import: ``data_paths`` (where the
standards and seed fixtures are) and ``seed_story`` (the seed article, built once).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
    derandomize=True,
)
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True, scope="session")
def _image_cache_out_of_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Downloaded images are cached under the test run's temporary folder, never the user's cache."""
    os.environ["BROADSHEET_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    # The image tests' server listens on 127.0.0.1, which a download would refuse (a stranger's
    # page must not reach the local machine); test_private_hosts checks that refusal.
    os.environ["BROADSHEET_FETCH_PRIVATE"] = "1"
