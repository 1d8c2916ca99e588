"""HTML and Markdown for readers, made from templates in ``theme/site_builder/``."""
