#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// JSON helpers shared by the shadow editor widgets: how a value is written
// in a cell, where a syntax error is, and the minimal desired-state update
// between two versions of an edited object. Pure functions.
class ShadowJsonText
{
    Q_DECLARE_TR_FUNCTIONS(ShadowJsonText)
public:
    // The value as compact JSON: "auto" (with quotes), 180, true, null, [1,2].
    static QString compact(const QJsonValue &value);
    static QString pretty(const QJsonObject &object);

    // Parses `text` as a JSON object. On failure returns false and sets
    // `error` to a translated sentence with line and column of the problem.
    static bool parseObject(const QString &text, QJsonObject *object, QString *error);

    // The "desired" object of an update that turns `base` into `edited`:
    // changed or added leaves, null for every key of `base` that `edited`
    // lacks or holds as null; nested objects recurse. Empty when equal.
    static QJsonObject patch(const QJsonObject &base, const QJsonObject &edited);

    // Every leaf path of a patch (objects recurse; scalars, arrays and nulls
    // are leaves), as JSON pointers ("/setpoints/pressure").
    static QStringList leafPointers(const QJsonObject &object);
    // The value at a JSON pointer; Undefined when absent.
    static QJsonValue valueAt(const QJsonObject &object, const QString &pointer);
};
