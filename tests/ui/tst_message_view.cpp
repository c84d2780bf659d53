#include "payload/json_decoder.h"
#include "payload/payload_decoder_registry.h"
#include "screenshot.h"
#include "topics/topic_tree_model.h"
#include "topictree/message_diff_view.h"
#include "topictree/message_view.h"
#include "topictree/payload_tree_model.h"

#include <QAbstractItemModelTester>
#include <QCborMap>
#include <QCborValue>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int Timeout = 20000;
const QString Topic = QStringLiteral("factory/chicago/line-3/press-7/telemetry");

MqttMessage message(const QByteArray &payload, qint64 at, const QString &topic = Topic)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.qos = 1;
    m.receivedAtMs = at;
    return m;
}

QByteArray cborPayload()
{
    QCborMap map;
    map.insert(QStringLiteral("temperature"), 72.5);
    map.insert(QStringLiteral("ok"), true);
    return QCborValue(map).toCbor();
}

} // namespace

class TestMessageView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void autoDetectsDecoder_data();
    void autoDetectsDecoder();
    void overrideIsPerTopic();
    void malformedPayloadShowsErrorAboveRawBytes_data();
    void malformedPayloadShowsErrorAboveRawBytes();
    void diffOfLastTwoMessages_data();
    void diffOfLastTwoMessages();
    void exportsHistoryAsJsonLines();
};

void TestMessageView::autoDetectsDecoder_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<bool>("hasTree");
    QTest::addColumn<QString>("textContains");

    QTest::newRow("json object") << QByteArray(R"({"state":"running","speed":42})") << QStringLiteral("json") << true
                                 << QStringLiteral("\"speed\": 42");
    QTest::newRow("json array") << QByteArray("[1,2,3]") << QStringLiteral("json") << true << QStringLiteral("  2,");
    QTest::newRow("cbor map") << cborPayload() << QStringLiteral("cbor") << true << QStringLiteral("\"temperature\"");
    QTest::newRow("plain text") << QByteArray("23.5") << QStringLiteral("text") << false << QStringLiteral("23.5");
    QTest::newRow("binary") << QByteArray::fromHex("00ff10fe8081") << QStringLiteral("hex") << false
                            << QStringLiteral("00 ff 10 fe 80 81");
}

void TestMessageView::autoDetectsDecoder()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, decoder);
    QFETCH(bool, hasTree);
    QFETCH(QString, textContains);

    TopicTreeModel model;
    model.addMessages({message(payload, 1000)});
    MessageView view;
    QAbstractItemModelTester tester(view.payloadTreeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setModel(&model);
    view.setTopic(Topic);
    QVERIFY(view.hasMessage());
    QCOMPARE(view.decoderChoice(), QString());
    QCOMPARE(view.effectiveDecoderId(), decoder);
    QVERIFY2(view.decodeErrorText().isEmpty(), qPrintable(view.decodeErrorText()));
    QVERIFY2(view.decodedText().contains(textContains), qPrintable(view.decodedText()));
    QCOMPARE(view.payloadTreeModel()->rowCount() > 0, hasTree);
    if (hasTree) {
        const QModelIndex first = view.payloadTreeModel()->index(0, PayloadTreeModel::NameColumn);
        QVERIFY(!first.data().toString().isEmpty() || decoder == QLatin1String("json"));
    }
}

void TestMessageView::overrideIsPerTopic()
{
    const QString other = QStringLiteral("factory/chicago/line-3/press-8/telemetry");
    const QByteArray json = R"({"state":"running"})";
    TopicTreeModel model;
    model.addMessages({message(json, 1000), message(json, 1001, other)});
    MessageView view;
    view.setModel(&model);
    view.setTopic(Topic);
    QCOMPARE(view.effectiveDecoderId(), QStringLiteral("json"));

    view.setDecoderChoice(QStringLiteral("hex"));
    QCOMPARE(view.effectiveDecoderId(), QStringLiteral("hex"));
    QVERIFY2(view.decodedText().startsWith(QLatin1String("00000000  7b 22 73 74")), qPrintable(view.decodedText()));
    QCOMPARE(view.decoderRegistry()->overrideFor(Topic), QStringLiteral("hex"));

    view.setTopic(other);
    QCOMPARE(view.decoderChoice(), QString());
    QCOMPARE(view.effectiveDecoderId(), QStringLiteral("json"));

    view.setTopic(Topic);   // the choice is remembered for the topic
    QCOMPARE(view.decoderChoice(), QStringLiteral("hex"));
    QCOMPARE(view.effectiveDecoderId(), QStringLiteral("hex"));

    view.setDecoderChoice(QString());
    QCOMPARE(view.effectiveDecoderId(), QStringLiteral("json"));
    QCOMPARE(view.decoderRegistry()->overrideFor(Topic), QString());
}

void TestMessageView::malformedPayloadShowsErrorAboveRawBytes_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<QString>("name");

    QTest::newRow("json missing value") << QByteArray(R"({"speed": 42, "state": })") << QStringLiteral("json") << QStringLiteral("JSON");
    QTest::newRow("json truncated") << QByteArray(R"({"speed": [1, 2)") << QStringLiteral("json") << QStringLiteral("JSON");
    QTest::newRow("cbor truncated") << cborPayload().left(7) << QStringLiteral("cbor") << QStringLiteral("CBOR");
    QTest::newRow("invalid utf-8 as text") << QByteArray("temp \xff\xfe 20") << QStringLiteral("text") << QStringLiteral("UTF-8 text");
}

void TestMessageView::malformedPayloadShowsErrorAboveRawBytes()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, decoder);
    QFETCH(QString, name);

    TopicTreeModel model;
    model.addMessages({message(payload, 1000)});
    MessageView view;
    view.setModel(&model);
    view.setTopic(Topic);
    view.setDecoderChoice(decoder);
    const DecodedPayload decoded = view.decodedPayload();
    QVERIFY(!decoded.ok);
    QVERIFY(decoded.errorPosition >= 0);
    const QString error = view.decodeErrorText();
    QVERIFY2(error.startsWith(QStringLiteral("Not valid %1: ").arg(name)), qPrintable(error));
    QVERIFY2(error.contains(decoded.errorReason), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("at byte %1").arg(decoded.errorPosition)), qPrintable(error));
    // The raw bytes are shown below the error, never an empty pane.
    const QString firstBytes = QString::fromLatin1(payload.left(4).toHex(' '));
    QVERIFY2(view.decodedText().startsWith(QStringLiteral("00000000  ") + firstBytes), qPrintable(view.decodedText()));
    if (decoder == QLatin1String("json"))
        QCOMPARE(decoded.errorPosition, JsonDecoder::parse(payload).errorPosition);
}

void TestMessageView::diffOfLastTwoMessages_data()
{
    QTest::addColumn<QByteArrayList>("payloads");
    QTest::addColumn<QStringList>("expectedRows");
    QTest::addColumn<QStringList>("absentRows");

    QTest::newRow("json changed and added")
        << QByteArrayList{R"({"temp": 19, "state": "idle"})", R"({"temp": 20, "state": "run", "mode": "auto"})",
                          R"({"temp": 21, "state": "run", "alarm": true})"}
        << QStringList{QStringLiteral("changed /temp 20 → 21"), QStringLiteral("added /alarm → true"),
                       QStringLiteral("removed /mode \"auto\"")}
        << QStringList{QStringLiteral("changed /state")};
    QTest::newRow("nested json path")
        << QByteArrayList{R"({"m": [{"v": 1}, {"v": 2}]})", R"({"m": [{"v": 1}, {"v": 3}]})"}
        << QStringList{QStringLiteral("changed /m/1/v 2 → 3")} << QStringList{QStringLiteral("changed /m/0/v")};
    QTest::newRow("text lines")
        << QByteArrayList{"line a\nline b\nline c", "line a\nline B\nline c"}
        << QStringList{QStringLiteral("2 - line b"), QStringLiteral("2 + line B")} << QStringList{};
}

void TestMessageView::diffOfLastTwoMessages()
{
    QFETCH(QByteArrayList, payloads);
    QFETCH(QStringList, expectedRows);
    QFETCH(QStringList, absentRows);

    TopicTreeModel model;
    qint64 at = 1'700'000'000'000;
    for (const QByteArray &payload : std::as_const(payloads))
        model.addMessages({message(payload, at++)});
    MessageView view;
    view.resize(900, 640);
    view.show();
    view.setModel(&model);
    view.setTopic(Topic);
    QSignalSpy updated(view.diffView(), &MessageDiffView::diffUpdated);
    view.showDiff();
    QTRY_VERIFY_WITH_TIMEOUT(view.diffView()->hasResult(), Timeout);
    const QStringList rows = view.diffView()->rowTexts();
    for (const QString &expected : std::as_const(expectedRows))
        QVERIFY2(rows.contains(expected), qPrintable(QStringLiteral("%1 not in:\n%2").arg(expected, rows.join(u'\n'))));
    for (const QString &absent : std::as_const(absentRows)) {
        for (const QString &row : rows)
            QVERIFY2(!row.startsWith(absent), qPrintable(row));
    }
    QVERIFY2(!view.diffView()->summaryText().isEmpty(), "no summary");
    if (QByteArray(QTest::currentDataTag()) == "json changed and added")
        saveScreenshot(&view, QStringLiteral("message-diff.png"));

    // A new message moves the default pair along.
    const int before = int(updated.count());
    model.addMessages({message(payloads.constLast(), at++)});
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() > before && view.diffView()->result().isIdentical(), Timeout);
}

void TestMessageView::exportsHistoryAsJsonLines()
{
    const QList<QByteArray> payloads{R"({"state":"running"})", QByteArray::fromHex("00ff10"), "23.5"};
    TopicTreeModel model;
    qint64 at = 1'700'000'000'000;
    for (const QByteArray &payload : payloads)
        model.addMessages({message(payload, at++)});
    MessageView view;
    view.setModel(&model);
    view.setTopic(Topic);

    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("history.jsonl"));
    QSignalSpy finished(&view, &MessageView::exportFinished);
    QVERIFY(view.exportHistory(path));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), payloads.size() + 1);   // every record ends with a newline
    QVERIFY(lines.constLast().isEmpty());
    for (int i = 0; i < payloads.size(); ++i) {
        QJsonParseError error;
        const QJsonObject record = QJsonDocument::fromJson(lines.at(i), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(record.value(QStringLiteral("topic")).toString(), Topic);
        QCOMPARE(record.value(QStringLiteral("qos")).toInt(), 1);
        const QString encoding = record.value(QStringLiteral("payloadEncoding")).toString();
        const QString text = record.value(QStringLiteral("payload")).toString();
        const QByteArray decoded = encoding == QLatin1String("base64") ? QByteArray::fromBase64(text.toLatin1()) : text.toUtf8();
        QCOMPARE(decoded, payloads.at(i));
        QCOMPARE(encoding, i == 1 ? QStringLiteral("base64") : QStringLiteral("utf-8"));
    }

    // A file that cannot be written is reported with its path and reason.
    QVERIFY(view.exportHistory(dir.filePath(QStringLiteral("missing-dir/history.jsonl"))));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Timeout);
    QVERIFY2(!finished.last().at(0).toBool() && finished.last().at(1).toString().contains(QLatin1String("missing-dir")),
             qPrintable(finished.last().at(1).toString()));
}

QTEST_MAIN(TestMessageView)
#include "tst_message_view.moc"
