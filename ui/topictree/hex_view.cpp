#include "hex_view.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace {
constexpr int BytesPerRow = 16;
constexpr int Margin = 4;
// "00000000  " + 16 * "xx " + 1 extra group gap + " |" + 16 + "|"
constexpr int RowChars = 10 + BytesPerRow * 3 + 1 + 2 + BytesPerRow + 1;

QChar hexDigit(int value)
{
    return QLatin1Char("0123456789abcdef"[value & 0xf]);
}
} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_charWidth = std::max(1, fontMetrics().horizontalAdvance(QLatin1Char('M')));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
}

void HexView::setData(const QByteArray &data)
{
    m_data = data;
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

void HexView::clear()
{
    setData({});
}

qsizetype HexView::rowCount() const
{
    return (m_data.size() + BytesPerRow - 1) / BytesPerRow;
}

QString HexView::rowText(qsizetype row) const
{
    QString text;
    text.reserve(RowChars);
    const qsizetype offset = row * BytesPerRow;
    text.append(QString::number(offset, 16).rightJustified(8, u'0'));
    text.append(u"  ");
    const qsizetype count = std::min<qsizetype>(BytesPerRow, m_data.size() - offset);
    for (int i = 0; i < BytesPerRow; ++i) {
        if (i == BytesPerRow / 2)
            text.append(u' ');
        if (i < count) {
            const auto byte = static_cast<unsigned char>(m_data.at(offset + i));
            text.append(hexDigit(byte >> 4));
            text.append(hexDigit(byte));
            text.append(u' ');
        } else {
            text.append(u"   ");
        }
    }
    text.append(u" |");
    for (qsizetype i = 0; i < count; ++i) {
        const auto byte = static_cast<unsigned char>(m_data.at(offset + i));
        text.append(byte >= 0x20 && byte < 0x7f ? QLatin1Char(char(byte)) : QLatin1Char('.'));
    }
    text.append(u'|');
    return text;
}

void HexView::copyAllAsHex() const
{
    QApplication::clipboard()->setText(QString::fromLatin1(m_data.toHex(' ')));
}

int HexView::rowHeight() const
{
    return std::max(1, fontMetrics().lineSpacing());
}

int HexView::visibleRowCount() const
{
    return std::max(1, viewport()->height() / rowHeight());
}

void HexView::updateScrollBars()
{
    const int visible = visibleRowCount();
    verticalScrollBar()->setRange(0, int(std::max<qsizetype>(0, rowCount() - visible)));
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(1);
    const int contentWidth = RowChars * m_charWidth + 2 * Margin;
    horizontalScrollBar()->setRange(0, std::max(0, contentWidth - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(m_charWidth);
}

void HexView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(viewport());
    if (m_data.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.setFont(QApplication::font(this));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No payload bytes"));
        return;
    }
    painter.setFont(font());
    const QFontMetrics metrics(font());
    const int height = rowHeight();
    const int x = Margin - horizontalScrollBar()->value();
    const qsizetype first = verticalScrollBar()->value();
    const qsizetype last = std::min(rowCount(), first + visibleRowCount() + 1);
    const QColor offsetColor = palette().color(QPalette::PlaceholderText);
    const QColor textColor = palette().color(QPalette::Text);
    for (qsizetype row = first; row < last; ++row) {
        const QString text = rowText(row);
        const int y = int(row - first) * height + metrics.ascent();
        painter.setPen(offsetColor);
        painter.drawText(x, y, text.left(8));
        painter.setPen(textColor);
        painter.drawText(x + 10 * m_charWidth, y, text.mid(10));
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy))
        copyAllAsHex();
    else if (event->key() == Qt::Key_Home)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
    else if (event->key() == Qt::Key_End)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
    else
        QAbstractScrollArea::keyPressEvent(event);
}

void HexView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copyAction = menu.addAction(tr("Copy All as &Hex"), this, &HexView::copyAllAsHex);
    copyAction->setEnabled(!m_data.isEmpty());
    menu.exec(event->globalPos());
}
