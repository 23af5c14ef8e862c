"""Query results as bytes in the SPARQL 1.1 result formats: JSON, XML, CSV and TSV.

Plain functions of a list of variables and rows of pyoxigraph terms (``None`` for unbound), so
the endpoint can stop reading solutions at its row cap before writing anything. Graph results
(CONSTRUCT, DESCRIBE) are written by Oxigraph's serialisers (:func:`graph_body`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, even escaped; shown as U+FFFD in XML results."""


def _kind(term: Any) -> str:
    return type(term).__name__  # NamedNode, BlankNode, Literal, Triple


def json_term(term: Any) -> dict:
    """One RDF term as a SPARQL JSON results binding."""
    kind = _kind(term)
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Triple":
        return {"type": "triple", "value": {"subject": json_term(term.subject), "predicate": json_term(term.predicate), "object": json_term(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
        out["datatype"] = term.datatype.value
    return out


def plain_value(term: Any) -> str:
    """A term as CSV shows it: an IRI or a literal's lexical form; a blank node as ``_:id``."""
    if term is None:
        return ""
    kind = _kind(term)
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind == "Triple":
        return str(term)
    return term.value


def _xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text))


def _xml_term(term: Any) -> str:
    kind = _kind(term)
    if kind == "NamedNode":
        return f"<uri>{_xml_text(term.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if kind == "Triple":
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}</predicate>"
                f"<object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{_xml_text(term.value)}</literal>"
    if term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
        return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml_text(term.value)}</literal>"
    return f"<literal>{_xml_text(term.value)}</literal>"


def _tsv_term(term: Any) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t")  # N-Triples form; a tab inside a literal as its escape


def select_body(variables: Sequence[str], rows: Sequence[Sequence[Any]], media: str) -> bytes:
    """SELECT results (``rows`` of terms, ``None`` for unbound) in the format ``media``."""
    if media == "application/sparql-results+json":
        bindings = [{v: json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8")
    if media == "application/sparql-results+xml":
        parts = ['<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        parts += [f"<variable name={quoteattr(v)}/>" for v in variables]
        parts.append("</head><results>")
        for row in rows:
            parts.append("<result>")
            parts += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in zip(variables, row) if t is not None]
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode("utf-8")
    if media == "text/csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([plain_value(t) for t in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if media == "text/tab-separated-values":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join(_tsv_term(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"no SELECT results format {media}")


def ask_body(value: bool, media: str) -> bytes:
    """ASK results in the format ``media``."""
    if media == "application/sparql-results+json":
        return json.dumps({"head": {}, "boolean": bool(value)}).encode("utf-8")
    if media == "application/sparql-results+xml":
        word = "true" if value else "false"
        return f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>{word}</boolean></sparql>\n'.encode("utf-8")
    if media == "text/csv":
        return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode("utf-8")
    if media == "text/tab-separated-values":
        return f"?_askResult\n{'true' if value else 'false'}\n".encode("utf-8")
    raise ValueError(f"no ASK results format {media}")


def graph_body(triples: Sequence[Any], media: str, *, prefixes: dict[str, str] | None = None) -> bytes:
    """CONSTRUCT or DESCRIBE results (pyoxigraph triples) in the RDF format ``media``."""
    import pyoxigraph as ox

    formats = {
        "text/turtle": ox.RdfFormat.TURTLE,
        "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "application/ld+json": ox.RdfFormat.JSON_LD,
        "application/rdf+xml": ox.RdfFormat.RDF_XML,
    }
    fmt = formats[media]
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML) and prefixes:
        return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
    return ox.serialize(triples, format=fmt) or b""
