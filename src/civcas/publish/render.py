"""Render a page to a standalone HTML file (monthly reports), with the stylesheet inlined."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).parent


def render_standalone(template: str, **context: Any) -> str:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(["html"]))
    env.globals["url_for"] = lambda name, path="": f"/static/{path}"
    from civcas.publish import i18n
    from civcas.publish.web import FAVICON, web_url

    env.globals.update(t=i18n.translator("en"), lang="en", dir="ltr", favicon=FAVICON)
    env.filters["web_url"] = web_url
    css = (HERE / "static" / "civcas.css").read_text(encoding="utf-8")
    return env.get_template(template).render(standalone=True, css=css, **context)


def render_pdf(template: str, **context: Any) -> bytes:
    """The same page as a PDF (WeasyPrint draws the inline SVG charts too)."""
    from weasyprint import HTML

    return HTML(string=render_standalone(template, **context)).write_pdf()
