#pragma once

#include "measurement/measurement_sample.h"

#include <QList>
#include <QString>
#include <QStringList>

QT_FORWARD_DECLARE_CLASS(QMimeData)

// The drag-and-drop format between the topic tree, the measurement picker
// and the charts: topics (every series of the topic is added) or series keys.
class ChartMimeData
{
public:
    static QString topicMimeType();    // "application/x-linescope-topics"
    static QString seriesMimeType();   // "application/x-linescope-series"

    // New objects, owned by the caller (normally handed to QDrag).
    static QMimeData *fromTopics(const QStringList &topics);
    static QMimeData *fromSeries(const QList<SeriesKey> &keys);

    static bool canDecode(const QMimeData *data);
    static QStringList topics(const QMimeData *data);
    static QList<SeriesKey> series(const QMimeData *data);
};
