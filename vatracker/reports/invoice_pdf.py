"""The invoice as a PDF, laid out by Qt's text engine with real fonts, page by page.

A QGuiApplication must exist (the window has one; the command line makes an offscreen one).
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date
from typing import Any

from .invoice_html import LOGO_URL, MUTED, invoice_html

MARGIN_MM = 16.0
FOOTER_MM = 9.0


def render_pdf(document: dict[str, Any], *, logo: bytes | None, with_timesheet: bool) -> bytes:
    """The PDF's bytes: pages with the invoice, then (if asked) the timesheet appendix; each page
    footed with the invoice number and "page n of m"."""
    from PySide6.QtCore import (
        QBuffer,
        QByteArray,
        QIODevice,
        QMarginsF,
        QPointF,
        QRectF,
        QSizeF,
        Qt,
        QUrl,
        QUuid,
    )
    from PySide6.QtGui import (
        QColor,
        QFont,
        QImage,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    size = QPageSize.PageSizeId.Letter if document["paper"] == "Letter" else QPageSize.PageSizeId.A4
    writer.setPageLayout(
        QPageLayout(
            QPageSize(size),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    number = document["number"]
    writer.setTitle(f"Invoice {number}" if number else "Draft invoice")
    writer.setCreator("VA Tracker")
    # The same document gives the same bytes: a fixed id, and (below) dates pinned to the day
    # of issue instead of the moment of export.
    writer.setDocumentId(QUuid(document_id(document)))

    text_document = QTextDocument()
    text_document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setPointSizeF(10)
    text_document.setDefaultFont(font)
    image = QImage.fromData(logo) if logo else QImage()
    if not image.isNull():
        text_document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), image)
    text_document.setHtml(
        invoice_html(document, with_logo=not image.isNull(), with_timesheet=with_timesheet)
    )
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = FOOTER_MM / 25.4 * writer.resolution()
    body = QSizeF(page.width(), page.height() - footer)
    text_document.setPageSize(body)
    pages = text_document.pageCount()

    painter = QPainter(writer)
    footer_font = QFont(font)
    footer_font.setPointSizeF(8)
    label = f"Invoice {number}" if number else "Draft invoice, not issued"
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * body.height())
        text_document.drawContents(painter, QRectF(QPointF(0, index * body.height()), body))
        painter.restore()
        painter.setFont(footer_font)
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(0, body.height(), body.width(), footer),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            f"{label}  ·  page {index + 1} of {pages}",
        )
    painter.end()
    buffer.close()
    return pin_dates(bytes(data.data()), date.fromisoformat(document["issued_on"]))


_NAMESPACE = uuid.UUID("6f0b7c2e-8f0a-4e53-9d62-3c3a1f1d5b7e")
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}(Z|[+-]\d\d'\d\d')\)")
_XMP_DATE = re.compile(
    rb'(xmp:(?:CreateDate|ModifyDate|MetadataDate))="[0-9T:-]{19}(Z|[+-]\d\d:\d\d)"'
)


def document_id(document: dict[str, Any]) -> str:
    return str(uuid.uuid5(_NAMESPACE, json.dumps(document, sort_keys=True)))


def pin_dates(pdf: bytes, day: date) -> bytes:
    """Put the day of issue in place of the export time in the PDF's metadata. Each date keeps
    its length, so no byte offset in the file moves."""

    def info(match: re.Match[bytes]) -> bytes:
        zone = b"Z" if match.group(2) == b"Z" else b"+00'00'"
        return b"/" + match.group(1) + f" (D:{day:%Y%m%d}000000".encode() + zone + b")"

    def xmp(match: re.Match[bytes]) -> bytes:
        zone = b"Z" if match.group(2) == b"Z" else b"+00:00"
        return match.group(1) + f'="{day:%Y-%m-%d}T00:00:00'.encode() + zone + b'"'

    return _XMP_DATE.sub(xmp, _PDF_DATE.sub(info, pdf))
