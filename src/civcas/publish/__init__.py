"""Publish: what people see of civcas (web pages, the JSON API, exports)."""
