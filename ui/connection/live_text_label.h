#pragma once

#include <QWidget>

// One line of text that changes several times a second (message counters).
// A QLabel asks its parents to lay out again on every text change, and that
// request travels up to the main window, which then repaints far more than
// the label. This label keeps one size (a line of the font, as wide as the
// layout gives it) and only repaints itself; text that does not fit is
// elided and the whole text is in the tooltip.
class LiveTextLabel : public QWidget
{
    Q_OBJECT
public:
    explicit LiveTextLabel(QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};
