"""The Data page: what each download holds, a link to it, and a citation ready to copy."""

from __future__ import annotations

from site_builder.content.generated_pages import GENERATED
from site_builder.content.json_schema import SCHEMA_DIR, SCHEMAS, schema_path
from site_builder.generated.base import PageSpec
from site_builder.generated.datapackage import BRIEFS, LICENSE, PACKAGE, STANDARD, version
from site_builder.generated.dataset import DATA_DIR, TABLES
from site_builder.render.view import View
from site_builder.site.urls import absolute_url


def citation(view: View) -> str:
    """Author (year). Title (version) [Data set]. Where. Licence."""
    ctx = view.ctx
    where = absolute_url(ctx.site_url, f"{DATA_DIR}/") if ctx.site_url else f"{DATA_DIR}/"
    return view.translate(
        "data.citation",
        author=ctx.site_name,
        year=ctx.build_date.year,
        version=version(ctx),
        where=where,
        licence=LICENSE["title"],
        id=LICENSE["name"],
    )


#: Rows of the first table shown on the page, so a reader sees what a row holds.
PREVIEW_ROWS = 3


def body(view: View) -> str:
    sample = TABLES[0]
    return view.block(
        "data.html",
        tables=TABLES,
        data_dir=DATA_DIR,
        briefs=BRIEFS,
        package=PACKAGE,
        schemas=[(name, schema_path(name)) for name in SCHEMAS],
        schema_dir=SCHEMA_DIR,
        license=LICENSE,
        standard=STANDARD,
        citation=citation(view),
        version=version(view.ctx),
        sample=sample,
        sample_rows=sample.rows(view.corpus)[:PREVIEW_ROWS],
    )


PAGE = PageSpec(GENERATED["data"], body)
