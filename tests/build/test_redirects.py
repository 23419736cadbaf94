"""A renamed page keeps its old address: `extra.redirects` in mkdocs.yml (cnn_site/site/redirects.py)."""

from bs4 import BeautifulSoup

from tests.support.project import build_site, copy_project


def test_a_renamed_page_keeps_its_old_address_in_both_languages(tmp_path):
    project = copy_project(tmp_path)
    config = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      redirects: {}", "      redirects:\n        old/pool.md: labs/max-pooling.py"), "utf-8")
    assert build_site(project, tmp_path / "out").returncode == 0
    for folder in ("", "en/"):
        page = BeautifulSoup((tmp_path / "out" / folder / "old" / "pool.html").read_text("utf-8"), "html.parser")
        assert page.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../labs/max-pooling.html"
        assert (tmp_path / "out" / folder / "labs" / "max-pooling.html").exists()
