#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

// Classic offset / hex / ASCII dump that formats only the rows on screen, so
// a 16 MB payload (a million rows) costs no more than a small one.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit HexView(QWidget *parent = nullptr);

    void setData(const QByteArray &data);
    QByteArray data() const { return m_data; }
    void clear();

    qsizetype rowCount() const;
    // The text of one dump row, e.g. "00000010  7b 22 61 ...  |{"a...|".
    QString rowText(qsizetype row) const;

    void copyAllAsHex() const;

protected:
    /* QAbstractScrollArea implementations */
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void updateScrollBars();
    int rowHeight() const;
    int visibleRowCount() const;

    QByteArray m_data;
    int m_charWidth = 8;
};
