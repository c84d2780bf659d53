#pragma once

#include <QLocale>

class QCoreApplication;

// Installs LineScope's translators on the application, in this order:
// the English plural forms (so that tr("%n line(s)", nullptr, n) reads
// "1 line" and "2 lines" without a full English translation), then the
// translation for the locale's language, if one is embedded, and Qt's own
// strings for it. Translators installed later are asked first.
class Translations
{
public:
    static void install(QCoreApplication *application, const QLocale &locale = QLocale());
};
