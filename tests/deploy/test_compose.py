"""compose.yaml can't be started here (no container engine): check what can be checked, that
every ragchat setting it sets exists and takes the value it is given."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rag.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def ragchat_services() -> dict[str, dict]:
    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    return {name: s for name, s in services.items() if s.get("build") == "."}


def test_compose_runs_the_api_page_and_ingest_from_the_image():
    services = ragchat_services()
    assert set(services) == {"api", "page", "ingest"}
    assert services["api"]["command"][:2] == ["ragchat", "serve"]
    assert "--host" in services["api"]["command"]


@pytest.mark.parametrize("name", ["api", "page", "ingest"])
def test_every_ragchat_variable_is_a_setting(name, monkeypatch):
    env = ragchat_services()[name]["environment"]
    for key, value in env.items():
        monkeypatch.setenv(key, str(value).replace("${PGPASSWORD}", "x"))
    settings = Settings()
    for key in (k for k in env if k.startswith("RAGCHAT_")):
        section, field = key.removeprefix("RAGCHAT_").lower().split("__")
        assert field in type(getattr(settings, section)).model_fields, key
    assert settings.llm.mode == "openai" and settings.store.mode == "pgvector"
    assert settings.llm.served_adapter_model == env["RAGCHAT_LLM__SERVED_ADAPTER_MODEL"]
    assert settings.store.url.get_secret_value() == env["RAGCHAT_STORE__URL"]
    assert settings.llm.tokenizer == env["RAGCHAT_LLM__TOKENIZER"]
