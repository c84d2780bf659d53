#include "screenshot.h"

#include "i18n/translations.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QTest>
#include <QWidget>

namespace {

// The GUI tests (and so the screenshots in docs/) read as the application
// does: "1 second", not "1 second(s)". English, whatever the machine's locale.
void installApplicationTranslations()
{
    Translations::install(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installApplicationTranslations)

QString screenshotDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("LINESCOPE_SCREENSHOT_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(fromEnvironment);
    return QStringLiteral(LINESCOPE_BINARY_DIR "/screenshots");
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    QVERIFY2(widget, qPrintable(QStringLiteral("no widget to grab for %1").arg(name)));
    const QString directory = screenshotDirectory();
    QVERIFY2(QDir().mkpath(directory),
             qPrintable(QStringLiteral("cannot create the screenshot directory %1").arg(directory)));
    const QString path = QDir(directory).filePath(name);
    const QPixmap shot = widget->grab();
    QVERIFY2(!shot.isNull(), qPrintable(QStringLiteral("grabbing %1 for %2 gave an empty image")
                                            .arg(widget->objectName(), path)));
    // QImageWriter says why a save failed (QPixmap::save() only returns false).
    QImageWriter writer(path);
    QVERIFY2(writer.write(shot.toImage()),
             qPrintable(QStringLiteral("cannot save %1: %2").arg(path, writer.errorString())));
}
