#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace {

const QString ResourceDirectory = QStringLiteral(":/i18n");

// The translator lives as long as the application that owns it.
void installIfFound(QCoreApplication *application, const QString &file, const QString &directory)
{
    auto *translator = new QTranslator(application);
    if (translator->load(file, directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

void installForLocale(QCoreApplication *application, const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(application);
    if (translator->load(locale, name, QStringLiteral("_"), directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

void Translations::install(QCoreApplication *application, const QLocale &locale)
{
    installIfFound(application, QStringLiteral("linescope_plurals_en"), ResourceDirectory);
    installForLocale(application, locale, QStringLiteral("linescope"), ResourceDirectory);
    installForLocale(application, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}
