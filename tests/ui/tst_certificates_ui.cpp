#include "certificates/certificate_import_wizard.h"
#include "certificates/certificate_validity_style.h"
#include "certificates/certificates_page.h"
#include "connection/connection_dialog.h"

#include "keychain_test_util.h"
#include "main_window.h"
#include "profiles/profile_store.h"
#include "profiles/secret_store.h"
#include "screenshot.h"
#include "test_pki.h"
#include "vault/certificate_vault.h"
#include "vault/certificate_vault_job.h"
#include "vault_test_util.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include <memory>

namespace {

constexpr int Timeout = 20000;
constexpr qint64 Day = 24 * 3600;
const QString KeychainService = QStringLiteral("LineScopeUiTest-certificates");
const QColor Amber(0xb3, 0x5c, 0x00);
const QColor Red(0xc0, 0x1c, 0x28);

template<typename T>
T *child(const QObject &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget)
        qFatal("no child widget named %s", qPrintable(name));
    return widget;
}

// Delivers files to the widget the way a drag from a file manager does:
// drag-enter first (which must be accepted), then the drop.
bool dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPoint position = target->rect().center();
    QDragEnterEvent enter(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(position), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

QStringList listTexts(const QListWidget *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts.append(list->item(i)->text());
    return texts;
}

// Validity words count calendar days in local time, so a certificate made valid
// for 365 days and an hour "expires in 366 days" when that hour crosses midnight.
constexpr qint64 YearAndHour = 365 * Day + 3600;
constexpr qint64 TenDaysAndHour = 10 * Day + 3600;

qint64 calendarDaysFromNow(qint64 seconds)
{
    const QDateTime now = QDateTime::currentDateTime();
    return now.date().daysTo(now.addSecs(seconds).date());
}

QString expiresInWords(qint64 secondsFromNow)
{
    return QStringLiteral("expires in %1 days").arg(calendarDaysFromNow(secondsFromNow));
}

QString daysLeftWords(qint64 secondsFromNow)
{
    return QStringLiteral("%1 days left").arg(calendarDaysFromNow(secondsFromNow));
}

QTreeWidgetItem *rowFor(const QTreeWidget *tree, const QString &name)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0).startsWith(name))
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestCertificatesUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void validityWordsAndColours_data();
    void validityWordsAndColours();
    void awsDownloadSetInOneDrop();
    void passphraseOnlyWhenNeeded();
    void importErrorsInWords_data();
    void importErrorsInWords();
    void expiringCertificateWarns();
    void sameCertificateTwiceIsRefused();
    void dropOnTheNameFieldAddsTheFiles();
    void pageShowsDaysLeftAndExports();
    void connectionDialogPicksIdentity();
    void awsIotPresetFillsTheForm();
    void importFromTheConnectionDialog();
    void openDialogFollowsTheVault();
    void replaceKeepsTheOldOne();
    void deleteAsksFirst();
    void mainWindowOpensThePage();

private:
    bool dropAndCheck(CertificateImportWizard &wizard, const QStringList &files);
    QString importThroughWizard(const QStringList &files, const QString &name, QString *error);

    QTemporaryDir m_pkiDir;
    QTemporaryDir m_configDir;
    std::unique_ptr<TestPki> m_pki;
    std::unique_ptr<CertificateVault> m_vault;
    QStringList m_keyNames;
    QHash<QString, QString> m_ids;   // by test name: aws, expiring, renewed
};

void TestCertificatesUi::initTestCase()
{
    QVERIFY2(KeychainTestUtil::runsOnThrowawayKeyring(),
             "This test writes to the OS keychain. Run it through ctest or tests/support/with-keyring.sh.");
    QVERIFY2(m_pkiDir.isValid() && m_configDir.isValid(), "no temporary folder");
    m_pki = std::make_unique<TestPki>(m_pkiDir.path());
    TestPki &pki = *m_pki;

    // What AWS IoT hands out: a root (standing in for AmazonRootCA1) and a thing certificate.
    TestPki::CertificateSpec root;
    root.commonName = QStringLiteral("Amazon Root CA 1 (test)");
    root.ca = true;
    root.notAfterSeconds = 3650 * Day;
    QVERIFY2(pki.makeKey(QStringLiteral("rootKey"), TestPki::KeyType::Rsa2048)
                 && pki.makeCertificate(QStringLiteral("root"), QStringLiteral("rootKey"), {}, root),
             qPrintable(pki.error()));
    const auto client = [&pki, this](const QString &name, qint64 notAfter) {
        TestPki::CertificateSpec spec;
        spec.commonName = name;
        spec.notAfterSeconds = notAfter;
        const QString key = name + QStringLiteral("-key");
        m_keyNames.append(key);
        return pki.makeKey(key, TestPki::KeyType::EcP256) && pki.makeCertificate(name, key, QStringLiteral("root"), spec);
    };
    // An hour on top, so "days left" is the whole number of days while the test runs.
    QVERIFY2(client(QStringLiteral("press-4"), YearAndHour), qPrintable(pki.error()));
    QVERIFY2(client(QStringLiteral("press-4-renewed"), 730 * Day + 3600), qPrintable(pki.error()));
    QVERIFY2(client(QStringLiteral("oven-2"), TenDaysAndHour), qPrintable(pki.error()));
    QVERIFY2(client(QStringLiteral("locked"), 365 * Day), qPrintable(pki.error()));
    QVERIFY2(client(QStringLiteral("stranger"), 365 * Day), qPrintable(pki.error()));
    QVERIFY2(client(QStringLiteral("kiln-1"), 365 * Day), qPrintable(pki.error()));
    QVERIFY2(client(QStringLiteral("old"), -Day), qPrintable(pki.error()));

    const QString thing = QStringLiteral("3f2a9c41d7");
    QVERIFY2(!pki.writeCertificatesPem(thing + QStringLiteral("-certificate.pem.crt"), {QStringLiteral("press-4")}).isEmpty()
                 && !pki.writeKey(thing + QStringLiteral("-private.pem.key"), QStringLiteral("press-4-key"),
                                  TestPki::KeyFormat::TraditionalPem).isEmpty()
                 && !pki.writeCertificatesPem(QStringLiteral("AmazonRootCA1.pem"), {QStringLiteral("root")}).isEmpty(),
             qPrintable(pki.error()));
    for (const QString &name : {QStringLiteral("press-4-renewed"), QStringLiteral("oven-2"), QStringLiteral("locked"),
                                QStringLiteral("stranger"), QStringLiteral("kiln-1"), QStringLiteral("old")}) {
        QVERIFY2(!pki.writeCertificatesPem(name + QStringLiteral(".crt"), {name}).isEmpty(), qPrintable(pki.error()));
        const TestPki::KeyFormat format = name == QLatin1String("locked") ? TestPki::KeyFormat::EncryptedPkcs8Pem
                                                                           : TestPki::KeyFormat::Pkcs8Pem;
        QVERIFY2(!pki.writeKey(name + QStringLiteral(".key"), name + QStringLiteral("-key"), format, "s3cret").isEmpty(),
                 qPrintable(pki.error()));
    }
    QVERIFY2(!pki.writeBytes(QStringLiteral("notes.txt"), "shift handover: check press 4\n").isEmpty(),
             qPrintable(pki.error()));

    m_vault = std::make_unique<CertificateVault>(m_configDir.filePath(QStringLiteral("certificates.ini")),
                                                 KeychainService);
    QVERIFY2(m_vault->certificates().isEmpty(), "the vault of this test is not empty at the start");
}

void TestCertificatesUi::cleanupTestCase()
{
    if (!m_vault || !m_pki)
        return;
    const QList<CertificateInfo> left = m_vault->certificates();
    for (const CertificateInfo &info : left) {
        const VaultTestUtil::JobResult removed = VaultTestUtil::wait(m_vault->remove(info.id));
        QVERIFY2(removed.ok(), qPrintable(removed.describe()));
    }
    // No private key in any file LineScope (or this test's vault) wrote.
    QList<QByteArray> needles;
    for (const QString &key : std::as_const(m_keyNames))
        needles += m_pki->keyNeedles(key);
    QStringList folders = VaultTestUtil::lineScopeFolders();
    folders.append(m_configDir.path());
    const QStringList leaks = VaultTestUtil::filesWithKeyMaterial(folders, needles);
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("key material in: ") + leaks.join(QLatin1String(", "))));
}

bool TestCertificatesUi::dropAndCheck(CertificateImportWizard &wizard, const QStringList &files)
{
    QSignalSpy checked(&wizard, &CertificateImportWizard::checked);
    if (!dropFiles(&wizard, files))
        return false;
    return checked.wait(Timeout) || !checked.isEmpty();
}

QString TestCertificatesUi::importThroughWizard(const QStringList &files, const QString &name, QString *error)
{
    CertificateImportWizard wizard(m_vault.get());
    wizard.show();
    if (!dropAndCheck(wizard, files)) {
        *error = QStringLiteral("the drop was refused or no check finished");
        return {};
    }
    if (!wizard.canImport()) {
        *error = wizard.errorText();
        return {};
    }
    child<QLineEdit>(wizard, QStringLiteral("name"))->setText(name);
    QSignalSpy imported(&wizard, &CertificateImportWizard::imported);
    QSignalSpy failed(&wizard, &CertificateImportWizard::importFailed);
    QTest::mouseClick(child<QPushButton>(wizard, QStringLiteral("import")), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !imported.isEmpty() || !failed.isEmpty(); }, Timeout) || imported.isEmpty()) {
        *error = failed.isEmpty() ? QStringLiteral("no answer from the vault") : wizard.errorText();
        return {};
    }
    return imported.constFirst().at(0).toString();
}

void TestCertificatesUi::validityWordsAndColours_data()
{
    QTest::addColumn<qint64>("notBefore");   // seconds from noon (local time)
    QTest::addColumn<qint64>("notAfter");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QColor>("color");       // invalid: the palette's

    QTest::newRow("a year") << -Day << 365 * Day + 60 << QStringLiteral("365 days left") << QColor();
    QTest::newRow("30 days: no warning yet") << -Day << 30 * Day + 60 << QStringLiteral("30 days left") << QColor();
    QTest::newRow("29 days: warning") << -Day << 29 * Day + 60 << QStringLiteral("29 days left") << Amber;
    QTest::newRow("2 days") << -Day << 2 * Day << QStringLiteral("2 days left") << Amber;
    QTest::newRow("1 day") << -Day << Day + 60 << QStringLiteral("expires tomorrow") << Amber;
    QTest::newRow("an hour left") << -Day << qint64(3600) << QStringLiteral("expires today") << Amber;
    QTest::newRow("expired a minute ago") << -30 * Day << qint64(-60) << QStringLiteral("expired today") << Red;
    QTest::newRow("expired yesterday") << -30 * Day << -Day << QStringLiteral("expired yesterday") << Red;
    QTest::newRow("expired 3 days ago") << -30 * Day << -3 * Day + 60 << QStringLiteral("expired 3 days ago") << Red;
    QTest::newRow("not valid yet") << Day << 30 * Day << QStringLiteral("not valid yet") << Red;
}

void TestCertificatesUi::validityWordsAndColours()
{
    QFETCH(qint64, notBefore);
    QFETCH(qint64, notAfter);
    QFETCH(QString, text);
    QFETCH(QColor, color);
    // Noon, so the hour-sized offsets stay within the calendar day the words count in.
    const QDateTime now = QDateTime(QDate(2026, 6, 10), QTime(12, 0)).toUTC();
    CertificateInfo info;
    info.name = QStringLiteral("press-9");
    info.subject = QStringLiteral("CN=press-9");
    info.notBefore = now.addSecs(notBefore);
    info.notAfter = now.addSecs(notAfter);
    QCOMPARE(CertificateValidityStyle::daysLeftText(info, now), text);
    QCOMPARE(CertificateValidityStyle::color(info.validity(now)), color);
    QCOMPARE(CertificateValidityStyle::pickerText(info, now), QStringLiteral("press-9, %1 (CN=press-9)").arg(text));
}

void TestCertificatesUi::awsDownloadSetInOneDrop()
{
    CertificateImportWizard wizard(m_vault.get());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const QStringList files = {m_pki->path(QStringLiteral("3f2a9c41d7-certificate.pem.crt")),
                               m_pki->path(QStringLiteral("3f2a9c41d7-private.pem.key")),
                               m_pki->path(QStringLiteral("AmazonRootCA1.pem"))};
    QVERIFY2(dropAndCheck(wizard, files), "drop refused or no check");
    QVERIFY2(wizard.canImport(), qPrintable(wizard.errorText()));
    QVERIFY2(!wizard.isPassphraseRequested(), "asked for a passphrase for an unencrypted key");
    QCOMPARE(wizard.files().size(), 3);

    // Each file is named with what it turned out to be.
    const QStringList roles = listTexts(child<QListWidget>(wizard, QStringLiteral("files")));
    const QStringList expected = {QStringLiteral("3f2a9c41d7-certificate.pem.crt: client certificate"),
                                  QStringLiteral("3f2a9c41d7-private.pem.key: private key"),
                                  QStringLiteral("AmazonRootCA1.pem: CA certificate, to verify the broker")};
    QCOMPARE(roles, expected);
    QCOMPARE(child<QLineEdit>(wizard, QStringLiteral("name"))->text(), QStringLiteral("press-4"));
    const QString summary = child<QLabel>(wizard, QStringLiteral("summary"))->text();
    QVERIFY2(summary.contains(QLatin1String("CN=press-4")) && summary.contains(expiresInWords(YearAndHour))
                 && summary.contains(QLatin1String("1 CA certificate")),
             qPrintable(summary));
    QTest::qWait(200);   // let the layout take the summary into account
    saveScreenshot(&wizard, QStringLiteral("certificate-import.png"));

    child<QLineEdit>(wizard, QStringLiteral("name"))->setText(QStringLiteral("Press 4 (AWS)"));
    QSignalSpy imported(&wizard, &CertificateImportWizard::imported);
    QTest::mouseClick(child<QPushButton>(wizard, QStringLiteral("import")), Qt::LeftButton);
    QVERIFY2(imported.wait(Timeout) || !imported.isEmpty(), qPrintable(wizard.errorText()));
    const QString id = imported.constFirst().at(0).toString();
    const std::optional<CertificateInfo> info = m_vault->certificate(id);
    QVERIFY2(info.has_value(), qPrintable(id));
    QCOMPARE(info->name, QStringLiteral("Press 4 (AWS)"));
    QCOMPARE(info->caCertificates, 1);
    QVERIFY(wizard.result() == QDialog::Accepted);
    m_ids.insert(QStringLiteral("aws"), id);
}

void TestCertificatesUi::passphraseOnlyWhenNeeded()
{
    CertificateImportWizard wizard(m_vault.get());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(!wizard.isPassphraseRequested());
    QVERIFY(dropAndCheck(wizard, {m_pki->path(QStringLiteral("locked.crt")), m_pki->path(QStringLiteral("locked.key"))}));
    QVERIFY2(wizard.isPassphraseRequested(), qPrintable(wizard.errorText()));
    QVERIFY2(wizard.errorText().contains(QLatin1String("passphrase")) && wizard.errorText().contains(QLatin1String("locked.key")),
             qPrintable(wizard.errorText()));
    QVERIFY(!wizard.canImport());

    auto *passphrase = child<QLineEdit>(wizard, QStringLiteral("passphrase"));
    QSignalSpy checked(&wizard, &CertificateImportWizard::checked);
    QTest::keyClicks(passphrase, QStringLiteral("wrong"));
    QTest::mouseClick(child<QPushButton>(wizard, QStringLiteral("unlock")), Qt::LeftButton);
    QVERIFY(checked.wait(Timeout) || !checked.isEmpty());
    QVERIFY2(wizard.errorText().contains(QLatin1String("does not unlock")), qPrintable(wizard.errorText()));
    QVERIFY(!wizard.canImport());

    checked.clear();
    passphrase->clear();
    QTest::keyClicks(passphrase, QStringLiteral("s3cret"));
    QTest::keyClick(passphrase, Qt::Key_Return);
    QVERIFY(checked.wait(Timeout) || !checked.isEmpty());
    QVERIFY2(wizard.canImport(), qPrintable(wizard.errorText()));
    QVERIFY(wizard.errorText().isEmpty());
}

void TestCertificatesUi::importErrorsInWords_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("words");

    QTest::newRow("key of another certificate")
        << QStringList{QStringLiteral("stranger.crt"), QStringLiteral("oven-2.key")}
        << QStringLiteral("does not belong to the certificate");
    QTest::newRow("expired") << QStringList{QStringLiteral("old.crt"), QStringLiteral("old.key")}
                             << QStringLiteral("expired on");
    QTest::newRow("not a certificate") << QStringList{QStringLiteral("notes.txt")}
                                       << QStringLiteral("notes.txt");
}

void TestCertificatesUi::importErrorsInWords()
{
    QFETCH(QStringList, files);
    QFETCH(QString, words);
    QStringList paths;
    for (const QString &file : std::as_const(files))
        paths.append(m_pki->path(file));
    CertificateImportWizard wizard(m_vault.get());
    wizard.show();
    QVERIFY(dropAndCheck(wizard, paths));
    QVERIFY(!wizard.canImport());
    QVERIFY(!child<QPushButton>(wizard, QStringLiteral("import"))->isEnabled());
    QVERIFY2(wizard.errorText().contains(words), qPrintable(wizard.errorText()));
    QVERIFY(child<QLabel>(wizard, QStringLiteral("error"))->isVisible());
}

void TestCertificatesUi::expiringCertificateWarns()
{
    CertificateImportWizard wizard(m_vault.get());
    wizard.show();
    QVERIFY(dropAndCheck(wizard, {m_pki->path(QStringLiteral("oven-2.crt")), m_pki->path(QStringLiteral("oven-2.key"))}));
    QVERIFY2(wizard.canImport(), qPrintable(wizard.errorText()));   // a warning, not an error
    QVERIFY2(wizard.warningText().contains(expiresInWords(TenDaysAndHour)), qPrintable(wizard.warningText()));
    QVERIFY(child<QLabel>(wizard, QStringLiteral("warning"))->isVisible());

    QString error;
    const QString id = importThroughWizard({m_pki->path(QStringLiteral("oven-2.crt")), m_pki->path(QStringLiteral("oven-2.key"))},
                                           QStringLiteral("Oven 2"), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    m_ids.insert(QStringLiteral("expiring"), id);
}

void TestCertificatesUi::sameCertificateTwiceIsRefused()
{
    CertificateImportWizard wizard(m_vault.get());
    wizard.show();
    QVERIFY(dropAndCheck(wizard, {m_pki->path(QStringLiteral("oven-2.crt")), m_pki->path(QStringLiteral("oven-2.key"))}));
    QVERIFY2(wizard.canImport(), qPrintable(wizard.errorText()));
    QSignalSpy failed(&wizard, &CertificateImportWizard::importFailed);
    QSignalSpy imported(&wizard, &CertificateImportWizard::imported);
    QTest::mouseClick(child<QPushButton>(wizard, QStringLiteral("import")), Qt::LeftButton);
    QVERIFY(failed.wait(Timeout) || !failed.isEmpty());
    QVERIFY(imported.isEmpty());
    QVERIFY2(wizard.errorText().contains(QLatin1String("already")), qPrintable(wizard.errorText()));
    QVERIFY(wizard.isVisible());
    // The check runs again, so the vault's reason stays and the dialog is usable.
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isChecking(), Timeout);
    QVERIFY2(wizard.errorText().contains(QLatin1String("already")), qPrintable(wizard.errorText()));
    QVERIFY(child<QLabel>(wizard, QStringLiteral("error"))->isVisible());
}

void TestCertificatesUi::dropOnTheNameFieldAddsTheFiles()
{
    CertificateImportWizard wizard(m_vault.get());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *name = child<QLineEdit>(wizard, QStringLiteral("name"));
    // Delivered where the user let go; the field passes it on to the dialog.
    QSignalSpy checked(&wizard, &CertificateImportWizard::checked);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_pki->path(QStringLiteral("stranger.crt")))});
    QDragEnterEvent enter(name->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(name, &enter);
    QDropEvent drop(QPointF(name->rect().center()), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(name, &drop);
    QVERIFY(checked.wait(Timeout) || !checked.isEmpty());
    QCOMPARE(wizard.files(), QStringList{m_pki->path(QStringLiteral("stranger.crt"))});
    QVERIFY2(!name->text().contains(QLatin1String("file:")), qPrintable(name->text()));
    QVERIFY2(wizard.errorText().contains(QLatin1String("private key")), qPrintable(wizard.errorText()));
}

void TestCertificatesUi::pageShowsDaysLeftAndExports()
{
    CertificatesPage page(m_vault.get());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *tree = child<QTreeWidget>(page, QStringLiteral("certificates"));
    QCOMPARE(tree->topLevelItemCount(), 2);

    QTreeWidgetItem *oven = rowFor(tree, QStringLiteral("Oven 2"));
    QTreeWidgetItem *press = rowFor(tree, QStringLiteral("Press 4 (AWS)"));
    QVERIFY(oven && press);
    QCOMPARE(oven->text(1), daysLeftWords(TenDaysAndHour));
    QCOMPARE(oven->foreground(1).color(), Amber);
    QCOMPARE(press->text(1), daysLeftWords(YearAndHour));
    QVERIFY2(press->foreground(1).style() == Qt::NoBrush, "a certificate valid for a year is coloured as a warning");
    QCOMPARE(press->text(2), QStringLiteral("CN=press-4,O=LineScope Tests"));
    QCOMPARE(press->text(3), QStringLiteral("CN=Amazon Root CA 1 (test),O=LineScope Tests"));
    QCOMPARE(press->text(4), QStringLiteral("EC P-256"));

    QVERIFY(page.selectCertificate(m_ids.value(QStringLiteral("expiring"))));
    const QString details = child<QLabel>(page, QStringLiteral("details"))->text();
    QVERIFY2(details.contains(QLatin1String("CN=oven-2")) && details.contains(expiresInWords(TenDaysAndHour))
                 && details.contains(Amber.name()),
             qPrintable(details));
    QTest::qWait(200);
    saveScreenshot(&page, QStringLiteral("certificates.png"));

    // Export: the certificate, never the key.
    const QString path = m_configDir.filePath(QStringLiteral("oven-2-export.pem"));
    QSignalSpy finished(&page, &CertificatesPage::operationFinished);
    page.exportCertificate(m_ids.value(QStringLiteral("expiring")), path);
    QVERIFY(finished.wait(Timeout) || !finished.isEmpty());
    QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(page.statusText()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray exported = file.readAll();
    QVERIFY(exported.contains(m_pki->certificatePem(QStringLiteral("oven-2")).trimmed()));
    const QStringList leaks = VaultTestUtil::filesWithKeyMaterial({m_configDir.path()},
                                                                  m_pki->keyNeedles(QStringLiteral("oven-2-key")));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));
    QVERIFY(file.remove());
}

void TestCertificatesUi::connectionDialogPicksIdentity()
{
    SecretStore secrets(KeychainService);
    const QString profilesFile = m_configDir.filePath(QStringLiteral("profiles.ini"));
    ProfileStore store(&secrets, profilesFile);
    const QString ovenId = m_ids.value(QStringLiteral("expiring"));
    QUuid savedId;
    {
        ConnectionDialog dialog(&store, m_vault.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QLineEdit>(dialog, QStringLiteral("name"))->setText(QStringLiteral("Oven line"));
        child<QLineEdit>(dialog, QStringLiteral("host"))->setText(QStringLiteral("broker.oven.example"));
        child<QLineEdit>(dialog, QStringLiteral("port"))->setText(QStringLiteral("8883"));
        child<QGroupBox>(dialog, QStringLiteral("tls"))->setChecked(true);
        auto *identity = child<QComboBox>(dialog, QStringLiteral("clientIdentity"));
        QCOMPARE(identity->count(), 3);   // none + two vault entries
        const int index = identity->findData(ovenId);
        QVERIFY(index > 0);
        QCOMPARE(identity->itemText(index),
                 QStringLiteral("Oven 2, %1 (CN=oven-2,O=LineScope Tests)").arg(daysLeftWords(TenDaysAndHour)));
        identity->setCurrentIndex(index);
        auto *info = child<QLabel>(dialog, QStringLiteral("clientIdentityInfo"));
        QVERIFY(info->isVisible());
        QVERIFY2(info->text().contains(expiresInWords(TenDaysAndHour)), qPrintable(info->text()));
        QCOMPARE(info->palette().color(QPalette::WindowText), Amber);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.validationError()));

        QSignalSpy saved(&dialog, &ConnectionDialog::profileSaved);
        QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("saveProfile")), Qt::LeftButton);
        QVERIFY2(saved.wait(Timeout) || !saved.isEmpty(), qPrintable(dialog.statusText()));
        savedId = saved.constFirst().at(0).toUuid();
    }

    // The profile keeps the vault id (and nothing of the certificate).
    const std::optional<ConnectionProfile> profile = store.profile(savedId);
    QVERIFY(profile.has_value());
    QCOMPARE(profile->settings.tls.clientIdentityId, ovenId);
    QFile file(profilesFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QVERIFY(!file.readAll().contains("BEGIN"));

    // A new dialog lists it with the days left, amber, and picks the identity again.
    ConnectionDialog dialog(&store, m_vault.get());
    auto *list = child<QListWidget>(dialog, QStringLiteral("profiles"));
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Oven line (certificate: %1)").arg(daysLeftWords(TenDaysAndHour)));
    QCOMPARE(list->item(0)->foreground().color(), Amber);
    list->setCurrentRow(0);
    QCOMPARE(child<QComboBox>(dialog, QStringLiteral("clientIdentity"))->currentData().toString(), ovenId);
    QCOMPARE(dialog.profile().settings.tls.clientIdentityId, ovenId);

    QSignalSpy removed(&store, &ProfileStore::removed);
    store.remove(savedId);
    QVERIFY(removed.wait(Timeout) || !removed.isEmpty());
}

void TestCertificatesUi::awsIotPresetFillsTheForm()
{
    ConnectionDialog dialog(nullptr, m_vault.get());
    auto *identity = child<QComboBox>(dialog, QStringLiteral("clientIdentity"));
    identity->setCurrentIndex(identity->findData(m_ids.value(QStringLiteral("aws"))));

    AwsIotPreset::Options options;
    options.endpoint = QStringLiteral("a1b2c3d4e5f6g7-ats.iot.eu-central-1.amazonaws.com");
    options.thingName = QStringLiteral("press-4");
    options.port = AwsIotPreset::Port::Https443;
    QCOMPARE(dialog.applyAwsIotPreset(options), QString());
    const ConnectionSettings s = dialog.profile().settings;
    QCOMPARE(s.host, options.endpoint);
    QCOMPARE(s.port, 443);
    QVERIFY(s.tls.enabled);
    QCOMPARE(s.tls.alpnProtocols, QStringList{QStringLiteral("x-amzn-mqtt-ca")});
    QCOMPARE(s.clientId, QStringLiteral("press-4"));
    QCOMPARE(s.tls.clientIdentityId, m_ids.value(QStringLiteral("aws")));
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("alpn"))->text(), QStringLiteral("x-amzn-mqtt-ca"));
    // The CA comes from the vault entry (AmazonRootCA1 was imported with it).
    QVERIFY2(child<QLineEdit>(dialog, QStringLiteral("caFile"))->placeholderText().contains(QLatin1String("Press 4 (AWS)")),
             qPrintable(child<QLineEdit>(dialog, QStringLiteral("caFile"))->placeholderText()));
    QVERIFY2(dialog.isValid(), qPrintable(dialog.validationError()));

    options.port = AwsIotPreset::Port::Mqtt8883;
    QCOMPARE(dialog.applyAwsIotPreset(options), QString());
    QCOMPARE(dialog.profile().settings.port, 8883);
    QVERIFY(dialog.profile().settings.tls.alpnProtocols.isEmpty());

    options.endpoint = QStringLiteral("https://example.com:443/");
    const QString error = dialog.applyAwsIotPreset(options);
    QVERIFY2(error.contains(QLatin1String("AWS IoT endpoint")), qPrintable(error));
    QCOMPARE(dialog.profile().settings.port, 8883);   // left alone
}

void TestCertificatesUi::importFromTheConnectionDialog()
{
    ConnectionDialog dialog(nullptr, m_vault.get());
    dialog.show();
    auto *identity = child<QComboBox>(dialog, QStringLiteral("clientIdentity"));
    const int before = identity->count();
    QVERIFY(!child<QGroupBox>(dialog, QStringLiteral("tls"))->isChecked());
    CertificateImportWizard *wizard = dialog.openCertificateImport();
    QVERIFY(wizard);
    QVERIFY(dropAndCheck(*wizard, {m_pki->path(QStringLiteral("stranger.crt")), m_pki->path(QStringLiteral("stranger.key"))}));
    QVERIFY2(wizard->canImport(), qPrintable(wizard->errorText()));
    QSignalSpy imported(wizard, &CertificateImportWizard::imported);
    QTest::mouseClick(child<QPushButton>(*wizard, QStringLiteral("import")), Qt::LeftButton);
    QVERIFY2(imported.wait(Timeout) || !imported.isEmpty(), qPrintable(wizard->errorText()));
    const QString id = imported.constFirst().at(0).toString();

    // The new certificate is listed, chosen, and TLS is on.
    QCOMPARE(identity->count(), before + 1);
    QCOMPARE(identity->currentData().toString(), id);
    QVERIFY(child<QGroupBox>(dialog, QStringLiteral("tls"))->isChecked());
    QCOMPARE(dialog.profile().settings.tls.clientIdentityId, id);
    QVERIFY2(dialog.isValid(), qPrintable(dialog.validationError()));
}

// An open connection dialog and Certificates page follow imports and
// deletions made elsewhere, without being reopened, and keep their selection.
void TestCertificatesUi::openDialogFollowsTheVault()
{
    const QString awsId = m_ids.value(QStringLiteral("aws"));
    ConnectionDialog dialog(nullptr, m_vault.get());
    dialog.show();
    auto *identity = child<QComboBox>(dialog, QStringLiteral("clientIdentity"));
    identity->setCurrentIndex(identity->findData(awsId));
    QCOMPARE(identity->currentData().toString(), awsId);
    const int before = identity->count();

    CertificatesPage page(m_vault.get());
    page.show();
    auto *tree = child<QTreeWidget>(page, QStringLiteral("certificates"));
    const int rowsBefore = tree->topLevelItemCount();
    CertificateImportWizard *wizard = page.openImportWizard();
    QVERIFY(wizard);
    QVERIFY(dropAndCheck(*wizard, {m_pki->path(QStringLiteral("kiln-1.crt")), m_pki->path(QStringLiteral("kiln-1.key"))}));
    QVERIFY2(wizard->canImport(), qPrintable(wizard->errorText()));
    child<QLineEdit>(*wizard, QStringLiteral("name"))->setText(QStringLiteral("Kiln 1"));
    QSignalSpy imported(wizard, &CertificateImportWizard::imported);
    QTest::mouseClick(child<QPushButton>(*wizard, QStringLiteral("import")), Qt::LeftButton);
    QVERIFY2(imported.wait(Timeout) || !imported.isEmpty(), qPrintable(wizard->errorText()));
    const QString kilnId = imported.constFirst().at(0).toString();

    QTRY_VERIFY2_WITH_TIMEOUT(identity->findData(kilnId) > 0,
                              qPrintable(QStringLiteral("the open dialog does not list %1 (%2 entries)")
                                             .arg(kilnId)
                                             .arg(identity->count())),
                              Timeout);
    QCOMPARE(identity->count(), before + 1);
    QVERIFY2(identity->itemText(identity->findData(kilnId)).startsWith(QLatin1String("Kiln 1, ")),
             qPrintable(identity->itemText(identity->findData(kilnId))));
    QCOMPARE(identity->currentData().toString(), awsId);

    // Deleted elsewhere (here: straight through the vault): gone from both, the selection stays.
    const VaultTestUtil::JobResult removed = VaultTestUtil::wait(m_vault->remove(kilnId));
    QVERIFY2(removed.ok(), qPrintable(removed.describe()));
    QCOMPARE(identity->findData(kilnId), -1);
    QCOMPARE(identity->count(), before);
    QCOMPARE(identity->currentData().toString(), awsId);
    QCOMPARE(dialog.profile().settings.tls.clientIdentityId, awsId);
    QCOMPARE(tree->topLevelItemCount(), rowsBefore);
    QVERIFY(!rowFor(tree, QStringLiteral("Kiln 1")));
}

void TestCertificatesUi::replaceKeepsTheOldOne()
{
    const QString oldId = m_ids.value(QStringLiteral("aws"));
    CertificatesPage page(m_vault.get());
    page.show();
    QVERIFY(page.selectCertificate(oldId));
    CertificateImportWizard *wizard = page.openReplaceWizard();
    QVERIFY(wizard);
    QVERIFY(dropAndCheck(*wizard, {m_pki->path(QStringLiteral("press-4-renewed.crt")),
                                   m_pki->path(QStringLiteral("press-4-renewed.key"))}));
    QVERIFY2(wizard->canImport(), qPrintable(wizard->errorText()));
    QSignalSpy changed(&page, &CertificatesPage::certificatesChanged);
    QTest::mouseClick(child<QPushButton>(*wizard, QStringLiteral("import")), Qt::LeftButton);
    QVERIFY2(changed.wait(Timeout) || !changed.isEmpty(), qPrintable(page.statusText()));

    const QString newId = m_vault->pendingReplacement(oldId);
    QVERIFY2(!newId.isEmpty() && newId != oldId, qPrintable(page.statusText()));
    QVERIFY(m_vault->certificate(oldId).has_value());   // kept until the new one connected
    QCOMPARE(m_vault->connectionIdentityId(oldId), newId);
    QVERIFY(page.selectCertificate(oldId));
    const QString details = child<QLabel>(page, QStringLiteral("details"))->text();
    QVERIFY2(details.contains(QLatin1String("Being replaced by")), qPrintable(details));
    QVERIFY(child<QPushButton>(page, QStringLiteral("cancelReplacement"))->isVisible());

    page.cancelReplacement(oldId);
    QVERIFY(m_vault->pendingReplacement(oldId).isEmpty());
    m_ids.insert(QStringLiteral("renewed"), newId);
}

void TestCertificatesUi::deleteAsksFirst()
{
    const QString id = m_ids.value(QStringLiteral("renewed"));
    QVERIFY(!id.isEmpty());
    CertificatesPage page(m_vault.get());
    page.show();
    auto *tree = child<QTreeWidget>(page, QStringLiteral("certificates"));
    const int before = tree->topLevelItemCount();
    QVERIFY(page.selectCertificate(id));

    // Cancel keeps it.
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("delete")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QMessageBox *>(QStringLiteral("confirmDelete")), Timeout);
    auto *box = page.findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
    QVERIFY2(box->text().contains(QLatin1String("press-4-renewed")), qPrintable(box->text()));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!page.findChild<QMessageBox *>(QStringLiteral("confirmDelete")), Timeout);
    QVERIFY(m_vault->certificate(id).has_value());

    // Delete removes it from the vault and the list.
    QSignalSpy finished(&page, &CertificatesPage::operationFinished);
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("delete")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QMessageBox *>(QStringLiteral("confirmDelete")), Timeout);
    child<QPushButton>(*page.findChild<QMessageBox *>(QStringLiteral("confirmDelete")), QStringLiteral("confirm"))->click();
    QVERIFY(finished.wait(Timeout) || !finished.isEmpty());
    QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(page.statusText()));
    QVERIFY(!m_vault->certificate(id).has_value());
    QCOMPARE(tree->topLevelItemCount(), before - 1);
    QVERIFY(!rowFor(tree, QStringLiteral("press-4-renewed")));
}

void TestCertificatesUi::mainWindowOpensThePage()
{
    MainWindow window;
    auto *action = window.findChild<QAction *>(QStringLiteral("openCertificates"));
    QVERIFY(action);
    QVERIFY(!window.findChild<CertificatesPage *>());
    action->trigger();
    auto *page = window.findChild<CertificatesPage *>();
    QVERIFY(page);
    QVERIFY(page->isWindow());
    QVERIFY(page->isVisible());
    // A second trigger raises the same page instead of opening another.
    action->trigger();
    QCOMPARE(window.findChildren<CertificatesPage *>().size(), 1);
}

QTEST_MAIN(TestCertificatesUi)
#include "tst_certificates_ui.moc"
