#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

QT_FORWARD_DECLARE_CLASS(QIODevice)

// Reads an input device (normally stdin) on a private thread, so a blocking
// read from a console or a pipe never stalls the event loop that drives the
// MQTT session.
//
// The reading thread is detached on purpose: a read blocked on a console or
// pipe cannot be interrupted portably, and a command must be able to give up
// (broker gone, Ctrl+C) and exit while the user still has stdin open. The
// thread owns the device from start() on and only ever hands data to this
// object while it is alive; once it is destroyed, whatever the thread still
// reads is discarded and the thread ends at end of input or with the process.
//
// Threading: create, start and destroy on the thread that receives the signals.
class InputReader : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Lines,   // lineRead() per line, line end ("\n" or "\r\n") removed
        Whole    // one allRead() with every byte up to end of input
    };
    Q_ENUM(Mode)

    // device must be open for reading; from start() on nobody else may touch it.
    InputReader(std::unique_ptr<QIODevice> device, Mode mode, QObject *parent = nullptr);
    ~InputReader() override;

    // Legal once. Signals are queued to this object's thread.
    void start();

Q_SIGNALS:
    void lineRead(const QByteArray &line);
    void allRead(const QByteArray &data);
    // End of input. error is empty at a normal end, otherwise a translated
    // sentence saying why reading stopped.
    void finished(const QString &error);

private:
    struct Channel;

    std::unique_ptr<QIODevice> m_device;
    Mode m_mode = Mode::Lines;
    std::shared_ptr<Channel> m_channel;
};
