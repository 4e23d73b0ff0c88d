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
    css = (HERE / "static" / "civcas.css").read_text(encoding="utf-8")
    return env.get_template(template).render(standalone=True, css=css, **context)
