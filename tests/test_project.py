"""The project is found from the folder a command runs in; its languages are declared once."""
from __future__ import annotations

import pytest
import yaml

from build_scripts.errors import UserError
from build_scripts.project import LANGUAGES, Project
from segment_helpers import ROOT


def test_the_project_is_the_folder_holding_mkdocs_yml_here_or_above(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    assert Project.find(tmp_path / "docs" / "deep").root == tmp_path.resolve()
    assert Project.find(tmp_path).build == tmp_path.resolve() / "build"


def test_outside_a_project_is_one_clear_error(tmp_path):
    with pytest.raises(UserError, match=r"no mkdocs.yml here or above; run this in the project's folder"):
        Project.find(tmp_path)


class _Loader(yaml.SafeLoader):
    """MkDocs' configs use !ENV and Python tags: read them as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda x: x.code)
def test_each_language_config_builds_that_language_into_its_prefix(language):
    """The MkDocs configs agree with project.LANGUAGES: the one list of languages."""
    config = yaml.load((ROOT / language.config).read_text(encoding="utf-8"), Loader=_Loader)
    assert config["extra"]["na_lang"] == language.code
    assert config["theme"]["language"] == language.code
    assert config["docs_dir"].endswith(f"build/docs/{language.code}")
    site_dir = config["site_dir"].rstrip("/")
    assert site_dir.endswith("site/" + language.prefix.rstrip("/")) if language.prefix else site_dir == "site"
