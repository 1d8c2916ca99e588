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


def test_publish_changes_moves_what_changed_and_deletes_what_went(tmp_path: Path) -> None:
    """A preview's rebuild stages only the files that changed; the others stay as they are,
    and a page the site no longer has goes with the folder it leaves empty."""
    site = tmp_path / "site"
    for path, text in {"a/index.html": "a", "b/index.html": "b", "c/x.css": "c"}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text)
    kept = (site / "c" / "x.css").stat()
    staging = atomic.staging_dir(site)
    (staging / "a").mkdir(parents=True)
    (staging / "a" / "index.html").write_text("a, edited")
    (staging / "new").mkdir()
    (staging / "new" / "index.html").write_text("new")
    moved = atomic.publish_changes(staging, site, ["b/index.html"])
    assert sorted(moved) == ["a/index.html", "new/index.html"]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        "a", "a/index.html", "c", "c/x.css", "new", "new/index.html",
    ]  # fmt: skip
    assert (site / "a" / "index.html").read_text() == "a, edited"
    assert (site / "c" / "x.css").stat().st_mtime_ns == kept.st_mtime_ns
    assert not staging.exists()
