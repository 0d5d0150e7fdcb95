import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds() -> pathlib.Path:
    """The sample corpus beside the project; tests using it skip outside this workplace."""
    if not SEEDS.is_dir():
        pytest.skip(f"sample corpus not found at {SEEDS} (only present in the lintkit workplace)")
    return SEEDS


@pytest.fixture
def seed_magazine(seeds) -> pathlib.Path:
    matches = sorted(seeds.glob("002_*.txt"))
    if not matches:
        pytest.skip("seed magazine 002_*.txt not found")
    return matches[0]
