#include "payload/payload_diff.h"

#include "payload/json_decoder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace {

QString pointerToken(QString key)
{
    key.replace(u'~', QLatin1String("~0"));
    key.replace(u'/', QLatin1String("~1"));
    return key;
}

void addChange(QList<PayloadDiff::Change> &changes, PayloadDiff::Change::Kind kind, const QString &path,
               const QJsonValue &oldValue, const QJsonValue &newValue)
{
    PayloadDiff::Change change;
    change.kind = kind;
    change.path = path;
    change.oldValue = oldValue;
    change.newValue = newValue;
    changes.append(change);
}

// Recursion is bounded by JsonDecoder's nesting limit.
void diffJson(const QString &path, const QJsonValue &older, const QJsonValue &newer, QList<PayloadDiff::Change> &changes)
{
    using Kind = PayloadDiff::Change::Kind;
    if (older.isObject() && newer.isObject()) {
        const QJsonObject a = older.toObject();
        const QJsonObject b = newer.toObject();
        // Both iterate in key order: merge them.
        auto ia = a.constBegin();
        auto ib = b.constBegin();
        while (ia != a.constEnd() || ib != b.constEnd()) {
            if (ib == b.constEnd() || (ia != a.constEnd() && ia.key() < ib.key())) {
                addChange(changes, Kind::Removed, path + u'/' + pointerToken(ia.key()), ia.value(), QJsonValue::Undefined);
                ++ia;
            } else if (ia == a.constEnd() || ib.key() < ia.key()) {
                addChange(changes, Kind::Added, path + u'/' + pointerToken(ib.key()), QJsonValue::Undefined, ib.value());
                ++ib;
            } else {
                diffJson(path + u'/' + pointerToken(ia.key()), ia.value(), ib.value(), changes);
                ++ia;
                ++ib;
            }
        }
        return;
    }
    if (older.isArray() && newer.isArray()) {
        const QJsonArray a = older.toArray();
        const QJsonArray b = newer.toArray();
        const qsizetype common = qMin(a.size(), b.size());
        for (qsizetype i = 0; i < common; ++i)
            diffJson(path + u'/' + QString::number(i), a.at(i), b.at(i), changes);
        for (qsizetype i = common; i < a.size(); ++i)
            addChange(changes, Kind::Removed, path + u'/' + QString::number(i), a.at(i), QJsonValue::Undefined);
        for (qsizetype i = common; i < b.size(); ++i)
            addChange(changes, Kind::Added, path + u'/' + QString::number(i), QJsonValue::Undefined, b.at(i));
        return;
    }
    if (older != newer)
        addChange(changes, Kind::Changed, path, older, newer);
}

// Same rule as JsonDecoder::isJsonContainer, parsing only once.
bool parseJsonContainer(const QByteArray &payload, QJsonValue *value)
{
    const JsonDecoder::ParseResult parsed = JsonDecoder::parse(payload);
    if (!parsed.ok || !(parsed.value.isObject() || parsed.value.isArray()))
        return false;
    *value = parsed.value;
    return true;
}

qint64 firstDifferingByte(const QByteArray &a, const QByteArray &b)
{
    const qsizetype common = qMin(a.size(), b.size());
    const auto mismatch = std::mismatch(a.constBegin(), a.constBegin() + common, b.constBegin());
    const qsizetype offset = mismatch.first - a.constBegin();
    if (offset < common || a.size() != b.size())
        return offset;
    return -1;
}

void appendLine(QList<PayloadDiff::Line> &lines, PayloadDiff::Line::Kind kind, const QString &text,
                qsizetype oldNumber, qsizetype newNumber)
{
    PayloadDiff::Line line;
    line.kind = kind;
    line.text = text;
    line.oldLineNumber = oldNumber;
    line.newLineNumber = newNumber;
    lines.append(line);
}

// LCS over the middle part [begin, endA) x [begin, endB), which the caller
// bounded to MaximumLineDiffCells.
void diffMiddle(const QStringList &a, const QStringList &b, qsizetype begin, qsizetype endA, qsizetype endB,
                QList<PayloadDiff::Line> &lines)
{
    using Kind = PayloadDiff::Line::Kind;
    const qsizetype n = endA - begin;
    const qsizetype m = endB - begin;
    // lcs[i][j]: LCS length of a[begin+i..endA) and b[begin+j..endB); fits
    // 16 bits because min(n, m) <= sqrt(MaximumLineDiffCells) < 65536.
    std::vector<quint16> lcs(size_t((n + 1) * (m + 1)), 0);
    const auto at = [m](qsizetype i, qsizetype j) { return size_t(i * (m + 1) + j); };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[at(i, j)] = a.at(begin + i) == b.at(begin + j)
                ? quint16(lcs[at(i + 1, j + 1)] + 1)
                : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        }
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(begin + i) == b.at(begin + j)) {
            appendLine(lines, Kind::Unchanged, a.at(begin + i), begin + i + 1, begin + j + 1);
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)])) {
            // Removals first on ties, as unified diffs show them.
            appendLine(lines, Kind::Removed, a.at(begin + i), begin + i + 1, 0);
            ++i;
        } else {
            appendLine(lines, Kind::Added, b.at(begin + j), 0, begin + j + 1);
            ++j;
        }
    }
}

} // namespace

PayloadDiff PayloadDiff::compare(const QByteArray &older, const QByteArray &newer)
{
    PayloadDiff diff;
    diff.m_firstDifference = firstDifferingByte(older, newer);

    QJsonValue olderJson;
    QJsonValue newerJson;
    if (parseJsonContainer(older, &olderJson) && parseJsonContainer(newer, &newerJson)) {
        diff.m_mode = Mode::Json;
        diffJson(QString(), olderJson, newerJson, diff.m_changes);
        return diff;
    }

    const QStringList a = QString::fromUtf8(older).split(u'\n');
    const QStringList b = QString::fromUtf8(newer).split(u'\n');
    diff.m_lineCount = qMax(a.size(), b.size());

    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    const qint64 cells = qint64(a.size() - prefix - suffix) * qint64(b.size() - prefix - suffix);
    if (older.size() > MaximumLineDiffBytes || newer.size() > MaximumLineDiffBytes || cells > MaximumLineDiffCells) {
        diff.m_mode = Mode::TooLarge;
        return diff;
    }

    diff.m_mode = Mode::Text;
    for (qsizetype i = 0; i < prefix; ++i)
        appendLine(diff.m_lines, Line::Kind::Unchanged, a.at(i), i + 1, i + 1);
    diffMiddle(a, b, prefix, a.size() - suffix, b.size() - suffix, diff.m_lines);
    for (qsizetype k = suffix; k > 0; --k)
        appendLine(diff.m_lines, Line::Kind::Unchanged, a.at(a.size() - k), a.size() - k + 1, b.size() - k + 1);
    return diff;
}

bool PayloadDiff::isIdentical() const
{
    if (m_mode == Mode::Json)
        return m_changes.isEmpty();
    return m_firstDifference < 0;
}

QString PayloadDiff::summary() const
{
    if (isIdentical())
        return tr("The payloads are identical.");
    switch (m_mode) {
    case Mode::Json: {
        const auto count = [this](Change::Kind kind) {
            return std::count_if(m_changes.cbegin(), m_changes.cend(), [kind](const Change &change) { return change.kind == kind; });
        };
        return tr("JSON: %1 added, %2 removed, %3 changed.")
            .arg(count(Change::Kind::Added))
            .arg(count(Change::Kind::Removed))
            .arg(count(Change::Kind::Changed));
    }
    case Mode::Text: {
        const auto count = [this](Line::Kind kind) {
            return std::count_if(m_lines.cbegin(), m_lines.cend(), [kind](const Line &line) { return line.kind == kind; });
        };
        return tr("Lines: %1 added, %2 removed.").arg(count(Line::Kind::Added)).arg(count(Line::Kind::Removed));
    }
    case Mode::TooLarge:
        return tr("Too large to diff line by line (%1 lines); showing first difference at byte %2.")
            .arg(m_lineCount)
            .arg(m_firstDifference);
    }
    return QString();
}
