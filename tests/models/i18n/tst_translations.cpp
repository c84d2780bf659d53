#include "i18n/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

// The English plural forms are embedded and installed, so counted texts
// read "1 line" and "2 lines" instead of "1 line(s)".
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void englishPluralForms_data();
    void englishPluralForms();
    void everyPluralHasItsEnglishForms();
};

void TestTranslations::initTestCase()
{
    Translations::install(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTranslations::englishPluralForms_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one line") << "BrokerLogView" << "%n line(s)" << 1 << "1 line";
    QTest::newRow("two lines") << "BrokerLogView" << "%n line(s)" << 2 << "2 lines";
    QTest::newRow("no lines") << "BrokerLogView" << "%n line(s)" << 0 << "0 lines";
    QTest::newRow("one second") << "BrokerPanel" << "on, saved every %n second(s) to %1" << 1 << "on, saved every 1 second to %1";
    QTest::newRow("CLI, one message") << "PubCommand" << "Error: interrupted before the broker acknowledged %n message(s)." << 1
                                      << "Error: interrupted before the broker acknowledged 1 message.";
}

void TestTranslations::englishPluralForms()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(int, count);
    QFETCH(QString, expected);
    const QString text = QCoreApplication::translate(qPrintable(context), qPrintable(source), nullptr, count);
    QCOMPARE(text, expected);
}

// lupdate adds a new plural text to the .ts file unfinished; lrelease then
// leaves it out and the user reads "(s)" again.
void TestTranslations::everyPluralHasItsEnglishForms()
{
    QFile file(QStringLiteral(LINESCOPE_SOURCE_DIR "/translations/linescope_plurals_en.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QString ts = QString::fromUtf8(file.readAll());
    QVERIFY2(ts.count(QLatin1String("<message numerus=\"yes\">")) >= 10, "the plural texts are missing");
    const QRegularExpression unfinished(QStringLiteral("<source>([^<]*)</source>\\s*<translation type=\"unfinished\""));
    const QRegularExpressionMatch match = unfinished.match(ts);
    QVERIFY2(!match.hasMatch(), qPrintable(QStringLiteral("no English plural forms for \"%1\": run the update_translations "
                                                          "target and fill them in translations/linescope_plurals_en.ts")
                                               .arg(match.captured(1))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
