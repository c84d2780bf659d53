#include "payload_text_view.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace {
constexpr int Margin = 4;
}

PayloadTextView::PayloadTextView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_charWidth = std::max(1, fontMetrics().horizontalAdvance(QLatin1Char('M')));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
}

void PayloadTextView::setText(const QString &text)
{
    m_text = text;
    m_lineStarts.clear();
    m_anchor = -1;
    m_selectionStart = m_selectionEnd = 0;
    if (!m_text.isEmpty()) {
        m_lineStarts.reserve(size_t(std::max<qsizetype>(16, m_text.size() / 40)));
        m_lineStarts.push_back(0);
        const QChar *data = m_text.constData();
        const qsizetype n = m_text.size();
        for (qsizetype i = 0; i < n; ++i) {
            if (data[i] == u'\n' && i + 1 < n)
                m_lineStarts.push_back(i + 1);
        }
    }
    rebuildRows();
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

void PayloadTextView::clear()
{
    setText({});
}

void PayloadTextView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

qsizetype PayloadTextView::lineCount() const
{
    return qsizetype(m_lineStarts.size());
}

qsizetype PayloadTextView::displayRowCount() const
{
    return m_rowStarts.empty() ? 0 : m_rowStarts.back();
}

QString PayloadTextView::selectedText() const
{
    return m_text.mid(m_selectionStart, m_selectionEnd - m_selectionStart);
}

void PayloadTextView::selectAll()
{
    m_selectionStart = 0;
    m_selectionEnd = m_text.size();
    viewport()->update();
}

void PayloadTextView::copy() const
{
    if (m_selectionEnd > m_selectionStart)
        QApplication::clipboard()->setText(selectedText());
}

qsizetype PayloadTextView::lineEnd(qsizetype line) const
{
    if (line + 1 < lineCount())
        return m_lineStarts[size_t(line + 1)] - 1;   // without the '\n'
    return m_text.size();
}

qsizetype PayloadTextView::lineOfRow(qsizetype row) const
{
    const auto it = std::upper_bound(m_rowStarts.begin(), m_rowStarts.end() - 1, row);
    return qsizetype(it - m_rowStarts.begin()) - 1;
}

int PayloadTextView::rowHeight() const
{
    return std::max(1, fontMetrics().lineSpacing());
}

int PayloadTextView::visibleRowCount() const
{
    return std::max(1, viewport()->height() / rowHeight());
}

void PayloadTextView::rebuildRows()
{
    m_columns = std::max(16, (viewport()->width() - 2 * Margin) / m_charWidth);
    const qsizetype lines = lineCount();
    m_rowStarts.assign(size_t(lines + 1), 0);
    qsizetype row = 0;
    for (qsizetype line = 0; line < lines; ++line) {
        m_rowStarts[size_t(line)] = row;
        const qsizetype length = lineEnd(line) - m_lineStarts[size_t(line)];
        row += std::max<qsizetype>(1, (length + m_columns - 1) / m_columns);
    }
    m_rowStarts[size_t(lines)] = row;
    updateScrollBar();
}

void PayloadTextView::updateScrollBar()
{
    const qsizetype total = displayRowCount();
    const int visible = visibleRowCount();
    verticalScrollBar()->setRange(0, int(std::max<qsizetype>(0, total - visible)));
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(1);
}

qsizetype PayloadTextView::offsetAt(const QPoint &viewportPos) const
{
    const qsizetype total = displayRowCount();
    if (total == 0)
        return 0;
    const qsizetype row = std::clamp<qsizetype>(verticalScrollBar()->value() + viewportPos.y() / rowHeight(), 0, total - 1);
    const qsizetype line = lineOfRow(row);
    const qsizetype start = m_lineStarts[size_t(line)] + (row - m_rowStarts[size_t(line)]) * m_columns;
    const qsizetype end = std::min(start + m_columns, lineEnd(line));
    const qsizetype column = (viewportPos.x() - Margin + m_charWidth / 2) / m_charWidth;
    return std::clamp<qsizetype>(start + column, start, end);
}

void PayloadTextView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(viewport());
    if (m_text.isEmpty()) {
        if (!m_placeholder.isEmpty()) {
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.setFont(QApplication::font(this));
            painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12),
                             Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        }
        return;
    }
    painter.setFont(font());
    const QFontMetrics metrics(font());
    const int height = rowHeight();
    const qsizetype first = verticalScrollBar()->value();
    const qsizetype last = std::min(displayRowCount(), first + visibleRowCount() + 1);
    const QColor textColor = palette().color(QPalette::Text);
    const QColor selectedColor = palette().color(QPalette::HighlightedText);
    const QColor highlight = palette().color(QPalette::Highlight);

    qsizetype line = lineOfRow(first);
    QString segment;
    for (qsizetype row = first; row < last; ++row) {
        while (m_rowStarts[size_t(line + 1)] <= row)
            ++line;
        const qsizetype start = m_lineStarts[size_t(line)] + (row - m_rowStarts[size_t(line)]) * m_columns;
        const qsizetype end = std::min(start + m_columns, lineEnd(line));
        segment = m_text.mid(start, end - start);
        for (QChar &c : segment) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                c = u' ';
        }
        const int y = int(row - first) * height;
        painter.setPen(textColor);
        painter.drawText(Margin, y + metrics.ascent(), segment);

        const qsizetype selStart = std::max(start, m_selectionStart);
        // A selected line break shows as one selected cell after the text.
        const qsizetype rowLimit = (end == lineEnd(line) && line + 1 < lineCount()) ? end + 1 : end;
        const qsizetype selEnd = std::min(rowLimit, m_selectionEnd);
        if (selEnd > selStart) {
            const QRect selection(Margin + int(selStart - start) * m_charWidth, y,
                                  int(selEnd - selStart) * m_charWidth, height);
            painter.fillRect(selection, highlight);
            painter.save();
            painter.setClipRect(selection);
            painter.setPen(selectedColor);
            painter.drawText(Margin, y + metrics.ascent(), segment);
            painter.restore();
        }
    }
}

void PayloadTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const qsizetype topOffset = displayRowCount() > 0
        ? m_lineStarts[size_t(lineOfRow(verticalScrollBar()->value()))]
        : 0;
    rebuildRows();
    if (displayRowCount() > 0) {
        // Keep the line that was at the top in view after re-wrapping.
        const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), topOffset);
        const qsizetype line = qsizetype(it - m_lineStarts.begin()) - 1;
        verticalScrollBar()->setValue(int(m_rowStarts[size_t(std::max<qsizetype>(0, line))]));
    }
}

void PayloadTextView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else if (event->matches(QKeySequence::MoveToStartOfDocument)) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
    } else if (event->matches(QKeySequence::MoveToEndOfDocument)) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
    } else if (event->key() == Qt::Key_Home) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
    } else if (event->key() == Qt::Key_End) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
    } else {
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void PayloadTextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_anchor = offsetAt(event->position().toPoint());
    m_selectionStart = m_selectionEnd = m_anchor;
    viewport()->update();
}

void PayloadTextView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_anchor < 0)
        return;
    const QPoint pos = event->position().toPoint();
    if (pos.y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (pos.y() > viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    const qsizetype current = offsetAt(pos);
    m_selectionStart = std::min(m_anchor, current);
    m_selectionEnd = std::max(m_anchor, current);
    viewport()->update();
}

void PayloadTextView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copyAction = menu.addAction(tr("&Copy"), this, &PayloadTextView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(m_selectionEnd > m_selectionStart);
    QAction *selectAllAction = menu.addAction(tr("Select &All"), this, &PayloadTextView::selectAll);
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    selectAllAction->setEnabled(!m_text.isEmpty());
    menu.exec(event->globalPos());
}

void PayloadTextView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_charWidth = std::max(1, fontMetrics().horizontalAdvance(QLatin1Char('M')));
        rebuildRows();
        viewport()->update();
    }
}
