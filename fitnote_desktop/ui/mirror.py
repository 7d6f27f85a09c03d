"""The mirror screen: the physician's own figures beside the region's and Belgium's.

Two charts, each with a table holding the very same figures (a screen reader reads the
table; the chart is for the eye): the median episode length per pathology group (you /
region / Belgium as three bars), and the distribution of episode lengths of one chosen
group. Own figures come from the profile at once; the peers' come from the endpoint on
a worker thread and, when it cannot be reached, the screen says so and keeps showing
the own figures.

Charts are drawn with pyqtgraph: it draws through Qt's own QGraphicsView (so it works
with PySide6-Essentials, which has no QtCharts), is small and maintained. It is
imported here only, and this module only when the screen first opens, so the app's
start does not pay for it (nor for numpy behind it).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.mirror import ALL_GROUPS, DURATION_BINS, OTHER_GROUP, GroupFigures
from fitnote_desktop.domain.pathology import GROUPS, group_label
from fitnote_desktop.services import Services
from fitnote_desktop.services.errors import code_of
from fitnote_desktop.services.mirror import OwnReport, PeerReport, csv_text, group_order
from fitnote_desktop.ui import i18n, workers

SCOPES = ("you", "region", "all")
COLOURS = {"you": "#1f5fa8", "region": "#e08a1e", "all": "#7a7a7a"}
MONTH_CHOICES = (3, 6, 12, 24)
BAR = 0.26  # thickness of one bar; three per group
LABEL_WIDTH = 210  # pixels for the group names beside the bars
GROUP_COLUMN = 200  # pixels at most for the group names in the table (elided, tooltip)
LABEL_CHARS = 28  # longer names are shortened on the chart (the table has them in full)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def _days(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _plot(accessible: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=True, y=True, alpha=0.15)
    for name in ("left", "bottom"):
        plot.getAxis(name).setTextPen(pg.mkPen("#202020"))
        plot.getAxis(name).setPen(pg.mkPen("#909090"))
    plot.setAccessibleName(accessible)
    plot.setMinimumHeight(220)
    return plot


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


class MirrorDialog(QDialog):
    """You / region / Belgium per pathology group, with charts, tables and a CSV export."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mirrorDialog")
        self.mirror = services.mirror
        self.own: OwnReport | None = None
        self.peers: PeerReport | None = None
        self._request = 0  # the peers' answer to an older window is dropped
        self.months = QComboBox(self)
        for n in MONTH_CHOICES:
            self.months.addItem("", n)
        self.months.setCurrentIndex(MONTH_CHOICES.index(12))
        self.months.currentIndexChanged.connect(lambda _i: self.refresh())
        self.months_label = QLabel(self)
        self.months_label.setBuddy(self.months)
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.summary_title = QLabel(self)
        self.summary_title.setObjectName("sectionTitle")
        self.legend = QLabel(self)  # one colour key for both charts
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.summary_chart = _plot("")
        labels = self.summary_chart.getAxis("left")
        labels.setStyle(autoExpandTextSpace=True, hideOverlappingLabels=False)
        labels.setWidth(LABEL_WIDTH)
        self.summary_table = _table(8)
        self.group_label = QLabel(self)
        self.group = QComboBox(self)
        self.group.currentIndexChanged.connect(lambda _i: self._fill_distribution())
        self.group_label.setBuddy(self.group)
        self.distribution_chart = _plot("")
        self.distribution_table = _table(4)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_csv)
        self.help_button = QPushButton(self)
        self.help_button.clicked.connect(self.show_help)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("F1"), self, self.show_help)
        QShortcut(QKeySequence("Ctrl+S"), self, self.export_csv)
        self._layout()
        self.retranslate()
        self.resize(1320, 900)
        self.refresh()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.months_label)
        top.addWidget(self.months)
        top.addWidget(self.status, 1)
        first = QSplitter(Qt.Orientation.Horizontal, self)
        first.addWidget(self.summary_chart)
        first.addWidget(self.summary_table)
        first.setSizes([430, 890])
        picker = QHBoxLayout()
        picker.addWidget(self.group_label)
        picker.addWidget(self.group, 1)
        second = QSplitter(Qt.Orientation.Horizontal, self)
        second.addWidget(self.distribution_chart)
        second.addWidget(self.distribution_table)
        second.setSizes([430, 890])
        buttons = QHBoxLayout()
        buttons.addWidget(self.help_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        heading = QHBoxLayout()
        heading.addWidget(self.summary_title, 1)
        heading.addWidget(self.legend)
        layout.addLayout(heading)
        layout.addWidget(first, 3)
        layout.addLayout(picker)
        layout.addWidget(second, 2)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Mirror information"))
        self.months_label.setText(self.tr("&Period:"))
        for i, n in enumerate(MONTH_CHOICES):
            self.months.setItemText(i, self.tr("last %1 months").replace("%1", str(n)))
        self.summary_title.setText(self.tr("Median episode length per pathology group (days)"))
        self.summary_chart.setAccessibleName(
            self.tr("Chart: median episode length per pathology group; the table beside it")
        )
        self.summary_table.setAccessibleName(self.tr("Figures per pathology group"))
        self.summary_table.setHorizontalHeaderLabels(
            [
                self.tr("Pathology group"),
                self.tr("Who"),
                self.tr("Certificates"),
                self.tr("Episodes"),
                self.tr("Median (days)"),
                self.tr("With a fit-note"),
                self.tr("Prolonged"),
                self.tr("Partial resumption"),
            ]
        )
        self.group_label.setText(self.tr("Episode length of &group:"))
        self.distribution_chart.setAccessibleName(
            self.tr("Chart: share of episodes per length; the table beside it")
        )
        self.distribution_table.setAccessibleName(self.tr("Episodes per length"))
        self.distribution_table.setHorizontalHeaderLabels(
            [self.tr("Episode length"), *(self.scope_name(s) for s in SCOPES)]
        )
        self.legend.setText(self._legend())
        self.export_button.setText(self.tr("&Export CSV…"))
        self.help_button.setText(self.tr("Help (F1)"))
        self.close_button.setText(self.tr("Close"))

    def _legend(self) -> str:
        return "&nbsp;&nbsp;&nbsp;".join(
            f'<span style="color:{COLOURS[s]}">&#9632;</span> {html.escape(self.scope_name(s))}'
            for s in SCOPES
        )

    def scope_name(self, scope: str) -> str:
        if scope == "you":
            return self.tr("You")
        if scope == "region":
            region = self.peers.region if self.peers is not None else ""
            return self.tr("Region %1").replace("%1", region) if region else self.tr("Region")
        return self.tr("Belgium")

    def label(self, group: str) -> str:
        if group == ALL_GROUPS:
            return self.tr("All groups")
        if group == OTHER_GROUP or group not in GROUPS:
            return self.tr("Other diagnoses")
        return group_label(group, i18n.current_language())

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        """Own figures now; the peers' on a worker thread (when an endpoint is set up)."""
        months = int(self.months.currentData())
        self.own = self.mirror.own(months)
        self.peers = None
        self._request += 1
        request = self._request
        if self.mirror.has_peers:
            self.status.setText(self.tr("Fetching the region's figures…"))
            workers.start(
                lambda _progress: self.mirror.peers(months),
                done=lambda report: self._peers_arrived(request, report),
                failed=lambda exc: self._peers_failed(request, exc),
            )
        else:
            self._peers_failed(request, None)
        self._fill()

    def _peers_arrived(self, request: int, report: PeerReport) -> None:
        if request != self._request:
            return
        self.peers = report
        note = self.tr(
            "Region %1 and Belgium: cells with fewer than 10 physicians or 50 "
            "certificates are not shown."
        ).replace("%1", report.region or "–")
        if report.synthetic:
            note += " " + self.tr("Demo: the peers are a synthetic population.")
        self.status.setText(note)
        self.retranslate()
        self._fill()

    def _peers_failed(self, request: int, exc: BaseException | None) -> None:
        if request != self._request:
            return
        reason = i18n.text(code_of(exc)) if exc is not None else ""
        text = self.tr("Region figures unavailable; your own figures are shown.")
        self.status.setText(f"{text} {reason}".strip())

    def _cells(self, scope: str) -> dict[str, GroupFigures | None]:
        if scope == "you":
            return dict(self.own.by_group()) if self.own is not None else {}
        if self.peers is None:
            return {}
        return dict(self.peers.region_cells if scope == "region" else self.peers.national_cells)

    def groups(self) -> list[str]:
        return group_order(self.own, self.peers) if self.own is not None else []

    def _fill(self) -> None:
        groups = self.groups()
        self._fill_summary(groups)
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for g in groups:
            self.group.addItem(self.label(g), g)
        index = self.group.findData(current if current in groups else ALL_GROUPS)
        self.group.setCurrentIndex(max(index, 0))
        self.group.blockSignals(False)
        self._fill_distribution()

    # ------------------------------------------------------------------ summary

    def _summary_row(self, group: str, scope: str, fig: GroupFigures | None) -> list[str]:
        if fig is None:
            return [self.label(group), self.scope_name(scope), self.tr("too few to show")]
        return [
            self.label(group),
            self.scope_name(scope),
            str(fig.certificates),
            str(fig.episodes),
            _days(fig.median_days),
            _pct(fig.fit_note_share),
            _pct(fig.prolonged_share),
            _pct(fig.partial_resumption_share),
        ]

    def _fill_summary(self, groups: Sequence[str]) -> None:
        rows: list[list[str]] = []
        for group in groups:
            for scope in SCOPES:
                cells = self._cells(scope)
                if group in cells:
                    rows.append(self._summary_row(group, scope, cells[group]))
        table = self.summary_table
        table.clearSpans()
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            if len(values) < table.columnCount():  # suppressed: one sentence over the figures
                table.setSpan(r, 2, 1, table.columnCount() - 2)
            for c in range(table.columnCount()):
                item = QTableWidgetItem(values[c] if c < len(values) else "")
                if c == 0:
                    item.setToolTip(values[0])
                if c >= 2 and len(values) == table.columnCount():
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), GROUP_COLUMN))
        table.horizontalHeader().setStretchLastSection(True)
        self._draw_summary(groups)

    def _draw_summary(self, groups: Sequence[str]) -> None:
        plot = self.summary_chart
        plot.clear()
        shown = list(reversed(groups))  # the first group at the top
        longest = 1.0
        for k, scope in enumerate(SCOPES):
            cells = self._cells(scope)
            ys, widths = [], []
            for i, group in enumerate(shown):
                fig = cells.get(group)
                if fig is not None and fig.median_days is not None:
                    ys.append(i + (1 - k) * BAR)
                    widths.append(fig.median_days)
            longest = max([longest, *widths])
            if ys:
                plot.addItem(
                    pg.BarGraphItem(
                        x0=0,
                        y=ys,
                        width=widths,
                        height=BAR * 0.9,
                        brush=QColor(COLOURS[scope]),
                        pen=pg.mkPen(None),
                    )
                )
        ticks = [(i, _short(self.label(g))) for i, g in enumerate(shown)]
        plot.getAxis("left").setTicks([ticks])
        plot.getAxis("bottom").setLabel(self.tr("days"))
        plot.setYRange(-0.6, len(shown) - 0.4, padding=0)
        plot.setXRange(0, longest * 1.05, padding=0)

    # ------------------------------------------------------------------ distribution

    @staticmethod
    def bin_label(index: int) -> str:
        low, high = DURATION_BINS[index]
        return f"{low}–{high}" if high is not None else f"{low}+"

    def _shares(self, fig: GroupFigures | None) -> list[float] | None:
        if fig is None:
            return None
        total = sum(fig.distribution)
        return [n / total if total else 0.0 for n in fig.distribution]

    def _fill_distribution(self) -> None:
        group = self.group.currentData() or ALL_GROUPS
        table = self.distribution_table
        table.setRowCount(len(DURATION_BINS))
        shares = {s: self._shares(self._cells(s).get(group)) for s in SCOPES}
        for r in range(len(DURATION_BINS)):
            table.setItem(
                r, 0, QTableWidgetItem(self.tr("%1 days").replace("%1", self.bin_label(r)))
            )
            for c, scope in enumerate(SCOPES, start=1):
                values = shares[scope]
                text = _pct(values[r]) if values is not None else "–"
                if scope == "you" and self.own is not None and group in self.own.by_group():
                    text += f" ({self.own.by_group()[group].distribution[r]})"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        plot = self.distribution_chart
        plot.clear()
        for k, scope in enumerate(SCOPES):
            values = shares[scope]
            if values is None:
                continue
            plot.addItem(
                pg.BarGraphItem(
                    x=[i + (k - 1) * BAR for i in range(len(values))],
                    height=[v * 100 for v in values],
                    width=BAR * 0.9,
                    brush=QColor(COLOURS[scope]),
                    pen=pg.mkPen(None),
                )
            )
        plot.getAxis("bottom").setTicks(
            [[(i, self.bin_label(i)) for i in range(len(DURATION_BINS))]]
        )
        plot.getAxis("bottom").setLabel(self.tr("episode length (days)"))
        plot.getAxis("left").setLabel(self.tr("% of episodes"))

    # ------------------------------------------------------------------ actions

    def csv(self) -> str:
        if self.own is None:
            return ""
        return csv_text(self.own, self.peers, {g: self.label(g) for g in self.groups()})

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), "mirror.csv", self.tr("CSV file (*.csv)")
        )
        if path:
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:  # -sig: Excel
                fh.write(self.csv())

    def show_help(self) -> None:
        QMessageBox.information(self, self.tr("Mirror information"), self.help_text())

    def help_text(self) -> str:
        return self.tr(
            "Your certificates of the chosen period, from this computer only, beside "
            "anonymised figures of your region and of Belgium from the platform.\n\n"
            "A certificate counts when its period begins in the chosen period. Certificates "
            "of one patient form an episode when each begins within the relapse window "
            "(14 days) after the previous one ends; the episode belongs to the pathology "
            "group of its first certificate. Episode length: first to last day. Prolonged: "
            "more than one certificate. Partial resumption: one begins during the episode "
            "or its relapse window.\n\n"
            "The region's and Belgium's figures are shown only for groups with at least "
            "10 physicians and 50 certificates. Ctrl+S exports the figures as CSV."
        )
