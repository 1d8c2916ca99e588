"""Positions side by side: per dispute, each actor's latest statement, dated, with its history.

A table of disputes × actors grows with their product, is mostly empty and cannot fit a
phone. This page grows with what is stated: an overview (each dispute with the actors it
involves, each a link to their card, so any pair is two clicks away) and per dispute one card
per actor, which a wide screen sets side by side and a phone stacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import Document, Position, Statement
from site_builder.generated.base import PageSpec
from site_builder.render.order import by_title
from site_builder.render.view import View


@dataclass(frozen=True)
class Stance:
    """One actor on one dispute: a party, one who made statements on it, or both."""

    dispute: Document
    actor: Document
    party: bool
    position: Position | None

    @property
    def anchor(self) -> str:
        """The card's id on this page (slugs never hold "--", so no two pairs share one)."""
        return f"{self.dispute.slug}--{self.actor.slug}"

    @property
    def latest(self) -> Statement | None:
        return self.position.latest if self.position else None


def stances(dispute: Document, view: View) -> list[Stance]:
    """The dispute's parties by title, then the other actors with statements on it."""
    stated = {p.actor: p for p in dispute.positions}
    by_slug = view.corpus.by_slug
    parties = by_title(by_slug[s] for s in dispute.parties if s in by_slug)
    others = by_title(by_slug[s] for s in stated if s in by_slug and s not in dispute.parties)
    return [
        Stance(dispute, actor, actor.slug in dispute.parties, stated.get(actor.slug))
        for actor in (*parties, *others)
    ]


def body(view: View) -> str:
    disputes = by_title(view.corpus.of_kind("dispute"))
    if not disputes:
        return view.block("empty.html", text=view.translate("page.disputes.empty"))
    return view.block("stances.html", rows=[(d, stances(d, view)) for d in disputes])


PAGE = PageSpec(GENERATED["stance-matrix"], body)
