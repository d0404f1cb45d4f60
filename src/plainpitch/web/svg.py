"""Make a chart SVG safe to show: matplotlib escapes text, but speaker names are user text, so trust nothing.

Parses the SVG and keeps only drawing: no scripts, no foreign content, no event handlers, no links or CSS that
reach outside the file. The editor also shows the result as an <img>, where SVG can run nothing at all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Elements that can run code, embed other documents, animate attributes into links, or load resources.
_BANNED = frozenset(
    {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener", "animate", "animatemotion",
     "animatetransform", "set", "a", "audio", "video", "feimage"}
)  # fmt: skip
_INLINE_RASTER = re.compile(r"data:image/(?:png|jpeg);base64,[A-Za-z0-9+/=\s]*\Z")  # matplotlib's embedded images
_EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?(?!#)|expression\(|javascript:", re.IGNORECASE)


class UnsafeSvg(ValueError):
    pass


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def sanitise_svg(svg: str) -> str:
    """The SVG with anything active or external removed; raises UnsafeSvg when it is not an SVG at all."""
    if "<!DOCTYPE" in svg.upper() and "<!ENTITY" in svg.upper():
        raise UnsafeSvg("SVG with entity declarations")
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise UnsafeSvg(f"not well-formed XML: {exc}") from None
    if _local(root.tag) != "svg":
        raise UnsafeSvg(f"root element is <{_local(root.tag)}>, not <svg>")
    _clean(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


def _clean(element: ET.Element) -> None:
    for child in list(element):
        name = _local(child.tag)
        if name in _BANNED or not isinstance(child.tag, str):
            element.remove(child)
            continue
        if name == "style" and _EXTERNAL_CSS.search(child.text or ""):
            element.remove(child)
            continue
        _clean(child)
    for attr in list(element.attrib):
        name = _local(attr)
        value = element.attrib[attr]
        if name.startswith("on"):
            del element.attrib[attr]
        elif name == "href" and not (value.startswith("#") or _INLINE_RASTER.match(value)):
            del element.attrib[attr]
        elif name != "href" and _EXTERNAL_CSS.search(value):
            del element.attrib[attr]
