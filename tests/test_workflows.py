"""The CI files only run in GitHub: check here that what they call exists and is pinned."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.cli import _parser
from tests.support import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
PINNED_RE = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")
COMMAND_RE = re.compile(r"(?:^|[\s/])(make|site-builder)((?:\s+[^\s;&|]+)*)")


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a mapping"
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _commands(text: str) -> list[tuple[str, list[str]]]:
    """Every `make …` and `site-builder …` invocation in a shell snippet, with its arguments."""
    found = []
    for line in text.splitlines():
        for part in re.split(r"&&|\|\||;", line.split(" #")[0]):
            match = COMMAND_RE.search(part)
            if match:
                found.append((match.group(1), shlex.split(match.group(2))))
    return found


def _all_commands() -> list[tuple[str, list[str]]]:
    runs = [step.get("run", "") for path in WORKFLOWS for step in _steps(_load(path))]
    hooks = [hook["entry"] for repo in _load(PRE_COMMIT)["repos"] for hook in repo["hooks"]]
    return [command for text in runs + hooks for command in _commands(text)]


def _make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return {t for line in re.findall(r"^([\w./ -]+):(?!=)", text, re.M) for t in line.split()}


def test_there_is_a_pull_request_and_a_publish_workflow() -> None:
    assert [path.name for path in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_and_step_is_named_and_every_action_pinned(path: Path) -> None:
    workflow = _load(path)
    assert workflow.get("name")
    assert workflow.get(True) or workflow.get("on"), "no trigger ('on:')"
    for job_id, job in workflow["jobs"].items():
        assert job.get("name"), f"job '{job_id}' has no name"
        assert str(job["runs-on"]).startswith("ubuntu"), f"job '{job_id}' is not on ubuntu"
        for step in job["steps"]:
            assert step.get("name"), f"a step of job '{job_id}' has no name: {step}"
            assert "uses" in step or "run" in step
            if "uses" in step:
                assert PINNED_RE.match(step["uses"]), f"{step['uses']} is not pinned"
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["python-version"] == "3.11"


def test_every_make_target_exists() -> None:
    targets = _make_targets()
    used = {arg for tool, args in _all_commands() if tool == "make" for arg in args}
    assert used >= {"site", "test"}
    assert used <= targets, f"unknown make targets: {sorted(used - targets)}"


def test_every_site_builder_command_parses() -> None:
    commands = [args for tool, args in _all_commands() if tool == "site-builder"]
    assert ["check", "--format", "github"] in commands
    for args in commands:
        _parser().parse_args(args)  # exits (SystemExit) on an unknown command or option


def test_pull_requests_are_checked_tested_and_previewed() -> None:
    workflow = _load(REPO / ".github" / "workflows" / "pull-request.yml")
    assert "pull_request" in workflow[True]
    jobs = workflow["jobs"]
    runs = {
        job_id: [s.get("run", s.get("uses")) for s in job["steps"]] for job_id, job in jobs.items()
    }
    assert "site-builder check --format github" in runs["check"]
    assert "make test" in runs["test"]
    assert runs["preview"][-2:] == ["make site", "actions/upload-artifact@v4"]
    assert jobs["preview"]["steps"][-1]["with"]["path"] == "site/"


def test_main_is_published_to_pages() -> None:
    workflow = _load(REPO / ".github" / "workflows" / "publish.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"]["steps"], workflow["jobs"]["deploy"]["steps"]
    uses = [step.get("uses") for step in build + deploy if "uses" in step]
    assert uses[-3:] == [
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
        "actions/deploy-pages@v4",
    ]
    make_site = next(step for step in build if step.get("run") == "make site")
    assert make_site["env"] == {
        "SITE_URL": "${{ steps.pages.outputs.base_url }}",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
    }
    assert (
        next(s for s in build if s.get("uses", "").startswith("actions/configure-pages"))["id"]
        == "pages"
    )
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_pre_commit_hooks_are_local() -> None:
    hooks = {hook["id"]: hook for repo in _load(PRE_COMMIT)["repos"] for hook in repo["hooks"]}
    assert {repo["repo"] for repo in _load(PRE_COMMIT)["repos"]} == {"local"}
    check = hooks["site-builder-check"]
    assert (check["files"], check["pass_filenames"], check["language"]) == (
        "^content/",
        False,
        "system",
    )
    assert hooks["ruff"]["types"] == ["python"]


def test_the_pull_request_template_asks_for_sources() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "## Sources for every new claim" in text
    assert "[^source-id]" in text


def test_the_error_report_form_asks_for_the_page_the_claim_and_a_source() -> None:
    """GitHub only checks an issue form when someone opens it: check its shape here."""
    form = _load(REPO / ".github" / "ISSUE_TEMPLATE" / "error-report.yml")
    assert form["name"] == "Error report"
    assert form["description"], "GitHub refuses an issue form without a description"
    assert form["labels"] == ["error-report"]
    fields = {item["id"]: item for item in form["body"] if item["type"] != "markdown"}
    assert list(fields) == ["page", "claim", "problem", "source"]
    assert fields["page"]["type"] == "input"
    for field_id, words in {
        "page": ("url",),
        "claim": ("claim", "site"),
        "problem": ("wrong",),
        "source": ("source", "url"),
    }.items():
        field = fields[field_id]
        assert field["validations"]["required"] is True, f"'{field_id}' is not required"
        asked = f"{field['attributes']['label']} {field['attributes'].get('description', '')}"
        for word in words:
            assert word in asked.lower(), f"'{field_id}' does not ask for the {word}"
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        assert set(item) <= {"type", "id", "attributes", "validations"}


def test_blank_issues_stay_possible() -> None:
    config = _load(REPO / ".github" / "ISSUE_TEMPLATE" / "config.yml")
    assert config == {"blank_issues_enabled": True}
