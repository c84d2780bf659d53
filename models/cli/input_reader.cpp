#include "input_reader.h"

#include <QFileDevice>
#include <QIODevice>
#include <QMutex>
#include <QMutexLocker>

#include <thread>

// Shared between this object and the reading thread. The thread posts to
// receiver only while holding the mutex, and the destructor clears receiver
// under the same mutex, so a post never targets a deleted object; events
// already posted are discarded by ~QObject.
struct InputReader::Channel
{
    QMutex mutex;
    InputReader *receiver = nullptr;
};

namespace {

// Removes "\n" or "\r\n" from the end of a line as returned by readLine().
QByteArray withoutLineEnd(QByteArray line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// Empty when the device reached its end normally, otherwise why it stopped.
// Only file devices (stdin, files) report read errors apart from the data.
QString readError(QIODevice *device)
{
    const auto *file = qobject_cast<QFileDevice *>(device);
    if (!file || file->error() == QFileDevice::NoError)
        return {};
    return InputReader::tr("Reading the input failed: %1").arg(file->errorString());
}

} // namespace

InputReader::InputReader(std::unique_ptr<QIODevice> device, Mode mode, QObject *parent)
    : QObject(parent)
    , m_device(std::move(device))
    , m_mode(mode)
    , m_channel(std::make_shared<Channel>())
{
    m_channel->receiver = this;
}

InputReader::~InputReader()
{
    QMutexLocker locker(&m_channel->mutex);
    m_channel->receiver = nullptr;
}

void InputReader::start()
{
    Q_ASSERT_X(m_device, "InputReader::start", "start() is legal only once");
    if (!m_device || !m_device->isReadable()) {
        const QString error = m_device ? tr("The input is not open for reading: %1").arg(m_device->errorString())
                                       : tr("The input was already consumed.");
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT finished(error); }, Qt::QueuedConnection);
        return;
    }

    // The device leaves this thread for good: no event processing is left for it here.
    m_device->moveToThread(nullptr);

    std::thread worker([device = std::shared_ptr<QIODevice>(std::move(m_device)), channel = m_channel,
                        mode = m_mode] {
        // Runs fn on the receiver's thread; returns false once the receiver is gone.
        const auto post = [&channel](auto fn) {
            QMutexLocker locker(&channel->mutex);
            if (!channel->receiver)
                return false;
            InputReader *receiver = channel->receiver;
            QMetaObject::invokeMethod(receiver, [receiver, fn] { fn(receiver); }, Qt::QueuedConnection);
            return true;
        };

        if (mode == Mode::Whole) {
            const QByteArray data = device->readAll();
            const QString error = readError(device.get());
            if (error.isEmpty())
                post([data](InputReader *r) { Q_EMIT r->allRead(data); });
            post([error](InputReader *r) { Q_EMIT r->finished(error); });
            return;
        }

        for (;;) {
            // readLine() blocks until a whole line or the end of input is there;
            // an empty result means the end (an empty line still has its "\n").
            const QByteArray line = device->readLine();
            if (line.isEmpty())
                break;
            const QByteArray text = withoutLineEnd(line);
            if (!post([text](InputReader *r) { Q_EMIT r->lineRead(text); }))
                return;
        }
        const QString error = readError(device.get());
        post([error](InputReader *r) { Q_EMIT r->finished(error); });
    });
    worker.detach();
}
