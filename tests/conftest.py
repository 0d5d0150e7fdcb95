import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite tests/snapshots/ from the current output (then review git diff)",
    )


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


SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0-rtm.5.json"


@pytest.fixture(autouse=True)
def _every_sarif_is_valid(monkeypatch):
    """Every SARIF log the suite produces in process is validated against
    the official SARIF 2.1.0 schema (formats checked: a path that is not a
    valid URI reference fails), wherever the test renders it."""
    from lintkit.reporters import sarif

    real = sarif.render

    def checked(result, **kwargs):
        out = real(result, **kwargs)
        validate_sarif(out)
        return out

    monkeypatch.setattr(sarif, "render", checked)


def validate_sarif(text: str) -> None:
    import json

    _sarif_validator().validate(json.loads(text))


_VALIDATOR = []


def _sarif_validator():
    if not _VALIDATOR:
        import json

        import jsonschema

        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        _VALIDATOR.append(jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()))
    return _VALIDATOR[0]
