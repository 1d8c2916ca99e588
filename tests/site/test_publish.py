from pathlib import Path

from site_builder.site import publish as atomic


def test_publish_swaps_the_staging_folder_in(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = atomic.staging_dir(site)
    staging.mkdir()
    (staging / "new.html").write_text("new")
    atomic.publish(staging, site)
    assert sorted(p.name for p in site.iterdir()) == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_discard_leaves_the_site_untouched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published")
    staging = atomic.staging_dir(site)
    staging.mkdir()
    (staging / "half.html").write_text("half")
    atomic.discard(staging)
    assert (site / "index.html").read_text() == "published"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_stale_staging_of_a_dead_build_is_cleaned(tmp_path: Path) -> None:
    site = tmp_path / "site"
    stale = tmp_path / ".site-staging-999999999"
    stale.mkdir()
    atomic.staging_dir(site)
    assert not stale.exists()
