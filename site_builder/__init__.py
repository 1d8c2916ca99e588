"""Build a sourced, cross-linked explainer site from Markdown briefs."""
