"""Run the official KMEHR 1.42 XSD and the Mult-eMediatt schematron on a message.

The eHealth files live outside the repository, in ``../shared/kmehr`` relative to the
project root (``KMEHR_SPEC_DIR`` overrides it); they are reference data, never copied
into the product. When the folder is missing the checks raise instead of skipping:
a KMEHR test that silently skips would sell a guarantee nobody checked.

The schematron is ISO Schematron with ``queryBinding="xslt2"``. lxml ships the ISO
skeleton (XSLT 1.0 stylesheets) but its libxslt cannot evaluate the XPath 2 functions
the rules use, so the skeleton runs under Saxon (``saxonche``): the schema's query
binding is relabelled ``xslt`` (the skeleton refuses ``xslt2``; Saxon evaluates the
XPath 2 anyway) and the ``xs`` prefix its date arithmetic uses is declared. Compiling
takes seconds, so the compiled validator is built once per process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import lxml.isoschematron
from lxml import etree

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SVRL = "http://purl.oclc.org/dsdl/svrl"
ISO_SCH = "http://purl.oclc.org/dsdl/schematron"


class KmehrSpecMissing(RuntimeError):
    """The official eHealth files are not where the tests expect them."""


def spec_dir() -> Path:
    root = Path(os.environ.get("KMEHR_SPEC_DIR", PROJECT_ROOT.parent / "shared" / "kmehr"))
    needed = (
        root / "ehealth-kmehr/XSD/kmehr_elements-1_42.xsd",
        root / "multimediatt.schematron.xml",
    )
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise KmehrSpecMissing(
            "the official KMEHR files are missing (expected beside the project in "
            f"../shared/kmehr, or KMEHR_SPEC_DIR): {', '.join(missing)}"
        )
    return root


@dataclass(frozen=True)
class FailedAssert:
    role: str  # "ERROR" or "WARNING", as the schematron declares it
    assert_id: str
    location: str
    test: str
    text: str

    def __str__(self) -> str:
        return f"{self.role} {self.assert_id} at {self.location}: {self.text}"


@cache
def _xsd():  # type: ignore[no-untyped-def]
    import xmlschema

    return xmlschema.XMLSchema(
        str(spec_dir() / "ehealth-kmehr/XSD/kmehr_elements-1_42.xsd"), validation="strict"
    )


def xsd_errors(xml: bytes) -> list[str]:
    """Every XSD violation of ``xml`` (empty when ``kmehr_elements-1_42.xsd`` accepts it)."""
    tree = etree.fromstring(xml)
    return [f"{e.path}: {e.reason}" for e in _xsd().iter_errors(tree)]


def _skeleton(name: str) -> Path:
    base = Path(lxml.isoschematron.__file__).parent / "resources/xsl/iso-schematron-xslt1"
    return base / name


def _prepared_schema() -> bytes:
    """The official schema with the two adaptations the XSLT 1 skeleton needs."""
    tree = etree.parse(str(spec_dir() / "multimediatt.schematron.xml"))
    root = tree.getroot()
    root.set("queryBinding", "xslt")
    ns = etree.Element(f"{{{ISO_SCH}}}ns", prefix="xs", uri="http://www.w3.org/2001/XMLSchema")
    title = root.find(f"{{{ISO_SCH}}}title")
    title.addnext(ns)  # type: ignore[union-attr]
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


class _Schematron:
    """The schematron compiled to an XSLT executable (Saxon), applied to instances."""

    def __init__(self) -> None:
        from saxonche import PySaxonProcessor

        self._proc = PySaxonProcessor(license=False)
        xslt = self._proc.new_xslt30_processor()
        doc: bytes = _prepared_schema()
        for step in ("iso_dsdl_include.xsl", "iso_abstract_expand.xsl", "iso_svrl_for_xslt1.xsl"):
            node = self._proc.parse_xml(xml_text=doc.decode("utf-8"))
            executable = xslt.compile_stylesheet(stylesheet_file=str(_skeleton(step)))
            doc = executable.transform_to_string(xdm_node=node).encode("utf-8")
        self._validator = xslt.compile_stylesheet(stylesheet_text=doc.decode("utf-8"))

    def failed_asserts(self, xml: bytes) -> list[FailedAssert]:
        node = self._proc.parse_xml(xml_text=xml.decode("utf-8"))
        svrl = etree.fromstring(self._validator.transform_to_string(xdm_node=node).encode())
        out = []
        for fa in svrl.iter(f"{{{SVRL}}}failed-assert"):
            text = " ".join("".join(fa.itertext()).split())
            out.append(
                FailedAssert(
                    role=fa.get("role", ""),
                    assert_id=fa.get("id", ""),
                    location=fa.get("location", ""),
                    test=" ".join(fa.get("test", "").split()),
                    text=text,
                )
            )
        return out


@cache
def schematron() -> _Schematron:
    """The compiled Mult-eMediatt schematron, once per test session (compiling is slow)."""
    return _Schematron()


def schematron_failures(xml: bytes) -> list[FailedAssert]:
    return schematron().failed_asserts(xml)


def schematron_errors(xml: bytes) -> list[FailedAssert]:
    """Failed asserts of role ERROR: what the eHealth platform refuses."""
    return [f for f in schematron_failures(xml) if f.role == "ERROR"]
