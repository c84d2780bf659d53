#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

// Difference between two payloads of one topic (older first).
//
// - Json mode, when both payloads are JSON objects or arrays (the detection
//   rule of JsonDecoder::isJsonContainer): changes by JSON pointer path
//   (RFC 6901, e.g. "/measurements/0/value"; "" is the root). Objects are
//   compared key by key; arrays element-wise by index, so an element inserted
//   at the front shows as changes at every following index plus one Added at
//   the end, not as a single insertion. A value whose type changes is one
//   Changed. Numbers compare by value (1 equals 1.0).
// - Text mode otherwise: a line diff (LCS, lines split at '\n') of the
//   payloads read as UTF-8; the common leading and trailing lines are matched
//   first, and the rest is diffed only while it stays within
//   MaximumLineDiffCells and both payloads within MaximumLineDiffBytes.
// - TooLarge mode beyond those bounds: no line list, only the line count and
//   the first differing byte (see summary()).
//
// Pure function of its inputs; safe to run in a worker thread
// (QtConcurrent::run) for big payloads.
class PayloadDiff
{
    Q_DECLARE_TR_FUNCTIONS(PayloadDiff)
public:
    static constexpr qint64 MaximumLineDiffCells = 4'000'000;   // differing lines old x new
    static constexpr qsizetype MaximumLineDiffBytes = 4 * 1024 * 1024;

    enum class Mode { Json, Text, TooLarge };

    struct Change
    {
        enum class Kind { Added, Removed, Changed };
        Kind kind = Kind::Changed;
        QString path;          // JSON pointer
        QJsonValue oldValue;   // Undefined for Added
        QJsonValue newValue;   // Undefined for Removed
    };

    struct Line
    {
        enum class Kind { Unchanged, Added, Removed };
        Kind kind = Kind::Unchanged;
        QString text;
        qsizetype oldLineNumber = 0;   // 1-based, 0 for Added
        qsizetype newLineNumber = 0;   // 1-based, 0 for Removed
    };

    static PayloadDiff compare(const QByteArray &older, const QByteArray &newer);

    Mode mode() const { return m_mode; }
    // No differences: for Json mode no Change (formatting may differ), for
    // the other modes identical bytes.
    bool isIdentical() const;
    QList<Change> changes() const { return m_changes; }   // Json mode
    QList<Line> lines() const { return m_lines; }         // Text mode, every line of both payloads
    qint64 firstDifference() const { return m_firstDifference; }   // byte offset, -1 when the bytes are equal
    qsizetype lineCount() const { return m_lineCount; }   // lines of the longer payload
    QString summary() const;                               // translated one-liner

private:
    Mode m_mode = Mode::Text;
    QList<Change> m_changes;
    QList<Line> m_lines;
    qint64 m_firstDifference = -1;
    qsizetype m_lineCount = 0;
};
