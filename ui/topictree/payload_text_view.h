#pragma once

#include <QAbstractScrollArea>
#include <QString>

#include <vector>

// Read-only text view for payloads of many megabytes. It keeps the text once,
// indexes line starts in linear time and paints only the visible rows,
// soft-wrapped at the viewport width in a fixed-pitch font. Unlike
// QPlainTextEdit it never lays out a whole document, so a 16 MB single-line
// JSON payload shows as fast as a small one.
class PayloadTextView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit PayloadTextView(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void clear();

    // Shown centred while the view holds no text, e.g. why a payload is not JSON.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    qsizetype lineCount() const;
    qsizetype displayRowCount() const;

    QString selectedText() const;
    void selectAll();
    void copy() const;

protected:
    /* QAbstractScrollArea implementations */
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuildRows();
    void updateScrollBar();
    qsizetype lineEnd(qsizetype line) const;
    qsizetype lineOfRow(qsizetype row) const;
    qsizetype offsetAt(const QPoint &viewportPos) const;
    int rowHeight() const;
    int visibleRowCount() const;

    QString m_text;
    QString m_placeholder;
    std::vector<qsizetype> m_lineStarts;   // offset of each line's first character
    std::vector<qsizetype> m_rowStarts;    // first display row of each line; one extra entry = total
    int m_columns = 80;
    int m_charWidth = 8;
    qsizetype m_anchor = -1;
    qsizetype m_selectionStart = 0;
    qsizetype m_selectionEnd = 0;
};
