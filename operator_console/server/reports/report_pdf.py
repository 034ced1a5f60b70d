"""The session report as PDF, drawn with reportlab in the operator's language (kk, ru or en).

reportlab rather than Qt's QPdfWriter: the report is made by the room server (`GET
/sessions/{id}/report.pdf`) and by `admin report`, neither of which runs Qt, and its tables break
across pages with their header repeated (`repeatRows`) without code of ours. The text is set in
DejaVu Sans (or Noto Sans), embedded, so Kazakh letters (ә ғ қ ң ө ұ ү һ і) print on any reader.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from operator_console.server.reports.report import ReportData, gather
from operator_console.server.reports.report_texts import LANGUAGES, Words

if TYPE_CHECKING:
    from operator_console.server.runtime import HallRuntime

PADDING = 12 + 1
"""A table cell's left and right padding (reportlab's 6 pt each), and a point to spare."""

FONT_PLACES = (
    ("truetype/dejavu/DejaVuSans.ttf", "truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("truetype/noto/NotoSans-Regular.ttf", "truetype/noto/NotoSans-Bold.ttf"),
    ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
)
"""Under /usr/share/fonts: Debian's fonts-dejavu-core, fonts-noto-core, and other layouts."""
FONT_ROOT = Path("/usr/share/fonts")


class ReportError(Exception):
    """The report cannot be made here (no font with Kazakh letters, an unknown language)."""


def _fonts() -> tuple[str, str]:
    if "HallSans" in pdfmetrics.getRegisteredFontNames():
        return "HallSans", "HallSans-Bold"
    for regular, bold in FONT_PLACES:
        if (FONT_ROOT / regular).is_file() and (FONT_ROOT / bold).is_file():
            pdfmetrics.registerFont(TTFont("HallSans", str(FONT_ROOT / regular)))
            pdfmetrics.registerFont(TTFont("HallSans-Bold", str(FONT_ROOT / bold)))
            return "HallSans", "HallSans-Bold"
    raise ReportError(
        "no font with Kazakh letters found (install fonts-dejavu-core or fonts-noto-core)"
    )


class _Numbered(Canvas):
    """Pages numbered "N / TOTAL": each page is kept until the total is known."""

    footer: Callable[[Canvas, int, int], None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._pages)
        for page in self._pages:
            self.__dict__.update(page)
            type(self).footer(self, self.getPageNumber(), total)
            super().showPage()
        super().save()


def render(data: ReportData, *, language: str, zone: ZoneInfo) -> bytes:
    if language not in LANGUAGES:
        raise ReportError(f"no report language {language!r}; one of {', '.join(LANGUAGES)}")
    w = Words(language)
    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=8.5, leading=10.5, alignment=TA_LEFT)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9)
    head = ParagraphStyle(
        "head", parent=body, fontName=bold, fontSize=11, leading=14, spaceBefore=8
    )
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=15, leading=19)
    cell_head = ParagraphStyle("cellhead", parent=small, fontName=bold)

    def when(at: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return "—" if at is None else at.astimezone(zone).strftime(fmt)

    def decided(whom: tuple[tuple[str, bool], ...]) -> str:
        if not whom:
            return "—"
        return "; ".join(f"{n} ({w('Refused').lower()})" if refused else n for n, refused in whom)

    def p(text: str, style: ParagraphStyle = small) -> Paragraph:
        return Paragraph(_escape(text), style)

    page_width = landscape(A4)[0] - 24 * mm

    def fitted(header: list[str], widths: list[float]) -> list[float]:
        """The columns' widths on the page, each at least its header's longest word (a word
        is never broken: "Орын" is not "Оры/н"), what that takes given back by the widest."""
        scale = page_width / sum(widths)
        out = [x * scale for x in widths]
        for n, words in enumerate(header):
            need = PADDING + max(
                pdfmetrics.stringWidth(word, cell_head.fontName, cell_head.fontSize)
                for word in words.split() or [""]
            )
            if out[n] < need:
                widest = max(range(len(out)), key=lambda i: out[i])
                out[widest] -= need - out[n]
                out[n] = need
        return out

    def table(header: list[str], rows: list[list[str]], widths: list[float]) -> LongTable:
        cells = [[p(h, cell_head) for h in header]] + [[p(c) for c in r] for r in rows]
        if not rows:
            cells.append([p("—")] + [p("") for _ in header[1:]])
        t = LongTable(cells, colWidths=fitted(header, widths), repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3e8ef")),
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9aa5b1")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return t

    story: list[Any] = [
        p(w("Session report"), title),
        p(f"{data.hall_name} ({data.hall_id}) · {w('Session')} {data.session_id}", body),
        p(
            f"{w('Starts')}: {when(data.starts_at)} · {w('Started')}: {when(data.started_at)} · "
            f"{w('Programs')}: {', '.join(w.program(x) for x in data.programs)} · "
            f"{w('Printed')}: {when(data.printed_at, '%Y-%m-%d %H:%M:%S')}",
            body,
        ),
        p(
            f"{w('Staff')}: "
            + (", ".join(f"{n or u} ({u}, {w.role(r)})" for u, n, r in data.staff) or "—"),
            body,
        ),
        Spacer(1, 3 * mm),
        p(w("Attendance"), head),
        p(
            f"{w('Expected')}: {data.expected} · {w('Admitted')}: {len(data.admitted)} · "
            f"{w('Refused')}: {len(data.refused)} · {w('No-shows')}: {len(data.no_shows)}",
            body,
        ),
    ]
    if data.refused:
        story.append(
            table(
                [w("Time"), w("Candidate"), w("IIN"), w("Reason"), w("Decided by")],
                [
                    [
                        when(r.at, "%H:%M"),
                        r.person.full_name,
                        r.person.iin,
                        w.refusal(r.code, r.words),
                        w.actor(r.by),
                    ]
                    for r in data.refused
                ],
                [14, 60, 26, 90, 24],
            )
        )
    if data.no_shows:
        story += [
            Spacer(1, 2 * mm),
            p(f"{w('No-shows')}: " + "; ".join(f"{x.full_name} ({x.iin})" for x in data.no_shows)),
        ]
    alarms = [d for d in data.detector if d.kind == "alarm"]
    story += [
        p(w("Metal-detector checks"), head),
        p(
            f"{w('Walk-throughs')}: {sum(d.source == 'serial' for d in data.detector)} · "
            f"{w('Wand checks')}: {sum(d.source != 'serial' for d in data.detector)} · "
            f"{w('Alarms')}: {len(alarms)}",
            body,
        ),
        table(
            [w("Time"), w("Check"), w("Result"), w("Zones"), w("Decided with it")],
            [
                [
                    when(d.at, "%H:%M:%S"),
                    w.check(d.source),
                    w.detector(d.kind),
                    ", ".join(map(str, d.zones)) or "—",
                    decided(d.decided),
                ]
                for d in data.detector
                if d.kind != "pass" or d.decided
            ],
            [18, 30, 24, 20, 80],
        ),
        p(w("Seat plan"), head),
        table(
            [w("Seat"), w("Candidate"), w("IIN"), w("Programs")],
            [
                [seat, who.full_name, who.iin, ", ".join(w.program(x) for x in progs)]
                for seat, who, progs in data.seats
            ],
            [14, 70, 28, 90],
        ),
        p(w("Incidents and seat actions"), head),
        table(
            [w("Time"), w("Seat"), w("What"), w("Reason"), w("Note"), w("By")],
            [
                [
                    when(h.at, "%H:%M:%S"),
                    h.seat or "—",
                    w.action(h.action)
                    + (f" {h.minutes:+d} {w('min')}" if h.minutes is not None else ""),
                    w.reason(h.category, h.code),
                    w.note(h.category, h.note),
                    w.actor(h.actor),
                ]
                for h in data.happenings
            ],
            [16, 12, 34, 48, 70, 22],
        ),
        p(w("Results"), head),
        table(
            [
                w("Candidate"),
                w("Seat"),
                w("Program"),
                w("Sections"),
                w("Total"),
                w("Outcome"),
                w("Verification"),
            ],
            [
                [
                    f"{r.person.full_name}\n{r.person.iin}",
                    r.seat,
                    f"{w.program(r.program)} ({w.language(r.language)})",
                    "; ".join(
                        w.section_result(s.code, s.score, s.threshold, s.passed) for s in r.sections
                    )
                    or "—",
                    "—" if r.total is None else w.number(r.total),
                    w.outcome(r.outcome, r.status, r.finish_reason),
                    w.verification(r.verification),
                ]
                for r in data.results
            ],
            [48, 11, 34, 78, 18, 30, 22],
        ),
    ]
    sync = data.sync
    if sync is not None:
        age = sync.oldest_pending_seconds
        story += [
            p(w("Delivery to the central system"), head),
            p(
                f"{w('Level')}: {w.level(sync.level)} · {w('Pending')}: {sync.pending} · "
                f"{w('Parked')}: {sync.parked} · {w('Delivered')}: {sync.delivered} · "
                f"{w('Oldest pending')}: "
                + ("—" if age is None else f"{w.number(round(age / 60, 1))} {w('min')}")
                + f" · {w('Last delivery')}: {when(sync.last_success_at, '%Y-%m-%d %H:%M:%S')}",
                body,
            ),
        ]
    if data.seal is not None:
        story.append(
            KeepTogether(
                [
                    p(w("Audit chain"), head),
                    p(f"{w('Entries')}: {data.seal.seq}", body),
                    p(f"{w('Head')}: {data.seal.head}", body),
                    p(f"{w('Hall signature')}: {data.seal.signature}", small),
                    p(w("seal explained"), small),
                ]
            )
        )
    footer_left = f"{data.hall_id} · {data.session_id} · {when(data.printed_at)}"

    def footer(canvas: Canvas, page: int, total: int) -> None:
        canvas.setFont(regular, 7.5)
        canvas.drawString(12 * mm, 8 * mm, footer_left)
        canvas.drawRightString(landscape(A4)[0] - 12 * mm, 8 * mm, w.page(page, total))

    canvas_class = type("ReportCanvas", (_Numbered,), {"footer": staticmethod(footer)})
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=f"{w('Session report')} {data.session_id}",
        author=data.hall_name,
    )
    doc.build(story, canvasmaker=canvas_class)  # type: ignore[arg-type]
    return out.getvalue()


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


def session_report(
    runtime: HallRuntime, session_id: str, *, language: str
) -> tuple[bytes, ReportData]:
    """The PDF of one session as of now, and the facts it was drawn from."""
    with runtime.read() as db:
        data = gather(
            db,
            hall_id=runtime.hall_id,
            session_id=session_id,
            now=runtime.clock.now(),
            key=runtime.keys.sign,
        )
    return render(data, language=language, zone=runtime.config.zone), data
